#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb::ctl {

/// QCommandLineParser, reading words the way the contract always has (docs/CLI.md):
/// an option is `--name`, `--name=value` or `--name value`; every other word is positional,
/// `-5` and `--` too. QCommandLineParser alone would take `-5` for an unknown option, turning
/// `topup -5` (a bad amount, exit 1) into a usage error; and its messages are not the
/// contract's. So a first pass splits the words and reports the first problem in the
/// contract's words, then QCommandLineParser parses options first and positionals after `--`.
class OptionParser
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    enum class Mode
    {
        /// A command's words: options and positionals in any order.
        Command,
        /// The global options before the command: the first positional word is the command
        /// and ends the options; `--` alone is an (unknown) option there.
        Global
    };

    /// Command mode also knows `--help`, so that every command answers it.
    explicit OptionParser(const QList<QCommandLineOption>& options, Mode mode = Mode::Command);

    /// In Global mode, the scan ends at the first of these flags: `--help --colour` is help.
    void stopAfter(const QStringList& flags) { m_stopAfter = flags; }

    /// False when the words are wrong; error() says how.
    bool parse(const QStringList& words);
    QString error() const { return m_error; }

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    /// The last value given ("" when the option is absent).
    QString value(const QString& name) const { return m_parser.value(name); }
    /// Command mode: the words that are not options, in order.
    QStringList positional() const { return m_parser.positionalArguments(); }
    /// Global mode: the command and the words after it.
    QStringList rest() const { return m_rest; }
    bool helpRequested() const;

private:
    const QCommandLineOption* find(const QString& word) const;

    QList<QCommandLineOption> m_options;
    Mode m_mode;
    QStringList m_stopAfter;
    QCommandLineParser m_parser;
    QString m_error;
    QStringList m_rest;
};

} // namespace sb::ctl
