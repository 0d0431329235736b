#include "app/ctl/MemberCommand.h"

#include "app/ctl/JsonShapes.h"
#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/members/MemberService.h"
#include "core/secrets/ProtectedFiles.h"

#include <QJsonArray>

namespace sb::ctl {

namespace {

QCommandLineOption nameOption()
{
    return {QStringLiteral("name"), MemberCommand::tr("The member's full name (add)."),
            QStringLiteral("NAME")};
}

QCommandLineOption emailOption()
{
    return {QStringLiteral("email"), MemberCommand::tr("The member's e-mail address (add)."),
            QStringLiteral("E")};
}

QCommandLineOption departmentOption()
{
    return {QStringLiteral("department"), MemberCommand::tr("The member's department (add)."),
            QStringLiteral("D")};
}

QCommandLineOption countryOption()
{
    return {QStringLiteral("country"),
            MemberCommand::tr("The member's country, two letters (add; default US): numbers it "
                              "dials are read as dialled there."),
            QStringLiteral("CC")};
}

QCommandLineOption searchOption()
{
    return {QStringLiteral("search"),
            MemberCommand::tr("Only members whose account, name, e-mail or department contains "
                              "TEXT, in any case (list)."),
            QStringLiteral("TEXT")};
}

QCommandLineOption dryRunOption()
{
    return {QStringLiteral("dry-run"),
            MemberCommand::tr("List every problem of the file and write nothing (import).")};
}

QStringList memberText(const Member& m)
{
    QStringList lines{
        MemberCommand::tr("Account:     %1").arg(m.account),
        MemberCommand::tr("Name:        %1").arg(m.name),
        MemberCommand::tr("E-mail:      %1").arg(m.email),
        MemberCommand::tr("Department:  %1").arg(m.department),
        MemberCommand::tr("Country:     %1").arg(m.country),
        MemberCommand::tr("Balance:     %1").arg(m.balance.toString()),
        MemberCommand::tr("Status:      %1").arg(m.status),
    };
    if (m.autoRecharge) {
        const AutoRechargeSettings& a = *m.autoRecharge;
        lines << MemberCommand::tr(
                     "Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4")
                     .arg(a.amount.toString(), a.threshold.toString(), a.monthlyLimit.toString(),
                          a.rechargedThisMonth.toString());
        if (a.suspendedUntil.isValid())
            lines << MemberCommand::tr("Auto-recharge suspended until %1")
                         .arg(a.suspendedUntil.toString(Qt::ISODate));
    } else {
        lines << MemberCommand::tr("Auto-recharge: off");
    }
    return lines;
}

} // namespace

QString MemberCommand::description() const
{
    return tr("The members of the account: add, list, show, country, import and export.");
}

QStringList MemberCommand::forms() const
{
    return {
        tr("member add ACCOUNT --name NAME [--email E] [--department D] [--country CC]"),
        tr("member list [--search TEXT]                 every member"),
        tr("member show ACCOUNT                         one member"),
        tr("member country ACCOUNT CC                   the country its dialled numbers are read "
           "in"),
        tr("member import FILE.csv [--dry-run]          all or nothing; the dry run lists every "
           "problem"),
        tr("member export FILE.csv                      a CSV that member import reads back "
           "unchanged"),
    };
}

QList<QCommandLineOption> MemberCommand::options() const
{
    return {nameOption(),    emailOption(),  departmentOption(),
            countryOption(), searchOption(), dryRunOption()};
}

int MemberCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: member add|list|show|country|import|export ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (sub == QLatin1String("add"))
        return add(rest, s);
    if (sub == QLatin1String("list"))
        return list(rest, s);
    if (sub == QLatin1String("show"))
        return show(rest, s);
    if (sub == QLatin1String("country"))
        return country(rest, s);
    if (sub == QLatin1String("import"))
        return importCsv(rest, s);
    if (sub == QLatin1String("export"))
        return exportCsv(rest, s);
    return s.usageError(tr("Unknown member command '%1'.").arg(UserText::quoted(sub)));
}

