#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `advice [PROFILE]`: per SIP profile, the channels its busiest hour needs (Erlang B at 1%)
/// and the US minute bundles that would have cost least (AdviceService).
class AdviceCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("advice"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
};

} // namespace sb::ctl
