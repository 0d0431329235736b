#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `profile create|show|list|rename|channels|country|credentials|pbx-config|send-credentials|
/// link|unlink|delete` and `profile probe` (ProfileProbeCommand).
class ProfileCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("profile"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int create(const QStringList& w, Session& s);
    int list(const QStringList& w, Session& s);
    int show(const QStringList& w, Session& s);
    int rename(const QStringList& w, Session& s);
    int channels(const QStringList& w, Session& s);
    int country(const QStringList& w, Session& s);
    int credentials(const QStringList& w, Session& s);
    int sendCredentials(const QStringList& w, Session& s);
    int link(const QStringList& w, Session& s);
    int unlink(const QStringList& w, Session& s);
    int remove(const QStringList& w, Session& s);
};

} // namespace sb::ctl
