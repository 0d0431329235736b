#include "core/reports/ChartData.h"

#include "core/books/Ledger.h"
#include "core/books/LedgerSummary.h"
#include "core/bundles/BundleService.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace sb {

namespace {

QString monthKey(const QDate& d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

QString isoInstant(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// Seconds since the epoch of an ISO 8601 UTC text as stored ("2026-03-01T09:00:00Z").
qint64 secondsOf(const QString& iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

Money ChartData::MonthlySpending::total() const
{
    Money sum;
    for (const auto& s : amounts)
        for (Money m : s)
            sum += m;
    return sum;
}

Money ChartData::MonthlySpending::monthTotal(int month) const
{
    Money sum;
    for (const auto& s : amounts)
        sum += s.value(month);
    return sum;
}

bool ChartData::MonthlySpending::isEmpty() const
{
    for (const auto& s : amounts)
        for (Money m : s)
            if (!m.isZero())
                return false;
    return true;
}

int ChartData::PeakCalls::highest() const
{
    return peaks.isEmpty() ? 0 : *std::max_element(peaks.begin(), peaks.end());
}

QString ChartData::kindKey(SpendingKind kind)
{
    switch (kind) {
    case SpendingKind::Numbers:
        return QStringLiteral("numbers");
    case SpendingKind::Channels:
        return QStringLiteral("channels");
    case SpendingKind::Bundles:
        return QStringLiteral("bundles");
    case SpendingKind::Calls:
        return QStringLiteral("calls");
    }
    return {};
}

int ChartData::kindOfEntry(const QString& entryKind)
{
    switch (LedgerSummary::spendingOf(entryKind)) {
    case LedgerSummary::Spending::Numbers:
        return int(SpendingKind::Numbers);
    case LedgerSummary::Spending::Channels:
        return int(SpendingKind::Channels);
    case LedgerSummary::Spending::Bundles:
        return int(SpendingKind::Bundles);
    case LedgerSummary::Spending::Calls:
        return int(SpendingKind::Calls);
    case LedgerSummary::Spending::None:
        break;
    }
    return -1;
}

QList<QDate> ChartData::lastMonths(int months) const
{
    const QDate today = m_ctx.now().toUTC().date();
    const QDate first(today.year(), today.month(), 1);
    QList<QDate> out;
    for (int i = months - 1; i >= 0; --i)
        out.append(first.addMonths(-i));
    return out;
}

QDateTime ChartData::startOf(const QDate& day) const
{
    return QDateTime(day, QTime(0, 0), m_zone).toUTC();
}

Result<ChartData::MonthlySpending> ChartData::spendingByKind(int months) const
{
    MonthlySpending s;
    s.months = lastMonths(qMax(1, months));
    for (int k = 0; k < SpendingKinds; ++k) {
        s.series.append(kindKey(SpendingKind(k)));
        s.amounts.append(QList<Money>(s.months.size()));
    }
    auto q = m_ctx.db.run(QStringLiteral("SELECT month, kind, SUM(cents) FROM spending_months"
                                         " WHERE month >= ? AND month <= ? GROUP BY month, kind"),
                          {monthKey(s.months.first()), monthKey(s.months.last())});
    if (!q)
        return q.error();
    QHash<QString, int> index;
    for (int i = 0; i < s.months.size(); ++i)
        index.insert(monthKey(s.months[i]), i);
    while (q->next()) {
        const int kind = kindOfEntry(q->value(1).toString());
        const int month = index.value(q->value(0).toString(), -1);
        if (kind >= 0 && month >= 0)
            s.amounts[kind][month] += Money::fromCents(q->value(2).toLongLong());
    }
    return s;
}

Result<ChartData::MonthlySpending> ChartData::spendingByDepartment(int months,
                                                                   int topDepartments) const
{
    MonthlySpending s;
    s.months = lastMonths(qMax(1, months));
    auto q =
        m_ctx.db.run(QStringLiteral("SELECT month, department, SUM(cents) FROM spending_months"
                                    " WHERE month >= ? AND month <= ? GROUP BY month, department"),
                     {monthKey(s.months.first()), monthKey(s.months.last())});
    if (!q)
        return q.error();
    QHash<QString, int> index;
    for (int i = 0; i < s.months.size(); ++i)
        index.insert(monthKey(s.months[i]), i);
    QMap<QString, QList<Money>> byDepartment;
    while (q->next()) {
        const int month = index.value(q->value(0).toString(), -1);
        if (month < 0)
            continue;
        auto& row = byDepartment[q->value(1).toString()];
        if (row.isEmpty())
            row.resize(s.months.size());
        row[month] += Money::fromCents(q->value(2).toLongLong());
    }
    std::vector<std::pair<Money, QString>> order;
    for (auto it = byDepartment.cbegin(); it != byDepartment.cend(); ++it) {
        Money sum;
        for (Money m : it.value())
            sum += m;
        order.emplace_back(sum, it.key());
    }
    // Biggest spender first; equal ones by name, so the order does not flicker.
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const int shown = qMax(1, topDepartments);
    QList<Money> others(s.months.size());
    for (int i = 0; i < int(order.size()); ++i) {
        const QList<Money>& row = byDepartment.value(order[i].second);
        if (i < shown) {
            s.series.append(order[i].second);
            s.amounts.append(row);
        } else {
            for (int m = 0; m < row.size(); ++m)
                others[m] += row[m];
            ++s.othersCount;
        }
    }
    if (s.othersCount > 0) {
        s.hasOthers = true;
        s.series.append(QString());
        s.amounts.append(others);
    }
    return s;
}

Result<ChartData::BundleUsage> ChartData::bundleUsage(int top) const
{
    const QString today = m_ctx.now().toUTC().date().toString(Qt::ISODate);
    const QString current = QStringLiteral(" FROM bundle_periods b JOIN profiles p ON"
                                           " p.id = b.profile_id WHERE b.state IN ('active',"
                                           " 'cancelled') AND b.starts_on <= ? AND b.ends_on > ?");
    BundleUsage u;
    auto q =
        m_ctx.db.run(QStringLiteral("SELECT p.name, b.minutes_used, b.bundle_count") + current +
                         QStringLiteral(" ORDER BY b.bundle_count DESC, p.name_key LIMIT ?"),
                     {today, today, qMax(1, top)});
    if (!q)
        return q.error();
    qint64 topUsed = 0;
    qint64 topIncluded = 0;
    while (q->next()) {
        BundleUse b{q->value(0).toString(), q->value(1).toLongLong(),
                    q->value(2).toLongLong() * BundleService::MinutesPerBundle};
        topUsed += b.used;
        topIncluded += b.included;
        u.top.append(b);
    }
    auto all = m_ctx.db.runFirst(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(b.minutes_used), 0),"
                                                " COALESCE(SUM(b.bundle_count), 0)") +
                                     current,
                                 {today, today});
    if (!all)
        return all.error();
    u.restCount = all->value(0).toInt() - int(u.top.size());
    u.restUsed = all->value(1).toLongLong() - topUsed;
    u.restIncluded = all->value(2).toLongLong() * BundleService::MinutesPerBundle - topIncluded;
    return u;
}

Result<QList<ChartData::ProfileChoice>> ChartData::profiles() const
{
    auto q = m_ctx.db.run(
        QStringLiteral("SELECT id, name, channels FROM profiles ORDER BY name_key, id"));
    if (!q)
        return q.error();
    QList<ProfileChoice> out;
    while (q->next())
        out.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toInt()});
    return out;
}

