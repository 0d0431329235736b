#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <optional>

struct sqlite3_stmt;

namespace sb {

/// One SELECT read once from its first row to its last, for reports that read a hundred
/// thousand rows (the monthly statement). On SQLite the rows come straight from the engine
/// through the connection's own handle (the library QSQLITE links): no QVariant per value,
/// which costs more than the engine's own work on such reads. On PostgreSQL it reads through
/// a forward-only QSqlQuery. Values read as Database::run's would: NULL is 0 or a null string.
///
///     auto rows = RowReader::open(db, sql, {month});
///     if (!rows) return rows.error();
///     while (rows->next()) use(rows->integer(0), rows->text(1));
///     if (auto done = rows->finished(); !done) return done.error();
///
/// Nothing else may run on the connection while a reader is open (as for runForwardOnly);
/// it belongs to the connection's thread.
class RowReader
{
    Q_DECLARE_TR_FUNCTIONS(sb::RowReader)

public:
    /// Prepares `sql`, binds `binds` in order (positional `?`) and starts it.
    static Result<RowReader> open(const Database& db, const QString& sql,
                                  const QVariantList& binds = {});

    RowReader(RowReader&&) noexcept;
    RowReader& operator=(RowReader&&) noexcept;
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;
    ~RowReader();

    /// Onto the next row; false after the last, or on a failure (then finished() says it).
    bool next();
    /// The column of the current row as an integer (NULL: 0).
    qint64 integer(int column) const;
    /// The column of the current row as text (NULL: a null string).
    QString text(int column) const;
    /// The column of the current row as UTF-8 bytes, valid until the next call: to compare
    /// values that repeat over many rows before making a QString of them.
    QByteArrayView utf8(int column) const;
    /// After next() returned false: whether the rows ended or the read failed.
    Result<void> finished() const;

private:
    explicit RowReader(const Database& db) : m_db(db) {}

    Database m_db;
    sqlite3_stmt* m_stmt = nullptr;   // SQLite: the engine's statement
    std::optional<QSqlQuery> m_query; // elsewhere
    std::optional<Error> m_error;
    mutable QByteArray m_utf8; // utf8() elsewhere than SQLite
    QVariantList m_binds;      // SQLite: what the statement's parameters point at
};

} // namespace sb
