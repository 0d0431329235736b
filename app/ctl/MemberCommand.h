#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `member add|list|show|country|import|export`.
class MemberCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("member"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int add(const QStringList& w, Session& s);
    int list(const QStringList& w, Session& s);
    int show(const QStringList& w, Session& s);
    int country(const QStringList& w, Session& s);
    int importCsv(const QStringList& w, Session& s);
    int exportCsv(const QStringList& w, Session& s);
};

} // namespace sb::ctl
