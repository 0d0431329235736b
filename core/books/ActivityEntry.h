#pragma once

#include "core/books/ActivityEvent.h"

#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace sb {

/// One line of the audit log, as stored: its sentence is written when it is shown
/// (ActivityLog::describe), in the reader's language.
struct ActivityEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    ActivityKind kind = ActivityKind::Unknown;
    QString key;        ///< the stored kind key, e.g. "number.buy" (kept for Unknown kinds too)
    QString subject;    ///< what it concerned: an account, a SIP profile or a number
    QVariantMap values; ///< the event's values (ActivityValue names)
};

} // namespace sb
