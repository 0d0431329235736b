// CreditService: allocation from the company balance to one or many members (all or
// nothing, never taken back), charges, and auto-recharge with its threshold, monthly limit
// (calendar month in UTC) and suspension until the first day of the next month.

#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"

#include <QMutex>
#include <QSemaphore>
#include <QThread>
#include <QTimeZone>

#include <memory>

using sb::CreditService;
using sb::Error;
using sb::Money;

namespace {

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

// Tops up the company and adds members with optional starting credit; "" or the problem.
QString setUp(const sb::Context& ctx, qint64 companyCents,
              const QList<std::pair<QString, qint64>>& members)
{
    qint64 allocated = 0;
    for (const auto& [account, cents] : members)
        allocated += cents;
    if (companyCents + allocated > 0) {
        if (auto t = sb::CompanyService(ctx).topUp(m(companyCents + allocated), s("SETUP")); !t)
            return t.error().message;
    }
    for (const auto& [account, cents] : members) {
        if (auto a = sb::MemberService(ctx).add({account, account.toUpper(), QString(), QString()});
            !a)
            return a.error().message;
        if (cents > 0) {
            if (auto c = CreditService(ctx).allocate(m(cents), {account}); !c)
                return c.error().message;
        }
    }
    return {};
}

#define SB_SETUP(ctx, company, ...)                                                                \
    do {                                                                                           \
        const QString problem_ = setUp(ctx, company, __VA_ARGS__);                                 \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

Money balanceOf(const sb::Context& ctx, const QString& account)
{
    auto member = sb::MemberService(ctx).find(account);
    return member ? member->balance : m(-1);
}

Money companyBalance(const sb::Context& ctx)
{
    auto b = sb::CompanyService(ctx).balance();
    return b ? *b : m(-1);
}

QStringList actions(const sb::Context& ctx)
{
    QStringList out;
    auto page = sb::ActivityLog(ctx).page(1000);
    if (page) {
        for (const auto& e : std::as_const(*page))
            out.prepend(e.key); // oldest first
    }
    return out;
}

} // namespace

class TestCreditService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void allocateToSeveral_data() { sbt::addEngineRows(); }
    void allocateToSeveral();
    void allocateAllOrNothing_data() { sbt::addEngineRows(); }
    void allocateAllOrNothing();
    void allocateRefused_data();
    void allocateRefused();
    void onlyChargesTakeMoneyFromMembers_data() { sbt::addEngineRows(); }
    void onlyChargesTakeMoneyFromMembers();
    void concurrentAllocationsNeverOverspend_data() { sbt::addEngineRows(); }
    void concurrentAllocationsNeverOverspend();

    void callChargeOwedThenAllocation_data() { sbt::addEngineRows(); }
    void callChargeOwedThenAllocation();
    void charge_data() { sbt::addEngineRows(); }
    void charge();
    void chargeRefused_data() { sbt::addEngineRows(); }
    void chargeRefused();

    void validateAutoRecharge_data();
    void validateAutoRecharge();
    void setAutoRechargeRefusedChangesNothing_data() { sbt::addEngineRows(); }
    void setAutoRechargeRefusedChangesNothing();
    void autoRechargeAtSave_data() { sbt::addEngineRows(); }
    void autoRechargeAtSave();
    void autoRechargeRepeatsUntilThreshold_data() { sbt::addEngineRows(); }
    void autoRechargeRepeatsUntilThreshold();
    void autoRechargeOnlyBelowThreshold_data() { sbt::addEngineRows(); }
    void autoRechargeOnlyBelowThreshold();
    void autoRechargeLimitSuspendsAndBillingResumes_data() { sbt::addEngineRows(); }
    void autoRechargeLimitSuspendsAndBillingResumes();
    void suspensionEndsFirstOfNextMonthUtc_data();
    void suspensionEndsFirstOfNextMonthUtc();
    void firstOfNextMonth_data();
    void firstOfNextMonth();
    void decemberSuspensionResumesInJanuary_data() { sbt::addEngineRows(); }
    void decemberSuspensionResumesInJanuary();
    void companyCannotPay_data() { sbt::addEngineRows(); }
    void companyCannotPay();
    void changedSettingsKeepMonthCount_data() { sbt::addEngineRows(); }
    void changedSettingsKeepMonthCount();
    void disableAndEnableKeepMonthCount_data() { sbt::addEngineRows(); }
    void disableAndEnableKeepMonthCount();
    void disable_data() { sbt::addEngineRows(); }
    void disable();
};

