#include "core/storage/CallSummaries.h"

#include "core/base/PhoneNumbers.h"
#include "core/base/UtcFields.h"
#include "core/storage/MultiRowStatement.h"
#include "core/storage/Statement.h"

#include <QSqlQuery>

#include <algorithm>

namespace sb {

namespace {

constexpr size_t kMaxHeld = 20000;

// Months as an index (year × 12 + month − 1) and back to "2026-11".
qint64 monthIndex(qint64 secs)
{
    const UtcFields f = UtcFields::fromSecsSinceEpoch(secs);
    return qint64(f.year) * 12 + (f.month - 1);
}

QString monthText(qint64 index)
{
    return QStringLiteral("%1-%2")
        .arg(index / 12, 4, 10, QLatin1Char('0'))
        .arg(index % 12 + 1, 2, 10, QLatin1Char('0'));
}

QString hourText(qint64 hourIndex)
{
    const UtcFields f = UtcFields::fromSecsSinceEpoch(hourIndex * 3600);
    char16_t out[19];
    f.write(out, u'T');
    return QString(reinterpret_cast<const QChar*>(out), 13); // "2026-11-27T09"
}

} // namespace

bool CallSummaries::isUnitedStates(const QString& e164)
{
    if (!e164.startsWith(QLatin1String("+1")) || e164.size() < 5)
        return false;
    // NANP numbers belong to a region by their area code: one lookup per area code.
    const QString area = e164.left(5);
    auto it = m_usByArea.constFind(area);
    if (it != m_usByArea.cend())
        return *it;
    const bool us = PhoneNumbers::isUnitedStates(e164);
    m_usByArea.insert(area, us);
    return us;
}

void CallSummaries::add(const Call& call)
{
    const qint64 month = monthIndex(call.startSecs);
    if (m_tables == Tables::All) {
        Totals& t = m_totals[month];
        ++t.calls;
        t.billedMinutes += call.billedMinutes;
        t.bundleMinutes += call.bundleMinutes;
        t.costCents += call.costCents;
        t.chargedCents += call.chargedCents;
    }
    Month& m = m_months[{call.accountId, month}];
    ++m.calls;
    m.billedMinutes += call.billedMinutes;
    m.bundleMinutes += call.bundleMinutes;
    m.chargedCents += call.chargedCents;
    if (call.billedMinutes > 0 && isUnitedStates(call.e164))
        m.usMinutes += call.billedMinutes;
    if (call.profileId == 0 || call.durationSecs <= 0)
        return;
    // A channel is busy for the whole call, ringing included; split over the hours it spans.
    const qint64 end = call.startSecs + call.durationSecs;
    for (qint64 t = call.startSecs; t < end;) {
        const qint64 hour = t >= 0 ? t / 3600 : (t - 3599) / 3600;
        const qint64 next = std::min(end, (hour + 1) * 3600);
        m_hours[{call.profileId, hour}] += next - t;
        t = next;
    }
}

bool CallSummaries::full() const
{
    return m_months.size() + m_hours.size() + m_totals.size() >= kMaxHeld;
}

Result<void> CallSummaries::flush()
{
    // Many rows per statement: a million calls touch some hundred thousand months of
    // accounts and hours of profiles.
    constexpr int kRows = 64;
    if (!m_totals.empty()) {
        MultiRowStatement upsert(
            m_db,
            QStringLiteral("INSERT INTO call_totals (month, calls, billed_minutes,"
                           " bundle_minutes, cost_cents, charged_cents) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, ?)"),
            QStringLiteral(" ON CONFLICT (month) DO UPDATE SET"
                           " calls = call_totals.calls + excluded.calls,"
                           " billed_minutes = call_totals.billed_minutes + excluded.billed_minutes,"
                           " bundle_minutes = call_totals.bundle_minutes + excluded.bundle_minutes,"
                           " cost_cents = call_totals.cost_cents + excluded.cost_cents,"
                           " charged_cents = call_totals.charged_cents + excluded.charged_cents"),
            kRows);
        for (const auto& [month, t] : m_totals) {
            upsert.add(monthText(month))
                .add(t.calls)
                .add(t.billedMinutes)
                .add(t.bundleMinutes)
                .add(t.costCents)
                .add(t.chargedCents);
            if (auto u = upsert.endRow(); !u)
                return u;
        }
        if (auto u = upsert.flush(); !u)
            return u;
        m_totals.clear();
    }
    if (!m_months.empty()) {
        MultiRowStatement upsert(
            m_db,
            QStringLiteral("INSERT INTO call_months (month, account_id, calls, billed_minutes,"
                           " us_minutes, bundle_minutes, charged_cents) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, ?, ?)"),
            QStringLiteral(" ON CONFLICT (month, account_id) DO UPDATE SET"
                           " calls = call_months.calls + excluded.calls,"
                           " billed_minutes = call_months.billed_minutes + excluded.billed_minutes,"
                           " us_minutes = call_months.us_minutes + excluded.us_minutes,"
                           " bundle_minutes = call_months.bundle_minutes + excluded.bundle_minutes,"
                           " charged_cents = call_months.charged_cents + excluded.charged_cents"),
            kRows);
        for (const auto& [key, m] : m_months) {
            upsert.add(monthText(key.second))
                .add(key.first)
                .add(m.calls)
                .add(m.billedMinutes)
                .add(m.usMinutes)
                .add(m.bundleMinutes)
                .add(m.chargedCents);
            if (auto u = upsert.endRow(); !u)
                return u;
        }
        if (auto u = upsert.flush(); !u)
            return u;
        m_months.clear();
    }
    if (!m_hours.empty()) {
        MultiRowStatement upsert(
            m_db, QStringLiteral("INSERT INTO call_hours (profile_id, hour, seconds) VALUES "),
            QStringLiteral("(?, ?, ?)"),
            QStringLiteral(" ON CONFLICT (profile_id, hour) DO UPDATE SET seconds ="
                           " call_hours.seconds + excluded.seconds"),
            kRows);
        for (const auto& [key, seconds] : m_hours) {
            upsert.add(key.first).add(hourText(key.second)).add(seconds);
            if (auto u = upsert.endRow(); !u)
                return u;
        }
        if (auto u = upsert.flush(); !u)
            return u;
        // The profile's busiest hour: replaced when an hour just written is busier.
        Statement peak(m_db, QStringLiteral("INSERT INTO profile_peaks (profile_id, hour, seconds)"
                                            " SELECT profile_id, hour, seconds FROM call_hours"
                                            " WHERE profile_id = ? AND hour = ?"
                                            " ON CONFLICT (profile_id) DO UPDATE SET"
                                            " hour = excluded.hour, seconds = excluded.seconds"
                                            " WHERE excluded.seconds > profile_peaks.seconds"));
        for (const auto& [key, seconds] : m_hours) {
            peak.add(key.first).add(hourText(key.second));
            if (auto p = peak.exec(); !p)
                return p;
        }
        m_hours.clear();
    }
    return {};
}

Result<void> CallSummaries::rebuild(const Database& db)
{
    auto q = db.run(QStringLiteral(
        "SELECT COALESCE(p.account_id, m.account_id), COALESCE(c.profile_id, 0), c.started_at,"
        " c.duration, c.billed_minutes, c.bundle_minutes, c.charged_cents, c.destination_e164"
        " FROM calls c LEFT JOIN profiles p ON p.id = c.profile_id"
        " LEFT JOIN members m ON m.id = c.member_id"));
    if (!q)
        return q.error();
    CallSummaries summaries(db, Tables::OfAccounts);
    while (q->next()) {
        const QDateTime start = QDateTime::fromString(q->value(2).toString(), Qt::ISODate);
        if (!start.isValid() || q->value(0).isNull())
            continue;
        Call c;
        c.accountId = q->value(0).toLongLong();
        c.profileId = q->value(1).toLongLong();
        c.startSecs = start.toSecsSinceEpoch();
        c.durationSecs = q->value(3).toLongLong();
        c.billedMinutes = q->value(4).toLongLong();
        c.bundleMinutes = q->value(5).toLongLong();
        c.chargedCents = q->value(6).toLongLong();
        c.e164 = q->value(7).toString();
        summaries.add(c);
        if (summaries.full()) {
            if (auto f = summaries.flush(); !f)
                return f;
        }
    }
    return summaries.flush();
}

namespace {

// Each month's totals of calls, as call_totals holds them (a WHERE and the GROUP BY follow).
const QString kMonthTotals = QStringLiteral("SELECT substr(started_at, 1, 7), ") +
                             CallSummaries::SumsOfCalls + QStringLiteral(" FROM calls");

} // namespace

Result<void> CallSummaries::rebuildTotals(const Database& db)
{
    if (auto d = db.run(QStringLiteral("DELETE FROM call_totals")); !d)
        return d.error();
    if (auto i = db.run(QStringLiteral("INSERT INTO call_totals (month, calls, billed_minutes,"
                                       " bundle_minutes, cost_cents, charged_cents) ") +
                        kMonthTotals + QStringLiteral(" GROUP BY substr(started_at, 1, 7)"));
        !i)
        return i.error();
    return {};
}

Result<void> CallSummaries::forgetProfileCalls(const Database& db, qint64 profileId)
{
    auto q = db.run(kMonthTotals +
                        QStringLiteral(" WHERE profile_id = ? GROUP BY substr(started_at, 1, 7)"),
                    {profileId});
    if (!q)
        return q.error();
    QList<QVariantList> months;
    while (q->next())
        months.append(
            {q->value(1), q->value(2), q->value(3), q->value(4), q->value(5), q->value(0)});
    q->finish();
    Statement less(db, QStringLiteral("UPDATE call_totals SET calls = calls - ?,"
                                      " billed_minutes = billed_minutes - ?,"
                                      " bundle_minutes = bundle_minutes - ?,"
                                      " cost_cents = cost_cents - ?,"
                                      " charged_cents = charged_cents - ? WHERE month = ?"));
    for (const QVariantList& m : std::as_const(months)) {
        for (const QVariant& v : m)
            less.add(v);
        if (auto u = less.exec(); !u)
            return u;
    }
    return {};
}

} // namespace sb
