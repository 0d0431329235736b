// BundleService on both engines: add, change (the seed's refund rule and its neighbours),
// cancel, extend, renewal and lapse in `billing run`, count ≤ channels everywhere, and every
// refusal leaving the database as it was.

#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/numbers/PriceListStore.h"
#include "core/profiles/ProfileService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sb;

namespace {

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

const PriceList& testPrices()
{
    static const PriceList p = [] {
        auto r = PriceList::fromJson(R"({"numbers": {}, "bundle": "30.00", "channel": "6.95",
            "rates": [{"prefix": "1", "rate": "0.0100", "name": "NANP"}]})");
        if (!r)
            qFatal("test price list: %s", qPrintable(r.error().message));
        return *r;
    }();
    return p;
}

// Company 1000.00; profile Sales with `channels` channels and `credit` on its balance.
QString setUp(const Context& ctx, int channels = 3, qint64 credit = 20000)
{
    if (auto t = CompanyService(ctx).topUp(m(100000), QStringLiteral("SETUP")); !t)
        return t.error().message;
    NewSipProfile p;
    p.name = QStringLiteral("Sales");
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    p.channels = channels;
    const ProfileService profiles(ctx, testPrices());
    if (auto c = profiles.create(p); !c)
        return c.error().message;
    if (credit > 0) {
        if (auto c = profiles.allocateCredit(QStringLiteral("Sales"), m(credit)); !c)
            return c.error().message;
    }
    return {};
}

qint64 sales(const Context& ctx)
{
    return sbt::scalar(ctx.db, QStringLiteral("SELECT a.balance_cents FROM accounts a JOIN "
                                              "profiles p ON p.account_id = a.id WHERE "
                                              "p.name_key = 'sales'"))
        .toLongLong();
}

QStringList periods(const Database& db)
{
    return sbt::rows(db, QStringLiteral("SELECT starts_on, ends_on, bundle_count, price_cents,"
                                        " paid_cents, minutes_used, state FROM bundle_periods"
                                        " ORDER BY id"));
}

void useMinutes(const Database& db, qint64 minutes)
{
    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("UPDATE bundle_periods SET minutes_used = %1 WHERE id = "
                                  "(SELECT MAX(id) FROM bundle_periods)")
                       .arg(minutes)));
}

qint64 ledgerSum(const Database& db, const QString& kind)
{
    return sbt::scalar(db, QStringLiteral("SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT)"
                                          " FROM ledger WHERE kind = '%1'")
                               .arg(kind))
        .toLongLong();
}

// summaries() (every profile in one query, for the SIP profiles table) says what
// summary() says of each; a profile without bundles in force is absent.
void sameSummaries(const BundleService& bundles, const QList<qint64>& profiles)
{
    auto all = bundles.summaries();
    SB_VERIFY_OK(all);
    QCOMPARE(all->size(), profiles.size());
    for (qint64 id : profiles) {
        auto one = bundles.summary(id);
        SB_VERIFY_OK(one);
        QVERIFY(all->contains(id));
        const BundleSummary& a = all->value(id);
        QCOMPARE(a.count, one->count);
        QCOMPARE(a.pricePaid, one->pricePaid);
        QCOMPARE(a.minutesIncluded, one->minutesIncluded);
        QCOMPARE(a.minutesUsed, one->minutesUsed);
        QCOMPARE(a.periodStart, one->periodStart);
        QCOMPARE(a.periodEnd, one->periodEnd);
        QCOMPARE(a.expires, one->expires);
        QCOMPARE(a.cancelled, one->cancelled);
        QCOMPARE(a.nextPayment, one->nextPayment);
        QCOMPARE(a.extendable, one->extendable);
    }
}

} // namespace

