// The shipped catalogue and price list: every number offered is a valid number of its
// country and area by libphonenumber, and every country has a price for each period.
#include "core/base/PhoneNumbers.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/PriceList.h"

#include <QSet>
#include <QTest>

using namespace sb;

class TestNumberCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void shipsTheRequiredCountries()
    {
        QStringList codes;
        for (const auto& c : NumberCatalogue::builtIn().countries())
            codes << c.code;
        for (const char* required : {"US", "CA", "GB", "DE", "FR", "NL", "NO", "PL"}) {
            QVERIFY2(codes.contains(QString::fromLatin1(required)), required);
            const auto* c = NumberCatalogue::builtIn().country(QString::fromLatin1(required));
            QVERIFY(c->areas.size() >= 3);
        }
    }

    void everyNumberIsValidForItsCountryAndArea()
    {
        const NumberCatalogue& cat = NumberCatalogue::builtIn();
        QSet<QString> seen;
        int walked = 0;
        for (const auto& c : cat.countries()) {
            for (const auto& a : c.areas) {
                const QStringList numbers = cat.numbers(c, a);
                // Every number of the block came through: none was dropped as invalid.
                QCOMPARE(numbers.size(), a.count);
                for (const QString& e164 : numbers) {
                    QVERIFY2(PhoneNumbers::isValidForRegion(e164, c.code), qPrintable(e164));
                    QCOMPARE(PhoneNumbers::regionOf(e164), c.code);
                    QVERIFY2(!seen.contains(e164), qPrintable(e164));
                    seen.insert(e164);
                    // The national form starts with the area code (after a trunk 0 where the
                    // country has one).
                    QString national = PhoneNumbers::formatNational(e164);
                    national.remove(QRegularExpression(QStringLiteral("[^0-9]")));
                    if (national.startsWith(QLatin1Char('0')))
                        national.remove(0, 1);
                    if (c.code == QLatin1String("US") || c.code == QLatin1String("CA"))
                        national = e164.mid(2);
                    QVERIFY2(national.startsWith(a.code),
                             qPrintable(e164 + QLatin1Char(' ') + a.code));
                    ++walked;
                }
            }
        }
        QVERIFY(walked > 3000);
    }

    void placesComeFromTheGeocoder()
    {
        QCOMPARE(PhoneNumbers::placeName(QStringLiteral("+12125550100"), QStringLiteral("en")),
                 QStringLiteral("New York, NY"));
        QCOMPARE(PhoneNumbers::placeName(QStringLiteral("+442079460000"), QStringLiteral("en")),
                 QStringLiteral("London"));
        QCOMPARE(PhoneNumbers::placeName(QStringLiteral("+4722123400"), QStringLiteral("en")),
                 QStringLiteral("Oslo"));
        QCOMPARE(PhoneNumbers::formatNational(QStringLiteral("+12125550100")),
                 QStringLiteral("(212) 555-0100"));
        QCOMPARE(PhoneNumbers::formatNational(QStringLiteral("+4722123400")),
                 QStringLiteral("22 12 34 00"));
        QVERIFY(PhoneNumbers::isUnitedStates(QStringLiteral("+12125550100")));
        QVERIFY(!PhoneNumbers::isUnitedStates(QStringLiteral("+14165550100")));
        QVERIFY(PhoneNumbers::toE164(QStringLiteral("12345"), QStringLiteral("US")).isEmpty());
    }

    void everyCountryHasEveryPeriodPriced()
    {
        const PriceList& prices = PriceList::builtIn();
        for (const auto& c : NumberCatalogue::builtIn().countries()) {
            for (int months : PriceList::billingPeriods()) {
                const auto p = prices.numberPrice(c.code, months);
                QVERIFY2(p && p->isPositive(), qPrintable(c.code));
            }
        }
        QCOMPARE(prices.numberPrice(QStringLiteral("US"), 1)->toString(), QStringLiteral("6.00"));
        QCOMPARE(prices.numberPrice(QStringLiteral("US"), 3)->toString(), QStringLiteral("15.00"));
        QCOMPARE(prices.numberPrice(QStringLiteral("US"), 12)->toString(), QStringLiteral("50.00"));
        QVERIFY(!prices.numberPrice(QStringLiteral("US"), 2));
        QCOMPARE(prices.bundlePrice().toString(), QStringLiteral("30.00"));
        QCOMPARE(prices.channelPrice().toString(), QStringLiteral("6.95"));
    }

    void malformedPriceListsAreRefused()
    {
        QVERIFY(!PriceList::fromJson("nonsense").ok());
        QVERIFY(
            !PriceList::fromJson(
                 R"({"numbers":{"US":{"1":"6.00","3":"x","12":"50.00"}},"bundle":"30.00","channel":"6.95"})")
                 .ok());
        QVERIFY(!PriceList::fromJson(R"({"numbers":{},"bundle":"0","channel":"6.95"})").ok());
        QVERIFY(
            !PriceList::fromJson(
                 R"({"numbers":{},"bundle":"30.00","channel":"6.95","rates":[{"prefix":"1","rate":"0.12345"}]})")
                 .ok());
        auto ok = PriceList::fromJson(
            R"({"numbers":{},"bundle":"30.00","channel":"6.95","rates":[{"prefix":"1","rate":"0.023"}]})");
        QVERIFY(ok.ok());
        QCOMPARE(ok->rates().first().perMinuteTenThousandths, 230);
    }
};

QTEST_GUILESS_MAIN(TestNumberCatalogue)
#include "tst_numbercatalogue.moc"
