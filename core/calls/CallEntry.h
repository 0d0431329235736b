#pragma once

#include "core/base/Money.h"

#include <QDateTime>
#include <QString>

namespace sb {

/// One rated call of the history as the Calls page and `calls list` show it.
struct CallEntry
{
    enum class PayerKind
    {
        None, ///< the payer was deleted since
        Member,
        Profile
    };

    qint64 id = 0;
    QDateTime startedAt; ///< UTC
    PayerKind payerKind = PayerKind::None;
    QString payer;       ///< the member's account or the profile's name
    QString payerKey;    ///< what calls are sorted by payer on (calls.payer_key)
    QString source;      ///< the caller as logged
    QString destination; ///< as dialled
    QString e164;        ///< the destination normalised, or empty (internal, invalid)
    QString place;       ///< the destination's place: NANP area, else the price list's name
    qint64 billsec = 0;
    qint64 billedMinutes = 0;
    qint64 bundleMinutes = 0;
    Money price;    ///< what the call cost at its rate
    Money charged;  ///< what the ledger took (less only when a balance could not cover it)
    QString status; ///< RatedCall::statusKey: charged, unanswered, internal, norate, invalid
};

/// Sums over the calls a CallQuery matches (all of them, not one page).
struct CallTotals
{
    qint64 calls = 0;
    qint64 billedMinutes = 0;
    qint64 bundleMinutes = 0;
    Money price;
    Money charged;
};

} // namespace sb
