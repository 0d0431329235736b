#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"

#include <QStringList>

namespace sb {

/// `billing run`: everything due up to now. Idempotent: a second run changes nothing.
class BillingService
{
public:
    explicit BillingService(const Context& ctx) : m_ctx(ctx) {}

    struct Report
    {
        int autoRechargesReset = 0; ///< monthly limits started afresh
        int resumed = 0;            ///< suspensions that ended
        Money recharged;            ///< moved by the recharges this run made
        int numbersRenewed = 0;     ///< periods renewed (a number months behind counts each)
        int numbersReleased = 0;    ///< cancelled numbers whose period ended
        int numbersExpired = 0;     ///< renewals the company could not pay
        Money numbersSpent;
        int channelsRenewed = 0; ///< profiles whose channels were renewed
        int channelsLapsed = 0;  ///< renewals the company could not pay
        Money channelsSpent;
        QStringList bundlesRenewed; ///< profiles whose US minute bundles were renewed
        QStringList bundlesLapsed;  ///< profiles whose balance could not pay the renewal
        Money bundlesSpent;         ///< from the profiles' balances
        QStringList messages;       ///< translated news, one line each
    };
    Result<Report> run() const;

private:
    const Context& m_ctx;
};

} // namespace sb
