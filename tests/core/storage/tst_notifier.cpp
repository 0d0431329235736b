// Notifier: each committed change is announced once, after the commit, naming what changed
// (members by id, numbers by E.164, profiles by id, the company balance, the activity log);
// a refused operation announces nothing; announcements from a worker thread arrive queued in
// the receiver's thread.

#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Notifier.h"

#include <QSignalSpy>
#include <QThread>

using sb::Changes;
using sb::CompanyService;
using sb::CreditService;
using sb::MemberService;
using sb::Money;
using sb::NumberHolder;
using sb::NumberService;
using sb::ProfileService;

namespace {
Changes changesAt(const QSignalSpy& spy, int i)
{
    return spy.at(i).at(0).value<Changes>();
}
} // namespace

namespace sb {
inline char* toString(const Changes& c)
{
    QStringList ids;
    for (qint64 id : c.memberIds)
        ids << QString::number(id);
    QStringList profiles;
    for (qint64 id : c.profileIds)
        profiles << QString::number(id);
    return qstrdup(
        QStringLiteral("members [%1]%2 numbers [%3]%4 profiles [%5]%6%7%8")
            .arg(ids.join(QLatin1Char(',')), c.allMembers ? QStringLiteral(" all") : QString(),
                 c.numbers.join(QLatin1Char(',')),
                 c.allNumbers ? QStringLiteral(" all") : QString(), profiles.join(QLatin1Char(',')),
                 c.allProfiles ? QStringLiteral(" all") : QString(),
                 c.companyBalance ? QStringLiteral(" balance") : QString(),
                 c.activity ? QStringLiteral(" activity") : QString())
            .toUtf8()
            .constData());
}
} // namespace sb

class TestNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void changesMerge();
    void emptyIsNotAnnounced();
    void withoutNotifierNothingBreaks_data() { sbt::addEngineRows(); }
    void withoutNotifierNothingBreaks();
    void topUpAnnouncesBalance_data() { sbt::addEngineRows(); }
    void topUpAnnouncesBalance();
    void memberAndCredit_data() { sbt::addEngineRows(); }
    void memberAndCredit();
    void buyAnnouncesNumbersAndHolders_data() { sbt::addEngineRows(); }
    void buyAnnouncesNumbersAndHolders();
    void profileChanges_data() { sbt::addEngineRows(); }
    void profileChanges();
    void refusalsAnnounceNothing_data() { sbt::addEngineRows(); }
    void refusalsAnnounceNothing();
    void workerThreadArrivesQueued();
};

void TestNotifier::changesMerge()
{
    Changes a = Changes().withMembers({1, 2}).withNumbers({QStringLiteral("+1")});
    a += Changes().withMembers({2, 3}).withProfiles({7}).withCompanyBalance();
    QCOMPARE(a.memberIds, (QList<qint64>{1, 2, 3}));
    QCOMPARE(a.numbers, QStringList{QStringLiteral("+1")});
    QCOMPARE(a.profileIds, QList<qint64>{7});
    QVERIFY(a.companyBalance);
    QVERIFY(!a.activity);
    QVERIFY(!a.isEmpty());
    QVERIFY(Changes{}.isEmpty());
}

void TestNotifier::emptyIsNotAnnounced()
{
    sb::Notifier notifier;
    QSignalSpy spy(&notifier, &sb::Notifier::changed);
    notifier.announce({});
    QCOMPARE(spy.count(), 0);
    notifier.announce(Changes().withActivity());
    QCOMPARE(spy.count(), 1);
}

void TestNotifier::withoutNotifierNothingBreaks()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(e.ctx->notifier == nullptr);
    SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(100), QString()));
}

void TestNotifier::topUpAnnouncesBalance()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    sb::Notifier notifier;
    e.ctx->notifier = &notifier;
    QSignalSpy spy(&notifier, &sb::Notifier::changed);
    SB_VERIFY_OK(CompanyService(*e.ctx).topUp(Money::fromCents(5000), QStringLiteral("T")));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changesAt(spy, 0), (Changes().withCompanyBalance().withActivity()));
}

