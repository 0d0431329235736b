// LiveChanges: what another process commits reaches this process's Notifier and the members
// model within a second. Two real processes: this test holds a Context, a Notifier, a
// LiveChanges and a MembersModel, and runs the built switchboardctl against the same
// database. PostgreSQL names the rows (NOTIFY); SQLite re-reads everything (the file).
// Own writes are announced once; payloads that are too large arrive as flags; garbage on
// the channel is ignored.

#include "tests/support/CoreTest.h"
#include "tests/support/CtlRunner.h"

#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/ChangeChannel.h"
#include "core/storage/LiveChanges.h"
#include "core/storage/Notifier.h"
#include "models/members/MembersModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace sb;
using sb::test::CtlRunner;

namespace {
constexpr int kWithinMs = 1000;
const QString kNow = QStringLiteral("2026-03-10T12:00:00Z");

Changes changesAt(const QSignalSpy& spy, int i)
{
    return spy.at(i).at(0).value<Changes>();
}

/// What a separate admin's process would send: another origin, on its own connection.
bool sendAsOther(const Database& db, const Changes& changes)
{
    return ChangeChannel::send(db, changes, QStringLiteral("other-admin")).ok();
}

bool notifyRaw(const Database& db, const QString& payload)
{
    return db.run(QStringLiteral("SELECT pg_notify(?, ?)"), {ChangeChannel::name(), payload}).ok();
}
} // namespace

class TestLiveChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void creditFromAnotherProcessArrives_data() { sbt::addEngineRows(); }
    void creditFromAnotherProcessArrives();
    void ownWritesAreAnnouncedOnce_data() { sbt::addEngineRows(); }
    void ownWritesAreAnnouncedOnce();
    void tooLargeArrivesAsFlags();
    void garbageOnTheChannelIsIgnored();
    void followsAnotherDatabase_data() { sbt::addEngineRows(); }
    void followsAnotherDatabase();
    void stopFollowsNothing();
    void droppedListenerIsOpenedAgain();

private:
    /// A member with nothing yet and a company balance to give from, made by this process.
    static Member prepare(const Context& ctx);
    static int rowOf(const MembersModel& model, const QString& account);
    bool postgres();
};

void TestLiveChanges::initTestCase()
{
    SB_INIT_CORE_TEST();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!CtlRunner::program().isEmpty(), "SWITCHBOARD_CTL is not set");
}

bool TestLiveChanges::postgres()
{
    return sb::test::TestDatabase::engines().contains(QStringLiteral("postgresql"));
}

