#pragma once

#include "app/ctl/Command.h"

namespace sb::ctl {

/// A command of the contract that later work delivers (`bundle`, `calls`, ...): a clear word
/// that it is not here yet instead of "unknown command", with the usage status.
class LaterCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    explicit LaterCommand(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    QString description() const override;
    int run(const QStringList& arguments, Session& s) override;

protected:
    QStringList forms() const override { return {}; }

private:
    QString m_name;
};

} // namespace sb::ctl
