// switchboardctl profile probe, the built binary on SQLite and PostgreSQL, against sipp on
// loopback: the JSON of the contract exactly, the text in words, exit 0 whatever the servers
// answer, the results stored, and the refusals (unknown profile, a limit out of range).
#include "core/base/FixedClock.h"
#include "core/profiles/ProviderSettings.h"
#include "core/storage/Context.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/SippServer.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace sb;
using namespace sb::test;

namespace {
QString s(const char* text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestCliProbe : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }
    CtlResult ctlJson(const QStringList& args)
    {
        return m_ctl->run(QStringList{s("--json")} + args);
    }
    static void verifyRefused(const CtlResult& r)
    {
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!r.err.trimmed().isEmpty());
    }
    // The provider's servers, set as the window's Settings does (no `settings` command yet).
    void setServers(const QStringList& servers)
    {
        FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC));
        const Context ctx{m_db->db(), &clock, s("tester")};
        QVERIFY(ProviderSettings(ctx).setSipServers(servers).ok());
    }
    qint64 storedRows()
    {
        QSqlQuery q(m_db->db().sql());
        if (!q.exec(s("SELECT COUNT(*) FROM profile_probes")) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }
    void initTestCase()
    {
        QVERIFY2(!CtlRunner::program().isEmpty(), "SWITCHBOARD_CTL is not set");
        if (!SippServer::available())
            QFAIL("sipp (Debian sip-tester) is not installed: scripts/deps.sh installs it");
    }
    void init()
    {
        QFETCH_GLOBAL(QString, engine);
        m_ctl.reset();
        m_db = std::make_unique<TestDatabase>(engine);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ctl = std::make_unique<CtlRunner>(m_db->spec());
        QCOMPARE(ctl({s("topup"), s("100")}).exitCode, 0);
    }
    void cleanup()
    {
        m_ctl.reset();
        m_db.reset();
    }

    void jsonOfTheContract()
    {
        SippServer pbx;
        const QString problem = pbx.start(s("options_200.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        CtlResult r = ctl({s("profile"), s("create"), s("Office"), s("--ip"), s("127.0.0.1"),
                           s("--port"), QString::number(pbx.port())});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString silentTarget = s("127.0.0.1:%1").arg(silent.localPort());
        setServers({silentTarget});

        r = ctlJson({s("profile"), s("probe"), s("Office"), s("--timeout-ms"), s("1000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = r.json();
        QCOMPARE(doc.keys(), QStringList{s("targets")});
        const QJsonArray targets = doc.value(s("targets")).toArray();
        QCOMPARE(targets.size(), 2);
        const QJsonObject first = targets.at(0).toObject();
        QCOMPARE(first.keys(),
                 (QStringList{s("code"), s("kind"), s("result"), s("rttMs"), s("target")}));
        QCOMPARE(first.value(s("target")).toString(), s("127.0.0.1:%1").arg(pbx.port()));
        QCOMPARE(first.value(s("kind")).toString(), s("pbx"));
        QCOMPARE(first.value(s("result")).toString(), s("ok"));
        QCOMPARE(first.value(s("code")).toInt(), 200);
        QVERIFY(first.value(s("rttMs")).isDouble());
        QVERIFY(first.value(s("rttMs")).toInt() >= 0);
        const QJsonObject second = targets.at(1).toObject();
        QCOMPARE(second.value(s("target")).toString(), silentTarget);
        QCOMPARE(second.value(s("kind")).toString(), s("provider"));
        QCOMPARE(second.value(s("result")).toString(), s("no-answer"));
        QVERIFY(second.value(s("code")).isNull());
        QVERIFY(second.value(s("rttMs")).isNull());
        QCOMPARE(storedRows(), 2);
    }

    void textAndErrorAnswersExitZero()
    {
        SippServer provider;
        const QString problem = provider.start(s("options_503.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        CtlResult r = ctl({s("profile"), s("create"), s("Desk")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString target = s("127.0.0.1:%1").arg(provider.port());
        setServers({target});
        r = ctl({s("profile"), s("probe"), s("Desk"), s("--timeout-ms"), s("2000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), s("Provider: %1 answered 503 Service Unavailable").arg(target));
    }

    void refusals()
    {
        verifyRefused(ctl({s("profile"), s("probe"), s("Nobody"), s("--timeout-ms"), s("500")}));
        QVERIFY(ctl({s("profile"), s("create"), s("Desk")}).exitCode == 0);
        CtlResult r = ctl({s("profile"), s("probe"), s("Desk"), s("--timeout-ms"), s("100")});
        verifyRefused(r);
        QVERIFY2(r.err.contains(s("100")), qPrintable(r.err));
        verifyRefused(ctl({s("profile"), s("probe"), s("Desk"), s("--timeout-ms"), s("soon")}));
        QCOMPARE(ctl({s("profile"), s("probe")}).exitCode, 2);
        QCOMPARE(ctl({s("profile"), s("probe"), s("Desk"), s("Other")}).exitCode, 2);
        QCOMPARE(storedRows(), 0);
        const CtlResult help = ctl({s("profile"), s("probe"), s("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(s("profile probe NAME [--timeout-ms N]")), qPrintable(help.out));
        QVERIFY2(help.out.contains(s("--timeout-ms")), qPrintable(help.out));
    }
};

QTEST_GUILESS_MAIN(TestCliProbe)
#include "tst_cli_probe.moc"