int MemberCommand::add(const QStringList& w, Session& s)
{
    OptionParser a({nameOption(), emailOption(), departmentOption(), countryOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1 || !a.isSet(QStringLiteral("name")))
        return s.usageError(tr("Usage: member add ACCOUNT --name NAME [--email E] [--department D] "
                               "[--country CC]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    NewMember n{a.positional().constFirst(), a.value(QStringLiteral("name")),
                a.value(QStringLiteral("email")), a.value(QStringLiteral("department"))};
    if (a.isSet(QStringLiteral("country")))
        n.country = a.value(QStringLiteral("country"));
    auto m = MemberService(*ctx).add(n);
    if (!m)
        return s.refused(m.error().message);
    auto shown = MemberService(*ctx).find(m->account);
    if (!shown)
        return s.refused(shown.error().message);
    if (s.json())
        s.out().json(JsonShapes::member(*shown));
    else
        s.out().line(tr("Added member %1 (%2).").arg(shown->account, shown->name));
    return Done;
}

int MemberCommand::list(const QStringList& w, Session& s)
{
    OptionParser a({searchOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(tr("Usage: member list [--search TEXT]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const MemberService members(*ctx);
    MemberQuery q;
    q.sort = MemberQuery::Sort::Account;
    q.search = a.value(QStringLiteral("search"));
    q.limit = 2000;
    QJsonArray list;
    for (;;) {
        auto page = members.page(q);
        if (!page)
            return s.refused(page.error().message);
        for (const Member& m : std::as_const(*page)) {
            if (s.json())
                list.append(JsonShapes::member(m));
            else
                s.out().formatted(
                    QStringLiteral("%1\t%2\t%3\t%4\t%5"),
                    {m.account, m.name, m.department, m.balance.toString(), m.status});
        }
        if (page->size() < q.limit)
            break;
        q.after = MemberService::seekKey(page->last(), q.sort);
    }
    if (s.json())
        s.out().json({{QStringLiteral("members"), list}});
    return Done;
}

int MemberCommand::show(const QStringList& w, Session& s)
{
    if (w.size() != 1 || w.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: member show ACCOUNT"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto m = MemberService(*ctx).find(w.first());
    if (!m)
        return s.refused(m.error().message);
    if (s.json())
        s.out().json(JsonShapes::member(*m));
    else
        s.out().lines(memberText(*m));
    return Done;
}

int MemberCommand::country(const QStringList& w, Session& s)
{
    if (w.size() != 2 || w.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: member country ACCOUNT CC"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto m = MemberService(*ctx).setCountry(w.at(0), w.at(1));
    if (!m)
        return s.refused(m.error().message);
    auto shown = MemberService(*ctx).find(m->account);
    if (!shown)
        return s.refused(shown.error().message);
    if (s.json())
        s.out().json(JsonShapes::member(*shown));
    else
        s.out().line(tr("The country of %1 is now %2.").arg(shown->account, shown->country));
    return Done;
}

int MemberCommand::importCsv(const QStringList& w, Session& s)
{
    OptionParser a({dryRunOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(tr("Usage: member import FILE.csv [--dry-run]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const bool dry = a.isSet(QStringLiteral("dry-run"));
    auto r = MemberService(*ctx).importCsv(a.positional().constFirst(), dry);
    if (!r)
        return s.refused(r.error().message);
    QJsonArray rejected;
    for (const auto& p : std::as_const(r->rejected))
        rejected.append(
            QJsonObject{{QStringLiteral("line"), p.line}, {QStringLiteral("reason"), p.reason}});
    if (s.json()) {
        s.out().json({{QStringLiteral("added"), r->added},
                      {QStringLiteral("valid"), r->valid},
                      {QStringLiteral("dryRun"), dry},
                      {QStringLiteral("rejected"), rejected}});
    } else {
        for (const auto& p : std::as_const(r->rejected))
            s.out().line(tr("line %1: %2").arg(p.line).arg(p.reason));
        if (dry)
            s.out().line(tr("Dry run, nothing was written. Members that would be added: %1; "
                            "lines with problems: %2.")
                             .arg(r->valid)
                             .arg(r->rejected.size()));
        else if (r->rejected.isEmpty())
            s.out().line(tr("Imported %n member(s).", nullptr, r->added));
    }
    if (!dry && !r->rejected.isEmpty())
        return s.refused(tr("%n line(s) have problems; nothing was imported.", nullptr,
                            static_cast<int>(r->rejected.size())));
    return Done;
}

int MemberCommand::exportCsv(const QStringList& w, Session& s)
{
    if (w.size() != 1 || w.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: member export FILE.csv"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    if (auto guard = ProtectedFiles::checkOutput(ctx->db, w.first()); !guard)
        return s.refused(guard.error().message);
    auto r = MemberService(*ctx).exportCsv(w.first());
    if (!r)
        return s.refused(r.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("exported"), *r}, {QStringLiteral("file"), w.first()}});
    else
        s.out().line(
            tr("Exported %n member(s) to %1.", nullptr, static_cast<int>(*r)).arg(w.first()));
    return Done;
}

} // namespace sb::ctl
