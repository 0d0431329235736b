#include "core/books/LedgerSummary.h"

#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QHash>

namespace sb {

namespace {
// Ledger::CompanyAccount (the books' first account; Ledger.h includes this header's users).
constexpr qint64 kCompany = 1;
} // namespace

LedgerSummary::Spending LedgerSummary::spendingOf(const QString& kind)
{
    static const QHash<QString, Spending> kinds = {
        {QStringLiteral("number"), Spending::Numbers},
        {QStringLiteral("channels"), Spending::Channels},
        {QStringLiteral("channels-refund"), Spending::Channels},
        {QStringLiteral("bundle"), Spending::Bundles},
        {QStringLiteral("bundle-refund"), Spending::Bundles},
        {QStringLiteral("call"), Spending::Calls},
        {QStringLiteral("charge"), Spending::Calls}};
    return kinds.value(kind, Spending::None);
}

void LedgerSummary::add(const QString& at, qint64 from, qint64 to, qint64 cents,
                        const QString& kind, qint64 forAccount)
{
    const QString month = at.left(7);
    if (from != 0) {
        Flow& f = m_flows[{month, from, kind}];
        f.out += cents;
        ++f.entries;
    }
    if (to != 0) {
        Flow& f = m_flows[{month, to, kind}];
        f.in += cents;
        ++f.entries;
    }
    if (forAccount != 0) {
        Flow& f = m_flows[{month, forAccount, kind}];
        f.forCents += cents;
        ++f.entries;
    }
    if (from == kCompany || to == kCompany) {
        qint64& net = m_companyHours[at.left(13)];
        net += (to == kCompany ? cents : 0) - (from == kCompany ? cents : 0);
    }
    if (isSpending(kind) && (from == 0) != (to == 0)) {
        // Spent for whom: the account a company purchase was for, else the payer (or, for a
        // refund, the account it went back to).
        const qint64 account = forAccount != 0 ? forAccount : (to == 0 ? from : to);
        m_spending[{month, account, kind}] += to == 0 ? cents : -cents;
    }
}

Result<void> LedgerSummary::flush()
{
    const Database& db = m_tx.db();
    std::map<std::pair<qint64, QString>, qint64> deltas; // (account, month) → in − out
    for (const auto& [key, f] : m_flows) {
        if (f.in != 0 || f.out != 0)
            deltas[{std::get<1>(key), std::get<0>(key)}] += f.in - f.out;
    }
    if (!m_flows.empty()) {
        Statement upsert(
            db, QStringLiteral("INSERT INTO ledger_months (month, account_id, kind, in_cents,"
                               " out_cents, for_cents, entries) VALUES (?, ?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT (month, account_id, kind) DO UPDATE SET"
                               " in_cents = ledger_months.in_cents + excluded.in_cents,"
                               " out_cents = ledger_months.out_cents + excluded.out_cents,"
                               " for_cents = ledger_months.for_cents + excluded.for_cents,"
                               " entries = ledger_months.entries + excluded.entries"));
        for (const auto& [key, f] : m_flows) {
            upsert.add(std::get<0>(key))
                .add(std::get<1>(key))
                .add(std::get<2>(key))
                .add(f.in)
                .add(f.out)
                .add(f.forCents)
                .add(f.entries);
            if (auto u = upsert.exec(); !u)
                return u;
        }
        m_flows.clear();
    }
    if (!m_spending.empty()) {
        // The department as it is when the money is spent: a later move to another
        // department does not rewrite last month's report.
        Statement upsert(
            db, QStringLiteral("INSERT INTO spending_months (month, kind, department, cents)"
                               " VALUES (?, ?, COALESCE((SELECT department FROM members WHERE"
                               " account_id = ?), (SELECT department FROM profiles WHERE"
                               " account_id = ?), ''), ?)"
                               " ON CONFLICT (month, kind, department) DO UPDATE SET"
                               " cents = spending_months.cents + excluded.cents"));
        for (const auto& [key, cents] : m_spending) {
            upsert.add(std::get<0>(key))
                .add(std::get<2>(key))
                .add(std::get<1>(key))
                .add(std::get<1>(key))
                .add(cents);
            if (auto u = upsert.exec(); !u)
                return u;
        }
        m_spending.clear();
    }
    if (!m_companyHours.empty()) {
        Statement upsert(db, QStringLiteral("INSERT INTO company_hours (hour, net_cents)"
                                            " VALUES (?, ?) ON CONFLICT (hour) DO UPDATE SET"
                                            " net_cents = company_hours.net_cents +"
                                            " excluded.net_cents"));
        for (const auto& [hour, net] : m_companyHours) {
            upsert.add(hour).add(net);
            if (auto u = upsert.exec(); !u)
                return u;
        }
        m_companyHours.clear();
    }
    if (!deltas.empty()) {
        // A month's closing balance is everything up to its end, whatever order entries are
        // written in (the demo books past months after today's purchases): an entry moves its
        // own month's close and every later one.
        Statement later(db,
                        QStringLiteral("UPDATE balance_months SET closing_cents ="
                                       " closing_cents + ? WHERE account_id = ? AND month > ?"));
        Statement upsert(
            db, QStringLiteral(
                    "INSERT INTO balance_months (account_id, month, closing_cents) VALUES (?, ?,"
                    " COALESCE((SELECT b.closing_cents FROM balance_months b WHERE"
                    " b.account_id = ? AND b.month < ? ORDER BY b.month DESC LIMIT 1), 0) + ?)"
                    " ON CONFLICT (account_id, month) DO UPDATE SET"
                    " closing_cents = balance_months.closing_cents + ?"));
        for (const auto& [key, delta] : deltas) {
            const auto& [account, month] = key;
            later.add(delta).add(account).add(month);
            if (auto u = later.exec(); !u)
                return u;
            upsert.add(account).add(month).add(account).add(month).add(delta).add(delta);
            if (auto u = upsert.exec(); !u)
                return u;
        }
    }
    return {};
}

} // namespace sb
