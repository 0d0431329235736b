// Keyset paging (issue 11): paging through members, numbers, calls and the activity log in
// every sort order, both directions, returns every row exactly once in the order of one
// unpaged read — with many equal sort values (ties go by id) and empty values — and, while
// rows are added and removed between pages, every row that existed throughout exactly once
// and no row twice.

#include "core/books/ActivityEvent.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/calls/CallHistory.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"
#include "tests/support/CoreTest.h"

#include <QRandomGenerator>
#include <QSet>

#include <functional>

using namespace sb;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// Reads a table page by page: `read(last, limit)` is one page after `last` (nullptr: the
// first). `between(page)` runs after each page. Returns the ids in the order read.
template<typename Row>
QList<qint64> pageThrough(const std::function<Result<QList<Row>>(const Row*, int)>& read, int limit,
                          const std::function<void(int)>& between = {})
{
    QList<qint64> ids;
    std::optional<Row> last;
    for (int page = 0; page < 100000; ++page) {
        auto rows = read(last ? &*last : nullptr, limit);
        if (!rows) {
            QTest::qFail(qPrintable(rows.error().message), __FILE__, __LINE__);
            return {};
        }
        for (const Row& r : std::as_const(*rows))
            ids << r.id;
        if (rows->size() < limit)
            break;
        last = rows->last();
        if (between)
            between(page);
    }
    return ids;
}

QString duplicates(const QList<qint64>& ids)
{
    QSet<qint64> seen;
    QStringList twice;
    for (qint64 id : ids) {
        if (seen.contains(id))
            twice << QString::number(id);
        seen.insert(id);
    }
    return twice.join(QLatin1Char(','));
}

// Every id of `throughout` once, no id twice, nothing from outside `allowed`.
void checkOnce(const QList<qint64>& read, const QSet<qint64>& throughout,
               const QSet<qint64>& allowed, const QString& what)
{
    const QString twice = duplicates(read);
    QVERIFY2(twice.isEmpty(), qPrintable(what + QStringLiteral(": read twice: ") + twice));
    const QSet<qint64> got(read.cbegin(), read.cend());
    for (qint64 id : throughout)
        QVERIFY2(got.contains(id),
                 qPrintable(what + QStringLiteral(": missed ") + QString::number(id)));
    for (qint64 id : got)
        QVERIFY2(allowed.contains(id),
                 qPrintable(what + QStringLiteral(": unknown ") + QString::number(id)));
}

const QStringList kNames = {s("Anna Berg"), s("anna berg"), s("Øystein Ås"), s("Zoë"),
                            s("Łukasz"),    s("Anna Berg"), s("Bob")};
const QStringList kDepartments = {QString(), s("Sales"), s("Support"), QString(), s("sales")};

int g_next = 0;

Result<Member> addMember(const Context& ctx, QRandomGenerator& rng)
{
    const int n = g_next++;
    NewMember m;
    m.account = QStringLiteral("member.%1").arg(n, 4, 10, QLatin1Char('0'));
    m.name = kNames.at(rng.bounded(int(kNames.size())));
    m.email = rng.bounded(3) == 0 ? QString() : QStringLiteral("m%1@example.com").arg(n % 5);
    m.department = kDepartments.at(rng.bounded(int(kDepartments.size())));
    return MemberService(ctx).add(m);
}

} // namespace

class TestKeysetPaging : public QObject
{
    Q_OBJECT

private slots:
    void members_data() { sbt::addEngineRows(); }
    void members();
    void numbers_data() { sbt::addEngineRows(); }
    void numbers();
    void holderKeyFollowsTheHolder_data() { sbt::addEngineRows(); }
    void holderKeyFollowsTheHolder();
    void calls_data() { sbt::addEngineRows(); }
    void calls();
    void activity_data() { sbt::addEngineRows(); }
    void activity();
};

