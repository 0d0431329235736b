#include "app/ctl/LaterCommand.h"

#include "app/ctl/Session.h"

namespace sb::ctl {

QString LaterCommand::description() const
{
    return tr("Not available in this version yet.");
}

int LaterCommand::run(const QStringList&, Session& s)
{
    return s.usageError(tr("The command '%1' is not available in this version yet.").arg(m_name));
}

} // namespace sb::ctl