void TestCreditService::allocateToSeveral()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}, {s("bjorn.dahl"), 250}, {s("chloe.m"), 0}});
    const qint64 ledgerBefore = sbt::count(e.db(), s("ledger"));
    auto r =
        CreditService(*e.ctx).allocate(m(3000), {s("anna.berg"), s("BJORN.DAHL"), s("chloe.m")});
    SB_VERIFY_OK(r);
    QCOMPARE(r->each, m(3000));
    QCOMPARE(r->total, m(9000));
    QCOMPARE(r->companyBalance, m(1000));
    QCOMPARE(r->members.size(), 3);
    QCOMPARE(r->members[1].account, s("bjorn.dahl"));
    QCOMPARE(r->members[1].balance, m(3250));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(3000));
    QCOMPARE(balanceOf(*e.ctx, s("bjorn.dahl")), m(3250));
    QCOMPARE(balanceOf(*e.ctx, s("chloe.m")), m(3000));
    QCOMPARE(companyBalance(*e.ctx), m(1000));
    QCOMPARE(sbt::count(e.db(), s("ledger")), ledgerBefore + 3);
    QCOMPARE(sbt::rows(
                 e.db(),
                 s("SELECT from_account, amount_cents, kind FROM ledger ORDER BY id DESC LIMIT 3")),
             (QStringList{s("1|3000|allocation"), s("1|3000|allocation"), s("1|3000|allocation")}));
    QCOMPARE(actions(*e.ctx).mid(actions(*e.ctx).size() - 3),
             (QStringList{s("credit.allocate"), s("credit.allocate"), s("credit.allocate")}));
    // Exactly what the company has is fine, leaving zero.
    SB_VERIFY_OK(CreditService(*e.ctx).allocate(m(500), {s("anna.berg"), s("chloe.m")}));
    QCOMPARE(companyBalance(*e.ctx), m(0));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::allocateAllOrNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 100}, {s("bjorn.dahl"), 0}, {s("chloe.m"), 0}});
    const sbt::Snapshot before = sbt::snapshot(e.db());
    // 3 × 33.34 = 100.02 > 100.00: nobody gets anything.
    auto r =
        CreditService(*e.ctx).allocate(m(3334), {s("anna.berg"), s("bjorn.dahl"), s("chloe.m")});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Refused);
    QVERIFY2(r.error().message.contains(s("100.00")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(s("100.02")), qPrintable(r.error().message));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(100));
    QCOMPARE(balanceOf(*e.ctx, s("bjorn.dahl")), m(0));
    QCOMPARE(companyBalance(*e.ctx), m(10000));
    // 3 × 33.33 = 99.99 fits.
    SB_VERIFY_OK(
        CreditService(*e.ctx).allocate(m(3333), {s("anna.berg"), s("bjorn.dahl"), s("chloe.m")}));
    QCOMPARE(companyBalance(*e.ctx), m(1));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::allocateRefused_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QStringList>("accounts");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("fragment"); // of the message: refused for this reason
    const int invalid = int(Error::Kind::Invalid);
    QStringList eleven;
    for (int i = 0; i < 11; ++i)
        eleven << QStringLiteral("member%1").arg(i, 2, 10, QLatin1Char('0'));
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        auto row = [&](const char* tag, qint64 cents, const QStringList& accounts, int kind,
                       const QString& fragment) {
            QTest::addRow("%s: %s", qPrintable(engine), tag)
                << engine << cents << accounts << kind << fragment;
        };
        row("duplicate", 100, {s("anna.berg"), s("bjorn.dahl"), s("anna.berg")}, invalid,
            s("\"anna.berg\" is listed more than once"));
        row("duplicate other case", 100, {s("anna.berg"), s("Anna.Berg")}, invalid,
            s("is listed more than once"));
        row("unknown member", 100, {s("anna.berg"), s("nobody.here"), s("bjorn.dahl")},
            int(Error::Kind::NotFound), s("nobody.here"));
        row("nobody", 100, {}, invalid, s("at least one member"));
        row("zero", 0, {s("anna.berg")}, invalid, s("greater than zero"));
        row("negative", -100, {s("anna.berg")}, invalid, s("greater than zero"));
        row("absurd each", Money::MaxOperationCents + 1, {s("anna.berg")}, invalid,
            s("more than one operation may move"));
        row("absurd total", Money::MaxOperationCents, eleven, invalid,
            s("for each of 11 members is more than one operation may move"));
    }
}

void TestCreditService::allocateRefused()
{
    QFETCH(QString, engine);
    QFETCH(qint64, cents);
    QFETCH(QStringList, accounts);
    QFETCH(int, kind);
    QFETCH(QString, fragment);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 100000, {{s("anna.berg"), 500}, {s("bjorn.dahl"), 0}});
    const sbt::Snapshot before = sbt::snapshot(e.db());
    SB_VERIFY_ERROR(CreditService(*e.ctx).allocate(m(cents), accounts), Error::Kind(kind),
                    fragment);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    SB_VERIFY_BOOKS(*e.ctx);
}

