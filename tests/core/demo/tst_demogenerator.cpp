// DemoGenerator: N members with unique valid account names and realistic names, books
// balanced, the rules of the account obeyed, reproducible from the seed, all or nothing.

#include "tests/support/CoreTest.h"

#include "core/base/PhoneNumbers.h"
#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberCatalogue.h"

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
    void leavesPlannerStatisticsOnPostgres();
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
    void accountWithProfilesNumbersAndCalls_data() { sbt::addEngineRows(); }
    void accountWithProfilesNumbersAndCalls();
    void sameSeedSameCalls_data() { sbt::addEngineRows(); }
    void sameSeedSameCalls();
    void numbersAtMostTheCatalogue();
    void largeDemoSetsIndexesAside();
    void cancelledDuringCallsWritesNothing_data() { sbt::addEngineRows(); }
    void cancelledDuringCallsWritesNothing();
};

namespace {
DemoGenerator::Options account(quint32 seed)
{
    DemoGenerator::Options o;
    o.members = 60;
    o.seed = seed;
    o.profiles = 3;
    o.numbers = 20;
    o.calls = 500;
    return o;
}

qint64 scalarInt(const sb::Database& db, const char* sql)
{
    return sbt::scalar(db, QString::fromUtf8(sql)).toLongLong();
}
} // namespace

