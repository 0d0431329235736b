// ChartData on both engines: the dashboard's series for a known account (tests/support/
// ChartAccount.h, worked out by hand there): spending per month by kind and by department,
// bundle minutes of the current periods, peak simultaneous calls per day by a sweep (calls
// over midnight, an end and a start in the same second, ringing only), the company balance
// per day from the month summary and the ledger; an empty account; an unknown profile.

#include "tests/support/CoreTest.h"

#include "core/reports/ChartData.h"
#include "tests/support/ChartAccount.h"

using namespace sb;

namespace {

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

qint64 deskId(const Context& ctx)
{
    return sbt::scalar(ctx.db, QStringLiteral("SELECT id FROM profiles WHERE name = 'Desk'"))
        .toLongLong();
}

} // namespace

class TestChartData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void spendingByKind_data() { sbt::addEngineRows(); }
    void spendingByKind()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        auto s = ChartData(ctx).spendingByKind();
        SB_VERIFY_OK(s);
        QCOMPARE(s->months.size(), 12);
        QCOMPARE(s->months.first(), QDate(2025, 4, 1));
        QCOMPARE(s->months.last(), QDate(2026, 3, 1));
        QCOMPARE(s->series, QStringList({QStringLiteral("numbers"), QStringLiteral("channels"),
                                         QStringLiteral("bundles"), QStringLiteral("calls")}));
        const int jan = 9;
        const int mar = 11;
        QCOMPARE(s->amounts[0][jan], m(600));
        QCOMPARE(s->amounts[0][mar], m(0));
        QCOMPARE(s->amounts[1][mar], m(3475));
        QCOMPARE(s->amounts[2][mar], m(9000));
        QCOMPARE(s->amounts[3][mar], m(11));
        QCOMPARE(s->monthTotal(mar), m(3475 + 9000 + 11));
        QCOMPARE(s->total(), m(600 + 3475 + 9000 + 11));
        for (int i = 0; i < 12; ++i)
            if (i != jan && i != mar)
                QCOMPARE(s->monthTotal(i), m(0));
        QVERIFY(!s->isEmpty());
    }

    void spendingByKindCountsRefunds_data() { sbt::addEngineRows(); }
    void spendingByKindCountsRefunds()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        // Front changes its 2 bundles (0 of 10000 minutes used) for 1 on 03-10: 60.00 back,
        // 30.00 paid: bundles of March 90.00 − 60.00 + 30.00.
        SB_VERIFY_OK(BundleService(ctx, sbt::chartPrices()).change(QStringLiteral("Front"), 1));
        auto s = ChartData(ctx).spendingByKind();
        SB_VERIFY_OK(s);
        QCOMPARE(s->amounts[2][11], m(6000));
    }

    void spendingByDepartment_data() { sbt::addEngineRows(); }
    void spendingByDepartment()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        auto s = ChartData(ctx).spendingByDepartment();
        SB_VERIFY_OK(s);
        // Front office 73.90, Support 50.86, Sales 6.10: biggest first.
        QCOMPARE(s->series, QStringList({QStringLiteral("Front office"), QStringLiteral("Support"),
                                         QStringLiteral("Sales")}));
        QVERIFY(!s->hasOthers);
        QCOMPARE(s->amounts[0][11], m(1390 + 6000));
        QCOMPARE(s->amounts[1][11], m(2085 + 3000 + 1));
        QCOMPARE(s->amounts[2][9], m(600));
        QCOMPARE(s->amounts[2][11], m(10));

        auto top = ChartData(ctx).spendingByDepartment(12, 1);
        SB_VERIFY_OK(top);
        QCOMPARE(top->series, QStringList({QStringLiteral("Front office"), QString()}));
        QVERIFY(top->hasOthers);
        QCOMPARE(top->othersCount, 2);
        QCOMPARE(top->amounts[1][11], m(2085 + 3000 + 1 + 10));
        QCOMPARE(top->amounts[1][9], m(600));
        QCOMPARE(top->total(), s->total());

        // Three months: January is still in, the year before is not.
        auto three = ChartData(ctx).spendingByDepartment(3);
        SB_VERIFY_OK(three);
        QCOMPARE(three->months.first(), QDate(2026, 1, 1));
        QCOMPARE(three->total(), s->total());
        env.clock.set(sbt::utc(2026, 4, 2));
        auto april = ChartData(ctx).spendingByDepartment(2);
        SB_VERIFY_OK(april);
        QCOMPARE(april->total(), m(1390 + 6000 + 2085 + 3000 + 1 + 10));
    }

    void bundleUsage_data() { sbt::addEngineRows(); }
    void bundleUsage()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        auto u = ChartData(ctx).bundleUsage();
        SB_VERIFY_OK(u);
        QCOMPARE(u->top.size(), 2);
        QCOMPARE(u->top[0].profile, QStringLiteral("Front"));
        QCOMPARE(u->top[0].used, 0);
        QCOMPARE(u->top[0].included, 10000);
        QCOMPARE(u->top[1].profile, QStringLiteral("Desk"));
        QCOMPARE(u->top[1].used, 42);
        QCOMPARE(u->top[1].included, 5000);
        QCOMPARE(u->restCount, 0);

        auto one = ChartData(ctx).bundleUsage(1);
        SB_VERIFY_OK(one);
        QCOMPARE(one->top.size(), 1);
        QCOMPARE(one->restCount, 1);
        QCOMPARE(one->restUsed, 42);
        QCOMPARE(one->restIncluded, 5000);

        // Cancelled bundles count until their period ends (2026-04-01); after that no
        // period is current (nobody ran the renewals).
        SB_VERIFY_OK(BundleService(ctx, sbt::chartPrices()).cancel(QStringLiteral("Desk")));
        QCOMPARE(ChartData(ctx).bundleUsage()->top.size(), 2);
        env.clock.set(sbt::utc(2026, 3, 31, 23, 59, 59));
        QCOMPARE(ChartData(ctx).bundleUsage()->top.size(), 2);
        env.clock.set(sbt::utc(2026, 4, 1));
        auto later = ChartData(ctx).bundleUsage();
        SB_VERIFY_OK(later);
        QVERIFY(later->isEmpty());
        QCOMPARE(later->restCount, 0);
    }

    void peakCalls_data() { sbt::addEngineRows(); }
    void peakCalls()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        auto p = ChartData(ctx).peakCalls(deskId(ctx));
        SB_VERIFY_OK(p);
        QCOMPARE(p->profile, QStringLiteral("Desk"));
        QCOMPARE(p->channels, 3);
        QCOMPARE(p->days.size(), 30);
        QCOMPARE(p->days.first(), QDate(2026, 2, 9));
        QCOMPARE(p->days.last(), QDate(2026, 3, 10));
        QList<int> expected(30, 0);
        expected[24] = 1; // 03-05: ringing only
        expected[28] = 2; // 03-09
        expected[29] = 2; // 03-10: the 23:50 call and the 00:05 one
        QCOMPARE(p->peaks, expected);
        QCOMPARE(p->highest(), 2);

        // In Oslo (UTC+1 in March) the 23:50 call starts on 03-10 at 00:50, and the 09:00
        // ones are still on 03-09.
        auto oslo = ChartData(ctx, QTimeZone("Europe/Oslo")).peakCalls(deskId(ctx), 2);
        SB_VERIFY_OK(oslo);
        QCOMPARE(oslo->days, QList<QDate>({QDate(2026, 3, 9), QDate(2026, 3, 10)}));
        QCOMPARE(oslo->peaks, QList<int>({2, 2}));

        // A profile without calls: zeros; one that is not there: refused.
        auto front = ChartData(ctx).peakCalls(
            sbt::scalar(ctx.db, QStringLiteral("SELECT id FROM profiles WHERE name = 'Front'"))
                .toLongLong());
        SB_VERIFY_OK(front);
        QVERIFY(front->isEmpty());
        auto none = ChartData(ctx).peakCalls(999);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().kind, Error::Kind::NotFound);
    }

    void peakCallsCountsCallsOverMidnightIntoTheWindow_data() { sbt::addEngineRows(); }
    void peakCallsCountsCallsOverMidnightIntoTheWindow()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        // A window of today only: the call that began yesterday at 23:50 is still going.
        auto p = ChartData(ctx).peakCalls(deskId(ctx), 1);
        SB_VERIFY_OK(p);
        QCOMPARE(p->peaks, QList<int>({2}));
    }

    void profiles_data() { sbt::addEngineRows(); }
    void profiles()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        auto list = ChartData(ctx).profiles();
        SB_VERIFY_OK(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("Desk"));
        QCOMPARE(list->at(0).id, deskId(ctx));
        QCOMPARE(list->at(0).channels, 3);
        QCOMPARE(list->at(1).name, QStringLiteral("Front"));
    }

    void companyBalance_data() { sbt::addEngineRows(); }
    void companyBalance()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        auto b = ChartData(ctx).companyBalance();
        SB_VERIFY_OK(b);
        QCOMPARE(b->days.size(), 90);
        QCOMPARE(b->closing.size(), 90);
        QCOMPARE(b->days.first(), QDate(2025, 12, 11));
        QCOMPARE(b->days.last(), QDate(2026, 3, 10));
        QVERIFY(b->moved);
        for (int i = 0; i < 90; ++i) {
            const QDate d = b->days[i];
            const Money want = d < QDate(2026, 1, 15)  ? m(0)
                               : d < QDate(2026, 3, 1) ? m(49400)
                                                       : m(26925);
            QVERIFY2(b->closing[i] == want, qPrintable(d.toString(Qt::ISODate)));
        }
        QCOMPARE(b->closing.last(), *CompanyService(ctx).balance());

        // Five days: the January close from balance_months, then March's entries.
        auto five = ChartData(ctx).companyBalance(5);
        SB_VERIFY_OK(five);
        QCOMPARE(five->closing, QList<Money>(5, m(26925)));
        // From 02-20 to 03-10: the first days before the March entries.
        auto nineteen = ChartData(ctx).companyBalance(19);
        SB_VERIFY_OK(nineteen);
        QCOMPARE(nineteen->days.first(), QDate(2026, 2, 20));
        QCOMPARE(nineteen->closing.first(), m(49400));
        QCOMPARE(nineteen->closing[8], m(49400)); // 02-28
        QCOMPARE(nineteen->closing[9], m(26925)); // 03-01
    }

    void emptyAccount_data() { sbt::addEngineRows(); }
    void emptyAccount()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        const ChartData data(ctx);
        QVERIFY(data.spendingByKind()->isEmpty());
        QVERIFY(data.spendingByDepartment()->series.isEmpty());
        QVERIFY(data.bundleUsage()->isEmpty());
        QVERIFY(data.profiles()->isEmpty());
        auto b = data.companyBalance();
        SB_VERIFY_OK(b);
        QVERIFY(b->isEmpty());
        QCOMPARE(b->closing, QList<Money>(90, m(0)));
    }
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
