#include "app/ctl/TopUpCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/books/CompanyService.h"

namespace sb::ctl {

namespace {

QCommandLineOption referenceOption()
{
    return {QStringLiteral("reference"),
            TopUpCommand::tr("The invoice or payment it came with, for the books."),
            QStringLiteral("TEXT")};
}

} // namespace

QString TopUpCommand::description() const
{
    return tr("Add bought credit to the company balance.");
}

QStringList TopUpCommand::forms() const
{
    return {QStringLiteral("topup AMOUNT [--reference TEXT]")};
}

QList<QCommandLineOption> TopUpCommand::options() const
{
    return {referenceOption()};
}

int TopUpCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().block(help());
        return Done;
    }
    OptionParser a({referenceOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(tr("Usage: topup AMOUNT [--reference TEXT]"));
    const auto money = s.amount(a.positional().constFirst(), QStringLiteral("topup"));
    if (!money)
        return Refused;
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto r = CompanyService(*ctx).topUp(*money, a.value(QStringLiteral("reference")));
    if (!r)
        return s.refused(r.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("company"), r->toString()},
                      {QStringLiteral("currency"), accountCurrency()},
                      {QStringLiteral("added"), money->toString()}});
    else
        s.out().line(tr("Added %1; company balance %2 %3")
                         .arg(money->toString(), r->toString(), accountCurrency()));
    return Done;
}

} // namespace sb::ctl
