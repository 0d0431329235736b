// PriceListStore on both engines: the shipped list is in force until one is imported; an
// import is validated whole and replaces it at once (one settings row, one activity line),
// and every service built without a list then uses it; an invalid file changes nothing.
#include "tests/support/CoreTest.h"
#include "tests/support/PriceLists.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/numbers/PriceListStore.h"
#include "core/profiles/ProfileService.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace sb;

namespace {

// The shipped list with US numbers at 7.25 a month, the bundle at 33.00 and a rate for 1
// at 0.0199.
QJsonObject dearer()
{
    QJsonObject o = sb::test::withNumberPrice(PriceList::builtIn().toJson(), QStringLiteral("US"),
                                              1, QStringLiteral("7.25"));
    o.insert(QStringLiteral("bundle"), QStringLiteral("33.00"));
    QJsonArray rates = o.value(QStringLiteral("rates")).toArray();
    QJsonObject first = rates.at(0).toObject();
    first.insert(QStringLiteral("rate"), QStringLiteral("0.0199"));
    rates.replace(0, first);
    o.insert(QStringLiteral("rates"), rates);
    return o;
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestPriceListStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void builtInUntilImported_data() { sbt::addEngineRows(); }
    void builtInUntilImported()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        QCOMPARE(&PriceListStore::current(*e.ctx), &PriceList::builtIn());
        QCOMPARE(PriceListStore(*e.ctx).isImported().value(), false);
        QTemporaryDir dir;
        const QString path =
            write(dir, QStringLiteral("prices-2027.json"), QJsonDocument(dearer()).toJson());
        auto done = PriceListStore(*e.ctx).importFile(path);
        SB_VERIFY_OK(done);
        QCOMPARE(done->file, QStringLiteral("prices-2027.json"));
        QCOMPARE(done->countries, 8);
        QCOMPARE(done->rates, int(PriceList::builtIn().rates().size()));
        QCOMPARE(PriceListStore(*e.ctx).isImported().value(), true);
        const PriceList& now = PriceListStore::current(*e.ctx);
        QCOMPARE(now.bundlePrice(), Money::fromCents(3300));
        QCOMPARE(now.rates().first().perMinuteTenThousandths, 199);
        QCOMPARE(now.toJson(), dearer());
        // The same list again is the same object: parsed once.
        QCOMPARE(&PriceListStore::current(*e.ctx), &now);
        QCOMPARE(sbt::count(e.db(), QStringLiteral("settings")), 1);
        auto log = ActivityLog(*e.ctx).page(1);
        SB_VERIFY_OK(log);
        QCOMPARE(log->first().key, QStringLiteral("prices.imported"));
        QCOMPARE(log->first().subject, QStringLiteral("prices-2027.json"));
        QCOMPARE(log->first().values.value(QStringLiteral("countries")).toInt(), 8);

        // Services built without a list use it: a number bought now costs 7.25.
        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        SB_VERIFY_OK(MemberService(*e.ctx).add(
            {QStringLiteral("alice.smith"), QStringLiteral("Alice"), {}, {}}));
        QCOMPARE(NumberService(*e.ctx).prices(QStringLiteral("US"))->value(1),
                 Money::fromCents(725));
        auto bought =
            NumberService(*e.ctx).buy({QStringLiteral("US"),
                                       QStringLiteral("212"),
                                       1,
                                       {NumberHolder::member(QStringLiteral("alice.smith"))},
                                       false});
        SB_VERIFY_OK(bought);
        QCOMPARE(bought->first().price, Money::fromCents(725));

        // Another import replaces it whole, in the same one row.
        QJsonObject cheaper = dearer();
        cheaper.insert(QStringLiteral("bundle"), QStringLiteral("29.00"));
        SB_VERIFY_OK(PriceListStore(*e.ctx).importBytes(QJsonDocument(cheaper).toJson(),
                                                        QStringLiteral("b.json")));
        QCOMPARE(PriceListStore::current(*e.ctx).bundlePrice(), Money::fromCents(2900));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("settings")), 1);
    }

    void invalidFileChangesNothing_data() { sbt::addEngineRows(); }
    void invalidFileChangesNothing()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(PriceListStore(*e.ctx).importBytes(QJsonDocument(dearer()).toJson(),
                                                        QStringLiteral("good.json")));
        QTemporaryDir dir;
        QJsonObject negative = dearer();
        QJsonArray rates = negative.value(QStringLiteral("rates")).toArray();
        QJsonObject r = rates.at(0).toObject();
        r.insert(QStringLiteral("rate"), QStringLiteral("-0.0100"));
        rates.replace(0, r);
        negative.insert(QStringLiteral("rates"), rates);
        const QList<QString> bad = {
            write(dir, QStringLiteral("not.json"), "this is not a price list"),
            write(dir, QStringLiteral("negative.json"), QJsonDocument(negative).toJson()),
            write(dir, QStringLiteral("huge.json"), QByteArray(PriceList::MaxFileBytes + 10, ' ')),
            dir.filePath(QStringLiteral("missing.json")),
        };
        const auto before = sbt::snapshot(e.db());
        for (const QString& path : bad) {
            auto r = PriceListStore(*e.ctx).importFile(path);
            QVERIFY2(!r.ok(), qPrintable(path));
            QVERIFY(!r.error().message.isEmpty());
            SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        }
        QCOMPARE(PriceListStore::current(*e.ctx).bundlePrice(), Money::fromCents(3300));
    }

    // A stored list damaged behind the program's back: the shipped one is in force rather
    // than none.
    void damagedStoredListFallsBack_data() { sbt::addEngineRows(); }
    void damagedStoredListFallsBack()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(e.db().run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                                {QString(PriceListStore::SettingsKey), QStringLiteral("{oops")}));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("damaged")));
        QCOMPARE(&PriceListStore::current(*e.ctx), &PriceList::builtIn());
    }
};

QTEST_GUILESS_MAIN(TestPriceListStore)
#include "tst_priceliststore.moc"
