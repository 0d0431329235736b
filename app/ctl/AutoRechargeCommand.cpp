#include "app/ctl/AutoRechargeCommand.h"

#include "app/ctl/JsonShapes.h"
#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"

namespace sb::ctl {

namespace {

QList<QCommandLineOption> setOptions()
{
    return {{QStringLiteral("amount"), AutoRechargeCommand::tr("What each recharge adds."),
             QStringLiteral("A")},
            {QStringLiteral("below"),
             AutoRechargeCommand::tr("Recharge when the member's balance falls below this."),
             QStringLiteral("T")},
            {QStringLiteral("monthly-limit"),
             AutoRechargeCommand::tr("At most this much recharged in a calendar month."),
             QStringLiteral("L")}};
}

} // namespace

QString AutoRechargeCommand::description() const
{
    return tr("A member's automatic recharge from the company balance.");
}

QStringList AutoRechargeCommand::forms() const
{
    return {QStringLiteral("autorecharge set ACCOUNT --amount A --below T --monthly-limit L"),
            QStringLiteral("autorecharge off ACCOUNT")};
}

QList<QCommandLineOption> AutoRechargeCommand::options() const
{
    return setOptions();
}

int AutoRechargeCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: autorecharge set|off ACCOUNT ..."));
    const QString sub = w.first();
    if (sub == QLatin1String("set"))
        return set(w.mid(1), s);
    if (sub == QLatin1String("off"))
        return off(w.mid(1), s);
    return s.usageError(tr("Unknown autorecharge command '%1'.").arg(UserText::quoted(sub)));
}

int AutoRechargeCommand::set(const QStringList& w, Session& s)
{
    OptionParser a(setOptions());
    if (const auto end = parse(a, w, s))
        return *end;
    const QString amount = QStringLiteral("amount"), below = QStringLiteral("below"),
                  limit = QStringLiteral("monthly-limit");
    if (a.positional().size() != 1 || !a.isSet(amount) || !a.isSet(below) || !a.isSet(limit))
        return s.usageError(
            tr("Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L"));
    const auto amountValue = s.amount(a.value(amount), QStringLiteral("--amount"));
    if (!amountValue)
        return Refused;
    const auto belowValue = s.amount(a.value(below), QStringLiteral("--below"));
    if (!belowValue)
        return Refused;
    const auto limitValue = s.amount(a.value(limit), QStringLiteral("--monthly-limit"));
    if (!limitValue)
        return Refused;
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const QString account = a.positional().constFirst();
    auto r = CreditService(*ctx).setAutoRecharge(account, *amountValue, *belowValue, *limitValue);
    if (!r)
        return s.refused(r.error().message);
    auto m = MemberService(*ctx).find(account);
    if (!m)
        return s.refused(m.error().message);
    if (s.json()) {
        QJsonObject o = JsonShapes::member(*m);
        o.insert(QStringLiteral("recharged"), r->recharged.toString());
        o.insert(QStringLiteral("companyCouldNotPay"), r->companyCouldNotPay);
        s.out().json(o);
    } else {
        s.out().line(tr("Auto-recharge saved and enabled for %1.").arg(m->account));
        if (!r->message.isEmpty())
            s.out().line(r->message);
    }
    return Done;
}

int AutoRechargeCommand::off(const QStringList& w, Session& s)
{
    if (w.size() != 1)
        return s.usageError(tr("Usage: autorecharge off ACCOUNT"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const QString& account = w.first();
    auto r = CreditService(*ctx).disableAutoRecharge(account);
    if (!r)
        return s.refused(r.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("account"), account},
                      {QStringLiteral("autoRecharge"), QJsonValue(QJsonValue::Null)}});
    else
        s.out().line(tr("Auto-recharge turned off for %1.").arg(account));
    return Done;
}

} // namespace sb::ctl
