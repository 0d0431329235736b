#include "app/ctl/DemoCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/demo/DemoGenerator.h"

namespace sb::ctl {

namespace {

QList<QCommandLineOption> demoOptions()
{
    const QString n = QStringLiteral("N");
    // --profiles, --numbers and --calls are the contract's; they wait for their features.
    return {{QStringLiteral("members"), DemoCommand::tr("How many members, 0 to 1000000."), n},
            {QStringLiteral("profiles"), DemoCommand::tr("Accepted; not generated yet."), n},
            {QStringLiteral("numbers"), DemoCommand::tr("Accepted; not generated yet."), n},
            {QStringLiteral("calls"), DemoCommand::tr("Accepted; not generated yet."), n},
            {QStringLiteral("seed"), DemoCommand::tr("The same seed generates the same data."),
             QStringLiteral("S")}};
}

} // namespace

QString DemoCommand::description() const
{
    return tr("Fill the database with realistic generated data.");
}

QStringList DemoCommand::forms() const
{
    return {
        QStringLiteral("demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]")};
}

QList<QCommandLineOption> DemoCommand::options() const
{
    return demoOptions();
}

int DemoCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().line(help());
        return Done;
    }
    OptionParser a(demoOptions());
    if (const auto end = parse(a, w, s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(
            tr("Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]"));
    DemoGenerator::Options o;
    if (a.isSet(QStringLiteral("members"))) {
        const QString text = a.value(QStringLiteral("members"));
        bool ok = false;
        o.members = text.toInt(&ok);
        if (!ok || o.members < 0 || o.members > 1'000'000)
            return s.refused(tr("%1: \"%2\" is not a number from 0 to 1000000.")
                                 .arg(QStringLiteral("--members"), text));
    }
    if (a.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = a.value(QStringLiteral("seed")).toUInt(&ok);
        if (!ok)
            return s.refused(
                tr("--seed: \"%1\" is not a whole number.").arg(a.value(QStringLiteral("seed"))));
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto r = DemoGenerator(*ctx).generate(o);
    if (!r)
        return s.refused(r.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("members"), r->members},
                      {QStringLiteral("autoRecharges"), r->autoRecharges},
                      {QStringLiteral("creditAllocated"),
                       Money::fromCents(r->creditAllocatedCents).toString()}});
    else
        s.out().line(tr("Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.",
                        nullptr, r->members)
                         .arg(r->autoRecharges)
                         .arg(Money::fromCents(r->creditAllocatedCents).toString()));
    return Done;
}

} // namespace sb::ctl
