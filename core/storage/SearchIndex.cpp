#include "core/storage/SearchIndex.h"

#include "core/base/SearchText.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QSqlQuery>

#include <atomic>
#include <cmath>
#include <optional>

namespace sb {

namespace {

// "%needle%" for LIKE … ESCAPE '\': the needle is folded already.
QString containsPattern(QString needle)
{
    needle.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    needle.replace(QLatin1String("%"), QLatin1String("\\%"));
    needle.replace(QLatin1String("_"), QLatin1String("\\_"));
    return QLatin1Char('%') + needle + QLatin1Char('%');
}

// The least string above every string that starts with `prefix`, in code point order (the
// order of UTF-8 bytes: SQLite's BINARY, PostgreSQL's "C"); empty when there is none.
QString successor(const QString& prefix)
{
    QList<uint> cps = prefix.toUcs4();
    while (!cps.isEmpty()) {
        uint last = cps.takeLast() + 1;
        if (last >= 0xD800 && last <= 0xDFFF)
            last = 0xE000;
        if (last <= 0x10FFFF) {
            cps.append(last);
            return QString::fromUcs4(reinterpret_cast<const char32_t*>(cps.constData()),
                                     cps.size());
        }
    }
    return {};
}

// Writes keys by id in batches: one statement per few hundred rows, not one per row (a
// million calls on PostgreSQL would be a million round trips).
class KeyWriter
{
public:
    KeyWriter(const Database& db, QString table) : m_db(db), m_table(std::move(table)) {}

    Result<void> add(qint64 id, const QString& key)
    {
        m_binds << id << Database::text(key);
        if (m_binds.size() >= 2 * kBatch)
            return flush();
        return {};
    }

    Result<void> flush()
    {
        if (m_binds.isEmpty())
            return {};
        QString rows;
        for (qsizetype i = 0; i < m_binds.size() / 2; ++i)
            rows += i == 0 ? QStringLiteral("SELECT CAST(? AS BIGINT) AS id, CAST(? AS TEXT) AS k")
                           : QStringLiteral(" UNION ALL SELECT CAST(? AS BIGINT), CAST(? AS TEXT)");
        auto q = m_db.run(QStringLiteral("UPDATE %1 SET search_key = v.k FROM (%2) v"
                                         " WHERE %1.id = v.id")
                              .arg(m_table, rows),
                          m_binds);
        m_binds.clear();
        if (!q)
            return q.error();
        return {};
    }

private:
    // Under SQLite's limit of 500 terms in a compound SELECT.
    static constexpr int kBatch = 250;
    Database m_db;
    QString m_table;
    QVariantList m_binds;
};

// Reads `columns` (the id first) of every row of `table` in id order, a chunk at a time,
// and writes the key `keyOf` makes of each row.
template<typename KeyOf>
Result<void> rewriteKeys(const Database& db, const QString& table, const QString& from,
                         const QString& columns, KeyOf keyOf)
{
    KeyWriter writer(db, table);
    qint64 after = 0;
    for (;;) {
        QList<std::pair<qint64, QString>> chunk;
        {
            auto q = db.run(QStringLiteral("SELECT %1 FROM %2 WHERE %3.id > ? ORDER BY %3.id"
                                           " LIMIT 5000")
                                .arg(columns, from, table),
                            {after});
            if (!q)
                return q.error();
            while (q->next())
                chunk.append({q->value(0).toLongLong(), keyOf(*q)});
        }
        if (chunk.isEmpty())
            break;
        for (const auto& [id, key] : std::as_const(chunk)) {
            if (auto w = writer.add(id, key); !w)
                return w;
        }
        after = chunk.last().first;
    }
    return writer.flush();
}

} // namespace

const QStringList& SearchIndex::tables()
{
    static const QStringList t = {QStringLiteral("members"), QStringLiteral("numbers"),
                                  QStringLiteral("profiles"), QStringLiteral("activity"),
                                  QStringLiteral("calls")};
    return t;
}

namespace {

// The needles to search for: distinct, not empty, split by length (see SearchIndex).
struct Needles
{
    QStringList longer;  ///< three characters or more: anywhere in the key
    QStringList shorter; ///< one or two: at the key's start

