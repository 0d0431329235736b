#include "app/ctl/Command.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"

namespace sb::ctl {

QString Command::help() const
{
    QStringList lines{tr("Usage: switchboardctl [GLOBAL OPTIONS] %1 ...").arg(name()),
                      description(), QString()};
    for (const QString& form : forms())
        lines << QStringLiteral("  ") + form;
    const QList<QCommandLineOption> all = options();
    if (!all.isEmpty()) {
        lines << QString() << tr("Options:");
        QStringList left;
        qsizetype width = 0;
        for (const QCommandLineOption& o : all) {
            QString text = QStringLiteral("--") + o.names().constFirst();
            if (!o.valueName().isEmpty())
                text += QLatin1Char(' ') + o.valueName();
            width = qMax(width, text.size());
            left << text;
        }
        for (qsizetype i = 0; i < all.size(); ++i)
            lines << QStringLiteral("  %1  %2").arg(left[i], -int(width)).arg(all[i].description());
    }
    lines << QString() << tr("Global options and exit status: switchboardctl --help");
    return lines.join(QLatin1Char('\n'));
}

bool Command::asksForHelp(const QStringList& arguments, bool hasSubcommands)
{
    const QString help = QStringLiteral("--help");
    return arguments.value(0) == help || (hasSubcommands && arguments.value(1) == help);
}

std::optional<int> Command::parse(OptionParser& parser, const QStringList& words,
                                  Session& session) const
{
    if (!parser.parse(words))
        return session.usageError(parser.error());
    if (parser.helpRequested()) {
        session.out().block(help());
        return Done;
    }
    return std::nullopt;
}

} // namespace sb::ctl
