// demo into an account already there (issue 12, item 5): refused with nothing written unless
// --yes confirms mixing invented members and money into it.
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

class TestCliDemo : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }
    qsizetype members()
    {
        return ctl({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("list")})
            .json()
            .value(QStringLiteral("members"))
            .toArray()
            .size();
    }
    QString balance()
    {
        return ctl({QStringLiteral("--json"), QStringLiteral("balance")})
            .json()
            .value(QStringLiteral("company"))
            .toString();
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }
    void init()
    {
        QFETCH_GLOBAL(QString, engine);
        m_ctl.reset();
        m_db = std::make_unique<TestDatabase>(engine);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ctl = std::make_unique<CtlRunner>(m_db->spec());
        QCOMPARE(ctl({QStringLiteral("init")}).exitCode, 0);
    }
    void cleanup()
    {
        m_ctl.reset();
        m_db.reset();
    }

    void emptyDatabaseTakesTheDemo()
    {
        const CtlResult r =
            ctl({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("12")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(members(), 12);
    }

    void realAccountRefusedUnlessConfirmed_data()
    {
        QTest::addColumn<QStringList>("setUp");
        QTest::newRow("a member") << QStringList{
            QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("real.person"),
            QStringLiteral("--name"), QStringLiteral("Real Person")};
        QTest::newRow("a top-up only")
            << QStringList{QStringLiteral("topup"), QStringLiteral("125.00")};
    }

    void realAccountRefusedUnlessConfirmed()
    {
        QFETCH(QStringList, setUp);
        QCOMPARE(ctl(setUp).exitCode, 0);
        const qsizetype membersBefore = members();
        const QString balanceBefore = balance();
        const CtlResult refused =
            ctl({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("12")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("already holds an account")),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("--yes")), qPrintable(refused.err));
        QCOMPARE(members(), membersBefore);
        QCOMPARE(balance(), balanceBefore);

        const CtlResult confirmed = ctl({QStringLiteral("demo"), QStringLiteral("--members"),
                                         QStringLiteral("12"), QStringLiteral("--yes")});
        QCOMPARE(confirmed.exitCode, 0);
        QCOMPARE(members(), membersBefore + 12);
    }
};

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
