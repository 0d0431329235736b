#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `init`: creates or upgrades the database.
class InitCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("init"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
};

} // namespace sb::ctl
