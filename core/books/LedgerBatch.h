#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/books/LedgerSummary.h"
#include "core/storage/Context.h"
#include "core/storage/Statement.h"

#include <QCoreApplication>
#include <QList>

#include <map>
#include <memory>

namespace sb {

class Transaction;

/// Many debits to outside (the provider: calls), or transfers, written in bulk inside the caller's
/// transaction, for imports of millions of calls. Each debit gets its own ledger entry,
/// exactly as Ledger::transfer(tx, account, 0, amount, kind, reference) writes it, but the
/// entries go in multi-row INSERTs and each account's balance is updated once per flush()
/// with the sum of its debits, instead of one UPDATE of the same row per call (which
/// PostgreSQL slows down on quadratically within one transaction).
///
/// The caller holds the accounts' rows locked (Ledger::lockBalances) and keeps their
/// balances itself; until flush() the stored balances lag behind, so flush() before anything
/// reads them (and before commit). The entries' summaries (LedgerSummary) are written at
/// flush() too. Like Ledger::charge, a member's or a SIP profile's
/// balance may go below zero (owed); flush() refuses a debit that would take the company's
/// below zero, and the caller's transaction must then be rolled back.
class LedgerBatch
{
    Q_DECLARE_TR_FUNCTIONS(sb::LedgerBatch)

public:
    /// Entries written per INSERT.
    static constexpr int RowsPerInsert = 128;

    LedgerBatch(const Context& ctx, Transaction& tx);
    ~LedgerBatch();
    LedgerBatch(const LedgerBatch&) = delete;
    LedgerBatch& operator=(const LedgerBatch&) = delete;

    /// Queues a debit of `amount` (> 0) from `account` to outside with its entry;
    /// `forAccount`: the member's or profile's account a company purchase is for, or 0.
    Result<void> debit(qint64 account, Money amount, const QString& kind, const QString& reference,
                       qint64 forAccount = 0);
    /// Queues a transfer of `amount` (> 0) between two accounts with its entry, as
    /// Ledger::transfer writes it (the demo's allocations to a hundred thousand members).
    /// Like debit(), flush() refuses it when it would take the company below zero.
    Result<void> transfer(qint64 from, qint64 to, Money amount, const QString& kind,
                          const QString& reference = {});
    /// Writes the queued entries and the accounts' balances.
    Result<void> flush();

private:
    struct Entry
    {
        qint64 from; // 0 = outside
        qint64 to;   // 0 = outside
        qint64 cents;
        QString kind;
        QString reference;
        qint64 forAccount;
    };
    Result<void> writeEntries();
    Result<void> queue(qint64 from, qint64 to, Money amount, const QString& kind,
                       const QString& reference, qint64 forAccount);

    const Context& m_ctx;
    Transaction& m_tx;
    QString m_at; // the import's "now", as every entry of one transaction is written at once
    QList<Entry> m_entries;
    std::map<qint64, qint64> m_debits; // account → cents not yet taken from its stored balance
    std::unique_ptr<Statement> m_insertFull;
    LedgerSummary m_summary;
};

} // namespace sb
