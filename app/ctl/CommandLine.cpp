#include "app/ctl/CommandLine.h"

#include "core/base/FixedClock.h"
#include "core/base/PhoneNumbers.h"
#include "core/base/SystemClock.h"
#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/credit/CreditService.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/PbxConfig.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "core/storage/Migrations.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sb::ctl {

namespace {

QJsonValue holderJson(const NumberHolder& h)
{
    switch (h.kind) {
    case NumberHolder::Kind::Member:
        return QJsonObject{{QStringLiteral("member"), h.name}};
    case NumberHolder::Kind::Profile:
        return QJsonObject{{QStringLiteral("profile"), h.name}};
    case NumberHolder::Kind::None:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject numberJson(const NumberRecord& n)
{
    return {{QStringLiteral("number"), n.e164},
            {QStringLiteral("country"), n.country},
            {QStringLiteral("area"), n.area},
            {QStringLiteral("holder"), holderJson(n.holder)},
            {QStringLiteral("months"), n.months},
            {QStringLiteral("expires"), n.expires.toString(Qt::ISODate)},
            {QStringLiteral("cancelled"), n.cancelled},
            {QStringLiteral("status"), n.status}};
}

QJsonObject profileJson(const SipProfile& p)
{
    QJsonArray accounts;
    for (const auto& a : p.accounts)
        accounts.append(QJsonObject{{QStringLiteral("account"), a.account},
                                    {QStringLiteral("extension"), a.extension}});
    const Money channels = p.monthlyChannelCost();
    const Money bundles;
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("department"), p.department},
            {QStringLiteral("balance"), p.balance.toString()},
            {QStringLiteral("channels"), p.channels},
            {QStringLiteral("auth"), SipProfile::authKey(p.auth)},
            {QStringLiteral("ip"),
             p.auth == SipProfile::Auth::Ip ? QJsonValue(p.ip) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("port"),
             p.auth == SipProfile::Auth::Ip ? QJsonValue(p.port) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("accounts"), accounts},
            {QStringLiteral("numbers"), QJsonArray::fromStringList(p.numbers)},
            {QStringLiteral("monthlyCost"),
             QJsonObject{{QStringLiteral("channels"), channels.toString()},
                         {QStringLiteral("bundles"), bundles.toString()},
                         {QStringLiteral("total"), (channels + bundles).toString()}}},
            {QStringLiteral("channelsPaidUntil"), p.channelsExpires.toString(Qt::ISODate)},
            {QStringLiteral("channelsLapsed"), p.channelsLapsed},
            // US minute bundles arrive with their own work; until then a profile has none.
            {QStringLiteral("bundles"),
             QJsonObject{{QStringLiteral("count"), 0},
                         {QStringLiteral("pricePaid"), Money().toString()},
                         {QStringLiteral("minutesIncluded"), 0},
                         {QStringLiteral("minutesUsed"), 0},
                         {QStringLiteral("periodEnd"), QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("cancelled"), false}}}};
}

QString profileText(const SipProfile& p)
{
    QStringList lines{
        CommandLine::tr("SIP profile:   %1").arg(p.name),
        CommandLine::tr("Department:    %1").arg(p.department),
        CommandLine::tr("Balance:       %1").arg(p.balance.toString()),
        p.auth == SipProfile::Auth::Ip
            ? CommandLine::tr("Authentication: IP %1, UDP port %2").arg(p.ip).arg(p.port)
            : CommandLine::tr("Authentication: registration as %1").arg(p.username),
        CommandLine::tr("Outgoing calls: %n channel(s), %1 a month; paid until %2%3", nullptr,
                        p.channels)
            .arg(p.monthlyChannelCost().toString(), p.channelsExpires.toString(Qt::ISODate),
                 p.channelsLapsed ? CommandLine::tr(" (renewal not paid: calls stopped)")
                                  : QString()),
    };
    for (const auto& a : p.accounts)
        lines << (a.extension.isEmpty() ? CommandLine::tr("Linked account: %1").arg(a.account)
                                        : CommandLine::tr("Linked account: %1, extension %2")
                                              .arg(a.account, a.extension));
    for (const auto& n : p.numbers)
        lines << CommandLine::tr("Number:        %1").arg(n);
    return lines.join(QLatin1Char('\n'));
}

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject memberJson(const Member& m)
{
    QJsonObject o{
        {QStringLiteral("account"), m.account},
        {QStringLiteral("name"), m.name},
        {QStringLiteral("email"), m.email},
        {QStringLiteral("department"), m.department},
        {QStringLiteral("balance"), m.balance.toString()},
        {QStringLiteral("status"), m.status},
        {QStringLiteral("profile"), nullable(m.profile)},
        {QStringLiteral("numbers"), QJsonArray::fromStringList(m.numbers)},
    };
    if (m.autoRecharge) {
        const AutoRechargeSettings& a = *m.autoRecharge;
        o.insert(
            QStringLiteral("autoRecharge"),
            QJsonObject{{QStringLiteral("amount"), a.amount.toString()},
                        {QStringLiteral("below"), a.threshold.toString()},
                        {QStringLiteral("monthlyLimit"), a.monthlyLimit.toString()},
                        {QStringLiteral("rechargedThisMonth"), a.rechargedThisMonth.toString()},
                        {QStringLiteral("suspendedUntil"),
                         a.suspendedUntil.isValid()
                             ? QJsonValue(a.suspendedUntil.toString(Qt::ISODate))
                             : QJsonValue(QJsonValue::Null)}});
    } else {
        o.insert(QStringLiteral("autoRecharge"), QJsonValue(QJsonValue::Null));
    }
    return o;
}

QString memberText(const Member& m)
{
    QStringList lines{
        CommandLine::tr("Account:     %1").arg(m.account),
        CommandLine::tr("Name:        %1").arg(m.name),
        CommandLine::tr("E-mail:      %1").arg(m.email),
        CommandLine::tr("Department:  %1").arg(m.department),
        CommandLine::tr("Balance:     %1").arg(m.balance.toString()),
        CommandLine::tr("Status:      %1").arg(m.status),
    };
    if (m.autoRecharge) {
        const AutoRechargeSettings& a = *m.autoRecharge;
        lines << CommandLine::tr(
                     "Auto-recharge: %1 when below %2, monthly limit %3, recharged this month %4")
                     .arg(a.amount.toString(), a.threshold.toString(), a.monthlyLimit.toString(),
                          a.rechargedThisMonth.toString());
        if (a.suspendedUntil.isValid())
            lines << CommandLine::tr("Auto-recharge suspended until %1")
                         .arg(a.suspendedUntil.toString(Qt::ISODate));
    } else {
        lines << CommandLine::tr("Auto-recharge: off");
    }
    return lines.join(QLatin1Char('\n'));
}

// Commands of the contract that later work delivers: a clear word instead of "unknown".
const QStringList kLater = {QStringLiteral("bundle"), QStringLiteral("calls"),
                            QStringLiteral("report"), QStringLiteral("advice"),
                            QStringLiteral("prices")};

} // namespace

