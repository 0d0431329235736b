#pragma once

#include "core/base/Error.h"

#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace sb {

class Database;

/// The SQLite connection's own handle, for the few hot paths that go past QtSql (RowReader,
/// Statement): the library QSQLITE links, so statements there share the connection's
/// transaction, busy timeout and schema.
namespace SqliteNative {

/// The connection's sqlite3 handle, or null when it is none (PostgreSQL).
sqlite3* handle(const Database& db);

/// Binds `value` to the 1-based parameter `index` as QSQLITE would: NULL (a null QVariant or
/// a null string), an integer, a double, a blob for QByteArray, UTF-16 text for the rest. The
/// text and blobs are bound without a copy: `value` must outlive the statement's step.
/// Given `utf8`, a string is bound as UTF-8 held there instead (it must outlive the step in
/// turn): the database's own encoding, so SQLite converts nothing itself as it writes.
int bind(sqlite3_stmt* statement, int index, const QVariant& value, QByteArray* utf8 = nullptr);

/// Column `column` (0-based) of the row `statement` stands on, as QSQLITE reads it: a null
/// QVariant, a qint64, a double, a QByteArray for a blob, a QString for text.
QVariant value(sqlite3_stmt* statement, int column);

/// A storage error with the connection's message for the result code `code` (retryable on a
/// busy or locked database, as Database::errorFrom has it).
Error error(sqlite3* handle, int code);

} // namespace SqliteNative

} // namespace sb
