#include "app/ctl/BalanceCommand.h"

#include "app/ctl/Session.h"
#include "core/books/CompanyService.h"

namespace sb::ctl {

QString BalanceCommand::description() const
{
    return tr("The company balance.");
}

QStringList BalanceCommand::forms() const
{
    return {QStringLiteral("balance")};
}

int BalanceCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().block(help());
        return Done;
    }
    if (!w.isEmpty())
        return s.usageError(tr("balance takes no arguments."));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto b = CompanyService(*ctx).balance();
    if (!b)
        return s.refused(b.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("company"), b->toString()},
                      {QStringLiteral("currency"), accountCurrency()}});
    else
        s.out().line(tr("Company balance: %1 %2").arg(b->toString(), accountCurrency()));
    return Done;
}

} // namespace sb::ctl
