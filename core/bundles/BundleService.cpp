#include "core/bundles/BundleService.h"

#include "core/base/DisplayFormat.h"
#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Transaction.h"

#include <QSqlQuery>

namespace sb {

namespace {

struct Period
{
    qint64 id = 0;
    qint64 profileId = 0;
    QDate anchor;
    int period = 1;
    QDate starts;
    QDate ends;
    int count = 0;
    Money price; ///< per bundle
    qint64 used = 0;
    QString state;

    qint64 unused() const
    {
        return std::max<qint64>(0, count * BundleService::MinutesPerBundle - used);
    }
    bool cancelled() const { return state == QLatin1String("cancelled"); }
};

QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

/// The minutes a change refunds for `periods` (in force, oldest first): every minute not
/// yet used, of this period and of any paid ahead. They are refunded at the price paid per
/// bundle at the last purchase (the seed's rule), rounded once: the preview and the change
/// itself both compute it so.
qint64 unusedMinutes(const QList<Period>& periods)
{
    qint64 unused = 0;
    for (const Period& b : periods)
        unused += b.unused();
    return unused;
}

// Periods in force on a day: not replaced or lapsed, not yet over (the current one and any
// paid ahead), in the order they run. summary() and summaries() share it.
const QString kInForce = QStringLiteral(
    "state IN ('active','cancelled') AND ends_on > ? ORDER BY profile_id, starts_on, id");

// The columns readPeriod() reads, in its order.
const QString kPeriodColumns =
    QStringLiteral("SELECT id, profile_id, anchor, period, starts_on, ends_on, bundle_count,"
                   " price_cents, minutes_used, state FROM bundle_periods WHERE ");

Period readPeriod(const QSqlQuery& q)
{
    return {q.value(0).toLongLong(),
            q.value(1).toLongLong(),
            QDate::fromString(q.value(2).toString(), Qt::ISODate),
            q.value(3).toInt(),
            QDate::fromString(q.value(4).toString(), Qt::ISODate),
            QDate::fromString(q.value(5).toString(), Qt::ISODate),
            q.value(6).toInt(),
            Money::fromCents(q.value(7).toLongLong()),
            q.value(8).toLongLong(),
            q.value(9).toString()};
}

/// The periods not yet over on `today` (the current one and any paid ahead), oldest first.
Result<QList<Period>> inForce(const Database& db, qint64 profileId, const QDate& today)
{
    auto q = db.run(kPeriodColumns + QStringLiteral("profile_id = ? AND ") + kInForce,
                    {profileId, iso(today)});
    if (!q)
        return q.error();
    QList<Period> out;
    while (q->next())
        out.append(readPeriod(*q));
    return out;
}

/// What a profile's periods in force (oldest first, at least one) say today.
BundleSummary summaryOf(const QList<Period>& periods, const QDate& today)
{
    BundleSummary s;
    const Period& current = periods.first();
    const Period& last = periods.last();
    s.count = current.count;
    s.pricePaid = last.price;
    s.minutesIncluded = current.count * BundleService::MinutesPerBundle;
    s.minutesUsed = current.used;
    s.periodStart = current.starts;
    s.periodEnd = current.ends;
    s.expires = last.ends;
    s.cancelled = last.cancelled();
    if (!s.cancelled)
        s.nextPayment = last.ends;
    s.extendable = today.daysTo(last.ends) <= BundleService::ExtendWindowDays;
    return s;
}

/// The profile, found and its balance row locked for the transaction.
struct Locked
{
    SipProfile profile;
    Money balance;
};

Result<Locked> lockProfile(const Context& ctx, Transaction& tx, const QString& name)
{
    auto p = ProfileService(ctx).find(name);
    if (!p)
        return p.error();
    // Only the profile's own row: bundles never touch the company balance.
    auto l = Ledger(ctx).lockBalances(tx, {p->accountId});
    if (!l)
        return l.error();
    return Locked{*p, l->first()};
}

} // namespace

Money BundleService::cost(int count) const
{
    return m_prices.bundlePrice().times(std::max(count, 0)).value_or(Money());
}

Result<void> BundleService::recordPeriod(const Context& ctx, qint64 profileId, const QDate& anchor,
                                         int period, int count, Money price, Money paid,
                                         const QString& state)
{
    auto q = ctx.db.run(
        QStringLiteral("INSERT INTO bundle_periods (profile_id, anchor, period, starts_on, "
                       "ends_on, bundle_count, price_cents, paid_cents, minutes_used, state, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"),
        {profileId, iso(anchor), period, iso(anchor.addMonths(period - 1)),
         iso(anchor.addMonths(period)), count, price.cents(), paid.cents(), state, ctx.nowText()});
    if (!q)
        return q.error();
    return {};
}

Money BundleService::refundFor(qint64 unusedMinutes, Money pricePerBundle)
{
    return Money::prorate(pricePerBundle, std::max<qint64>(unusedMinutes, 0), MinutesPerBundle);
}

Result<void> BundleService::validateCount(const QString& profile, int count, int channels)
{
    if (count < 1)
        return Error::invalid(
            tr("Enter at least one US minute bundle (to end them, cancel them), not %1.")
                .arg(count));
    if (count > channels)
        return Error::refused(tr("%1 has %n channel(s): it can have at most as many US minute "
                                 "bundles, not %2.",
                                 nullptr, channels)
                                  .arg(profile)
                                  .arg(count));
    return {};
}

Result<BundleSummary> BundleService::summary(const QString& profile) const
{
    auto p = ProfileService(m_ctx, m_prices).find(profile);
    if (!p)
        return p.error();
    return summary(p->id);
}

Result<BundleSummary> BundleService::summary(qint64 profileId) const
{
    const QDate today = m_ctx.now().toUTC().date();
    auto periods = inForce(m_ctx.db, profileId, today);
    if (!periods)
        return periods.error();
    if (periods->isEmpty())
        return BundleSummary();
    return summaryOf(*periods, today);
}

Result<QHash<qint64, BundleSummary>> BundleService::summaries() const
{
    const QDate today = m_ctx.now().toUTC().date();
    auto q = m_ctx.db.run(kPeriodColumns + kInForce, {iso(today)});
    if (!q)
        return q.error();
    QHash<qint64, BundleSummary> out;
    // Ordered by profile: each profile's periods are one run of rows.
    QList<Period> run;
    const auto close = [&] {
        if (!run.isEmpty())
            out.insert(run.first().profileId, summaryOf(run, today));
        run.clear();
    };
    while (q->next()) {
        Period p = readPeriod(*q);
        if (!run.isEmpty() && run.first().profileId != p.profileId)
            close();
        run.append(std::move(p));
    }
    close();
    return out;
}

Result<QHash<qint64, int>> BundleService::countsInForce() const
{
    auto all = summaries();
    if (!all)
        return all.error();
    QHash<qint64, int> counts;
    for (auto it = all->cbegin(); it != all->cend(); ++it)
        counts.insert(it.key(), it->count);
    return counts;
}

Result<BundleService::Purchase> BundleService::add(const QString& profile, int count) const
{
    qint64 profileId = 0;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Purchase> {
        auto l = lockProfile(m_ctx, tx, profile);
        if (!l)
            return l.error();
        const SipProfile& p = l->profile;
        profileId = p.id;
        if (auto v = validateCount(p.name, count, p.channels); !v)
            return v.error();
        const QDate today = m_ctx.now().toUTC().date();
        auto periods = inForce(tx.db(), p.id, today);
        if (!periods)
            return periods.error();
        if (!periods->isEmpty())
            return Error::refused(
                tr("%1 already has %n US minute bundle(s), until %2: change them instead.", nullptr,
                   periods->first().count)
                    .arg(p.name, displayDate(periods->last().ends)));
        const Money price = m_prices.bundlePrice();
        const Money total = cost(count);
        if (l->balance < total)
            return Error::refused(
                tr("The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). "
                   "Nothing was bought.",
                   nullptr, count)
                    .arg(p.name, l->balance.display(), total.display()));
        if (auto i =
                recordPeriod(m_ctx, p.id, today, 1, count, price, total, QStringLiteral("active"));
            !i)
            return i.error();
        if (auto t = Ledger(m_ctx).transfer(
                tx, p.accountId, 0, total, QStringLiteral("bundle"), p.name,
                tr("%n US minute bundle(s) for %1", nullptr, count).arg(p.name));
            !t)
            return t.error();
        const QDate ends = today.addMonths(1);
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::bundlesAdded(p.name, count, total, ends));
            !a)
            return a.error();
        return Purchase{count, total, Money(), ends};
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({profileId}).withActivity());
    return done;
}

