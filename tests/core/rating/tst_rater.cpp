// Rater: whole minutes rounded up, the longest matching prefix, one half-up rounding to the
// cent per call, normalisation of international (+, 00, 011), national and 10-digit NANP
// forms with the payer's region, internal extensions, unanswered calls, destinations without
// a rate and numbers that are not numbers.

#include "core/rating/Rater.h"

#include <QTest>

using namespace sb;
using Status = RatedCall::Status;

namespace {

// Rates chosen so that every bill below is worked out by hand in its row.
PriceList testPrices()
{
    auto p = PriceList::fromJson(R"({
        "numbers": {}, "bundle": "30.00", "channel": "6.95",
        "rates": [
            {"prefix": "1", "rate": "0.0100", "name": "NANP"},
            {"prefix": "1212", "rate": "0.0235", "name": "New York"},
            {"prefix": "44", "rate": "0.0500", "name": "United Kingdom"},
            {"prefix": "447", "rate": "0.1234", "name": "United Kingdom mobile"},
            {"prefix": "47", "rate": "0.0250", "name": "Norway"},
            {"prefix": "474", "rate": "0.0999", "name": "Norway mobile"}
        ]})");
    if (!p)
        qFatal("test price list: %s", qPrintable(p.error().message));
    return *p;
}

CallRecord answered(const QString& dst, qint64 billsec)
{
    CallRecord r;
    r.accountCode = QStringLiteral("acme-sales");
    r.destination = dst;
    r.start = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    r.answer = r.start.addSecs(5);
    r.end = r.answer.addSecs(billsec);
    r.duration = billsec + 5;
    r.billsec = billsec;
    r.disposition = QStringLiteral("ANSWERED");
    r.uniqueId = QStringLiteral("1.1");
    return r;
}

} // namespace

class TestRater : public QObject
{
    Q_OBJECT

private slots:
    void minutesRoundUp()
    {
        QCOMPARE(Rater::billedMinutes(0), 0);
        QCOMPARE(Rater::billedMinutes(1), 1);
        QCOMPARE(Rater::billedMinutes(59), 1);
        QCOMPARE(Rater::billedMinutes(60), 1);
        QCOMPARE(Rater::billedMinutes(61), 2);
        QCOMPARE(Rater::billedMinutes(3600), 60);
        QCOMPARE(Rater::billedMinutes(3601), 61);
    }

    void priceRoundsOncePerCallHalfUp()
    {
        // 3 × 0.0235 = 0.0705 → 0.07 (per-minute rounding would give 3 × 0.02 = 0.06)
        QCOMPARE(Rater::price(3, 235)->cents(), 7);
        // 1 × 0.0250 = 0.025 → 0.03: half up
        QCOMPARE(Rater::price(1, 250)->cents(), 3);
        // 1 × 0.0249 → 0.02
        QCOMPARE(Rater::price(1, 249)->cents(), 2);
        // 100 × 0.1234 = 12.34
        QCOMPARE(Rater::price(100, 1234)->cents(), 1234);
        QCOMPARE(Rater::price(0, 1234)->cents(), 0);
        QVERIFY(!Rater::price(std::numeric_limits<qint64>::max() / 2, 1234));
    }

    void longestPrefix()
    {
        const PriceList prices = testPrices();
        const Rater rater(prices);
        QCOMPARE(rater.rateFor(QStringLiteral("+12127365000"))->prefix, QStringLiteral("1212"));
        QCOMPARE(rater.rateFor(QStringLiteral("+16467781234"))->prefix, QStringLiteral("1"));
        QCOMPARE(rater.rateFor(QStringLiteral("+447911123456"))->prefix, QStringLiteral("447"));
        QCOMPARE(rater.rateFor(QStringLiteral("+442071838750"))->prefix, QStringLiteral("44"));
        QVERIFY(!rater.rateFor(QStringLiteral("+33142685300")));
    }

    void rate_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("dialled");
        QTest::addColumn<qint64>("billsec");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<qint64>("minutes");
        QTest::addColumn<qint64>("cents");

