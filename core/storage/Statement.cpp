#include "core/storage/Statement.h"

#include "core/storage/SqliteNative.h"

#include <QScopeGuard>
#include <QSqlRecord>

#include <sqlite3.h>

namespace sb {

Statement::~Statement()
{
    if (m_native)
        sqlite3_finalize(m_native);
}

int Statement::rowsAffected() const
{
    if (m_native)
        return m_nativeChanges;
    return m_query ? m_query->numRowsAffected() : 0;
}

Result<void> Statement::exec()
{
    m_returned.clear();
    if (m_kind != Kind::Reads && !m_query) {
        if (sqlite3* handle = SqliteNative::handle(m_db))
            return execNative(handle);
    }
    if (!m_query) {
        QSqlQuery q(m_db.sql());
        q.setForwardOnly(true);
        if (!q.prepare(m_sql)) {
            m_values.clear();
            return m_db.errorFrom(q.lastError());
        }
        m_query = std::move(q);
    }
    for (qsizetype i = 0; i < m_values.size(); ++i)
        m_query->bindValue(int(i), m_values[i]);
    m_values.clear(); // keeps its capacity for the next execution
    if (!m_query->exec())
        return m_db.errorFrom(m_query->lastError());
    if (m_kind == Kind::Returns) {
        const int columns = m_query->record().count();
        while (m_query->next()) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c)
                row.append(m_query->value(c));
            m_returned.append(std::move(row));
        }
    }
    return {};
}

Result<void> Statement::execNative(sqlite3* handle)
{
    // The values stay in m_values until the step is done: they are bound without a copy.
    const auto clear = qScopeGuard([this] {
        if (m_native) {
            sqlite3_reset(m_native);
            sqlite3_clear_bindings(m_native);
        }
        m_values.clear();
        m_utf8.clear();
    });
    m_nativeChanges = 0;
    if (!m_native) {
        const QByteArray text = m_sql.toUtf8();
        const int rc =
            sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &m_native, nullptr);
        if (rc != SQLITE_OK) {
            m_native = nullptr;
            return SqliteNative::error(handle, rc);
        }
    }
    if (m_values.size() != sqlite3_bind_parameter_count(m_native))
        return Database::storageError(tr("%1 values for %2 parameters.")
                                          .arg(m_values.size())
                                          .arg(sqlite3_bind_parameter_count(m_native)));
    m_utf8.resize(size_t(m_values.size())); // not moved again while bound
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        if (const int rc =
                SqliteNative::bind(m_native, int(i) + 1, m_values.at(i), &m_utf8[size_t(i)]);
            rc != SQLITE_OK)
            return SqliteNative::error(handle, rc);
    }
    int rc = sqlite3_step(m_native);
    const int columns = m_kind == Kind::Returns ? sqlite3_column_count(m_native) : 0;
    for (; rc == SQLITE_ROW; rc = sqlite3_step(m_native)) {
        if (columns == 0)
            continue; // a write that returns rows nobody reads
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(SqliteNative::value(m_native, c));
        m_returned.append(std::move(row));
    }
    if (rc != SQLITE_DONE)
        return SqliteNative::error(handle, rc);
    m_nativeChanges = sqlite3_changes(handle);
    return {};
}

} // namespace sb
