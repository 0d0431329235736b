#include "core/storage/Statement.h"

namespace sb {

Result<void> Statement::exec()
{
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
    return {};
}

} // namespace sb
