#include "core/storage/MultiRowStatement.h"

#include <QSqlQuery>

namespace sb {

MultiRowStatement::MultiRowStatement(const Database& db, QString head, QString row, QString tail,
                                     int rowsPerStatement)
    : m_db(db), m_head(std::move(head)), m_row(std::move(row)), m_tail(std::move(tail)),
      m_rowsPerStatement(std::max(1, rowsPerStatement))
{
}

MultiRowStatement::~MultiRowStatement() = default;

Result<void> MultiRowStatement::endRow()
{
    if (++m_rows >= m_rowsPerStatement)
        return run(m_rows);
    return {};
}

Result<void> MultiRowStatement::flush()
{
    if (m_rows == 0)
        return {};
    return run(m_rows);
}

Result<void> MultiRowStatement::run(int rows)
{
    auto& statement = m_statements[rows];
    if (!statement) {
        QString sql = m_head;
        sql.reserve(m_head.size() + rows * (m_row.size() + 2) + m_tail.size());
        for (int i = 0; i < rows; ++i) {
            if (i > 0)
                sql += QStringLiteral(", ");
            sql += m_row;
        }
        sql += m_tail;
        // Rows read only when a caller reads what it returns (RETURNING).
        statement = std::make_unique<Statement>(
            m_db, sql, m_onExecuted ? Statement::Kind::Returns : Statement::Kind::Writes);
    }
    for (const QVariant& v : std::as_const(m_values))
        statement->add(v);
    m_values.clear();
    m_rows = 0;
    if (auto e = statement->exec(); !e)
        return e;
    m_rowsAffected += statement->rowsAffected();
    if (m_onExecuted)
        return m_onExecuted(statement->returned());
    return {};
}

} // namespace sb
