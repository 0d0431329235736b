// Files that matter are never written over (issue 12, item 1): member export, profile delete
// --export-history and switchboard --screenshot refuse the open database, its -wal and the
// key file of the sealed passwords (also through a symbolic link), and change nothing.
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using namespace sb::test;

class TestCliOutputs : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_key;
    std::unique_ptr<CtlRunner> m_ctl;

    static QByteArray digest(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return "<missing>";
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
    }
    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }

private slots:
    void init()
    {
        m_db = m_dir.filePath(QStringLiteral("account.sqlite"));
        QFile::remove(m_db);
        m_key = qEnvironmentVariable("SWITCHBOARD_SECRET_KEY_FILE");
        QVERIFY(!m_key.isEmpty());
        m_ctl = std::make_unique<CtlRunner>(m_db);
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        QCOMPARE(
            ctl({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("alice.smith"),
                 QStringLiteral("--name"), QStringLiteral("Alice")})
                .exitCode,
            0);
        // A registration profile: a sealed password, so the key file exists.
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Desk")})
                     .exitCode,
                 0);
        QVERIFY(QFile::exists(m_key));
    }

    void protectedFilesAreRefused_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("database") << QStringLiteral("db");
        QTest::newRow("wal") << QStringLiteral("wal");
        QTest::newRow("key file") << QStringLiteral("key");
        QTest::newRow("link to the key file") << QStringLiteral("link");
    }

    void protectedFilesAreRefused()
    {
        QFETCH(QString, which);
        QString target = which == QLatin1String("db")    ? m_db
                         : which == QLatin1String("wal") ? m_db + QStringLiteral("-wal")
                                                         : m_key;
        if (which == QLatin1String("link")) {
            target = m_dir.filePath(QStringLiteral("innocent.csv"));
            QFile::remove(target);
            QVERIFY(QFile::link(m_key, target));
        }
        const QByteArray keyBefore = digest(m_key);

        const CtlResult exported =
            ctl({QStringLiteral("member"), QStringLiteral("export"), target});
        QCOMPARE(exported.exitCode, 1);
        QVERIFY2(exported.err.contains(QStringLiteral("choose another file")),
                 qPrintable(exported.err));

        const CtlResult deleted =
            ctl({QStringLiteral("profile"), QStringLiteral("delete"), QStringLiteral("Desk"),
                 QStringLiteral("--yes"), QStringLiteral("--export-history"), target});
        QCOMPARE(deleted.exitCode, 1);
        QVERIFY2(deleted.err.contains(QStringLiteral("choose another file")),
                 qPrintable(deleted.err));

        QProcess shot;
        QProcessEnvironment env = CtlRunner::environment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        shot.setProcessEnvironment(env);
        shot.start(qEnvironmentVariable("SWITCHBOARD_APP"),
                   {QStringLiteral("--database"), m_db, QStringLiteral("--screenshot"), target});
        QVERIFY(shot.waitForFinished(60000));
        QCOMPARE(shot.exitCode(), 1);
        QVERIFY2(shot.readAllStandardError().contains("choose another file"), "no reason given");

        // Nothing changed: the key still opens the password, the database still answers, the
        // profile is still there.
        QCOMPARE(digest(m_key), keyBefore);
        QCOMPARE(
            ctl({QStringLiteral("profile"), QStringLiteral("credentials"), QStringLiteral("Desk")})
                .exitCode,
            0);
        QCOMPARE(ctl({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("list")})
                     .json()
                     .value(QStringLiteral("members"))
                     .toArray()
                     .size(),
                 1);
    }

    void otherFilesAreWritten()
    {
        const QString out = m_dir.filePath(QStringLiteral("members.csv"));
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("export"), out}).exitCode, 0);
        QVERIFY(QFile(out).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_cli_outputs.moc"