void TestKeysetPaging::members()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QRandomGenerator rng(11);
    const Context& ctx = *e.ctx;
    QStringList accounts;
    for (int i = 0; i < 40; ++i) {
        auto m = addMember(ctx, rng);
        SB_VERIFY_OK(m);
        accounts << m->account;
    }
    // A few balances apart from the many zero ones, and a second status.
    SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(100000), s("keyset")));
    SB_VERIFY_OK(CreditService(ctx).allocate(Money::fromCents(500), accounts.mid(0, 5)));
    SB_VERIFY_OK(CreditService(ctx).allocate(Money::fromCents(700), accounts.mid(3, 4)));
    QVERIFY(e.db().run(s("UPDATE members SET status = 'linked' WHERE id % 3 = 0")));

    const MemberService service(ctx);
    using Sort = MemberQuery::Sort;
    for (Sort sort :
         {Sort::Account, Sort::Name, Sort::Email, Sort::Department, Sort::Balance, Sort::Status}) {
        for (bool ascending : {true, false}) {
            const QString what = QStringLiteral("sort %1 %2").arg(int(sort)).arg(ascending);
            MemberQuery q;
            q.sort = sort;
            q.ascending = ascending;
            const std::function<Result<QList<Member>>(const Member*, int)> read =
                [&](const Member* last, int limit) {
                    MemberQuery p = q;
                    p.limit = limit;
                    if (last)
                        p.after = MemberService::seekKey(*last, sort);
                    return service.page(p);
                };
            const QList<qint64> all = pageThrough(read, 100000);
            QCOMPARE(all.size(), qsizetype(*service.count()));
            for (int limit : {1, 3, 7}) {
                QCOMPARE(pageThrough(read, limit), all);
                // The search filters too: the pages of a search in this order, a substring
                // and a prefix (which PostgreSQL reads as every match, then sorted).
                for (const QString& search : {s("anna"), s("me")}) {
                    q.search = search;
                    const QList<qint64> found = pageThrough(read, 100000);
                    QVERIFY(!found.isEmpty());
                    QCOMPARE(pageThrough(read, limit), found);
                }
                q.search.clear();
            }

            // Members come and go between pages.
            const QSet<qint64> before(all.cbegin(), all.cend());
            QSet<qint64> removed, added;
            QList<qint64> alive = all;
            const QList<qint64> read2 = pageThrough(read, 4, [&](int) {
                for (int i = 0; i < 2; ++i) {
                    auto m = addMember(ctx, rng);
                    QVERIFY(m.ok());
                    added.insert(m->id);
                    alive << m->id;
                }
                const qint64 gone = alive.takeAt(rng.bounded(int(alive.size())));
                removed.insert(gone);
                QVERIFY(e.db().run(s("DELETE FROM members WHERE id = ?"), {gone}));
            });
            checkOnce(read2, before - removed, before + added, what);
        }
    }
}

void TestKeysetPaging::numbers()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QRandomGenerator rng(13);
    const Context& ctx = *e.ctx;
    QList<qint64> memberIds;
    for (int i = 0; i < 8; ++i) {
        auto m = addMember(ctx, rng);
        SB_VERIFY_OK(m);
        memberIds << m->id;
    }
    int serial = 0;
    const auto addNumber = [&]() -> qint64 {
        const int n = serial++;
        const QString country = n % 3 == 0 ? s("NO") : s("US");
        const QVariant member = rng.bounded(3) == 0
                                    ? QVariant(QMetaType::fromType<qlonglong>())
                                    : QVariant(memberIds.at(rng.bounded(int(memberIds.size()))));
        const QString expires = QDate(2026, 4, 1 + rng.bounded(4)).toString(Qt::ISODate);
        auto q = e.db().run(
            s("INSERT INTO numbers (e164, country, area, member_id, months, price_cents, anchor,"
              " expires, status, bought_at) VALUES (?, ?, '212', ?, 1, 100, '2026-03-01', ?, ?,"
              " '2026-03-01T00:00:00Z')"),
            {QStringLiteral("+1212555%1").arg(n, 4, 10, QLatin1Char('0')), country, member, expires,
             n % 4 == 0 ? s("released") : s("active")});
        if (!q)
            return 0;
        auto id = e.db().runFirst(s("SELECT MAX(id) FROM numbers"));
        if (!id)
            return 0;
        const qint64 added = id->value(0).toLongLong();
        id->finish();
        // Written by SQL: its search key as the services write it.
        if (!SearchIndex::refreshNumbers(e.db(), s("n.id = ?"), {added}))
            return 0;
        return added;
    };
    for (int i = 0; i < 40; ++i)
        QVERIFY(addNumber() > 0);

    const NumberService service(ctx);
    using Sort = NumberQuery::Sort;
    for (Sort sort : {Sort::Number, Sort::Country, Sort::Holder, Sort::Expires, Sort::Status}) {
        for (bool ascending : {true, false}) {
            const QString what = QStringLiteral("sort %1 %2").arg(int(sort)).arg(ascending);
            NumberQuery q;
            q.sort = sort;
            q.ascending = ascending;
            const std::function<Result<QList<NumberRecord>>(const NumberRecord*, int)> read =
                [&](const NumberRecord* last, int limit) {
                    NumberQuery p = q;
                    p.limit = limit;
                    if (last)
                        p.after = NumberService::seekKey(*last, sort);
                    return service.page(p);
                };
            const QList<qint64> all = pageThrough(read, 100000);
            QCOMPARE(all.size(), qsizetype(*service.count(q)));
            for (int limit : {1, 3, 7}) {
                QCOMPARE(pageThrough(read, limit), all);
                // A search by the numbers' first digits, in this order too.
                q.search = s("12");
                const QList<qint64> found = pageThrough(read, 100000);
                QCOMPARE(found.size(), qsizetype(*service.count(q)));
                QVERIFY(!found.isEmpty());
                QCOMPARE(pageThrough(read, limit), found);
                q.search.clear();
            }

            const QSet<qint64> before(all.cbegin(), all.cend());
            QSet<qint64> removed, added;
            QList<qint64> alive = all;
            const QList<qint64> read2 = pageThrough(read, 4, [&](int) {
                const qint64 id = addNumber();
                QVERIFY(id > 0);
                added.insert(id);
                alive << id;
                const qint64 gone = alive.takeAt(rng.bounded(int(alive.size())));
                removed.insert(gone);
                QVERIFY(e.db().run(s("DELETE FROM numbers WHERE id = ?"), {gone}));
            });
            checkOnce(read2, before - removed, before + added, what);
        }
    }
}

