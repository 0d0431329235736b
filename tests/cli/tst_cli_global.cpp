// The global options against mistakes (issue 12): --now more than a year from the system
// clock is refused unless --force-time says it is meant (a typo in the year renewed a number
// 161 times); --database refuses an address of another scheme and a missing folder instead
// of creating folders named after the password.
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

class TestCliGlobal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    // The test compares with the real clock on purpose: that is what the rule is about.
    static QString daysAway(int days)
    {
        return QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate);
    }

    QString balance()
    {
        const CtlResult r = m_ctl->run({QStringLiteral("--json"), QStringLiteral("balance")});
        return r.json().value(QStringLiteral("company")).toString();
    }

private slots:
    void init()
    {
        m_db = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ctl = std::make_unique<CtlRunner>(m_db->spec());
        m_ctl->setForceTime(false); // the limit itself is what is tested here
        QCOMPARE(m_ctl->run({QStringLiteral("init")}).exitCode, 0);
    }

    void farTimesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("now");
        QTest::newRow("year 9999") << QStringLiteral("9999-12-31T00:00:00Z");
        QTest::newRow("400 days ahead") << daysAway(400);
        QTest::newRow("400 days back") << daysAway(-400);
    }

    void farTimesAreRefusedAndChangeNothing()
    {
        QFETCH(QString, now);
        QCOMPARE(balance(), QStringLiteral("0.00"));
        const CtlResult r = m_ctl->run(
            {QStringLiteral("--now"), now, QStringLiteral("topup"), QStringLiteral("25.00")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("more than a year away")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("--force-time")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(balance(), QStringLiteral("0.00"));
    }

    void nearTimesAndForcedTimesAreTaken()
    {
        QCOMPARE(balance(), QStringLiteral("0.00"));
        QCOMPARE(m_ctl
                     ->run({QStringLiteral("--now"), daysAway(300), QStringLiteral("topup"),
                            QStringLiteral("10.00")})
                     .exitCode,
                 0);
        QCOMPARE(m_ctl
                     ->run({QStringLiteral("--now"), QStringLiteral("2999-01-01T00:00:00Z"),
                            QStringLiteral("--force-time"), QStringLiteral("topup"),
                            QStringLiteral("10.00")})
                     .exitCode,
                 0);
        QCOMPARE(balance(), QStringLiteral("20.00"));
    }

    void databaseOfAnotherSchemeIsRefused_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("typo") << QStringLiteral("postgresq://sb:s3cret@127.0.0.1/db");
        QTest::newRow("mysql") << QStringLiteral("mysql://sb:s3cret@127.0.0.1/db");
    }

    void databaseOfAnotherSchemeIsRefused()
    {
        QFETCH(QString, spec);
        // Run in an empty folder: a relative "path" made of the address would appear there.
        QTemporaryDir work;
        const QString before = QDir::currentPath();
        QVERIFY(QDir::setCurrent(work.path()));
        const CtlResult r = CtlRunner(spec).run({QStringLiteral("balance")});
        QVERIFY(QDir::setCurrent(before));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("postgresql://")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("s3cret")), qPrintable(r.err));
        QVERIFY(QDir(work.path()).isEmpty());
    }

    void databaseInAMissingFolderIsRefused()
    {
        QTemporaryDir work;
        const QString path = work.filePath(QStringLiteral("no/such/folder/s.sqlite"));
        const CtlResult r = CtlRunner(path).run({QStringLiteral("init")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
        QVERIFY(QDir(work.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliGlobal)
#include "tst_cli_global.moc"
