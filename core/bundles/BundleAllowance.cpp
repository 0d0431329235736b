#include "core/bundles/BundleAllowance.h"

#include "core/base/PhoneNumbers.h"
#include "core/bundles/BundleService.h"
#include "core/storage/Transaction.h"

#include <QSqlQuery>

namespace sb {

Result<qint64> BundleAllowance::take(qint64 profileId, const QDateTime& start, qint64 minutes,
                                     const QString& e164)
{
    if (minutes <= 0 || !start.isValid())
        return qint64(0);
    auto it = m_periods.find(profileId);
    if (it == m_periods.end()) {
        // A change's old periods were refunded for their unused minutes: never used again.
        auto q = m_ctx.db.run(
            QStringLiteral("SELECT id, starts_on, ends_on, bundle_count, minutes_used FROM "
                           "bundle_periods WHERE profile_id = ? AND state <> 'changed'"),
            {profileId});
        if (!q)
            return q.error();
        QList<Period> periods;
        while (q->next())
            periods.append({q->value(0).toLongLong(),
                            QDate::fromString(q->value(1).toString(), Qt::ISODate),
                            QDate::fromString(q->value(2).toString(), Qt::ISODate),
                            q->value(3).toLongLong() * BundleService::MinutesPerBundle,
                            q->value(4).toLongLong(), 0});
        it = m_periods.insert(profileId, periods);
    }
    const QDate day = start.toUTC().date();
    for (Period& p : *it) {
        if (p.starts <= day && day < p.ends) {
            if (p.used >= p.included || !PhoneNumbers::isUnitedStates(e164))
                return qint64(0);
            const qint64 covered = std::clamp(p.included - p.used, qint64(0), minutes);
            p.used += covered;
            p.taken += covered;
            return covered;
        }
    }
    return qint64(0);
}

Result<void> BundleAllowance::save(Transaction& tx)
{
    for (auto it = m_periods.cbegin(); it != m_periods.cend(); ++it) {
        for (const Period& p : it.value()) {
            if (p.taken == 0)
                continue;
            auto u = tx.db().run(QStringLiteral("UPDATE bundle_periods SET minutes_used = "
                                                "minutes_used + ? WHERE id = ?"),
                                 {p.taken, p.id});
            if (!u)
                return u.error();
        }
    }
    m_periods.clear();
    return {};
}

} // namespace sb
