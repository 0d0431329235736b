#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/bundles/BundleSummary.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QStringList>

namespace sb {

class Transaction;

/// US minute bundles of SIP profiles (SPEC "US minute bundles"; seed us-minute-bundles):
/// each bundle gives 5000 minutes a month of calls to US numbers, is paid from the profile's
/// own balance, and a profile never has more bundles than channels.
///
/// Periods are rows of `bundle_periods`, kept as history; monthly periods are anchored
/// (anchor + n months) like numbers. Every operation runs in one transaction, writes its
/// ledger entries (kind 'bundle'; a change's refund 'bundle-refund', from outside — the
/// provider pays back — to the profile) and one activity event, and announces the profile.
class BundleService
{
    Q_DECLARE_TR_FUNCTIONS(sb::BundleService)

public:
    static constexpr qint64 MinutesPerBundle = 5000;
    /// Extend is offered when the bundles' paid time ends within this many days.
    static constexpr int ExtendWindowDays = 30;

    /// With the price list in force (PriceListStore::current), as the billing run and the
    /// window buy and renew bundles.
    explicit BundleService(const Context& ctx) : BundleService(ctx, PriceListStore::current(ctx)) {}
    BundleService(const Context& ctx, const PriceList& prices) : m_ctx(ctx), m_prices(prices) {}

    /// Today's price of `count` bundles for a month.
    Money cost(int count) const;
    /// The refund of a change: unused minutes / 5000 × the price paid per bundle at the
    /// last purchase, half up to the cent (3000 unused of a 30.00 bundle → 18.00).
    static Money refundFor(qint64 unusedMinutes, Money pricePerBundle);
    /// Refuses a count below 1 or above the profile's channels.
    static Result<void> validateCount(const QString& profile, int count, int channels);
    /// Writes one bundle period row inside the caller's transaction: months `period` of
    /// `anchor` (anchor + period − 1 months to anchor + period months), `count` bundles at
    /// `price` each, `paid` in all. It moves no money: the caller books the payment.
    static Result<void> recordPeriod(const Context& ctx, qint64 profileId, const QDate& anchor,
                                     int period, int count, Money price, Money paid,
                                     const QString& state);

    Result<BundleSummary> summary(const QString& profile) const;
    Result<BundleSummary> summary(qint64 profileId) const;
    /// summary() of every profile with bundles in force, by profile id, in one query (the
    /// SIP profiles table shows a thousand profiles' monthly costs at once).
    Result<QHash<qint64, BundleSummary>> summaries() const;
    /// The bundle count in force today (BundleSummary::count) of every profile that has any,
    /// by profile id, in one query: for reports over all profiles (advice).
    Result<QHash<qint64, int>> countsInForce() const;

    struct Purchase
    {
        int count = 0;
        Money cost;      ///< paid now for the new period
        Money refund;    ///< a change's refund of the unused minutes (0 for add)
        QDate periodEnd; ///< end of the new period: the next payment
    };
    /// What change() would refund and cost now, for the confirmation.
    Result<Purchase> changePreview(const QString& profile, int count) const;

    /// Only on a profile without bundles in force.
    Result<Purchase> add(const QString& profile, int count) const;
    /// Cancels the bundles in force (refunding their unused minutes) and buys `count` at
    /// today's price for a new period from today.
    Result<Purchase> change(const QString& profile, int count) const;
    /// No renewal; the bundles stay usable until the date returned.
    Result<QDate> cancel(const QString& profile) const;

    struct Extension
    {
        QDate nextPayment; ///< the end of the period paid now
        Money cost;
    };
    /// Pays the next period now; only when the paid time ends within ExtendWindowDays.
    Result<Extension> extend(const QString& profile) const;

    struct DueReport
    {
        int renewed = 0;
        int lapsed = 0;
        Money spent;
        QStringList renewedProfiles;
        QStringList lapsedProfiles;
        QStringList messages; ///< translated, one per lapse
    };
    /// Inside the caller's transaction (`billing run`): renewals due by now, paid from each
    /// profile's balance; those it cannot pay lapse.
    Result<DueReport> processDue(Transaction& tx) const;

private:
    const Context& m_ctx;
    const PriceList& m_prices;
};

} // namespace sb
