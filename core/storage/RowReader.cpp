#include "core/storage/RowReader.h"

#include "core/storage/SqliteNative.h"

#include <sqlite3.h>

#include <utility>

namespace sb {

Result<RowReader> RowReader::open(const Database& db, const QString& sql, const QVariantList& binds)
{
    RowReader r(db);
    sqlite3* handle = SqliteNative::handle(db);
    if (!handle) {
        auto q = db.runForwardOnly(sql, binds);
        if (!q)
            return q.error();
        r.m_query.emplace(std::move(q).value());
        return r;
    }
    const QByteArray text = sql.toUtf8();
    int rc = sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &r.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return SqliteNative::error(handle, rc);
    r.m_binds = binds; // bound without a copy: kept as long as the statement
    for (int i = 0; i < r.m_binds.size(); ++i) {
        rc = SqliteNative::bind(r.m_stmt, i + 1, r.m_binds.at(i));
        if (rc != SQLITE_OK)
            return SqliteNative::error(handle, rc);
    }
    return r;
}

RowReader::RowReader(RowReader&& o) noexcept
    : m_db(o.m_db), m_stmt(std::exchange(o.m_stmt, nullptr)), m_query(std::move(o.m_query)),
      m_error(std::move(o.m_error)), m_binds(std::move(o.m_binds))
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
        m_binds = std::move(o.m_binds);
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
        m_error = SqliteNative::error(sqlite3_db_handle(m_stmt), rc);
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
