#include "core/books/UsualSpending.h"

#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace sb {

namespace {

// Accounts per statement when following a writer's changes (one mark each).
constexpr int kAccountsPerUpdate = 128;

// The stored month; `lock` is " FOR SHARE", " FOR UPDATE" or empty (SQLite has one writer).
Result<QString> storedMonth(const Database& db, const QString& lock = {})
{
    auto q = db.runFirst(QStringLiteral("SELECT month FROM usual_spending WHERE id = 1") +
                         (db.isPostgres() ? lock : QString()));
    if (!q)
        return q.error();
    const QString month = q->value(0).toString();
    q->finish();
    return month;
}

QVariantList windowBinds(const UsualSpending::Window& w)
{
    return {w.days, 2 * w.days, w.from, w.to};
}

} // namespace

UsualSpending::Window::Window(const QDate& today)
{
    const QDate thisMonth(today.year(), today.month(), 1);
    const QDate first = thisMonth.addMonths(-Months);
    from = first.toString(QStringLiteral("yyyy-MM"));
    to = thisMonth.toString(QStringLiteral("yyyy-MM"));
    days = first.daysTo(thisMonth);
}

Money UsualSpending::Window::week(qint64 spentCents) const
{
    return Money::prorate(Money::fromCents(spentCents), WeekDays, days);
}

QString UsualSpending::weekOf(const QString& account)
{
    // Money::prorate in integers: (spent × 7 × 2 + days) / (2 × days), spent > 0.
    return QStringLiteral("COALESCE((SELECT CASE WHEN SUM(out_cents) > 0 THEN"
                          " (CAST(SUM(out_cents) AS BIGINT) * 14 + ?) / ? ELSE 0 END"
                          " FROM ledger_months WHERE account_id = %1 AND month >= ?"
                          " AND month < ? AND kind IN ('call', 'charge', 'bundle')), 0)")
        .arg(account);
}

Result<bool> UsualSpending::isCurrent(const Database& db, const Window& window)
{
    auto month = storedMonth(db);
    if (!month)
        return month.error();
    return *month == window.to;
}

Result<void> UsualSpending::refresh(Transaction& tx, const QDate& today)
{
    const Window window(today);
    const Database& db = tx.db();
    auto unlocked = storedMonth(db);
    if (!unlocked)
        return unlocked.error();
    if (*unlocked == window.to)
        return {};
    // Writers following their own changes wait for this (they hold the row shared).
    auto month = storedMonth(db, QStringLiteral(" FOR UPDATE"));
    if (!month)
        return month.error();
    if (*month == window.to)
        return {};
    if (auto z = db.run(QStringLiteral("UPDATE accounts SET usual_week_cents = 0"
                                       " WHERE usual_week_cents > 0"));
        !z)
        return z.error();
    // One pass over the window's summaries (grouped), not a read per account.
    if (auto u = db.run(
            QStringLiteral("UPDATE accounts SET usual_week_cents = s.week FROM (SELECT account_id,"
                           " (CAST(SUM(out_cents) AS BIGINT) * 14 + ?) / ? AS week"
                           " FROM ledger_months WHERE month >= ? AND month < ?"
                           " AND kind IN ('call', 'charge', 'bundle') GROUP BY account_id"
                           " HAVING SUM(out_cents) > 0) s WHERE accounts.id = s.account_id"),
            windowBinds(window));
        !u)
        return u.error();
    if (auto m =
            db.run(QStringLiteral("UPDATE usual_spending SET month = ? WHERE id = 1"), {window.to});
        !m)
        return m.error();
    return {};
}

Result<void> UsualSpending::follow(Transaction& tx,
                                   const std::map<qint64, std::set<QString>>& monthsByAccount)
{
    if (monthsByAccount.empty())
        return {};
    const Database& db = tx.db();
    auto unlocked = storedMonth(db);
    if (!unlocked)
        return unlocked.error();
    if (unlocked->isEmpty())
        return {};
    // Most writes are of the current month, outside the window: nothing to follow.
    const auto touched = [&monthsByAccount](const QString& to) {
        const Window window(QDate::fromString(to + QStringLiteral("-01"), Qt::ISODate));
        std::vector<qint64> accounts;
        for (const auto& [account, months] : monthsByAccount) {
            const auto first = months.lower_bound(window.from);
            if (first != months.end() && *first < window.to)
                accounts.push_back(account);
        }
        return accounts;
    };
    if (touched(*unlocked).empty())
        return {};
    auto month = storedMonth(db, QStringLiteral(" FOR SHARE"));
    if (!month)
        return month.error();
    if (month->isEmpty())
        return {};
    const std::vector<qint64> accounts = touched(*month);
    const Window window(QDate::fromString(*month + QStringLiteral("-01"), Qt::ISODate));
    for (size_t from = 0; from < accounts.size(); from += kAccountsPerUpdate) {
        const size_t n = std::min<size_t>(kAccountsPerUpdate, accounts.size() - from);
        QVariantList binds = windowBinds(window);
        for (size_t i = 0; i < n; ++i)
            binds << accounts[from + i];
        const QString marks = QStringList(qsizetype(n), QStringLiteral("?")).join(QLatin1Char(','));
        if (auto u = db.run(QStringLiteral("UPDATE accounts SET usual_week_cents = %1"
                                           " WHERE id IN (%2)")
                                .arg(weekOf(QStringLiteral("accounts.id")), marks),
                            binds);
            !u)
            return u.error();
    }
    return {};
}

} // namespace sb