// Credit given to a member never goes back: after a scenario with every kind of operation
// (allocations, refused ones, auto-recharge, its suspension and resumption, billing), the
// ledger shows money leaving a member's account only as charges out to the provider, and
// the member's balance only ever fell by those charges.
void TestCreditService::onlyChargesTakeMoneyFromMembers()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine, sbt::utc(2026, 5, 30, 9));
    SB_SETUP(*e.ctx, 20000, {{s("anna.berg"), 0}, {s("bjorn.dahl"), 0}});
    const CreditService credit(*e.ctx);
    SB_VERIFY_OK(credit.allocate(m(2000), {s("anna.berg"), s("bjorn.dahl")}));
    SB_VERIFY_ERROR(credit.allocate(m(-500), {s("anna.berg")}), Error::Kind::Invalid,
                    s("greater than zero"));
    SB_VERIFY_ERROR(credit.allocate(m(100000), {s("anna.berg"), s("bjorn.dahl")}),
                    Error::Kind::Refused, s("cannot cover 1000.00 for each of 2 member(s)"));
    SB_VERIFY_OK(credit.setAutoRecharge(s("anna.berg"), m(1000), m(1500), m(2000)));
    SB_VERIFY_OK(credit.charge(s("anna.berg"), m(800), s("calls")));
    SB_VERIFY_OK(credit.charge(s("anna.berg"), m(900), s("calls")));
    SB_VERIFY_OK(credit.charge(s("anna.berg"), m(1200), s("calls")));
    SB_VERIFY_ERROR(credit.charge(s("bjorn.dahl"), m(2001), s("too much")), Error::Kind::Refused,
                    s("too low for a charge of 20.01"));
    e.clock.set(sbt::utc(2026, 6, 1, 0, 0, 1));
    SB_VERIFY_OK(sb::BillingService(*e.ctx).run());
    SB_VERIFY_OK(credit.disableAutoRecharge(s("anna.berg")));
    SB_VERIFY_OK(credit.allocate(m(100), {s("anna.berg")}));

    for (const QString& account : {s("anna.berg"), s("bjorn.dahl")}) {
        const qint64 id = sb::MemberService(*e.ctx).find(account)->accountId;
        QCOMPARE(
            sbt::scalar(e.db(), QStringLiteral("SELECT COUNT(*) FROM ledger WHERE from_account = %1"
                                               " AND NOT (to_account IS NULL AND kind = 'charge')")
                                    .arg(id))
                .toLongLong(),
            qint64(0));
        // Replay the member's ledger: the balance only falls by charges.
        auto run = e.db().run(s("SELECT from_account, to_account, amount_cents, kind FROM ledger"
                                " WHERE from_account = ? OR to_account = ? ORDER BY id"),
                              {id, id});
        SB_VERIFY_OK(run);
        QSqlQuery& q = run.value();
        qint64 balance = 0;
        while (q.next()) {
            const bool out = q.value(0).toLongLong() == id;
            if (out)
                QCOMPARE(q.value(3).toString(), s("charge"));
            balance += out ? -q.value(2).toLongLong() : q.value(2).toLongLong();
            QVERIFY(balance >= 0);
        }
        QCOMPARE(m(balance), balanceOf(*e.ctx, account));
    }
    SB_VERIFY_BOOKS(*e.ctx);
}

// Two admins allocating from the same company balance at the same moment, each through
// their own connection: exactly what the company had is handed out, never more.
void TestCreditService::concurrentAllocationsNeverOverspend()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 1000, {{s("anna.berg"), 0}, {s("bjorn.dahl"), 0}, {s("chloe.m"), 0}});
    constexpr int kAdmins = 2;
    constexpr int kAttempts = 12; // 2 × 12 × 1.00 asked, 10.00 there
    QSemaphore ready;
    QSemaphore go;
    QMutex mutex;
    int succeeded = 0;
    int refused = 0;
    QStringList failures;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int admin = 0; admin < kAdmins; ++admin) {
        threads.emplace_back(QThread::create([&, admin] {
            auto db = sb::Database::open(e.t.spec());
            ready.release();
            go.acquire();
            if (!db) {
                QMutexLocker lock(&mutex);
                failures << db.error().message;
                return;
            }
            const sb::Context ctx{*db, &e.clock, QStringLiteral("admin%1").arg(admin)};
            const QStringList targets =
                admin == 0 ? QStringList{s("anna.berg")} : QStringList{s("bjorn.dahl")};
            for (int i = 0; i < kAttempts; ++i) {
                auto r = CreditService(ctx).allocate(m(100), i % 3 == 2 ? QStringList{s("chloe.m")}
                                                                        : targets);
                QMutexLocker lock(&mutex);
                if (r)
                    ++succeeded;
                else if (r.error().kind == Error::Kind::Refused)
                    ++refused;
                else
                    failures << r.error().message;
            }
        }));
        threads.back()->start();
    }
    ready.acquire(kAdmins);
    go.release(kAdmins);
    for (auto& t : threads)
        QVERIFY(t->wait(120000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(succeeded, 10);
    QCOMPARE(refused, kAdmins * kAttempts - 10);
    QCOMPARE(companyBalance(*e.ctx), m(0));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")) + balanceOf(*e.ctx, s("bjorn.dahl")) +
                 balanceOf(*e.ctx, s("chloe.m")),
             m(1000));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::charge()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 5000, {{s("anna.berg"), 1000}});
    auto r = CreditService(*e.ctx).charge(s("ANNA.BERG"), m(250), s("call to +4722000000"));
    SB_VERIFY_OK(r);
    QCOMPARE(r->balance, m(750));
    QCOMPARE(r->recharge.recharges, 0);
    QCOMPARE(r->recharge.recharged, m(0));
    QVERIFY(r->recharge.message.isEmpty());
    const qint64 id = sb::MemberService(*e.ctx).find(s("anna.berg"))->accountId;
    QCOMPARE(sbt::rows(e.db(), s("SELECT from_account, to_account, amount_cents, kind, note FROM "
                                 "ledger ORDER BY id DESC LIMIT 1")),
             QStringList{QStringLiteral("%1|NULL|250|charge|call to +4722000000").arg(id)});
    // The whole balance may be spent.
    auto all = CreditService(*e.ctx).charge(s("anna.berg"), m(750), QString());
    SB_VERIFY_OK(all);
    QCOMPARE(all->balance, m(0));
    QCOMPARE(companyBalance(*e.ctx), m(5000));
    auto totals = sb::Ledger(*e.ctx).totals();
    QCOMPARE(totals->spent, m(1000));
    SB_VERIFY_BOOKS(*e.ctx);
}

