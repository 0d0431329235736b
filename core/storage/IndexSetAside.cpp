#include "core/storage/IndexSetAside.h"

#include "core/storage/Database.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QScopeGuard>
#include <QSqlQuery>

#include <optional>

namespace sb {

namespace {

// Drops the schema objects of `type` ("INDEX", "TRIGGER") that `select` lists (their name
// and SQL, from sqlite_master) and appends their SQL to `made`, to make them again.
Result<void> dropListed(const Database& db, const QString& type, const QString& select,
                        const QVariantList& binds, QStringList* made)
{
    QStringList names;
    {
        auto q = db.run(select, binds);
        if (!q)
            return q.error();
        while (q->next()) {
            names << q->value(0).toString();
            *made << q->value(1).toString();
        }
    } // no statement may be reading while a schema object is dropped
    for (QString name : std::as_const(names)) {
        // The name comes from sqlite_master; quoted all the same.
        name.replace(QLatin1Char('"'), QLatin1String("\"\""));
        if (auto d = db.run(QStringLiteral("DROP %1 \"%2\"").arg(type, name)); !d)
            return d.error();
    }
    return {};
}

// FTS5's 'hashsize' (bytes): its default, and while a search index is built in one pass.
constexpr qint64 kDefaultHashSize = 1024 * 1024;
constexpr qint64 hashSize(IndexSetAside::SearchBuild build)
{
    return build == IndexSetAside::SearchBuild::Fast ? 16 * 1024 * 1024 : 4 * 1024 * 1024;
}

// Runs each statement of `sql` in turn, removing it once done.
Result<void> makeAgain(const Database& db, QStringList* sql)
{
    while (!sql->isEmpty()) {
        if (auto c = db.run(sql->first()); !c)
            return c.error();
        sql->removeFirst();
    }
    return {};
}

} // namespace

bool IndexSetAside::worthIt(qint64 adding, qint64 existing)
{
    return adding >= 20000 && adding * 4 >= existing;
}

Result<IndexSetAside> IndexSetAside::drop(Transaction& tx, const QString& table)
{
    IndexSetAside aside;
    const Database& db = tx.db();
    if (db.isPostgres())
        return aside;
    // A constraint's index has no SQL of its own (and cannot be dropped); a unique index is a
    // rule the rows inserted meanwhile must keep.
    if (auto d = dropListed(db, QStringLiteral("INDEX"),
                            QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type ="
                                           " 'index' AND tbl_name = ? AND sql IS NOT NULL AND"
                                           " UPPER(sql) NOT LIKE 'CREATE UNIQUE %' ORDER BY name"),
                            {table}, &aside.m_sql);
        !d)
        return d.error();
    if (!SearchIndex::tables().contains(table))
        return aside;
    {
        auto rows = db.runFirst(
            QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1 LIMIT 1) t").arg(table));
        if (!rows)
            return rows.error();
        if (rows->value(0).toLongLong() > 0)
            return aside;
    }
    if (auto d = dropListed(db, QStringLiteral("TRIGGER"),
                            QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type ="
                                           " 'trigger' AND tbl_name = ? AND name LIKE ?"
                                           " ESCAPE '\\' ORDER BY name"),
                            {table, QString(table + QStringLiteral("\\_search\\_%"))},
                            &aside.m_triggers);
        !d)
        return d.error();
    if (!aside.m_triggers.isEmpty())
        aside.m_searchTable = table;
    return aside;
}

Result<IndexSetAside> IndexSetAside::dropIfWorthIt(Transaction& tx, const QString& table,
                                                   qint64 adding)
{
    if (tx.db().isPostgres() || adding <= 0)
        return IndexSetAside();
    qint64 rows = 0;
    {
        auto q = tx.db().runFirst(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
        if (!q)
            return q.error();
        rows = q->value(0).toLongLong();
    } // no statement may be reading while an index is dropped
    if (!worthIt(adding, rows))
        return IndexSetAside();
    return drop(tx, table);
}

Result<void> IndexSetAside::restore(Transaction& tx, SearchBuild build)
{
    if (m_sql.isEmpty() && m_searchTable.isEmpty())
        return {};
    const Database& db = tx.db();
    if (!m_searchTable.isEmpty()) {
        // Every row of the table came in while it was set aside: the index is all of them.
        // Built before the page cache is made small below: under 2 MiB it took 1.6 s, not
        // 0.46 s, for 100,000 members. FTS5 writes a segment each time the terms it holds
        // in memory reach its 'hashsize' (1 MiB by default) and merges the segments after:
        // fewer, larger segments are faster (SearchBuild). Set back to the default after,
        // for the triggers' writes.
        const auto configure = [&](qint64 hashSize) {
            return db.run(QStringLiteral("INSERT INTO %1_search(%1_search, rank)"
                                         " VALUES ('hashsize', ?)")
                              .arg(m_searchTable),
                          {hashSize});
        };
        if (auto c = configure(hashSize(build)); !c)
            return c.error();
        if (auto r = db.run(QStringLiteral("INSERT INTO %1_search(%1_search) VALUES ('rebuild')")
                                .arg(m_searchTable));
            !r)
            return r.error();
        if (auto c = configure(kDefaultHashSize); !c)
            return c.error();
        if (auto t = makeAgain(db, &m_triggers); !t)
            return t;
        m_searchTable.clear();
    }
    // Each index is made by sorting the table, in memory up to the page cache's size: under
    // a small cache the sort runs through temporary files, no slower, and the bulk insert's
    // memory stays what the insert needed (200,000 calls under a 32 MiB cache: 102 → 86 MiB).
    std::optional<qint64> cacheBefore;
    if (auto q = db.runFirst(QStringLiteral("PRAGMA cache_size")))
        cacheBefore = q->value(0).toLongLong();
    if (auto q = db.run(QStringLiteral("PRAGMA cache_size = -2048")); !q)
        return q.error();
    const auto restoreCache = qScopeGuard([&] {
        if (cacheBefore)
            (void)db.run(QStringLiteral("PRAGMA cache_size = %1").arg(*cacheBefore));
    });
    return makeAgain(db, &m_sql);
}

} // namespace sb
