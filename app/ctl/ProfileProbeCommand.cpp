#include "app/ctl/ProfileProbeCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/net/ProbeService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sb::ctl {

QCommandLineOption ProfileProbeCommand::timeoutOption()
{
    return {QStringLiteral("timeout-ms"),
            tr("How long to wait for each server, 500 to 32000 ms (probe; default: the "
               "setting, 32000 unless changed)."),
            QStringLiteral("N")};
}

QString ProfileProbeCommand::description() const
{
    return tr("Checks a SIP profile's trunk: SIP OPTIONS to its PBX and the provider's servers.");
}

QStringList ProfileProbeCommand::forms() const
{
    return {tr("profile probe NAME [--timeout-ms N]      SIP OPTIONS to the PBX and the "
               "provider's servers")};
}

int ProfileProbeCommand::run(const QStringList& w, Session& s)
{
    OptionParser a({timeoutOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(tr("Usage: profile probe NAME [--timeout-ms N]"));
    std::optional<int> timeout;
    const QString key = QStringLiteral("timeout-ms");
    if (a.isSet(key)) {
        const auto ms = s.wholeNumber(a.value(key), QStringLiteral("--timeout-ms"));
        if (!ms)
            return Refused;
        if (auto v = ProbeService::validateTimeout(*ms); !v)
            return s.refused(v.error().message);
        timeout = *ms;
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto results = ProbeService(*ctx).probe(a.positional().constFirst(), timeout);
    if (!results)
        return s.refused(results.error().message);
    // Exit 0 whatever the servers answered: the answers are the output.
    if (s.json()) {
        QJsonArray targets;
        for (const ProbeResult& r : std::as_const(*results))
            targets.append(QJsonObject{
                {QStringLiteral("target"), r.target},
                {QStringLiteral("kind"), ProbeResult::kindKey(r.kind)},
                {QStringLiteral("result"), ProbeResult::outcomeKey(r.result)},
                {QStringLiteral("code"), r.code ? QJsonValue(*r.code) : QJsonValue()},
                {QStringLiteral("rttMs"), r.rttMs ? QJsonValue(*r.rttMs) : QJsonValue()},
            });
        s.out().json({{QStringLiteral("targets"), targets}});
        return Done;
    }
    for (const ProbeResult& r : std::as_const(*results))
        s.out().line(r.kind == ProbeResult::Kind::Pbx ? tr("PBX:      %1").arg(r.describe())
                                                      : tr("Provider: %1").arg(r.describe()));
    return Done;
}

} // namespace sb::ctl
