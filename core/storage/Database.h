#pragma once

#include "core/base/Error.h"
#include <QCoreApplication>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace sb {

/// One open, migrated connection to the Switchboard database: an embedded SQLite file or a
/// PostgreSQL database. Copies share the connection; it closes when the last copy goes.
/// A connection belongs to the thread that opened it: other threads open their own.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(sb::Database)

public:
    enum class Engine
    {
        SQLite,
        PostgreSQL
    };

    /// The default location: $SWITCHBOARD_DATABASE, or switchboard.sqlite under the user's
    /// data directory.
    static QString defaultSpec();

    /// Opens `spec` (a file path, `sqlite:PATH`, or `postgresql://user[:pw]@host[:port]/db`),
    /// creating and migrating the schema. A database of a newer schema is refused untouched.
    static Result<Database> open(const QString& spec);

    /// Another connection to the same database, e.g. for a worker thread or a read model.
    Result<Database> openAnother() const { return open(m_h->spec); }

    Engine engine() const { return m_h->engine; }
    bool isPostgres() const { return m_h->engine == Engine::PostgreSQL; }
    QString spec() const { return m_h->spec; }
    /// The spec with any password masked, for messages.
    QString displaySpec() const;
    QSqlDatabase sql() const { return QSqlDatabase::database(m_h->connection, false); }
    int schemaVersion() const;

    /// A string to bind to a NOT NULL text column: a null QString would bind as SQL NULL.
    static QVariant text(const QString& s)
    {
        return s.isNull() ? QVariant(QString(0, QChar())) : QVariant(s);
    }

    /// Prepares `sql`, binds `binds` in order (positional `?`) and executes it: the executed
    /// query to read from, or a storage error naming the database's message (retryable when
    /// the engine reported a busy lock or a serialization conflict). Nothing about the failure
    /// is kept on the connection: the returned Error is the only report.
    Result<QSqlQuery> run(const QString& sql, const QVariantList& binds = {}) const;
    /// run() for a result read once from first row to last, before anything else runs on the
    /// connection (a report's hundred thousand rows): Qt does not keep a copy of each row
    /// read, as it does for a query that may scroll back.
    Result<QSqlQuery> runForwardOnly(const QString& sql, const QVariantList& binds) const;

    /// run(), then onto the first row: for aggregates and INSERT … RETURNING, which always
    /// yield one, so a statement yielding none is a storage error too.
    Result<QSqlQuery> runFirst(const QString& sql, const QVariantList& binds = {}) const;

    /// A statement's failure as a storage error naming the database's message, retryable when
    /// the engine reported a busy lock or a serialization conflict.
    Error errorFrom(const QSqlError& error) const;
    /// "Database error: DETAIL" as a storage error: one translated text for every one.
    static Error storageError(const QString& detail, bool retryable = false);

    /// " FOR UPDATE" on PostgreSQL, nothing on SQLite (whose writers hold the whole file).
    QString forUpdate() const { return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString(); }

private:
    friend class Transaction;
    struct Handle
    {
        ~Handle();
        QString connection;
        QString spec;
        Engine engine = Engine::SQLite;
        // Set by Transaction while one is open on this connection, so a nested one is refused
        // instead of silently committing the outer transaction's work early.
        bool transactionOpen = false;
    };
    explicit Database(std::shared_ptr<Handle> h) : m_h(std::move(h)) {}
    std::shared_ptr<Handle> m_h;
};

} // namespace sb
