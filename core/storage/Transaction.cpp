#include "core/storage/Transaction.h"

#include <QCoreApplication>

namespace sb {

Transaction::Transaction(const Database& db) : m_db(db)
{
    m_begun = m_db.execDirect(m_db.isPostgres() ? QStringLiteral("BEGIN")
                                                : QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::rollback()
{
    if (m_begun && !m_done) {
        m_done = true;
        // Keep the error that made us roll back; the rollback's own outcome is not news.
        const QString error = m_db.lastErrorText();
        const bool retryable = m_db.lastFailureRetryable();
        m_db.execDirect(QStringLiteral("ROLLBACK"));
        m_db.noteFailure(error, retryable);
    }
}

Result<void> Transaction::commit()
{
    if (!m_begun || m_done)
        return Error::storage(
            QCoreApplication::translate("sb::Transaction", "No transaction is open."));
    if (!m_db.execDirect(QStringLiteral("COMMIT"))) {
        rollback();
        return Error::storage(m_db.lastErrorText());
    }
    m_done = true;
    return {};
}

} // namespace sb
