#include "app/ctl/CommandLine.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Output.h"
#include "app/ctl/Session.h"
#include "core/base/FixedClock.h"
#include "core/base/SystemClock.h"
#include "core/base/UserText.h"
#include "core/base/Version.h"
#include "core/storage/Database.h"

namespace sb::ctl {

namespace {
/// How far --now may be from the system clock without --force-time.
constexpr qint64 kMaxNowDistanceDays = 366;
} // namespace

QString CommandLine::usage()
{
    return tr(
        "Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] "
        "[--now ISO-8601-UTC [--force-time]] [--json] COMMAND ...\n"
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
        "  activity [--limit N] [--lang L]             the audit log, newest first\n"
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
        "  calls import FILE [--format asterisk|freeswitch] [--time-zone ZONE]\n"
        "  calls list [--profile NAME | --member ACCOUNT] [--from DATE] [--to DATE] [--csv FILE]\n"
        "  bundle add|change PROFILE COUNT             US minute bundles (5000 minutes a month "
        "each)\n"
        "  bundle cancel|extend PROFILE                no renewal / pay the next month now\n"
        "  advice [PROFILE]                            channels and bundles each profile should "
        "have\n"
        "  report statement --month YYYY-MM (--pdf FILE | --csv FILE)\n"
        "                                              the monthly statement\n"
        "  demo [--members N] [--seed S]               fill the database with realistic generated "
        "data\n"
        "\n"
        "The database defaults to $SWITCHBOARD_DATABASE, else the window's own SQLite file.\n"
        "Exit status: 0 done, 1 refused (nothing changed), 2 usage error.");
}

int CommandLine::run(const QStringList& argsIn)
{
    const Output plain(false);
    auto usageError = [&plain](const QString& message) {
        return Session::usageError(plain, message);
    };
    auto refusedEarly = [&plain](const QString& message) {
        plain.error(message);
        return int(Command::Refused);
    };
    const QString json = QStringLiteral("json"), help = QStringLiteral("help"),
                  version = QStringLiteral("version"), database = QStringLiteral("database"),
                  now = QStringLiteral("now"), forceTime = QStringLiteral("force-time");
    // Global options come before the command; --help and --version act where they stand.
    OptionParser global(
        {QCommandLineOption(json), QCommandLineOption(help), QCommandLineOption(version),
         QCommandLineOption(database, QString(), QStringLiteral("SPEC")),
         QCommandLineOption(now, QString(), QStringLiteral("TIME")), QCommandLineOption(forceTime)},
        OptionParser::Mode::Global);
    global.stopAfter({help, version});
    if (!global.parse(argsIn))
        return usageError(global.error());
    if (global.isSet(help)) {
        plain.block(usage());
        return Command::Done;
    }
    if (global.isSet(version)) {
        plain.line(QStringLiteral("switchboardctl ") + sb::version());
        return Command::Done;
    }
    QStringList args = global.rest();
    // --json is also accepted anywhere after the command.
    const bool jsonAfterCommand = args.removeAll(QStringLiteral("--json")) > 0;
    const bool jsonOutput = global.isSet(json) || jsonAfterCommand;
    std::unique_ptr<Clock> clock;
    const QString nowText = global.value(now);
    if (!nowText.isEmpty()) {
        const QDateTime at = QDateTime::fromString(nowText, Qt::ISODate);
        if (!at.isValid())
            return usageError(
                tr("--now: \"%1\" is not an ISO 8601 time such as 2026-12-01T09:00:00Z.")
                    .arg(UserText::quoted(nowText)));
        const QDateTime utc =
            at.timeSpec() == Qt::LocalTime ? QDateTime(at.date(), at.time(), Qt::UTC) : at;
        // A typo in the year would renew every subscription for centuries in one billing run:
        // a time far from this computer's clock has to be asked for twice.
        const QDateTime real = SystemClock().now();
        if (!global.isSet(forceTime) && qAbs(real.secsTo(utc)) > kMaxNowDistanceDays * 86400LL)
            return refusedEarly(
                tr("--now: %1 is more than a year away from this computer's clock (%2); add "
                   "--force-time if that is what you mean.")
                    .arg(utc.toString(Qt::ISODate), real.toString(Qt::ISODate)));
        clock = std::make_unique<FixedClock>(utc);
    } else {
        clock = std::make_unique<SystemClock>();
    }
    if (args.isEmpty())
        return usageError(tr("No command given."));
    const QString name = args.takeFirst();
    if (name == QLatin1String("help")) {
        plain.block(usage());
        return Command::Done;
    }
    Command* command = m_commands.find(name);
    if (!command)
        return usageError(tr("Unknown command '%1'.").arg(UserText::quoted(name)));
    const QString spec = global.isSet(database) ? global.value(database) : Database::defaultSpec();
    Session session(spec, std::move(clock), jsonOutput);
    return command->run(args, session);
}

} // namespace sb::ctl