// A call charge is taken in full, below zero (owed) without auto-recharge; an ordinary
// charge is then refused; an allocation raises the owed balance like any other.
void TestCreditService::callChargeOwedThenAllocation()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 5000, {{s("anna.berg"), 100}});
    const CreditService credit(*e.ctx);
    auto anna = sb::MemberService(*e.ctx).find(s("anna.berg"));
    SB_VERIFY_OK(anna);
    auto c = sb::Transaction::run(e.db(), [&](sb::Transaction& tx) {
        return credit.chargeCall(tx, *anna, m(420), s("call"), s("u.1"));
    });
    SB_VERIFY_OK(c);
    QCOMPARE(c->charged, m(420));
    QCOMPARE(c->balance, m(-320));
    QCOMPARE(c->recharge.recharges, 0);
    QVERIFY(c->news.isEmpty());
    QVERIFY(!credit.charge(s("anna.berg"), m(1), QString()).ok());
    auto a = credit.allocate(m(500), {s("anna.berg")});
    SB_VERIFY_OK(a);
    QCOMPARE(a->members.first().balance, m(180));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::chargeRefused()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 5000, {{s("anna.berg"), 1000}});
    const sbt::Snapshot before = sbt::snapshot(e.db());
    const CreditService credit(*e.ctx);
    auto tooMuch = credit.charge(s("anna.berg"), m(1001), s("call"));
    QVERIFY(!tooMuch.ok());
    QCOMPARE(tooMuch.error().kind, Error::Kind::Refused);
    QVERIFY2(tooMuch.error().message.contains(s("10.00")) &&
                 tooMuch.error().message.contains(s("10.01")),
             qPrintable(tooMuch.error().message));
    // The company balance does not stand in for the member's.
    QVERIFY(companyBalance(*e.ctx) > m(1001));
    auto unknown = credit.charge(s("nobody.here"), m(1), s("call"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
    for (qint64 bad : {qint64(0), qint64(-5)})
        SB_VERIFY_ERROR(credit.charge(s("anna.berg"), m(bad), s("call")), Error::Kind::Invalid,
                        s("greater than zero"));
    SB_VERIFY_ERROR(credit.charge(s("anna.berg"), m(Money::MaxOperationCents + 1), s("call")),
                    Error::Kind::Invalid, s("more than one operation may move"));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::validateAutoRecharge_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("threshold");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<bool>("ok");
    QTest::newRow("typical") << qint64(1000) << qint64(500) << qint64(5000) << true;
    QTest::newRow("limit equals amount") << qint64(1000) << qint64(500) << qint64(1000) << true;
    QTest::newRow("zero threshold") << qint64(1000) << qint64(0) << qint64(5000) << true;
    QTest::newRow("threshold above amount") << qint64(1000) << qint64(2500) << qint64(5000) << true;
    QTest::newRow("limit below amount") << qint64(1000) << qint64(500) << qint64(999) << false;
    QTest::newRow("zero amount") << qint64(0) << qint64(500) << qint64(5000) << false;
    QTest::newRow("negative amount") << qint64(-1000) << qint64(500) << qint64(5000) << false;
    QTest::newRow("negative threshold") << qint64(1000) << qint64(-1) << qint64(5000) << false;
    QTest::newRow("zero limit") << qint64(1000) << qint64(500) << qint64(0) << false;
    QTest::newRow("absurd amount")
        << Money::MaxOperationCents + 1 << qint64(500) << Money::MaxOperationCents + 1 << false;
    QTest::newRow("absurd threshold")
        << qint64(1000) << Money::MaxOperationCents + 1 << qint64(5000) << false;
    QTest::newRow("absurd limit") << qint64(1000) << qint64(500) << Money::MaxOperationCents + 1
                                  << false;
}

void TestCreditService::validateAutoRecharge()
{
    QFETCH(qint64, amount);
    QFETCH(qint64, threshold);
    QFETCH(qint64, limit);
    QFETCH(bool, ok);
    auto r = CreditService::validateAutoRecharge(m(amount), m(threshold), m(limit));
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY(!r.error().message.isEmpty());
    }
}

