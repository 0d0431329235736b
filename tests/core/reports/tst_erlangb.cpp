// Erlang B against the published table at 1% blocking and the formula's exact small cases.

#include "core/reports/ErlangB.h"

#include <QTest>

#include <limits>

using namespace sb;

class TestErlangB : public QObject
{
    Q_OBJECT

private slots:
    void blockingOfSmallCases()
    {
        // B(E, 0) = 1: with no channel every call is lost.
        QCOMPARE(ErlangB::blocking(3.0, 0), 1.0);
        // B(1, 1) = 1 / (1 + 1) = 0.5; B(2, 2) = (2²/2) / (1 + 2 + 2²/2) = 2/5.
        QCOMPARE(ErlangB::blocking(1.0, 1), 0.5);
        QVERIFY(qAbs(ErlangB::blocking(2.0, 2) - 0.4) < 1e-12);
        // The cases, on both sides of 1%.
        QVERIFY(qAbs(ErlangB::blocking(5.0, 11) - 0.0082874) < 1e-6);
        QVERIFY(ErlangB::blocking(5.0, 10) > 0.01);
        QVERIFY(qAbs(ErlangB::blocking(10.0, 18) - 0.0071424) < 1e-6);
        QVERIFY(ErlangB::blocking(10.0, 17) > 0.01);
        // No traffic is never blocked.
        QCOMPARE(ErlangB::blocking(0.0, 1), 0.0);
    }

    void channelsAtOnePercent_data()
    {
        QTest::addColumn<double>("erlangs");
        QTest::addColumn<int>("channels");
        // Hand-computed in the issue.
        QTest::newRow("5 E") << 5.0 << 11;
        QTest::newRow("10 E") << 10.0 << 18;
        // The standard Erlang B table at 1%: N carries 0.0101 (1), 0.4555 (3), 0.8694 (4),
        // 1.3608 (5), 1.9090 (6), 2.5009 (7), 4.4612 (10), 5.1599 (11), 19.487 (29),
        // 20.337 (30), 99.39 (116), 100.3 (117) erlangs.
        QTest::newRow("0.01 E") << 0.01 << 1;
        QTest::newRow("0.5 E") << 0.5 << 4;
        QTest::newRow("1 E") << 1.0 << 5;
        QTest::newRow("1.361 E, just within 5") << 1.36 << 5;
        QTest::newRow("1.37 E, just over 5") << 1.37 << 6;
        QTest::newRow("2 E") << 2.0 << 7;
        QTest::newRow("4.8 E") << 4.8 << 11;
        QTest::newRow("20 E") << 20.0 << 30;
        QTest::newRow("100 E") << 100.0 << 117;
    }
    void channelsAtOnePercent()
    {
        QFETCH(double, erlangs);
        QFETCH(int, channels);
        QCOMPARE(ErlangB::channelsFor(erlangs), channels);
        QCOMPARE(ErlangB::channelsFor(erlangs, 0.01), channels);
    }

    void otherTargets()
    {
        // 5 E at 5% needs 9 (B(5, 9) = 0.0376, B(5, 8) = 0.0700); a looser target, fewer channels.
        QCOMPARE(ErlangB::channelsFor(5.0, 0.05), 9);
        // A target outside (0, 1) is taken as 1%.
        QCOMPARE(ErlangB::channelsFor(5.0, 0.0), 11);
        QCOMPARE(ErlangB::channelsFor(5.0, 1.5), 11);
    }

    void noTrafficNeedsNoChannel()
    {
        QCOMPARE(ErlangB::channelsFor(0.0), 0);
        QCOMPARE(ErlangB::channelsFor(-1.0), 0);
        QCOMPARE(ErlangB::channelsFor(std::numeric_limits<double>::quiet_NaN()), 0);
        QCOMPARE(ErlangB::channelsFor(std::numeric_limits<double>::infinity()), 0);
        // A single second of calls in the busiest hour still needs a channel.
        QCOMPARE(ErlangB::channelsFor(1.0 / 3600), 1);
    }

    void largeTrafficDoesNotOverflow()
    {
        // Factorials would overflow long before this; the recurrence stays finite.
        const int n = ErlangB::channelsFor(2000.0);
        QVERIFY(n > 2000 && n < 2100);
        QVERIFY(ErlangB::blocking(2000.0, n) <= 0.01);
        QVERIFY(ErlangB::blocking(2000.0, n - 1) > 0.01);
    }
};

QTEST_GUILESS_MAIN(TestErlangB)
#include "tst_erlangb.moc"
