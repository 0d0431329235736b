// CallHistory on both engines: pages in SQL order with payer names and places, the payer,
// department, date (in the admin's time zone) and number filters, counts and totals, the
// streaming CSV export (round trip, formula guard, cancel leaves no file), and a payer
// filter naming nobody refused.

#include "tests/support/CoreTest.h"

#include "core/base/Csv.h"
#include "core/books/CompanyService.h"
#include "core/calls/CallHistory.h"
#include "core/members/MemberService.h"
#include "core/numbers/PriceListStore.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/SearchIndex.h"
#include "tests/support/CdrLines.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace sb;

namespace {

struct Call
{
    QString payer; ///< "m:account" or "p:name"
    QString startedAt;
    QString source;
    QString destination;
    QString e164;
    QString prefix;
    qint64 billsec = 0;
    qint64 billed = 0;
    qint64 bundle = 0;
    qint64 cost = 0;
    QString status = QStringLiteral("charged");
};

bool insert(const Database& db, const Call& c, int n)
{
    const bool member = c.payer.startsWith(QLatin1String("m:"));
    const QString key = c.payer.mid(2).toCaseFolded();
    auto id = db.runFirst(member ? QStringLiteral("SELECT id FROM members WHERE account_key = ?")
                                 : QStringLiteral("SELECT id FROM profiles WHERE name_key = ?"),
                          {key});
    if (!id)
        return false;
    const QVariant payer = id->value(0).toLongLong();
    const QVariant none = QVariant(QMetaType::fromType<qlonglong>());
    return bool(db.run(
        QStringLiteral("INSERT INTO calls (member_id, profile_id, started_at, source, destination,"
                       " destination_e164, prefix, billsec, billed_minutes, bundle_minutes,"
                       " cost_cents, charged_cents, status, unique_id, search_key)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {member ? payer : none, member ? none : payer, c.startedAt, c.source, c.destination,
         Database::text(c.e164), Database::text(c.prefix), c.billsec, c.billed, c.bundle, c.cost,
         c.cost, c.status, QStringLiteral("u%1").arg(n),
         sb::SearchIndex::callKey(c.e164, c.destination, c.source)}));
}

QList<Call> sampleCalls()
{
    return {
        {QStringLiteral("m:alice.berg"), QStringLiteral("2026-03-01T09:00:00Z"),
         QStringLiteral("1001"), QStringLiteral("2125550123"), QStringLiteral("+12125550123"),
         QStringLiteral("1"), 61, 2, 0, 5},
        {QStringLiteral("m:alice.berg"), QStringLiteral("2026-03-01T23:30:00Z"),
         QStringLiteral("1001"), QStringLiteral("00442071234567"), QStringLiteral("+442071234567"),
         QStringLiteral("44"), 120, 2, 0, 6},
        {QStringLiteral("p:Support"), QStringLiteral("2026-03-02T10:00:00Z"),
         QStringLiteral("=cmd|calc"), QStringLiteral("13105550000"), QStringLiteral("+13105550000"),
         QStringLiteral("1"), 300, 5, 5, 0},
        {QStringLiteral("p:Support"), QStringLiteral("2026-03-03T10:00:00Z"),
         QStringLiteral("2001"), QStringLiteral("2002"), QString(), QString(), 40, 0, 0, 0,
         QStringLiteral("internal")},
        {QStringLiteral("m:bob.hansen"), QStringLiteral("2026-03-04T08:00:00Z"),
         QStringLiteral("1002"), QStringLiteral("4722334455"), QStringLiteral("+4722334455"),
         QStringLiteral("47"), 0, 0, 0, 0, QStringLiteral("unanswered")},
    };
}

QString setUp(const Context& ctx)
{
    if (auto t = CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("SETUP")); !t)
        return t.error().message;
    if (auto a = MemberService(ctx).add({QStringLiteral("alice.berg"), QStringLiteral("Alice Berg"),
                                         QString(), QStringLiteral("Sales")});
        !a)
        return a.error().message;
    if (auto a = MemberService(ctx).add({QStringLiteral("bob.hansen"), QStringLiteral("Bob Hansen"),
                                         QString(), QStringLiteral("Support desk")});
        !a)
        return a.error().message;
    NewSipProfile p;
    p.name = QStringLiteral("Support");
    p.department = QStringLiteral("Support desk");
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    if (auto c = ProfileService(ctx).create(p); !c)
        return c.error().message;
    int n = 0;
    for (const Call& c : sampleCalls())
        if (!insert(ctx.db, c, ++n))
            return QStringLiteral("insert failed");
    // Written behind the importer's back: the monthly totals are built again, as any other
    // writer of calls must.
    if (auto r = CallSummaries::rebuildTotals(ctx.db); !r)
        return r.error().message;
    return {};
}