void TestCreditService::setAutoRechargeRefusedChangesNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 5000, {{s("anna.berg"), 0}});
    const sbt::Snapshot before = sbt::snapshot(e.db());
    const CreditService credit(*e.ctx);
    QCOMPARE(credit.setAutoRecharge(s("anna.berg"), m(1000), m(500), m(999)).error().kind,
             Error::Kind::Invalid);
    QCOMPARE(credit.setAutoRecharge(s("anna.berg"), m(0), m(500), m(5000)).error().kind,
             Error::Kind::Invalid);
    QCOMPARE(credit.setAutoRecharge(s("anna.berg"), m(1000), m(-1), m(5000)).error().kind,
             Error::Kind::Invalid);
    QCOMPARE(credit.setAutoRecharge(s("nobody.here"), m(1000), m(500), m(5000)).error().kind,
             Error::Kind::NotFound);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QVERIFY(!sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge.has_value());
}

void TestCreditService::autoRechargeAtSave()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}});
    auto r = CreditService(*e.ctx).setAutoRecharge(s("anna.berg"), m(1000), m(500), m(5000));
    SB_VERIFY_OK(r);
    QCOMPARE(r->recharged, m(1000));
    QCOMPARE(r->recharges, 1);
    QVERIFY(!r->companyCouldNotPay);
    QVERIFY(!r->suspendedUntil.isValid());
    QVERIFY2(r->message.contains(s("anna.berg")), qPrintable(r->message));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(1000));
    QCOMPARE(companyBalance(*e.ctx), m(9000));
    auto member = sb::MemberService(*e.ctx).find(s("anna.berg"));
    SB_VERIFY_OK(member);
    QVERIFY(member->autoRecharge.has_value());
    QCOMPARE(member->autoRecharge->amount, m(1000));
    QCOMPARE(member->autoRecharge->threshold, m(500));
    QCOMPARE(member->autoRecharge->monthlyLimit, m(5000));
    QCOMPARE(member->autoRecharge->rechargedThisMonth, m(1000));
    QCOMPARE(member->autoRecharge->month, s("2026-03"));
    QVERIFY(!member->autoRecharge->suspendedUntil.isValid());
    QCOMPARE(
        sbt::rows(e.db(),
                  s("SELECT to_account, amount_cents, kind FROM ledger ORDER BY id DESC LIMIT 1")),
        QStringList{QStringLiteral("%1|1000|autorecharge").arg(member->accountId)});
    QCOMPARE(actions(*e.ctx).mid(actions(*e.ctx).size() - 2),
             (QStringList{s("autorecharge.set"), s("autorecharge.recharge")}));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::autoRechargeRepeatsUntilThreshold()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}});
    // 0 < 25: +10, +10, +10 = 30 >= 25.
    auto r = CreditService(*e.ctx).setAutoRecharge(s("anna.berg"), m(1000), m(2500), m(5000));
    SB_VERIFY_OK(r);
    QCOMPARE(r->recharges, 3);
    QCOMPARE(r->recharged, m(3000));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(3000));
    QCOMPARE(companyBalance(*e.ctx), m(7000));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::autoRechargeOnlyBelowThreshold()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 500}});
    const CreditService credit(*e.ctx);
    // At the threshold is not below it.
    auto atSave = credit.setAutoRecharge(s("anna.berg"), m(1000), m(500), m(5000));
    SB_VERIFY_OK(atSave);
    QCOMPARE(atSave->recharges, 0);
    QVERIFY(atSave->message.isEmpty());
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(500));
    // One cent below after a charge: recharged.
    auto charged = credit.charge(s("anna.berg"), m(1), s("call"));
    SB_VERIFY_OK(charged);
    QCOMPARE(charged->recharge.recharges, 1);
    QCOMPARE(charged->recharge.recharged, m(1000));
    QCOMPARE(charged->balance, m(1499));
    // Zero threshold: never below it.
    SB_VERIFY_OK(credit.setAutoRecharge(s("anna.berg"), m(1000), m(0), m(5000)));
    auto drained = credit.charge(s("anna.berg"), m(1499), s("call"));
    SB_VERIFY_OK(drained);
    QCOMPARE(drained->recharge.recharges, 0);
    QCOMPARE(drained->balance, m(0));
    SB_VERIFY_BOOKS(*e.ctx);
}

