#include "core/reports/AdviceService.h"

#include "core/bundles/BundleService.h"
#include "core/profiles/ProfileService.h"
#include "core/reports/ErlangB.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace sb {

qint64 AdviceService::standardUsRate(const PriceList& prices)
{
    for (const PriceList::Rate& r : prices.rates()) {
        if (r.prefix == QLatin1String("1"))
            return r.perMinuteTenThousandths;
    }
    return 0;
}

Money AdviceService::monthlyCost(qint64 usMinutes, int bundles, Money bundlePrice,
                                 qint64 ratePerMinute)
{
    const qint64 uncovered =
        std::max<qint64>(0, usMinutes - qint64(bundles) * BundleService::MinutesPerBundle);
    // Rates are in ten-thousandths: minutes × rate is hundredths of a cent, rounded once.
    const Money minutes = Money::prorate(Money::fromCents(uncovered * ratePerMinute), 1, 100);
    return bundlePrice.times(bundles).value_or(Money()) + minutes;
}

ProfileAdvice::Bundles AdviceService::bestBundles(const QList<qint64>& usMinutes, int channels,
                                                  int have, Money bundlePrice, qint64 ratePerMinute)
{
    ProfileAdvice::Bundles b;
    b.have = have;
    b.usMinutes = usMinutes;
    if (usMinutes.isEmpty())
        return b;
    const auto total = [&](int count) {
        Money sum;
        for (qint64 minutes : usMinutes)
            sum += monthlyCost(minutes, count, bundlePrice, ratePerMinute);
        return sum;
    };
    // Sums rather than averages: the same months for every count, and no rounding in between.
    Money bestTotal = total(0);
    b.best = 0;
    for (int k = 1; k <= channels; ++k) {
        const Money t = total(k);
        if (t < bestTotal) { // strictly: a tie keeps the fewer bundles
            bestTotal = t;
            b.best = k;
        }
    }
    const qint64 n = usMinutes.size();
    b.averageBest = Money::prorate(bestTotal, 1, n);
    b.averageNow = Money::prorate(total(have), 1, n);
    b.monthlySaving = std::max(Money(), b.averageNow - b.averageBest);
    return b;
}

Result<QList<ProfileAdvice>> AdviceService::all() const
{
    return compute(0);
}

Result<ProfileAdvice> AdviceService::forProfile(const QString& name) const
{
    auto p = ProfileService(m_ctx, m_prices).find(name);
    if (!p)
        return p.error();
    return forProfile(p->id);
}

Result<ProfileAdvice> AdviceService::forProfile(qint64 profileId) const
{
    auto list = compute(profileId);
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error::notFound(tr("There is no SIP profile with id %1.").arg(profileId));
    return list->first();
}

Result<QList<ProfileAdvice>> AdviceService::compute(qint64 onlyProfile) const
{
    const Database& db = m_ctx.db;
    const bool one = onlyProfile != 0;
    const QVariantList only = one ? QVariantList{onlyProfile} : QVariantList{};

    auto profiles = db.run(QStringLiteral("SELECT id, name, channels FROM profiles") +
                               (one ? QStringLiteral(" WHERE id = ?") : QString()) +
                               QStringLiteral(" ORDER BY name_key"),
                           only);
    if (!profiles)
        return profiles.error();
    QList<ProfileAdvice> out;
    QHash<qint64, qsizetype> index;
    while (profiles->next()) {
        ProfileAdvice a;
        a.profileId = profiles->value(0).toLongLong();
        a.name = profiles->value(1).toString();
        a.channels.have = profiles->value(2).toInt();
        index.insert(a.profileId, out.size());
        out.append(a);
    }
    if (out.isEmpty())
        return out;

    auto peaks = db.run(QStringLiteral("SELECT profile_id, hour, seconds FROM profile_peaks") +
                            (one ? QStringLiteral(" WHERE profile_id = ?") : QString()),
                        only);
    if (!peaks)
        return peaks.error();
    while (peaks->next()) {
        const auto i = index.constFind(peaks->value(0).toLongLong());
        const qint64 seconds = peaks->value(2).toLongLong();
        if (i == index.constEnd() || seconds <= 0)
            continue;
        ProfileAdvice::Channels& c = out[*i].channels;
        c.busiestHour = peaks->value(1).toString();
        c.busyHourSeconds = seconds;
        c.busyHourErlangs = double(seconds) / 3600;
        c.need = ErlangB::channelsFor(c.busyHourErlangs, ErlangB::DefaultBlocking);
    }

    // Months before the current one: only full months say what a month costs. Newest first,
    // so the first MonthsConsidered rows of each profile are its last full months with calls.
    const QString current = m_ctx.now().toUTC().toString(QStringLiteral("yyyy-MM"));
    QVariantList monthBinds{current};
    monthBinds += only;
    auto months =
        db.run(QStringLiteral("SELECT p.id, c.month, c.us_minutes FROM call_months c"
                              " JOIN profiles p ON p.account_id = c.account_id WHERE c.month < ?") +
                   (one ? QStringLiteral(" AND p.id = ?") : QString()) +
                   QStringLiteral(" ORDER BY p.id, c.month DESC"),
               monthBinds);
    if (!months)
        return months.error();
    QHash<qint64, QList<std::pair<QString, qint64>>> usByProfile;
    while (months->next()) {
        auto& list = usByProfile[months->value(0).toLongLong()];
        if (list.size() < MonthsConsidered)
            list.append({months->value(1).toString(), months->value(2).toLongLong()});
    }

    auto counts = BundleService(m_ctx, m_prices).countsInForce();
    if (!counts)
        return counts.error();

    const qint64 rate = standardUsRate(m_prices);
    for (ProfileAdvice& a : out) {
        const int have = counts->value(a.profileId, 0);
        QList<qint64> minutes;
        QStringList names;
        const auto found = usByProfile.constFind(a.profileId);
        if (found != usByProfile.constEnd()) {
            // Oldest first, as a person reads months.
            for (auto it = found->crbegin(); it != found->crend(); ++it) {
                names.append(it->first);
                minutes.append(it->second);
            }
        }
        a.bundles = bestBundles(minutes, a.channels.have, have, m_prices.bundlePrice(), rate);
        a.bundles.months = names;
    }
    return out;
}

} // namespace sb
