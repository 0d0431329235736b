#pragma once

#include "core/base/Error.h"

#include <QString>
#include <QStringList>

namespace sb {

class Transaction;

/// A table's secondary indexes set aside for a bulk insert, inside the inserting transaction:
/// dropped before the rows go in and made again from their own SQL after (SQLite only).
///
/// Each new row of `calls` updates eleven indexes at random places (about 7 µs each once they
/// outgrow the page cache); making an index again sorts the whole table once (about 1 s for a
/// million calls). For an insert of a good part of the table that is several times faster.
/// The drop is transactional: a rolled-back insert (cancelled, failed) leaves the indexes as
/// they were, and other connections read their own snapshot, indexes and all, until commit.
/// PostgreSQL would lock the table against every reader for as long, so it keeps its indexes.
///
/// Unique indexes are kept (UNIQUE constraints, such as the importer's lookup of duplicates,
/// and CREATE UNIQUE INDEX: they are rules, not only a way to read). The search index
/// (SearchIndex) is set aside only while its table is empty (the demo's): its triggers are
/// dropped and the index is built from the table in one pass after, about three times as fast as
/// row by row (100,000 members' keys: 0.9 s through the trigger at 64 rows a statement,
/// 0.3 s in one pass under a larger FTS5 hash). Into rows already indexed, an update or delete
/// meanwhile would have to be followed by hand, so there the triggers stay.
class IndexSetAside
{
public:
    /// Whether adding about `adding` rows to a table of `existing` is worth it: at least
    /// 20,000 rows and a quarter of what is there.
    static bool worthIt(qint64 adding, qint64 existing);

    /// Drops `table`'s secondary indexes (none on PostgreSQL), keeping their SQL.
    static Result<IndexSetAside> drop(Transaction& tx, const QString& table);

    /// drop() when adding about `adding` rows to `table` (its rows counted by its highest id)
    /// is worthIt(); otherwise sets nothing aside.
    static Result<IndexSetAside> dropIfWorthIt(Transaction& tx, const QString& table,
                                               qint64 adding);

    /// How much of the search index a one-pass build holds in memory (FTS5's 'hashsize').
    /// Lean (4 MiB) keeps a million calls' import within its memory (peak 89 MiB; with
    /// 16 MiB, 106 MiB). Fast (16 MiB): 100,000 members' keys in 0.31 s rather than 0.48 s,
    /// for the demo, whose memory is not so bounded.
    enum class SearchBuild
    {
        Lean,
        Fast
    };

    /// Makes the dropped indexes again; afterwards there is nothing left to restore.
    Result<void> restore(Transaction& tx, SearchBuild build = SearchBuild::Lean);

    /// How many indexes are set aside.
    qsizetype count() const { return m_sql.size(); }
    /// Whether the table's search index is set aside (its triggers dropped).
    bool searchSetAside() const { return !m_searchTable.isEmpty(); }

private:
    QStringList m_sql;
    QStringList m_triggers; ///< the search index's triggers, made again at restore()
    QString m_searchTable;  ///< the search index to build at restore(), when set aside
};

} // namespace sb
