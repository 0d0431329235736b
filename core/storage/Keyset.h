#pragma once

#include "core/base/Error.h"

#include <QList>
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

/// Reads a page: `readPart(part, want)` runs one statement (the caller's select, filters,
/// `part`, the order and LIMIT `want`) and returns its rows.
template<typename Row, typename ReadPart>
Result<QList<Row>> page(const QList<Part>& parts, int limit, ReadPart readPart)
{
    QList<Row> out;
    for (const Part& part : parts) {
        const int want = limit - static_cast<int>(out.size());
        if (want <= 0)
            break;
        Result<QList<Row>> rows = readPart(part, want);
        if (!rows)
            return rows.error();
        out.append(std::move(rows).value());
    }
    return out;
}

} // namespace Keyset

} // namespace sb
