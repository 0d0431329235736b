#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `activity`: the audit log, newest first. Kept small: the log's entries change shape
/// with their own work, and only this class reads them.
class ActivityCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("activity"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;
};

} // namespace sb::ctl
