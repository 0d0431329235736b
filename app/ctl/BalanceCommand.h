#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `balance`: the company balance.
class BalanceCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("balance"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
};

} // namespace sb::ctl