void TestNotifier::memberAndCredit()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    sb::Notifier notifier;
    e.ctx->notifier = &notifier;
    QVERIFY(CompanyService(*e.ctx).topUp(Money::fromCents(5000), QStringLiteral("T")).ok());
    QSignalSpy spy(&notifier, &sb::Notifier::changed);

    auto alice = MemberService(*e.ctx).add(
        {QStringLiteral("alice.smith"), QStringLiteral("Alice Smith"), QString(), QString()});
    SB_VERIFY_OK(alice);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changesAt(spy, 0), (Changes().withAllMembers().withActivity()));

    const CreditService credit(*e.ctx);
    SB_VERIFY_OK(credit.allocate(Money::fromCents(700), {QStringLiteral("alice.smith")}));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(changesAt(spy, 1),
             (Changes().withMembers({alice->id}).withCompanyBalance().withActivity()));

    SB_VERIFY_OK(credit.setAutoRecharge(QStringLiteral("alice.smith"), Money::fromCents(500),
                                        Money::fromCents(100), Money::fromCents(2000)));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(changesAt(spy, 2).memberIds, QList<qint64>{alice->id});

    SB_VERIFY_OK(credit.disableAutoRecharge(QStringLiteral("alice.smith")));
    QCOMPARE(spy.count(), 4);
    QCOMPARE(changesAt(spy, 3), (Changes().withMembers({alice->id}).withActivity()));
}

void TestNotifier::buyAnnouncesNumbersAndHolders()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine, sbt::utc(2026, 1, 31, 9));
    const sb::Context& ctx = *e.ctx;
    sb::Notifier notifier;
    e.ctx->notifier = &notifier;
    auto alice = MemberService(ctx).add(
        {QStringLiteral("alice.smith"), QStringLiteral("Alice Smith"), QString(), QString()});
    auto bob = MemberService(ctx).add(
        {QStringLiteral("bob.jones1"), QStringLiteral("Bob Jones"), QString(), QString()});
    SB_VERIFY_OK(alice);
    SB_VERIFY_OK(bob);
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(2000), QStringLiteral("T")).ok());
    QSignalSpy spy(&notifier, &sb::Notifier::changed);

    const NumberService numbers(ctx);
    auto bought = numbers.buy({QStringLiteral("US"),
                               QStringLiteral("212"),
                               1,
                               {NumberHolder::member(QStringLiteral("alice.smith")),
                                NumberHolder::member(QStringLiteral("bob.jones1"))},
                               false});
    SB_VERIFY_OK(bought);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changesAt(spy, 0), (Changes()
                                     .withMembers({alice->id, bob->id})
                                     .withNumbers({bought->at(0).e164, bought->at(1).e164})
                                     .withCompanyBalance()
                                     .withActivity()));

    // Reassigning names the number, its new and its former holder.
    SB_VERIFY_OK(
        numbers.assign(bought->at(0).e164, NumberHolder::member(QStringLiteral("bob.jones1"))));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(changesAt(spy, 1), (Changes()
                                     .withMembers({bob->id, alice->id})
                                     .withNumbers({bought->at(0).e164})
                                     .withActivity()));

    SB_VERIFY_OK(numbers.cancel(bought->at(1).e164));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(changesAt(spy, 2), (Changes().withNumbers({bought->at(1).e164}).withActivity()));
}