Result<ChartData::PeakCalls> ChartData::peakCalls(qint64 profileId, int days) const
{
    auto p = m_ctx.db.run(QStringLiteral("SELECT name, channels FROM profiles WHERE id = ?"),
                          {profileId});
    if (!p)
        return p.error();
    if (!p->next())
        return Error::notFound(tr("There is no SIP profile with id %1.").arg(profileId));
    PeakCalls out;
    out.profileId = profileId;
    out.profile = p->value(0).toString();
    out.channels = p->value(1).toInt();

    const int n = qMax(1, days);
    const QDate today = m_ctx.now().toTimeZone(m_zone).date();
    QList<qint64> bounds; // n + 1 day starts, in seconds since the epoch
    for (int i = n - 1; i >= -1; --i) {
        out.days.append(today.addDays(-i));
        bounds.append(startOf(today.addDays(-i)).toSecsSinceEpoch());
    }
    out.days.removeLast();
    out.peaks = QList<int>(n, 0);

    // Calls still going at the window's start began at most a day before it (see the header).
    const QDateTime from = QDateTime::fromSecsSinceEpoch(bounds.first() - 86400, QTimeZone::utc());
    const QDateTime to = QDateTime::fromSecsSinceEpoch(bounds.last(), QTimeZone::utc());
    auto q = m_ctx.db.run(QStringLiteral("SELECT started_at, duration FROM calls WHERE"
                                         " profile_id = ? AND started_at >= ? AND started_at < ?"),
                          {profileId, isoInstant(from), isoInstant(to)});
    if (!q)
        return q.error();
    // (time, +1 start / -1 end); at the same second an end comes first: a channel freed and
    // taken again at once is one channel.
    std::vector<std::pair<qint64, int>> events;
    while (q->next()) {
        const qint64 duration = q->value(1).toLongLong();
        if (duration <= 0)
            continue;
        const qint64 start = secondsOf(q->value(0).toString());
        events.emplace_back(start, 1);
        events.emplace_back(start + duration, -1);
    }
    std::sort(events.begin(), events.end());
    int current = 0;
    int day = -1; // bounds[day] <= t < bounds[day + 1]; -1 before the window
    for (const auto& [t, delta] : events) {
        if (t >= bounds.last())
            break;
        while (day + 1 < n && t >= bounds[day + 1]) {
            ++day;
            // Calls going over midnight count on the new day too.
            out.peaks[day] = qMax(out.peaks[day], current);
        }
        current += delta;
        if (day >= 0 && delta > 0)
            out.peaks[day] = qMax(out.peaks[day], current);
    }
    while (day + 1 < n) {
        ++day;
        out.peaks[day] = qMax(out.peaks[day], current);
    }
    return out;
}

