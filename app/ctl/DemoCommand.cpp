#include "app/ctl/DemoCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/demo/DemoGenerator.h"

#include <climits>
#include <type_traits>

namespace sb::ctl {

namespace {

QList<QCommandLineOption> demoOptions()
{
    const QString n = QStringLiteral("N");
    return {{QStringLiteral("members"),
             DemoCommand::tr("How many members, 0 to %1 (200 if not given).")
                 .arg(DemoGenerator::MaxMembers),
             n},
            {QStringLiteral("profiles"),
             DemoCommand::tr("How many SIP profiles with channels, 0 to %1.")
                 .arg(DemoGenerator::MaxProfiles),
             n},
            {QStringLiteral("numbers"),
             DemoCommand::tr("How many numbers across the catalogue, for members and profiles "
                             "(at most what the catalogue has free)."),
             n},
            {QStringLiteral("calls"),
             DemoCommand::tr("How many call records over the last three months, rated and "
                             "charged like an imported Master.csv."),
             n},
            {QStringLiteral("seed"), DemoCommand::tr("The same seed generates the same data."),
             QStringLiteral("S")},
            {QStringLiteral("yes"),
             DemoCommand::tr("Mix the demo data into a database that already holds an account.")}};
}

} // namespace

QString DemoCommand::description() const
{
    return tr("Fill the database with realistic generated data.");
}

QStringList DemoCommand::forms() const
{
    return {QStringLiteral(
        "demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] [--yes]")};
}

QList<QCommandLineOption> DemoCommand::options() const
{
    return demoOptions();
}

int DemoCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().block(help());
        return Done;
    }
    OptionParser a(demoOptions());
    if (const auto end = parse(a, w, s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(
            tr("Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S] "
               "[--yes]"));
    DemoGenerator::Options o;
    const auto count = [&](const char* name, qint64 most, auto& into) -> bool {
        const QString option = QString::fromLatin1(name);
        if (!a.isSet(option))
            return true;
        const QString text = a.value(option);
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v < 0 || v > most) {
            s.refused(tr("%1: \"%2\" is not a number from 0 to %3.")
                          .arg(QStringLiteral("--") + option, UserText::quoted(text))
                          .arg(most));
            return false;
        }
        into = static_cast<std::remove_reference_t<decltype(into)>>(v);
        return true;
    };
    if (!count("members", DemoGenerator::MaxMembers, o.members) ||
        !count("profiles", DemoGenerator::MaxProfiles, o.profiles) ||
        !count("numbers", DemoGenerator::MaxNumbers, o.numbers) ||
        !count("calls", DemoGenerator::MaxCalls, o.calls))
        return Refused;
    if (a.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = a.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok)
            return s.refused(tr("--seed: \"%1\" is not a whole number.")
                                 .arg(UserText::quoted(a.value(QStringLiteral("seed")))));
    }
    o.intoExistingAccount = a.isSet(QStringLiteral("yes"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    if (!o.intoExistingAccount) {
        auto inUse = DemoGenerator(*ctx).accountInUse();
        if (!inUse)
            return s.refused(inUse.error().message);
        if (!inUse->isEmpty())
            return s.refused(tr("%1 Add --yes to mix it in all the same.").arg(*inUse));
    }
    auto r = DemoGenerator(*ctx).generate(o);
    if (!r)
        return s.refused(r.error().message);
    const CallImportReport& calls = r->calls;
    if (s.json())
        s.out().json({{QStringLiteral("members"), r->members},
                      {QStringLiteral("autoRecharges"), r->autoRecharges},
                      {QStringLiteral("creditAllocated"),
                       Money::fromCents(r->creditAllocatedCents).toString()},
                      {QStringLiteral("profiles"), r->profiles},
                      {QStringLiteral("channels"), r->channels},
                      {QStringLiteral("bundles"), r->bundles},
                      {QStringLiteral("numbers"), r->numbers},
                      {QStringLiteral("toppedUp"), Money::fromCents(r->topUpCents).toString()},
                      {QStringLiteral("calls"), calls.imported},
                      {QStringLiteral("duplicates"), calls.duplicates},
                      {QStringLiteral("chargedCalls"), calls.chargedCalls},
                      {QStringLiteral("charged"), calls.charged.toString()},
                      {QStringLiteral("owingPayers"), calls.owingPayers},
                      {QStringLiteral("owed"), calls.owed.toString()}});
    else {
        s.out().line(tr("Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.",
                        nullptr, r->members)
                         .arg(r->autoRecharges)
                         .arg(Money::fromCents(r->creditAllocatedCents).toString()));
        if (o.profiles > 0 || o.numbers > 0)
            s.out().line(tr("%n SIP profile(s); channels: %1, numbers: %2.", nullptr, r->profiles)
                             .arg(r->channels)
                             .arg(r->numbers));
        if (o.numbers > r->numbers)
            s.out().line(tr("The catalogue had only %1 free numbers of the %2 asked for.")
                             .arg(r->numbers)
                             .arg(o.numbers));
        if (o.calls > 0)
            s.out().line(tr("%n call(s) imported; charged calls: %1, %2 in all; payers left owing: "
                            "%3, %4 together.",
                            nullptr, int(std::min<qint64>(calls.imported, INT_MAX)))
                             .arg(calls.chargedCalls)
                             .arg(calls.charged.toString())
                             .arg(calls.owingPayers)
                             .arg(calls.owed.toString()));
    }
    return Done;
}

} // namespace sb::ctl
