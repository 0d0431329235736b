#include "app/ctl/CallsCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/calls/CallHistory.h"
#include "core/rating/CallImporter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

namespace sb::ctl {

namespace {

constexpr int kDefaultLimit = 1000;
constexpr int kMaxLimit = 1000000;

QCommandLineOption formatOption()
{
    return {QStringLiteral("format"),
            CallsCommand::tr("asterisk (Master.csv) or freeswitch (mod_cdr_csv, template "
                             "\"example\"); found from the file when not given."),
            QStringLiteral("F")};
}

QCommandLineOption zoneOption()
{
    return {QStringLiteral("time-zone"),
            CallsCommand::tr("The IANA time zone of the file's times (import; UTC by default) or "
                             "of --from and --to (list; this computer's by default)."),
            QStringLiteral("ZONE")};
}

QCommandLineOption profileOption()
{
    return {QStringLiteral("profile"), CallsCommand::tr("Only the calls this SIP profile paid."),
            QStringLiteral("NAME")};
}

QCommandLineOption memberOption()
{
    return {QStringLiteral("member"), CallsCommand::tr("Only the calls this member paid."),
            QStringLiteral("ACCOUNT")};
}

QCommandLineOption fromOption()
{
    return {QStringLiteral("from"), CallsCommand::tr("The first day (YYYY-MM-DD), included."),
            QStringLiteral("DATE")};
}

QCommandLineOption toOption()
{
    return {QStringLiteral("to"), CallsCommand::tr("The last day (YYYY-MM-DD), included."),
            QStringLiteral("DATE")};
}

QCommandLineOption csvOption()
{
    return {QStringLiteral("csv"),
            CallsCommand::tr("Write every matching call to this CSV file instead (--limit does "
                             "not apply)."),
            QStringLiteral("FILE")};
}

QCommandLineOption searchOption()
{
    return {QStringLiteral("search"),
            CallsCommand::tr("Only calls whose source or destination contains this number."),
            QStringLiteral("NUMBER")};
}

QCommandLineOption limitOption()
{
    return {QStringLiteral("limit"),
            CallsCommand::tr("How many calls, newest first, from 1 to 1000000 (1000 by default)."),
            QStringLiteral("N")};
}

QString payerKind(CallEntry::PayerKind k)
{
    switch (k) {
    case CallEntry::PayerKind::Member:
        return QStringLiteral("member");
    case CallEntry::PayerKind::Profile:
        return QStringLiteral("profile");
    case CallEntry::PayerKind::None:
        break;
    }
    return {};
}

QJsonObject callJson(const CallEntry& c)
{
    QJsonValue payer = QJsonValue::Null;
    if (c.payerKind != CallEntry::PayerKind::None)
        payer = QJsonObject{{payerKind(c.payerKind), c.payer}};
    const auto nullable = [](const QString& s) {
        return s.isEmpty() ? QJsonValue() : QJsonValue(s);
    };
    return {{QStringLiteral("time"), c.startedAt.toString(Qt::ISODate)},
            {QStringLiteral("payer"), payer},
            {QStringLiteral("source"), c.source},
            {QStringLiteral("destination"), c.destination},
            {QStringLiteral("e164"), nullable(c.e164)},
            {QStringLiteral("place"), nullable(c.place)},
            {QStringLiteral("billsec"), c.billsec},
            {QStringLiteral("billedMinutes"), c.billedMinutes},
            {QStringLiteral("bundleMinutes"), c.bundleMinutes},
            {QStringLiteral("price"), c.price.toString()},
            {QStringLiteral("charged"), c.charged.toString()},
            {QStringLiteral("status"), c.status}};
}

} // namespace

QString CallsCommand::description() const
{
    return tr("The PBX's call records: import and rate them, list the call history.");
}

QStringList CallsCommand::forms() const
{
    return {
        tr("calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]"),
        tr("calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] "
           "[--search NUMBER] [--time-zone ZONE] [--csv FILE] [--limit N]"),
    };
}

QList<QCommandLineOption> CallsCommand::options() const
{
    return {formatOption(), zoneOption(),   profileOption(), memberOption(), fromOption(),
            toOption(),     searchOption(), csvOption(),     limitOption()};
}

int CallsCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: calls import|list ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (sub == QLatin1String("import"))
        return importFile(rest, s);
    if (sub == QLatin1String("list"))
        return list(rest, s);
    return s.usageError(tr("Unknown calls command '%1'.").arg(UserText::quoted(sub)));
}