    explicit Needles(const QStringList& all)
    {
        for (const QString& n : all) {
            if (n.isEmpty() || longer.contains(n) || shorter.contains(n))
                continue;
            (n.toUcs4().size() >= 3 ? longer : shorter) << n;
        }
    }
    bool isEmpty() const { return longer.isEmpty() && shorter.isEmpty(); }
};

// The FTS5 query for needles: each a phrase (with the trigram tokenizer, the keys that
// contain it), any of them.
QString ftsQuery(const QStringList& needles)
{
    QStringList phrases;
    for (QString n : needles)
        phrases << QLatin1Char('"') + n.replace(QLatin1Char('"'), QLatin1String("\"\"")) +
                       QLatin1Char('"');
    return phrases.join(QStringLiteral(" OR "));
}

// A page is read in its own order, testing each row's key, when more rows match than about
// the square root of (a page of 256 × the table's rows): reading N matches and sorting them
// costs about N, reading in order until the page is full about 256 × rows / N, and these
// meet there (5,000 of 100,000 members, 16,000 of a million calls). In an order whose index
// carries the key, a row read in order costs about a thirtieth of a match read by id and
// sorted, so they meet lower, at about √(8 × rows) (2,800 of a million calls).
// Never below this many rows: reading and sorting fewer matches is cheap anyway.
std::atomic<qint64> commonRows{2000};

// The table's rows as its highest id counts them (read in its primary key alone), or none
// when that cannot be read.
std::optional<qint64> highestId(const Database& db, const QString& table)
{
    auto q = db.runFirst(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
    if (!q)
        return std::nullopt;
    const qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

} // namespace

void SearchIndex::setCommonRows(qint64 rows)
{
    commonRows.store(rows);
}

Result<qint64> SearchIndex::countUpTo(const Database& db, const QString& table,
                                      const QStringList& needles, qint64 limit)
{
    const Needles n(needles);
    QVariantList binds;
    QString matching;
    if (!db.isPostgres() && n.shorter.isEmpty() && !n.longer.isEmpty()) {
        // In the FTS5 index alone: the rows themselves are not read.
        matching = QStringLiteral("SELECT 1 FROM %1_search WHERE %1_search MATCH ?").arg(table);
        binds << ftsQuery(n.longer);
    } else {
        // One or two characters: in the key's B-tree alone (on SQLite).
        matching = QStringLiteral("SELECT 1 FROM %1 t WHERE ").arg(table) +
                   predicate(db, table, QStringLiteral("t"), needles, &binds);
    }
    binds << limit + 1;
    auto q =
        db.runFirst(QStringLiteral("SELECT COUNT(*) FROM (%1 LIMIT ?) s").arg(matching), binds);
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<qint64> SearchIndex::count(const Database& db, const QString& table,
                                  const QStringList& needles)
{
    const Needles n(needles);
    QString sql;
    QVariantList binds;
    if (!db.isPostgres() && n.shorter.isEmpty() && !n.longer.isEmpty()) {
        sql = QStringLiteral("SELECT COUNT(*) FROM %1_search WHERE %1_search MATCH ?").arg(table);
        binds << ftsQuery(n.longer);
    } else {
        sql = QStringLiteral("SELECT COUNT(*) FROM %1 t WHERE ").arg(table) +
              predicate(db, table, QStringLiteral("t"), needles, &binds);
    }
    auto q = db.runFirst(sql, binds);
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

QString SearchIndex::predicate(const Database& db, const QString& table, const QString& alias,
                               const QStringList& needles, QVariantList* binds, Use use,
                               Keyset::Read* read)
{
    const Needles n(needles);
    const QStringList& longer = n.longer;
    const QStringList& shorter = n.shorter;
    const QString key = alias + QStringLiteral(".search_key");
    QStringList parts;
    if (read)
        *read = Keyset::Read::InOrder;
    if (read && use != Use::Count && db.isPostgres() && longer.isEmpty() && !shorter.isEmpty() &&
        commonRows.load() > 1) {
        // Counted in the key's B-tree (an index-only scan once vacuumed), no further than
        // needed. A substring (three characters or more) is left to the planner: its matches
        // are spread through the orders, as the planner estimates. Calls by time searched
        // "16" (16,621 of 100,000 calls, spread through time) took 19-34 ms read all and
        // sorted, 1 ms in order.
        const qint64 rows = highestId(db, table).value_or(0);
        const qint64 most = std::max(
            commonRows.load(),
            use == Use::PageInKeyOrder ? rows / 4 : qint64(std::sqrt(256.0 * double(rows))));
        if (auto few = countUpTo(db, table, needles, most); few && *few <= most)
            *read = Keyset::Read::MatchesFirst;
    }
    if (use != Use::Count && !db.isPostgres() && !n.isEmpty()) {
        const std::optional<qint64> rows = highestId(db, table);
        const qint64 least = commonRows.load();
        const double perRow = use == Use::PageKeyedOrder ? 8.0 : 256.0;
        const qint64 enough =
            least <= 1
                ? 0
                : std::max(least,
                           rows ? qint64(std::sqrt(perRow * double(std::max<qint64>(0, *rows))))
                                : least);
        auto many = countUpTo(db, table, needles, enough);
        if (many && *many > enough) {
            // instr() on the folded key: the same substring (or, at 1, prefix) test as the
            // index's, which the planner cannot use, so it reads in the page's order.
            for (const QString& l : longer) {
                parts << QStringLiteral("instr(%1, ?) > 0").arg(key);
                *binds << l;
            }
            for (const QString& s : shorter) {
                parts << QStringLiteral("instr(%1, ?) = 1").arg(key);
                *binds << s;
            }
            return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
    }
    if (!longer.isEmpty()) {
        if (db.isPostgres()) {
            for (const QString& n : std::as_const(longer)) {
                parts << key + QStringLiteral(" LIKE ? ESCAPE '\\'");
                *binds << containsPattern(n);
            }
        } else {
            parts << QStringLiteral(
                         "%1.id IN (SELECT rowid FROM %2_search WHERE %2_search MATCH ?)")
                         .arg(alias, table);
            *binds << ftsQuery(longer);
        }
    }
    // PostgreSQL compares in the "C" collation, as its prefix index is built: code point
    // order, where the strings that start with a prefix lie between it and its successor.
    const QString collated = db.isPostgres() ? key + QStringLiteral(" COLLATE \"C\"") : key;
    for (const QString& n : std::as_const(shorter)) {
        const QString above = successor(n);
        if (above.isEmpty()) {
            parts << collated + QStringLiteral(" >= ?");
            *binds << n;
        } else {
            parts << QStringLiteral("(%1 >= ? AND %1 < ?)").arg(collated);
            *binds << n << above;
        }
    }
    if (parts.isEmpty())
        return QStringLiteral("1=1");
    return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QString SearchIndex::memberKey(const QString& account, const QString& name, const QString& email,
                               const QString& department)
{
    return SearchText::key({account, name, email, department});
}

QString SearchIndex::numberKey(const QString& e164, const QString& account, const QString& name,
                               const QString& profile)
{
    // The digits without the "+": a search by digits ("4722") matches from the key's start.
    QString digits = e164;
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    return SearchText::key({digits, account, name, profile});
}

QString SearchIndex::profileKey(const QString& name, const QString& department)
{
    return SearchText::key({name, department});
}

QString SearchIndex::activityKey(const QString& subject, const QString& kindKey,
                                 const QString& actor, const QStringList& texts)
{
    return SearchText::key(QStringList{subject, kindKey, actor} + texts);
}

QString SearchIndex::callKey(const QString& e164, const QString& destination, const QString& source)
{
    QString digits = e164;
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    return SearchText::key({digits, destination, source});
}

Result<void> SearchIndex::refreshNumbers(const Database& db, const QString& where,
                                         const QVariantList& binds)
{
    QList<std::pair<qint64, QString>> keys;
    {
        auto q = db.run(QStringLiteral("SELECT n.id, n.e164, m.account_name, m.display_name,"
                                       " p.name FROM numbers n"
                                       " LEFT JOIN members m ON m.id = n.member_id"
                                       " LEFT JOIN profiles p ON p.id = n.profile_id WHERE ") +
                            where,
                        binds);
        if (!q)
            return q.error();
        while (q->next())
            keys.append({q->value(0).toLongLong(),
                         numberKey(q->value(1).toString(), q->value(2).toString(),
                                   q->value(3).toString(), q->value(4).toString())});
    }
    KeyWriter writer(db, QStringLiteral("numbers"));
    for (const auto& [id, key] : std::as_const(keys)) {
        if (auto w = writer.add(id, key); !w)
            return w;
    }
    return writer.flush();
}

Result<void> SearchIndex::migrate(Transaction& tx)
{
    const Database& db = tx.db();
    const QChar sep(0x1f);
    if (auto r = rewriteKeys(db, QStringLiteral("members"), QStringLiteral("members"),
                             QStringLiteral("id, account_name, display_name, email, department"),
                             [](const QSqlQuery& q) {
                                 return memberKey(q.value(1).toString(), q.value(2).toString(),
                                                  q.value(3).toString(), q.value(4).toString());
                             });
        !r)
        return r;
    if (auto r = rewriteKeys(db, QStringLiteral("profiles"), QStringLiteral("profiles"),
                             QStringLiteral("id, name, department"),
                             [](const QSqlQuery& q) {
                                 return profileKey(q.value(1).toString(), q.value(2).toString());
                             });
        !r)
        return r;
    // The activity key held the kind's key, the actor, the subject and the text values,
    // case-folded (steps 3 and 4): folding it again gives what fold() gives of the texts.
    if (auto r = rewriteKeys(db, QStringLiteral("activity"), QStringLiteral("activity"),
                             QStringLiteral("id, search_key, subject"),
                             [&](const QSqlQuery& q) {
                                 QStringList f = q.value(1).toString().split(sep);
                                 while (f.size() < 3)
                                     f << QString();
                                 return activityKey(q.value(2).toString(), f.at(0), f.at(1),
                                                    f.mid(2));
                             });
        !r)
        return r;
    if (auto r = rewriteKeys(db, QStringLiteral("calls"), QStringLiteral("calls"),
                             QStringLiteral("id, destination_e164, destination, source"),
                             [](const QSqlQuery& q) {
                                 return callKey(q.value(1).toString(), q.value(2).toString(),
                                                q.value(3).toString());
                             });
        !r)
        return r;
    if (auto r = refreshNumbers(db, QStringLiteral("1=1"), {}); !r)
        return r;

    QStringList ddl;
    if (db.isPostgres())
        ddl << QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    for (const QString& t : tables()) {
        if (db.isPostgres()) {
            ddl << QStringLiteral("CREATE INDEX %1_search_trgm ON %1 USING gin"
                                  " (search_key gin_trgm_ops)")
                       .arg(t)
                << QStringLiteral("CREATE INDEX %1_search_prefix ON %1 (search_key COLLATE \"C\")")
                       .arg(t);
            continue;
        }
        // External content: the keys are stored once, in the table; the index holds trigrams.
        ddl << QStringLiteral("CREATE VIRTUAL TABLE %1_search USING fts5(search_key,"
                              " content='%1', content_rowid='id',"
                              " tokenize='trigram case_sensitive 1')")
                   .arg(t)
            << QStringLiteral("INSERT INTO %1_search(%1_search) VALUES ('rebuild')").arg(t)
            << QStringLiteral("CREATE TRIGGER %1_search_insert AFTER INSERT ON %1 BEGIN"
                              " INSERT INTO %1_search(rowid, search_key)"
                              " VALUES (new.id, new.search_key); END")
                   .arg(t)
            << QStringLiteral("CREATE TRIGGER %1_search_delete AFTER DELETE ON %1 BEGIN"
                              " INSERT INTO %1_search(%1_search, rowid, search_key)"
                              " VALUES ('delete', old.id, old.search_key); END")
                   .arg(t)
            << QStringLiteral("CREATE TRIGGER %1_search_update AFTER UPDATE OF search_key ON %1"
                              " BEGIN INSERT INTO %1_search(%1_search, rowid, search_key)"
                              " VALUES ('delete', old.id, old.search_key);"
                              " INSERT INTO %1_search(rowid, search_key)"
                              " VALUES (new.id, new.search_key); END")
                   .arg(t)
            << QStringLiteral("CREATE INDEX %1_search_prefix ON %1(search_key)").arg(t);
    }
    for (const QString& sql : std::as_const(ddl)) {
        if (auto r = db.run(sql); !r)
            return r.error();
    }
    return {};
}

} // namespace sb