void TestKeysetPaging::holderKeyFollowsTheHolder()
{
    // The holder sort reads numbers.holder_key, which triggers keep: on insert, on a new
    // holder and on a profile's new name.
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QRandomGenerator rng(23);
    const Context& ctx = *e.ctx;
    auto member = addMember(ctx, rng);
    SB_VERIFY_OK(member);
    SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(100000), s("keyset")));
    NewSipProfile p;
    p.name = s("Desk");
    p.auth = SipProfile::Auth::Ip;
    p.ip = s("8.8.4.4");
    auto profile = ProfileService(ctx).create(p);
    SB_VERIFY_OK(profile);
    QVERIFY(e.db().run(
        s("INSERT INTO numbers (e164, country, area, member_id, months, price_cents, anchor,"
          " expires, bought_at) VALUES ('+12125550001', 'US', '212', ?, 1, 100, '2026-03-01',"
          " '2026-04-01', '2026-03-01T00:00:00Z')"),
        {member->id}));
    const auto key = [&] {
        return sbt::scalar(e.db(), s("SELECT holder_key FROM numbers WHERE e164 = '+12125550001'"))
            .toString();
    };
    QCOMPARE(key(), accountKey(member->account));
    SB_VERIFY_OK(NumberService(ctx).assign(s("+12125550001"), NumberHolder::profile(s("Desk"))));
    QCOMPARE(key(), s("desk"));
    SB_VERIFY_OK(ProfileService(ctx).rename(s("Desk"), s("Front Desk")));
    QCOMPARE(key(), s("front desk"));
    NumberQuery q;
    q.sort = NumberQuery::Sort::Holder;
    auto page = NumberService(ctx).page(q);
    SB_VERIFY_OK(page);
    QCOMPARE(page->size(), 1);
    QCOMPARE(NumberService::seekKey(page->first(), q.sort).value.toString(), key());
}

