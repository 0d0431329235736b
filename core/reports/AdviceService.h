#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/reports/ProfileAdvice.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace sb {

/// Advice per SIP profile (issue 9, "Advice"): what no earlier tool told the admin.
///
/// - Channels: the busiest hour of its calls so far (`profile_peaks`), its seconds / 3600 as
///   traffic in erlangs, and ErlangB::channelsFor at 1% blocking: the channels it needs,
///   against the channels it has.
/// - Bundles: the US minutes (`call_months.us_minutes` of its account) of its last
///   MonthsConsidered full calendar months with call records — months before the clock's
///   current month that have a `call_months` row; fewer if there are fewer, none: no advice.
///   For each bundle count k in 0..channels (never more bundles than channels), a month costs
///   monthlyCost(): k × the bundle price + the minutes beyond k × 5000 at the standard US rate.
///   The best count has the least average cost (ties: fewer bundles); the monthly saving is
///   the average with the bundles in force today minus the average with the best, never below 0.
///
/// Prices are those of the price list given (by default the one in force), not the prices
/// paid. Reads only summary tables, a fixed handful of queries for any number of profiles:
/// never the calls.
class AdviceService
{
    Q_DECLARE_TR_FUNCTIONS(sb::AdviceService)

public:
    static constexpr int MonthsConsidered = 3;

    /// With the price list in force (PriceListStore::current).
    explicit AdviceService(const Context& ctx) : AdviceService(ctx, PriceListStore::current(ctx)) {}
    AdviceService(const Context& ctx, const PriceList& prices) : m_ctx(ctx), m_prices(prices) {}

    /// Every SIP profile, ordered by name.
    Result<QList<ProfileAdvice>> all() const;
    /// One profile by name; NotFound when there is none.
    Result<ProfileAdvice> forProfile(const QString& name) const;
    /// One profile by id; NotFound when there is none.
    Result<ProfileAdvice> forProfile(qint64 profileId) const;

    /// The standard US per-minute rate in ten-thousandths: the rate of the price list's NANP
    /// prefix "1" (rates of longer prefixes are particular areas, not the standard); 0 when the
    /// list has none, as the importer then charges nothing for such calls.
    static qint64 standardUsRate(const PriceList& prices);
    /// A month of `usMinutes` with `bundles` bundles: bundles × bundlePrice + the minutes
    /// beyond bundles × 5000 × `ratePerMinute` (ten-thousandths), that product rounded half up
    /// to the cent once for the month, as the rater rounds a call (Money::prorate).
    static Money monthlyCost(qint64 usMinutes, int bundles, Money bundlePrice,
                             qint64 ratePerMinute);
    /// The bundle advice for given months (US minutes each, any order), `channels` and the
    /// count in force `have`: fills best, averages and saving (not months).
    static ProfileAdvice::Bundles bestBundles(const QList<qint64>& usMinutes, int channels,
                                              int have, Money bundlePrice, qint64 ratePerMinute);

private:
    /// All profiles, or only `onlyProfile` when it is not 0.
    Result<QList<ProfileAdvice>> compute(qint64 onlyProfile) const;

    const Context& m_ctx;
    const PriceList& m_prices;
};

} // namespace sb
