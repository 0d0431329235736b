#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `billing run`: renewals, expiries and monthly resets due by now.
class BillingCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("billing"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
};

} // namespace sb::ctl