void TestKeysetPaging::calls()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QRandomGenerator rng(17);
    const Context& ctx = *e.ctx;
    QList<qint64> memberIds;
    for (int i = 0; i < 6; ++i) {
        auto m = addMember(ctx, rng);
        SB_VERIFY_OK(m);
        memberIds << m->id;
    }
    int serial = 0;
    const QStringList statuses = {s("charged"), s("unanswered"), s("internal"), s("invalid")};
    const auto addCall = [&]() -> qint64 {
        const int n = serial++;
        const QVariant member = rng.bounded(4) == 0
                                    ? QVariant(QMetaType::fromType<qlonglong>())
                                    : QVariant(memberIds.at(rng.bounded(int(memberIds.size()))));
        const QString started =
            sbt::utc(2026, 3, 1 + rng.bounded(3), rng.bounded(2)).toString(Qt::ISODate);
        const int billsec = rng.bounded(3) * 60;
        auto q = e.db().run(
            s("INSERT INTO calls (member_id, started_at, source, destination, destination_e164,"
              " billsec, billed_minutes, bundle_minutes, cost_cents, status, unique_id)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {member, started, rng.bounded(2) ? s("1001") : QString(QLatin1String("")),
             s("2125550100"), rng.bounded(2) ? s("+12125550100") : QString(QLatin1String("")),
             billsec, billsec / 60, rng.bounded(2), rng.bounded(3) * 5,
             statuses.at(rng.bounded(int(statuses.size()))), QStringLiteral("u%1").arg(n)});
        // Written behind the importer's back: the monthly totals count() reads follow.
        if (!q || !CallSummaries::rebuildTotals(e.db()))
            return 0;
        auto id = e.db().runFirst(s("SELECT MAX(id) FROM calls"));
        return id ? id->value(0).toLongLong() : 0;
    };
    for (int i = 0; i < 40; ++i)
        QVERIFY(addCall() > 0);

    const CallHistory history(ctx);
    using Sort = CallQuery::Sort;
    for (Sort sort : {Sort::Time, Sort::Payer, Sort::Source, Sort::Destination, Sort::Duration,
                      Sort::BilledMinutes, Sort::BundleMinutes, Sort::Price, Sort::Status}) {
        for (bool ascending : {true, false}) {
            const QString what = QStringLiteral("sort %1 %2").arg(int(sort)).arg(ascending);
            CallQuery q;
            q.sort = sort;
            q.ascending = ascending;
            q.zone = QTimeZone::utc();
            const std::function<Result<QList<CallEntry>>(const CallEntry*, int)> read =
                [&](const CallEntry* last, int limit) {
                    CallQuery p = q;
                    p.limit = limit;
                    if (last)
                        p.after = CallHistory::seekKey(*last, sort);
                    return history.page(p);
                };
            const QList<qint64> all = pageThrough(read, 100000);
            QCOMPARE(all.size(), qsizetype(*history.count(q)));
            for (int limit : {1, 3, 7})
                QCOMPARE(pageThrough(read, limit), all);
            // A filter with the seek: one day's calls.
            q.from = q.to = QDate(2026, 3, 2);
            const QList<qint64> day = pageThrough(read, 100000);
            QCOMPARE(pageThrough(read, 2), day);
            q.from = q.to = QDate();

            const QSet<qint64> before(all.cbegin(), all.cend());
            QSet<qint64> removed, added;
            QList<qint64> alive = all;
            const QList<qint64> read2 = pageThrough(read, 4, [&](int) {
                const qint64 id = addCall();
                QVERIFY(id > 0);
                added.insert(id);
                alive << id;
                const qint64 gone = alive.takeAt(rng.bounded(int(alive.size())));
                removed.insert(gone);
                QVERIFY(e.db().run(s("DELETE FROM calls WHERE id = ?"), {gone}));
                QVERIFY(CallSummaries::rebuildTotals(e.db()));
            });
            checkOnce(read2, before - removed, before + added, what);
        }
    }
}

void TestKeysetPaging::activity()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const Context& ctx = *e.ctx;
    const ActivityLog log(ctx);
    const auto record = [&](int n) {
        return Transaction::run(e.db(), [&](Transaction& tx) {
            return log.record(tx, ActivityEvent::autoRechargeOff(QString::number(n)));
        });
    };
    for (int i = 0; i < 30; ++i)
        SB_VERIFY_OK(record(i));
    const std::function<Result<QList<ActivityEntry>>(const ActivityEntry*, int)> read =
        [&](const ActivityEntry* last, int limit) {
            return log.page(limit, {}, last ? last->id : 0);
        };
    const QList<qint64> all = pageThrough(read, 100000);
    QCOMPARE(all.size(), qsizetype(*log.count()));
    for (int limit : {1, 3, 7})
        QCOMPARE(pageThrough(read, limit), all);

    // New lines arrive at the top while the older ones are read; some lines go.
    QRandomGenerator rng(19);
    const QSet<qint64> before(all.cbegin(), all.cend());
    QSet<qint64> removed;
    QList<qint64> alive = all;
    int n = 100;
    const QList<qint64> read2 = pageThrough(read, 4, [&](int) {
        QVERIFY(record(n++).ok());
        const qint64 gone = alive.takeAt(rng.bounded(int(alive.size())));
        removed.insert(gone);
        QVERIFY(e.db().run(s("DELETE FROM activity WHERE id = ?"), {gone}));
    });
    const QSet<qint64> throughout = before - removed;
    checkOnce(read2, throughout, before, s("activity"));
}

QTEST_GUILESS_MAIN(TestKeysetPaging)
#include "tst_keysetpaging.moc"
