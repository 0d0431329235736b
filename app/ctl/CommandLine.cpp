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

QString CommandLine::usage() const
{
    // Every command's own forms, as `COMMAND --help` shows them: one list, never a copy that
    // forgets the later commands.
    QStringList lines{
        tr("Usage: switchboardctl [--database PATH|postgresql://user[:pw]@host[:port]/db] "
           "[--now ISO-8601-UTC [--force-time]] [--json] COMMAND ..."),
        QString(), tr("Commands:")};
    for (const auto& command : m_commands.all()) {
        const QStringList forms = command->synopsis();
        // A command of one form without words of its own says what it does beside it.
        if (forms.size() == 1 && !forms.constFirst().contains(QLatin1String("  "))) {
            const QString& form = forms.constFirst();
            if (form.size() > 43)
                lines << QStringLiteral("  ") + form
                      << QString(46, QLatin1Char(' ')) + command->description();
            else
                lines << QStringLiteral("  %1 %2").arg(form, -43).arg(command->description());
        } else
            for (const QString& form : forms)
                lines << QStringLiteral("  ") + form;
    }
    lines << QString() << tr("COMMAND --help shows a command's options.")
          << tr("The database defaults to $SWITCHBOARD_DATABASE, else the window's own SQLite "
                "file.")
          << tr("Exit status: 0 done, 1 refused (nothing changed), 2 usage error.");
    return lines.join(QLatin1Char('\n'));
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
