#pragma once

#include "core/base/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Notifier.h"

#include <QString>

namespace sb {

/// What every service needs: the database, the clock that says "now", and who acts.
struct Context
{
    Database db;
    const Clock* clock = nullptr;
    /// The admin acting, recorded in the ledger and the activity log.
    QString actor;
    /// Where services announce what they committed; null where nobody listens (the CLI).
    Notifier* notifier = nullptr;

    QDateTime now() const { return clock->now(); }
    /// "now" as stored: ISO 8601 UTC with seconds.
    QString nowText() const { return now().toString(Qt::ISODate); }
    /// Tells the notifier, if any, what a committed transaction changed, and on PostgreSQL
    /// the other processes too (ChangeChannel), whether or not a Notifier listens here.
    void announce(const Changes& changes) const;
};

/// The admin's name as the operating system knows it, for the `actor` of a Context.
QString currentOsUser();

} // namespace sb
