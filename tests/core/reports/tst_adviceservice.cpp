// Advice against hand-computed cases, both engines: the bundle count that would have cost
// least over the last three full months with calls (never above the channels, the current
// month and older months ignored), its monthly saving, and the channels the busiest hour needs
// by Erlang B at 1%.

#include "tests/support/CdrLines.h"
#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/reports/AdviceService.h"

#include <QBuffer>
#include <QTemporaryDir>

using namespace sb;

namespace {

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

// A bundle at 30.00 and US minutes at 0.0100: a full bundle's 5000 minutes would cost 50.00.
const PriceList& testPrices()
{
    static const PriceList p = [] {
        auto r = PriceList::fromJson(R"({"numbers": {}, "bundle": "30.00", "channel": "6.95",
            "rates": [{"prefix": "1", "rate": "0.0100", "name": "NANP"},
                      {"prefix": "1212", "rate": "0.0235", "name": "New York"},
                      {"prefix": "44", "rate": "0.0500", "name": "United Kingdom"}]})");
        if (!r)
            qFatal("test price list: %s", qPrintable(r.error().message));
        return *r;
    }();
    return p;
}

const QString kUs = QStringLiteral("3127365000"); // Chicago: the standard NANP rate

// US calls of `profile` for `minutes` in all in the month of `first`: calls of at most 600
// minutes (billsec 36000), two a day at 00:00 and 12:00 from `first` on, never overlapping.
QByteArray usMinutes(const QString& profile, const QDate& first, qint64 minutes)
{
    QByteArray file;
    int i = 0;
    while (minutes > 0) {
        const qint64 part = std::min<qint64>(minutes, 600);
        const QDateTime start(first.addDays(i / 2), QTime(i % 2 ? 12 : 0, 0), Qt::UTC);
        file += sbt::asteriskLine(
            profile, kUs, start, part * 60,
            QStringLiteral("%1.%2.%3").arg(profile, first.toString(Qt::ISODate)).arg(i));
        minutes -= part;
        ++i;
    }
    return file;
}

void import(const Context& ctx, const QByteArray& data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CallImportOptions options;
    options.fileName = QStringLiteral("Master.csv");
    auto r = CallImporter(ctx, testPrices()).import(&buffer, options);
    SB_VERIFY_OK(r);
    QCOMPARE(r->unknownRecords, 0);
    QCOMPARE(r->problemCount, 0);
}

void createProfile(const Context& ctx, const QString& name, int channels)
{
    NewSipProfile p;
    p.name = name;
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    p.channels = channels;
    const ProfileService profiles(ctx, testPrices());
    SB_VERIFY_OK(profiles.create(p));
    SB_VERIFY_OK(profiles.allocateCredit(name, m(100000)));
}

// 2026-05-15: April is the last full month.
QDateTime may15()
{
    return sbt::utc(2026, 5, 15, 12);
}

} // namespace