// The spec's month: 10.00 recharges, at most 30.00 a month. The third recharge reaches the
// limit: suspended until 1 February (UTC) even at 23:59:59 on 31 January; no recharge while
// suspended; the billing run of the new month resumes and recharges.
void TestCreditService::autoRechargeLimitSuspendsAndBillingResumes()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine, sbt::utc(2026, 1, 31, 23, 59, 50));
    SB_SETUP(*e.ctx, 100000, {{s("anna.berg"), 3000}});
    const CreditService credit(*e.ctx);
    auto saved = credit.setAutoRecharge(s("anna.berg"), m(1000), m(2500), m(3000));
    SB_VERIFY_OK(saved);
    QCOMPARE(saved->recharges, 0);

    for (int i = 1; i <= 2; ++i) {
        auto c = credit.charge(s("anna.berg"), m(1000), s("call"));
        SB_VERIFY_OK(c);
        QCOMPARE(c->recharge.recharges, 1);
        QCOMPARE(c->balance, m(3000));
        QVERIFY(!c->recharge.suspendedUntil.isValid());
    }
    e.clock.set(sbt::utc(2026, 1, 31, 23, 59, 58));
    auto third = credit.charge(s("anna.berg"), m(1000), s("call"));
    SB_VERIFY_OK(third);
    QCOMPARE(third->recharge.recharges, 1);
    QCOMPARE(third->balance, m(3000));
    QCOMPARE(third->recharge.suspendedUntil, QDate(2026, 2, 1));
    QVERIFY2(third->recharge.message.contains(s("2026-02-01")),
             qPrintable(third->recharge.message));
    QCOMPARE(actions(*e.ctx).last(), s("autorecharge.suspended"));

    // Suspended: below the threshold, nothing happens.
    const Money companyBefore = companyBalance(*e.ctx);
    auto fourth = credit.charge(s("anna.berg"), m(1000), s("call"));
    SB_VERIFY_OK(fourth);
    QCOMPARE(fourth->recharge.recharges, 0);
    QCOMPARE(fourth->recharge.recharged, m(0));
    QCOMPARE(fourth->recharge.suspendedUntil, QDate(2026, 2, 1));
    QCOMPARE(fourth->balance, m(2000));
    QCOMPARE(companyBalance(*e.ctx), companyBefore);
    auto member = sb::MemberService(*e.ctx).find(s("anna.berg"));
    QCOMPARE(member->autoRecharge->suspendedUntil, QDate(2026, 2, 1));
    QCOMPARE(member->autoRecharge->rechargedThisMonth, m(3000));
    // Still January for one more second.
    e.clock.set(sbt::utc(2026, 1, 31, 23, 59, 59));
    auto billingJanuary = sb::BillingService(*e.ctx).run();
    SB_VERIFY_OK(billingJanuary);
    QCOMPARE(billingJanuary->autoRechargesReset, 0);
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(2000));

    // 1 February 00:00:00 UTC: the new month's billing run resumes and recharges.
    e.clock.set(sbt::utc(2026, 2, 1));
    QVERIFY(
        !sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge->suspendedUntil.isValid());
    auto billing = sb::BillingService(*e.ctx).run();
    SB_VERIFY_OK(billing);
    QCOMPARE(billing->autoRechargesReset, 1);
    QCOMPARE(billing->resumed, 1);
    QCOMPARE(billing->recharged, m(1000));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(3000));
    QCOMPARE(companyBalance(*e.ctx), companyBefore - m(1000));
    member = sb::MemberService(*e.ctx).find(s("anna.berg"));
    QCOMPARE(member->autoRecharge->month, s("2026-02"));
    QCOMPARE(member->autoRecharge->rechargedThisMonth, m(1000));
    QVERIFY(!member->autoRecharge->suspendedUntil.isValid());
    const QStringList log = actions(*e.ctx);
    QCOMPARE(log.mid(log.size() - 2),
             (QStringList{s("autorecharge.resumed"), s("autorecharge.recharge")}));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::suspensionEndsFirstOfNextMonthUtc_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("month");
    QTest::addColumn<QDate>("until");
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        auto row = [&](const char* tag, const QDateTime& now, const char* month,
                       const QDate& until) {
            QTest::addRow("%s: %s", qPrintable(engine), tag) << engine << now << s(month) << until;
        };
        row("last second of January", sbt::utc(2026, 1, 31, 23, 59, 59), "2026-01",
            QDate(2026, 2, 1));
        row("first second of February", sbt::utc(2026, 2, 1, 0, 0, 0), "2026-02",
            QDate(2026, 3, 1));
        row("end of short February", sbt::utc(2026, 2, 28, 23, 59, 59), "2026-02",
            QDate(2026, 3, 1));
        row("leap day", sbt::utc(2028, 2, 29, 12, 0, 0), "2028-02", QDate(2028, 3, 1));
        row("31st of March", sbt::utc(2026, 3, 31, 8, 0, 0), "2026-03", QDate(2026, 4, 1));
        row("last second of the year", sbt::utc(2026, 12, 31, 23, 59, 59), "2026-12",
            QDate(2027, 1, 1));
        // 23:30 on 31 January in New York is 04:30 on 1 February in UTC: February's limit.
        row("evening in New York",
            QDateTime(QDate(2026, 1, 31), QTime(23, 30),
                      QTimeZone(QByteArrayLiteral("America/New_York"))),
            "2026-02", QDate(2026, 3, 1));
        // 00:30 on 1 March in Oslo is still 28 February in UTC.
        row("night in Oslo",
            QDateTime(QDate(2026, 3, 1), QTime(0, 30), QTimeZone(QByteArrayLiteral("Europe/Oslo"))),
            "2026-02", QDate(2026, 3, 1));
    }
}