// A small account of each kind of thing, its calls rated and charged through the importer:
// the books balance, the calls' charges are the ledger's, most calls are paid, and the mix
// is the realistic one DemoCallStream promises.
void TestDemoGenerator::accountWithProfilesNumbersAndCalls()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto summary = DemoGenerator(*e.ctx).generate(account(5));
    SB_VERIFY_OK(summary);
    QCOMPARE(summary->members, 60);
    QCOMPARE(summary->profiles, 3);
    QCOMPARE(summary->numbers, 20);
    QCOMPARE(summary->calls.imported, qint64(500));
    QCOMPARE(summary->calls.problemCount, qint64(0));
    QCOMPARE(summary->calls.unknownRecords, qint64(0));
    QCOMPARE(sbt::count(e.db(), s("profiles")), qint64(3));
    QCOMPARE(scalarInt(e.db(), "SELECT COUNT(*) FROM numbers WHERE (member_id IS NULL) <>"
                               " (profile_id IS NULL)"),
             qint64(20));
    QVERIFY(scalarInt(e.db(), "SELECT COUNT(DISTINCT country) FROM numbers") >= 5);
    QCOMPARE(sbt::count(e.db(), s("calls")), qint64(500));
    QCOMPARE(scalarInt(e.db(), "SELECT SUM(channels) FROM profiles"), qint64(summary->channels));

    // The books: every call's charge is a 'call' entry of the ledger, nothing is off.
    QCOMPARE(scalarInt(e.db(), "SELECT CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT) FROM calls"),
             scalarInt(e.db(), "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger"
                               " WHERE kind = 'call'"));
    QCOMPARE(summary->calls.charged.cents(),
             scalarInt(e.db(), "SELECT CAST(SUM(charged_cents) AS BIGINT) FROM calls"));
    QVERIFY(sb::Ledger(*e.ctx).inconsistentAccounts()->isEmpty());
    SB_VERIFY_BOOKS(*e.ctx);

    // Two profiles of the three have US minute bundles, bought three months ago and renewed
    // monthly (paid by the profile), and their US calls used bundle minutes first: the
    // periods' minutes used are the calls' bundle minutes.
    QVERIFY(summary->bundles >= 2);
    const QString today = e.ctx->now().toUTC().date().toString(Qt::ISODate);
    QCOMPARE(sbt::scalar(e.db(), s("SELECT SUM(bundle_count) FROM bundle_periods WHERE"
                                   " starts_on <= '%1' AND ends_on > '%1'")
                                     .arg(today))
                 .toLongLong(),
             qint64(summary->bundles));
    QCOMPARE(scalarInt(e.db(), "SELECT COUNT(DISTINCT profile_id) FROM bundle_periods"), qint64(2));
    QCOMPARE(scalarInt(e.db(), "SELECT COUNT(*) FROM bundle_periods"), qint64(8));
    QCOMPARE(scalarInt(e.db(), "SELECT CAST(SUM(paid_cents) AS BIGINT) FROM bundle_periods"),
             scalarInt(e.db(), "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger"
                               " WHERE kind = 'bundle'"));
    const qint64 bundleMinutes =
        scalarInt(e.db(), "SELECT CAST(SUM(bundle_minutes) AS BIGINT) FROM calls");
    QVERIFY(bundleMinutes > 0);
    QCOMPARE(scalarInt(e.db(), "SELECT CAST(SUM(minutes_used) AS BIGINT) FROM bundle_periods"),
             bundleMinutes);
    QCOMPARE(scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE bundle_minutes > 0 AND"
                               " (profile_id IS NULL OR destination_e164 NOT LIKE '+1%')"),
             qint64(0));

    // Most calls are paid.
    QVERIFY(summary->calls.chargedCalls > 250);
    QVERIFY2(summary->calls.owed.cents() * 20 <= summary->calls.charged.cents(),
             qPrintable(summary->calls.owed.toString()));
    // The mix: mostly US/NANP, some international, internal and unanswered calls too, by
    // members and by profiles, all within the three months before now.
    const qint64 us = scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE destination_e164"
                                        " LIKE '+1%'");
    const qint64 foreign = scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE destination_e164"
                                             " <> '' AND destination_e164 NOT LIKE '+1%'");
    QVERIFY2(us > 300 && us < 420, qPrintable(QString::number(us)));
    QVERIFY2(foreign > 30 && foreign < 100, qPrintable(QString::number(foreign)));
    QVERIFY(scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE status = 'internal'") > 40);
    QVERIFY(scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE status = 'unanswered'") > 40);
    QVERIFY(scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE profile_id IS NOT NULL") > 100);
    QVERIFY(scalarInt(e.db(), "SELECT COUNT(*) FROM calls WHERE member_id IS NOT NULL") > 200);
    const QString now = e.ctx->now().toUTC().toString(Qt::ISODate);
    const QString from = e.ctx->now().toUTC().addMonths(-3).toString(Qt::ISODate);
    QCOMPARE(sbt::scalar(e.db(), s("SELECT COUNT(*) FROM calls WHERE started_at >= '%1' AND "
                                   "started_at <= '%2'")
                                     .arg(from, now))
                 .toLongLong(),
             qint64(500));
    QVERIFY(sbt::scalar(e.db(), s("SELECT MIN(started_at) FROM calls")).toString() <
            e.ctx->now().toUTC().addMonths(-2).toString(Qt::ISODate));
}

void TestDemoGenerator::sameSeedSameCalls()
{
    QFETCH(QString, engine);
    SB_ENV(a, engine);
    SB_ENV(b, engine);
    SB_ENV(c, engine);
    SB_VERIFY_OK(DemoGenerator(*a.ctx).generate(account(9)));
    SB_VERIFY_OK(DemoGenerator(*b.ctx).generate(account(9)));
    SB_VERIFY_OK(DemoGenerator(*c.ctx).generate(account(10)));
    const auto calls = [](const sb::Database& db) {
        QStringList out;
        auto q = db.run(s("SELECT unique_id, account_code, destination, started_at, billsec,"
                          " charged_cents FROM calls ORDER BY unique_id"));
        while (q && q->next())
            out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                       .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                            q->value(3).toString(), q->value(4).toString(), q->value(5).toString());
        return out;
    };
    const QStringList first = calls(a.db());
    QCOMPARE(first.size(), 500);
    QCOMPARE(calls(b.db()), first);
    QVERIFY(calls(c.db()) != first);
    QCOMPARE(sbt::snapshot(a.db()).accounts, sbt::snapshot(b.db()).accounts);

    // The same demo again (confirmed) adds its calls no second time (the same unique ids).
    DemoGenerator::Options repeat = account(9);
    repeat.intoExistingAccount = true;
    auto again = DemoGenerator(*a.ctx).generate(repeat);
    SB_VERIFY_OK(again);
    QCOMPARE(again->calls.imported, qint64(0));
    QCOMPARE(again->calls.duplicates, qint64(500));
    QCOMPARE(sbt::count(a.db(), s("calls")), qint64(500));
}

// Asked for more numbers than there are, the demo buys every free one of its range (the
// catalogue's blocks continued to NumbersPerArea an area, valid numbers of the area only)
// and says how many.
void TestDemoGenerator::numbersAtMostTheCatalogue()
{
    SB_ENV(e, QStringLiteral("sqlite"));
    DemoGenerator::Options o;
    o.members = 10;
    o.numbers = 1'000'000;
    auto summary = DemoGenerator(*e.ctx).generate(o);
    SB_VERIFY_OK(summary);
    qint64 catalogue = 0, areas = 0;
    for (const auto& c : sb::NumberCatalogue::builtIn().countries()) {
        for (const auto& a : c.areas) {
            catalogue += a.count;
            ++areas;
        }
    }
    QVERIFY(qint64(summary->numbers) > catalogue);
    QVERIFY(qint64(summary->numbers) <= areas * DemoGenerator::NumbersPerArea);
    QCOMPARE(sbt::count(e.db(), s("numbers")), qint64(summary->numbers));
    // Every one a valid number of its country, in its area, once.
    auto q = e.db().run(s("SELECT e164, country, area FROM numbers"));
    QVERIFY(q.ok());
    QSet<QString> seen;
    while (q->next()) {
        const QString e164 = q->value(0).toString();
        QVERIFY2(sb::PhoneNumbers::isValidForRegion(e164, q->value(1).toString()),
                 qPrintable(e164));
        const auto* country = sb::NumberCatalogue::builtIn().country(q->value(1).toString());
        QVERIFY(country && country->area(q->value(2).toString()));
        QVERIFY2(!seen.contains(e164), qPrintable(e164));
        seen.insert(e164);
    }
    o.intoExistingAccount = true;
    auto more = DemoGenerator(*e.ctx).generate(o);
    SB_VERIFY_OK(more);
    QCOMPARE(more->numbers, 0);
}

void TestDemoGenerator::cancelledDuringCallsWritesNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    DemoGenerator::Options o = account(3);
    o.calls = 30000;
    bool sawCalls = false;
    auto cancelled = DemoGenerator(*e.ctx).generate(o, [&](qint64 done, qint64 total) {
        if (done > 60 + 3 + 20 && done < total)
            sawCalls = true;
        return !sawCalls;
    });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, sb::Error::Kind::Refused);
    QVERIFY(sawCalls);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QCOMPARE(sbt::count(e.db(), s("calls")), qint64(0));
    QCOMPARE(sbt::count(e.db(), s("profiles")), qint64(0));

    for (const auto& bad :
         {std::pair{-1, 0}, std::pair{DemoGenerator::MaxProfiles + 1, 0}, std::pair{0, -1}}) {
        DemoGenerator::Options wrong;
        wrong.profiles = bad.first;
        wrong.numbers = bad.second;
        auto r = DemoGenerator(*e.ctx).generate(wrong);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, sb::Error::Kind::Invalid);
    }
    DemoGenerator::Options tooMany;
    tooMany.calls = DemoGenerator::MaxCalls + 1;
    QCOMPARE(DemoGenerator(*e.ctx).generate(tooMany).error().kind, sb::Error::Kind::Invalid);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestDemoGenerator::leavesPlannerStatisticsOnPostgres()
{
    // Skipped without a server, failed when one is required, as every engine row is.
    SB_ENV(e, s("postgresql"));
    const auto analysed = [&](const char* table) {
        auto q = e.db().runFirst(s("SELECT COUNT(*) FROM pg_stats WHERE schemaname ="
                                   " current_schema() AND tablename = ?"),
                                 {QString::fromLatin1(table)});
        return q ? q->value(0).toLongLong() : qint64(-1);
    };
    QCOMPARE(analysed("members"), qint64(0));
    DemoGenerator::Options o;
    o.members = 50;
    o.profiles = 2;
    o.numbers = 10;
    o.calls = 40;
    o.seed = 3;
    SB_VERIFY_OK(DemoGenerator(*e.ctx).generate(o));
    // The planner knows the new rows at once, without waiting for autovacuum.
    for (const char* table : {"members", "accounts", "ledger", "numbers", "calls"})
        QVERIFY2(analysed(table) > 0, table);
}

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
    auto log = sb::ActivityLog(*e.ctx).page(10);
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
    // An account is there: the demo is refused, nothing written, until it is confirmed.
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto refused = DemoGenerator(*e.ctx).generate({600, 5});
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, sb::Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(s("members: 5")),
             qPrintable(refused.error().message));
    QCOMPARE(sbt::snapshot(e.db()), before);
    QCOMPARE(*DemoGenerator(*e.ctx).accountInUse(), refused.error().message);
    SB_VERIFY_OK(DemoGenerator(*e.ctx).generate({600, 5, 0, 0, 0, true}));
    SB_VERIFY_OK(DemoGenerator(*e.ctx).generate({600, 5, 0, 0, 0, true})); // the same seed again
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

