#pragma once

#include "Context.h"
#include "Error.h"
#include "Money.h"

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
        QStringList messages;       ///< translated news, one line each
    };
    Result<Report> run() const;

private:
    const Context& m_ctx;
};

} // namespace sb
