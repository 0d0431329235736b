#include "core/storage/RowReader.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <utility>

namespace sb {

namespace {

/// The connection's sqlite3 handle, or null when the driver gives none (another engine).
sqlite3* sqliteHandle(const Database& db)
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

// SQLITE_BUSY and SQLITE_LOCKED and their extended codes, as Database::errorFrom has them.
bool retryable(int code)
{
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

} // namespace

Result<RowReader> RowReader::open(const Database& db, const QString& sql, const QVariantList& binds)
{
    RowReader r(db);
    sqlite3* handle = sqliteHandle(db);
    if (!handle) {
        auto q = db.runForwardOnly(sql, binds);
        if (!q)
            return q.error();
        r.m_query.emplace(std::move(q).value());
        return r;
    }
    const auto failure = [&](int code) {
        return Error::storage(
            tr("Database error: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))),
            retryable(code));
    };
    const QByteArray text = sql.toUtf8();
    int rc = sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &r.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return failure(rc);
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant& v = binds.at(i);
        switch (v.isNull() ? QMetaType::UnknownType : v.typeId()) {
        case QMetaType::UnknownType:
            rc = sqlite3_bind_null(r.m_stmt, i + 1);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
            rc = sqlite3_bind_int64(r.m_stmt, i + 1, v.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(r.m_stmt, i + 1, v.toDouble());
            break;
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(r.m_stmt, i + 1, qint64(v.toULongLong()));
            break;
        default: {
            const QString t = v.toString();
            if (t.isNull()) { // as QSQLITE binds a null string
                rc = sqlite3_bind_null(r.m_stmt, i + 1);
                break;
            }
            const QByteArray s = t.toUtf8();
            rc = sqlite3_bind_text(r.m_stmt, i + 1, s.constData(), int(s.size()), SQLITE_TRANSIENT);
            break;
        }
        }
        if (rc != SQLITE_OK)
            return failure(rc);
    }
    return r;
}

RowReader::RowReader(RowReader&& o) noexcept
    : m_db(o.m_db), m_stmt(std::exchange(o.m_stmt, nullptr)), m_query(std::move(o.m_query)),
      m_error(std::move(o.m_error))
{
}

RowReader& RowReader::operator=(RowReader&& o) noexcept
{
    if (this != &o) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = o.m_db;
        m_stmt = std::exchange(o.m_stmt, nullptr);
        m_query = std::move(o.m_query);
        m_error = std::move(o.m_error);
    }
    return *this;
}

RowReader::~RowReader()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

bool RowReader::next()
{
    if (m_query)
        return m_query->next();
    if (!m_stmt || m_error)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_error =
            Error::storage(tr("Database error: %1")
                               .arg(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt)))),
                           retryable(rc));
    }
    // Done: the statement lets go of its read snapshot now, not when the reader goes.
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    return false;
}

qint64 RowReader::integer(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return m_stmt ? sqlite3_column_int64(m_stmt, column) : 0;
}

QString RowReader::text(int column) const
{
    if (m_query)
        return m_query->value(column).toString();
    if (!m_stmt)
        return {};
    const auto* s = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!s)
        return {};
    return QString::fromUtf8(s, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView RowReader::utf8(int column) const
{
    if (m_query) {
        m_utf8 = m_query->value(column).toString().toUtf8();
        return m_utf8;
    }
    if (!m_stmt)
        return {};
    const auto* s = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return s ? QByteArrayView(s, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

Result<void> RowReader::finished() const
{
    if (m_error)
        return *m_error;
    if (m_query && m_query->lastError().isValid())
        return m_db.errorFrom(m_query->lastError());
    return {};
}

} // namespace sb
