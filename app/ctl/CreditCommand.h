#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `credit allocate` to members and `credit profile` to a SIP profile.
class CreditCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("credit"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;

private:
    int allocate(const QStringList& w, Session& s);
    int profile(const QStringList& w, Session& s);
};

} // namespace sb::ctl