CommandLine::CommandLine() = default;
CommandLine::~CommandLine() = default;

QString CommandLine::usage()
{
    return tr(
        "Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] "
        "[--now ISO-8601-UTC] [--json] COMMAND ...\n"
        "\n"
        "Commands:\n"
        "  init                                        create or upgrade the database\n"
        "  balance                                     the company balance\n"
        "  topup AMOUNT [--reference TEXT]             add bought credit to the company balance\n"
        "  member add ACCOUNT --name NAME [--email E] [--department D]\n"
        "  member list [--search TEXT]                 every member\n"
        "  member show ACCOUNT                         one member\n"
        "  member import FILE.csv [--dry-run]          all or nothing; the dry run lists every "
        "problem\n"
        "  member export FILE.csv                      a CSV that member import reads back "
        "unchanged\n"
        "  credit allocate AMOUNT ACCOUNT [ACCOUNT ...]  AMOUNT to each member; all or nothing\n"
        "  autorecharge set ACCOUNT --amount A --below T --monthly-limit L\n"
        "  autorecharge off ACCOUNT\n"
        "  billing run                                 renewals, expiries and monthly resets due "
        "by now\n"
        "  activity [--limit N]                        the audit log, newest first\n"
        "  number countries                            where numbers can be bought\n"
        "  number areas COUNTRY                        area codes with place names and numbers "
        "left\n"
        "  number prices COUNTRY                       price per billing period (1, 3, 12 months)\n"
        "  number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) "
        "[--accept-terms]\n"
        "  number assign E164 (--member ACCOUNT | --profile NAME)\n"
        "  number cancel E164                          usable until the end of its period, no "
        "refund\n"
        "  number list [--search TEXT] [--country CC]  every number the company has or had\n"
        "  credit profile NAME AMOUNT                  company credit to a SIP profile\n"
        "  profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E]\n"
        "  profile show NAME | profile list\n"
        "  profile rename NAME NEWNAME | profile channels NAME N\n"
        "  profile credentials NAME                    SIP username, password and servers\n"
        "  profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration\n"
        "  profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT\n"
        "  profile delete NAME --yes [--export-history FILE.csv]\n"
        "  demo [--members N] [--seed S]               fill the database with realistic generated "
        "data\n"
        "\n"
        "The database defaults to $SWITCHBOARD_DATABASE, else the window's own SQLite file.\n"
        "Exit status: 0 done, 1 refused (nothing changed), 2 usage error.");
}

int CommandLine::usageError(const QString& message)
{
    m_out->error(message);
    m_out->error(tr("Try 'switchboardctl --help'."));
    return Usage;
}

int CommandLine::refused(const QString& message)
{
    m_out->error(message);
    return Refused;
}

std::optional<CommandLine::Args>
CommandLine::parse(const QStringList& words, const QStringList& withValue, const QStringList& flags)
{
    Args a;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& w = words[i];
        if (w.startsWith(QLatin1String("--")) && w.size() > 2) {
            QString name = w;
            QString value;
            const qsizetype eq = w.indexOf(QLatin1Char('='));
            const bool inlineValue = eq > 0;
            if (inlineValue) {
                name = w.left(eq);
                value = w.mid(eq + 1);
            }
            if (withValue.contains(name)) {
                if (!inlineValue) {
                    if (i + 1 >= words.size()) {
                        usageError(tr("The option %1 needs a value.").arg(name));
                        return std::nullopt;
                    }
                    value = words[++i];
                }
                a.options.insert(name, value);
            } else if (flags.contains(name) && !inlineValue) {
                a.options.insert(name, QString());
            } else {
                usageError(tr("Unknown option %1.").arg(w));
                return std::nullopt;
            }
        } else {
            a.positional.append(w);
        }
    }
    return a;
}

std::optional<Money> CommandLine::amount(const QString& text, const QString& what)
{
    const auto m = Money::parse(text);
    if (!m) {
        refused(tr("%1: \"%2\" is not an amount; write it like 12.50.").arg(what, text));
        return std::nullopt;
    }
    return m;
}

bool CommandLine::openDatabase()
{
    auto db = Database::open(m_spec);
    if (!db) {
        m_out->error(db.error().message);
        return false;
    }
    m_ctx = std::make_unique<Context>(Context{*db, m_clock.get(), currentOsUser()});
    // Passwords sealed in an older format are sealed again; one that cannot be opened is
    // left for the command that needs it to report.
    if (auto r = ProfileService(*m_ctx).resealSecrets(); !r)
        m_out->error(r.error().message);
    return true;
}

