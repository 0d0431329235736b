#include "core/storage/Context.h"

#include "core/storage/ChangeChannel.h"

#include <QtGlobal>

namespace sb {

void Context::announce(const Changes& changes) const
{
    if (changes.isEmpty())
        return;
    // The NOTIFY goes out after the commit, in a statement of its own. Sent inside the
    // transaction it would be atomic with the write (PostgreSQL delivers it on COMMIT only),
    // but the services build their Changes from what the work returned, after
    // Transaction::run committed (and maybe retried): inside, every service would have to
    // hand its Changes to the transaction before the commit. What this costs: a process that
    // dies between its COMMIT and this statement leaves the other windows stale until their
    // next change or refresh. Where a caller does announce with a transaction still open on
    // this connection, the NOTIFY simply joins it and leaves, or not, with its COMMIT.
    // A failure here never fails the write, which committed already.
    if (db.isPostgres())
        if (auto sent = ChangeChannel::send(db, changes); !sent)
            qWarning("switchboard: other windows were not told of a change: %s",
                     qPrintable(sent.error().message));
    if (notifier)
        notifier->announce(changes);
}

QString currentOsUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("admin") : user;
}

} // namespace sb
