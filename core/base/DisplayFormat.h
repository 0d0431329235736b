#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QString>

namespace sb {

/// The locale's short date format with a four-digit year: English's "M/d/yy" reads "2/27/27",
/// which is ambiguous once an account spans years and decades ("2/27/2027").
inline QString shortDateFormat(const QLocale& locale)
{
    QString format = locale.dateFormat(QLocale::ShortFormat);
    static const QRegularExpression twoDigitYear(QStringLiteral("(?<!y)yy(?!y)"));
    format.replace(twoDigitYear, QStringLiteral("yyyy"));
    return format;
}

/// A date in a table, pane or message: the locale's short form with a four-digit year.
inline QString shortDate(const QLocale& locale, const QDate& date)
{
    return locale.toString(date, shortDateFormat(locale));
}

/// A moment in local time: the short date with a four-digit year and the locale's short time.
inline QString shortDateTime(const QLocale& locale, const QDateTime& time)
{
    return locale.toString(time, shortDateFormat(locale) + QLatin1Char(' ') +
                                     locale.timeFormat(QLocale::ShortFormat));
}

/// A date inside a message for a person: the default locale's short format with a four-digit
/// year, or ISO 8601 where the default locale is C (switchboardctl, whose output scripts read).
inline QString displayDate(const QDate& date)
{
    const QLocale locale;
    return locale.language() == QLocale::C ? date.toString(Qt::ISODate) : shortDate(locale, date);
}

} // namespace sb
