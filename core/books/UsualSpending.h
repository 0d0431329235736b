#pragma once

#include "core/base/Error.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QVariantList>

#include <map>
#include <set>

namespace sb {

class Database;
class Transaction;

/// A usual week of each account's spending, kept in `accounts.usual_week_cents` so that the
/// dashboard finds the low balances by index (`accounts_low`) instead of summing three months
/// of ledger_months for every account (140,000 rows on a big account).
///
/// Usual spending (AttentionService's LowBalance rule): the `out_cents` of kinds call, charge
/// and bundle in ledger_months over the Months full calendar months before the current one;
/// a week of it is that sum × 7 / the days of those months, rounded half up to the cent
/// (Money::prorate). The column holds it for the window that ends at the month stored in
/// `usual_spending`; the stored month is empty until refresh() first runs.
/// - refresh() (billing, the demo) computes every account again when the month changed;
/// - LedgerSummary::flush() calls follow() for the accounts whose spending changed in a month
///   of the stored window (call records imported late, say), in the writer's transaction.
/// Readers use the column only when the stored month is today's (isCurrent()), else they
/// sum ledger_months with weeks(): the rule never depends on billing having run.
class UsualSpending
{
    Q_DECLARE_TR_FUNCTIONS(sb::UsualSpending)

public:
    static constexpr int Months = 3;
    static constexpr int WeekDays = 7;

    /// The months of usual spending before `today`'s, and how many days they have.
    struct Window
    {
        QString from; ///< "yyyy-MM", included
        QString to;   ///< "yyyy-MM", the current month, excluded
        qint64 days = 0;

        explicit Window(const QDate& today);
        /// What weeks() binds, in its order.
        QVariantList binds() const { return {days, 2 * days, from, to}; }
    };

    /// Whether entries of a ledger kind count as spending (call, charge, bundle).
    static bool isSpending(const QString& kind);

    /// The SQL of each account's usual week over a window, summed from ledger_months: rows
    /// of `account_id` and `week` (cents, above zero spent only), binding Window::binds() and
    /// then `condition`'s values (" AND account_id IN (…)", say). `kindColumn` is `kind` for
    /// every account (the index on kind and month) or `kind || ''` for a list of accounts,
    /// which keeps SQLite's planner off that index and on the one by account (without
    /// statistics it scanned a quarter's rows of every account for a page of profiles).
    static QString weeks(const QString& condition = {},
                         const QString& kindColumn = QStringLiteral("kind"));

    /// Whether usual_week_cents holds the window ending at `window.to`.
    static Result<bool> isCurrent(const Database& db, const Window& window);

    /// Computes every account's usual week for `today`'s window, unless it is stored already.
    static Result<void> refresh(Transaction& tx, const QDate& today);

    /// Computes again the usual week of the accounts whose spending changed in the months
    /// given (account → months), when one of those months is in the stored window. Takes the
    /// stored month's row shared (PostgreSQL), so that refresh() waits for the writer.
    static Result<void> follow(Transaction& tx,
                               const std::map<qint64, std::set<QString>>& monthsByAccount);
};

} // namespace sb
