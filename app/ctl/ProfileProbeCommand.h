#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `profile probe NAME [--timeout-ms N]`: SIP OPTIONS to the profile's PBX (IP
/// authentication) and to every provider server, the results stored and printed. Reached
/// through ProfileCommand; a class of its own because ProfileCommand is long already.
class ProfileProbeCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("profile probe"); }
    QString description() const override;
    /// The words after `probe`.
    int run(const QStringList& arguments, Session& s) override;
    static QCommandLineOption timeoutOption();

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override { return {timeoutOption()}; }
};

} // namespace sb::ctl