int CommandLine::run(const QStringList& argsIn)
{
    QStringList args = argsIn;
    bool json = false;
    QString now;
    m_spec = Database::defaultSpec();
    m_out = std::make_unique<Output>(false);
    // Global options come before the command; --json is also accepted anywhere.
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString o = args.takeFirst();
        if (o == QLatin1String("--json")) {
            json = true;
        } else if (o == QLatin1String("--help") || o == QLatin1String("-h")) {
            m_out->line(usage());
            return Done;
        } else if (o == QLatin1String("--version")) {
            m_out->line(QStringLiteral("switchboardctl 0.1.0"));
            return Done;
        } else if (o == QLatin1String("--database") || o == QLatin1String("--now")) {
            if (args.isEmpty())
                return usageError(tr("The option %1 needs a value.").arg(o));
            (o == QLatin1String("--database") ? m_spec : now) = args.takeFirst();
        } else if (o.startsWith(QLatin1String("--database="))) {
            m_spec = o.mid(11);
        } else if (o.startsWith(QLatin1String("--now="))) {
            now = o.mid(6);
        } else {
            return usageError(tr("Unknown option %1.").arg(o));
        }
    }
    if (args.removeAll(QStringLiteral("--json")) > 0)
        json = true;
    m_out = std::make_unique<Output>(json);
    if (!now.isEmpty()) {
        const QDateTime at = QDateTime::fromString(now, Qt::ISODate);
        if (!at.isValid())
            return usageError(
                tr("--now: \"%1\" is not an ISO 8601 time such as 2026-12-01T09:00:00Z.").arg(now));
        m_clock = std::make_unique<FixedClock>(
            at.timeSpec() == Qt::LocalTime ? QDateTime(at.date(), at.time(), Qt::UTC) : at);
    } else {
        m_clock = std::make_unique<SystemClock>();
    }
    if (args.isEmpty())
        return usageError(tr("No command given."));
    const QString command = args.takeFirst();
    if (command == QLatin1String("help")) {
        m_out->line(usage());
        return Done;
    }
    using Handler = int (CommandLine::*)(const QStringList&);
    static const QHash<QString, Handler> handlers = {
        {QStringLiteral("init"), &CommandLine::cmdInit},
        {QStringLiteral("balance"), &CommandLine::cmdBalance},
        {QStringLiteral("topup"), &CommandLine::cmdTopUp},
        {QStringLiteral("member"), &CommandLine::cmdMember},
        {QStringLiteral("credit"), &CommandLine::cmdCredit},
        {QStringLiteral("autorecharge"), &CommandLine::cmdAutoRecharge},
        {QStringLiteral("billing"), &CommandLine::cmdBilling},
        {QStringLiteral("activity"), &CommandLine::cmdActivity},
        {QStringLiteral("demo"), &CommandLine::cmdDemo},
        {QStringLiteral("number"), &CommandLine::cmdNumber},
        {QStringLiteral("profile"), &CommandLine::cmdProfile},
    };
    if (kLater.contains(command))
        return usageError(
            tr("The command '%1' is not available in this version yet.").arg(command));
    const auto handler = handlers.value(command);
    if (!handler)
        return usageError(tr("Unknown command '%1'.").arg(command));
    return (this->*handler)(args);
}

int CommandLine::cmdInit(const QStringList& w)
{
    if (!w.isEmpty())
        return usageError(tr("init takes no arguments."));
    if (!openDatabase())
        return Refused;
    const int version = m_ctx->db.schemaVersion();
    if (m_out->json())
        m_out->json({{QStringLiteral("database"), m_ctx->db.displaySpec()},
                     {QStringLiteral("schema"), version}});
    else
        m_out->line(
            tr("Database %1 is ready (schema %2).").arg(m_ctx->db.displaySpec()).arg(version));
    return Done;
}

int CommandLine::cmdBalance(const QStringList& w)
{
    if (!w.isEmpty())
        return usageError(tr("balance takes no arguments."));
    if (!openDatabase())
        return Refused;
    auto b = CompanyService(*m_ctx).balance();
    if (!b)
        return refused(b.error().message);
    if (m_out->json())
        m_out->json({{QStringLiteral("company"), b->toString()},
                     {QStringLiteral("currency"), accountCurrency()}});
    else
        m_out->line(tr("Company balance: %1 %2").arg(b->toString(), accountCurrency()));
    return Done;
}

int CommandLine::cmdTopUp(const QStringList& w)
{
    const auto a = parse(w, {QStringLiteral("--reference")});
    if (!a)
        return Usage;
    if (a->positional.size() != 1)
        return usageError(tr("Usage: topup AMOUNT [--reference TEXT]"));
    const auto money = amount(a->positional.first(), QStringLiteral("topup"));
    if (!money)
        return Refused;
    if (!openDatabase())
        return Refused;
    auto r = CompanyService(*m_ctx).topUp(*money, a->value(QStringLiteral("--reference")));
    if (!r)
        return refused(r.error().message);
    if (m_out->json())
        m_out->json({{QStringLiteral("company"), r->toString()},
                     {QStringLiteral("currency"), accountCurrency()},
                     {QStringLiteral("added"), money->toString()}});
    else
        m_out->line(tr("Added %1; company balance %2 %3")
                        .arg(money->toString(), r->toString(), accountCurrency()));
    return Done;
}