Member TestLiveChanges::prepare(const Context& ctx)
{
    if (auto r = CompanyService(ctx).topUp(Money::fromCents(10'000), QStringLiteral("T-1")); !r) {
        qWarning("top-up: %s", qPrintable(r.error().message));
        return {};
    }
    auto m =
        MemberService(ctx).add({QStringLiteral("ann.admin"), QStringLiteral("Ann Admin"), {}, {}});
    if (!m)
        qWarning("member: %s", qPrintable(m.error().message));
    return m ? *m : Member();
}

int TestLiveChanges::rowOf(const MembersModel& model, const QString& account)
{
    return model.rowOfAccount(account);
}

void TestLiveChanges::creditFromAnotherProcessArrives()
{
    QFETCH(QString, engine);
    SB_ENV(env, engine);
    Notifier notifier;
    env.ctx->notifier = &notifier;
    const Member ann = prepare(*env.ctx);
    QVERIFY(ann.id > 0);

    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(env.db()));
    QVERIFY(live.isFollowing());
    MembersModel model(*env.ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false); // as in tst_membersmodel
    QCOMPARE(model.member(rowOf(model, QStringLiteral("ann.admin"))).balance, Money());
    QSignalSpy received(&live, &LiveChanges::received);
    QSignalSpy announced(&notifier, &Notifier::changed);

    const auto r = CtlRunner(env.t.spec())
                       .run({QStringLiteral("--now"), kNow, QStringLiteral("credit"),
                             QStringLiteral("allocate"), QStringLiteral("12.50"),
                             QStringLiteral("ann.admin")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, QStringLiteral("ann.admin")) >= 0 &&
                                 model.member(rowOf(model, QStringLiteral("ann.admin"))).balance ==
                                     Money::fromCents(1250),
                             kWithinMs);
    QVERIFY(received.size() >= 1);
    QCOMPARE(announced.size(), received.size());
    const Changes got = changesAt(received, 0);
    QVERIFY(got.companyBalance);
    if (engine == QLatin1String("postgresql")) {
        // Named: only ann's row is read again.
        QCOMPARE(got.memberIds, QList<qint64>{ann.id});
        QVERIFY(!got.allMembers);
        QVERIFY(got.activity);
    } else {
        // The file says only that something changed.
        QVERIFY(got == Changes::everything());
    }
    QVERIFY(changesAt(announced, 0) == got);
}

void TestLiveChanges::ownWritesAreAnnouncedOnce()
{
    QFETCH(QString, engine);
    SB_ENV(env, engine);
    Notifier notifier;
    env.ctx->notifier = &notifier;
    const Member ann = prepare(*env.ctx);
    QVERIFY(ann.id > 0);
    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(env.db()));
    QSignalSpy received(&live, &LiveChanges::received);
    QSignalSpy announced(&notifier, &Notifier::changed);

    QVERIFY(CreditService(*env.ctx)
                .allocate(Money::fromCents(300), {QStringLiteral("ann.admin")})
                .ok());
    QCOMPARE(announced.size(), 1); // at once, by the service

    // Then another process writes. Whatever this process's own write sent came before it,
    // so once the other's has arrived, the own one would have too.
    const auto r =
        CtlRunner(env.t.spec())
            .run({QStringLiteral("--now"), kNow, QStringLiteral("credit"),
                  QStringLiteral("allocate"), QStringLiteral("1.00"), QStringLiteral("ann.admin")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 1, kWithinMs);
    QCOMPARE(received.size(), 1);
    QCOMPARE(announced.size(), 2);
    if (engine == QLatin1String("postgresql"))
        QCOMPARE(changesAt(received, 0).memberIds, QList<qint64>{ann.id});
}

void TestLiveChanges::tooLargeArrivesAsFlags()
{
    if (!postgres())
        QSKIP("needs PostgreSQL");
    SB_ENV(env, QStringLiteral("postgresql"));
    Notifier notifier;
    env.ctx->notifier = &notifier;
    QVERIFY(prepare(*env.ctx).id > 0);
    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(env.db()));
    MembersModel model(*env.ctx);
    QSignalSpy received(&live, &LiveChanges::received);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QList<qint64> ids;
    for (qint64 id = 1; id <= 5000; ++id)
        ids.append(id);
    auto other = env.db().openAnother();
    SB_VERIFY_OK(other);
    QVERIFY(sendAsOther(*other, Changes().withMembers(ids).withCompanyBalance()));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWithinMs);
    const Changes got = changesAt(received, 0);
    QVERIFY(got.allMembers);
    QVERIFY(got.memberIds.isEmpty());
    QVERIFY(got.companyBalance);
    // "All members": the model starts afresh.
    QCOMPARE(reset.size(), 1);
}

void TestLiveChanges::garbageOnTheChannelIsIgnored()
{
    if (!postgres())
        QSKIP("needs PostgreSQL");
    SB_ENV(env, QStringLiteral("postgresql"));
    Notifier notifier;
    env.ctx->notifier = &notifier;
    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(env.db()));
    QSignalSpy received(&live, &LiveChanges::received);
    QSignalSpy announced(&notifier, &Notifier::changed);

    auto other = env.db().openAnother();
    SB_VERIFY_OK(other);
    const QStringList garbage = {
        QString(),
        QStringLiteral("garbage"),
        QStringLiteral(
            "{\"v\":1,\"origin\":\"x\",\"changes\":{\"members\":[\"1; DROP TABLE members\"]}}"),
        QStringLiteral("{\"v\":1,\"origin\":\"x\",\"changes\":{\"members\":[-1]}}"),
        QStringLiteral("{\"v\":1,\"origin\":\"x\",\"changes\":{\"numbers\":[\"<script>\"]}}"),
        QStringLiteral("{\"v\":9,\"origin\":\"x\",\"changes\":{\"allMembers\":true}}"),
        QStringLiteral("{\"v\":1,\"origin\":\"x\",\"changes\":{}}"), // empty: nothing to say
        QString(7000, QLatin1Char('[')),
        // This process's own origin: already announced here.
        QString::fromUtf8(ChangeChannel::payload(Changes().withAllMembers())),
    };
    for (const QString& payload : garbage)
        QVERIFY(notifyRaw(*other, payload));
    // A bare NOTIFY, without a payload, too.
    SB_VERIFY_OK(other->run(QStringLiteral("NOTIFY switchboard_changes")));
    // Then a good one: when it has arrived, everything sent before it was read and dropped.
    QVERIFY(sendAsOther(*other, Changes().withCalls()));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWithinMs);
    QVERIFY(changesAt(received, 0) == Changes().withCalls());
    QCOMPARE(announced.size(), 1);
    QVERIFY(live.isFollowing());
}

