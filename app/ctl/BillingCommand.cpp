#include "app/ctl/BillingCommand.h"

#include "app/ctl/Session.h"
#include "core/billing/BillingService.h"

#include <QJsonArray>

namespace sb::ctl {

QString BillingCommand::description() const
{
    return tr("Renewals, expiries and monthly resets due by now.");
}

QStringList BillingCommand::forms() const
{
    return {QStringLiteral("billing run")};
}

int BillingCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.size() != 1 || w.first() != QLatin1String("run"))
        return s.usageError(tr("Usage: billing run"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto r = BillingService(*ctx).run();
    if (!r)
        return s.refused(r.error().message);
    if (s.json()) {
        s.out().json(
            {{QStringLiteral("numbersRenewed"), r->numbersRenewed},
             {QStringLiteral("numbersReleased"), r->numbersReleased},
             {QStringLiteral("numbersExpired"), r->numbersExpired},
             {QStringLiteral("numbersSpent"), r->numbersSpent.toString()},
             {QStringLiteral("autoRechargesReset"), r->autoRechargesReset},
             {QStringLiteral("resumed"), r->resumed},
             {QStringLiteral("recharged"), r->recharged.toString()},
             {QStringLiteral("channelsRenewed"), r->channelsRenewed},
             {QStringLiteral("channelsLapsed"), r->channelsLapsed},
             {QStringLiteral("channelsSpent"), r->channelsSpent.toString()},
             {QStringLiteral("bundlesRenewed"), QJsonArray::fromStringList(r->bundlesRenewed)},
             {QStringLiteral("bundlesLapsed"), QJsonArray::fromStringList(r->bundlesLapsed)},
             {QStringLiteral("bundlesSpent"), r->bundlesSpent.toString()},
             {QStringLiteral("messages"), QJsonArray::fromStringList(r->messages)}});
    } else {
        for (const QString& m : std::as_const(r->messages))
            s.out().line(m);
        s.out().line(
            tr("Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. "
               "Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.")
                .arg(r->numbersRenewed)
                .arg(r->numbersSpent.toString())
                .arg(r->numbersReleased)
                .arg(r->numbersExpired)
                .arg(r->autoRechargesReset)
                .arg(r->resumed)
                .arg(r->recharged.toString()));
        s.out().line(tr("US minute bundles renewed: %1 (paid %2 from the profiles' balances), "
                        "lapsed: %3.")
                         .arg(r->bundlesRenewed.size())
                         .arg(r->bundlesSpent.toString())
                         .arg(r->bundlesLapsed.size()));
    }
    return Done;
}

} // namespace sb::ctl
