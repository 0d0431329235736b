#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `bundle add|change|cancel|extend PROFILE [COUNT]`: a SIP profile's US minute bundles.
class BundleCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("bundle"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
};

} // namespace sb::ctl