class TestAdviceService : public QObject
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

    // Pure arithmetic first: no database.
    void monthlyCostRoundsOnceAMonth()
    {
        const Money bundle = m(3000);
        // No bundle: 12,000 × 0.0100 = 120.00.
        QCOMPARE(AdviceService::monthlyCost(12000, 0, bundle, 100), m(12000));
        // Two bundles: 60.00 + 2000 × 0.0100.
        QCOMPARE(AdviceService::monthlyCost(12000, 2, bundle, 100), m(6000 + 2000));
        // More bundles than minutes: only the bundles.
        QCOMPARE(AdviceService::monthlyCost(12000, 3, bundle, 100), m(9000));
        // 3 minutes beyond at 0.0235 = 0.0705 → 0.07 (half up once, as the rater does);
        // 7 → 0.1645 → 0.16; 2 → 0.047 → 0.05.
        QCOMPARE(AdviceService::monthlyCost(5003, 1, bundle, 235), m(3000 + 7));
        QCOMPARE(AdviceService::monthlyCost(7, 0, bundle, 235), m(16));
        QCOMPARE(AdviceService::monthlyCost(2, 0, bundle, 235), m(5));
        QCOMPARE(AdviceService::monthlyCost(0, 0, bundle, 235), m(0));
    }

    void bestBundlesByHand()
    {
        // 12,000 US minutes a month, 4 channels: 0 → 120.00, 1 → 100.00, 2 → 80.00, 3 → 90.00,
        // 4 → 120.00. Best 2; with 1 now it saves 20.00 a month, with 4 now 40.00.
        auto b = AdviceService::bestBundles({12000, 12000, 12000}, 4, 1, m(3000), 100);
        QCOMPARE(b.best, 2);
        QCOMPARE(b.have, 1);
        QCOMPARE(b.averageBest, m(8000));
        QCOMPARE(b.averageNow, m(10000));
        QCOMPARE(b.monthlySaving, m(2000));
        QCOMPARE(AdviceService::bestBundles({12000}, 4, 4, m(3000), 100).monthlySaving, m(4000));
        // Already the best: no saving, never a negative one.
        QCOMPARE(AdviceService::bestBundles({12000}, 4, 2, m(3000), 100).monthlySaving, m(0));

        // Averages over months of different use: 11,000 / 13,001 / 6,000 at 0.0235 with
        // 29.99 bundles. Per count (month costs):
        //   0: 258.50 + 305.52 (305.5235) + 141.00             = 705.02
        //   1: 29.99 + 141.00 | 29.99 + 188.02 | 29.99 + 23.50 = 442.49
        //   2: 59.98 + 23.50  | 59.98 + 70.52  | 59.98         = 273.96
        //   3: 89.97 × 3                                       = 269.91 ← best
        //   4 (the channels): 119.96 × 3                       = 359.88
        // Averages half up: 3 → 89.97; 0 now → 235.0066… → 235.01; saving 145.04.
        b = AdviceService::bestBundles({11000, 13001, 6000}, 4, 0, m(2999), 235);
        QCOMPARE(b.best, 3);
        QCOMPARE(b.averageBest, m(8997));
        QCOMPARE(b.averageNow, m(23501));
        QCOMPARE(b.monthlySaving, m(23501 - 8997));
    }

    void bestBundlesEdges()
    {
        // Never above the channels: 30,000 minutes would want 6 bundles, 1 channel allows 1.
        auto b = AdviceService::bestBundles({30000, 30000, 30000}, 1, 0, m(3000), 100);
        QCOMPARE(b.best, 1);
        QCOMPARE(b.monthlySaving, m(30000 - 28000));
        // A tie keeps the fewer bundles: 5000 minutes cost 50.00 with none or one at 50.00.
        QCOMPARE(AdviceService::bestBundles({5000}, 4, 1, m(5000), 100).best, 0);
        // No US minutes: no bundle; one held costs its price for nothing.
        b = AdviceService::bestBundles({0, 0}, 2, 1, m(3000), 100);
        QCOMPARE(b.best, 0);
        QCOMPARE(b.monthlySaving, m(3000));
        // Without a US rate uncovered minutes cost nothing: no bundle pays off.
        QCOMPARE(AdviceService::bestBundles({50000}, 10, 0, m(3000), 0).best, 0);
        // No months: no advice.
        QVERIFY(!AdviceService::bestBundles({}, 4, 1, m(3000), 100).known());
    }

    void standardUsRate()
    {
        QCOMPARE(AdviceService::standardUsRate(testPrices()), 100);
        QCOMPARE(AdviceService::standardUsRate(PriceList::builtIn()), 230);
        auto none = PriceList::fromJson(R"({"numbers": {}, "bundle": "30.00", "channel": "6.95",
            "rates": [{"prefix": "44", "rate": "0.0500", "name": "United Kingdom"}]})");
        SB_VERIFY_OK(none);
        QCOMPARE(AdviceService::standardUsRate(*none), 0);
    }

    void bundlesFromTheLastThreeFullMonths_data() { sbt::addEngineRows(); }
    void bundlesFromTheLastThreeFullMonths()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine, sbt::utc(2026, 1, 1, 0));
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(1000000), QStringLiteral("SETUP")));
        createProfile(ctx, QStringLiteral("Sales"), 4);
        createProfile(ctx, QStringLiteral("Tiny"), 1);
        createProfile(ctx, QStringLiteral("Quiet"), 2);
        e.clock.set(may15());
        // Sales has one bundle from today; Quiet has two but makes no calls.
        SB_VERIFY_OK(BundleService(ctx, testPrices()).add(QStringLiteral("Sales"), 1));
        SB_VERIFY_OK(BundleService(ctx, testPrices()).add(QStringLiteral("Quiet"), 2));

        QByteArray file;
        // January: a UK call only (0 US minutes): a month with calls, but the fourth newest.
        file += sbt::asteriskLine(QStringLiteral("Sales"), QStringLiteral("011442071838750"),
                                  sbt::utc(2026, 1, 20, 9), 600, QStringLiteral("uk.1"));
        file += usMinutes(QStringLiteral("Sales"), QDate(2026, 2, 1), 12000);
        file += usMinutes(QStringLiteral("Sales"), QDate(2026, 3, 1), 11000);
        file += usMinutes(QStringLiteral("Sales"), QDate(2026, 4, 1), 13000);
        // The current month is not full: 14,000 minutes by the 15th are not counted.
        file += usMinutes(QStringLiteral("Sales"), QDate(2026, 5, 1), 14000);
        // Tiny: one full month only, far more than its one channel's bundle covers.
        file += usMinutes(QStringLiteral("Tiny"), QDate(2026, 4, 1), 16000);
        import(ctx, file);

        auto all = AdviceService(ctx, testPrices()).all();
        SB_VERIFY_OK(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).name, QStringLiteral("Quiet"));
        QCOMPARE(all->at(1).name, QStringLiteral("Sales"));
        QCOMPARE(all->at(2).name, QStringLiteral("Tiny"));

        // Sales, 4 channels, February to April: 12,000 / 11,000 / 13,000 minutes.
        //   0: 120 + 110 + 130 = 360; 1: 100 + 90 + 110 = 300; 2: 80 + 70 + 90 = 240;
        //   3: 90 × 3 = 270; 4: 120 × 3 = 360. Best 2 (80.00 a month); 1 now: 100.00.
        const ProfileAdvice& sales = all->at(1);
        QCOMPARE(sales.bundles.months,
                 (QStringList{QStringLiteral("2026-02"), QStringLiteral("2026-03"),
                              QStringLiteral("2026-04")}));
        QCOMPARE(sales.bundles.usMinutes, (QList<qint64>{12000, 11000, 13000}));
        QCOMPARE(sales.bundles.have, 1);
        QCOMPARE(sales.bundles.best, 2);
        QCOMPARE(sales.bundles.averageNow, m(10000));
        QCOMPARE(sales.bundles.averageBest, m(8000));
        QCOMPARE(sales.bundles.monthlySaving, m(2000));
        QCOMPARE(sales.channels.have, 4);

        // Tiny: April alone; 16,000 minutes would want 3 bundles, its 1 channel allows 1:
        // none 160.00, one 30.00 + 110.00 = 140.00.
        const ProfileAdvice& tiny = all->at(2);
        QCOMPARE(tiny.bundles.months, QStringList{QStringLiteral("2026-04")});
        QCOMPARE(tiny.bundles.have, 0);
        QCOMPARE(tiny.bundles.best, 1);
        QCOMPARE(tiny.bundles.monthlySaving, m(2000));

        // Quiet: no calls, no advice on either; what it has is still said.
        const ProfileAdvice& quiet = all->at(0);
        QVERIFY(!quiet.bundles.known());
        QCOMPARE(quiet.bundles.have, 2);
        QCOMPARE(quiet.bundles.best, 0);
        QCOMPARE(quiet.bundles.monthlySaving, m(0));
        QVERIFY(!quiet.channels.known());
        QCOMPARE(quiet.channels.need, 0);
        QCOMPARE(quiet.channels.have, 2);

        // One profile alone gives the same as in the list.
        auto one = AdviceService(ctx, testPrices()).forProfile(QStringLiteral("sales"));
        SB_VERIFY_OK(one);
        QCOMPARE(one->name, QStringLiteral("Sales"));
        QCOMPARE(one->bundles.best, 2);
        QCOMPARE(one->bundles.months, sales.bundles.months);
        QCOMPARE(one->bundles.monthlySaving, m(2000));

        // In June, May is full and counts: March to May (11,000 / 13,000 / 14,000):
        //   2: 70 + 90 + 100 = 260; 3: 270; best 2, now 1: 90 + 110 + 120 = 320 → 20.00.
        e.clock.set(sbt::utc(2026, 6, 1, 0));
        one = AdviceService(ctx, testPrices()).forProfile(QStringLiteral("Sales"));
        SB_VERIFY_OK(one);
        QCOMPARE(one->bundles.months,
                 (QStringList{QStringLiteral("2026-03"), QStringLiteral("2026-04"),
                              QStringLiteral("2026-05")}));
        QCOMPARE(one->bundles.averageBest, m(8667)); // 260 / 3 = 86.666… → 86.67
        QCOMPARE(one->bundles.best, 2);
    }

    void fewerMonthsIncludeAQuietOne_data() { sbt::addEngineRows(); }
    void fewerMonthsIncludeAQuietOne()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine, sbt::utc(2026, 1, 1, 0));
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(1000000), QStringLiteral("SETUP")));
        createProfile(ctx, QStringLiteral("Sales"), 4);
        e.clock.set(sbt::utc(2026, 4, 2, 0));
        SB_VERIFY_OK(BundleService(ctx, testPrices()).add(QStringLiteral("Sales"), 1));
        // January a UK call only (0 US minutes), February 12,000; no March calls at all.
        QByteArray file =
            sbt::asteriskLine(QStringLiteral("Sales"), QStringLiteral("011442071838750"),
                              sbt::utc(2026, 1, 20, 9), 600, QStringLiteral("uk.1"));
        file += usMinutes(QStringLiteral("Sales"), QDate(2026, 2, 1), 12000);
        import(ctx, file);

        auto a = AdviceService(ctx, testPrices()).forProfile(QStringLiteral("Sales"));
        SB_VERIFY_OK(a);
        // Two months with call records: January (0 US minutes) and February.
        //   0: 0 + 120 = 120; 1: 30 + 100 = 130; 2: 60 + 80 = 140. Best none, saving
        //   130 / 2 − 120 / 2 = 5.00.
        QCOMPARE(a->bundles.months,
                 (QStringList{QStringLiteral("2026-01"), QStringLiteral("2026-02")}));
        QCOMPARE(a->bundles.usMinutes, (QList<qint64>{0, 12000}));
        QCOMPARE(a->bundles.best, 0);
        QCOMPARE(a->bundles.averageBest, m(6000));
        QCOMPARE(a->bundles.monthlySaving, m(500));
    }

    void channelsFromTheBusiestHour_data() { sbt::addEngineRows(); }
    void channelsFromTheBusiestHour()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine, sbt::utc(2026, 4, 1, 0));
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(1000000), QStringLiteral("SETUP")));
        createProfile(ctx, QStringLiteral("Support"), 10);
        createProfile(ctx, QStringLiteral("Small"), 2);
        e.clock.set(may15());

        QByteArray file;
        // 2026-04-07 09:00–10:00: four calls hold a channel the whole hour (5 s ringing +
        // 3595 s) and one for 2880 s: 17,280 s = 4.8 erlangs → 11 channels at 1%.
        for (int i = 0; i < 4; ++i)
            file += sbt::asteriskLine(QStringLiteral("Support"), kUs, sbt::utc(2026, 4, 7, 9), 3595,
                                      QStringLiteral("s.%1").arg(i));
        file += sbt::asteriskLine(QStringLiteral("Support"), kUs, sbt::utc(2026, 4, 7, 9), 2875,
                                  QStringLiteral("s.4"));
        // A quieter hour the next day: two calls.
        for (int i = 0; i < 2; ++i)
            file += sbt::asteriskLine(QStringLiteral("Support"), kUs, sbt::utc(2026, 4, 8, 14),
                                      3595, QStringLiteral("t.%1").arg(i));
        // Small: one short call in the current month still counts for channels (the busiest
        // hour so far): 30 s, 0.0083 erlangs, B(E, 1) = 0.83% → 1 channel.
        file += sbt::asteriskLine(QStringLiteral("Small"), kUs, sbt::utc(2026, 5, 3, 10), 25,
                                  QStringLiteral("m.1"));
        import(ctx, file);

        auto all = AdviceService(ctx, testPrices()).all();
        SB_VERIFY_OK(all);
        QCOMPARE(all->size(), 2);
        const ProfileAdvice::Channels& support = all->at(1).channels;
        QCOMPARE(all->at(1).name, QStringLiteral("Support"));
        QCOMPARE(support.busiestHour, QStringLiteral("2026-04-07T09"));
        QCOMPARE(support.busyHourSeconds, 17280);
        QCOMPARE(support.busyHourErlangs, 4.8);
        QCOMPARE(support.need, 11);
        QCOMPARE(support.have, 10);

        const ProfileAdvice::Channels& small = all->at(0).channels;
        QCOMPARE(small.busyHourSeconds, 30);
        QCOMPARE(small.need, 1);
        QCOMPARE(small.have, 2);
        // Its only calls are in the current month: no bundle advice yet.
        QVERIFY(!all->at(0).bundles.known());
        // 40 s more in that hour: 70 s is 1.9% of the hour, so one channel would block 1.9%
        // of calls: 2 at 1%.
        import(ctx, sbt::asteriskLine(QStringLiteral("Small"), kUs, sbt::utc(2026, 5, 3, 10, 30),
                                      35, QStringLiteral("m.2")));
        auto small2 = AdviceService(ctx, testPrices()).forProfile(QStringLiteral("Small"));
        SB_VERIFY_OK(small2);
        QCOMPARE(small2->channels.busyHourSeconds, 70);
        QCOMPARE(small2->channels.need, 2);

        // 5 erlangs: another call of 720 s in that hour makes 18,000 s → still 11.
        import(ctx, sbt::asteriskLine(QStringLiteral("Support"), kUs, sbt::utc(2026, 4, 7, 9, 30),
                                      715, QStringLiteral("s.5")));
        auto one = AdviceService(ctx, testPrices()).forProfile(QStringLiteral("Support"));
        SB_VERIFY_OK(one);
        QCOMPARE(one->channels.busyHourErlangs, 5.0);
        QCOMPARE(one->channels.need, 11);
    }

    void unknownProfile_data() { sbt::addEngineRows(); }
    void unknownProfile()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        auto a = AdviceService(*e.ctx, testPrices()).forProfile(QStringLiteral("Nobody"));
        QVERIFY(!a);
        QCOMPARE(a.error().kind, Error::Kind::NotFound);
        QVERIFY(a.error().message.contains(QStringLiteral("Nobody")));
        // No profiles: an empty list, not an error.
        auto all = AdviceService(*e.ctx, testPrices()).all();
        SB_VERIFY_OK(all);
        QVERIFY(all->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAdviceService)
#include "tst_adviceservice.moc"
