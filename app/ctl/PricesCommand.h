#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `prices show` and `prices import FILE`: the price list in force (the shipped one until a
/// list is imported) and replacing it with a file validated whole.
class PricesCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("prices"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;

private:
    int show(const QStringList& w, Session& s);
    int import(const QStringList& w, Session& s);
};

} // namespace sb::ctl
