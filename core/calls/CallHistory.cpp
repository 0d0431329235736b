#include "core/calls/CallHistory.h"

#include "core/secrets/ProtectedFiles.h"

#include "core/base/Csv.h"
#include "core/base/OutputFile.h"
#include "core/base/SearchText.h"
#include "core/base/UserText.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/SearchIndex.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

const QString kFrom = QStringLiteral(" FROM calls c LEFT JOIN members m ON m.id = c.member_id"
                                     " LEFT JOIN profiles p ON p.id = c.profile_id");
const QString kSelect =
    QStringLiteral("SELECT c.id, c.started_at, m.account_name, p.name, c.source, c.destination,"
                   " c.destination_e164, c.prefix, c.billsec, c.billed_minutes, c.bundle_minutes,"
                   " c.cost_cents, c.charged_cents, c.status, c.member_id, c.profile_id,"
                   " c.payer_key");

QString sortColumn(CallQuery::Sort s)
{
    switch (s) {
    case CallQuery::Sort::Time:
        return QStringLiteral("c.started_at");
    case CallQuery::Sort::Payer:
        return QStringLiteral("c.payer_key");
    case CallQuery::Sort::Source:
        return QStringLiteral("c.source");
    case CallQuery::Sort::Destination:
        return QStringLiteral("c.destination_e164");
    case CallQuery::Sort::Duration:
        return QStringLiteral("c.billsec");
    case CallQuery::Sort::BilledMinutes:
        return QStringLiteral("c.billed_minutes");
    case CallQuery::Sort::BundleMinutes:
        return QStringLiteral("c.bundle_minutes");
    case CallQuery::Sort::Price:
        return QStringLiteral("c.cost_cents");
    case CallQuery::Sort::Status:
        return QStringLiteral("c.status");
    }
    return QStringLiteral("c.started_at");
}

// The admin's day boundary, in UTC.
QDateTime boundaryTime(const QDate& day, const QTimeZone& zone)
{
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    return QDateTime(day, QTime(0, 0), z).toUTC();
}

// The admin's day boundary as stored: ISO 8601 UTC, which orders as text.
QString boundary(const QDate& day, const QTimeZone& zone)
{
    return boundaryTime(day, zone).toString(Qt::ISODate);
}

const QString kTotalsOfCalls =
    QStringLiteral("SELECT ") + CallSummaries::SumsOfCalls + QStringLiteral(" FROM calls c");

// Adds the totals a query of kTotalsOfCalls' columns (or call_totals' sums) read.
Result<void> addTotals(const Database& db, const QString& sql, const QVariantList& binds,
                       CallTotals* t)
{
    auto q = db.runFirst(sql, binds);
    if (!q)
        return q.error();
    t->calls += q->value(0).toLongLong();
    t->billedMinutes += q->value(1).toLongLong();
    t->bundleMinutes += q->value(2).toLongLong();
    t->price += Money::fromCents(q->value(3).toLongLong());
    t->charged += Money::fromCents(q->value(4).toLongLong());
    return {};
}

// The start of the UTC month `t` is in.
QDateTime monthStart(const QDateTime& t)
{
    return QDateTime(QDate(t.date().year(), t.date().month(), 1), QTime(0, 0), Qt::UTC);
}

// The UTC month that starts at or after `t`.
QDateTime wholeMonthFrom(const QDateTime& t)
{
    const QDateTime start = monthStart(t);
    return start < t ? start.addMonths(1) : start;
}

// A query that only dates narrow: its count and totals come by month (totalsByMonth).
bool onlyDates(const CallQuery& q)
{
    return q.search.trimmed().isEmpty() && q.profile.trimmed().isEmpty() &&
           q.member.trimmed().isEmpty() && q.department.isEmpty();
}

CallEntry readEntry(const QSqlQuery& q, const CallHistory& history)
{
    CallEntry e;
    e.id = q.value(0).toLongLong();
    e.startedAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODate).toUTC();
    if (!q.value(14).isNull()) {
        e.payerKind = CallEntry::PayerKind::Member;
        e.payer = q.value(2).toString();
    } else if (!q.value(15).isNull()) {
        e.payerKind = CallEntry::PayerKind::Profile;
        e.payer = q.value(3).toString();
    }
    e.source = q.value(4).toString();
    e.destination = q.value(5).toString();
    e.e164 = q.value(6).toString();
    e.place = history.placeOf(e.e164, q.value(7).toString());
    e.billsec = q.value(8).toLongLong();
    e.billedMinutes = q.value(9).toLongLong();
    e.bundleMinutes = q.value(10).toLongLong();
    e.price = Money::fromCents(q.value(11).toLongLong());
    e.charged = Money::fromCents(q.value(12).toLongLong());
    e.status = q.value(13).toString();
    e.payerKey = q.value(16).toString();
    return e;
}

