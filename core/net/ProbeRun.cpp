#include "core/net/ProbeRun.h"

#include "core/net/SipProbe.h"

#include <QTimer>

namespace sb {

ProbeRun::ProbeRun(const Context& ctx, QObject* parent) : QObject(parent), m_ctx(ctx) {}

void ProbeRun::start(const QString& name, std::optional<int> timeoutMs)
{
    if (m_running)
        return;
    m_running = true;
    m_error.reset();
    m_results.clear();
    // The database as it is now: the admin may switch to another one while the servers are
    // asked, and the results belong to the profile of this one.
    m_runCtx = m_ctx;
    const ProbeService service(*m_runCtx);
    int limit = 0;
    if (timeoutMs) {
        if (auto v = ProbeService::validateTimeout(*timeoutMs); !v)
            return fail(v.error());
        limit = *timeoutMs;
    } else {
        auto t = service.timeoutMs();
        if (!t)
            return fail(t.error());
        limit = *t;
    }
    auto plan = service.plan(name);
    if (!plan)
        return fail(plan.error());
    m_plan = std::move(plan).value();
    m_results.resize(m_plan.targets.size());
    m_done = QList<bool>(m_plan.targets.size(), false);
    m_pending = static_cast<int>(m_plan.targets.size());
    if (m_pending == 0) {
        QTimer::singleShot(0, this, [this]() { done(-1, {}); });
        return;
    }
    for (qsizetype i = 0; i < m_plan.targets.size(); ++i) {
        const ProbeTarget& t = m_plan.targets.at(i);
        auto* probe = new SipProbe(this);
        const int index = static_cast<int>(i);
        connect(probe, &SipProbe::finished, this, [this, index, probe](const ProbeResult& r) {
            probe->deleteLater();
            done(index, r);
        });
        probe->start(t.host, t.port, limit);
    }
}

void ProbeRun::done(int index, const ProbeResult& result)
{
    if (index >= 0) {
        if (m_done.value(index, true))
            return;
        m_done[index] = true;
        ProbeResult r = result;
        r.kind = m_plan.targets.at(index).kind;
        r.checkedAt = m_runCtx->now();
        m_results[index] = r;
        if (--m_pending > 0)
            return;
    }
    m_running = false;
    if (auto s = ProbeService(*m_runCtx).store(m_plan.profileId, m_results); !s)
        m_error = s.error();
    emit finished();
}

void ProbeRun::fail(const Error& error)
{
    // Queued, as every other ending: finished() never comes from inside start().
    QTimer::singleShot(0, this, [this, error]() {
        m_running = false;
        m_error = error;
        emit finished();
    });
}

} // namespace sb
