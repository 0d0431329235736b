#pragma once

#include "app/ctl/Command.h"

#include <QString>

#include <memory>
#include <vector>

namespace sb::ctl {

/// Every command of switchboardctl, found by name. A new command group is one class and
/// one line in the constructor.
class CommandRegistry
{
public:
    CommandRegistry();
    ~CommandRegistry();
    CommandRegistry(const CommandRegistry&) = delete;
    CommandRegistry& operator=(const CommandRegistry&) = delete;

    /// nullptr when no command has that name.
    Command* find(const QString& name) const;
    const std::vector<std::unique_ptr<Command>>& all() const { return m_commands; }

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace sb::ctl
