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

// The stored month; `lock` is " FOR SHARE" or " FOR UPDATE" on PostgreSQL (SQLite has one
// writer, whose transaction already excludes the others).
Result<QString> storedMonth(const Database& db, const QString& lock = {})
{
    auto q = db.runFirst(QStringLiteral("SELECT month FROM usual_spending WHERE id = 1") + lock);
    if (!q)
        return q.error();
    const QString month = q->value(0).toString();
    q->finish();
    return month;
}

// The stored month, read again with the row locked where another writer could change it
// between the first read and the lock (PostgreSQL only).
Result<QString> lockedMonth(const Database& db, const QString& unlocked, const QString& lock)
{
    if (!db.isPostgres())
        return unlocked;
    return storedMonth(db, lock);
}

// The window that ends at a stored month ("2026-03": December to February).
UsualSpending::Window windowEndingAt(const QString& month)
{
    return UsualSpending::Window(QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate));
}

// Writes the usual week of the accounts `ids` (at most kAccountsPerUpdate), or of every
// account when it is empty: zero, then the week of each that spent in `window`.
Result<void> store(const Database& db, const UsualSpending::Window& window, const QVariantList& ids)
{
    const QString marks = QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(','));
    const auto among = [&](const QString& column) {
        return ids.isEmpty() ? QString() : QStringLiteral(" AND %1 IN (%2)").arg(column, marks);
    };
    if (auto z = db.run(QStringLiteral("UPDATE accounts SET usual_week_cents = 0"
                                       " WHERE usual_week_cents > 0") +
                            among(QStringLiteral("id")),
                        ids);
        !z)
        return z.error();
    // One pass over the window's summaries (grouped), not a read per account.
    const QString weeks =
        UsualSpending::weeks(among(QStringLiteral("account_id")),
                             ids.isEmpty() ? QStringLiteral("kind") : QStringLiteral("kind || ''"));
    if (auto u = db.run(QStringLiteral("UPDATE accounts SET usual_week_cents = s.week FROM (%1) s"
                                       " WHERE accounts.id = s.account_id")
                            .arg(weeks),
                        window.binds() + ids);
        !u)
        return u.error();
    return {};
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

bool UsualSpending::isSpending(const QString& kind)
{
    return kind == QLatin1String("call") || kind == QLatin1String("charge") ||
           kind == QLatin1String("bundle");
}

QString UsualSpending::weeks(const QString& condition, const QString& kindColumn)
{
    // Money::prorate in integers: (spent × 7 × 2 + days) / (2 × days), spent > 0.
    return QStringLiteral("SELECT account_id, (CAST(SUM(out_cents) AS BIGINT) * %1 + ?) / ? AS week"
                          " FROM ledger_months WHERE month >= ? AND month < ?"
                          " AND %2 IN ('call', 'charge', 'bundle')%3"
                          " GROUP BY account_id HAVING SUM(out_cents) > 0")
        .arg(QString::number(2 * WeekDays), kindColumn, condition);
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
    auto month = lockedMonth(db, *unlocked, QStringLiteral(" FOR UPDATE"));
    if (!month)
        return month.error();
    if (*month == window.to)
        return {};
    if (auto s = store(db, window, {}); !s)
        return s;
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
    const auto touched = [&monthsByAccount](const Window& window) {
        std::vector<qint64> accounts;
        for (const auto& [account, months] : monthsByAccount) {
            const auto first = months.lower_bound(window.from);
            if (first != months.end() && *first < window.to)
                accounts.push_back(account);
        }
        return accounts;
    };
    std::vector<qint64> accounts = touched(windowEndingAt(*unlocked));
    if (accounts.empty())
        return {};
    auto month = lockedMonth(db, *unlocked, QStringLiteral(" FOR SHARE"));
    if (!month)
        return month.error();
    if (month->isEmpty())
        return {};
    const Window window = windowEndingAt(*month);
    if (*month != *unlocked) // refresh() moved the window meanwhile (PostgreSQL)
        accounts = touched(window);
    for (size_t from = 0; from < accounts.size(); from += kAccountsPerUpdate) {
        QVariantList ids;
        for (size_t i = from; i < std::min(accounts.size(), from + kAccountsPerUpdate); ++i)
            ids << accounts[i];
        if (auto s = store(db, window, ids); !s)
            return s;
    }
    return {};
}

} // namespace sb