        const auto charged = static_cast<int>(Status::Charged);
        // 125 s → 3 min × 0.0235 = 0.0705 → 0.07
        QTest::newRow("NANP 10 digits") << "US"
                                        << "2127365000" << qint64(125) << charged << "+12127365000"
                                        << "1212" << qint64(3) << qint64(7);
        QTest::newRow("NANP 1 + 10 digits")
            << "US"
            << "12127365000" << qint64(125) << charged << "+12127365000"
            << "1212" << qint64(3) << qint64(7);
        // 30 s → 1 min × 0.0100 = 0.01 (646 is not priced apart: prefix 1)
        QTest::newRow("NANP formatted")
            << "US"
            << "+1 (646) 778-1234" << qint64(30) << charged << "+16467781234"
            << "1" << qint64(1) << qint64(1);
        // 60 s → 1 min × 0.1234 → 0.12
        QTest::newRow("011 from the US")
            << "US"
            << "011447911123456" << qint64(60) << charged << "+447911123456"
            << "447" << qint64(1) << qint64(12);
        // 61 s → 2 min × 0.0500 = 0.10
        QTest::newRow("00 from the US")
            << "US"
            << "00442071838750" << qint64(61) << charged << "+442071838750"
            << "44" << qint64(2) << qint64(10);
        // 1 s → 1 min × 0.0250 = 0.025 → 0.03
        QTest::newRow("00 from Norway") << "NO"
                                        << "004722123400" << qint64(1) << charged << "+4722123400"
                                        << "47" << qint64(1) << qint64(3);
        QTest::newRow("national in Norway") << "NO"
                                            << "22123400" << qint64(1) << charged << "+4722123400"
                                            << "47" << qint64(1) << qint64(3);
        // 600 s → 10 min × 0.0999 = 0.999 → 1.00
        QTest::newRow("Norwegian mobile, +")
            << "US"
            << "+4741234567" << qint64(600) << charged << "+4741234567"
            << "474" << qint64(10) << qint64(100);
        QTest::newRow("UK national from the UK")
            << "GB"
            << "07911123456" << qint64(60) << charged << "+447911123456"
            << "447" << qint64(1) << qint64(12);
        QTest::newRow("internal extension")
            << "US"
            << "2001" << qint64(100) << static_cast<int>(Status::Internal) << ""
            << "" << qint64(0) << qint64(0);
        QTest::newRow("six-digit extension")
            << "US"
            << "123456" << qint64(100) << static_cast<int>(Status::Internal) << ""
            << "" << qint64(0) << qint64(0);
        QTest::newRow("feature code")
            << "US"
            << "*97" << qint64(10) << static_cast<int>(Status::Internal) << ""
            << "" << qint64(0) << qint64(0);
        QTest::newRow("not answered")
            << "US"
            << "2127365000" << qint64(0) << static_cast<int>(Status::Unanswered) << "+12127365000"
            << "1212" << qint64(0) << qint64(0);
        QTest::newRow("no rate") << "US"
                                 << "0033142685300" << qint64(60)
                                 << static_cast<int>(Status::NoRate) << "+33142685300"
                                 << "" << qint64(0) << qint64(0);
        QTest::newRow("not a number")
            << "US"
            << "1234567" << qint64(60) << static_cast<int>(Status::Invalid) << ""
            << "" << qint64(0) << qint64(0);
    }

    void rate()
    {
        QFETCH(QString, region);
        QFETCH(QString, dialled);
        QFETCH(qint64, billsec);
        QFETCH(int, status);
        QFETCH(QString, e164);
        QFETCH(QString, prefix);
        QFETCH(qint64, minutes);
        QFETCH(qint64, cents);
        const PriceList prices = testPrices();
        const Rater rater(prices);
        CallRecord r = answered(dialled, billsec);
        if (billsec == 0) {
            r.answer = QDateTime();
            r.disposition = QStringLiteral("NO ANSWER");
        }
        const RatedCall rated = rater.rate(r, region);
        QCOMPARE(static_cast<int>(rated.status), status);
        QCOMPARE(rated.e164, e164);
        QCOMPARE(rated.prefix, prefix);
        QCOMPARE(rated.minutes, minutes);
        QCOMPARE(rated.price.cents(), cents);
    }

    void answeredWithZeroBillsecIsNotCharged()
    {
        const PriceList prices = testPrices();
        const Rater rater(prices);
        const RatedCall rated =
            rater.rate(answered(QStringLiteral("2127365000"), 0), QStringLiteral("US"));
        QCOMPARE(rated.status, Status::Unanswered);
        QCOMPARE(rated.price.cents(), 0);
    }

    void builtInPriceListRates()
    {
        const Rater rater(PriceList::builtIn());
        const RatedCall rated =
            rater.rate(answered(QStringLiteral("2127365000"), 60), QStringLiteral("US"));
        QCOMPARE(rated.status, Status::Charged);
        QVERIFY(rated.price.isPositive());
    }
};

QTEST_GUILESS_MAIN(TestRater)
#include "tst_rater.moc"
