#include "core/net/ProbeService.h"

#include "core/net/ProbeRun.h"
#include "core/net/SipProbe.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "core/storage/Transaction.h"

#include <QEventLoop>

namespace sb {

namespace {
const QString kTimeoutKey = QStringLiteral("probe.timeoutMs");
} // namespace

Result<void> ProbeService::validateTimeout(int ms)
{
    if (ms < SipProbe::MinTimeoutMs || ms > SipProbe::MaxTimeoutMs)
        return Error::invalid(tr("The probe's time limit must be from %1 to %2 ms, not %3.")
                                  .arg(SipProbe::MinTimeoutMs)
                                  .arg(SipProbe::MaxTimeoutMs)
                                  .arg(ms));
    return {};
}

Result<int> ProbeService::timeoutMs() const
{
    auto v = ProviderSettings(m_ctx).value(kTimeoutKey);
    if (!v)
        return v.error();
    bool ok = false;
    const int ms = v->toInt(&ok);
    // A value nobody could have saved through validateTimeout: the default, not a failure.
    if (!ok || !validateTimeout(ms))
        return DefaultTimeoutMs;
    return ms;
}

Result<void> ProbeService::setTimeoutMs(int ms) const
{
    if (auto v = validateTimeout(ms); !v)
        return v;
    return ProviderSettings(m_ctx).setValue(kTimeoutKey, QString::number(ms));
}

Result<ProbeService::Plan> ProbeService::plan(const QString& name) const
{
    auto p = ProfileService(m_ctx).find(name);
    if (!p)
        return p.error();
    auto servers = ProviderSettings(m_ctx).sipServers();
    if (!servers)
        return servers.error();
    Plan plan;
    plan.profileId = p->id;
    plan.profileName = p->name;
    if (p->auth == SipProfile::Auth::Ip)
        plan.targets.append({p->ip, p->port, ProbeResult::Kind::Pbx});
    for (const QString& s : std::as_const(*servers)) {
        // Validated as host[:port] by ProviderSettings: names, no IPv6 literals.
        const qsizetype colon = s.lastIndexOf(QLatin1Char(':'));
        ProbeTarget t;
        t.host = colon > 0 ? s.left(colon) : s;
        t.port = colon > 0 ? s.mid(colon + 1).toInt() : 5060;
        plan.targets.append(t);
    }
    return plan;
}

Result<void> ProbeService::store(qint64 profileId, const QList<ProbeResult>& results) const
{
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<void> {
        const Database& db = tx.db();
        if (auto d = db.run(QStringLiteral("DELETE FROM profile_probes WHERE profile_id = ?"),
                            {profileId});
            !d)
            return d.error();
        for (qsizetype i = 0; i < results.size(); ++i) {
            const ProbeResult& r = results.at(i);
            auto q = db.run(
                QStringLiteral("INSERT INTO profile_probes (profile_id, position, kind, target,"
                               " result, code, rtt_ms, limit_ms, reason, checked_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {profileId, static_cast<int>(i), ProbeResult::kindKey(r.kind),
                 Database::text(r.target), ProbeResult::outcomeKey(r.result),
                 r.code ? QVariant(*r.code) : QVariant(QMetaType(QMetaType::Int)),
                 r.rttMs ? QVariant(*r.rttMs) : QVariant(QMetaType(QMetaType::Int)), r.limitMs,
                 Database::text(r.reason), r.checkedAt.toUTC().toString(Qt::ISODate)});
            if (!q)
                return q.error();
        }
        return {};
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({profileId}));
    return done;
}

Result<QList<ProbeResult>> ProbeService::latest(qint64 profileId) const
{
    auto q = m_ctx.db.run(QStringLiteral("SELECT kind, target, result, code, rtt_ms, limit_ms,"
                                         " reason, checked_at FROM profile_probes"
                                         " WHERE profile_id = ? ORDER BY position"),
                          {profileId});
    if (!q)
        return q.error();
    QList<ProbeResult> out;
    while (q->next()) {
        ProbeResult r;
        r.kind = ProbeResult::kindFromKey(q->value(0).toString());
        r.target = q->value(1).toString();
        r.result = ProbeResult::outcomeFromKey(q->value(2).toString());
        if (!q->value(3).isNull())
            r.code = q->value(3).toInt();
        if (!q->value(4).isNull())
            r.rttMs = q->value(4).toInt();
        r.limitMs = q->value(5).toInt();
        r.reason = q->value(6).toString();
        r.checkedAt = QDateTime::fromString(q->value(7).toString(), Qt::ISODate);
        out.append(r);
    }
    return out;
}

Result<QHash<qint64, ProbeSummary>> ProbeService::summaries() const
{
    auto q = m_ctx.db.run(QStringLiteral("SELECT profile_id, COUNT(*),"
                                         " SUM(CASE WHEN result = 'ok' THEN 1 ELSE 0 END),"
                                         " SUM(CASE WHEN result = 'error' THEN 1 ELSE 0 END),"
                                         " SUM(CASE WHEN result = 'no-answer' THEN 1 ELSE 0 END),"
                                         " MAX(CASE WHEN result = 'ok' THEN rtt_ms END),"
                                         " MIN(CASE WHEN result = 'error' THEN code END),"
                                         " MAX(checked_at)"
                                         " FROM profile_probes GROUP BY profile_id"));
    if (!q)
        return q.error();
    QHash<qint64, ProbeSummary> out;
    while (q->next()) {
        ProbeSummary s;
        s.targets = q->value(1).toInt();
        s.ok = q->value(2).toInt();
        s.errors = q->value(3).toInt();
        s.silent = q->value(4).toInt();
        if (!q->value(5).isNull())
            s.slowestMs = q->value(5).toInt();
        if (!q->value(6).isNull())
            s.errorCode = q->value(6).toInt();
        s.checkedAt = QDateTime::fromString(q->value(7).toString(), Qt::ISODate);
        out.insert(q->value(0).toLongLong(), s);
    }
    return out;
}

Result<QList<ProbeResult>> ProbeService::probe(const QString& name,
                                               std::optional<int> timeoutMs) const
{
    ProbeRun run(m_ctx);
    QEventLoop loop;
    QObject::connect(&run, &ProbeRun::finished, &loop, &QEventLoop::quit);
    run.start(name, timeoutMs);
    loop.exec();
    if (run.error())
        return *run.error();
    return run.results();
}

} // namespace sb
