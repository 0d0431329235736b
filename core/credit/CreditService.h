#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/members/AutoRechargeSettings.h"
#include "core/members/Member.h"
#include "core/storage/Context.h"
#include <QCoreApplication>

#include <QList>
#include <QStringList>

namespace sb {

class LedgerSummary;
class Transaction;

/// What an auto-recharge attempt did.
struct RechargeOutcome
{
    Money recharged;   ///< moved from the company to the member (0 if nothing)
    int recharges = 0; ///< how many times the amount moved
    bool companyCouldNotPay = false;
    QDate suspendedUntil;      ///< set when the monthly limit is reached
    bool suspendedNow = false; ///< this attempt reached the limit (not an old suspension)
    QString message;           ///< translated news for the admin, empty if nothing happened
};

/// Credit for members: allocation from the company balance (never taken back), charges,
/// and auto-recharge.
class CreditService
{
    Q_DECLARE_TR_FUNCTIONS(sb::CreditService)

public:
    explicit CreditService(const Context& ctx) : m_ctx(ctx) {}

    struct Allocation
    {
        Money each;
        Money total;
        Money companyBalance; ///< after the allocation
        QList<Member> members;
    };
    /// `amount` to each listed member, all or nothing.
    Result<Allocation> allocate(Money amount, const QStringList& accounts) const;

    struct Charge
    {
        Money balance; ///< the member's balance after the charge and any recharge
        RechargeOutcome recharge;
    };
    /// Debits a member (for calls and purchases; money leaves to the provider), then runs
    /// the member's auto-recharge. Refused, changing nothing, if the balance is too low.
    Result<Charge> charge(const QString& account, Money amount, const QString& note) const;

    struct CallCharge
    {
        Money charged;            ///< what the ledger took: always the whole `amount`
        Money balance;            ///< after the charge and any recharge; below zero = owed
        RechargeOutcome recharge; ///< the auto-recharges the charge set off
        /// Translated news for the admin: the monthly limit reached, the company unable to pay.
        QStringList news;
    };
    /// Inside the caller's transaction, for a rated call: debits the member the whole
    /// `amount` (ledger kind `kind`, `reference`) even when that takes the balance below zero
    /// (then owed, Ledger::charge), then runs auto-recharge, which recharges as many times as
    /// the threshold, the monthly limit and the company balance allow. A member left below
    /// zero stays owed until credit comes. `member` as read inside this transaction: without
    /// autoRecharge no recharge is tried. The ledger entries go to `summary` when given
    /// (Ledger::transfer), for the caller to flush once after many calls.
    Result<CallCharge> chargeCall(Transaction& tx, const Member& member, Money amount,
                                  const QString& kind, const QString& reference,
                                  LedgerSummary* summary = nullptr) const;

    /// Saves and enables auto-recharge, recharging at once if the balance is below the threshold.
    Result<RechargeOutcome> setAutoRecharge(const QString& account, Money amount, Money threshold,
                                            Money monthlyLimit) const;
    Result<void> disableAutoRecharge(const QString& account) const;

    static Result<void> validateAutoRecharge(Money amount, Money threshold, Money monthlyLimit);

    /// Inside the caller's transaction, with the company and member rows locked: brings the
    /// month up to date and recharges while the balance is below the threshold and the
    /// monthly limit and company balance allow. The ledger entries go to `summary` when
    /// given, for the caller to flush once after many members (Ledger::transfer).
    Result<RechargeOutcome> applyAutoRecharge(Transaction& tx, qint64 memberId, qint64 accountId,
                                              const QString& account,
                                              LedgerSummary* summary = nullptr) const;

    /// The first day of the month after `day`'s month.
    static QDate firstOfNextMonth(const QDate& day);

private:
    const Context& m_ctx;
};

} // namespace sb
