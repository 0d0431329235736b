#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace sb {

/// One SQL statement prepared once on a connection and executed many times with new values:
/// for loops that run the same statement thousands of times (bulk imports), where
/// Database::run would parse and plan it again on every call (and on PostgreSQL send it
/// again). It is prepared at the first exec(), so a failure is a value like any other.
///
/// Bind the values in order with add() (positional `?`), then exec(); the values are
/// cleared for the next execution. The executed query can be read through query() until
/// the next exec(). A Statement belongs to the connection's thread.
class Statement
{
    Q_DECLARE_TR_FUNCTIONS(sb::Statement)

public:
    Statement(const Database& db, QString sql) : m_db(db), m_sql(std::move(sql)) {}
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
    int rowsAffected() const { return m_query ? m_query->numRowsAffected() : 0; }
    /// The last exec()'s result, to read rows from.
    QSqlQuery& query() { return *m_query; }
    const QString& sql() const { return m_sql; }

private:
    Database m_db; // a copy shares the connection
    QString m_sql;
    std::optional<QSqlQuery> m_query; // prepared at the first exec()
    QVariantList m_values;
};

} // namespace sb