int CommandLine::cmdMember(const QStringList& w)
{
    if (w.isEmpty())
        return usageError(tr("Usage: member add|list|show|import|export ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (sub == QLatin1String("add")) {
        const auto a = parse(rest, {QStringLiteral("--name"), QStringLiteral("--email"),
                                    QStringLiteral("--department")});
        if (!a)
            return Usage;
        if (a->positional.size() != 1 || !a->has(QStringLiteral("--name")))
            return usageError(
                tr("Usage: member add ACCOUNT --name NAME [--email E] [--department D]"));
        if (!openDatabase())
            return Refused;
        auto m = MemberService(*m_ctx).add(
            {a->positional.first(), a->value(QStringLiteral("--name")),
             a->value(QStringLiteral("--email")), a->value(QStringLiteral("--department"))});
        if (!m)
            return refused(m.error().message);
        auto shown = MemberService(*m_ctx).find(m->account);
        if (!shown)
            return refused(shown.error().message);
        if (m_out->json())
            m_out->json(memberJson(*shown));
        else
            m_out->line(tr("Added member %1 (%2).").arg(shown->account, shown->name));
        return Done;
    }
    if (sub == QLatin1String("list")) {
        const auto a = parse(rest, {QStringLiteral("--search")});
        if (!a)
            return Usage;
        if (!a->positional.isEmpty())
            return usageError(tr("Usage: member list [--search TEXT]"));
        if (!openDatabase())
            return Refused;
        const MemberService members(*m_ctx);
        MemberQuery q;
        q.sort = MemberQuery::Sort::Account;
        q.search = a->value(QStringLiteral("--search"));
        q.limit = 2000;
        QJsonArray list;
        for (;;) {
            auto page = members.page(q);
            if (!page)
                return refused(page.error().message);
            for (const Member& m : std::as_const(*page)) {
                if (m_out->json())
                    list.append(memberJson(m));
                else
                    m_out->line(
                        QStringLiteral("%1\t%2\t%3\t%4\t%5")
                            .arg(m.account, m.name, m.department, m.balance.toString(), m.status));
            }
            if (page->size() < q.limit)
                break;
            q.offset += q.limit;
        }
        if (m_out->json())
            m_out->json({{QStringLiteral("members"), list}});
        return Done;
    }
    if (sub == QLatin1String("show")) {
        if (rest.size() != 1 || rest.first().startsWith(QLatin1String("--")))
            return usageError(tr("Usage: member show ACCOUNT"));
        if (!openDatabase())
            return Refused;
        auto m = MemberService(*m_ctx).find(rest.first());
        if (!m)
            return refused(m.error().message);
        if (m_out->json())
            m_out->json(memberJson(*m));
        else
            m_out->line(memberText(*m));
        return Done;
    }
    if (sub == QLatin1String("import")) {
        const auto a = parse(rest, {}, {QStringLiteral("--dry-run")});
        if (!a)
            return Usage;
        if (a->positional.size() != 1)
            return usageError(tr("Usage: member import FILE.csv [--dry-run]"));
        if (!openDatabase())
            return Refused;
        const bool dry = a->has(QStringLiteral("--dry-run"));
        auto r = MemberService(*m_ctx).importCsv(a->positional.first(), dry);
        if (!r)
            return refused(r.error().message);
        QJsonArray rejected;
        for (const auto& p : std::as_const(r->rejected))
            rejected.append(QJsonObject{{QStringLiteral("line"), p.line},
                                        {QStringLiteral("reason"), p.reason}});
        if (m_out->json()) {
            m_out->json({{QStringLiteral("added"), r->added},
                         {QStringLiteral("valid"), r->valid},
                         {QStringLiteral("dryRun"), dry},
                         {QStringLiteral("rejected"), rejected}});
        } else {
            for (const auto& p : std::as_const(r->rejected))
                m_out->line(tr("line %1: %2").arg(p.line).arg(p.reason));
            if (dry)
                m_out->line(tr("Dry run, nothing was written. Members that would be added: %1; "
                               "lines with problems: %2.")
                                .arg(r->valid)
                                .arg(r->rejected.size()));
            else if (r->rejected.isEmpty())
                m_out->line(tr("Imported %n member(s).", nullptr, r->added));
        }
        if (!dry && !r->rejected.isEmpty())
            return refused(tr("%n line(s) have problems; nothing was imported.", nullptr,
                              static_cast<int>(r->rejected.size())));
        return Done;
    }
    if (sub == QLatin1String("export")) {
        if (rest.size() != 1 || rest.first().startsWith(QLatin1String("--")))
            return usageError(tr("Usage: member export FILE.csv"));
        if (!openDatabase())
            return Refused;
        auto r = MemberService(*m_ctx).exportCsv(rest.first());
        if (!r)
            return refused(r.error().message);
        if (m_out->json())
            m_out->json({{QStringLiteral("exported"), *r}, {QStringLiteral("file"), rest.first()}});
        else
            m_out->line(tr("Exported %n member(s) to %1.", nullptr, static_cast<int>(*r))
                            .arg(rest.first()));
        return Done;
    }
    return usageError(tr("Unknown member command '%1'.").arg(sub));
}

int CommandLine::cmdCredit(const QStringList& w)
{
    if (w.isEmpty() || w.first() != QLatin1String("allocate")) {
        if (!w.isEmpty() && w.first() == QLatin1String("profile"))
            return cmdCreditProfile(w.mid(1));
        return usageError(tr("Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]"));
    }
    const auto a = parse(w.mid(1), {});
    if (!a)
        return Usage;
    if (a->positional.size() < 2)
        return usageError(tr("Usage: credit allocate AMOUNT ACCOUNT [ACCOUNT ...]"));
    const auto money = amount(a->positional.first(), QStringLiteral("credit allocate"));
    if (!money)
        return Refused;
    if (!openDatabase())
        return Refused;
    auto r = CreditService(*m_ctx).allocate(*money, a->positional.mid(1));
    if (!r)
        return refused(r.error().message);
    if (m_out->json()) {
        QJsonArray members;
        for (const Member& m : std::as_const(r->members))
            members.append(QJsonObject{{QStringLiteral("account"), m.account},
                                       {QStringLiteral("balance"), m.balance.toString()}});
        m_out->json({{QStringLiteral("each"), r->each.toString()},
                     {QStringLiteral("total"), r->total.toString()},
                     {QStringLiteral("company"), r->companyBalance.toString()},
                     {QStringLiteral("members"), members}});
    } else {
        m_out->line(
            tr("Allocated %1 to each of %n member(s), %2 in all; company balance %3.", nullptr,
               static_cast<int>(r->members.size()))
                .arg(r->each.toString(), r->total.toString(), r->companyBalance.toString()));
    }
    return Done;
}

int CommandLine::cmdAutoRecharge(const QStringList& w)
{
    if (w.isEmpty())
        return usageError(tr("Usage: autorecharge set|off ACCOUNT ..."));
    const QString sub = w.first();
    if (sub == QLatin1String("set")) {
        const auto a = parse(w.mid(1), {QStringLiteral("--amount"), QStringLiteral("--below"),
                                        QStringLiteral("--monthly-limit")});
        if (!a)
            return Usage;
        if (a->positional.size() != 1 || !a->has(QStringLiteral("--amount")) ||
            !a->has(QStringLiteral("--below")) || !a->has(QStringLiteral("--monthly-limit")))
            return usageError(
                tr("Usage: autorecharge set ACCOUNT --amount A --below T --monthly-limit L"));
        const auto amountValue =
            amount(a->value(QStringLiteral("--amount")), QStringLiteral("--amount"));
        if (!amountValue)
            return Refused;
        const auto below = amount(a->value(QStringLiteral("--below")), QStringLiteral("--below"));
        if (!below)
            return Refused;
        const auto limit =
            amount(a->value(QStringLiteral("--monthly-limit")), QStringLiteral("--monthly-limit"));
        if (!limit)
            return Refused;
        if (!openDatabase())
            return Refused;
        auto r = CreditService(*m_ctx).setAutoRecharge(a->positional.first(), *amountValue, *below,
                                                       *limit);
        if (!r)
            return refused(r.error().message);
        auto m = MemberService(*m_ctx).find(a->positional.first());
        if (!m)
            return refused(m.error().message);
        if (m_out->json()) {
            QJsonObject o = memberJson(*m);
            o.insert(QStringLiteral("recharged"), r->recharged.toString());
            o.insert(QStringLiteral("companyCouldNotPay"), r->companyCouldNotPay);
            m_out->json(o);
        } else {
            m_out->line(tr("Auto-recharge saved and enabled for %1.").arg(m->account));
            if (!r->message.isEmpty())
                m_out->line(r->message);
        }
        return Done;
    }
    if (sub == QLatin1String("off")) {
        if (w.size() != 2)
            return usageError(tr("Usage: autorecharge off ACCOUNT"));
        if (!openDatabase())
            return Refused;
        auto r = CreditService(*m_ctx).disableAutoRecharge(w[1]);
        if (!r)
            return refused(r.error().message);
        if (m_out->json())
            m_out->json({{QStringLiteral("account"), w[1]},
                         {QStringLiteral("autoRecharge"), QJsonValue(QJsonValue::Null)}});
        else
            m_out->line(tr("Auto-recharge turned off for %1.").arg(w[1]));
        return Done;
    }
    return usageError(tr("Unknown autorecharge command '%1'.").arg(sub));
}

int CommandLine::cmdBilling(const QStringList& w)
{
    if (w.size() != 1 || w.first() != QLatin1String("run"))
        return usageError(tr("Usage: billing run"));
    if (!openDatabase())
        return Refused;
    auto r = BillingService(*m_ctx).run();
    if (!r)
        return refused(r.error().message);
    if (m_out->json()) {
        m_out->json({{QStringLiteral("numbersRenewed"), r->numbersRenewed},
                     {QStringLiteral("numbersReleased"), r->numbersReleased},
                     {QStringLiteral("numbersExpired"), r->numbersExpired},
                     {QStringLiteral("numbersSpent"), r->numbersSpent.toString()},
                     {QStringLiteral("autoRechargesReset"), r->autoRechargesReset},
                     {QStringLiteral("resumed"), r->resumed},
                     {QStringLiteral("recharged"), r->recharged.toString()},
                     {QStringLiteral("messages"), QJsonArray::fromStringList(r->messages)}});
    } else {
        for (const QString& m : std::as_const(r->messages))
            m_out->line(m);
        m_out->line(
            tr("Billing run done. Numbers renewed: %1 (paid %2), released: %3, expired unpaid: %4. "
               "Monthly recharge limits reset: %5, suspensions ended: %6, recharged: %7.")
                .arg(r->numbersRenewed)
                .arg(r->numbersSpent.toString())
                .arg(r->numbersReleased)
                .arg(r->numbersExpired)
                .arg(r->autoRechargesReset)
                .arg(r->resumed)
                .arg(r->recharged.toString()));
    }
    return Done;
}

int CommandLine::cmdActivity(const QStringList& w)
{
    const auto a = parse(w, {QStringLiteral("--limit")});
    if (!a)
        return Usage;
    if (!a->positional.isEmpty())
        return usageError(tr("Usage: activity [--limit N]"));
    int limit = 20;
    if (a->has(QStringLiteral("--limit"))) {
        bool ok = false;
        limit = a->value(QStringLiteral("--limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 100000)
            return refused(tr("--limit: \"%1\" is not a number from 1 to 100000.")
                               .arg(a->value(QStringLiteral("--limit"))));
    }
    if (!openDatabase())
        return Refused;
    auto page = ActivityLog(*m_ctx).page(0, limit);
    if (!page)
        return refused(page.error().message);
    QJsonArray list;
    for (const ActivityEntry& e : std::as_const(*page)) {
        if (m_out->json())
            list.append(QJsonObject{{QStringLiteral("at"), e.at.toString(Qt::ISODate)},
                                    {QStringLiteral("actor"), e.actor},
                                    {QStringLiteral("action"), e.action},
                                    {QStringLiteral("subject"), e.subject},
                                    {QStringLiteral("details"), e.details}});
        else
            m_out->line(QStringLiteral("%1  %2  %3  %4")
                            .arg(e.at.toString(Qt::ISODate), e.actor, e.action, e.details));
    }
    if (m_out->json())
        m_out->json({{QStringLiteral("activity"), list}});
    return Done;
}

int CommandLine::cmdDemo(const QStringList& w)
{
    const auto a = parse(w, {QStringLiteral("--members"), QStringLiteral("--profiles"),
                             QStringLiteral("--numbers"), QStringLiteral("--calls"),
                             QStringLiteral("--seed")});
    if (!a)
        return Usage;
    if (!a->positional.isEmpty())
        return usageError(
            tr("Usage: demo [--members N] [--profiles N] [--numbers N] [--calls N] [--seed S]"));
    DemoGenerator::Options o;
    for (const auto& [name, target] : {std::pair{QStringLiteral("--members"), &o.members}}) {
        if (a->has(name)) {
            bool ok = false;
            *target = a->value(name).toInt(&ok);
            if (!ok || *target < 0 || *target > 1'000'000)
                return refused(
                    tr("%1: \"%2\" is not a number from 0 to 1000000.").arg(name, a->value(name)));
        }
    }
    if (a->has(QStringLiteral("--seed"))) {
        bool ok = false;
        o.seed = a->value(QStringLiteral("--seed")).toUInt(&ok);
        if (!ok)
            return refused(tr("--seed: \"%1\" is not a whole number.")
                               .arg(a->value(QStringLiteral("--seed"))));
    }
    if (!openDatabase())
        return Refused;
    auto r = DemoGenerator(*m_ctx).generate(o);
    if (!r)
        return refused(r.error().message);
    if (m_out->json())
        m_out->json({{QStringLiteral("members"), r->members},
                     {QStringLiteral("autoRecharges"), r->autoRecharges},
                     {QStringLiteral("creditAllocated"),
                      Money::fromCents(r->creditAllocatedCents).toString()}});
    else
        m_out->line(tr("Generated %n member(s), %1 with auto-recharge, %2 of credit allocated.",
                       nullptr, r->members)
                        .arg(r->autoRecharges)
                        .arg(Money::fromCents(r->creditAllocatedCents).toString()));
    return Done;
}

int CommandLine::cmdNumber(const QStringList& w)
{
    if (w.isEmpty())
        return usageError(tr("Usage: number countries|areas|prices|buy|assign|cancel|list ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    auto holderFrom = [this](const Args& a, NumberHolder* out) -> bool {
        const bool member = a.has(QStringLiteral("--member"));
        const bool profile = a.has(QStringLiteral("--profile"));
        if (member == profile) {
            usageError(tr("Name exactly one holder: --member ACCOUNT or --profile NAME."));
            return false;
        }
        *out = member ? NumberHolder::member(a.value(QStringLiteral("--member")))
                      : NumberHolder::profile(a.value(QStringLiteral("--profile")));
        return true;
    };
    if (sub == QLatin1String("countries")) {
        if (!rest.isEmpty())
            return usageError(tr("Usage: number countries"));
        QJsonArray list;
        for (const auto& c : NumberCatalogue::builtIn().countries()) {
            if (m_out->json())
                list.append(QJsonObject{{QStringLiteral("code"), c.code},
                                        {QStringLiteral("name"), c.name},
                                        {QStringLiteral("termsRequired"), c.termsRequired}});
            else
                m_out->line(
                    QStringLiteral("%1\t%2%3")
                        .arg(c.code, c.name,
                             c.termsRequired ? tr("\t(terms must be accepted)") : QString()));
        }
        if (m_out->json())
            m_out->json({{QStringLiteral("countries"), list}});
        return Done;
    }
    if (sub == QLatin1String("areas") || sub == QLatin1String("prices")) {
        if (rest.size() != 1 || rest.first().startsWith(QLatin1String("--")))
            return usageError(tr("Usage: number %1 COUNTRY").arg(sub));
        if (!openDatabase())
            return Refused;
        const NumberService numbers(*m_ctx);
        if (sub == QLatin1String("areas")) {
            auto areas = numbers.areas(rest.first());
            if (!areas)
                return refused(areas.error().message);
            QJsonArray list;
            for (const auto& a : std::as_const(*areas)) {
                if (m_out->json())
                    list.append(QJsonObject{{QStringLiteral("code"), a.code},
                                            {QStringLiteral("place"), a.place},
                                            {QStringLiteral("available"), a.available}});
                else
                    m_out->line(
                        tr("%1\t%2\t%n available", nullptr, a.available).arg(a.code, a.place));
            }
            if (m_out->json())
                m_out->json({{QStringLiteral("areas"), list}});
            return Done;
        }
        auto prices = numbers.prices(rest.first());
        if (!prices)
            return refused(prices.error().message);
        QJsonObject o;
        for (auto it = prices->cbegin(); it != prices->cend(); ++it) {
            o.insert(QString::number(it.key()), it.value().toString());
            if (!m_out->json())
                m_out->line(tr("%n month(s): %1", nullptr, it.key()).arg(it.value().toString()));
        }
        if (m_out->json())
            m_out->json({{QStringLiteral("prices"), o}});
        return Done;
    }
    if (sub == QLatin1String("buy")) {
        const auto a = parse(
            rest,
            {QStringLiteral("--months"), QStringLiteral("--member"), QStringLiteral("--profile")},
            {QStringLiteral("--accept-terms")});
        if (!a)
            return Usage;
        if (a->positional.size() != 2 || !a->has(QStringLiteral("--months")))
            return usageError(tr("Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT "
                                 "| --profile NAME) "
                                 "[--accept-terms]"));
        NumberHolder holder;
        if (!holderFrom(*a, &holder))
            return Usage;
        bool ok = false;
        const int months = a->value(QStringLiteral("--months")).toInt(&ok);
        if (!ok)
            return refused(tr("--months: \"%1\" is not 1, 3 or 12.")
                               .arg(a->value(QStringLiteral("--months"))));
        if (!openDatabase())
            return Refused;
        NumberService::BuyRequest r{a->positional[0],
                                    a->positional[1],
                                    months,
                                    {holder},
                                    a->has(QStringLiteral("--accept-terms"))};
        auto bought = NumberService(*m_ctx).buy(r);
        if (!bought)
            return refused(bought.error().message);
        const auto& p = bought->first();
        if (m_out->json())
            m_out->json({{QStringLiteral("number"), p.e164},
                         {QStringLiteral("price"), p.price.toString()},
                         {QStringLiteral("expires"), p.expires.toString(Qt::ISODate)}});
        else
            m_out->line(tr("Bought %1 (%2) for %3, paid %4; it renews on %5.")
                            .arg(p.e164, PhoneNumbers::formatNational(p.e164), p.holder.name,
                                 p.price.toString(), p.expires.toString(Qt::ISODate)));
        return Done;
    }
    if (sub == QLatin1String("assign")) {
        const auto a = parse(rest, {QStringLiteral("--member"), QStringLiteral("--profile")});
        if (!a)
            return Usage;
        if (a->positional.size() != 1)
            return usageError(tr("Usage: number assign E164 (--member ACCOUNT | --profile NAME)"));
        NumberHolder holder;
        if (!holderFrom(*a, &holder))
            return Usage;
        if (!openDatabase())
            return Refused;
        const NumberService numbers(*m_ctx);
        auto n = numbers.assign(a->positional.first(), holder);
        if (!n)
            return refused(n.error().message);
        const QString reminder =
            numbers.termsRequired(n->country)
                ? tr("Reminder: the terms of numbers in %1 (for example a local address) still "
                     "apply "
                     "to the new holder.")
                      .arg(NumberCatalogue::countryName(n->country))
                : tr("Reminder: the number's terms still apply to the new holder.");
        if (m_out->json()) {
            QJsonObject o = numberJson(*n);
            o.insert(QStringLiteral("reminder"), reminder);
            m_out->json(o);
        } else {
            m_out->line(tr("%1 now belongs to %2.").arg(n->e164, n->holder.name));
            m_out->line(reminder);
        }
        return Done;
    }
    if (sub == QLatin1String("cancel")) {
        if (rest.size() != 1 || rest.first().startsWith(QLatin1String("--")))
            return usageError(tr("Usage: number cancel E164"));
        if (!openDatabase())
            return Refused;
        auto n = NumberService(*m_ctx).cancel(rest.first());
        if (!n)
            return refused(n.error().message);
        if (m_out->json())
            m_out->json({{QStringLiteral("number"), n->e164},
                         {QStringLiteral("expires"), n->expires.toString(Qt::ISODate)}});
        else
            m_out->line(tr("%1 is cancelled: usable until %2, then released. No refund.")
                            .arg(n->e164, n->expires.toString(Qt::ISODate)));
        return Done;
    }
    if (sub == QLatin1String("list")) {
        const auto a = parse(rest, {QStringLiteral("--search"), QStringLiteral("--country")});
        if (!a)
            return Usage;
        if (!a->positional.isEmpty())
            return usageError(tr("Usage: number list [--search TEXT] [--country CC]"));
        if (!openDatabase())
            return Refused;
        NumberQuery q;
        q.search = a->value(QStringLiteral("--search"));
        q.country = a->value(QStringLiteral("--country"));
        q.limit = 2000;
        const NumberService numbers(*m_ctx);
        QJsonArray list;
        for (;;) {
            auto page = numbers.page(q);
            if (!page)
                return refused(page.error().message);
            for (const NumberRecord& n : std::as_const(*page)) {
                if (m_out->json())
                    list.append(numberJson(n));
                else
                    m_out->line(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                                    .arg(n.e164,
                                         n.holder.isNone() ? QStringLiteral("-") : n.holder.name,
                                         n.expires.toString(Qt::ISODate), n.status,
                                         n.cancelled ? tr("cancelled") : QString()));
            }
            if (page->size() < q.limit)
                break;
            q.offset += q.limit;
        }
        if (m_out->json())
            m_out->json({{QStringLiteral("numbers"), list}});
        return Done;
    }
    return usageError(tr("Unknown number command '%1'.").arg(sub));
}

int CommandLine::cmdCreditProfile(const QStringList& w)
{
    const auto a = parse(w, {});
    if (!a)
        return Usage;
    if (a->positional.size() != 2)
        return usageError(tr("Usage: credit profile NAME AMOUNT"));
    const auto money = amount(a->positional[1], QStringLiteral("credit profile"));
    if (!money)
        return Refused;
    if (!openDatabase())
        return Refused;
    auto p = ProfileService(*m_ctx).allocateCredit(a->positional[0], *money);
    if (!p)
        return refused(p.error().message);
    auto company = CompanyService(*m_ctx).balance();
    if (m_out->json())
        m_out->json({{QStringLiteral("profile"), p->name},
                     {QStringLiteral("balance"), p->balance.toString()},
                     {QStringLiteral("company"), company ? company->toString() : QString()}});
    else
        m_out->line(tr("Allocated %1 to %2; its balance is %3.")
                        .arg(money->toString(), p->name, p->balance.toString()));
    return Done;
}

int CommandLine::cmdProfile(const QStringList& w)
{
    if (w.isEmpty())
        return usageError(
            tr("Usage: profile "
               "create|show|list|rename|channels|credentials|pbx-config|link|unlink|delete ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    auto intValue = [this](const QString& text, const QString& what, int* out) {
        bool ok = false;
        *out = text.toInt(&ok);
        if (!ok)
            refused(tr("%1: \"%2\" is not a whole number.").arg(what, text));
        return ok;
    };
    if (sub == QLatin1String("create")) {
        const auto a = parse(rest, {QStringLiteral("--ip"), QStringLiteral("--port"),
                                    QStringLiteral("--channels"), QStringLiteral("--department"),
                                    QStringLiteral("--email")});
        if (!a)
            return Usage;
        if (a->positional.size() != 1)
            return usageError(tr("Usage: profile create NAME [--ip ADDR --port N] [--channels N] "
                                 "[--department D] [--email E]"));
        if (a->has(QStringLiteral("--port")) && !a->has(QStringLiteral("--ip")))
            return usageError(tr("--port goes with --ip (IP authentication)."));
        NewSipProfile p;
        p.name = a->positional.first();
        p.department = a->value(QStringLiteral("--department"));
        p.email = a->value(QStringLiteral("--email"));
        if (a->has(QStringLiteral("--ip"))) {
            p.auth = SipProfile::Auth::Ip;
            p.ip = a->value(QStringLiteral("--ip"));
            if (a->has(QStringLiteral("--port")) &&
                !intValue(a->value(QStringLiteral("--port")), QStringLiteral("--port"), &p.port))
                return Refused;
        }
        if (a->has(QStringLiteral("--channels")) &&
            !intValue(a->value(QStringLiteral("--channels")), QStringLiteral("--channels"),
                      &p.channels))
            return Refused;
        if (!openDatabase())
            return Refused;
        auto created = ProfileService(*m_ctx).create(p);
        if (!created)
            return refused(created.error().message);
        for (const QString& warning : std::as_const(created->warnings))
            m_out->error(warning);
        if (m_out->json()) {
            QJsonObject o = profileJson(created->profile);
            o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(created->warnings));
            o.insert(QStringLiteral("charged"), created->channelsCharged.toString());
            if (!created->password.isEmpty())
                o.insert(QStringLiteral("username"), created->profile.username);
            m_out->json(o);
        } else {
            m_out->line(tr("Created SIP profile %1 with %n channel(s); the company paid %2.",
                           nullptr, created->profile.channels)
                            .arg(created->profile.name, created->channelsCharged.toString()));
            if (!created->password.isEmpty())
                m_out->line(tr("SIP username %1. Show the password with: switchboardctl profile "
                               "credentials \"%2\"")
                                .arg(created->profile.username, created->profile.name));
        }
        return Done;
    }
    if (sub == QLatin1String("list")) {
        if (!rest.isEmpty())
            return usageError(tr("Usage: profile list"));
        if (!openDatabase())
            return Refused;
        auto list = ProfileService(*m_ctx).list();
        if (!list)
            return refused(list.error().message);
        QJsonArray out;
        for (const SipProfile& p : std::as_const(*list)) {
            if (m_out->json())
                out.append(profileJson(p));
            else
                m_out->line(QStringLiteral("%1\t%2\t%3\t%4")
                                .arg(p.name, p.department, p.balance.toString())
                                .arg(p.channels));
        }
        if (m_out->json())
            m_out->json({{QStringLiteral("profiles"), out}});
        return Done;
    }
    // Every other subcommand names a profile first.
    if (rest.isEmpty() || rest.first().startsWith(QLatin1String("--")))
        return usageError(tr("Usage: profile %1 NAME ...").arg(sub));
    const QString name = rest.first();
    const QStringList more = rest.mid(1);
    if (sub == QLatin1String("show")) {
        if (!more.isEmpty())
            return usageError(tr("Usage: profile show NAME"));
        if (!openDatabase())
            return Refused;
        auto p = ProfileService(*m_ctx).find(name);
        if (!p)
            return refused(p.error().message);
        if (m_out->json())
            m_out->json(profileJson(*p));
        else
            m_out->line(profileText(*p));
        return Done;
    }
    if (sub == QLatin1String("rename")) {
        if (more.size() != 1)
            return usageError(tr("Usage: profile rename NAME NEWNAME"));
        if (!openDatabase())
            return Refused;
        auto p = ProfileService(*m_ctx).rename(name, more.first());
        if (!p)
            return refused(p.error().message);
        if (m_out->json())
            m_out->json(profileJson(*p));
        else
            m_out->line(tr("Renamed to %1.").arg(p->name));
        return Done;
    }
    if (sub == QLatin1String("channels")) {
        if (more.size() != 1)
            return usageError(tr("Usage: profile channels NAME N"));
        int n = 0;
        if (!intValue(more.first(), QStringLiteral("channels"), &n))
            return Refused;
        if (!openDatabase())
            return Refused;
        auto c = ProfileService(*m_ctx).setChannels(name, n);
        if (!c)
            return refused(c.error().message);
        if (m_out->json())
            m_out->json({{QStringLiteral("channels"), c->to},
                         {QStringLiteral("previous"), c->from},
                         {QStringLiteral("cost"), c->charged.toString()},
                         {QStringLiteral("nextPayment"), c->nextPayment.toString(Qt::ISODate)}});
        else
            m_out->line(tr("%1 now has %n channel(s) (it had %2): paid %3, next payment on %4.",
                           nullptr, c->to)
                            .arg(name)
                            .arg(c->from)
                            .arg(c->charged.toString(), c->nextPayment.toString(Qt::ISODate)));
        return Done;
    }
    if (sub == QLatin1String("credentials") || sub == QLatin1String("pbx-config")) {
        const auto a =
            parse(more, sub == QLatin1String("pbx-config") ? QStringList{QStringLiteral("--format")}
                                                           : QStringList{});
        if (!a)
            return Usage;
        if (!a->positional.isEmpty())
            return usageError(tr("Usage: profile %1 NAME").arg(sub));
        if (a->has(QStringLiteral("--format")) &&
            a->value(QStringLiteral("--format")) != QLatin1String("asterisk"))
            return usageError(tr("--format: only \"asterisk\" (PJSIP) is available."));
        if (!openDatabase())
            return Refused;
        const ProfileService profiles(*m_ctx);
        auto p = profiles.find(name);
        if (!p)
            return refused(p.error().message);
        auto c = profiles.credentials(name);
        if (!c)
            return refused(c.error().message);
        if (sub == QLatin1String("pbx-config")) {
            const QString text = PbxConfig::asterisk(*p, c->servers, c->password);
            if (m_out->json())
                m_out->json({{QStringLiteral("format"), QStringLiteral("asterisk")},
                             {QStringLiteral("config"), text}});
            else
                m_out->line(text.trimmed());
            return Done;
        }
        if (m_out->json()) {
            QJsonObject o{
                {QStringLiteral("username"),
                 c->username.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c->username)},
                {QStringLiteral("password"),
                 c->password.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c->password)},
                {QStringLiteral("servers"), QJsonArray::fromStringList(c->servers)}};
            if (p->auth == SipProfile::Auth::Ip)
                o.insert(QStringLiteral("allowedIp"),
                         QStringLiteral("%1:%2").arg(p->ip).arg(p->port));
            m_out->json(o);
        } else {
            if (p->auth == SipProfile::Auth::Ip)
                m_out->line(
                    tr("IP authentication: the provider accepts calls from %1, UDP port %2.")
                        .arg(p->ip)
                        .arg(p->port));
            else
                m_out->line(tr("Username: %1\nPassword: %2").arg(c->username, c->password));
            m_out->line(tr("SIP servers: %1").arg(c->servers.join(QStringLiteral(", "))));
        }
        return Done;
    }
    if (sub == QLatin1String("link")) {
        const auto a = parse(more, {QStringLiteral("--extension")});
        if (!a)
            return Usage;
        if (a->positional.size() != 1)
            return usageError(tr("Usage: profile link NAME ACCOUNT [--extension DIGITS]"));
        if (!openDatabase())
            return Refused;
        auto p = ProfileService(*m_ctx).link(name, a->positional.first(),
                                             a->value(QStringLiteral("--extension")));
        if (!p)
            return refused(p.error().message);
        if (m_out->json())
            m_out->json(profileJson(*p));
        else
            m_out->line(
                tr("Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.")
                    .arg(a->positional.first(), p->name));
        return Done;
    }
    if (sub == QLatin1String("unlink")) {
        if (more.size() != 1)
            return usageError(tr("Usage: profile unlink NAME ACCOUNT"));
        if (!openDatabase())
            return Refused;
        auto p = ProfileService(*m_ctx).unlink(name, more.first());
        if (!p)
            return refused(p.error().message);
        if (m_out->json())
            m_out->json(profileJson(*p));
        else
            m_out->line(tr("Unlinked %1 from %2; sign-in is restored.").arg(more.first(), p->name));
        return Done;
    }
    if (sub == QLatin1String("delete")) {
        const auto a = parse(more, {QStringLiteral("--export-history")}, {QStringLiteral("--yes")});
        if (!a)
            return Usage;
        if (!a->positional.isEmpty())
            return usageError(tr("Usage: profile delete NAME --yes [--export-history FILE.csv]"));
        if (!openDatabase())
            return Refused;
        const ProfileService profiles(*m_ctx);
        auto preview = profiles.deletionPreview(name);
        if (!preview)
            return refused(preview.error().message);
        if (!a->has(QStringLiteral("--yes"))) {
            m_out->error(tr("Deleting %1 would: return to the company balance: %2; put numbers "
                            "back in the pool: %3; "
                            "unlink accounts: %4; delete call records: %5. Add --yes to delete.")
                             .arg(preview->name, preview->returnedCredit.toString())
                             .arg(preview->releasedNumbers.size())
                             .arg(preview->unlinkedAccounts.size())
                             .arg(preview->deletedCalls));
            return Usage;
        }
        if (a->has(QStringLiteral("--export-history"))) {
            auto exported =
                profiles.exportCallHistory(name, a->value(QStringLiteral("--export-history")));
            if (!exported)
                return refused(exported.error().message);
        }
        auto d = profiles.remove(name);
        if (!d)
            return refused(d.error().message);
        if (m_out->json())
            m_out->json({{QStringLiteral("returnedCredit"), d->returnedCredit.toString()},
                         {QStringLiteral("releasedNumbers"),
                          QJsonArray::fromStringList(d->releasedNumbers)},
                         {QStringLiteral("unlinkedAccounts"),
                          QJsonArray::fromStringList(d->unlinkedAccounts)},
                         {QStringLiteral("deletedCalls"), d->deletedCalls}});
        else
            m_out->line(
                tr("Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; "
                   "accounts unlinked: %4; call records deleted: %5.")
                    .arg(d->name, d->returnedCredit.toString())
                    .arg(d->releasedNumbers.size())
                    .arg(d->unlinkedAccounts.size())
                    .arg(d->deletedCalls));
        return Done;
    }
    return usageError(tr("Unknown profile command '%1'.").arg(sub));
}

} // namespace sb::ctl
