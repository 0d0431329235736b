#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace sb {

/// Where a keyset page starts: just after the row whose sort value and tie-breaking id are
/// these, in the query's order. A default SeekKey starts from the first row.
///
/// Pages are read by seeking on (sort value, id) through an index instead of skipping rows
/// with OFFSET: any page costs what the first does, and rows added or removed above the
/// position neither repeat nor drop rows below it.
struct SeekKey
{
    QVariant value;     ///< the sort value of the last row read; never NULL (sort on COALESCE)
    qint64 id = 0;      ///< its tie-breaking id
    bool after = false; ///< false: from the first row

    static SeekKey start() { return {}; }
    static SeekKey past(QVariant value, qint64 id) { return {std::move(value), id, true}; }
};

/// The SQL of keyset paging, the same on SQLite and PostgreSQL.
///
/// A page after a row is read in (at most) two index seeks: the rest of that row's tie group
/// (`key = ? AND id > ?`), then the later keys (`key > ?`). A row value `(key, id) > (?, ?)`
/// would be one statement, but SQLite (3.40) seeks only on its first column and then walks
/// the whole tie group: a status shared by 100,000 members made the last page ~100 ms.
namespace Keyset {

/// One statement's share of a page: a condition (empty: none) and its bound values.
struct Part
{
    QString condition;
    QVariantList binds;
};

/// The conditions that read the rows after `from`, to run in turn until the page is full.
/// `key` and `id` are SQL expressions; `key` must not be NULL for any row.
QList<Part> parts(const QString& key, const QString& id, bool ascending, const SeekKey& from);

/// " ORDER BY key ASC, id ASC" (or DESC, DESC).
QString orderBy(const QString& key, const QString& id, bool ascending);

/// A WHERE clause (" WHERE …" or empty) with `condition` added; the existing clause is
/// parenthesised, so an OR in it stays in it.
QString where(const QString& whereClause, const QString& condition);

/// How a filtered page chooses its rows: in the sort's own order, stopping when the page is
/// full (the database's planner may choose otherwise), or every match first, then sorted.
///
/// MatchesFirst is for a filter the caller knows to keep few rows that may all lie late in the
/// sort's order, which no planner sees: the members whose account starts with "z" are the last
/// ones by account and by name, and PostgreSQL, estimating them spread evenly, walked 90,000
/// members in name order to find a page of them (70 ms, against 3 ms reading the 4,374 and
/// sorting them).
enum class Read
{
    InOrder,
    MatchesFirst
};

/// Reads up to `limit` rows of `select` (its SELECT … FROM …) that `whereClause` (" WHERE …"
/// or empty, its values in `whereBinds`) keeps, in (key, id) order after `from`: one
/// statement per part until the page is full, `readRow(query)` making each row.
///
/// `narrowFrom` (say "members m"): the tables `whereClause`, `key` and `id` name, without
/// those `select` joins only to show. With a filter, the page's ids are chosen from these
/// alone and only the page's rows are joined: a search matching thousands sorted them all
/// with every join made for each (members "zo": 2,917 rows joined four times, 25 ms).
/// `read` (with `narrowFrom` and a filter): see Read.
template<typename Row, typename ReadRow>
Result<QList<Row>> page(const Database& db, const QString& select, const QString& whereClause,
                        const QVariantList& whereBinds, const QString& key, const QString& id,
                        bool ascending, const SeekKey& from, int limit, ReadRow readRow,
                        const QString& narrowFrom = {}, Read read = Read::InOrder)
{
    QList<Row> out;
    const QString order = orderBy(key, id, ascending);
    for (const Part& part : parts(key, id, ascending, from)) {
        const int want = limit - static_cast<int>(out.size());
        if (want <= 0)
            break;
        QVariantList binds = whereBinds;
        binds << part.binds << want;
        const QString condition = where(whereClause, part.condition);
        QString sql;
        if (narrowFrom.isEmpty() || whereClause.isEmpty())
            sql = select + condition + order + QStringLiteral(" LIMIT ?");
        else if (read == Read::MatchesFirst)
            // OFFSET 0 keeps the inner query from being merged into the outer one, so it is
            // planned alone (through the filter's index) and only its rows are sorted.
            sql = select +
                  QStringLiteral(" WHERE %1 IN (SELECT sb_page.sort_id FROM (SELECT %1 AS sort_id,"
                                 " %2 AS sort_key FROM %3%4 OFFSET 0) sb_page%5 LIMIT ?)")
                      .arg(id, key, narrowFrom, condition,
                           orderBy(QStringLiteral("sb_page.sort_key"),
                                   QStringLiteral("sb_page.sort_id"), ascending)) +
                  order;
        else
            sql = select +
                  QStringLiteral(" WHERE %1 IN (SELECT %1 FROM %2%3%4 LIMIT ?)")
                      .arg(id, narrowFrom, condition, order) +
                  order;
        auto q = db.run(sql, binds);
        if (!q)
            return q.error();
        while (q->next())
            out.append(readRow(*q));
        q->finish();
    }
    return out;
}

} // namespace Keyset

} // namespace sb
