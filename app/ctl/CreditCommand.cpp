#include "app/ctl/CreditCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/profiles/ProfileService.h"

#include <QJsonArray>

namespace sb::ctl {

QString CreditCommand::description() const
{
    return tr("Company credit to members or to a SIP profile.");
}

QStringList CreditCommand::forms() const
{
    return {tr("credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or "
               "nothing"),
            tr("credit profile NAME AMOUNT                  company credit to a SIP profile")};
}

int CreditCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty() || w.first() != QLatin1String("allocate")) {
        if (!w.isEmpty() && w.first() == QLatin1String("profile"))
            return profile(w.mid(1), s);
        return s.usageError(tr("Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]"));
    }
    return allocate(w.mid(1), s);
}

int CreditCommand::allocate(const QStringList& w, Session& s)
{
    OptionParser a({});
    if (const auto end = parse(a, w, s))
        return *end;
    const QStringList words = a.positional();
    if (words.size() < 2)
        return s.usageError(tr("Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]"));
    const auto money = s.amount(words.first(), QStringLiteral("credit allocate"));
    if (!money)
        return Refused;
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto r = CreditService(*ctx).allocate(*money, words.mid(1));
    if (!r)
        return s.refused(r.error().message);
    if (s.json()) {
        QJsonArray members;
        for (const Member& m : std::as_const(r->members))
            members.append(QJsonObject{{QStringLiteral("account"), m.account},
                                       {QStringLiteral("balance"), m.balance.toString()}});
        s.out().json({{QStringLiteral("each"), r->each.toString()},
                      {QStringLiteral("total"), r->total.toString()},
                      {QStringLiteral("company"), r->companyBalance.toString()},
                      {QStringLiteral("members"), members}});
    } else {
        s.out().line(
            tr("Allocated %1 to each of %n member(s), %2 in all; company balance %3.", nullptr,
               static_cast<int>(r->members.size()))
                .arg(r->each.toString(), r->total.toString(), r->companyBalance.toString()));
    }
    return Done;
}

int CreditCommand::profile(const QStringList& w, Session& s)
{
    OptionParser a({});
    if (const auto end = parse(a, w, s))
        return *end;
    const QStringList words = a.positional();
    if (words.size() != 2)
        return s.usageError(tr("Usage: credit profile NAME AMOUNT"));
    const auto money = s.amount(words[1], QStringLiteral("credit profile"));
    if (!money)
        return Refused;
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto p = ProfileService(*ctx).allocateCredit(words[0], *money);
    if (!p)
        return s.refused(p.error().message);
    auto company = CompanyService(*ctx).balance();
    if (s.json())
        s.out().json({{QStringLiteral("profile"), p->name},
                      {QStringLiteral("balance"), p->balance.toString()},
                      {QStringLiteral("company"), company ? company->toString() : QString()}});
    else
        s.out().line(tr("Allocated %1 to %2; its balance is %3.")
                         .arg(money->toString(), p->name, p->balance.toString()));
    return Done;
}

} // namespace sb::ctl