#define SB_SET_UP(env, ...)                                                                        \
    do {                                                                                           \
        const QString problem_ = setUp(*(env).ctx __VA_OPT__(, ) __VA_ARGS__);                     \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

class TestBundleService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_keys;

private slots:
    void initTestCase()
    {
        SB_INIT_CORE_TEST();
        qputenv("SWITCHBOARD_SECRET_KEY_FILE",
                m_keys.filePath(QStringLiteral("secrets.key")).toLocal8Bit());
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
    }

    void refundRule_data()
    {
        QTest::addColumn<qint64>("unused");
        QTest::addColumn<qint64>("priceCents");
        QTest::addColumn<qint64>("refundCents");
        QTest::newRow("the seed: 3000 unused of a 30.00 bundle") << 3000LL << 3000LL << 1800LL;
        QTest::newRow("none used") << 5000LL << 3000LL << 3000LL;
        QTest::newRow("all used") << 0LL << 3000LL << 0LL;
        QTest::newRow("several bundles") << 12500LL << 3000LL << 7500LL;
        QTest::newRow("half a cent rounds up") << 2500LL << 1LL << 1LL;
        QTest::newRow("just under half a cent rounds down") << 2499LL << 1LL << 0LL;
        QTest::newRow("29.99 bundle, 1 unused: 0.005998 → 0.01") << 1LL << 2999LL << 1LL;
    }
    void refundRule()
    {
        QFETCH(qint64, unused);
        QFETCH(qint64, priceCents);
        QFETCH(qint64, refundCents);
        QCOMPARE(BundleService::refundFor(unused, m(priceCents)), m(refundCents));
    }

    // Without a list given, bundles are bought and renewed at the price list in force: an
    // imported bundle price (33.00) is what the add and the billing run's renewal charge.
    void importedPriceIsCharged_data() { sbt::addEngineRows(); }
    void importedPriceIsCharged()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QJsonObject list = PriceList::builtIn().toJson();
        list.insert(QStringLiteral("bundle"), QStringLiteral("33.00"));
        SB_VERIFY_OK(PriceListStore(*e.ctx).importBytes(QJsonDocument(list).toJson(),
                                                        QStringLiteral("prices.json")));
        const BundleService bundles(*e.ctx);
        QCOMPARE(bundles.cost(2), m(6600));
        auto added = bundles.add(QStringLiteral("Sales"), 1);
        SB_VERIFY_OK(added);
        QCOMPARE(added->cost, m(3300));
        e.clock.set(QDateTime(added->periodEnd, QTime(6, 0), Qt::UTC));
        auto run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QCOMPARE(run->bundlesRenewed, QStringList{QStringLiteral("Sales")});
        QCOMPARE(run->bundlesSpent, m(3300));
    }

    void addPaysFromTheProfile_data() { sbt::addEngineRows(); }
    void addPaysFromTheProfile()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const qint64 company =
            sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                .toLongLong();
        const BundleService bundles(*e.ctx, testPrices());
        QCOMPARE(bundles.cost(2), m(6000));
        auto r = bundles.add(QStringLiteral("sales"), 2);
        SB_VERIFY_OK(r);
        QCOMPARE(r->count, 2);
        QCOMPARE(r->cost, m(6000));
        QCOMPARE(r->periodEnd, QDate(2026, 4, 10));
        QCOMPARE(sales(*e.ctx), 14000);
        QCOMPARE(
            sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                .toLongLong(),
            company);
        QCOMPARE(ledgerSum(e.db(), QStringLiteral("bundle")), 6000);
        auto s = bundles.summary(QStringLiteral("Sales"));
        SB_VERIFY_OK(s);
        QCOMPARE(s->count, 2);
        QCOMPARE(s->pricePaid, m(3000));
        QCOMPARE(s->minutesIncluded, 10000);
        QCOMPARE(s->minutesUsed, 0);
        QCOMPARE(s->periodEnd, QDate(2026, 4, 10));
        QCOMPARE(s->nextPayment, QDate(2026, 4, 10));
        QVERIFY(!s->cancelled);
        QVERIFY(!s->extendable); // 31 days to go
        QCOMPARE(s->monthlyCost(), m(6000));
        auto log = ActivityLog(*e.ctx).page(1);
        SB_VERIFY_OK(log);
        QCOMPARE(log->first().kind, ActivityKind::BundlesAdded);
    }

    void addRefusals_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("existing");
        QTest::addColumn<qint64>("credit");
        QTest::addColumn<QString>("message");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            const QByteArray e = engine.toLatin1();
            QTest::newRow(QByteArray(e + " above channels").constData())
                << engine << 4 << false << 20000LL
                << QStringLiteral("has 3 channel(s): it can have at most as many US minute bundles,"
                                  " not 4");
            QTest::newRow(QByteArray(e + " none").constData())
                << engine << 0 << false << 20000LL
                << QStringLiteral(
                       "at least one US minute bundle (to end them, cancel them), not 0");
            QTest::newRow(QByteArray(e + " bundles exist").constData())
                << engine << 1 << true << 20000LL << QStringLiteral("already has");
            QTest::newRow(QByteArray(e + " balance too low").constData())
                << engine << 2 << false << 5999LL
                << QStringLiteral("(59.99) cannot pay 2 US minute bundle(s) for a month (60.00)");
        }
    }
    void addRefusals()
    {
        QFETCH(QString, engine);
        QFETCH(int, count);
        QFETCH(bool, existing);
        QFETCH(qint64, credit);
        QFETCH(QString, message);
        SB_ENV(e, engine);
        SB_SET_UP(e, 3, credit);
        const BundleService bundles(*e.ctx, testPrices());
        if (existing)
            SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 1));
        const auto before = sbt::snapshot(e.db());
        const QStringList rows = periods(e.db());
        // Only a count below one is bad input; the rest are rules of the account.
        SB_VERIFY_ERROR(bundles.add(QStringLiteral("Sales"), count),
                        count < 1 ? Error::Kind::Invalid : Error::Kind::Refused, message);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        QCOMPARE(periods(e.db()), rows);
    }

    void changeRefundsUnusedMinutes_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<int>("newCount");
        QTest::addColumn<qint64>("refund");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            const QByteArray e = engine.toLatin1();
            QTest::newRow(
                QByteArray(e + " the seed: 3000 unused of one 30.00 bundle → 18.00").constData())
                << engine << 1 << 2000LL << 2 << 1800LL;
            QTest::newRow(QByteArray(e + " three bundles, 2500 used → 75.00").constData())
                << engine << 3 << 2500LL << 1 << 7500LL;
            QTest::newRow(QByteArray(e + " all used → 0").constData())
                << engine << 1 << 5000LL << 3 << 0LL;
            QTest::newRow(QByteArray(e + " none used → all back").constData())
                << engine << 2 << 0LL << 1 << 6000LL;
        }
    }
    void changeRefundsUnusedMinutes()
    {
        QFETCH(QString, engine);
        QFETCH(int, count);
        QFETCH(qint64, used);
        QFETCH(int, newCount);
        QFETCH(qint64, refund);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), count));
        useMinutes(e.db(), used);
        e.clock.set(sbt::utc(2026, 3, 20, 9));
        auto preview = bundles.changePreview(QStringLiteral("Sales"), newCount);
        SB_VERIFY_OK(preview);
        QCOMPARE(preview->refund, m(refund));
        QCOMPARE(preview->cost, m(3000 * newCount));
        const qint64 before = sales(*e.ctx);
        auto r = bundles.change(QStringLiteral("Sales"), newCount);
        SB_VERIFY_OK(r);
        QCOMPARE(r->refund, m(refund));
        QCOMPARE(r->cost, m(3000 * newCount));
        QCOMPARE(r->periodEnd, QDate(2026, 4, 20));
        QCOMPARE(sales(*e.ctx), before + refund - 3000 * newCount);
        QCOMPARE(ledgerSum(e.db(), QStringLiteral("bundle-refund")), refund);
        const QStringList rows = periods(e.db());
        QCOMPARE(rows.size(), 2);
        QVERIFY2(rows.first().startsWith(QStringLiteral("2026-03-10|2026-03-20|")) &&
                     rows.first().endsWith(QStringLiteral("|changed")),
                 qPrintable(rows.first()));
        auto s = bundles.summary(QStringLiteral("Sales"));
        SB_VERIFY_OK(s);
        QCOMPARE(s->count, newCount);
        QCOMPARE(s->minutesUsed, 0);
        QCOMPARE(s->periodStart, QDate(2026, 3, 20));
        QCOMPARE(s->periodEnd, QDate(2026, 4, 20));
    }

    // The refund of the unused minutes pays for the new bundles: with nothing left on the
    // balance, 2 unused bundles (60.00 back) pay for 1 (30.00), and a balance equal to what
    // is due after the refund is enough.
    void changePaidByTheRefund_data() { sbt::addEngineRows(); }
    void changePaidByTheRefund()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e, 3, 6000);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 2));
        QCOMPARE(sales(*e.ctx), 0);
        auto down = bundles.change(QStringLiteral("Sales"), 1);
        SB_VERIFY_OK(down);
        QCOMPARE(down->refund, m(6000));
        QCOMPARE(sales(*e.ctx), 3000);
        // 30.00 on the balance + 30.00 back = 60.00: exactly 2 bundles.
        auto up = bundles.change(QStringLiteral("Sales"), 2);
        SB_VERIFY_OK(up);
        QCOMPARE(up->refund, m(3000));
        QCOMPARE(sales(*e.ctx), 0);
    }

    void changeOnThePeriodsLastDay_data() { sbt::addEngineRows(); }
    void changeOnThePeriodsLastDay()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 1));
        useMinutes(e.db(), 4000);
        e.clock.set(sbt::utc(2026, 4, 9, 23, 59));
        auto r = bundles.change(QStringLiteral("Sales"), 2);
        SB_VERIFY_OK(r);
        QCOMPARE(r->refund, m(600)); // 1000 unused of 30.00
        QCOMPARE(r->periodEnd, QDate(2026, 5, 9));
        QCOMPARE(sales(*e.ctx), 20000 - 3000 + 600 - 6000);
        // The next day's billing run renews nothing: the new period runs to 2026-05-09.
        e.clock.set(sbt::utc(2026, 4, 10, 8));
        auto run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QVERIFY(run->bundlesRenewed.isEmpty());
        QVERIFY(run->bundlesLapsed.isEmpty());
    }

    void changeRefusals_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("existing");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("credit");
        QTest::addColumn<QString>("message");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            const QByteArray e = engine.toLatin1();
            QTest::newRow(QByteArray(e + " above channels").constData())
                << engine << 1 << 4 << 20000LL
                << QStringLiteral("has 3 channel(s): it can have at most as many US minute bundles,"
                                  " not 4");
            QTest::newRow(QByteArray(e + " nothing to change").constData())
                << engine << 0 << 1 << 20000LL << QStringLiteral("add them instead");
            QTest::newRow(QByteArray(e + " same count").constData())
                << engine << 2 << 2 << 20000LL << QStringLiteral("already has");
            // 60.00 paid for 2, all unused: 60.00 back, 90.00 for 3 cannot be paid from 60.00.
            QTest::newRow(QByteArray(e + " balance with refund too low").constData())
                << engine << 2 << 3 << 6000LL
                << QStringLiteral("with the refund of 60.00 cannot pay 3 US minute bundle(s) for a"
                                  " month (90.00)");
        }
    }
    void changeRefusals()
    {
        QFETCH(QString, engine);
        QFETCH(int, existing);
        QFETCH(int, count);
        QFETCH(qint64, credit);
        QFETCH(QString, message);
        SB_ENV(e, engine);
        SB_SET_UP(e, 3, credit);
        const BundleService bundles(*e.ctx, testPrices());
        if (existing > 0)
            SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), existing));
        const auto before = sbt::snapshot(e.db());
        const QStringList rows = periods(e.db());
        SB_VERIFY_ERROR(bundles.change(QStringLiteral("Sales"), count), Error::Kind::Refused,
                        message);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        QCOMPARE(periods(e.db()), rows);
    }

    void channelsCannotGoBelowBundles_data() { sbt::addEngineRows(); }
    void channelsCannotGoBelowBundles()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const BundleService bundles(*e.ctx, testPrices());
        const ProfileService profiles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 3));
        const auto before = sbt::snapshot(e.db());
        SB_VERIFY_ERROR(profiles.setChannels(QStringLiteral("Sales"), 2), Error::Kind::Refused,
                        QStringLiteral("Sales has 3 US minute bundle(s); it needs at least as many"
                                       " channels"));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        // Cancelled bundles are usable to the period's end: still held to the channels.
        SB_VERIFY_OK(bundles.cancel(QStringLiteral("Sales")));
        QVERIFY(!profiles.setChannels(QStringLiteral("Sales"), 2));
        SB_VERIFY_OK(profiles.setChannels(QStringLiteral("Sales"), 4));
        // Once they have run out, the channels may go down.
        e.clock.set(sbt::utc(2026, 4, 10, 1));
        SB_VERIFY_OK(BillingService(*e.ctx).run());
        SB_VERIFY_OK(profiles.setChannels(QStringLiteral("Sales"), 1));
    }

    void cancelKeepsThemToThePeriodsEnd_data() { sbt::addEngineRows(); }
    void cancelKeepsThemToThePeriodsEnd()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 2));
        e.clock.set(sbt::utc(2026, 3, 15));
        auto r = bundles.cancel(QStringLiteral("Sales"));
        SB_VERIFY_OK(r);
        QCOMPARE(*r, QDate(2026, 4, 10));
        auto s = bundles.summary(QStringLiteral("Sales"));
        SB_VERIFY_OK(s);
        QCOMPARE(s->count, 2);
        QVERIFY(s->cancelled);
        QCOMPARE(s->expires, QDate(2026, 4, 10));
        QVERIFY(!s->nextPayment.isValid());
        QCOMPARE(s->monthlyCost(), Money());
        SB_VERIFY_ERROR(bundles.cancel(QStringLiteral("Sales")), Error::Kind::Refused,
                        QStringLiteral("already cancelled"));
        // The last day they are still there; at the period's end no renewal, no charge.
        e.clock.set(sbt::utc(2026, 4, 9, 23));
        QCOMPARE(bundles.summary(QStringLiteral("Sales"))->count, 2);
        const qint64 balance = sales(*e.ctx);
        e.clock.set(sbt::utc(2026, 4, 10, 1));
        auto run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QVERIFY(run->bundlesRenewed.isEmpty());
        QCOMPARE(sales(*e.ctx), balance);
        QCOMPARE(bundles.summary(QStringLiteral("Sales"))->count, 0);
        // Now a new add is allowed.
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 1));
    }

    void extendOnlyWithinThirtyDays_data() { sbt::addEngineRows(); }
    void extendOnlyWithinThirtyDays()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 2));
        // 31 days before the end: refused, nothing changed.
        const auto before = sbt::snapshot(e.db());
        SB_VERIFY_ERROR(bundles.extend(QStringLiteral("Sales")), Error::Kind::Refused,
                        QStringLiteral("30 days"));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        // 30 days before: paid now, the next payment a month later.
        e.clock.set(sbt::utc(2026, 3, 11, 10));
        QVERIFY(bundles.summary(QStringLiteral("Sales"))->extendable);
        auto r = bundles.extend(QStringLiteral("Sales"));
        SB_VERIFY_OK(r);
        QCOMPARE(r->nextPayment, QDate(2026, 5, 10));
        QCOMPARE(r->cost, m(6000));
        QCOMPARE(sales(*e.ctx), 20000 - 6000 - 6000);
        auto s = bundles.summary(QStringLiteral("Sales"));
        SB_VERIFY_OK(s);
        QCOMPARE(s->periodEnd, QDate(2026, 4, 10));
        QCOMPARE(s->expires, QDate(2026, 5, 10));
        QCOMPARE(s->nextPayment, QDate(2026, 5, 10));
        QVERIFY(!s->extendable);
        QVERIFY(!bundles.extend(QStringLiteral("Sales")));
        // The paid-ahead month is not charged again by billing run; the one after is.
        e.clock.set(sbt::utc(2026, 4, 10, 1));
        auto run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QVERIFY(run->bundlesRenewed.isEmpty());
        QCOMPARE(sales(*e.ctx), 8000);
        QCOMPARE(bundles.summary(QStringLiteral("Sales"))->periodEnd, QDate(2026, 5, 10));
        e.clock.set(sbt::utc(2026, 5, 10, 1));
        run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QCOMPARE(run->bundlesRenewed, QStringList{QStringLiteral("Sales")});
        QCOMPARE(sales(*e.ctx), 2000);
    }

    void extendBalanceTooLow_data() { sbt::addEngineRows(); }
    void extendBalanceTooLow()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e, 3, 17999);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 3));
        e.clock.set(sbt::utc(2026, 4, 1));
        const auto before = sbt::snapshot(e.db());
        SB_VERIFY_ERROR(bundles.extend(QStringLiteral("Sales")), Error::Kind::Refused,
                        QStringLiteral("cannot pay 3 US minute bundle(s) for a month (90.00)"));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void renewalAndLapse_data() { sbt::addEngineRows(); }
    void renewalAndLapse()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine, sbt::utc(2026, 1, 31, 12));
        SB_SET_UP(e, 3, 14000);
        const BundleService bundles(*e.ctx, testPrices());
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 2)); // 140.00 → 80.00
        // Anchored on the 31st: February's end is the 28th, March's the 31st.
        QCOMPARE(bundles.summary(QStringLiteral("Sales"))->periodEnd, QDate(2026, 2, 28));
        useMinutes(e.db(), 700);
        e.clock.set(sbt::utc(2026, 2, 28, 6));
        auto run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QCOMPARE(run->bundlesRenewed, QStringList{QStringLiteral("Sales")});
        QCOMPARE(run->bundlesSpent, m(6000));
        QCOMPARE(sales(*e.ctx), 2000);
        auto s = bundles.summary(QStringLiteral("Sales"));
        SB_VERIFY_OK(s);
        QCOMPARE(s->periodEnd, QDate(2026, 3, 31));
        QCOMPARE(s->minutesUsed, 0); // unused minutes expire at the renewal
        // Twice the same day: nothing more.
        run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QVERIFY(run->bundlesRenewed.isEmpty());
        QCOMPARE(sales(*e.ctx), 2000);
        // 20.00 cannot pay 60.00: they lapse, the admin is told.
        e.clock.set(sbt::utc(2026, 3, 31, 6));
        run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QCOMPARE(run->bundlesLapsed, QStringList{QStringLiteral("Sales")});
        QVERIFY(run->messages.join(QLatin1Char('\n')).contains(QStringLiteral("Sales")));
        QCOMPARE(sales(*e.ctx), 2000);
        QCOMPARE(bundles.summary(QStringLiteral("Sales"))->count, 0);
        auto log = ActivityLog(*e.ctx).page(1);
        SB_VERIFY_OK(log);
        QCOMPARE(log->first().kind, ActivityKind::BundlesLapsed);
        run = BillingService(*e.ctx).run();
        SB_VERIFY_OK(run);
        QVERIFY(run->bundlesLapsed.isEmpty());
        QCOMPARE(periods(e.db()).size(), 2);
    }

    void deletingTheProfileTakesItsBundles_data() { sbt::addEngineRows(); }
    void deletingTheProfileTakesItsBundles()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        SB_VERIFY_OK(BundleService(*e.ctx, testPrices()).add(QStringLiteral("Sales"), 1));
        SB_VERIFY_OK(ProfileService(*e.ctx, testPrices()).remove(QStringLiteral("Sales")));
        QCOMPARE(periods(e.db()).size(), 0);
    }

    // Every profile's count in force in one query (advice): the same as summary() gives.
    void countsInForceOfEveryProfile_data() { sbt::addEngineRows(); }
    void countsInForceOfEveryProfile()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const Context& ctx = *e.ctx;
        NewSipProfile p;
        p.name = QStringLiteral("Ops");
        p.auth = SipProfile::Auth::Ip;
        p.ip = QStringLiteral("8.8.4.4");
        p.channels = 2;
        const ProfileService profiles(ctx, testPrices());
        SB_VERIFY_OK(profiles.create(p));
        SB_VERIFY_OK(profiles.allocateCredit(p.name, m(5000)));
        const qint64 sales = profiles.find(QStringLiteral("Sales"))->id;
        const qint64 ops = profiles.find(p.name)->id;
        const BundleService bundles(ctx, testPrices());
        auto counts = bundles.countsInForce();
        SB_VERIFY_OK(counts);
        QVERIFY(counts->isEmpty());

        // A change replaces the period: only the new count is in force.
        SB_VERIFY_OK(bundles.add(QStringLiteral("Sales"), 2));
        SB_VERIFY_OK(bundles.change(QStringLiteral("Sales"), 3));
        SB_VERIFY_OK(bundles.add(p.name, 1));
        // Cancelled bundles stay in force to the end of their period.
        SB_VERIFY_OK(bundles.cancel(p.name));
        counts = bundles.countsInForce();
        SB_VERIFY_OK(counts);
        QCOMPARE(*counts, (QHash<qint64, int>{{sales, 3}, {ops, 1}}));
        QCOMPARE(bundles.summary(sales)->count, 3);
        QCOMPARE(bundles.summary(ops)->count, 1);
        sameSummaries(bundles, {sales, ops});
        // Sales paid a period ahead: two periods in force, summed up alike.
        e.clock.set(sbt::utc(2026, 3, 20, 9));
        SB_VERIFY_OK(bundles.extend(QStringLiteral("Sales")));
        QCOMPARE(bundles.summary(sales)->expires, QDate(2026, 5, 10));
        sameSummaries(bundles, {sales, ops});

        // After the paid time's end (no renewal run), none.
        e.clock.set(sbt::utc(2026, 5, 10, 0));
        counts = bundles.countsInForce();
        SB_VERIFY_OK(counts);
        QVERIFY(counts->isEmpty());
        QCOMPARE(bundles.summary(sales)->count, 0);
        sameSummaries(bundles, {});
    }
};

QTEST_GUILESS_MAIN(TestBundleService)
#include "tst_bundleservice.moc"
