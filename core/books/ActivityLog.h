#pragma once

#include "core/base/Error.h"
#include "core/books/ActivityEntry.h"
#include "core/storage/Context.h"

#include <QList>

namespace sb {

class Transaction;

/// The audit log: who did what and when. record() joins the caller's transaction, passed in, so an
/// action and its log line land or vanish together.
class ActivityLog
{
public:
    explicit ActivityLog(const Context& ctx) : m_ctx(ctx) {}

    Result<void> record(Transaction& tx, const QString& action, const QString& subject,
                        const QString& details) const;
    /// Newest first; `search` matches action, subject, details or actor (case-insensitive).
    Result<QList<ActivityEntry>> page(int offset, int limit, const QString& search = {}) const;
    Result<qint64> count() const;

    /// A translated, human name for an action key.
    static QString actionName(const QString& action);

private:
    const Context& m_ctx;
};

} // namespace sb
