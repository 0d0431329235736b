#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"
#include <QCoreApplication>

#include <QList>

namespace sb {

class LedgerSummary;
class Transaction;

/// The books: account balances and the ledger entries that explain them.
/// Every change runs inside the caller's transaction, passed in; none begins its own.
class Ledger
{
    Q_DECLARE_TR_FUNCTIONS(sb::Ledger)

public:
    /// The company account's id (the first account of every database).
    static constexpr qint64 CompanyAccount = 1;

    explicit Ledger(const Context& ctx) : m_ctx(ctx) {}

    /// Locks the balance rows (PostgreSQL: FOR UPDATE, ascending id) and reads them.
    Result<QList<Money>> lockBalances(Transaction& tx, QList<qint64> accountIds) const;
    Result<Money> balance(qint64 accountId) const;

    /// Moves `amount` between accounts (0 = outside: a top-up's source or the provider)
    /// and writes the ledger entry. Refuses to take any balance below zero. The entry is
    /// added to `summary` when given (flushed by the caller, once for many transfers: its
    /// statements are prepared per flush), else summarised at once.
    Result<void> transfer(Transaction& tx, qint64 from, qint64 to, Money amount,
                          const QString& kind, const QString& reference = {},
                          const QString& note = {}, LedgerSummary* summary = nullptr) const;

    /// A call's charge: moves `amount` from a member's or a SIP profile's account to the
    /// provider and writes the ledger entry, even when that takes the balance below zero
    /// (the balance is then owed). Refuses the company's account, which is never owed.
    /// For call charges only; everything else goes through transfer().
    /// The entry goes to `summary` when given, as with transfer().
    Result<void> charge(Transaction& tx, qint64 account, Money amount, const QString& kind,
                        const QString& reference = {}, LedgerSummary* summary = nullptr) const;

    /// Moves each amount from `from` to its account with one debit of the total, writing the
    /// same entries as one transfer() each: bulk allocations touch the payer's row once
    /// (PostgreSQL slows down quadratically when one row is updated thousands of times in a
    /// transaction). Refuses if `from` cannot cover the total.
    Result<void> transferToMany(Transaction& tx, qint64 from,
                                const QList<std::pair<qint64, Money>>& to,
                                const QString& kind) const;

    Result<qint64> createAccount(Transaction& tx, const QString& kind) const;

    /// Sum of money in from outside minus money out to the provider, and the sum of all
    /// balances: equal whenever the books are right.
    struct Totals
    {
        Money toppedUp;
        Money spent;
        Money balances;
        Money owed; ///< what members and profiles below zero owe together (positive)
    };
    Result<Totals> totals() const;
    /// Only `balances` and `owed` of totals(), from the accounts alone (no ledger scan): for
    /// figures shown often, such as the dashboard's.
    Result<Totals> balanceTotals() const;
    /// Balance of each account recomputed from the ledger alone, compared with the stored
    /// balance; the ids of accounts that disagree.
    Result<QList<qint64>> inconsistentAccounts() const;

private:
    Result<void> debit(Transaction& tx, qint64 account, Money amount) const;
    Result<void> credit(Transaction& tx, qint64 account, Money amount) const;
    Result<qint64> purchasedFor(Transaction& tx, qint64 from, qint64 to, const QString& kind,
                                const QString& reference) const;
    /// Writes the entry and its summaries (LedgerSummary): into `summary` when given (the
    /// caller flushes it), else at once.
    Result<void> writeEntry(Transaction& tx, qint64 from, qint64 to, Money amount,
                            const QString& kind, const QString& reference, const QString& note,
                            LedgerSummary* summary = nullptr) const;
    const Context& m_ctx;
};

} // namespace sb