// The totals of the calls started in [from, to) (ISO UTC texts, empty = open), summed from
// the calls themselves: what totals() must agree with.
CallTotals summedFromCalls(const Database& db, const QString& from, const QString& to)
{
    QString where = QStringLiteral(" WHERE 1 = 1");
    QVariantList binds;
    if (!from.isEmpty()) {
        where += QStringLiteral(" AND started_at >= ?");
        binds << from;
    }
    if (!to.isEmpty()) {
        where += QStringLiteral(" AND started_at < ?");
        binds << to;
    }
    CallTotals t;
    auto q = db.runFirst(QStringLiteral("SELECT COUNT(*), CAST(COALESCE(SUM(billed_minutes), 0)"
                                        " AS BIGINT), CAST(COALESCE(SUM(bundle_minutes), 0) AS"
                                        " BIGINT), CAST(COALESCE(SUM(cost_cents), 0) AS BIGINT),"
                                        " CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT)"
                                        " FROM calls") +
                             where,
                         binds);
    if (!q) {
        t.calls = -1;
        return t;
    }
    t.calls = q->value(0).toLongLong();
    t.billedMinutes = q->value(1).toLongLong();
    t.bundleMinutes = q->value(2).toLongLong();
    t.price = Money::fromCents(q->value(3).toLongLong());
    t.charged = Money::fromCents(q->value(4).toLongLong());
    return t;
}

QString describe(const CallTotals& t)
{
    return QStringLiteral("%1 calls, %2 min, %3 bundle min, price %4, charged %5")
        .arg(t.calls)
        .arg(t.billedMinutes)
        .arg(t.bundleMinutes)
        .arg(t.price.cents())
        .arg(t.charged.cents());
}

QStringList L(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* i : items)
        out << QString::fromUtf8(i);
    return out;
}

QStringList destinations(const Result<QList<CallEntry>>& page)
{
    QStringList out;
    if (page)
        for (const CallEntry& e : *page)
            out << e.destination;
    else
        out << page.error().message;
    return out;
}

} // namespace

class TestCallHistory : public QObject
{
    Q_OBJECT

private slots:
    void pageOrderNamesPlaces_data() { sbt::addEngineRows(); }
    void pageOrderNamesPlaces()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QCOMPARE(setUp(*env.ctx), QString());
        const CallHistory history(*env.ctx);

        CallQuery q; // newest first
        auto page = history.page(q);
        QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
        QCOMPARE(destinations(page),
                 L({"4722334455", "2002", "13105550000", "00442071234567", "2125550123"}));
        const CallEntry& first = page->last();
        QCOMPARE(first.payerKind, CallEntry::PayerKind::Member);
        QCOMPARE(first.payer, QStringLiteral("alice.berg"));
        QCOMPARE(first.startedAt, sbt::utc(2026, 3, 1, 9));
        QCOMPARE(first.place, QStringLiteral("New York, NY")); // the catalogue's NANP area
        QCOMPARE(first.price, Money::fromCents(5));
        QCOMPARE(first.billedMinutes, 2);
        QCOMPARE(page->at(3).place, QStringLiteral("United Kingdom")); // the rate's name
        QCOMPARE(page->at(2).payerKind, CallEntry::PayerKind::Profile);
        QCOMPARE(page->at(2).payer, QStringLiteral("Support"));
        QCOMPARE(page->at(2).bundleMinutes, 5);
        QCOMPARE(page->at(1).place, QString()); // internal: no place
        QCOMPARE(page->at(1).status, QStringLiteral("internal"));