// Enough members and calls into an empty account that their tables' indexes are set aside
// while they go in (IndexSetAside, SQLite): made again the same, the unique account names
// still checked, search and the books as with every index kept.
void TestDemoGenerator::largeDemoSetsIndexesAside()
{
    SB_ENV(e, QStringLiteral("sqlite"));
    const QString indexSql = QStringLiteral(
        "SELECT tbl_name, name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' AND"
        " tbl_name IN ('members', 'accounts', 'calls') ORDER BY name");
    const QStringList before = sbt::rows(e.db(), indexSql);
    DemoGenerator::Options o;
    o.members = 20000;
    o.profiles = 2;
    o.numbers = 10;
    o.calls = 20000;
    o.seed = 7;
    auto summary = DemoGenerator(*e.ctx).generate(o);
    SB_VERIFY_OK(summary);
    QCOMPARE(summary->members, 20000);
    QCOMPARE(summary->calls.imported, qint64(20000));
    QCOMPARE(sbt::rows(e.db(), indexSql), before);
    QCOMPARE(scalarInt(e.db(), "SELECT COUNT(DISTINCT account_key) FROM members"), qint64(20000));
    const QString some =
        sbt::scalar(e.db(), QStringLiteral("SELECT account_name FROM members ORDER BY id DESC"))
            .toString();
    sb::MemberQuery q;
    q.search = some;
    auto found = MemberService(*e.ctx).page(q);
    SB_VERIFY_OK(found);
    QVERIFY(!found->isEmpty());
    QCOMPARE(found->first().account, some);
    QCOMPARE(scalarInt(e.db(), "SELECT CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT) FROM calls"),
             scalarInt(e.db(), "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger"
                               " WHERE kind = 'call'"));
    SB_VERIFY_BOOKS(*e.ctx);
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
