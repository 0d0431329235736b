#pragma once

#include "core/base/Money.h"

#include <QDate>

namespace sb {

/// A SIP profile's US minute bundles as they stand today: what the details pane, `profile
/// show` and the "Outgoing calls" line show.
struct BundleSummary
{
    int count = 0;              ///< bundles in force today; 0 = none
    Money pricePaid;            ///< per bundle, at the last purchase
    qint64 minutesIncluded = 0; ///< of the current period: count × 5000
    qint64 minutesUsed = 0;     ///< of the current period
    QDate periodStart;          ///< of the current period
    QDate periodEnd;            ///< of the current period (exclusive: the renewal date)
    QDate expires;              ///< end of the last period paid (later than periodEnd if extended)
    bool cancelled = false;     ///< no renewal: usable until `expires`
    QDate nextPayment;          ///< the next renewal; invalid when cancelled or none
    bool extendable = false;    ///< `expires` is within the next 30 days

    bool inForce() const { return count > 0; }
    /// What the bundles cost a month from now on: nothing once cancelled.
    Money monthlyCost() const
    {
        return cancelled ? Money() : pricePaid.times(count).value_or(Money());
    }
};

} // namespace sb
