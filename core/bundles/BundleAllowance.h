#pragma once

#include "core/base/Error.h"
#include "core/storage/Context.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace sb {

class Transaction;

/// The bundle minutes a call import draws on: a US call paid by a SIP profile uses the
/// minutes of the bundle period its start (UTC date) falls in, up to what remains.
///
/// Kept in memory during the import (each profile's periods read once) and written back
/// once per period by save(), inside the import's transaction: the import stays one pass.
/// The caller holds the profile's balance row locked, as BundleService does, so no change
/// of the bundles can interleave.
class BundleAllowance
{
public:
    explicit BundleAllowance(const Context& ctx) : m_ctx(ctx) {}

    /// For a call to `e164` of `minutes`: takes up to that many from the profile's period of
    /// `start` when the number is a US one (NANP, region US); the minutes covered. The number
    /// is looked at only when the profile has a period then, so profiles without bundles
    /// cost the import one query each.
    Result<qint64> take(qint64 profileId, const QDateTime& start, qint64 minutes,
                        const QString& e164);
    /// Writes the minutes taken to the periods touched.
    Result<void> save(Transaction& tx);

private:
    struct Period
    {
        qint64 id = 0;
        QDate starts;
        QDate ends;
        qint64 included = 0;
        qint64 used = 0;
        qint64 taken = 0; ///< by this import, not yet written
    };
    const Context& m_ctx;
    QHash<qint64, QList<Period>> m_periods; ///< by profile id
};

} // namespace sb