void TestNotifier::profileChanges()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context& ctx = *e.ctx;
    sb::Notifier notifier;
    e.ctx->notifier = &notifier;
    auto alice = MemberService(ctx).add(
        {QStringLiteral("alice.smith"), QStringLiteral("Alice Smith"), QString(), QString()});
    SB_VERIFY_OK(alice);
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("T")).ok());
    QSignalSpy spy(&notifier, &sb::Notifier::changed);

    const ProfileService profiles(ctx);
    sb::NewSipProfile in;
    in.name = QStringLiteral("Sales");
    in.auth = sb::SipProfile::Auth::Ip;
    in.ip = QStringLiteral("203.0.113.10");
    auto created = profiles.create(in);
    SB_VERIFY_OK(created);
    const qint64 id = created->profile.id;
    QCOMPARE(spy.count(), 1);
    QCOMPARE(changesAt(spy, 0), (Changes().withAllProfiles().withCompanyBalance().withActivity()));

    SB_VERIFY_OK(profiles.link(QStringLiteral("Sales"), QStringLiteral("alice.smith"), QString()));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(changesAt(spy, 1),
             (Changes().withMembers({alice->id}).withProfiles({id}).withActivity()));

    SB_VERIFY_OK(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(300)));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(changesAt(spy, 2), (Changes().withProfiles({id}).withCompanyBalance().withActivity()));

    // The linked member's row names the profile.
    SB_VERIFY_OK(profiles.rename(QStringLiteral("Sales"), QStringLiteral("Sales EU")));
    QCOMPARE(spy.count(), 4);
    QCOMPARE(
        changesAt(spy, 3),
        (Changes().withMembers({alice->id}).withAllNumbers().withProfiles({id}).withActivity()));

    SB_VERIFY_OK(profiles.remove(QStringLiteral("Sales EU")));
    QCOMPARE(spy.count(), 5);
    QCOMPARE(
        changesAt(spy, 4),
        (Changes().withMembers({alice->id}).withAllProfiles().withCompanyBalance().withActivity()));
}

void TestNotifier::refusalsAnnounceNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context& ctx = *e.ctx;
    sb::Notifier notifier;
    e.ctx->notifier = &notifier;
    SB_VERIFY_OK(MemberService(ctx).add(
        {QStringLiteral("alice.smith"), QStringLiteral("Alice Smith"), QString(), QString()}));
    QSignalSpy spy(&notifier, &sb::Notifier::changed);

    // Invalid before any transaction.
    QVERIFY(!CompanyService(ctx).topUp(Money(), QString()).ok());
    // Refused inside the transaction, which rolls back.
    QVERIFY(
        !MemberService(ctx)
             .add({QStringLiteral("alice.smith"), QStringLiteral("Again"), QString(), QString()})
             .ok());
    QVERIFY(
        !CreditService(ctx).allocate(Money::fromCents(100), {QStringLiteral("alice.smith")}).ok());
    QVERIFY(!CreditService(ctx).disableAutoRecharge(QStringLiteral("alice.smith")).ok());
    QVERIFY(!NumberService(ctx)
                 .buy({QStringLiteral("US"),
                       QStringLiteral("212"),
                       1,
                       {NumberHolder::member(QStringLiteral("alice.smith"))},
                       false})
                 .ok());
    QVERIFY(!ProfileService(ctx).rename(QStringLiteral("Nobody"), QStringLiteral("X")).ok());
    QCOMPARE(spy.count(), 0);
}

void TestNotifier::workerThreadArrivesQueued()
{
    sb::Notifier notifier;
    QObject receiver;
    QList<Changes> got;
    QThread* gotIn = nullptr;
    connect(&notifier, &sb::Notifier::changed, &receiver, [&](const Changes& c) {
        got.append(c);
        gotIn = QThread::currentThread();
    });
    QThread* worker = QThread::create([&]() { notifier.announce(Changes().withMembers({42})); });
    worker->start();
    QVERIFY(worker->wait(5000));
    delete worker;
    QVERIFY(got.isEmpty()); // queued: not delivered in the worker
    QTRY_COMPARE(got.size(), 1);
    QCOMPARE(got.first().memberIds, QList<qint64>{42});
    QCOMPARE(gotIn, QThread::currentThread());
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
