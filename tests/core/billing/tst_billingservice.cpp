// BillingService::run: everything due up to now — here the monthly reset of auto-recharge
// limits, the end of suspensions and the recharges they allow. Idempotent: a second run
// changes nothing.

#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"

using sb::BillingService;
using sb::CreditService;
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
Money balanceOf(const sb::Context& ctx, const QString& account)
{
    auto member = sb::MemberService(ctx).find(account);
    return member ? member->balance : m(-1);
}

// March 2026: four members with auto-recharge in four states.
//   anna:  limit reached, suspended until 1 April, below the threshold
//   bjorn: below the threshold but the company could not pay
//   chloe: above the threshold, nothing to do
//   daan:  no auto-recharge at all
QString setUpMarch(const sb::Context& ctx)
{
    const sb::MemberService members(ctx);
    const CreditService credit(ctx);
    for (const char* a : {"anna.berg", "bjorn.dahl", "chloe.m", "daan.devries"}) {
        if (auto r = members.add({s(a), s(a), QString(), QString()}); !r)
            return r.error().message;
    }
    if (auto t = sb::CompanyService(ctx).topUp(m(6000), s("T")); !t)
        return t.error().message;
    if (auto c = credit.allocate(m(1000), {s("chloe.m"), s("daan.devries")}); !c)
        return c.error().message;
    // anna: 0 -> 10 -> 20, limit 20 reached, suspended, 15 < 25 after a charge.
    if (auto r = credit.setAutoRecharge(s("anna.berg"), m(1000), m(2500), m(2000));
        !r || r->recharges != 2)
        return s("anna: unexpected recharge outcome");
    if (auto c = credit.charge(s("anna.berg"), m(500), s("call")); !c)
        return c.error().message;
    // bjorn: the company has 20.00 left, the recharge is 25.00.
    if (auto r = credit.setAutoRecharge(s("bjorn.dahl"), m(2500), m(500), m(10000));
        !r || !r->companyCouldNotPay)
        return s("bjorn: expected the company not to pay");
    if (auto r = credit.setAutoRecharge(s("chloe.m"), m(500), m(500), m(1000));
        !r || r->recharges != 0)
        return s("chloe: unexpected recharge");
    return {};
}

#define SB_SETUP_MARCH(ctx)                                                                        \
    do {                                                                                           \
        const QString problem_ = setUpMarch(ctx);                                                  \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

} // namespace

class TestBillingService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void emptyDatabase_data() { sbt::addEngineRows(); }
    void emptyDatabase();
    void nothingDueInSameMonth_data() { sbt::addEngineRows(); }
    void nothingDueInSameMonth();
    void newMonthResetsResumesAndRecharges_data() { sbt::addEngineRows(); }
    void newMonthResetsResumesAndRecharges();
    void secondRunChangesNothing_data() { sbt::addEngineRows(); }
    void secondRunChangesNothing();
    void skippedMonthsCountOnce_data() { sbt::addEngineRows(); }
    void skippedMonthsCountOnce();
    void companyPaysInAccountOrderThenReports_data() { sbt::addEngineRows(); }
    void companyPaysInAccountOrderThenReports();
};

