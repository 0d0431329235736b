// Two admins at once: switchboardctl processes allocating from one company balance at the
// same moment can never together spend more than it holds, on either engine.
#include "core/base/SystemClock.h"
#include "core/books/Ledger.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace sb;
using namespace sb::test;

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void twoAdminsAllocateAtOnce_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }

    void twoAdminsAllocateAtOnce()
    {
        QFETCH(QString, engine);
        TestDatabase tdb(engine);
        QVERIFY2(tdb.ok(), qPrintable(tdb.error()));
        const CtlRunner ctl(tdb.spec());
        QCOMPARE(ctl.run({QStringLiteral("init")}).exitCode, 0);
        for (const char* a : {"admin.one.member", "admin.two.member"})
            QCOMPARE(
                ctl.run({QStringLiteral("member"), QStringLiteral("add"), QString::fromLatin1(a),
                         QStringLiteral("--name"), QString::fromLatin1(a)})
                    .exitCode,
                0);

        // Each round the company holds exactly 10.00 and both admins try to hand out 10.00 at
        // the same moment: exactly one may succeed.
        const int rounds = 12;
        int successes = 0;
        for (int round = 0; round < rounds; ++round) {
            QCOMPARE(ctl.run({QStringLiteral("topup"), QStringLiteral("10")}).exitCode, 0);
            std::unique_ptr<QProcess> a(
                ctl.start({QStringLiteral("credit"), QStringLiteral("allocate"),
                           QStringLiteral("10"), QStringLiteral("admin.one.member")}));
            std::unique_ptr<QProcess> b(
                ctl.start({QStringLiteral("credit"), QStringLiteral("allocate"),
                           QStringLiteral("10"), QStringLiteral("admin.two.member")}));
            QVERIFY(a->waitForFinished(60000));
            QVERIFY(b->waitForFinished(60000));
            const int ca = a->exitCode();
            const int cb = b->exitCode();
            QVERIFY2((ca == 0 && cb == 1) || (ca == 1 && cb == 0),
                     qPrintable(QStringLiteral("round %1: exit codes %2 and %3; %4 %5")
                                    .arg(round)
                                    .arg(ca)
                                    .arg(cb)
                                    .arg(QString::fromUtf8(a->readAllStandardError()),
                                         QString::fromUtf8(b->readAllStandardError()))));
            successes += (ca == 0) + (cb == 0);
            const QString company = ctl.run({QStringLiteral("--json"), QStringLiteral("balance")})
                                        .json()
                                        .value(QStringLiteral("company"))
                                        .toString();
            QCOMPARE(company, QStringLiteral("0.00"));
        }
        QCOMPARE(successes, rounds);

        // The books: members hold exactly what was topped up, and every balance equals its ledger.
        SystemClock clock;
        const Context ctx{tdb.db(), &clock, QStringLiteral("test")};
        const Ledger ledger(ctx);
        const auto totals = ledger.totals();
        QVERIFY(totals.ok());
        QCOMPARE(totals->toppedUp.cents(), rounds * 1000LL);
        QCOMPARE(totals->balances.cents(), rounds * 1000LL);
        const auto bad = ledger.inconsistentAccounts();
        QVERIFY(bad.ok());
        QVERIFY(bad->isEmpty());
    }

    // Two admins add US minute bundles to the same profile at the same moment: only one
    // may (add is only for a profile without bundles), and the profile pays once.
    void twoAdminsAddBundlesAtOnce_data() { twoAdminsAllocateAtOnce_data(); }
    void twoAdminsAddBundlesAtOnce()
    {
        QFETCH(QString, engine);
        TestDatabase tdb(engine);
        QVERIFY2(tdb.ok(), qPrintable(tdb.error()));
        const CtlRunner ctl(tdb.spec());
        QCOMPARE(ctl.run({QStringLiteral("topup"), QStringLiteral("500")}).exitCode, 0);
        const int rounds = 4;
        for (int round = 0; round < rounds; ++round) {
            const QString name = QStringLiteral("Trunk %1").arg(round);
            QCOMPARE(ctl.run({QStringLiteral("profile"), QStringLiteral("create"), name,
                              QStringLiteral("--ip"), QStringLiteral("8.8.4.4"),
                              QStringLiteral("--channels"), QStringLiteral("2")})
                         .exitCode,
                     0);
            QCOMPARE(ctl.run({QStringLiteral("credit"), QStringLiteral("profile"), name,
                              QStringLiteral("100")})
                         .exitCode,
                     0);
            std::unique_ptr<QProcess> a(ctl.start(
                {QStringLiteral("bundle"), QStringLiteral("add"), name, QStringLiteral("1")}));
            std::unique_ptr<QProcess> b(ctl.start(
                {QStringLiteral("bundle"), QStringLiteral("add"), name, QStringLiteral("2")}));
            QVERIFY(a->waitForFinished(60000));
            QVERIFY(b->waitForFinished(60000));
            const int ca = a->exitCode();
            const int cb = b->exitCode();
            QVERIFY2((ca == 0 && cb == 1) || (ca == 1 && cb == 0),
                     qPrintable(QStringLiteral("round %1: exit codes %2 and %3; %4 %5")
                                    .arg(round)
                                    .arg(ca)
                                    .arg(cb)
                                    .arg(QString::fromUtf8(a->readAllStandardError()),
                                         QString::fromUtf8(b->readAllStandardError()))));
            const QJsonObject shown = ctl.run({QStringLiteral("--json"), QStringLiteral("profile"),
                                               QStringLiteral("show"), name})
                                          .json();
            const int count = shown.value(QStringLiteral("bundles"))
                                  .toObject()
                                  .value(QStringLiteral("count"))
                                  .toInt();
            QCOMPARE(count, ca == 0 ? 1 : 2);
            QCOMPARE(shown.value(QStringLiteral("balance")).toString(),
                     count == 1 ? QStringLiteral("70.00") : QStringLiteral("40.00"));
        }
        SystemClock clock;
        const Context ctx{tdb.db(), &clock, QStringLiteral("test")};
        const auto bad = Ledger(ctx).inconsistentAccounts();
        QVERIFY(bad.ok());
        QVERIFY(bad->isEmpty());
    }

    // Twelve admins allocate 5.00 to one member at once: the activity log's "new balance" of
    // each allocation is the one its transaction wrote (5.00, 10.00, … 60.00, each once), not
    // a figure read before the lock (issue 12, item 7).
    void concurrentAllocationsLogTheirOwnBalance_data() { twoAdminsAllocateAtOnce_data(); }
    void concurrentAllocationsLogTheirOwnBalance()
    {
        QFETCH(QString, engine);
        TestDatabase tdb(engine);
        QVERIFY2(tdb.ok(), qPrintable(tdb.error()));
        const CtlRunner ctl(tdb.spec());
        QCOMPARE(ctl.run({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        const QString account = QStringLiteral("shared.member");
        QCOMPARE(ctl.run({QStringLiteral("member"), QStringLiteral("add"), account,
                          QStringLiteral("--name"), QStringLiteral("Shared")})
                     .exitCode,
                 0);
        const int admins = 12;
        std::vector<std::unique_ptr<QProcess>> running;
        for (int i = 0; i < admins; ++i)
            running.emplace_back(ctl.start({QStringLiteral("credit"), QStringLiteral("allocate"),
                                            QStringLiteral("5"), account}));
        for (auto& p : running) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitCode(), 0);
        }
        const QJsonArray log = ctl.run({QStringLiteral("--json"), QStringLiteral("activity"),
                                        QStringLiteral("--limit"), QStringLiteral("100")})
                                   .json()
                                   .value(QStringLiteral("activity"))
                                   .toArray();
        QList<qint64> logged;
        for (const QJsonValue& v : log) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("kind")).toString() != QLatin1String("credit.allocate"))
                continue;
            logged << e.value(QStringLiteral("values"))
                          .toObject()
                          .value(QStringLiteral("balance_cents"))
                          .toInteger();
        }
        std::sort(logged.begin(), logged.end());
        QList<qint64> expected;
        for (int i = 1; i <= admins; ++i)
            expected << i * 500LL;
        QCOMPARE(logged, expected);
    }

    // Two admins' billing runs at the same moment renew a profile's bundles once.
    void twoBillingRunsRenewBundlesOnce_data() { twoAdminsAllocateAtOnce_data(); }
    void twoBillingRunsRenewBundlesOnce()
    {
        QFETCH(QString, engine);
        TestDatabase tdb(engine);
        QVERIFY2(tdb.ok(), qPrintable(tdb.error()));
        const CtlRunner ctl(tdb.spec());
        const auto at = [](const char* now, QStringList args) {
            return QStringList{QStringLiteral("--now"), QString::fromLatin1(now)} + args;
        };
        const char* march = "2026-03-10T09:00:00Z";
        const QString sales = QStringLiteral("Sales");
        QCOMPARE(ctl.run(at(march, {QStringLiteral("topup"), QStringLiteral("500")})).exitCode, 0);
        QCOMPARE(ctl.run(at(march, {QStringLiteral("profile"), QStringLiteral("create"), sales,
                                    QStringLiteral("--ip"), QStringLiteral("8.8.4.4"),
                                    QStringLiteral("--channels"), QStringLiteral("2")}))
                     .exitCode,
                 0);
        QCOMPARE(ctl.run(at(march, {QStringLiteral("credit"), QStringLiteral("profile"), sales,
                                    QStringLiteral("200")}))
                     .exitCode,
                 0);
        QCOMPARE(ctl.run(at(march, {QStringLiteral("bundle"), QStringLiteral("add"), sales,
                                    QStringLiteral("2")}))
                     .exitCode,
                 0);
        const char* april = "2026-04-10T09:00:00Z";
        std::unique_ptr<QProcess> a(
            ctl.start(at(april, {QStringLiteral("billing"), QStringLiteral("run")})));
        std::unique_ptr<QProcess> b(
            ctl.start(at(april, {QStringLiteral("billing"), QStringLiteral("run")})));
        QVERIFY(a->waitForFinished(60000));
        QVERIFY(b->waitForFinished(60000));
        QCOMPARE(a->exitCode(), 0);
        QCOMPARE(b->exitCode(), 0);
        const QJsonObject shown =
            ctl.run(at(april, {QStringLiteral("--json"), QStringLiteral("profile"),
                               QStringLiteral("show"), sales}))
                .json();
        // 200 − 60 (add) − 60 (one renewal); a second renewal would leave 20.00.
        QCOMPARE(shown.value(QStringLiteral("balance")).toString(), QStringLiteral("80.00"));
        QCOMPARE(shown.value(QStringLiteral("bundles"))
                     .toObject()
                     .value(QStringLiteral("periodEnd"))
                     .toString(),
                 QStringLiteral("2026-05-10"));
    }

    void manyProcessesDrainWithoutOverdraft_data() { twoAdminsAllocateAtOnce_data(); }

    void manyProcessesDrainWithoutOverdraft()
    {
        QFETCH(QString, engine);
        TestDatabase tdb(engine);
        QVERIFY2(tdb.ok(), qPrintable(tdb.error()));
        const CtlRunner ctl(tdb.spec());
        QCOMPARE(ctl.run({QStringLiteral("topup"), QStringLiteral("35")}).exitCode, 0);
        const int n = 8;
        for (int i = 0; i < n; ++i)
            QCOMPARE(ctl.run({QStringLiteral("member"), QStringLiteral("add"),
                              QStringLiteral("racer.%1").arg(i), QStringLiteral("--name"),
                              QStringLiteral("Racer %1").arg(i)})
                         .exitCode,
                     0);
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < n; ++i)
            procs.emplace_back(
                ctl.start({QStringLiteral("credit"), QStringLiteral("allocate"),
                           QStringLiteral("10"), QStringLiteral("racer.%1").arg(i)}));
        int ok = 0, refused = 0;
        for (auto& p : procs) {
            QVERIFY(p->waitForFinished(60000));
            if (p->exitCode() == 0)
                ++ok;
            else if (p->exitCode() == 1)
                ++refused;
        }
        QCOMPARE(ok, 3);
        QCOMPARE(refused, n - 3);
        QCOMPARE(ctl.run({QStringLiteral("--json"), QStringLiteral("balance")})
                     .json()
                     .value(QStringLiteral("company"))
                     .toString(),
                 QStringLiteral("5.00"));
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
