#pragma once

#include "app/ctl/Output.h"
#include "core/base/Clock.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

namespace sb::ctl {

/// What every command shares: the global options, parsed once (the database, the clock of
/// `--now`, `--json`), where it speaks, and the two ways a command ends early.
class Session
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    Session(QString databaseSpec, std::unique_ptr<Clock> clock, bool json);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    const Output& out() const { return m_out; }
    bool json() const { return m_out.json(); }

    /// Opens the database (created and migrated on first use) and returns what the services
    /// need; nullptr after saying why on stderr: the command then exits Refused.
    Context* context();

    /// Says what is wrong and points at --help; returns Command::Usage.
    int usageError(const QString& message) const { return usageError(m_out, message); }
    /// The same, before there is a Session: for the global options.
    static int usageError(const Output& out, const QString& message);
    /// Says why on stderr; returns Command::Refused.
    int refused(const QString& message) const;
    /// `text` as an amount; refuses with `what` named when it is not one.
    std::optional<Money> amount(const QString& text, const QString& what) const;
    /// `text` as a whole number; refuses with `what` named when it is not one.
    std::optional<int> wholeNumber(const QString& text, const QString& what) const;

private:
    Output m_out;
    QString m_spec;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Context> m_ctx;
};

} // namespace sb::ctl