void TestCreditService::suspensionEndsFirstOfNextMonthUtc()
{
    QFETCH(QString, engine);
    QFETCH(QDateTime, now);
    QFETCH(QString, month);
    QFETCH(QDate, until);
    SB_ENV(e, engine, now);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}});
    // Limit = amount: the first recharge reaches it.
    auto r = CreditService(*e.ctx).setAutoRecharge(s("anna.berg"), m(1000), m(500), m(1000));
    SB_VERIFY_OK(r);
    QCOMPARE(r->recharges, 1);
    QCOMPARE(r->suspendedUntil, until);
    QCOMPARE(
        sbt::rows(e.db(), s("SELECT month, recharged_cents, suspended_until FROM auto_recharge")),
        QStringList{QStringLiteral("%1|1000|%2").arg(month, until.toString(Qt::ISODate))});
    QCOMPARE(sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge->suspendedUntil, until);
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::firstOfNextMonth_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("31 January") << QDate(2026, 1, 31) << QDate(2026, 2, 1);
    QTest::newRow("1 January") << QDate(2026, 1, 1) << QDate(2026, 2, 1);
    QTest::newRow("28 February") << QDate(2026, 2, 28) << QDate(2026, 3, 1);
    QTest::newRow("leap day") << QDate(2028, 2, 29) << QDate(2028, 3, 1);
    QTest::newRow("30 April") << QDate(2026, 4, 30) << QDate(2026, 5, 1);
    QTest::newRow("31 December") << QDate(2026, 12, 31) << QDate(2027, 1, 1);
    QTest::newRow("1 December") << QDate(2026, 12, 1) << QDate(2027, 1, 1);
}

void TestCreditService::firstOfNextMonth()
{
    QFETCH(QDate, day);
    QFETCH(QDate, expected);
    QCOMPARE(CreditService::firstOfNextMonth(day), expected);
}

void TestCreditService::decemberSuspensionResumesInJanuary()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine, sbt::utc(2026, 12, 15, 10));
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}});
    const CreditService credit(*e.ctx);
    auto r = credit.setAutoRecharge(s("anna.berg"), m(1000), m(1500), m(2000));
    SB_VERIFY_OK(r);
    // 0 -> 10 -> 20 (limit reached), balance 20 >= 15.
    QCOMPARE(r->recharges, 2);
    QCOMPARE(r->suspendedUntil, QDate(2027, 1, 1));
    auto c = credit.charge(s("anna.berg"), m(1000), s("call"));
    SB_VERIFY_OK(c);
    QCOMPARE(c->recharge.recharges, 0);
    QCOMPARE(c->balance, m(1000));
    e.clock.set(sbt::utc(2026, 12, 31, 23, 59, 59));
    QCOMPARE(sb::BillingService(*e.ctx).run()->autoRechargesReset, 0);
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(1000));
    e.clock.set(sbt::utc(2027, 1, 1, 0, 0, 0));
    auto billing = sb::BillingService(*e.ctx).run();
    SB_VERIFY_OK(billing);
    QCOMPARE(billing->resumed, 1);
    QCOMPARE(billing->recharged, m(1000));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(2000));
    auto member = sb::MemberService(*e.ctx).find(s("anna.berg"));
    QCOMPARE(member->autoRecharge->month, s("2027-01"));
    QCOMPARE(member->autoRecharge->rechargedThisMonth, m(1000));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::companyCannotPay()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 500, {{s("anna.berg"), 0}});
    const CreditService credit(*e.ctx);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = credit.setAutoRecharge(s("anna.berg"), m(1000), m(500), m(5000));
    SB_VERIFY_OK(r); // the setting is saved; the recharge is not made
    QVERIFY(r->companyCouldNotPay);
    QCOMPARE(r->recharges, 0);
    QCOMPARE(r->recharged, m(0));
    QVERIFY2(r->message.contains(s("5.00")) && r->message.contains(s("10.00")) &&
                 r->message.contains(s("anna.berg")),
             qPrintable(r->message));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(0));
    QCOMPARE(companyBalance(*e.ctx), m(500));
    QCOMPARE(sbt::snapshot(e.db()).ledger, before.ledger);
    auto log = sb::ActivityLog(*e.ctx).page(1);
    QCOMPARE(log->first().key, s("autorecharge.failed"));
    QCOMPARE(log->first().subject, s("anna.berg"));
    QCOMPARE(sb::ActivityLog::describe(log->first()), r->message);
    QVERIFY(sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge.has_value());

    // Pays one recharge, not the second.
    SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(m(1000), s("T2"))); // 15.00
    auto again = credit.setAutoRecharge(s("anna.berg"), m(1000), m(2500), m(5000));
    SB_VERIFY_OK(again);
    QCOMPARE(again->recharges, 1);
    QCOMPARE(again->recharged, m(1000));
    QVERIFY(again->companyCouldNotPay);
    QCOMPARE(companyBalance(*e.ctx), m(500));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(1000));

    // After a charge: the charge stands, the recharge is reported as not paid.
    auto charged = credit.charge(s("anna.berg"), m(300), s("call"));
    SB_VERIFY_OK(charged);
    QCOMPARE(charged->balance, m(700));
    QVERIFY(charged->recharge.companyCouldNotPay);
    QCOMPARE(charged->recharge.recharges, 0);
    QVERIFY(!charged->recharge.message.isEmpty());
    QCOMPARE(actions(*e.ctx).last(), s("autorecharge.failed"));
    SB_VERIFY_BOOKS(*e.ctx);
}