Result<BundleService::Purchase> BundleService::changePreview(const QString& profile,
                                                             int count) const
{
    auto p = ProfileService(m_ctx, m_prices).find(profile);
    if (!p)
        return p.error();
    if (auto v = validateCount(p->name, count, p->channels); !v)
        return v.error();
    const QDate today = m_ctx.now().toUTC().date();
    auto periods = inForce(m_ctx.db, p->id, today);
    if (!periods)
        return periods.error();
    if (periods->isEmpty())
        return Error::refused(
            tr("%1 has no US minute bundles to change: add them instead.").arg(p->name));
    return Purchase{count, cost(count), refundFor(unusedMinutes(*periods), periods->last().price),
                    today.addMonths(1)};
}

Result<BundleService::Purchase> BundleService::change(const QString& profile, int count) const
{
    qint64 profileId = 0;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Purchase> {
        auto l = lockProfile(m_ctx, tx, profile);
        if (!l)
            return l.error();
        const SipProfile& p = l->profile;
        profileId = p.id;
        if (auto v = validateCount(p.name, count, p.channels); !v)
            return v.error();
        const QDate today = m_ctx.now().toUTC().date();
        auto periods = inForce(tx.db(), p.id, today);
        if (!periods)
            return periods.error();
        if (periods->isEmpty())
            return Error::refused(
                tr("%1 has no US minute bundles to change: add them instead.").arg(p.name));
        const int oldCount = periods->first().count;
        if (oldCount == count && !periods->last().cancelled())
            return Error::refused(
                tr("%1 already has %n US minute bundle(s).", nullptr, count).arg(p.name));
        const qint64 unused = unusedMinutes(*periods);
        const Money refund = refundFor(unused, periods->last().price);
        const Money total = cost(count);
        if (l->balance + refund < total)
            return Error::refused(
                tr("The balance of %1 (%2) with the refund of %3 cannot pay %n US minute "
                   "bundle(s) for a month (%4). The bundles were not changed.",
                   nullptr, count)
                    .arg(p.name, l->balance.display(), refund.display(), total.display()));
        const Database& db = tx.db();
        // The old periods end today; a period paid ahead never starts.
        auto u = db.run(QStringLiteral("UPDATE bundle_periods SET state = 'changed', ends_on = "
                                       "CASE WHEN starts_on < ? THEN ? ELSE starts_on END"
                                       " WHERE profile_id = ? AND state IN ('active','cancelled')"
                                       " AND ends_on > ?"),
                        {iso(today), iso(today), p.id, iso(today)});
        if (!u)
            return u.error();
        const Ledger ledger(m_ctx);
        if (refund.isPositive()) {
            if (auto t = ledger.transfer(
                    tx, 0, p.accountId, refund, QStringLiteral("bundle-refund"), p.name,
                    tr("Unused US minute bundle minutes of %1: %2").arg(p.name).arg(unused));
                !t)
                return t.error();
        }
        if (auto i = recordPeriod(m_ctx, p.id, today, 1, count, m_prices.bundlePrice(), total,
                                  QStringLiteral("active"));
            !i)
            return i.error();
        if (auto t =
                ledger.transfer(tx, p.accountId, 0, total, QStringLiteral("bundle"), p.name,
                                tr("%n US minute bundle(s) for %1", nullptr, count).arg(p.name));
            !t)
            return t.error();
        const QDate ends = today.addMonths(1);
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::bundlesChanged(p.name, oldCount, count, refund, total, ends));
            !a)
            return a.error();
        return Purchase{count, total, refund, ends};
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({profileId}).withActivity());
    return done;
}

