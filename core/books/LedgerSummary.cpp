#include "core/books/LedgerSummary.h"

#include "core/books/UsualSpending.h"

#include "core/storage/MultiRowStatement.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QHash>

#include <algorithm>
#include <set>
#include <vector>

namespace sb {

namespace {
// Ledger::CompanyAccount (the books' first account; Ledger.h includes this header's users).
constexpr qint64 kCompany = 1;
// Rows per multi-row statement (at most 7 values each), accounts per read of their rows: a
// few hundred values, as SQLite's parser takes time in the square of a statement's values.
constexpr int kRowsPerStatement = 64;
constexpr int kAccountsPerRead = 128;
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
    std::map<qint64, std::map<QString, qint64>> deltas; // account → month → in − out
    for (const auto& [key, f] : m_flows) {
        if (f.in != 0 || f.out != 0)
            deltas[std::get<1>(key)][std::get<0>(key)] += f.in - f.out;
    }
    // Every table in multi-row statements: an import of a million calls touches the
    // summaries of a hundred thousand accounts at once.
    if (!m_flows.empty()) {
        MultiRowStatement upsert(
            db,
            QStringLiteral("INSERT INTO ledger_months (month, account_id, kind, in_cents,"
                           " out_cents, for_cents, entries) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"),
            QStringLiteral(" ON CONFLICT (month, account_id, kind) DO UPDATE SET"
                           " in_cents = ledger_months.in_cents + excluded.in_cents,"
                           " out_cents = ledger_months.out_cents + excluded.out_cents,"
                           " for_cents = ledger_months.for_cents + excluded.for_cents,"
                           " entries = ledger_months.entries + excluded.entries"),
            kRowsPerStatement);
        for (const auto& [key, f] : m_flows) {
            upsert.add(std::get<0>(key))
                .add(std::get<1>(key))
                .add(std::get<2>(key))
                .add(f.in)
                .add(f.out)
                .add(f.forCents)
                .add(f.entries);
            if (auto u = upsert.endRow(); !u)
                return u;
        }
        if (auto u = upsert.flush(); !u)
            return u;
        // The usual weeks of spending that these summaries change (UsualSpending).
        std::map<qint64, std::set<QString>> spent;
        for (const auto& [key, f] : m_flows) {
            if (f.out != 0 && UsualSpending::isSpending(std::get<2>(key)))
                spent[std::get<1>(key)].insert(std::get<0>(key));
        }
        if (auto u = UsualSpending::follow(m_tx, spent); !u)
            return u;
        m_flows.clear();
    }
    if (!m_spending.empty()) {
        if (auto s = flushSpending(); !s)
            return s;
    }
    if (!m_companyHours.empty()) {
        MultiRowStatement upsert(db,
                                 QStringLiteral("INSERT INTO company_hours (hour, net_cents)"
                                                " VALUES "),
                                 QStringLiteral("(?, ?)"),
                                 QStringLiteral(" ON CONFLICT (hour) DO UPDATE SET"
                                                " net_cents = company_hours.net_cents +"
                                                " excluded.net_cents"),
                                 kRowsPerStatement);
        for (const auto& [hour, net] : m_companyHours) {
            upsert.add(hour).add(net);
            if (auto u = upsert.endRow(); !u)
                return u;
        }
        if (auto u = upsert.flush(); !u)
            return u;
        m_companyHours.clear();
    }
    if (deltas.empty())
        return {};
    // A month's closing balance is everything up to its end, whatever order entries are
    // written in (the demo books past months after today's purchases): an entry moves its
    // own month's close and every later one. The accounts' rows are read a chunk at a time
    // (the writer holds their balances locked), moved here and written back.
    std::vector<qint64> accounts;
    accounts.reserve(deltas.size());
    for (const auto& d : deltas)
        accounts.push_back(d.first);
    // As many marks as accounts when there are few (one entry's summary, written at once).
    const int perRead = int(std::min<size_t>(kAccountsPerRead, accounts.size()));
    Statement read(db, QStringLiteral("SELECT account_id, month, closing_cents FROM"
                                      " balance_months WHERE account_id IN (") +
                           QStringLiteral("?, ").repeated(perRead - 1) + QStringLiteral("?)"));
    MultiRowStatement write(
        db, QStringLiteral("INSERT INTO balance_months (account_id, month, closing_cents) VALUES "),
        QStringLiteral("(?, ?, ?)"),
        QStringLiteral(" ON CONFLICT (account_id, month) DO UPDATE SET"
                       " closing_cents = excluded.closing_cents"),
        kRowsPerStatement);
    for (size_t first = 0; first < accounts.size(); first += size_t(perRead)) {
        const size_t last = std::min(accounts.size(), first + size_t(perRead));
        for (size_t i = 0; i < size_t(perRead); ++i) // a short chunk repeats its last
            read.add(accounts[std::min(first + i, last - 1)]);
        if (auto r = read.exec(); !r)
            return r;
        std::map<qint64, std::map<QString, qint64>> closing; // account → month → closing
        while (read.query().next())
            closing[read.query().value(0).toLongLong()][read.query().value(1).toString()] =
                read.query().value(2).toLongLong();
        for (size_t i = first; i < last; ++i) {
            const qint64 account = accounts[i];
            std::map<QString, qint64>& months = closing[account];
            std::set<QString> changed;
            for (const auto& [month, delta] : deltas[account]) {
                auto at = months.find(month);
                if (at == months.end()) {
                    // A new month starts from the close of the latest month before it.
                    auto before = months.lower_bound(month);
                    const qint64 opening = before == months.begin() ? 0 : std::prev(before)->second;
                    at = months.emplace(month, opening).first;
                }
                for (auto it = at; it != months.end(); ++it) {
                    it->second += delta;
                    changed.insert(it->first);
                }
            }
            for (const QString& month : changed) {
                write.add(account).add(month).add(months[month]);
                if (auto w = write.endRow(); !w)
                    return w;
            }
        }
    }
    return write.flush();
}

Result<void> LedgerSummary::flushSpending()
{
    // The department as it is when the money is spent: a later move to another department
    // does not rewrite last month's report. A member's, else a SIP profile's, else none.
    const Database& db = m_tx.db();
    std::vector<qint64> accounts;
    for (const auto& [key, cents] : m_spending) {
        if (accounts.empty() || accounts.back() != std::get<1>(key))
            accounts.push_back(std::get<1>(key));
    }
    std::sort(accounts.begin(), accounts.end());
    accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
    QHash<qint64, QString> memberDepartment, profileDepartment;
    const int perRead = int(std::min<size_t>(kAccountsPerRead, accounts.size()));
    const QString marks = QStringLiteral("?, ").repeated(perRead - 1) + QStringLiteral("?");
    Statement read(db, QStringLiteral("SELECT 0, account_id, department FROM members"
                                      " WHERE account_id IN (%1) UNION ALL"
                                      " SELECT 1, account_id, department FROM profiles"
                                      " WHERE account_id IN (%1)")
                           .arg(marks));
    for (size_t first = 0; first < accounts.size(); first += size_t(perRead)) {
        const size_t last = std::min(accounts.size(), first + size_t(perRead));
        for (int twice = 0; twice < 2; ++twice) {
            for (size_t i = 0; i < size_t(perRead); ++i)
                read.add(accounts[std::min(first + i, last - 1)]);
        }
        if (auto r = read.exec(); !r)
            return r;
        while (read.query().next())
            (read.query().value(0).toInt() == 0 ? memberDepartment : profileDepartment)
                .insert(read.query().value(1).toLongLong(), read.query().value(2).toString());
    }
    std::map<std::tuple<QString, QString, QString>, qint64> byDepartment; // month, kind, dept
    for (const auto& [key, cents] : m_spending) {
        const qint64 account = std::get<1>(key);
        auto m = memberDepartment.constFind(account);
        const QString department = m != memberDepartment.cend()
                                       ? *m
                                       : profileDepartment.value(account, QString(0, QChar()));
        byDepartment[{std::get<0>(key), std::get<2>(key), department}] += cents;
    }
    MultiRowStatement upsert(
        db, QStringLiteral("INSERT INTO spending_months (month, kind, department, cents) VALUES "),
        QStringLiteral("(?, ?, ?, ?)"),
        QStringLiteral(" ON CONFLICT (month, kind, department) DO UPDATE SET"
                       " cents = spending_months.cents + excluded.cents"),
        kRowsPerStatement);
    for (const auto& [key, cents] : byDepartment) {
        upsert.add(std::get<0>(key))
            .add(std::get<1>(key))
            .add(Database::text(std::get<2>(key)))
            .add(cents);
        if (auto u = upsert.endRow(); !u)
            return u;
    }
    if (auto u = upsert.flush(); !u)
        return u;
    m_spending.clear();
    return {};
}

} // namespace sb