// Saving changed settings mid-month keeps what was already recharged this month.
void TestCreditService::changedSettingsKeepMonthCount()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}});
    const CreditService credit(*e.ctx);
    auto first = credit.setAutoRecharge(s("anna.berg"), m(1000), m(1500), m(5000));
    SB_VERIFY_OK(first);
    QCOMPARE(first->recharges, 2); // 20.00 recharged this month
    auto lowered = credit.setAutoRecharge(s("anna.berg"), m(1000), m(1500), m(2500));
    SB_VERIFY_OK(lowered);
    QCOMPARE(lowered->recharges, 0);
    QCOMPARE(sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge->rechargedThisMonth,
             m(2000));
    // 20 + 10 > 25: the next need suspends instead of recharging.
    auto c = credit.charge(s("anna.berg"), m(1000), s("call"));
    SB_VERIFY_OK(c);
    QCOMPARE(c->recharge.recharges, 0);
    QCOMPARE(c->recharge.suspendedUntil, QDate(2026, 4, 1));
    QCOMPARE(c->balance, m(1000));
    SB_VERIFY_BOOKS(*e.ctx);
}

// Turning auto-recharge off and on again in the same month does not start the month's
// limit afresh: the recharges of the current calendar month stay within the limit.
void TestCreditService::disableAndEnableKeepMonthCount()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 0}});
    const CreditService credit(*e.ctx);
    auto first = credit.setAutoRecharge(s("anna.berg"), m(1000), m(2500), m(2000));
    SB_VERIFY_OK(first);
    QCOMPARE(first->recharges, 2);
    QCOMPARE(first->suspendedUntil, QDate(2026, 4, 1));
    SB_VERIFY_OK(credit.disableAutoRecharge(s("anna.berg")));
    const Money company = companyBalance(*e.ctx);
    auto again = credit.setAutoRecharge(s("anna.berg"), m(1000), m(2500), m(2000));
    SB_VERIFY_OK(again);
    QCOMPARE(again->recharges, 0);
    QCOMPARE(again->suspendedUntil, QDate(2026, 4, 1));
    QCOMPARE(companyBalance(*e.ctx), company);
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(2000));
    QCOMPARE(sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge->rechargedThisMonth,
             m(2000));
    // Next month it starts afresh.
    e.clock.set(sbt::utc(2026, 4, 1, 0, 0, 1));
    auto billing = sb::BillingService(*e.ctx).run();
    SB_VERIFY_OK(billing);
    QCOMPARE(billing->recharged, m(1000));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestCreditService::disable()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP(*e.ctx, 10000, {{s("anna.berg"), 1000}});
    const CreditService credit(*e.ctx);
    SB_VERIFY_OK(credit.setAutoRecharge(s("anna.berg"), m(1000), m(500), m(5000)));
    SB_VERIFY_OK(credit.disableAutoRecharge(s("ANNA.BERG")));
    QVERIFY(!sb::MemberService(*e.ctx).find(s("anna.berg"))->autoRecharge.has_value());
    QCOMPARE(actions(*e.ctx).last(), s("autorecharge.off"));
    auto c = credit.charge(s("anna.berg"), m(900), s("call"));
    SB_VERIFY_OK(c);
    QCOMPARE(c->recharge.recharges, 0);
    QCOMPARE(c->balance, m(100));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    SB_VERIFY_ERROR(credit.disableAutoRecharge(s("anna.berg")), Error::Kind::Refused,
                    s("Auto-recharge is not on for anna.berg"));
    auto unknown = credit.disableAutoRecharge(s("nobody.here"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    SB_VERIFY_BOOKS(*e.ctx);
}

QTEST_GUILESS_MAIN(TestCreditService)
#include "tst_creditservice.moc"
