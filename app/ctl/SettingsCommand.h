#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `settings show|sip-servers|mail`: what every copy of the program on the database shares,
/// the provider's SIP servers and the mail server (its password read from standard input,
/// never printed), and `settings mail test ADDRESS` through that server.
class SettingsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("settings"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int show(const QStringList& w, Session& s);
    int sipServers(const QStringList& w, Session& s);
    int mail(const QStringList& w, Session& s);
    int mailTest(const QStringList& w, Session& s);
    int mailClear(const QStringList& w, Session& s);
};

} // namespace sb::ctl
