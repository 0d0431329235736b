#include "app/ctl/BundleCommand.h"

#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/bundles/BundleService.h"

namespace sb::ctl {

namespace {
QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}
} // namespace

QString BundleCommand::description() const
{
    return tr("US minute bundles of a SIP profile: 5000 minutes a month each, paid from the "
              "profile's balance, never more than its channels.");
}

QStringList BundleCommand::forms() const
{
    return {
        tr("bundle add PROFILE COUNT      buy bundles for a profile without any"),
        tr("bundle change PROFILE COUNT   refund the unused minutes, buy COUNT at today's price"),
        tr("bundle cancel PROFILE         no renewal; usable until the period's end"),
        tr("bundle extend PROFILE         pay the next month now (within 30 days of its end)"),
    };
}

int BundleCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    const QString sub = w.value(0);
    const bool withCount = sub == QLatin1String("add") || sub == QLatin1String("change");
    const bool withoutCount = sub == QLatin1String("cancel") || sub == QLatin1String("extend");
    if (!withCount && !withoutCount)
        return s.usageError(sub.isEmpty()
                                ? tr("Usage: bundle add|change|cancel|extend PROFILE [COUNT]")
                                : tr("Unknown bundle command '%1'.").arg(UserText::quoted(sub)));
    if (w.size() != (withCount ? 3 : 2))
        return s.usageError(withCount ? tr("Usage: bundle %1 PROFILE COUNT").arg(sub)
                                      : tr("Usage: bundle %1 PROFILE").arg(sub));
    const QString& profile = w[1];
    int count = 0;
    if (withCount) {
        bool ok = false;
        count = w[2].toInt(&ok);
        if (!ok)
            return s.refused(
                tr("bundles: \"%1\" is not a whole number.").arg(UserText::quoted(w[2])));
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const BundleService bundles(*ctx);
    if (sub == QLatin1String("add") || sub == QLatin1String("change")) {
        auto r = sub == QLatin1String("add") ? bundles.add(profile, count)
                                             : bundles.change(profile, count);
        if (!r)
            return s.refused(r.error().message);
        if (s.json()) {
            QJsonObject o{{QStringLiteral("count"), r->count},
                          {QStringLiteral("cost"), r->cost.toString()},
                          {QStringLiteral("periodEnd"), iso(r->periodEnd)}};
            if (sub == QLatin1String("change"))
                o.insert(QStringLiteral("refund"), r->refund.toString());
            s.out().json(o);
        } else if (sub == QLatin1String("add")) {
            s.out().line(
                tr("%n US minute bundle(s) for %1: paid %2; the period ends %3.", nullptr, r->count)
                    .arg(profile, r->cost.toString(), iso(r->periodEnd)));
        } else {
            s.out().line(
                tr("%n US minute bundle(s) for %1: refunded %2 for unused minutes, "
                   "paid %3; the period ends %4.",
                   nullptr, r->count)
                    .arg(profile, r->refund.toString(), r->cost.toString(), iso(r->periodEnd)));
        }
        return Done;
    }
    if (sub == QLatin1String("cancel")) {
        auto r = bundles.cancel(profile);
        if (!r)
            return s.refused(r.error().message);
        if (s.json())
            s.out().json({{QStringLiteral("expires"), iso(*r)}});
        else
            s.out().line(tr("The US minute bundles of %1 are cancelled; usable until %2.")
                             .arg(profile, iso(*r)));
        return Done;
    }
    auto r = bundles.extend(profile);
    if (!r)
        return s.refused(r.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("nextPayment"), iso(r->nextPayment)},
                      {QStringLiteral("cost"), r->cost.toString()}});
    else
        s.out().line(tr("The US minute bundles of %1 are extended: paid %2; next payment %3.")
                         .arg(profile, r->cost.toString(), iso(r->nextPayment)));
    return Done;
}

} // namespace sb::ctl
