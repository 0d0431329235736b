#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

namespace sb {

/// A date inside a message for a person: the default locale's short format, or ISO 8601
/// where the default locale is C (switchboardctl, whose output scripts read).
inline QString displayDate(const QDate& date)
{
    const QLocale locale;
    return locale.language() == QLocale::C ? date.toString(Qt::ISODate)
                                           : locale.toString(date, QLocale::ShortFormat);
}

} // namespace sb
