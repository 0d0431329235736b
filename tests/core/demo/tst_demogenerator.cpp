// DemoGenerator: N members with unique valid account names and realistic names, books
// balanced, the rules of the account obeyed, reproducible from the seed, all or nothing.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"

using sb::DemoGenerator;
using sb::Member;
using sb::MemberService;

namespace {
QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QList<Member> allMembers(const sb::Context& ctx)
{
    sb::MemberQuery q;
    q.sort = sb::MemberQuery::Sort::Account;
    q.limit = 100000;
    auto page = MemberService(ctx).page(q);
    return page ? *page : QList<Member>{};
}

QStringList describe(const QList<Member>& members)
{
    QStringList out;
    for (const Member& m : members)
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(m.account, m.name, m.email, m.department, m.balance.toString(),
                        m.autoRecharge ? m.autoRecharge->amount.toString() : QString());
    return out;
}
} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void generatesValidUniqueMembers_data() { sbt::addEngineRows(); }
    void generatesValidUniqueMembers();
    void namesAreRealistic_data() { sbt::addEngineRows(); }
    void namesAreRealistic();
    void obeysAutoRechargeRule_data() { sbt::addEngineRows(); }
    void obeysAutoRechargeRule();
    void sameSeedSameData_data() { sbt::addEngineRows(); }
    void sameSeedSameData();
    void addsToExistingDatabase_data() { sbt::addEngineRows(); }
    void addsToExistingDatabase();
    void refusedAndCancelledWriteNothing_data() { sbt::addEngineRows(); }
    void refusedAndCancelledWriteNothing();
};

void TestDemoGenerator::generatesValidUniqueMembers()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto summary = DemoGenerator(*e.ctx).generate({400, 7});
    SB_VERIFY_OK(summary);
    QCOMPARE(summary->members, 400);
    QCOMPARE(*MemberService(*e.ctx).count(), qint64(400));
    QCOMPARE(sbt::count(e.db(), s("auto_recharge")), qint64(summary->autoRecharges));
    QVERIFY(summary->autoRecharges > 0);
    QCOMPARE(sbt::scalar(e.db(), s("SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM "
                                   "ledger WHERE kind = 'allocation'"))
                 .toLongLong(),
             summary->creditAllocatedCents);
    QVERIFY(summary->creditAllocatedCents > 0);
    QSet<QString> keys;
    for (const Member& m : allMembers(*e.ctx)) {
        auto valid = MemberService::validate({m.account, m.name, m.email, m.department});
        QVERIFY2(valid.ok(), qPrintable(m.account + QStringLiteral(": ") + sbt::errorText(valid)));
        QVERIFY2(!keys.contains(sb::accountKey(m.account)), qPrintable(m.account));
        keys.insert(sb::accountKey(m.account));
        QVERIFY(!m.department.isEmpty());
    }
    QCOMPARE(keys.size(), 400);
    auto log = sb::ActivityLog(*e.ctx).page(0, 10);
    QCOMPARE(log->first().key, s("demo.generate"));
    SB_VERIFY_BOOKS(*e.ctx);
}

// Names are first name + surname from one language's staff; surnames of several words
// ("de Vries", "van den Berg") stay whole.
void TestDemoGenerator::namesAreRealistic()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_VERIFY_OK(DemoGenerator(*e.ctx).generate({500, 3}));
    const QStringList particles = {s("de"), s("van"), s("den"), s("der")};
    bool multiWordSurname = false;
    bool nonAscii = false;
    for (const Member& m : allMembers(*e.ctx)) {
        const QStringList words = m.name.split(QLatin1Char(' '));
        QVERIFY2(words.size() >= 2, qPrintable(m.name));
        QVERIFY2(!particles.contains(words.last()), qPrintable(m.name));
        QVERIFY2(!particles.contains(words.first()), qPrintable(m.name));
        multiWordSurname = multiWordSurname || words.size() > 2;
        nonAscii = nonAscii || std::any_of(m.name.begin(), m.name.end(),
                                           [](QChar c) { return c.unicode() > 127; });
    }
    QVERIFY(multiWordSurname);
    QVERIFY(nonAscii);
}

