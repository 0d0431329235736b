#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `demo`: fills the database with generated data.
class DemoCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("demo"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;
};

} // namespace sb::ctl
