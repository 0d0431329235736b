#pragma once

#include "app/ctl/CommandRegistry.h"

#include <QCoreApplication>
#include <QStringList>

namespace sb::ctl {

/// `switchboardctl`: reads the global options of ../shared/CLI.md once, then hands the rest
/// to the command the registry names. Exit status 0 done, 1 refused (one line on stderr says
/// why; nothing changed), 2 usage.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(sb::ctl::CommandLine)

public:
    int run(const QStringList& args);

    QString usage() const;

private:
    CommandRegistry m_commands;
};

} // namespace sb::ctl
