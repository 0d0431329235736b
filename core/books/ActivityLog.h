#pragma once

#include "core/base/Error.h"
#include "core/books/ActivityEntry.h"
#include "core/books/ActivityEvent.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QList>

namespace sb {

class Transaction;

/// The audit log: who did what and when. record() joins the caller's transaction, passed in,
/// so an action and its log line land or vanish together. A line holds its kind and values,
/// never a sentence: describe() writes that when the line is shown, in the reader's language.
class ActivityLog
{
    Q_DECLARE_TR_FUNCTIONS(sb::ActivityLog)

public:
    explicit ActivityLog(const Context& ctx) : m_ctx(ctx) {}

    Result<void> record(Transaction& tx, const ActivityEvent& event) const;
    /// Newest first. `search` (case-insensitive) matches the accounts, SIP profiles, numbers,
    /// references and dates of a line, its actor, its kind key, or the name of its kind in
    /// the current language ("Bought a number"). `olderThan` is the id of the last line read
    /// (0: from the newest): the next page seeks past it instead of counting lines again.
    Result<QList<ActivityEntry>> page(int limit, const QString& search = {},
                                      qint64 olderThan = 0) const;
    Result<qint64> count() const;

    /// The line as a sentence in the current language, money and dates in the default
    /// locale (machine formats where it is C, as in switchboardctl's default output).
    static QString describe(const ActivityEntry& entry);
    /// The translated name of a kind ("Bought a number").
    static QString kindName(ActivityKind kind);
    /// The name of the line's kind; its stored key when this version does not know it.
    static QString kindName(const ActivityEntry& entry);
    /// The kinds whose name in the current language contains `search` (case-insensitive).
    static QList<ActivityKind> kindsNamed(const QString& search);

private:
    const Context& m_ctx;
};

} // namespace sb