Result<ChartData::BalanceHistory> ChartData::companyBalance(int days) const
{
    const int n = qMax(1, days);
    const QDate today = m_ctx.now().toTimeZone(m_zone).date();
    BalanceHistory out;
    QList<QString> ends; // the end of each day, as stored text (exclusive)
    for (int i = n - 1; i >= 0; --i) {
        out.days.append(today.addDays(-i));
        ends.append(isoInstant(startOf(today.addDays(-i + 1))));
    }
    const QDate firstUtc = startOf(out.days.first()).date();
    const QDate monthStart(firstUtc.year(), firstUtc.month(), 1);
    const qint64 company = Ledger::CompanyAccount;

    auto opening = m_ctx.db.run(
        QStringLiteral("SELECT closing_cents FROM balance_months WHERE account_id = ? AND"
                       " month < ? ORDER BY month DESC LIMIT 1"),
        {company, monthKey(monthStart)});
    if (!opening)
        return opening.error();
    Money balance;
    if (opening->next()) {
        balance = Money::fromCents(opening->value(0).toLongLong());
        out.moved = true;
    }
    // The company's money per UTC hour, kept by the ledger's summaries (company_hours):
    // allocations and auto-recharges to a hundred thousand members stay a few rows a day.
    std::map<QString, qint64> byHour; // "2026-11-27T09" → cents in − out
    {
        auto q = m_ctx.db.run(QStringLiteral("SELECT hour, net_cents FROM company_hours"
                                             " WHERE hour >= ? ORDER BY hour"),
                              {monthKey(monthStart)});
        if (!q)
            return q.error();
        while (q->next()) {
            byHour[q->value(0).toString()] += q->value(1).toLongLong();
            out.moved = true;
        }
    }
    int day = 0;
    for (const auto& [hour, cents] : byHour) {
        const QString at = hour + QStringLiteral(":00:00Z");
        while (day < n && at >= ends[day]) {
            out.closing.append(balance);
            ++day;
        }
        balance += Money::fromCents(cents);
    }
    while (day < n) {
        out.closing.append(balance);
        ++day;
    }
    return out;
}

} // namespace sb
