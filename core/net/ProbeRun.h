#pragma once

#include "core/base/Error.h"
#include "core/net/ProbeResult.h"
#include "core/net/ProbeService.h"
#include "core/storage/Context.h"

#include <QList>
#include <QObject>

#include <optional>

namespace sb {

/// One profile's probe under way: every server asked at once (one SipProbe each), the
/// results stored through ProbeService when the last one is in, then finished(). Nothing
/// blocks: the window starts one and waits for the signal.
class ProbeRun : public QObject
{
    Q_OBJECT

public:
    ProbeRun(const Context& ctx, QObject* parent = nullptr);

    /// Starts probing the profile `name`; `timeoutMs` empty: the setting. An unknown profile
    /// or an unreadable setting finishes at once (queued) with the error.
    void start(const QString& name, std::optional<int> timeoutMs = std::nullopt);
    bool isRunning() const { return m_running; }

    /// After finished(): the results in the order of the plan, or why there are none.
    const QList<ProbeResult>& results() const { return m_results; }
    /// After finished(): empty when the probe ran and its results were stored.
    const std::optional<Error>& error() const { return m_error; }
    qint64 profileId() const { return m_plan.profileId; }

signals:
    void finished();

private:
    void done(int index, const ProbeResult& result);
    void fail(const Error& error);

    const Context& m_ctx;
    /// A copy made at start(): its database handle stays the one the profile was read from.
    std::optional<Context> m_runCtx;
    ProbeService::Plan m_plan;
    QList<ProbeResult> m_results;
    QList<bool> m_done;
    int m_pending = 0;
    bool m_running = false;
    std::optional<Error> m_error;
};

} // namespace sb
