#include "core/storage/Context.h"

#include <QtGlobal>

namespace sb {

QString currentOsUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("admin") : user;
}

} // namespace sb
