#pragma once

#include <QDateTime>
#include <QString>

namespace sb {

/// One line of the audit log.
struct ActivityEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;  ///< machine key, e.g. "member.add", "credit.allocate"
    QString subject; ///< what it concerned, e.g. an account name
    QString details; ///< human-readable summary, in the language of the one who acted
};

} // namespace sb