Result<QDate> BundleService::cancel(const QString& profile) const
{
    qint64 profileId = 0;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<QDate> {
        auto l = lockProfile(m_ctx, tx, profile);
        if (!l)
            return l.error();
        const SipProfile& p = l->profile;
        profileId = p.id;
        const QDate today = m_ctx.now().toUTC().date();
        auto periods = inForce(tx.db(), p.id, today);
        if (!periods)
            return periods.error();
        if (periods->isEmpty())
            return Error::refused(tr("%1 has no US minute bundles to cancel.").arg(p.name));
        const QDate expires = periods->last().ends;
        if (periods->last().cancelled())
            return Error::refused(
                tr("The US minute bundles of %1 are already cancelled; they stay usable until "
                   "%2.")
                    .arg(p.name, displayDate(expires)));
        auto u = tx.db().run(QStringLiteral("UPDATE bundle_periods SET state = 'cancelled' WHERE "
                                            "profile_id = ? AND state = 'active' AND ends_on > ?"),
                             {p.id, iso(today)});
        if (!u)
            return u.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::bundlesCancelled(p.name, periods->first().count, expires));
            !a)
            return a.error();
        return expires;
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({profileId}).withActivity());
    return done;
}

Result<BundleService::Extension> BundleService::extend(const QString& profile) const
{
    qint64 profileId = 0;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Extension> {
        auto l = lockProfile(m_ctx, tx, profile);
        if (!l)
            return l.error();
        const SipProfile& p = l->profile;
        profileId = p.id;
        const QDate today = m_ctx.now().toUTC().date();
        auto periods = inForce(tx.db(), p.id, today);
        if (!periods)
            return periods.error();
        if (periods->isEmpty())
            return Error::refused(tr("%1 has no US minute bundles to extend.").arg(p.name));
        const Period last = periods->last();
        if (today.daysTo(last.ends) > ExtendWindowDays)
            return Error::refused(
                tr("The US minute bundles of %1 are paid until %2: they can be extended only "
                   "within %3 days of that date, from %4.")
                    .arg(p.name, displayDate(last.ends))
                    .arg(ExtendWindowDays)
                    .arg(displayDate(last.ends.addDays(-ExtendWindowDays))));
        const Money total = cost(last.count);
        if (l->balance < total)
            return Error::refused(
                tr("The balance of %1 (%2) cannot pay %n US minute bundle(s) for a month (%3). "
                   "The bundles were not extended.",
                   nullptr, last.count)
                    .arg(p.name, l->balance.display(), total.display()));
        // The next period of the same anchor, paid now; a cancelled bundle stays cancelled
        // after it.
        if (auto i = recordPeriod(m_ctx, p.id, last.anchor, last.period + 1, last.count,
                                  m_prices.bundlePrice(), total, last.state);
            !i)
            return i.error();
        if (auto t = Ledger(m_ctx).transfer(
                tx, p.accountId, 0, total, QStringLiteral("bundle"), p.name,
                tr("Extension of %n US minute bundle(s) for %1", nullptr, last.count).arg(p.name));
            !t)
            return t.error();
        const QDate next = last.anchor.addMonths(last.period + 1);
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::bundlesExtended(p.name, last.count, total, next));
            !a)
            return a.error();
        return Extension{next, total};
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({profileId}).withActivity());
    return done;
}

