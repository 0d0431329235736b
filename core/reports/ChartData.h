#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace sb {

/// The numbers behind the dashboard's charts, read from the summaries (spending_months,
/// balance_months), the current bundle periods and one profile's calls through its index:
/// never a scan of the whole ledger or call history. Plain data, money in cents; "now" is the
/// context's clock.
///
/// Months are UTC months, as the summaries keep them. Days (peak calls, the balance) are days
/// in the zone given to the constructor (the admin's; UTC by default).
class ChartData
{
    Q_DECLARE_TR_FUNCTIONS(sb::ChartData)

public:
    /// The kinds the spending chart stacks: bundles net of their refunds, calls with the
    /// charges of owed balances.
    enum class SpendingKind
    {
        Numbers,
        Channels,
        Bundles,
        Calls
    };
    static constexpr int SpendingKinds = 4;

    /// Money per month, split into series: months oldest first, `cents[series][month]`.
    struct MonthlySpending
    {
        QList<QDate> months; ///< the first day of each month
        /// By kind: the SpendingKind keys ("numbers", "channels", "bundles", "calls"). By
        /// department: department names ("" = none), biggest spender first.
        QStringList series;
        QList<QList<Money>> amounts; ///< [series][month]
        /// By department: the last series sums the departments beyond the biggest ones.
        bool hasOthers = false;
        int othersCount = 0; ///< how many departments that last series sums

        Money total() const;
        Money monthTotal(int month) const;
        bool isEmpty() const;
    };

    /// One profile's current bundle period.
    struct BundleUse
    {
        QString profile;
        qint64 used = 0;
        qint64 included = 0;
    };
    /// The profiles with the most included minutes, and what the rest add up to.
    struct BundleUsage
    {
        QList<BundleUse> top;
        int restCount = 0;
        qint64 restUsed = 0;
        qint64 restIncluded = 0;
        bool isEmpty() const { return top.isEmpty(); }
    };

    /// The most calls one profile had at the same time on each day, against its channels.
    struct PeakCalls
    {
        qint64 profileId = 0;
        QString profile;
        int channels = 0;
        QList<QDate> days; ///< oldest first, today last
        QList<int> peaks;  ///< per day
        int highest() const;
        bool isEmpty() const { return highest() == 0; }
    };

    /// The company balance at the end of each day (today: as it is now).
    struct BalanceHistory
    {
        QList<QDate> days; ///< oldest first, today last
        QList<Money> closing;
        bool moved = false; ///< any entry of the company in the window or before it
        bool isEmpty() const { return !moved; }
    };

    /// A SIP profile for the peak calls chart's chooser.
    struct ProfileChoice
    {
        qint64 id = 0;
        QString name;
        int channels = 0;
    };

    explicit ChartData(const Context& ctx, const QTimeZone& zone = QTimeZone::utc())
        : m_ctx(ctx), m_zone(zone.isValid() ? zone : QTimeZone::utc())
    {
    }

    /// The last `months` months (this one last), stacked by kind.
    Result<MonthlySpending> spendingByKind(int months = 12) const;
    /// The same, by the department the money was spent for: the `topDepartments` that spent
    /// most over the months, the rest as one series.
    Result<MonthlySpending> spendingByDepartment(int months = 12, int topDepartments = 6) const;

    /// Current bundle periods (state active or cancelled, today inside the period): the `top`
    /// profiles by included minutes (then by name), the rest counted.
    Result<BundleUsage> bundleUsage(int top = 6) const;

    /// The SIP profiles by name.
    Result<QList<ProfileChoice>> profiles() const;
    /// Per day of the last `days` (today included), the most of the profile's calls that held
    /// a channel at once (from the start to start + duration: ringing too), by a sweep over
    /// its calls of the window (index calls_profile). Calls longer than a day that began
    /// before the window are not seen.
    Result<PeakCalls> peakCalls(qint64 profileId, int days = 30) const;

    /// The company balance at the end of each of the last `days` days: the close of the
    /// month before the window (balance_months), then the company's ledger entries from
    /// that month's start (index ledger_at).
    Result<BalanceHistory> companyBalance(int days = 90) const;

    /// The stable key of a kind ("numbers", …).
    static QString kindKey(SpendingKind kind);
    /// The kind a ledger entry kind counts as, or -1 for none.
    static int kindOfEntry(const QString& entryKind);

private:
    /// The window's months as "2026-03", and their first days.
    QList<QDate> lastMonths(int months) const;
    /// The start of `day` in the zone, as a UTC instant.
    QDateTime startOf(const QDate& day) const;

    const Context& m_ctx;
    QTimeZone m_zone;
};

} // namespace sb
