#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

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
/// sum ledger_months as before: the rule never depends on billing having run.
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
        /// A usual week of `spentCents`, rounded half up to the cent: what a balance must
        /// reach.
        Money week(qint64 spentCents) const;
    };

    /// The SQL of one account's usual week over a window: binds the window's from, to, days
    /// and 2 × days in that order; `%1` names the account id (a column or a mark).
    static QString weekOf(const QString& account);

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
