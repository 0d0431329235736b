#pragma once

#include "app/ctl/Output.h"
#include "core/base/Clock.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <memory>
#include <optional>

namespace sb::ctl {

/// `switchboardctl`: parses the command line of ../shared/CLI.md and runs it through core.
/// Exit status 0 done, 1 refused (one line on stderr says why; nothing changed), 2 usage.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    enum Status
    {
        Done = 0,
        Refused = 1,
        Usage = 2
    };
    CommandLine();
    ~CommandLine();
    int run(const QStringList& args);

    static QString usage();

private:
    // The words after the command and its subcommand, split into positionals and options.
    struct Args
    {
        QStringList positional;
        QHash<QString, QString> options; ///< "--name" -> value ("" for a flag)
        bool has(const QString& o) const { return options.contains(o); }
        QString value(const QString& o) const { return options.value(o); }
    };
    /// Splits `words`; options in `withValue` take the next word, those in `flags` none.
    std::optional<Args> parse(const QStringList& words, const QStringList& withValue,
                              const QStringList& flags = {});
    int usageError(const QString& message);
    int refused(const QString& message);
    bool openDatabase();
    std::optional<Money> amount(const QString& text, const QString& what);

    int cmdInit(const QStringList& w);
    int cmdBalance(const QStringList& w);
    int cmdTopUp(const QStringList& w);
    int cmdMember(const QStringList& w);
    int cmdCredit(const QStringList& w);
    int cmdAutoRecharge(const QStringList& w);
    int cmdBilling(const QStringList& w);
    int cmdActivity(const QStringList& w);
    int cmdDemo(const QStringList& w);
    int cmdNumber(const QStringList& w);
    int cmdProfile(const QStringList& w);
    int cmdCreditProfile(const QStringList& w);

    std::unique_ptr<Output> m_out;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Context> m_ctx;
    QString m_spec;
};

} // namespace sb::ctl
