#pragma once

#include "core/base/Error.h"
#include "core/net/ProbeResult.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <optional>

namespace sb {

/// One server a profile's probe asks.
struct ProbeTarget
{
    QString host;
    int port = 5060;
    ProbeResult::Kind kind = ProbeResult::Kind::Provider;
};

/// The latest probe of one profile in short, for the SIP profiles table (read in one query
/// for every profile, not per row).
struct ProbeSummary
{
    int targets = 0;
    int ok = 0;
    int errors = 0;
    int silent = 0;
    std::optional<int> slowestMs; ///< the slowest answered target's round trip
    std::optional<int> errorCode; ///< the lowest error code answered, if any
    QDateTime checkedAt;
};

/// Trunk health: which servers a SIP profile's probe asks (the PBX of an IP-authenticated
/// profile, then every provider SIP server), the latest result per profile and server in
/// the database (`profile_probes`), and the probe's time limit, shared by the window and
/// switchboardctl (setting `probe.timeoutMs`). The probing itself is SipProbe / ProbeRun.
class ProbeService
{
    Q_DECLARE_TR_FUNCTIONS(sb::ProbeService)

public:
    static constexpr int DefaultTimeoutMs = 32000;

    explicit ProbeService(const Context& ctx) : m_ctx(ctx) {}

    static Result<void> validateTimeout(int ms);
    /// The limit in the settings, DefaultTimeoutMs until set.
    Result<int> timeoutMs() const;
    Result<void> setTimeoutMs(int ms) const;

    struct Plan
    {
        qint64 profileId = 0;
        QString profileName;
        QList<ProbeTarget> targets;
    };
    /// The servers to probe for the profile `name`; NotFound for an unknown profile.
    Result<Plan> plan(const QString& name) const;

    /// Replaces the profile's stored results with these, in one transaction, and announces
    /// the profile as changed.
    Result<void> store(qint64 profileId, const QList<ProbeResult>& results) const;
    /// The stored results of one profile: the PBX first, then the servers in their order.
    Result<QList<ProbeResult>> latest(qint64 profileId) const;
    /// Every probed profile's latest results in short, by profile id.
    Result<QHash<qint64, ProbeSummary>> summaries() const;

    /// Probes the profile's servers in parallel, waiting in a local event loop (for
    /// switchboardctl), and stores the results. `timeoutMs` empty: the setting.
    Result<QList<ProbeResult>> probe(const QString& name,
                                     std::optional<int> timeoutMs = std::nullopt) const;

private:
    const Context& m_ctx;
};

} // namespace sb
