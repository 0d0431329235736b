// ProbeService on both engines: the probe's time limit setting, which servers a profile's
// probe asks, an IP-authenticated profile probed against sipp (PBX answering 200, one
// provider server 503, one silent) with the results stored and announced, the summaries the
// SIP profiles table reads, an unknown profile, and a deleted profile's probes going with it.
#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/net/ProbeRun.h"
#include "core/net/ProbeService.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "tests/support/SippServer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUdpSocket>

using namespace sb;
using sb::test::SippServer;

namespace {

NewSipProfile ipAuth(const QString& name, int port)
{
    NewSipProfile p;
    p.name = name;
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("127.0.0.1");
    p.port = port;
    return p;
}

NewSipProfile registration(const QString& name)
{
    NewSipProfile p;
    p.name = name;
    return p;
}

} // namespace

class TestProbeService : public QObject
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
        if (!SippServer::available())
            QFAIL("sipp (Debian sip-tester) is not installed: scripts/deps.sh installs it");
    }

    void timeoutSetting_data() { sbt::addEngineRows(); }
    void timeoutSetting()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        e.open();
        const ProbeService probes(*e.ctx);
        QCOMPARE(probes.timeoutMs().value(), 32000);
        SB_VERIFY_OK(probes.setTimeoutMs(2000));
        QCOMPARE(probes.timeoutMs().value(), 2000);
        SB_VERIFY_OK(probes.setTimeoutMs(500));
        SB_VERIFY_OK(probes.setTimeoutMs(32000));
        for (int bad : {499, 32001, 0, -1}) {
            const auto refused = probes.setTimeoutMs(bad);
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, Error::Kind::Invalid);
            QVERIFY2(refused.error().message.contains(QString::number(bad)),
                     qPrintable(refused.error().message));
            QCOMPARE(probes.timeoutMs().value(), 32000);
        }
        // A value written behind its back reads as the default.
        SB_VERIFY_OK(ProviderSettings(*e.ctx).setValue(QStringLiteral("probe.timeoutMs"),
                                                       QStringLiteral("many")));
        QCOMPARE(probes.timeoutMs().value(), 32000);
    }

    void targets_data() { sbt::addEngineRows(); }
    void targets()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        e.open();
        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        SB_VERIFY_OK(ProfileService(*e.ctx).create(registration(QStringLiteral("Desk"))));
        SB_VERIFY_OK(ProfileService(*e.ctx).create(ipAuth(QStringLiteral("Office"), 5070)));
        SB_VERIFY_OK(ProviderSettings(*e.ctx).setSipServers(
            {QStringLiteral("sip1.voice.example.net:5060"), QStringLiteral("sip2.example.net")}));
        const ProbeService probes(*e.ctx);

        auto desk = probes.plan(QStringLiteral("desk"));
        SB_VERIFY_OK(desk);
        QCOMPARE(desk->profileName, QStringLiteral("Desk"));
        QCOMPARE(desk->targets.size(), 2);
        QCOMPARE(desk->targets[0].host, QStringLiteral("sip1.voice.example.net"));
        QCOMPARE(desk->targets[0].port, 5060);
        QCOMPARE(desk->targets[0].kind, ProbeResult::Kind::Provider);
        QCOMPARE(desk->targets[1].host, QStringLiteral("sip2.example.net"));
        QCOMPARE(desk->targets[1].port, 5060);

        auto office = probes.plan(QStringLiteral("Office"));
        SB_VERIFY_OK(office);
        QCOMPARE(office->targets.size(), 3);
        QCOMPARE(office->targets[0].host, QStringLiteral("127.0.0.1"));
        QCOMPARE(office->targets[0].port, 5070);
        QCOMPARE(office->targets[0].kind, ProbeResult::Kind::Pbx);
        QCOMPARE(office->targets[1].kind, ProbeResult::Kind::Provider);

        const auto unknown = probes.plan(QStringLiteral("Nobody"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
    }

    // The PBX answers 200, the first provider server 503, the second never: every server
    // is asked at once, so the whole probe takes about the limit, not three times it.
    void ipProfileProbesPbxAndProviders_data() { sbt::addEngineRows(); }
    void ipProfileProbesPbxAndProviders()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        e.open();
        Notifier notifier;
        e.ctx->notifier = &notifier;
        SippServer pbx, provider;
        QString problem = pbx.start(QStringLiteral("options_200.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = provider.start(QStringLiteral("options_503.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));

        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        auto created = ProfileService(*e.ctx).create(ipAuth(QStringLiteral("Office"), pbx.port()));
        SB_VERIFY_OK(created);
        const qint64 id = created->profile.id;
        const QString providerTarget = QStringLiteral("127.0.0.1:%1").arg(provider.port());
        const QString silentTarget = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());
        SB_VERIFY_OK(ProviderSettings(*e.ctx).setSipServers({providerTarget, silentTarget}));
        e.clock.set(sbt::utc(2026, 3, 10, 12, 30));

        QSignalSpy changed(&notifier, &Notifier::changed);
        auto results = ProbeService(*e.ctx).probe(QStringLiteral("Office"), 2000);
        SB_VERIFY_OK(results);
        QCOMPARE(results->size(), 3);
        const ProbeResult& r0 = results->at(0);
        QCOMPARE(r0.target, QStringLiteral("127.0.0.1:%1").arg(pbx.port()));
        QCOMPARE(r0.kind, ProbeResult::Kind::Pbx);
        QCOMPARE(r0.result, ProbeResult::Outcome::Ok);
        QCOMPARE(r0.code, std::optional<int>(200));
        QVERIFY(r0.rttMs.has_value());
        QCOMPARE(r0.checkedAt, sbt::utc(2026, 3, 10, 12, 30));
        QCOMPARE(results->at(1).target, providerTarget);
        QCOMPARE(results->at(1).kind, ProbeResult::Kind::Provider);
        QCOMPARE(results->at(1).result, ProbeResult::Outcome::Error);
        QCOMPARE(results->at(1).code, std::optional<int>(503));
        QCOMPARE(results->at(2).target, silentTarget);
        QCOMPARE(results->at(2).result, ProbeResult::Outcome::NoAnswer);
        QCOMPARE(results->at(2).limitMs, 2000);

        // Stored, one row per server, and announced once.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Changes>(), Changes().withProfiles({id}));
        QCOMPARE(
            sbt::rows(e.db(), QStringLiteral("SELECT position, kind, result, code, limit_ms,"
                                             " reason, checked_at FROM profile_probes"
                                             " ORDER BY position")),
            (QStringList{QStringLiteral("0|pbx|ok|200|2000|OK|2026-03-10T12:30:00Z"),
                         QStringLiteral("1|provider|error|503|2000|Service "
                                        "Unavailable|2026-03-10T12:30:00Z"),
                         QStringLiteral("2|provider|no-answer|NULL|2000||2026-03-10T12:30:00Z")}));
        auto stored = ProbeService(*e.ctx).latest(id);
        SB_VERIFY_OK(stored);
        QCOMPARE(stored->size(), 3);
        QCOMPARE(stored->at(0).target, r0.target);
        QCOMPARE(stored->at(0).rttMs, r0.rttMs);
        QCOMPARE(stored->at(0).describe(), r0.describe());
        QCOMPARE(stored->at(1).describe(), results->at(1).describe());
        QCOMPARE(stored->at(2).describe(), results->at(2).describe());

        auto summaries = ProbeService(*e.ctx).summaries();
        SB_VERIFY_OK(summaries);
        QCOMPARE(summaries->size(), 1);
        const ProbeSummary s = summaries->value(id);
        QCOMPARE(s.targets, 3);
        QCOMPARE(s.ok, 1);
        QCOMPARE(s.errors, 1);
        QCOMPARE(s.silent, 1);
        QCOMPARE(s.errorCode, std::optional<int>(503));
        QCOMPARE(s.slowestMs, r0.rttMs);
        QCOMPARE(s.checkedAt, sbt::utc(2026, 3, 10, 12, 30));

        // The next probe replaces the results: the servers changed in between.
        SB_VERIFY_OK(ProviderSettings(*e.ctx).setSipServers({silentTarget}));
        auto again = ProbeService(*e.ctx).probe(QStringLiteral("Office"), 500);
        SB_VERIFY_OK(again);
        QCOMPARE(again->size(), 2);
        QCOMPARE(
            sbt::rows(e.db(), QStringLiteral("SELECT kind, result FROM profile_probes"
                                             " ORDER BY position")),
            (QStringList{QStringLiteral("pbx|no-answer"), QStringLiteral("provider|no-answer")}));

        // A deleted profile's probes go with it.
        SB_VERIFY_OK(ProfileService(*e.ctx).remove(QStringLiteral("Office")));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("profile_probes")), 0);
    }

    void unknownProfileOrBadLimitChangesNothing_data() { sbt::addEngineRows(); }
    void unknownProfileOrBadLimitChangesNothing()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        e.open();
        Notifier notifier;
        e.ctx->notifier = &notifier;
        QSignalSpy changed(&notifier, &Notifier::changed);
        const auto unknown = ProbeService(*e.ctx).probe(QStringLiteral("Nobody"), 500);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("Nobody")),
                 qPrintable(unknown.error().message));
        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        SB_VERIFY_OK(ProfileService(*e.ctx).create(registration(QStringLiteral("Desk"))));
        changed.clear();
        const auto badLimit = ProbeService(*e.ctx).probe(QStringLiteral("Desk"), 100);
        QVERIFY(!badLimit);
        QCOMPARE(badLimit.error().kind, Error::Kind::Invalid);
        QCOMPARE(sbt::count(e.db(), QStringLiteral("profile_probes")), 0);
        QCOMPARE(changed.size(), 0);
    }

    // The window's way: ProbeRun never blocks; finished() comes from the event loop.
    void runIsAsynchronous_data() { sbt::addEngineRows(); }
    void runIsAsynchronous()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        e.open();
        SippServer pbx;
        const QString problem = pbx.start(QStringLiteral("options_200.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        SB_VERIFY_OK(ProfileService(*e.ctx).create(ipAuth(QStringLiteral("Office"), pbx.port())));
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        SB_VERIFY_OK(ProviderSettings(*e.ctx).setSipServers(
            {QStringLiteral("127.0.0.1:%1").arg(silent.localPort())}));
        SB_VERIFY_OK(ProbeService(*e.ctx).setTimeoutMs(1000));
        ProbeRun run(*e.ctx);
        QSignalSpy finished(&run, &ProbeRun::finished);
        run.start(QStringLiteral("Office"));
        QVERIFY(run.isRunning());
        QCOMPARE(finished.size(), 0);
        QVERIFY(finished.wait(10000));
        QVERIFY(!run.isRunning());
        QVERIFY(!run.error());
        QCOMPARE(run.results().size(), 2);
        QCOMPARE(run.results().at(0).result, ProbeResult::Outcome::Ok);
        // The setting's limit.
        QCOMPARE(run.results().at(1).result, ProbeResult::Outcome::NoAnswer);
        QCOMPARE(run.results().at(1).limitMs, 1000);
    }

    // Settings → Switch while the servers are asked: the results belong to the database the
    // profile was read from, never to a profile of the same id in the new one.
    void runStoresWhereItStarted_data() { sbt::addEngineRows(); }
    void runStoresWhereItStarted()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        e.open();
        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        SB_VERIFY_OK(ProfileService(*e.ctx).create(registration(QStringLiteral("Desk"))));
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        SB_VERIFY_OK(ProviderSettings(*e.ctx).setSipServers(
            {QStringLiteral("127.0.0.1:%1").arg(silent.localPort())}));
        SB_VERIFY_OK(ProbeService(*e.ctx).setTimeoutMs(500));
        const Database first = e.ctx->db;

        sb::test::TestDatabase other(engine);
        QVERIFY2(other.ok(), qPrintable(other.error()));
        SB_VERIFY_OK(CompanyService(Context{other.db(), e.ctx->clock, e.ctx->actor, nullptr})
                         .topUp(Money::fromCents(10000), QStringLiteral("T")));
        SB_VERIFY_OK(ProfileService(Context{other.db(), e.ctx->clock, e.ctx->actor, nullptr})
                         .create(registration(QStringLiteral("Other desk"))));

        ProbeRun run(*e.ctx);
        QSignalSpy finished(&run, &ProbeRun::finished);
        run.start(QStringLiteral("Desk"));
        e.ctx->db = other.db(); // the window's switchDatabase
        QVERIFY(finished.wait(10000));
        QVERIFY(!run.error());
        QCOMPARE(sbt::count(first, QStringLiteral("profile_probes")), 1);
        QCOMPARE(sbt::count(other.db(), QStringLiteral("profile_probes")), 0);
        e.ctx->db = first;
    }
};

QTEST_GUILESS_MAIN(TestProbeService)
#include "tst_probeservice.moc"
