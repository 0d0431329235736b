#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `calls import|list`: the PBX's call records in, the rated call history out.
class CallsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("calls"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int importFile(const QStringList& w, Session& s);
    int list(const QStringList& w, Session& s);
};

} // namespace sb::ctl
