#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// `number countries|areas|prices|buy|assign|cancel|list`.
class NumberCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    QString name() const override { return QStringLiteral("number"); }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override;
    QList<QCommandLineOption> options() const override;

private:
    int countries(const QStringList& w, Session& s);
    int areasOrPrices(const QStringList& w, Session& s);
    int buy(const QStringList& w, Session& s);
    int assign(const QStringList& w, Session& s);
    int cancel(const QStringList& w, Session& s);
    int list(const QStringList& w, Session& s);
};

} // namespace sb::ctl
