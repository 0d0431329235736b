#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>
#include <type_traits>

namespace sb {

/// RAII write transaction: rolls back unless commit() succeeded.
/// On SQLite it begins with BEGIN IMMEDIATE, taking the write lock up front, because a
/// deferred BEGIN fails under concurrent writers; on PostgreSQL callers lock the rows they
/// change with SELECT … FOR UPDATE in ascending id order.
///
/// Begin and commit failures are values: begin() returns the open transaction or an Error.
/// Only one transaction may be open on a connection at a time: beginning a second one (a
/// nested run()) is refused with a storage error and leaves the open one untouched, so the
/// outer work decides: passing the error on rolls everything back.
/// Functions that must run inside a transaction take a `Transaction&` as proof that one is open.
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(sb::Transaction)

public:
    /// Begins a write transaction on `db`; refused if one is already open on that connection.
    static Result<Transaction> begin(const Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// The connection this transaction is open on.
    const Database& db() const { return m_db; }
    Result<void> commit();

    /// Runs `work(Transaction&)` (returning Result<T>) in a transaction, committing on
    /// success and retrying a few times when a begin, the work or the commit fails with a
    /// retryable storage error (busy lock, serialization conflict).
    template<typename F> static auto run(const Database& db, F&& work)
    {
        using R = std::invoke_result_t<F&, Transaction&>;
        for (int attempt = 0;; ++attempt) {
            const bool lastAttempt = attempt >= 8;
            const auto backOff = [attempt] { QThread::msleep(10u << std::min(attempt, 5)); };
            auto begun = begin(db);
            if (!begun) {
                if (!lastAttempt && begun.error().retryable) {
                    backOff();
                    continue;
                }
                return R(begun.error());
            }
            Transaction& tx = begun.value();
            R result = work(tx);
            if (!result) {
                if (!lastAttempt && result.error().retryable &&
                    result.error().kind == Error::Kind::Storage) {
                    tx.rollback();
                    backOff();
                    continue;
                }
                return result;
            }
            if (auto c = tx.commit(); !c) {
                if (!lastAttempt && c.error().retryable)
                    continue;
                return R(c.error());
            }
            return result;
        }
    }

private:
    explicit Transaction(const Database& db) : m_db(db), m_open(true) {}
    void rollback();
    Database m_db;
    bool m_open = false;
};

} // namespace sb
