#pragma once

#include "core/base/Error.h"

#include <QCoreApplication>
#include <QString>

#include <map>
#include <tuple>

namespace sb {

class Transaction;

/// The ledger's monthly summaries, kept in step with its entries inside the writer's
/// transaction, so that reports and the dashboard never scan the ledger (it holds an entry
/// per call):
/// - `ledger_months` (month, account, kind): the money into and out of the account's balance,
///   what the company spent for it (a number or channels: `for_cents`), and how many entries;
/// - `balance_months` (account, month): the account's balance at the end of the month (the
///   sum of its entries up to then), for every month it had entries in;
/// - `spending_months` (month, kind, department): money spent with the provider, by the
///   department of the member or SIP profile it was spent for (a refund counts negative).
/// - `company_hours` (UTC hour "2026-11-27T09"): the company balance's net change in that
///   hour (the dashboard's balance chart reads days of these, not the company's entries).
/// Months are the first seven characters of the entry's ISO 8601 UTC time ("2026-11").
class LedgerSummary
{
    Q_DECLARE_TR_FUNCTIONS(sb::LedgerSummary)

public:
    explicit LedgerSummary(Transaction& tx) : m_tx(tx) {}

    /// Adds one ledger entry, as written (0 = outside for `from` and `to`; `forAccount` the
    /// member's or profile's account a company purchase was for, or 0).
    void add(const QString& at, qint64 from, qint64 to, qint64 cents, const QString& kind,
             qint64 forAccount);
    /// Writes what was added.
    Result<void> flush();

    /// What entries of a ledger kind count as when money is spent with the provider (or
    /// given back by it): numbers, channels, bundles (with their refunds), calls (with the
    /// charges of owed balances); None for every other kind.
    enum class Spending
    {
        None = -1,
        Numbers,
        Channels,
        Bundles,
        Calls
    };
    static Spending spendingOf(const QString& kind);
    /// Whether entries of `kind` are money spent with the provider (or given back by it).
    static bool isSpending(const QString& kind) { return spendingOf(kind) != Spending::None; }

private:
    struct Flow
    {
        qint64 in = 0;
        qint64 out = 0;
        qint64 forCents = 0;
        qint64 entries = 0;
    };
    Result<void> flushSpending();
    Transaction& m_tx;
    std::map<std::tuple<QString, qint64, QString>, Flow> m_flows;      // month, account, kind
    std::map<std::tuple<QString, qint64, QString>, qint64> m_spending; // month, account, kind
    std::map<QString, qint64> m_companyHours;                          // hour → net cents
};

} // namespace sb
