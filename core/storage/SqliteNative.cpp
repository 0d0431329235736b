#include "core/storage/SqliteNative.h"

#include "core/storage/Database.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace sb::SqliteNative {

sqlite3* handle(const Database& db)
{
    if (db.isPostgres())
        return nullptr;
    const QSqlDatabase sql = db.sql();
    if (!sql.driver())
        return nullptr;
    const QVariant h = sql.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(h.constData());
}

int bind(sqlite3_stmt* statement, int index, const QVariant& v, QByteArray* utf8)
{
    switch (v.isNull() ? QMetaType::UnknownType : v.typeId()) {
    case QMetaType::UnknownType:
        return sqlite3_bind_null(statement, index);
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return sqlite3_bind_int64(statement, index, v.toLongLong());
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, qint64(v.toULongLong()));
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, v.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray* b = static_cast<const QByteArray*>(v.constData());
        return sqlite3_bind_blob(statement, index, b->constData(), int(b->size()), SQLITE_STATIC);
    }
    case QMetaType::QString: {
        const QString* s = static_cast<const QString*>(v.constData());
        if (s->isNull()) // as QSQLITE binds a null string
            return sqlite3_bind_null(statement, index);
        if (utf8) {
            *utf8 = s->toUtf8();
            return sqlite3_bind_text(statement, index, utf8->constData(), int(utf8->size()),
                                     SQLITE_STATIC);
        }
        return sqlite3_bind_text16(statement, index, s->constData(), int(s->size() * 2),
                                   SQLITE_STATIC);
    }
    default: {
        const QString t = v.toString();
        if (t.isNull())
            return sqlite3_bind_null(statement, index);
        return sqlite3_bind_text16(statement, index, t.constData(), int(t.size() * 2),
                                   SQLITE_TRANSIENT);
    }
    }
}

QVariant value(sqlite3_stmt* statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
    case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, column));
        return QByteArray(data, sqlite3_column_bytes(statement, column));
    }
    case SQLITE_TEXT: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        return QString::fromUtf8(text, sqlite3_column_bytes(statement, column));
    }
    default:
        return QVariant();
    }
}

Error error(sqlite3* handle, int code)
{
    const bool retryable = (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
    return Database::storageError(
        QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(code)), retryable);
}

} // namespace sb::SqliteNative
