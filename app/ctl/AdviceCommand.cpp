#include "app/ctl/AdviceCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/reports/AdviceService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace sb::ctl {

namespace {

// Erlangs to two decimals: what a person reads; the seconds behind it are exact.
double roundedErlangs(double erlangs)
{
    return std::round(erlangs * 100) / 100;
}

QJsonObject toJson(const ProfileAdvice& a)
{
    const ProfileAdvice::Channels& c = a.channels;
    const ProfileAdvice::Bundles& b = a.bundles;
    QJsonArray months;
    for (const QString& m : b.months)
        months.append(m);
    return {
        {QStringLiteral("name"), a.name},
        {QStringLiteral("channels"),
         QJsonObject{{QStringLiteral("have"), c.have},
                     {QStringLiteral("need"), c.need},
                     {QStringLiteral("busyHourErlangs"), roundedErlangs(c.busyHourErlangs)},
                     {QStringLiteral("busiestHour"),
                      c.known() ? QJsonValue(c.busiestHour) : QJsonValue()}}},
        {QStringLiteral("bundles"),
         QJsonObject{{QStringLiteral("have"), b.have},
                     {QStringLiteral("best"), b.known() ? QJsonValue(b.best) : QJsonValue()},
                     {QStringLiteral("monthlySaving"),
                      b.known() ? QJsonValue(b.monthlySaving.toString()) : QJsonValue()},
                     {QStringLiteral("months"), months}}},
    };
}

} // namespace

QString AdviceCommand::description() const
{
    return tr("Advice per SIP profile: the channels its busiest hour needs (Erlang B at 1% "
              "blocking) and the US minute bundles that would have cost least over its last "
              "three full months of calls.");
}

QStringList AdviceCommand::forms() const
{
    return {tr("advice [PROFILE]                            every profile, or the one named")};
}

int AdviceCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().block(help());
        return Done;
    }
    OptionParser a({});
    if (const auto end = parse(a, w, s))
        return *end;
    const QStringList names = a.positional();
    if (names.size() > 1)
        return s.usageError(tr("Usage: advice [PROFILE]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const AdviceService service(*ctx);
    QList<ProfileAdvice> list;
    if (names.isEmpty()) {
        auto all = service.all();
        if (!all)
            return s.refused(all.error().message);
        list = *all;
    } else {
        auto one = service.forProfile(names.first());
        if (!one)
            return s.refused(one.error().message);
        list.append(*one);
    }

    if (s.json()) {
        QJsonArray profiles;
        for (const ProfileAdvice& p : std::as_const(list))
            profiles.append(toJson(p));
        s.out().json({{QStringLiteral("profiles"), profiles}});
        return Done;
    }
    if (list.isEmpty())
        s.out().line(tr("There are no SIP profiles."));
    for (const ProfileAdvice& p : std::as_const(list)) {
        s.out().line(p.name);
        const ProfileAdvice::Channels& c = p.channels;
        if (c.known())
            s.out().line(tr("  Channels: %1; the busiest hour (%2 UTC, %3 erlangs) needs %4 at 1% "
                            "blocking.")
                             .arg(c.have)
                             .arg(c.busiestHour)
                             .arg(roundedErlangs(c.busyHourErlangs), 0, 'f', 2)
                             .arg(c.need));
        else
            s.out().line(tr("  Channels: %1; no call records yet.").arg(c.have));
        const ProfileAdvice::Bundles& b = p.bundles;
        if (!b.known())
            s.out().line(tr("  US minute bundles: %1; not enough call records yet (no full month).")
                             .arg(b.have));
        else if (b.best == b.have && b.have == 0)
            s.out().line(tr("  US minute bundles: none; none would have paid off (%1 to %2).")
                             .arg(b.months.first(), b.months.last()));
        else if (b.best == b.have)
            s.out().line(tr("  US minute bundles: %1; keep them (%2 to %3).")
                             .arg(b.have)
                             .arg(b.months.first(), b.months.last()));
        else
            s.out().line(tr("  US minute bundles: %1; %2 would have cost least, saving %3 %4 a "
                            "month (%5 to %6).")
                             .arg(b.have)
                             .arg(b.best)
                             .arg(b.monthlySaving.toString(), accountCurrency(), b.months.first(),
                                  b.months.last()));
    }
    return Done;
}

} // namespace sb::ctl