int CallsCommand::importFile(const QStringList& w, Session& s)
{
    OptionParser a({formatOption(), zoneOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(
            tr("Usage: calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]"));
    CallImportOptions options;
    if (a.isSet(QStringLiteral("format"))) {
        const QString f = a.value(QStringLiteral("format")).trimmed().toLower();
        if (f == QLatin1String("asterisk"))
            options.format = CdrReader::Format::Asterisk;
        else if (f == QLatin1String("freeswitch"))
            options.format = CdrReader::Format::FreeSwitch;
        else
            return s.usageError(tr("--format: \"%1\" is not asterisk or freeswitch.")
                                    .arg(UserText::quoted(a.value(QStringLiteral("format")))));
    }
    if (a.isSet(QStringLiteral("time-zone"))) {
        const QString zone = a.value(QStringLiteral("time-zone")).trimmed();
        options.zone = QTimeZone(zone.toUtf8());
        if (!options.zone.isValid())
            return s.refused(tr("--time-zone: \"%1\" is not an IANA time zone such as "
                                "Europe/Oslo or America/New_York.")
                                 .arg(UserText::quoted(zone)));
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto r = CallImporter(*ctx).importFile(a.positional().constFirst(), options);
    if (!r)
        return s.refused(r.error().message);
    if (s.json()) {
        QJsonArray rejected;
        for (const auto& p : std::as_const(r->problems))
            rejected.append(QJsonObject{{QStringLiteral("line"), p.line},
                                        {QStringLiteral("reason"), p.reason}});
        QJsonArray unknown;
        for (const auto& u : std::as_const(r->unknownAccounts))
            unknown.append(QJsonObject{{QStringLiteral("code"), u.code},
                                       {QStringLiteral("count"), u.count},
                                       {QStringLiteral("firstLine"), u.firstLine}});
        QJsonArray unrated;
        for (const auto& u : std::as_const(r->unrated))
            unrated.append(QJsonObject{{QStringLiteral("line"), u.line},
                                       {QStringLiteral("destination"), u.destination},
                                       {QStringLiteral("reason"), u.reason}});
        s.out().json({{QStringLiteral("imported"), r->imported},
                      {QStringLiteral("duplicates"), r->duplicates},
                      {QStringLiteral("rejected"), rejected},
                      {QStringLiteral("rejectedCount"), r->problemCount},
                      {QStringLiteral("unknownAccounts"), unknown},
                      {QStringLiteral("unknownRecords"), r->unknownRecords},
                      {QStringLiteral("chargedCalls"), r->chargedCalls},
                      {QStringLiteral("charged"), r->charged.toString()},
                      {QStringLiteral("owingPayers"), r->owingPayers},
                      {QStringLiteral("owed"), r->owed.toString()},
                      {QStringLiteral("unrated"), unrated},
                      {QStringLiteral("unratedCount"), r->unratedCount},
                      {QStringLiteral("recharges"), r->recharges},
                      {QStringLiteral("messages"), QJsonArray::fromStringList(r->rechargeNews)}});
        return Done;
    }
    for (const auto& p : std::as_const(r->problems))
        s.out().line(tr("line %1: %2").arg(p.line).arg(p.reason));
    if (r->problemCount > r->problems.size())
        s.out().line(tr("… and %n more line(s) with problems.", nullptr,
                        static_cast<int>(r->problemCount - r->problems.size())));
    for (const auto& u : std::as_const(r->unknownAccounts))
        s.out().line(tr("Unknown account code \"%1\": %n record(s), the first on line %2.", nullptr,
                        static_cast<int>(u.count))
                         .arg(UserText::quoted(u.code))
                         .arg(u.firstLine));
    for (const auto& u : std::as_const(r->unrated))
        s.out().line(
            tr("line %1: %2 was not charged: %3").arg(u.line).arg(u.destination, u.reason));
    for (const QString& m : std::as_const(r->rechargeNews))
        s.out().line(m);
    s.out().line(tr("Imported calls: %1; duplicates skipped: %2; lines with problems: %3; calls "
                    "charged: %5, %4 in all.")
                     .arg(r->imported)
                     .arg(r->duplicates)
                     .arg(r->problemCount)
                     .arg(r->charged.toString())
                     .arg(r->chargedCalls));
    return Done;
}

int CallsCommand::list(const QStringList& w, Session& s)
{
    OptionParser a({profileOption(), memberOption(), fromOption(), toOption(), searchOption(),
                    zoneOption(), csvOption(), limitOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    const QString usage = tr("Usage: calls list [--profile NAME | --member ACCOUNT] [--from DATE] "
                             "[--to DATE] [--search NUMBER] [--time-zone ZONE] [--csv FILE] "
                             "[--limit N]");
    if (!a.positional().isEmpty())
        return s.usageError(usage);
    if (a.isSet(QStringLiteral("profile")) && a.isSet(QStringLiteral("member")))
        return s.usageError(tr("Give --profile or --member, not both."));
    CallQuery q;
    q.profile = a.value(QStringLiteral("profile"));
    q.member = a.value(QStringLiteral("member"));
    q.search = a.value(QStringLiteral("search"));
    for (const QString& name : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!a.isSet(name))
            continue;
        const QDate d = QDate::fromString(a.value(name).trimmed(), Qt::ISODate);
        if (!d.isValid())
            return s.refused(tr("--%1: \"%2\" is not a date (YYYY-MM-DD).")
                                 .arg(name, UserText::quoted(a.value(name))));
        (name == QLatin1String("from") ? q.from : q.to) = d;
    }
    if (q.from.isValid() && q.to.isValid() && q.to < q.from)
        return s.refused(tr("--to (%1) is before --from (%2).")
                             .arg(q.to.toString(Qt::ISODate), q.from.toString(Qt::ISODate)));
    if (a.isSet(QStringLiteral("time-zone"))) {
        const QString zone = a.value(QStringLiteral("time-zone")).trimmed();
        q.zone = QTimeZone(zone.toUtf8());
        if (!q.zone.isValid())
            return s.refused(tr("--time-zone: \"%1\" is not an IANA time zone such as "
                                "Europe/Oslo or America/New_York.")
                                 .arg(UserText::quoted(zone)));
    }
    q.limit = kDefaultLimit;
    if (a.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        q.limit = a.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > kMaxLimit)
            return s.refused(tr("--limit: \"%1\" is not a number from 1 to 1000000.")
                                 .arg(UserText::quoted(a.value(QStringLiteral("limit")))));
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const CallHistory history(*ctx);
    if (a.isSet(QStringLiteral("csv"))) {
        const QString path = a.value(QStringLiteral("csv"));
        auto written = history.exportCsvFile(q, path);
        if (!written)
            return s.refused(written.error().message);
        if (s.json())
            s.out().json({{QStringLiteral("exported"), *written}, {QStringLiteral("file"), path}});
        else
            s.out().line(
                tr("Exported %n call(s) to %1.", nullptr, static_cast<int>(*written)).arg(path));
        return Done;
    }
    auto page = history.page(q);
    if (!page)
        return s.refused(page.error().message);
    if (s.json()) {
        QJsonArray calls;
        for (const CallEntry& c : std::as_const(*page))
            calls.append(callJson(c));
        s.out().json({{QStringLiteral("calls"), calls}});
        return Done;
    }
    for (const CallEntry& c : std::as_const(*page))
        s.out().line(QStringLiteral("%1  %2  %3 -> %4  %5  %6s  %7 min  %8  %9")
                         .arg(c.startedAt.toString(Qt::ISODate),
                              c.payer.isEmpty() ? QStringLiteral("-") : c.payer, c.source,
                              c.e164.isEmpty() ? c.destination : c.e164,
                              c.place.isEmpty() ? QStringLiteral("-") : c.place)
                         .arg(c.billsec)
                         .arg(c.billedMinutes)
                         .arg(c.price.toString(), c.status));
    return Done;
}

} // namespace sb::ctl
