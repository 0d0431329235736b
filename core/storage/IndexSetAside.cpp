#include "core/storage/IndexSetAside.h"

#include "core/storage/Database.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QScopeGuard>
#include <QSqlQuery>

#include <optional>

namespace sb {

namespace {

// A name from sqlite_master, quoted all the same.
QString quotedName(QString name)
{
    name.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + name + QLatin1Char('"');
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
    QStringList names;
    {
        // A constraint's index has no SQL of its own (and cannot be dropped); a unique index
        // is a rule the rows inserted meanwhile must keep.
        auto q = db.run(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                       " AND tbl_name = ? AND sql IS NOT NULL"
                                       " AND UPPER(sql) NOT LIKE 'CREATE UNIQUE %' ORDER BY name"),
                        {table});
        if (!q)
            return q.error();
        while (q->next()) {
            names << q->value(0).toString();
            aside.m_sql << q->value(1).toString();
        }
    }
    for (const QString& name : std::as_const(names)) {
        if (auto d = db.run(QStringLiteral("DROP INDEX %1").arg(quotedName(name))); !d)
            return d.error();
    }
    if (!SearchIndex::tables().contains(table))
        return aside;
    QStringList triggers;
    {
        auto rows = db.runFirst(
            QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM %1 LIMIT 1) t").arg(table));
        if (!rows)
            return rows.error();
        if (rows->value(0).toLongLong() > 0)
            return aside;
        rows->finish();
        auto q = db.run(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                       " AND tbl_name = ? AND name LIKE ? ESCAPE '\\'"
                                       " ORDER BY name"),
                        {table, QString(table + QStringLiteral("\\_search\\_%"))});
        if (!q)
            return q.error();
        while (q->next()) {
            triggers << q->value(0).toString();
            aside.m_triggers << q->value(1).toString();
        }
    }
    for (const QString& name : std::as_const(triggers)) {
        if (auto d = db.run(QStringLiteral("DROP TRIGGER %1").arg(quotedName(name))); !d)
            return d.error();
    }
    if (!triggers.isEmpty())
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

Result<void> IndexSetAside::restore(Transaction& tx)
{
    if (m_sql.isEmpty() && m_searchTable.isEmpty())
        return {};
    const Database& db = tx.db();
    if (!m_searchTable.isEmpty()) {
        // Every row of the table came in while it was set aside: the index is all of them.
        // Built before the page cache is made small below: under 2 MiB it took 1.6 s, not
        // 0.46 s, for 100,000 members.
        if (auto r = db.run(QStringLiteral("INSERT INTO %1_search(%1_search) VALUES ('rebuild')")
                                .arg(m_searchTable));
            !r)
            return r.error();
        while (!m_triggers.isEmpty()) {
            if (auto c = db.run(m_triggers.first()); !c)
                return c.error();
            m_triggers.removeFirst();
        }
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
    while (!m_sql.isEmpty()) {
        if (auto c = db.run(m_sql.first()); !c)
            return c.error();
        m_sql.removeFirst();
    }
    return {};
}

} // namespace sb
