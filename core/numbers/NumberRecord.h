#pragma once

#include "core/base/Money.h"
#include "core/numbers/NumberHolder.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace sb {

/// A number the company has bought (or had, once released back to the pool).
struct NumberRecord
{
    qint64 id = 0;
    QString e164;
    QString country;
    QString area;
    NumberHolder holder;
    int months = 1;  ///< billing period
    Money price;     ///< price of one period at the last payment
    QDate anchor;    ///< first day of the first period; periods are counted from it
    int periods = 1; ///< periods paid so far
    QDate expires;   ///< end of the paid period: renewal or release happens on this day
    bool cancelled = false;
    QString status = QStringLiteral("active"); ///< "active" or "released"
    QDateTime boughtAt;
    /// True when the holder is a member whose account is linked to a SIP profile: calls
    /// to the number go to that profile.
    QString routesToProfile;
};

/// The end of `periods` periods of `months` months from `anchor`. Counted from the anchor
/// so that a number bought on the 31st ends on the last day of shorter months and comes
/// back to the 31st where the month has one.
inline QDate periodEnd(const QDate& anchor, int months, int periods)
{
    return anchor.addMonths(months * periods);
}

} // namespace sb