QStringList csvFields(const CallEntry& e)
{
    QString payerKind;
    if (e.payerKind == CallEntry::PayerKind::Member)
        payerKind = QStringLiteral("member");
    else if (e.payerKind == CallEntry::PayerKind::Profile)
        payerKind = QStringLiteral("profile");
    return {e.startedAt.toString(Qt::ISODate),
            payerKind,
            e.payer,
            e.source,
            e.destination,
            e.e164,
            e.place,
            QString::number(e.billsec),
            QString::number(e.billedMinutes),
            QString::number(e.bundleMinutes),
            e.price.toString(),
            e.charged.toString(),
            e.status};
}

// The calls whose search key (the dialled number's E.164 digits, the number as dialled, the
// source) matches the search as text, or, when it looks like a phone number, its digits:
// "+1 (212) 555" is found in "12125550100" and "+12125550100". See SearchIndex for searches
// shorter than three characters (the start of the E.164 digits).
QString searchNeedle(const QString& search)
{
    const QString digits = SearchText::phoneDigits(search);
    return digits.isEmpty() ? SearchText::fold(search) : digits;
}

} // namespace

CallHistory::CallHistory(const Context& ctx, const PriceList& prices) : m_ctx(ctx)
{
    for (const PriceList::Rate& r : prices.rates())
        m_rateNames.insert(r.prefix, r.name);
}

QString CallHistory::placeOf(const QString& e164, const QString& prefix) const
{
    // +1 NPA NXX XXXX: the area code names a place where the catalogue sells numbers.
    if (e164.size() == 12 && e164.startsWith(QLatin1String("+1"))) {
        const QString area = e164.mid(2, 3);
        for (const char* code : {"US", "CA"}) {
            if (const auto* c = NumberCatalogue::builtIn().country(QLatin1String(code))) {
                if (const auto* a = c->area(area))
                    return a->place;
            }
        }
    }
    return m_rateNames.value(prefix);
}

Result<CallHistory::Filter> CallHistory::filter(const CallQuery& q, SearchIndex::Use use) const
{
    if (auto tooLong = UserText::checkSearch(q.search); !tooLong)
        return tooLong.error();
    Filter f;
    QStringList parts;
    // The services' own lookups: the same keys and the same "there is no …" refusals.
    if (!q.profile.trimmed().isEmpty()) {
        auto p = ProfileService(m_ctx).find(q.profile.trimmed());
        if (!p)
            return p.error();
        parts << QStringLiteral("c.profile_id = ?");
        f.binds << p->id;
    }
    if (!q.member.trimmed().isEmpty()) {
        auto m = MemberService(m_ctx).find(q.member.trimmed());
        if (!m)
            return m.error();
        parts << QStringLiteral("c.member_id = ?");
        f.binds << m->id;
    }
    if (!q.department.isEmpty()) {
        parts << QStringLiteral(
            "(c.member_id IN (SELECT id FROM members WHERE department = ?)"
            " OR c.profile_id IN (SELECT id FROM profiles WHERE department = ?))");
        f.binds << q.department << q.department;
    }
    if (q.from.isValid()) {
        parts << QStringLiteral("c.started_at >= ?");
        f.binds << boundary(q.from, q.zone);
    }
    if (q.to.isValid()) {
        parts << QStringLiteral("c.started_at < ?");
        f.binds << boundary(q.to.addDays(1), q.zone);
    }
    const QString search = q.search.trimmed();
    if (!search.isEmpty())
        parts << SearchIndex::predicate(m_ctx.db, QStringLiteral("calls"), QStringLiteral("c"),
                                        {searchNeedle(search)}, &f.binds, use, &f.read);
    if (!parts.isEmpty())
        f.where = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return f;
}

Result<QList<CallEntry>> CallHistory::page(const CallQuery& query) const
{
    // The time index carries the search key (schema 21); the key begins with the dialled
    // number's digits.
    const SearchIndex::Use use =
        query.sort == CallQuery::Sort::Time          ? SearchIndex::Use::PageKeyedOrder
        : query.sort == CallQuery::Sort::Destination ? SearchIndex::Use::PageInKeyOrder
                                                     : SearchIndex::Use::Page;
    auto f = filter(query, use);
    if (!f)
        return f.error();
    const QString key = sortColumn(query.sort);
    const QString id = QStringLiteral("c.id");
    return Keyset::page<CallEntry>(
        m_ctx.db, kSelect + kFrom, f->where, f->binds, key, id, query.ascending, query.after,
        qMax(0, query.limit), [this](const QSqlQuery& q) { return readEntry(q, *this); },
        QStringLiteral("calls c"), f->read);
}

