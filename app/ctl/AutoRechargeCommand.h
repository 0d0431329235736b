#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `autorecharge set|off`: a member's automatic top-up.
class AutoRechargeCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("autorecharge"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int set(const QStringList& w, Session& s);
    int off(const QStringList& w, Session& s);
};

} // namespace sb::ctl