Result<BundleService::DueReport> BundleService::processDue(Transaction& tx) const
{
    const Database& db = tx.db();
    const QDate today = m_ctx.now().toUTC().date();
    // A profile's newest period decides: one paid ahead, a change's or a renewal's new
    // period supersedes the older rows, which stay 'active' as history.
    auto q = db.run(
        QStringLiteral(
            "SELECT b.id, b.profile_id, b.anchor, b.period, b.bundle_count, p.name, p.account_id"
            " FROM bundle_periods b JOIN profiles p ON p.id = b.profile_id"
            " WHERE b.state = 'active' AND b.ends_on <= ? AND NOT EXISTS (SELECT 1 FROM "
            "bundle_periods n WHERE n.profile_id = b.profile_id AND n.id > b.id)"
            " ORDER BY p.account_id"),
        {iso(today)});
    if (!q)
        return q.error();
    struct Due
    {
        qint64 id, profileId;
        QDate anchor;
        int period, count;
        QString name;
        qint64 accountId;
    };
    QList<Due> due;
    while (q->next())
        due.append({q->value(0).toLongLong(), q->value(1).toLongLong(),
                    QDate::fromString(q->value(2).toString(), Qt::ISODate), q->value(3).toInt(),
                    q->value(4).toInt(), q->value(5).toString(), q->value(6).toLongLong()});
    q->finish();
    DueReport report;
    const Ledger ledger(m_ctx);
    const Money price = m_prices.bundlePrice();
    for (Due d : std::as_const(due)) {
        auto l = ledger.lockBalances(tx, {d.accountId});
        if (!l)
            return l.error();
        // Another admin's billing run (or a change) may have renewed it while we waited for
        // the lock: go on only if the row is still the profile's newest, still due.
        auto still = db.runFirst(
            QStringLiteral("SELECT COUNT(*) FROM bundle_periods b WHERE b.id = ? AND b.state = "
                           "'active' AND NOT EXISTS (SELECT 1 FROM bundle_periods n WHERE "
                           "n.profile_id = b.profile_id AND n.id > b.id)"),
            {d.id});
        if (!still)
            return still.error();
        const bool due = still->value(0).toLongLong() == 1;
        still->finish();
        if (!due)
            continue;
        Money balance = l->first();
        const Money total = price.times(d.count).value_or(Money());
        bool renewed = false;
        // Catch up every period due by today, as numbers and channels do.
        while (d.anchor.addMonths(d.period) <= today) {
            if (balance < total) {
                auto u = db.run(
                    QStringLiteral("UPDATE bundle_periods SET state = 'lapsed' WHERE id = ?"),
                    {d.id});
                if (!u)
                    return u.error();
                report.messages << tr("The %n US minute bundle(s) of %1 lapsed: its balance (%2) "
                                      "cannot pay the renewal (%3). Allocate credit to the "
                                      "profile and add them again.",
                                      nullptr, d.count)
                                       .arg(d.name, balance.display(), total.display());
                if (auto a = ActivityLog(m_ctx).record(
                        tx, ActivityEvent::bundlesLapsed(d.name, d.count, balance, total));
                    !a)
                    return a.error();
                ++report.lapsed;
                report.lapsedProfiles << d.name;
                break;
            }
            ++d.period;
            if (auto i = recordPeriod(m_ctx, d.profileId, d.anchor, d.period, d.count, price, total,
                                      QStringLiteral("active"));
                !i)
                return i.error();
            auto idq = db.runFirst(
                QStringLiteral("SELECT MAX(id) FROM bundle_periods WHERE profile_id = ?"),
                {d.profileId});
            if (!idq)
                return idq.error();
            d.id = idq->value(0).toLongLong();
            idq->finish();
            if (auto t = ledger.transfer(
                    tx, d.accountId, 0, total, QStringLiteral("bundle"), d.name,
                    tr("Renewal of %n US minute bundle(s) for %1", nullptr, d.count).arg(d.name));
                !t)
                return t.error();
            balance -= total;
            report.spent += total;
            if (auto a = ActivityLog(m_ctx).record(
                    tx, ActivityEvent::bundlesRenewed(d.name, d.count, total,
                                                      d.anchor.addMonths(d.period)));
                !a)
                return a.error();
            renewed = true;
        }
        if (renewed) {
            ++report.renewed;
            report.renewedProfiles << d.name;
        }
    }
    return report;
}

} // namespace sb
