// CompanyService: top-ups raise the company balance, each with one ledger entry carrying its
// reference and one activity line; zero, negative and absurd amounts are refused and change
// nothing.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"

using sb::CompanyService;
using sb::Error;
using sb::Money;

class TestCompanyService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void validateAmount_data();
    void validateAmount();

    void topUpRaisesBalance_data() { sbt::addEngineRows(); }
    void topUpRaisesBalance();
    void topUpWithoutReference_data() { sbt::addEngineRows(); }
    void topUpWithoutReference();
    void topUpReferenceIsStoredAsTyped_data() { sbt::addEngineRows(); }
    void topUpReferenceIsStoredAsTyped();
    void topUpMaximum_data() { sbt::addEngineRows(); }
    void topUpMaximum();
    void topUpRefused_data();
    void topUpRefused();
};

void TestCompanyService::validateAmount_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<bool>("ok");
    QTest::newRow("one cent") << qint64(1) << true;
    QTest::newRow("typical") << qint64(50000) << true;
    QTest::newRow("maximum") << Money::MaxOperationCents << true;
    QTest::newRow("zero") << qint64(0) << false;
    QTest::newRow("negative") << qint64(-1) << false;
    QTest::newRow("above maximum") << Money::MaxOperationCents + 1 << false;
    QTest::newRow("absurd") << qint64(9'000'000'000'000'000) << false;
}

void TestCompanyService::validateAmount()
{
    QFETCH(qint64, cents);
    QFETCH(bool, ok);
    auto r = CompanyService::validateAmount(Money::fromCents(cents));
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY(!r.error().message.isEmpty());
    }
}

void TestCompanyService::topUpRaisesBalance()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const CompanyService company(*e.ctx);
    auto first = company.topUp(Money::fromCents(123450), QStringLiteral("INV-2026-001"));
    SB_VERIFY_OK(first);
    QCOMPARE(*first, Money::fromCents(123450));
    e.clock.advanceSecs(60);
    auto second = company.topUp(Money::fromCents(50), QStringLiteral("Faktura Ø-17 «mars»"));
    SB_VERIFY_OK(second);
    QCOMPARE(*second, Money::fromCents(123500));
    QCOMPARE(*company.balance(), Money::fromCents(123500));

    QCOMPARE(
        sbt::rows(e.db(),
                  QStringLiteral(
                      "SELECT at, from_account, to_account, amount_cents, kind, actor, reference"
                      " FROM ledger ORDER BY id")),
        (QStringList{
            QStringLiteral("2026-03-10T12:00:00Z|NULL|1|123450|topup|tester|INV-2026-001"),
            QStringLiteral("2026-03-10T12:01:00Z|NULL|1|50|topup|tester|Faktura Ø-17 «mars»")}));
    auto log = sb::ActivityLog(*e.ctx).page(10);
    SB_VERIFY_OK(log);
    QCOMPARE(log->size(), 2);
    const sb::ActivityEntry& last = log->first(); // newest first
    QCOMPARE(last.kind, sb::ActivityKind::CompanyTopUp);
    QCOMPARE(last.actor, QStringLiteral("tester"));
    QCOMPARE(last.at, sbt::utc(2026, 3, 10, 12, 1));
    QCOMPARE(last.values.value(QStringLiteral("amount_cents")).toLongLong(), 50);
    QCOMPARE(sb::ActivityLog::describe(last),
             QStringLiteral("Top-up of 0.50, reference Faktura Ø-17 «mars»"));
    QCOMPARE(sb::ActivityLog::describe(log->at(1)),
             QStringLiteral("Top-up of 1234.50, reference INV-2026-001"));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCompanyService::topUpWithoutReference()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(500), QString()));
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT reference FROM ledger")).toString(),
             QString());
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 1);
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCompanyService::topUpReferenceIsStoredAsTyped()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    // Invisible characters pasted with it are dropped, no-break spaces become spaces.
    SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(500),
                                              QStringLiteral(" INV\u200B-7\u00A0\u00A0March ")));
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT reference FROM ledger")).toString(),
             QStringLiteral("INV-7 March"));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCompanyService::topUpMaximum()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const CompanyService company(*e.ctx);
    // The limit is per operation, not on the balance.
    SB_VERIFY_OK(company.topUp(Money::fromCents(Money::MaxOperationCents), QStringLiteral("big")));
    SB_VERIFY_OK(
        company.topUp(Money::fromCents(Money::MaxOperationCents), QStringLiteral("big again")));
    QCOMPARE(*company.balance(), Money::fromCents(2 * Money::MaxOperationCents));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCompanyService::topUpRefused_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("fragment"); // of the message: refused for this reason
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        QTest::addRow("%s: zero", qPrintable(engine))
            << engine << qint64(0) << QStringLiteral("R") << QStringLiteral("greater than zero");
        QTest::addRow("%s: negative", qPrintable(engine))
            << engine << qint64(-500) << QStringLiteral("R") << QStringLiteral("greater than zero");
        QTest::addRow("%s: absurd", qPrintable(engine))
            << engine << Money::MaxOperationCents + 1 << QStringLiteral("R")
            << QStringLiteral("more than one operation may move");
        QTest::addRow("%s: reference too long", qPrintable(engine))
            << engine << qint64(500) << QString(201, QLatin1Char('x'))
            << QStringLiteral("reference is too long");
        // A reference is shown on one line in the activity log and the CLI's text output:
        // a line break there could forge a second entry.
        QTest::addRow("%s: reference with a line break", qPrintable(engine))
            << engine << qint64(500)
            << QStringLiteral("INV-7\n2026-11-27 admin Top-up of 99,999.00")
            << QStringLiteral("control character");
        QTest::addRow("%s: reference with an escape", qPrintable(engine))
            << engine << qint64(500) << QStringLiteral("INV\x1b[2J")
            << QStringLiteral("control character");
        QTest::addRow("%s: reference with a C1 next line", qPrintable(engine))
            << engine << qint64(500) << QStringLiteral("INV\u0085-7")
            << QStringLiteral("control character");
    }
}

void TestCompanyService::topUpRefused()
{
    QFETCH(QString, engine);
    QFETCH(qint64, cents);
    QFETCH(QString, reference);
    QFETCH(QString, fragment);
    SB_ENV(e, engine);
    const CompanyService company(*e.ctx);
    SB_VERIFY_OK(company.topUp(Money::fromCents(1000), QStringLiteral("start")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    SB_VERIFY_ERROR(company.topUp(Money::fromCents(cents), reference), Error::Kind::Invalid,
                    fragment);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QCOMPARE(*company.balance(), Money::fromCents(1000));
    SB_VERIFY_BOOKS(*e.ctx);
}

QTEST_GUILESS_MAIN(TestCompanyService)
#include "tst_companyservice.moc"
