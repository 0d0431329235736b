#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sb {

/// One SQL statement prepared once on a connection and executed many times with new values:
/// for loops that run the same statement thousands of times (bulk imports), where
/// Database::run would parse and plan it again on every call (and on PostgreSQL send it
/// again). It is prepared at the first exec(), so a failure is a value like any other.
///
/// Bind the values in order with add() (positional `?`), then exec(); the values are
/// cleared for the next execution. The executed query of a statement that Reads can be read
/// through query() until the next exec(). A Statement belongs to the connection's thread.
///
/// A statement that only Writes, or Returns a few values of what it wrote (RETURNING), runs
/// on SQLite through the connection's own handle (SqliteNative): Qt's positional binding
/// makes a name and looks it up in a hash for every value bound, which was a quarter of a
/// million-call import.
class Statement
{
    Q_DECLARE_TR_FUNCTIONS(sb::Statement)

public:
    /// Whether the statement's rows are read (query()), it only writes, or it writes and
    /// returns rows (returned()).
    enum class Kind
    {
        Reads,
        Writes,
        Returns
    };

    Statement(const Database& db, QString sql, Kind kind = Kind::Reads)
        : m_db(db), m_sql(std::move(sql)), m_kind(kind)
    {
    }
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& add(const QVariant& value)
    {
        m_values.append(value);
        return *this;
    }
    /// Runs the statement with the values added since the last exec(): a storage error naming
    /// the database's message (retryable on a busy lock or serialization conflict) when it
    /// fails.
    Result<void> exec();
    /// The rows the last exec() changed.
    int rowsAffected() const;
    /// The last exec()'s result, to read rows from (a statement that Reads).
    QSqlQuery& query() { return *m_query; }
    /// The rows the last exec() returned, each its values in order (a statement that Returns).
    const QList<QVariantList>& returned() const { return m_returned; }
    const QString& sql() const { return m_sql; }

private:
    Result<void> execNative(sqlite3* handle);

    Database m_db; // a copy shares the connection
    QString m_sql;
    Kind m_kind;
    std::optional<QSqlQuery> m_query; // prepared at the first exec()
    sqlite3_stmt* m_native = nullptr; // or this, for one that Writes on SQLite
    int m_nativeChanges = 0;
    QVariantList m_values;
    std::vector<QByteArray> m_utf8; // the strings of m_values, as bound natively
    QList<QVariantList> m_returned;
};

} // namespace sb
