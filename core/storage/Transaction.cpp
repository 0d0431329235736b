#include "core/storage/Transaction.h"

#include <utility>

namespace sb {

Result<Transaction> Transaction::begin(const Database& db)
{
    // Checked here, in release builds too, not left to the engines: PostgreSQL only warns on a
    // nested BEGIN, and the inner COMMIT would then commit the outer work half done.
    if (db.m_h->transactionOpen)
        return Error::storage(tr("A transaction is already open on this connection."));
    auto begun =
        db.run(db.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    if (!begun)
        return begun.error();
    db.m_h->transactionOpen = true;
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(other.m_db), m_open(std::exchange(other.m_open, false))
{
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_db.m_h->transactionOpen = false;
    // The error that made us roll back is the caller's news; the rollback's own outcome is not.
    (void)m_db.run(QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::commit()
{
    if (!m_open)
        return Error::storage(tr("No transaction is open."));
    if (auto c = m_db.run(QStringLiteral("COMMIT")); !c) {
        rollback();
        return c.error();
    }
    m_open = false;
    m_db.m_h->transactionOpen = false;
    return {};
}

} // namespace sb