// Demo data is data an admin could have made: a member with auto-recharge is not left below
// the threshold at save time when the company can pay.
void TestDemoGenerator::obeysAutoRechargeRule()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto summary = DemoGenerator(*e.ctx).generate({400, 11});
    SB_VERIFY_OK(summary);
    int withAutoRecharge = 0;
    for (const Member& m : allMembers(*e.ctx)) {
        if (!m.autoRecharge)
            continue;
        ++withAutoRecharge;
        QVERIFY2(m.balance >= m.autoRecharge->threshold || m.autoRecharge->suspendedUntil.isValid(),
                 qPrintable(QStringLiteral("%1: balance %2 below threshold %3")
                                .arg(m.account, m.balance.toString(),
                                     m.autoRecharge->threshold.toString())));
        QVERIFY(m.autoRecharge->rechargedThisMonth <= m.autoRecharge->monthlyLimit);
    }
    QCOMPARE(withAutoRecharge, summary->autoRecharges);
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestDemoGenerator::sameSeedSameData()
{
    QFETCH(QString, engine);
    SB_ENV(a, engine);
    SB_ENV(b, engine);
    SB_ENV(c, engine);
    SB_VERIFY_OK(DemoGenerator(*a.ctx).generate({250, 42}));
    SB_VERIFY_OK(DemoGenerator(*b.ctx).generate({250, 42}));
    SB_VERIFY_OK(DemoGenerator(*c.ctx).generate({250, 43}));
    const QStringList first = describe(allMembers(*a.ctx));
    QCOMPARE(first.size(), 250);
    QCOMPARE(describe(allMembers(*b.ctx)), first);
    QVERIFY(describe(allMembers(*c.ctx)) != first);
    QCOMPARE(sbt::snapshot(a.db()).accounts, sbt::snapshot(b.db()).accounts);
}

void TestDemoGenerator::addsToExistingDatabase()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    // Names the generator is likely to choose itself.
    for (const char* a :
         {"olivia.smith", "liam.johnson", "ingrid.nordmann", "lukasz.nowak", "sanne.dejong"})
        SB_VERIFY_OK(members.add({s(a), s("Existing"), QString(), QString()}));
    SB_VERIFY_OK(DemoGenerator(*e.ctx).generate({600, 5}));
    SB_VERIFY_OK(DemoGenerator(*e.ctx).generate({600, 5})); // the same seed again
    QCOMPARE(*members.count(), qint64(1205));
    QSet<QString> keys;
    for (const Member& m : allMembers(*e.ctx))
        keys.insert(sb::accountKey(m.account));
    QCOMPARE(keys.size(), 1205);
    QCOMPARE(members.find(s("olivia.smith"))->name, s("Existing"));
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestDemoGenerator::refusedAndCancelledWriteNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto negative = DemoGenerator(*e.ctx).generate({-1, 1});
    QVERIFY(!negative.ok());
    QCOMPARE(negative.error().kind, sb::Error::Kind::Invalid);
    auto huge = DemoGenerator(*e.ctx).generate({1'000'001, 1});
    QVERIFY(!huge.ok());
    QCOMPARE(huge.error().kind, sb::Error::Kind::Invalid);
    int calls = 0;
    auto cancelled = DemoGenerator(*e.ctx).generate({2500, 1}, [&](qint64 done, qint64 total) {
        ++calls;
        return done < 2000 && total == 2500;
    });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, sb::Error::Kind::Refused);
    QCOMPARE(calls, 2);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    auto none = DemoGenerator(*e.ctx).generate({0, 1});
    SB_VERIFY_OK(none);
    QCOMPARE(none->members, 0);
    QCOMPARE(sbt::count(e.db(), s("ledger")), qint64(0));
    SB_VERIFY_BOOKS(*e.ctx);
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