void TestBillingService::emptyDatabase()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = BillingService(*e.ctx).run();
    SB_VERIFY_OK(r);
    QCOMPARE(r->autoRechargesReset, 0);
    QCOMPARE(r->resumed, 0);
    QCOMPARE(r->recharged, m(0));
    QVERIFY(r->messages.isEmpty());
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestBillingService::nothingDueInSameMonth()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP_MARCH(*e.ctx);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    for (const QDateTime& when :
         {sbt::utc(2026, 3, 10, 12), sbt::utc(2026, 3, 20), sbt::utc(2026, 3, 31, 23, 59, 59)}) {
        e.clock.set(when);
        auto r = BillingService(*e.ctx).run();
        SB_VERIFY_OK(r);
        QCOMPARE(r->autoRechargesReset, 0);
        QCOMPARE(r->recharged, m(0));
        QVERIFY(r->messages.isEmpty());
    }
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestBillingService::newMonthResetsResumesAndRecharges()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP_MARCH(*e.ctx);
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(1500));
    QCOMPARE(*sb::CompanyService(*e.ctx).balance(), m(2000));
    e.clock.set(sbt::utc(2026, 4, 1, 0, 0, 0));
    auto r = BillingService(*e.ctx).run();
    SB_VERIFY_OK(r);
    QCOMPARE(r->autoRechargesReset, 3); // anna, bjorn, chloe
    QCOMPARE(r->resumed, 1);            // anna
    // anna 15 < 25: +10. bjorn 0 < 5: 25.00 of the remaining 10.00? Not paid.
    QCOMPARE(r->recharged, m(1000));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(2500));
    QCOMPARE(balanceOf(*e.ctx, s("bjorn.dahl")), m(0));
    QCOMPARE(balanceOf(*e.ctx, s("chloe.m")), m(1000));
    QCOMPARE(balanceOf(*e.ctx, s("daan.devries")), m(1000));
    QCOMPARE(*sb::CompanyService(*e.ctx).balance(), m(1000));
    QCOMPARE(r->messages.size(), 2);
    QVERIFY2(r->messages.join(QLatin1Char('\n')).contains(s("bjorn.dahl")),
             qPrintable(r->messages.join(QLatin1Char('\n'))));
    QCOMPARE(
        sbt::rows(e.db(),
                  s("SELECT m.account_name, r.month, r.recharged_cents, r.suspended_until"
                    " FROM auto_recharge r JOIN members m ON m.id = r.member_id ORDER BY m.id")),
        (QStringList{s("anna.berg|2026-04|1000|NULL"), s("bjorn.dahl|2026-04|0|NULL"),
                     s("chloe.m|2026-04|0|NULL")}));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestBillingService::secondRunChangesNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP_MARCH(*e.ctx);
    e.clock.set(sbt::utc(2026, 4, 1, 6));
    auto first = BillingService(*e.ctx).run();
    SB_VERIFY_OK(first);
    QVERIFY(first->autoRechargesReset > 0);
    const sbt::Snapshot afterFirst = sbt::snapshot(e.db());
    const qint64 ledgerRows = sbt::count(e.db(), s("ledger"));
    const qint64 activityRows = sbt::count(e.db(), s("activity"));
    for (int i = 0; i < 3; ++i) {
        auto again = BillingService(*e.ctx).run();
        SB_VERIFY_OK(again);
        QCOMPARE(again->autoRechargesReset, 0);
        QCOMPARE(again->resumed, 0);
        QCOMPARE(again->recharged, m(0));
        QVERIFY(again->messages.isEmpty());
        e.clock.advanceSecs(3600); // the GUI runs it hourly
    }
    SB_COMPARE_SNAPSHOT(afterFirst, sbt::snapshot(e.db()));
    QCOMPARE(sbt::count(e.db(), s("ledger")), ledgerRows);
    QCOMPARE(sbt::count(e.db(), s("activity")), activityRows);
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestBillingService::skippedMonthsCountOnce()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_SETUP_MARCH(*e.ctx);
    // Nobody ran billing in April or May.
    e.clock.set(sbt::utc(2026, 6, 15));
    auto r = BillingService(*e.ctx).run();
    SB_VERIFY_OK(r);
    QCOMPARE(r->autoRechargesReset, 3);
    QCOMPARE(r->resumed, 1);
    QCOMPARE(r->recharged, m(1000));
    QCOMPARE(balanceOf(*e.ctx, s("anna.berg")), m(2500));
    QCOMPARE(sbt::scalar(e.db(), s("SELECT COUNT(*) FROM auto_recharge WHERE month = '2026-06'"))
                 .toInt(),
             3);
    auto again = BillingService(*e.ctx).run();
    SB_VERIFY_OK(again);
    QCOMPARE(again->autoRechargesReset, 0);
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestBillingService::companyPaysInAccountOrderThenReports()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine, sbt::utc(2026, 1, 20));
    const sb::MemberService members(*e.ctx);
    const CreditService credit(*e.ctx);
    for (const char* a : {"first.member", "second.member", "third.member"})
        SB_VERIFY_OK(members.add({s(a), s(a), QString(), QString()}));
    SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(m(3000), s("T")));
    // Each: 10.00 recharge, limit 10.00: recharged once in January, then suspended.
    for (const char* a : {"first.member", "second.member", "third.member"}) {
        auto r = credit.setAutoRecharge(s(a), m(1000), m(500), m(1000));
        SB_VERIFY_OK(r);
        QCOMPARE(r->suspendedUntil, QDate(2026, 2, 1));
        SB_VERIFY_OK(credit.charge(s(a), m(600), s("call")));
    }
    QCOMPARE(*sb::CompanyService(*e.ctx).balance(), m(0));
    SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(m(1500), s("T2")));
    e.clock.set(sbt::utc(2026, 2, 1, 0, 0, 30));
    auto r = BillingService(*e.ctx).run();
    SB_VERIFY_OK(r);
    QCOMPARE(r->resumed, 3);
    QCOMPARE(r->recharged, m(1000));
    QCOMPARE(balanceOf(*e.ctx, s("first.member")), m(1400));
    QCOMPARE(balanceOf(*e.ctx, s("second.member")), m(400));
    QCOMPARE(balanceOf(*e.ctx, s("third.member")), m(400));
    QCOMPARE(*sb::CompanyService(*e.ctx).balance(), m(500));
    const QString all = r->messages.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(s("second.member")) && all.contains(s("third.member")), qPrintable(all));
    auto failed = sb::ActivityLog(*e.ctx).page(100, s("autorecharge.failed"));
    SB_VERIFY_OK(failed);
    QCOMPARE(failed->size(), 2);
    // first.member reached February's limit with that recharge: suspended again, and told.
    QCOMPARE(sb::MemberService(*e.ctx).find(s("first.member"))->autoRecharge->suspendedUntil,
             QDate(2026, 3, 1));
    auto suspended = sb::ActivityLog(*e.ctx).page(100, s("2026-03-01"));
    SB_VERIFY_OK(suspended);
    QCOMPARE(suspended->size(), 1);
    QCOMPARE(suspended->first().key, s("autorecharge.suspended"));
    QCOMPARE(suspended->first().subject, s("first.member"));
    QVERIFY2(all.contains(s("2026-03-01")), qPrintable(all));
    SB_VERIFY_BOOKS(*e.ctx);
}

QTEST_GUILESS_MAIN(TestBillingService)
#include "tst_billingservice.moc"
