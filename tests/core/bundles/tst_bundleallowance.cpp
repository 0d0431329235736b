// Bundle minutes in a call import, both engines: a profile's US calls use the minutes of the
// bundle period they fall in first and the rest is charged at the rate; other calls, members'
// calls and calls outside a period are charged at the rate; bundle_minutes is stored and the
// period's minutes_used written; a re-import uses no minute twice.

#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"

#include <QBuffer>
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
            "rates": [{"prefix": "1", "rate": "0.0100", "name": "NANP"},
                      {"prefix": "1212", "rate": "0.0235", "name": "New York"},
                      {"prefix": "1416", "rate": "0.0300", "name": "Toronto"},
                      {"prefix": "44", "rate": "0.0500", "name": "United Kingdom"}]})");
        if (!r)
            qFatal("test price list: %s", qPrintable(r.error().message));
        return *r;
    }();
    return p;
}

QByteArray quoted(const QString& s)
{
    QByteArray b = s.toUtf8();
    b.replace("\"", "\"\"");
    return '"' + b + '"';
}

// One Asterisk cdr_csv line (18 columns) answered at `start`.
QByteArray call(const QString& account, const QString& dst, qint64 billsec, const QString& uniqueid,
                const QDateTime& start)
{
    const auto t = [](const QDateTime& d) {
        return d.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    QByteArrayList f{quoted(account),
                     quoted(QStringLiteral("1001")),
                     quoted(dst),
                     quoted(QStringLiteral("from-internal")),
                     quoted(QStringLiteral("\"Bo\" <1001>")),
                     quoted(QStringLiteral("PJSIP/1001-00000001")),
                     quoted(QStringLiteral("PJSIP/trunk-00000002")),
                     quoted(QStringLiteral("Dial")),
                     quoted(QStringLiteral("PJSIP/%1@trunk,60").arg(dst)),
                     quoted(t(start)),
                     quoted(t(start)),
                     quoted(t(start.addSecs(billsec))),
                     QByteArray::number(billsec),
                     QByteArray::number(billsec),
                     quoted(QStringLiteral("ANSWERED")),
                     quoted(QStringLiteral("DOCUMENTATION")),
                     quoted(uniqueid),
                     quoted(QString())};
    return f.join(',') + '\n';
}

Result<CallImportReport> importBytes(const Context& ctx, const QByteArray& data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    CallImportOptions options;
    options.fileName = QStringLiteral("Master.csv");
    return CallImporter(ctx, testPrices()).import(&buffer, options);
}

qint64 sales(const Context& ctx)
{
    return sbt::scalar(ctx.db, QStringLiteral("SELECT a.balance_cents FROM accounts a JOIN "
                                              "profiles p ON p.account_id = a.id WHERE "
                                              "p.name_key = 'sales'"))
        .toLongLong();
}

} // namespace

class TestBundleAllowance : public QObject
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

    void usCallsUseBundleMinutesFirst_data() { sbt::addEngineRows(); }
    void usCallsUseBundleMinutesFirst()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("SETUP")));
        NewSipProfile p;
        p.name = QStringLiteral("Sales");
        p.auth = SipProfile::Auth::Ip;
        p.ip = QStringLiteral("8.8.4.4");
        p.channels = 2;
        const ProfileService profiles(ctx, testPrices());
        SB_VERIFY_OK(profiles.create(p));
        SB_VERIFY_OK(profiles.allocateCredit(QStringLiteral("Sales"), m(10000)));
        SB_VERIFY_OK(MemberService(ctx).add(
            {QStringLiteral("alice.berg"), QStringLiteral("Alice Berg"), QString(), QString()}));
        SB_VERIFY_OK(CreditService(ctx).allocate(m(1000), {QStringLiteral("alice.berg")}));
        // One bundle from 2026-03-10 to 2026-04-10, 4990 of its 5000 minutes already used.
        SB_VERIFY_OK(BundleService(ctx, testPrices()).add(QStringLiteral("Sales"), 1));
        QVERIFY(QSqlQuery(e.db().sql())
                    .exec(QStringLiteral("UPDATE bundle_periods SET minutes_used = 4990")));
        QCOMPARE(sales(ctx), 7000);

        const QDateTime day = sbt::utc(2026, 3, 11, 9);
        QByteArray file;
        // 8 US minutes: all from the bundle (10 left), free.
        file += call(QStringLiteral("Sales"), QStringLiteral("2127365000"), 480,
                     QStringLiteral("c.1"), day);
        // 5 US minutes: 2 from the bundle, 3 × 0.0235 = 0.0705 → 0.07.
        file += call(QStringLiteral("Sales"), QStringLiteral("2127365000"), 290,
                     QStringLiteral("c.2"), day.addSecs(600));
        // The bundle is spent: 2 × 0.0100 → 0.02.
        file += call(QStringLiteral("Sales"), QStringLiteral("3127365000"), 61,
                     QStringLiteral("c.3"), day.addSecs(1200));
        // Canada is NANP but not the US: 1 × 0.0300 → 0.03, no bundle minutes.
        file += call(QStringLiteral("Sales"), QStringLiteral("4169671111"), 60,
                     QStringLiteral("c.4"), day.addSecs(1300));
        // UK: 2 × 0.0500 → 0.10.
        file += call(QStringLiteral("Sales"), QStringLiteral("011442071838750"), 100,
                     QStringLiteral("c.5"), day.addSecs(1400));
        // Before the bundles were bought: 3 × 0.0235 → 0.07.
        file += call(QStringLiteral("Sales"), QStringLiteral("2127365000"), 180,
                     QStringLiteral("c.6"), sbt::utc(2026, 3, 5, 9));
        // A member's US call never uses a profile's bundle: 1 × 0.0235 → 0.02.
        file += call(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 30,
                     QStringLiteral("c.7"), day.addSecs(1500));
        auto r = importBytes(ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 7);
        QCOMPARE(r->charged, m(7 + 2 + 3 + 10 + 7 + 2));
        QCOMPARE(sales(ctx), 7000 - (7 + 2 + 3 + 10 + 7));
        const QStringList rows = sbt::rows(
            e.db(), QStringLiteral("SELECT unique_id, billed_minutes, bundle_minutes, cost_cents"
                                   " FROM calls ORDER BY unique_id"));
        QCOMPARE(rows, (QStringList{QStringLiteral("c.1|8|8|0"), QStringLiteral("c.2|5|2|7"),
                                    QStringLiteral("c.3|2|0|2"), QStringLiteral("c.4|1|0|3"),
                                    QStringLiteral("c.5|2|0|10"), QStringLiteral("c.6|3|0|7"),
                                    QStringLiteral("c.7|1|0|2")}));
        QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT minutes_used FROM bundle_periods"))
                     .toLongLong(),
                 5000);
        QCOMPARE(BundleService(ctx, testPrices()).summary(QStringLiteral("Sales"))->minutesUsed,
                 5000);

        // The same file again: duplicates, no minute taken twice, nothing charged.
        QVERIFY(QSqlQuery(e.db().sql())
                    .exec(QStringLiteral("UPDATE bundle_periods SET minutes_used = 4990")));
        auto again = importBytes(ctx, file);
        SB_VERIFY_OK(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->duplicates, 7);
        QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT minutes_used FROM bundle_periods"))
                     .toLongLong(),
                 4990);
    }
};

QTEST_GUILESS_MAIN(TestBundleAllowance)
#include "tst_bundleallowance.moc"