        q.sort = CallQuery::Sort::Price;
        q.ascending = true;
        q.limit = 3;
        auto skipped = history.page(q);
        QCOMPARE(skipped->size(), 3);
        q.after = CallHistory::seekKey(skipped->last(), q.sort);
        q.limit = 2;
        QCOMPARE(destinations(history.page(q)), L({"2125550123", "00442071234567"}));
        q.sort = CallQuery::Sort::Payer;
        q.ascending = false;
        q.after = {};
        q.limit = 1;
        QCOMPARE(destinations(history.page(q)), L({"2002"})); // "support", id desc
    }

    // Sorted by payer on a stored key (an index, not a sort of every call): a renamed
    // profile's calls move with its new name, a deleted member's keep their place.
    void payerOrderFollowsRenames_data() { sbt::addEngineRows(); }
    void payerOrderFollowsRenames()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        QCOMPARE(setUp(*e.ctx), QString());
        const CallHistory history(*e.ctx);
        CallQuery q;
        q.sort = CallQuery::Sort::Payer;
        q.ascending = true;
        QCOMPARE(destinations(history.page(q)),
                 L({"2125550123", "00442071234567", "4722334455", "13105550000", "2002"}));
        SB_VERIFY_OK(ProfileService(*e.ctx).rename(QStringLiteral("Support"),
                                                   QStringLiteral("Accounts Support")));
        QCOMPARE(destinations(history.page(q)),
                 L({"13105550000", "2002", "2125550123", "00442071234567", "4722334455"}));
        // Paging on from the stored key of the row before.
        q.limit = 3;
        auto first = history.page(q);
        SB_VERIFY_OK(first);
        QCOMPARE(first->last().payerKey, QStringLiteral("alice.berg"));
        q.after = CallHistory::seekKey(first->last(), q.sort);
        QCOMPARE(destinations(history.page(q)), L({"00442071234567", "4722334455"}));
    }

    void filters_data() { sbt::addEngineRows(); }
    void filters()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QCOMPARE(setUp(*env.ctx), QString());
        const CallHistory history(*env.ctx);
        const auto match = [&](const CallQuery& q) {
            auto page = history.page(q);
            auto n = history.count(q);
            QStringList d = destinations(page);
            if (!n || *n != d.size())
                d << QStringLiteral("count differs");
            std::sort(d.begin(), d.end());
            return d;
        };
        CallQuery q;
        q.profile = QStringLiteral("support"); // case-insensitive
        QCOMPARE(match(q), L({"13105550000", "2002"}));
        q = {};
        q.member = QStringLiteral("Alice.Berg");
        QCOMPARE(match(q), L({"00442071234567", "2125550123"}));
        q = {};
        q.department = QStringLiteral("Support desk"); // a member's and a profile's
        QCOMPARE(match(q), L({"13105550000", "2002", "4722334455"}));

        // 2026-03-01 23:30 UTC is already 2 March in Oslo.
        q = {};
        q.from = QDate(2026, 3, 2);
        q.to = QDate(2026, 3, 2);
        q.zone = QTimeZone("Europe/Oslo");
        QCOMPARE(match(q), L({"00442071234567", "13105550000"}));
        q.zone = QTimeZone::utc();
        QCOMPARE(match(q), L({"13105550000"}));
        q.to = {};
        QCOMPARE(match(q), L({"13105550000", "2002", "4722334455"}));

        q = {};
        q.search = QStringLiteral("+1 (212) 555");
        QCOMPARE(match(q), L({"2125550123"}));
        q.search = QStringLiteral("4420");
        QCOMPARE(match(q), L({"00442071234567"}));
        q.search = QStringLiteral("200"); // source 2001 and destination 2002
        QCOMPARE(match(q), L({"2002"}));
        q.search = QStringLiteral("CMD|"); // text: the source, case-insensitively
        QCOMPARE(match(q), L({"13105550000"}));
        q.search = QStringLiteral("100%"); // a wildcard is matched as itself
        QCOMPARE(match(q), QStringList());

        q = {};
        q.profile = QStringLiteral("Support");
        q.search = QStringLiteral("1310");
        QCOMPARE(match(q), L({"13105550000"}));
    }

    void totals_data() { sbt::addEngineRows(); }
    void totals()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QCOMPARE(setUp(*env.ctx), QString());
        const CallHistory history(*env.ctx);
        auto t = history.totals({});
        QVERIFY(t);
        QCOMPARE(t->calls, 5);
        QCOMPARE(t->billedMinutes, 9);
        QCOMPARE(t->bundleMinutes, 5);
        QCOMPARE(t->price, Money::fromCents(11));
        CallQuery q;
        q.member = QStringLiteral("bob.hansen");
        t = history.totals(q);
        QVERIFY(t);
        QCOMPARE(t->calls, 1);
        QCOMPARE(t->price, Money());

        CallQuery empty;
        empty.from = QDate(2030, 1, 1);
        t = history.totals(empty);
        QVERIFY(t);
        QCOMPARE(t->calls, 0);
        QCOMPARE(t->billedMinutes, 0);
    }

    void unknownPayerRefused_data() { sbt::addEngineRows(); }
    void unknownPayerRefused()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QCOMPARE(setUp(*env.ctx), QString());
        const CallHistory history(*env.ctx);
        CallQuery q;
        q.profile = QStringLiteral("Nobody");
        auto page = history.page(q);
        QVERIFY(!page);
        QVERIFY(page.error().message.contains(QStringLiteral("Nobody")));
        q = {};
        q.member = QStringLiteral("nobody.here");
        QVERIFY(!history.count(q));
        QVERIFY(!history.totals(q));
    }

    // Without a search or a payer, totals() and count() read whole UTC months from the
    // monthly totals the importer keeps and sum only the cut days from the calls: for any
    // days in any time zone they equal the calls' own sums, also after a profile and its
    // calls are deleted and after more imports.
    void totalsByMonthAgreeWithTheCalls_data() { sbt::addEngineRows(); }
    void totalsByMonthAgreeWithTheCalls()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        const Context& ctx = *env.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("T")));
        SB_VERIFY_OK(MemberService(ctx).add(
            {QStringLiteral("ada.one"), QStringLiteral("Ada"), QString(), QString()}));
        for (const char* name : {"Desk", "Ops"}) {
            NewSipProfile p;
            p.name = QString::fromLatin1(name);
            p.auth = SipProfile::Auth::Ip;
            p.ip = QStringLiteral("8.8.4.4");
            SB_VERIFY_OK(ProfileService(ctx).create(p));
            // Enough that its calls leave it nothing owed: a profile that owes is kept.
            SB_VERIFY_OK(ProfileService(ctx).allocateCredit(p.name, Money::fromCents(40000)));
        }
        QRandomGenerator rng(17);
        const QDateTime first(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        int unique = 0;
        const auto importSome = [&](int calls) {
            QByteArray csv;
            const QStringList payers{QStringLiteral("ada.one"), QStringLiteral("Desk"),
                                     QStringLiteral("Ops")};
            const QStringList to{QStringLiteral("+12125550100"), QStringLiteral("+4722334455"),
                                 QStringLiteral("1002")};
            for (int i = 0; i < calls; ++i) {
                // Some on the first and last second of a month.
                QDateTime start =
                    first.addSecs(qint64(rng.bounded(181 * 24)) * 3600 + rng.bounded(3600));
                if (i % 7 == 0)
                    start = QDateTime(QDate(2026, 1 + rng.bounded(6), 1), QTime(0, 0), Qt::UTC);
                if (i % 11 == 0)
                    start = QDateTime(QDate(2026, 2 + rng.bounded(5), 1), QTime(0, 0), Qt::UTC)
                                .addSecs(-1);
                csv += sbt::asteriskLine(payers[rng.bounded(3)], to[rng.bounded(3)], start,
                                         rng.bounded(3) == 0 ? 0 : rng.bounded(900),
                                         QStringLiteral("t%1").arg(++unique));
            }
            QBuffer file(&csv);
            QVERIFY(file.open(QIODevice::ReadOnly));
            SB_VERIFY_OK(CallImporter(ctx).import(&file, {}));
        };
        const CallHistory history(ctx);
        const auto check = [&](int ranges) {
            const QList<QTimeZone> zones{QTimeZone::utc(), QTimeZone("Europe/Oslo"),
                                         QTimeZone("America/Los_Angeles"),
                                         QTimeZone("Pacific/Kiritimati")};
            for (int i = 0; i < ranges; ++i) {
                CallQuery q;
                q.zone = zones[i % zones.size()];
                const QDate day0(2025, 12, 20);
                if (i % 5 != 1)
                    q.from = day0.addDays(rng.bounded(210));
                if (i % 5 != 2)
                    q.to =
                        (i % 3 == 0 && q.from.isValid() ? q.from : day0).addDays(rng.bounded(210));
                const QString from =
                    q.from.isValid()
                        ? QDateTime(q.from, QTime(0, 0), q.zone).toUTC().toString(Qt::ISODate)
                        : QString();
                const QString to = q.to.isValid() ? QDateTime(q.to.addDays(1), QTime(0, 0), q.zone)
                                                        .toUTC()
                                                        .toString(Qt::ISODate)
                                                  : QString();
                const CallTotals want = summedFromCalls(ctx.db, from, to);
                QVERIFY(want.calls >= 0);
                auto got = history.totals(q);
                SB_VERIFY_OK(got);
                QVERIFY2(
                    describe(*got) == describe(want),
                    qPrintable(QStringLiteral("%1 .. %2 in %3: %4, the calls say %5")
                                   .arg(q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate),
                                        QString::fromUtf8(q.zone.id()), describe(*got),
                                        describe(want))));
                auto n = history.count(q);
                SB_VERIFY_OK(n);
                QCOMPARE(*n, want.calls);
            }
        };
        importSome(300);
        QVERIFY(summedFromCalls(ctx.db, {}, {}).calls > 250);
        check(60);
        // A profile deleted takes its calls out of the totals.
        QVERIFY(sbt::scalar(ctx.db, QStringLiteral("SELECT COUNT(*) FROM calls c JOIN profiles p"
                                                   " ON p.id = c.profile_id WHERE"
                                                   " p.name_key = 'ops'"))
                    .toLongLong() > 0);
        SB_VERIFY_OK(ProfileService(ctx).remove(QStringLiteral("Ops")));
        check(30);
        importSome(100);
        check(30);
    }

    void exportCsv_data() { sbt::addEngineRows(); }
    void exportCsv()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QCOMPARE(setUp(*env.ctx), QString());
        const CallHistory history(*env.ctx);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("calls.csv"));
        CallQuery q;
        q.sort = CallQuery::Sort::Time;
        q.ascending = true;
        q.limit = 1; // ignored: the export writes every matching call
        qint64 lastDone = -1;
        auto written = history.exportCsvFile(q, path, [&](qint64 done, qint64 total) {
            lastDone = done;
            return total == 5;
        });
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        QCOMPARE(*written, 5);
        QCOMPARE(lastDone, 5);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("'=cmd|calc")); // the formula guard
        const QList<Csv::Row> rows = Csv::parse(QString::fromUtf8(bytes));
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[0].fields, CallHistory::csvHeader());
        QCOMPARE(rows[1].fields,
                 L({"2026-03-01T09:00:00Z", "member", "alice.berg", "1001", "2125550123",
                    "+12125550123", "New York, NY", "61", "2", "0", "0.05", "0.05", "charged"}));
        QCOMPARE(rows[3].fields[1], QStringLiteral("profile"));
        QCOMPARE(rows[3].fields[3], QStringLiteral("=cmd|calc")); // back as it was

        // Cancelled: the file that was there stays as it was.
        auto cancelled = history.exportCsvFile(q, path, [](qint64, qint64) { return false; });
        QVERIFY(!cancelled);
        QVERIFY(f.seek(0));
        QCOMPARE(f.readAll(), bytes);
        const QString other = dir.filePath(QStringLiteral("other.csv"));
        QVERIFY(!history.exportCsvFile(q, other, [](qint64, qint64) { return false; }));
        QVERIFY(!QFile::exists(other));

        // A filter naming nobody writes nothing.
        q.profile = QStringLiteral("Nobody");
        QVERIFY(!history.exportCsvFile(q, other));
        QVERIFY(!QFile::exists(other));
    }

    void lookups_data() { sbt::addEngineRows(); }
    void lookups()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QCOMPARE(setUp(*env.ctx), QString());
        const CallHistory history(*env.ctx);
        QCOMPARE(history.departments().value(), L({"Sales", "Support desk"}));
        QCOMPARE(history.profileNames().value(), L({"Support"}));
        QCOMPARE(history.placeOf(QStringLiteral("+14165550000"), QStringLiteral("1")),
                 QStringLiteral("Toronto, ON"));
        QCOMPARE(history.placeOf(QStringLiteral("+19995550000"), QStringLiteral("1")),
                 QStringLiteral("United States and Canada"));
    }

    // Place names come from the price list in force: an imported one replaces the shipped one.
    void placesFollowTheImportedPriceList_data() { sbt::addEngineRows(); }
    void placesFollowTheImportedPriceList()
    {
        QFETCH(QString, engine);
        sbt::Env env(engine);
        env.open();
        QFile shipped(QStringLiteral(":/data/pricelist.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QByteArray json = shipped.readAll();
        QVERIFY(json.contains("\"United Kingdom\""));
        json.replace("\"United Kingdom\"", "\"Britain\"");
        SB_VERIFY_OK(sb::PriceListStore(*env.ctx).importBytes(json, QStringLiteral("p.json")));
        QCOMPARE(
            CallHistory(*env.ctx).placeOf(QStringLiteral("+442079460000"), QStringLiteral("44")),
            QStringLiteral("Britain"));
    }
};

QTEST_GUILESS_MAIN(TestCallHistory)
#include "tst_callhistory.moc"
