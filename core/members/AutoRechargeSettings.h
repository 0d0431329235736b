#pragma once

#include "core/base/Money.h"

#include <QDate>
#include <QString>

namespace sb {

/// A member's auto-recharge: when the balance is below `threshold`, move `amount` from the
/// company, at most `monthlyLimit` per calendar month (UTC).
struct AutoRechargeSettings
{
    Money amount;
    Money threshold;
    Money monthlyLimit;
    /// What was recharged in `month` ("YYYY-MM").
    Money rechargedThisMonth;
    QString month;
    /// Set while the monthly limit is reached: the first day of the next month.
    QDate suspendedUntil;
};

} // namespace sb
