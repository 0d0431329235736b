// A missing key file is not silently replaced (issue 12, item 2): while the database holds
// passwords sealed with the key, storing another password is refused, naming the missing
// file, and no new key is made; a database without sealed secrets may create one.
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

class TestCliKeyFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcessEnvironment envWithKey(const QString& key) const
    {
        QProcessEnvironment env = CtlRunner::environment();
        env.insert(QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"), key);
        return env;
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }

    void missingKeyIsNotReplaced()
    {
        QFETCH_GLOBAL(QString, engine);
        TestDatabase db(engine);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const CtlRunner ctl(db.spec());
        const QString key = m_dir.filePath(engine + QStringLiteral(".key"));
        QFile::remove(key);
        const QProcessEnvironment env = envWithKey(key);
        QCOMPARE(ctl.run({QStringLiteral("topup"), QStringLiteral("100")}, env).exitCode, 0);

        // No sealed secret yet: the first password makes the key.
        QCOMPARE(
            ctl.run({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Desk")},
                    env)
                .exitCode,
            0);
        QVERIFY(QFile::exists(key));

        // The key is lost: a second password would be sealed under a new key.
        QVERIFY(QFile::remove(key));
        const CtlResult refused = ctl.run(
            {QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Reception")},
            env);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(key) && refused.err.contains(QStringLiteral("missing")),
                 qPrintable(refused.err));
        QVERIFY(!QFile::exists(key));
        const QJsonArray profiles =
            ctl.run({QStringLiteral("--json"), QStringLiteral("profile"), QStringLiteral("list")},
                    env)
                .json()
                .value(QStringLiteral("profiles"))
                .toArray();
        QCOMPARE(profiles.size(), 1);

        // An IP-authenticated profile seals nothing: still possible.
        QCOMPARE(
            ctl.run({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Branch"),
                     QStringLiteral("--ip"), QStringLiteral("8.8.4.4"), QStringLiteral("--port"),
                     QStringLiteral("5060")},
                    env)
                .exitCode,
            0);
        QVERIFY(!QFile::exists(key));
    }
};

QTEST_GUILESS_MAIN(TestCliKeyFile)
#include "tst_cli_keyfile.moc"
