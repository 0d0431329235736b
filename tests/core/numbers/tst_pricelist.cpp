// PriceList::validated: an imported price list is validated whole, and each problem is
// refused with a message naming it and where it is. The shipped list passes, and toJson()
// reads back as the same list.
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/PriceList.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <functional>

using namespace sb;

namespace {

QByteArray shipped()
{
    (void)PriceList::builtIn(); // registers the core resources
    QFile f(QStringLiteral(":/data/pricelist.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no shipped price list");
    return f.readAll();
}

QJsonObject shippedObject()
{
    return QJsonDocument::fromJson(shipped()).object();
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson();
}

} // namespace

class TestPriceList : public QObject
{
    Q_OBJECT

private slots:
    void shippedListIsValid()
    {
        auto v = PriceList::validated(shipped());
        QVERIFY2(v.ok(), v ? "" : qPrintable(v.error().message));
        const PriceList& b = PriceList::builtIn();
        QCOMPARE(v->bundlePrice(), b.bundlePrice());
        QCOMPARE(v->channelPrice(), b.channelPrice());
        QCOMPARE(v->rates().size(), b.rates().size());
        QCOMPARE(v->countries().size(), NumberCatalogue::builtIn().countries().size());
    }

    void toJsonReadsBack()
    {
        const PriceList& b = PriceList::builtIn();
        const QJsonObject json = b.toJson();
        QCOMPARE(json.value(QStringLiteral("bundle")).toString(), QStringLiteral("30.00"));
        QCOMPARE(json.value(QStringLiteral("rates"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("rate")),
                 QJsonValue(QStringLiteral("0.0230")));
        auto again = PriceList::validated(bytes(json));
        QVERIFY2(again.ok(), again ? "" : qPrintable(again.error().message));
        QCOMPARE(again->toJson(), json);
        QCOMPARE(PriceList::rateText(5), QStringLiteral("0.0005"));
        QCOMPARE(PriceList::rateText(123456), QStringLiteral("12.3456"));
    }

    void rateZeroAllowed()
    {
        QJsonObject o = shippedObject();
        QJsonArray rates = o.value(QStringLiteral("rates")).toArray();
        rates.append(QJsonObject{{QStringLiteral("prefix"), QStringLiteral("800")},
                                 {QStringLiteral("rate"), QStringLiteral("0")},
                                 {QStringLiteral("name"), QStringLiteral("Free")}});
        o.insert(QStringLiteral("rates"), rates);
        auto v = PriceList::validated(bytes(o));
        QVERIFY2(v.ok(), v ? "" : qPrintable(v.error().message));
        QCOMPARE(v->rates().last().perMinuteTenThousandths, 0);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("mentions");
        const auto edited = [](const std::function<void(QJsonObject&)>& edit) {
            QJsonObject o = shippedObject();
            edit(o);
            return bytes(o);
        };
        const auto editRate = [&](int i, const QString& key, const QJsonValue& v) {
            return edited([=](QJsonObject& o) {
                QJsonArray rates = o.value(QStringLiteral("rates")).toArray();
                QJsonObject r = rates.at(i).toObject();
                if (v.isUndefined())
                    r.remove(key);
                else
                    r.insert(key, v);
                rates.replace(i, r);
                o.insert(QStringLiteral("rates"), rates);
            });
        };
        QTest::newRow("not JSON") << QByteArray("prices: cheap\n") << QStringLiteral("line 1");
        QTest::newRow("JSON error on line 3")
            << QByteArray("{\n \"bundle\": \"30.00\",\n \"channel\": ,\n}")
            << QStringLiteral("line 3");
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                << QStringLiteral("not UTF-8");
        QTest::newRow("latin-1") << QByteArray("{\"x\": \"caf\xe9\"}") << QStringLiteral("byte 11");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("JSON object");
        QTest::newRow("huge") << QByteArray(PriceList::MaxFileBytes + 1, ' ')
                              << QStringLiteral("too large");
        QTest::newRow("no bundle")
            << edited([](QJsonObject& o) { o.remove(QStringLiteral("bundle")); })
            << QStringLiteral("no bundle price");
        QTest::newRow("bundle as number")
            << edited([](QJsonObject& o) { o.insert(QStringLiteral("bundle"), 30); })
            << QStringLiteral("bundle price");
        QTest::newRow("channel zero") << edited([](QJsonObject& o) {
            o.insert(QStringLiteral("channel"), QStringLiteral("0.00"));
        }) << QStringLiteral("channel price");
        QTest::newRow("absurd channel") << edited([](QJsonObject& o) {
            o.insert(QStringLiteral("channel"), QStringLiteral("99999.00"));
        }) << QStringLiteral("at most 10000.00");
        QTest::newRow("unknown field") << edited([](QJsonObject& o) {
            o.insert(QStringLiteral("discount"), QStringLiteral("5%"));
        }) << QStringLiteral("\"discount\"");
        QTest::newRow("other currency") << edited([](QJsonObject& o) {
            o.insert(QStringLiteral("currency"), QStringLiteral("EUR"));
        }) << QStringLiteral("USD");
        QTest::newRow("unknown country") << edited([](QJsonObject& o) {
            QJsonObject n = o.value(QStringLiteral("numbers")).toObject();
            n.insert(QStringLiteral("XX"), n.value(QStringLiteral("US")));
            o.insert(QStringLiteral("numbers"), n);
        }) << QStringLiteral("\"XX\"");
        QTest::newRow("country missing") << edited([](QJsonObject& o) {
            QJsonObject n = o.value(QStringLiteral("numbers")).toObject();
            n.remove(QStringLiteral("PL"));
            o.insert(QStringLiteral("numbers"), n);
        }) << QStringLiteral("PL");
        QTest::newRow("unknown period") << edited([](QJsonObject& o) {
            QJsonObject n = o.value(QStringLiteral("numbers")).toObject();
            QJsonObject us = n.value(QStringLiteral("US")).toObject();
            us.insert(QStringLiteral("6"), QStringLiteral("30.00"));
            n.insert(QStringLiteral("US"), us);
            o.insert(QStringLiteral("numbers"), n);
        }) << QStringLiteral("\"6\" months in US");
        QTest::newRow("period missing") << edited([](QJsonObject& o) {
            QJsonObject n = o.value(QStringLiteral("numbers")).toObject();
            QJsonObject gb = n.value(QStringLiteral("GB")).toObject();
            gb.remove(QStringLiteral("12"));
            n.insert(QStringLiteral("GB"), gb);
            o.insert(QStringLiteral("numbers"), n);
        }) << QStringLiteral("12-month number price for GB");
        QTest::newRow("no rates") << edited([](QJsonObject& o) {
            o.insert(QStringLiteral("rates"), QJsonArray());
        }) << QStringLiteral("\"rates\"");
        QTest::newRow("negative rate")
            << editRate(2, QStringLiteral("rate"), QStringLiteral("-0.0100"))
            << QStringLiteral("negative");
        QTest::newRow("rate with five decimals")
            << editRate(0, QStringLiteral("rate"), QStringLiteral("0.02301"))
            << QStringLiteral("four decimals");
        QTest::newRow("rate as number")
            << editRate(0, QStringLiteral("rate"), 0.023) << QStringLiteral("rate 1 ");
        QTest::newRow("absurd rate")
            << editRate(1, QStringLiteral("rate"), QStringLiteral("25.0000"))
            << QStringLiteral("at most 10.0000");
        QTest::newRow("prefix not digits")
            << editRate(3, QStringLiteral("prefix"), QStringLiteral("+44"))
            << QStringLiteral("Rate 4 ");
        QTest::newRow("prefix with line break") // $ matches before a final \n (tests/fuzz)
            << editRate(3, QStringLiteral("prefix"), QStringLiteral("44\n"))
            << QStringLiteral("Rate 4 ");
        QTest::newRow("rate with line break")
            << editRate(0, QStringLiteral("rate"), QStringLiteral("0.0230\n"))
            << QStringLiteral("four decimals");
        QTest::newRow("prefix missing")
            << editRate(0, QStringLiteral("prefix"), QJsonValue(QJsonValue::Undefined))
            << QStringLiteral("Rate 1 ");
        QTest::newRow("unknown rate field")
            << editRate(0, QStringLiteral("discount"), QStringLiteral("1"))
            << QStringLiteral("\"discount\"");
        QTest::newRow("duplicate prefix") << edited([](QJsonObject& o) {
            QJsonArray rates = o.value(QStringLiteral("rates")).toArray();
            QJsonObject again = rates.at(1).toObject();
            again.insert(QStringLiteral("rate"), QStringLiteral("0.0001"));
            rates.append(again);
            o.insert(QStringLiteral("rates"), rates);
        }) << QStringLiteral("twice (rates 2 and");
    }

    void refused()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, mentions);
        auto v = PriceList::validated(file);
        QVERIFY(!v.ok());
        QCOMPARE(v.error().kind, Error::Kind::Invalid);
        QVERIFY2(v.error().message.contains(mentions), qPrintable(v.error().message));
        QVERIFY(!v.error().message.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestPriceList)
#include "tst_pricelist.moc"
