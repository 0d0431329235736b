#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb::ctl {

class OptionParser;
class Session;

/// One command group of switchboardctl (`member`, `number`, ...). The registry finds it by
/// name(); the global options are already parsed into the Session, so run() sees only the
/// words after the command's own name.
class Command
{
    // Every class of switchboardctl translates in the context its messages had when they all
    // lived in CommandLine, so that the nb/fr/nl/pl catalogues keep matching them.
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    /// The exit status of the contract (docs/CLI.md).
    enum Status
    {
        Done = 0,
        Refused = 1, ///< one line on stderr says why; nothing changed
        Usage = 2
    };

    virtual ~Command() = default;
    virtual QString name() const = 0;
    /// One line, for the help of the command.
    virtual QString description() const = 0;
    /// Runs the words after the command name; returns the exit status.
    virtual int run(const QStringList& arguments, Session& session) = 0;

    /// `switchboardctl NAME --help`: the description, every form and every option.
    QString help() const;
    /// Every form of the command, as `switchboardctl --help` lists them.
    QStringList synopsis() const { return forms(); }

protected:
    /// The forms of the command, one per subcommand, as `help()` lists them.
    virtual QStringList forms() const = 0;
    /// Every option any form takes, with its description, as `help()` lists them.
    virtual QList<QCommandLineOption> options() const { return {}; }
    /// Whether `arguments` ask for help: `--help` first, or right after the subcommand.
    static bool asksForHelp(const QStringList& arguments, bool hasSubcommands);
    /// Parses `words` with `parser`: Usage after saying what is wrong, Done after printing
    /// help(), nothing when the command goes on.
    std::optional<int> parse(OptionParser& parser, const QStringList& words,
                             Session& session) const;
};

} // namespace sb::ctl
