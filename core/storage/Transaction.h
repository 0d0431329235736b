#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QThread>

#include <type_traits>

namespace sb {

/// RAII write transaction: rolls back unless commit() succeeded.
/// On SQLite it begins with BEGIN IMMEDIATE, taking the write lock up front, because a
/// deferred BEGIN fails under concurrent writers; on PostgreSQL callers lock the rows they
/// change with SELECT … FOR UPDATE in ascending id order.
class Transaction
{
public:
    explicit Transaction(const Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begun() const { return m_begun; }
    Result<void> commit();

    /// Runs `work` (returning Result<T>) in a transaction, committing on success and
    /// retrying a few times when the engine reports a busy or serialization conflict.
    /// `work` takes the open Transaction (`[&](Transaction& tx) { … }`): functions that must
    /// run inside a transaction take it as a parameter.
    template<typename F> static auto run(const Database& db, F&& work)
    {
        using R = decltype(invoke(work, std::declval<Transaction&>()));
        for (int attempt = 0;; ++attempt) {
            const bool lastAttempt = attempt >= 8;
            Transaction tx(db);
            if (!tx.begun()) {
                if (!lastAttempt && db.lastFailureRetryable()) {
                    QThread::msleep(10u << std::min(attempt, 5));
                    continue;
                }
                return R(Error::storage(db.lastErrorText()));
            }
            db.noteFailure({}, false);
            R result = invoke(work, tx);
            if (!result) {
                if (!lastAttempt && db.lastFailureRetryable() &&
                    result.error().kind == Error::Kind::Storage) {
                    tx.rollback();
                    QThread::msleep(10u << std::min(attempt, 5));
                    continue;
                }
                return result;
            }
            if (auto c = tx.commit(); !c) {
                if (!lastAttempt && db.lastFailureRetryable())
                    continue;
                return R(c.error());
            }
            return result;
        }
    }

private:
    // Transitional: work written before the transaction was passed takes no argument.
    template<typename F> static auto invoke(F& work, Transaction& tx)
    {
        if constexpr (std::is_invocable_v<F&, Transaction&>)
            return work(tx);
        else
            return work();
    }
    void rollback();
    Database m_db;
    bool m_begun = false;
    bool m_done = false;
};

} // namespace sb