SeekKey CallHistory::seekKey(const CallEntry& e, CallQuery::Sort sort)
{
    switch (sort) {
    case CallQuery::Sort::Time:
        return SeekKey::past(e.startedAt.toUTC().toString(Qt::ISODate), e.id);
    case CallQuery::Sort::Payer:
        // The stored key the rows are ordered by, whatever became of the payer since.
        return SeekKey::past(e.payerKey, e.id);
    case CallQuery::Sort::Source:
        return SeekKey::past(e.source, e.id);
    case CallQuery::Sort::Destination:
        return SeekKey::past(e.e164, e.id);
    case CallQuery::Sort::Duration:
        return SeekKey::past(e.billsec, e.id);
    case CallQuery::Sort::BilledMinutes:
        return SeekKey::past(e.billedMinutes, e.id);
    case CallQuery::Sort::BundleMinutes:
        return SeekKey::past(e.bundleMinutes, e.id);
    case CallQuery::Sort::Price:
        return SeekKey::past(e.price.cents(), e.id);
    case CallQuery::Sort::Status:
        return SeekKey::past(e.status, e.id);
    }
    return SeekKey::past(e.startedAt.toUTC().toString(Qt::ISODate), e.id);
}

Result<qint64> CallHistory::count(const CallQuery& query) const
{
    if (onlyDates(query)) {
        auto t = totalsByMonth(query.from, query.to, query.zone);
        if (!t)
            return t.error();
        return t->calls;
    }
    auto f = filter(query);
    if (!f)
        return f.error();
    // The joins only matter to the department filter's subqueries, which do not use them.
    auto q = m_ctx.db.runFirst(QStringLiteral("SELECT COUNT(*) FROM calls c") + f->where, f->binds);
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<std::optional<CallTotals>> CallHistory::searchTotals(const CallQuery& query) const
{
    if (auto tooLong = UserText::checkSearch(query.search); !tooLong)
        return tooLong.error();
    const QString search = query.search.trimmed();
    if (!search.isEmpty()) {
        qint64 matching = 0;
        if (query.profile.isEmpty() && query.member.isEmpty() && query.department.isEmpty() &&
            !query.from.isValid() && !query.to.isValid()) {
            // The search alone: counted in its index, without reading the calls.
            auto n = SearchIndex::countUpTo(m_ctx.db, QStringLiteral("calls"),
                                            {searchNeedle(search)}, SearchTotalsLimit);
            if (!n)
                return n.error();
            matching = *n;
        } else {
            auto f = filter(query);
            if (!f)
                return f.error();
            QVariantList binds = f->binds;
            binds << SearchTotalsLimit + 1;
            auto q =
                m_ctx.db.runFirst(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM calls c") +
                                      f->where + QStringLiteral(" LIMIT ?) s"),
                                  binds);
            if (!q)
                return q.error();
            matching = q->value(0).toLongLong();
        }
        if (matching > SearchTotalsLimit)
            return std::optional<CallTotals>();
    }
    auto t = totals(query);
    if (!t)
        return t.error();
    return std::optional<CallTotals>(*t);
}

Result<CallTotals> CallHistory::totals(const CallQuery& query) const
{
    if (onlyDates(query))
        return totalsByMonth(query.from, query.to, query.zone);
    auto f = filter(query);
    if (!f)
        return f.error();
    CallTotals t;
    if (auto a = addTotals(m_ctx.db, kTotalsOfCalls + f->where, f->binds, &t); !a)
        return a.error();
    return t;
}

Result<CallTotals> CallHistory::totalsByMonth(const QDate& fromDay, const QDate& toDay,
                                              const QTimeZone& zone) const
{
    // [from, to) in UTC; an invalid end is open.
    const QDateTime from = fromDay.isValid() ? boundaryTime(fromDay, zone) : QDateTime();
    const QDateTime to = toDay.isValid() ? boundaryTime(toDay.addDays(1), zone) : QDateTime();
    // The whole UTC months inside come from call_totals; the days of a month the range cuts
    // (in the admin's time zone they rarely fall on a UTC month) from the calls, by index.
    const QDateTime firstWhole = from.isValid() ? wholeMonthFrom(from) : QDateTime();
    const QDateTime endWhole = to.isValid() ? monthStart(to) : QDateTime();
    const Database& db = m_ctx.db;
    const QString inRange = QStringLiteral(" WHERE c.started_at >= ? AND c.started_at < ?");
    const auto iso = [](const QDateTime& t) { return t.toString(Qt::ISODate); };
    CallTotals t;
    if (from.isValid() && to.isValid() && firstWhole >= endWhole) {
        if (auto a = addTotals(db, kTotalsOfCalls + inRange, {iso(from), iso(to)}, &t); !a)
            return a.error();
        return t;
    }
    QStringList months;
    QVariantList binds;
    if (firstWhole.isValid()) {
        months << QStringLiteral("month >= ?");
        binds << firstWhole.toString(QStringLiteral("yyyy-MM"));
    }
    if (endWhole.isValid()) {
        months << QStringLiteral("month < ?");
        binds << endWhole.toString(QStringLiteral("yyyy-MM"));
    }
    if (auto a = addTotals(db,
                           QStringLiteral("SELECT CAST(COALESCE(SUM(calls), 0) AS BIGINT),"
                                          " CAST(COALESCE(SUM(billed_minutes), 0) AS BIGINT),"
                                          " CAST(COALESCE(SUM(bundle_minutes), 0) AS BIGINT),"
                                          " CAST(COALESCE(SUM(cost_cents), 0) AS BIGINT),"
                                          " CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT)"
                                          " FROM call_totals") +
                               (months.isEmpty() ? QString()
                                                 : QStringLiteral(" WHERE ") +
                                                       months.join(QStringLiteral(" AND "))),
                           binds, &t);
        !a)
        return a.error();
    if (from.isValid() && from < firstWhole) {
        if (auto a = addTotals(db, kTotalsOfCalls + inRange, {iso(from), iso(firstWhole)}, &t); !a)
            return a.error();
    }
    if (to.isValid() && endWhole < to) {
        if (auto a = addTotals(db, kTotalsOfCalls + inRange, {iso(endWhole), iso(to)}, &t); !a)
            return a.error();
    }
    return t;
}

QStringList CallHistory::csvHeader()
{
    return {QStringLiteral("time"),          QStringLiteral("payerKind"),
            QStringLiteral("payer"),         QStringLiteral("source"),
            QStringLiteral("destination"),   QStringLiteral("e164"),
            QStringLiteral("place"),         QStringLiteral("billsec"),
            QStringLiteral("billedMinutes"), QStringLiteral("bundleMinutes"),
            QStringLiteral("price"),         QStringLiteral("charged"),
            QStringLiteral("status")};
}

Result<qint64> CallHistory::exportCsv(const CallQuery& query, QIODevice* out,
                                      const Progress& progress) const
{
    qint64 total = 0;
    if (progress) {
        auto n = count(query);
        if (!n)
            return n.error();
        total = *n;
    }
    auto f = filter(query);
    if (!f)
        return f.error();
    // Forward only: SQLite steps through the rows, QPSQL fetches them one at a time instead
    // of holding the whole result. No other query runs on this connection meanwhile.
    QSqlQuery q(m_ctx.db.sql());
    q.setForwardOnly(true);
    if (!q.prepare(
            kSelect + kFrom + f->where +
            Keyset::orderBy(sortColumn(query.sort), QStringLiteral("c.id"), query.ascending)))
        return Error::storage(tr("Cannot read the calls: %1").arg(q.lastError().text()));
    for (const QVariant& b : std::as_const(f->binds))
        q.addBindValue(b);
    if (!q.exec())
        return Error::storage(tr("Cannot read the calls: %1").arg(q.lastError().text()));
    if (out->write(Csv::record(csvHeader()).toUtf8()) < 0)
        return Error::invalid(tr("Cannot write the calls: %1").arg(out->errorString()));
    constexpr qint64 kProgressEvery = 2000;
    qint64 written = 0;
    while (q.next()) {
        if (out->write(Csv::record(csvFields(readEntry(q, *this))).toUtf8()) < 0)
            return Error::invalid(tr("Cannot write the calls: %1").arg(out->errorString()));
        if (++written % kProgressEvery == 0 && progress && !progress(written, total))
            return Error::refused(tr("The export was cancelled; no file was written."));
    }
    if (q.lastError().isValid())
        return Error::storage(tr("Cannot read the calls: %1").arg(q.lastError().text()));
    if (progress && !progress(written, qMax(total, written)))
        return Error::refused(tr("The export was cancelled; no file was written."));
    return written;
}

Result<qint64> CallHistory::exportCsvFile(const CallQuery& query, const QString& path,
                                          const Progress& progress) const
{
    if (auto guard = ProtectedFiles::checkOutput(m_ctx.db, path); !guard)
        return guard.error();
    OutputFile file(path);
    if (auto o = file.open(); !o)
        return o.error();
    auto written = exportCsv(query, file.device(), progress);
    if (!written) {
        file.cancel();
        return written.error();
    }
    if (auto c = file.commit(); !c)
        return c.error();
    return written;
}

Result<QStringList> CallHistory::departments() const
{
    auto q =
        m_ctx.db.run(QStringLiteral("SELECT department FROM members WHERE department <> ''"
                                    " UNION SELECT department FROM profiles WHERE department <> ''"
                                    " ORDER BY 1"));
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<QStringList> CallHistory::profileNames() const
{
    auto q = m_ctx.db.run(QStringLiteral("SELECT name FROM profiles ORDER BY name_key"));
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

} // namespace sb