void TestLiveChanges::followsAnotherDatabase()
{
    QFETCH(QString, engine);
    SB_ENV(first, engine);
    SB_ENV(second, engine);
    Notifier notifier;
    first.ctx->notifier = &notifier;
    second.ctx->notifier = &notifier;
    QVERIFY(prepare(*first.ctx).id > 0);
    const Member ann = prepare(*second.ctx);
    QVERIFY(ann.id > 0);
    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(first.db()));
    SB_VERIFY_OK(live.follow(second.db()));
    QSignalSpy received(&live, &LiveChanges::received);

    // A change to the database left behind, then one to the one followed now.
    for (const sbt::Env* env : {&first, &second}) {
        const auto r = CtlRunner(env->t.spec())
                           .run({QStringLiteral("--now"), kNow, QStringLiteral("credit"),
                                 QStringLiteral("allocate"), QStringLiteral("2.00"),
                                 QStringLiteral("ann.admin")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    QTRY_VERIFY_WITH_TIMEOUT(received.size() >= 1, kWithinMs);
    QCOMPARE(received.size(), 1);
    if (engine == QLatin1String("postgresql"))
        QCOMPARE(changesAt(received, 0).memberIds, QList<qint64>{ann.id});
}

void TestLiveChanges::stopFollowsNothing()
{
    SB_ENV(env, QStringLiteral("sqlite"));
    Notifier notifier;
    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(env.db()));
    QVERIFY(live.isFollowing());
    live.stop();
    QVERIFY(!live.isFollowing());
    // An SQLite database in memory has no file to watch: nothing to follow, not an error.
    auto memory = Database::open(QStringLiteral(":memory:"));
    SB_VERIFY_OK(memory);
    SB_VERIFY_OK(live.follow(*memory));
    QVERIFY(!live.isFollowing());
}

void TestLiveChanges::droppedListenerIsOpenedAgain()
{
    if (!postgres())
        QSKIP("needs PostgreSQL");
    SB_ENV(env, QStringLiteral("postgresql"));
    Notifier notifier;
    env.ctx->notifier = &notifier;
    const Member ann = prepare(*env.ctx);
    QVERIFY(ann.id > 0);
    LiveChanges live(&notifier);
    SB_VERIFY_OK(live.follow(env.db()));
    QSignalSpy received(&live, &LiveChanges::received);

    // A check while the connection answers changes nothing.
    live.checkListener();
    QCOMPARE(received.size(), 0);

    // The server drops the listening connection (as on a restart).
    auto admin = env.db().openAnother();
    SB_VERIFY_OK(admin);
    auto killed = admin->runFirst(
        QStringLiteral("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                       " WHERE datname = current_database()"
                       " AND application_name = 'switchboard listener'"));
    SB_VERIFY_OK(killed);
    QCOMPARE(killed->value(0).toInt(), 1);
    QCoreApplication::processEvents();

    // The next check opens another and, as changes may have been lost, re-reads everything.
    live.checkListener();
    QVERIFY(live.isFollowing());
    QCOMPARE(received.size(), 1);
    QVERIFY(changesAt(received, 0) == Changes::everything());

    // And it listens again.
    const auto r =
        CtlRunner(env.t.spec())
            .run({QStringLiteral("--now"), kNow, QStringLiteral("credit"),
                  QStringLiteral("allocate"), QStringLiteral("1.00"), QStringLiteral("ann.admin")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, kWithinMs);
    QCOMPARE(changesAt(received, 1).memberIds, QList<qint64>{ann.id});
}

QTEST_GUILESS_MAIN(TestLiveChanges)
#include "tst_livechanges.moc"
