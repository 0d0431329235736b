// Numbers: buying for members and SIP profiles (company pays, all or nothing), terms,
// reassigning, cancelling, renewals and releases in the billing run — on both engines.
#include "tests/support/CoreTest.h"
#include "tests/support/PriceLists.h"

#include "core/base/PhoneNumbers.h"
#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/profiles/ProfileService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace sb;

namespace {
QStringList numberRows(const Database& db)
{
    return sbt::rows(
        db,
        QStringLiteral("SELECT e164, country, area, member_id, profile_id, months, anchor, periods,"
                       " expires, cancelled, status FROM numbers ORDER BY e164"));
}

void addMembers(const Context& ctx, const QStringList& accounts)
{
    for (const QString& a : accounts) {
        auto m = MemberService(ctx).add({a, a, QString(), QString()});
        QVERIFY2(m.ok(), qPrintable(sbt::errorText(m)));
    }
}

qint64 addProfile(const Context& ctx, const QString& name)
{
    NewSipProfile p;
    p.name = name;
    auto created = ProfileService(ctx).create(p);
    return created ? created->profile.id : 0;
}
// What is wrong with the numbers' money and periods, or empty: the ledger took exactly the
// logged purchases and renewals, and every number has one period per purchase or renewal
// logged since it was last bought, ending where periodEnd says.
QString renewalProblem(const Context& ctx)
{
    const QStringList ledger = sbt::rows(
        ctx.db,
        QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM ledger WHERE kind = 'number'"));
    auto log = ActivityLog(ctx).page(100000);
    if (!log)
        return log.error().message;
    qint64 logged = 0;
    QHash<QString, int> renewalsSinceBought; // oldest entry first below
    for (auto it = log->crbegin(); it != log->crend(); ++it) {
        const QString e164 = it->values.value(QStringLiteral("number")).toString();
        if (it->key == QLatin1String("number.buy")) {
            logged += it->values.value(QStringLiteral("price_cents")).toLongLong();
            renewalsSinceBought[e164] = 0;
        } else if (it->key == QLatin1String("number.renew")) {
            logged += it->values.value(QStringLiteral("price_cents")).toLongLong();
            ++renewalsSinceBought[e164];
        }
    }
    if (ledger != QStringList{QString::number(logged)})
        return QStringLiteral("the ledger took %1, the log says %2")
            .arg(ledger.join(QString()))
            .arg(logged);
    auto q = ctx.db.run(QStringLiteral(
        "SELECT e164, anchor, months, periods, expires FROM numbers WHERE anchor IS NOT NULL"));
    if (!q)
        return q.error().message;
    while (q->next()) {
        const QString e164 = q->value(0).toString();
        const QDate anchor = QDate::fromString(q->value(1).toString(), Qt::ISODate);
        const int months = q->value(2).toInt();
        const int periods = q->value(3).toInt();
        const QDate expires = QDate::fromString(q->value(4).toString(), Qt::ISODate);
        if (periods != renewalsSinceBought.value(e164, -1) + 1)
            return QStringLiteral("%1 records %2 periods, the log %3 renewals")
                .arg(e164)
                .arg(periods)
                .arg(renewalsSinceBought.value(e164, -1));
        if (expires != periodEnd(anchor, months, periods))
            return QStringLiteral("%1 expires %2, not after its %3 periods")
                .arg(e164, expires.toString(Qt::ISODate))
                .arg(periods);
    }
    return {};
}
} // namespace

class TestNumberService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_REQUIRE_PG_IF_ASKED(); }

    void periodEndsFollowTheCalendar_data()
    {
        QTest::addColumn<QDate>("anchor");
        QTest::addColumn<int>("months");
        QTest::addColumn<int>("periods");
        QTest::addColumn<QDate>("end");
        QTest::newRow("31st into February") << QDate(2026, 1, 31) << 1 << 1 << QDate(2026, 2, 28);
        QTest::newRow("31st into leap February")
            << QDate(2028, 1, 31) << 1 << 1 << QDate(2028, 2, 29);
        QTest::newRow("back to the 31st") << QDate(2026, 1, 31) << 1 << 2 << QDate(2026, 3, 31);
        QTest::newRow("31st into April") << QDate(2026, 3, 31) << 1 << 1 << QDate(2026, 4, 30);
        QTest::newRow("3 months from 30 November")
            << QDate(2026, 11, 30) << 3 << 1 << QDate(2027, 2, 28);
        QTest::newRow("12 months from leap day")
            << QDate(2024, 2, 29) << 12 << 1 << QDate(2025, 2, 28);
        QTest::newRow("4 years from leap day")
            << QDate(2024, 2, 29) << 12 << 4 << QDate(2028, 2, 29);
        QTest::newRow("mid-month") << QDate(2026, 5, 15) << 1 << 1 << QDate(2026, 6, 15);
    }
    void periodEndsFollowTheCalendar()
    {
        QFETCH(QDate, anchor);
        QFETCH(int, months);
        QFETCH(int, periods);
        QFETCH(QDate, end);
        QCOMPARE(periodEnd(anchor, months, periods), end);
    }

    void normalizesInput()
    {
        QCOMPARE(NumberService::normalize(QStringLiteral("+1 (212) 555-0100")),
                 QStringLiteral("+12125550100"));
        QCOMPARE(NumberService::normalize(QStringLiteral("  +47 22 12 34 00 ")),
                 QStringLiteral("+4722123400"));
        QVERIFY(NumberService::normalize(QStringLiteral("2125550100")).isEmpty());
        QVERIFY(NumberService::normalize(QStringLiteral("+1 212 abc")).isEmpty());
    }

    void buysForSelectedMembers_data() { sbt::addEngineRows(); }
    void buysForSelectedMembers()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 31, 9));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith"), QStringLiteral("bob.jones1")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(2000), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        auto bought = numbers.buy({QStringLiteral("US"),
                                   QStringLiteral("212"),
                                   1,
                                   {NumberHolder::member(QStringLiteral("alice.smith")),
                                    NumberHolder::member(QStringLiteral("bob.jones1"))},
                                   false});
        QVERIFY2(bought.ok(), qPrintable(sbt::errorText(bought)));
        QCOMPARE(bought->size(), 2);
        QCOMPARE(bought->at(0).e164, QStringLiteral("+12125550100"));
        QCOMPARE(bought->at(1).e164, QStringLiteral("+12125550101"));
        QCOMPARE(bought->at(0).price, Money::fromCents(600));
        QCOMPARE(bought->at(0).expires, QDate(2026, 2, 28));
        for (const auto& p : std::as_const(*bought))
            QVERIFY(PhoneNumbers::isValidForRegion(p.e164, QStringLiteral("US")));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 800);
        auto alice = MemberService(ctx).find(QStringLiteral("alice.smith"));
        QCOMPARE(alice->numbers, QStringList{QStringLiteral("+12125550100")});
        auto areas = numbers.areas(QStringLiteral("US"));
        QCOMPARE(areas->first().code, QStringLiteral("212"));
        QCOMPARE(areas->first().available, 98);
        QCOMPARE(areas->first().place, QStringLiteral("New York, NY"));
        QCOMPARE(
            sbt::scalar(
                ctx.db,
                QStringLiteral(
                    "SELECT COUNT(*) FROM ledger WHERE kind = 'number' AND to_account IS NULL"))
                .toInt(),
            2);
        QCOMPARE(ActivityLog(ctx).page(1)->first().key, QStringLiteral("number.buy"));
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    void buyRefusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("area");
        QTest::addColumn<int>("months");
        QTest::addColumn<QStringList>("members");
        QTest::addColumn<bool>("accept");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fragment");
        for (const QString& e : sb::test::TestDatabase::engines()) {
            auto row = [&](const char* name) -> QTestData& {
                return QTest::addRow("%s:%s", qPrintable(e), name);
            };
            const QStringList alice{QStringLiteral("alice.smith")};
            row("unknown country")
                << e << QStringLiteral("XX") << QStringLiteral("212") << 1 << alice << false
                << int(Error::Kind::NotFound) << QStringLiteral("not sold in \"XX\"");
            row("unknown area") << e << QStringLiteral("US") << QStringLiteral("999") << 1 << alice
                                << false << int(Error::Kind::NotFound)
                                << QStringLiteral("no area code \"999\"");
            row("two months") << e << QStringLiteral("US") << QStringLiteral("212") << 2 << alice
                              << false << int(Error::Kind::Invalid)
                              << QStringLiteral("1, 3 or 12 months, not 2");
            row("unknown member") << e << QStringLiteral("US") << QStringLiteral("212") << 1
                                  << QStringList{QStringLiteral("nobody.here")} << false
                                  << int(Error::Kind::NotFound)
                                  << QStringLiteral("account name \"nobody.here\"");
            row("nobody chosen") << e << QStringLiteral("US") << QStringLiteral("212") << 1
                                 << QStringList{} << false << int(Error::Kind::Invalid)
                                 << QStringLiteral("at least one member");
            row("chosen twice") << e << QStringLiteral("US") << QStringLiteral("212") << 1
                                << QStringList{QStringLiteral("alice.smith"),
                                               QStringLiteral("ALICE.smith")}
                                << false << int(Error::Kind::Invalid)
                                << QStringLiteral("is chosen twice");
            row("terms not accepted")
                << e << QStringLiteral("DE") << QStringLiteral("30") << 1 << alice << false
                << int(Error::Kind::Refused) << QStringLiteral("accept the terms");
            row("balance too low")
                << e << QStringLiteral("NO") << QStringLiteral("22") << 12
                << QStringList{QStringLiteral("alice.smith"), QStringLiteral("bob.jones1")} << false
                << int(Error::Kind::Refused)
                << QStringLiteral("The company balance (100.00) cannot pay 2 number(s) at 70.00"
                                  " (140.00 in all)");
        }
    }
    void buyRefusalsChangeNothing()
    {
        QFETCH(QString, engine);
        QFETCH(QString, country);
        QFETCH(QString, area);
        QFETCH(int, months);
        QFETCH(QStringList, members);
        QFETCH(bool, accept);
        QFETCH(int, kind);
        QFETCH(QString, fragment);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith"), QStringLiteral("bob.jones1")});
        QVERIFY(CompanyService(ctx)
                    .topUp(Money::fromCents(10000), QStringLiteral("T"))
                    .ok()); // 100.00 < 2 x 70.00
        const auto before = sbt::snapshot(ctx.db);
        const auto numbersBefore = numberRows(ctx.db);
        QList<NumberHolder> holders;
        for (const QString& m : members)
            holders << NumberHolder::member(m);
        auto r = NumberService(ctx).buy({country, area, months, holders, accept});
        SB_VERIFY_ERROR(r, Error::Kind(kind), fragment);
        QCOMPARE(sbt::snapshot(ctx.db), before);
        QCOMPARE(numberRows(ctx.db), numbersBefore);
    }

    // The balance may be spent to the last cent: a total equal to the balance is bought, one
    // cent more is refused (the guard is "balance < total", not "<=").
    void buysWithTheExactBalance_data() { sbt::addEngineRows(); }
    void buysWithTheExactBalance()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 31, 9));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith"), QStringLiteral("bob.jones1"),
                         QStringLiteral("carol.white")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1199), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        const NumberService::BuyRequest two{QStringLiteral("US"),
                                            QStringLiteral("212"),
                                            1,
                                            {NumberHolder::member(QStringLiteral("alice.smith")),
                                             NumberHolder::member(QStringLiteral("bob.jones1"))},
                                            false};
        QCOMPARE(numbers.quote(two).value(), Money::fromCents(1200));
        const auto before = sbt::snapshot(ctx.db);
        SB_VERIFY_ERROR(numbers.buy(two), Error::Kind::Refused,
                        QStringLiteral("The company balance (11.99) cannot pay 2 number(s) at 6.00"
                                       " (12.00 in all)"));
        QCOMPARE(sbt::snapshot(ctx.db), before);
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1), QStringLiteral("T")).ok());
        auto bought = numbers.buy(two);
        QVERIFY2(bought.ok(), qPrintable(sbt::errorText(bought)));
        QCOMPARE(bought->size(), 2);
        QCOMPARE(CompanyService(ctx).balance()->cents(), 0);
    }

    void termsAcceptedAreRecorded_data() { sbt::addEngineRows(); }
    void termsAcceptedAreRecorded()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("jakub.nowak")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        auto r = NumberService(ctx).buy({QStringLiteral("PL"),
                                         QStringLiteral("12"),
                                         3,
                                         {NumberHolder::member(QStringLiteral("jakub.nowak"))},
                                         true});
        QVERIFY2(r.ok(), qPrintable(sbt::errorText(r)));
        QCOMPARE(
            sbt::rows(ctx.db,
                      QStringLiteral("SELECT at, actor, country, e164 FROM terms_acceptances")),
            QStringList{QStringLiteral("2026-03-10T12:00:00Z|tester|PL|%1").arg(r->first().e164)});
        QCOMPARE(r->first().price, Money::fromCents(1450));
        QCOMPARE(r->first().expires, QDate(2026, 6, 10));
    }

    void noNumbersLeftInAnArea_data() { sbt::addEngineRows(); }
    void noNumbersLeftInAnArea()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QList<NumberHolder> holders;
        QStringList accounts;
        for (int i = 0; i < 101; ++i)
            accounts << QStringLiteral("member.%1").arg(i, 3, 10, QLatin1Char('0'));
        addMembers(ctx, accounts);
        for (int i = 0; i < 100; ++i)
            holders << NumberHolder::member(accounts[i]);
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1000000), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        QVERIFY(numbers.buy({QStringLiteral("US"), QStringLiteral("617"), 1, holders, false}).ok());
        QCOMPARE(numbers.areas(QStringLiteral("US"))->at(4).available, 0);
        const auto before = sbt::snapshot(ctx.db);
        auto r = numbers.buy({QStringLiteral("US"),
                              QStringLiteral("617"),
                              1,
                              {NumberHolder::member(accounts[100])},
                              false});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Refused);
        QVERIFY(r.error().message.contains(QStringLiteral("617")));
        QCOMPARE(sbt::snapshot(ctx.db), before);
    }

    void buysForAProfileAndReassigns_data() { sbt::addEngineRows(); }
    void buysForAProfileAndReassigns()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith"), QStringLiteral("bob.jones1")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        QVERIFY(addProfile(ctx, QStringLiteral("Sales trunk")) > 0);
        const NumberService numbers(ctx);
        auto bought = numbers.buy({QStringLiteral("GB"),
                                   QStringLiteral("20"),
                                   12,
                                   {NumberHolder::profile(QStringLiteral("sales TRUNK"))},
                                   false});
        QVERIFY2(bought.ok(), qPrintable(sbt::errorText(bought)));
        const QString e164 = bought->first().e164;
        QCOMPARE(bought->first().holder, NumberHolder::profile(QStringLiteral("Sales trunk")));
        auto moved = numbers.assign(PhoneNumbers::formatInternational(e164),
                                    NumberHolder::member(QStringLiteral("bob.jones1")));
        QVERIFY2(moved.ok(), qPrintable(sbt::errorText(moved)));
        QCOMPARE(numbers.find(e164)->holder, NumberHolder::member(QStringLiteral("bob.jones1")));
        QCOMPARE(MemberService(ctx).find(QStringLiteral("bob.jones1"))->numbers, QStringList{e164});
        // Refusals: same holder, unknown holder, a number that is not ours, a malformed one.
        const auto before = sbt::snapshot(ctx.db);
        const auto numbersBefore = numberRows(ctx.db);
        QCOMPARE(
            numbers.assign(e164, NumberHolder::member(QStringLiteral("bob.jones1"))).error().kind,
            Error::Kind::Refused);
        QCOMPARE(
            numbers.assign(e164, NumberHolder::member(QStringLiteral("nobody.here"))).error().kind,
            Error::Kind::NotFound);
        QCOMPARE(numbers.assign(e164, NumberHolder::profile(QStringLiteral("No such trunk")))
                     .error()
                     .kind,
                 Error::Kind::NotFound);
        QCOMPARE(numbers
                     .assign(QStringLiteral("+12125559999"),
                             NumberHolder::member(QStringLiteral("alice.smith")))
                     .error()
                     .kind,
                 Error::Kind::NotFound);
        QCOMPARE(numbers
                     .assign(QStringLiteral("call me"),
                             NumberHolder::member(QStringLiteral("alice.smith")))
                     .error()
                     .kind,
                 Error::Kind::Invalid);
        QCOMPARE(sbt::snapshot(ctx.db), before);
        QCOMPARE(numberRows(ctx.db), numbersBefore);
        // Filters of the numbers table.
        NumberQuery q;
        q.holderKind = NumberHolder::Kind::Member;
        QCOMPARE(numbers.count(q).value(), 1);
        q.holderKind = NumberHolder::Kind::Profile;
        QCOMPARE(numbers.count(q).value(), 0);
        NumberQuery s;
        s.search = QStringLiteral("BOB");
        QCOMPARE(numbers.page(s)->size(), 1);
        s.search = QStringLiteral("7946 0000");
        QCOMPARE(numbers.page(s)->size(), 1);
        s.country = QStringLiteral("us");
        QCOMPARE(numbers.page(s)->size(), 0);
    }

    void cancelKeepsItUntilExpiryThenReleases_data() { sbt::addEngineRows(); }
    void cancelKeepsItUntilExpiryThenReleases()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 3, 31, 10));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(2000), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        auto bought = numbers.buy({QStringLiteral("NO"),
                                   QStringLiteral("22"),
                                   1,
                                   {NumberHolder::member(QStringLiteral("alice.smith"))},
                                   false});
        QVERIFY(bought.ok());
        const QString e164 = bought->first().e164;
        QCOMPARE(bought->first().expires, QDate(2026, 4, 30));
        const Money afterBuy = CompanyService(ctx).balance().value();
        auto cancelled = numbers.cancel(e164);
        QVERIFY(cancelled.ok());
        QCOMPARE(cancelled->expires, QDate(2026, 4, 30));
        QVERIFY(cancelled->cancelled);
        QCOMPARE(numbers.cancel(e164).error().kind, Error::Kind::Refused);
        // Still the member's until the end of the period; no refund.
        env.clock.set(sbt::utc(2026, 4, 29, 23, 59));
        QVERIFY(BillingService(ctx).run().ok());
        QCOMPARE(numbers.find(e164)->holder, NumberHolder::member(QStringLiteral("alice.smith")));
        env.clock.set(sbt::utc(2026, 4, 30, 0, 1));
        auto run = BillingService(ctx).run();
        QVERIFY(run.ok());
        QCOMPARE(run->numbersReleased, 1);
        QCOMPARE(numbers.find(e164).error().kind, Error::Kind::NotFound);
        QCOMPARE(sbt::rows(ctx.db, QStringLiteral("SELECT status, member_id FROM numbers")),
                 QStringList{QStringLiteral("released|NULL")});
        QCOMPARE(CompanyService(ctx).balance().value(), afterBuy);
        QVERIFY(MemberService(ctx).find(QStringLiteral("alice.smith"))->numbers.isEmpty());
        QCOMPARE(numbers.areas(QStringLiteral("NO"))->first().available, 100);
        // Back in the pool: it can be bought again.
        auto again = numbers.buy({QStringLiteral("NO"),
                                  QStringLiteral("22"),
                                  1,
                                  {NumberHolder::member(QStringLiteral("alice.smith"))},
                                  false});
        QVERIFY2(again.ok(), qPrintable(sbt::errorText(again)));
        QCOMPARE(again->first().e164, e164);
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    void renewsFromTheCompanyOrExpires_data() { sbt::addEngineRows(); }
    void renewsFromTheCompanyOrExpires()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 31, 10));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith"), QStringLiteral("bob.jones1")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1800), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        auto a = numbers.buy({QStringLiteral("US"),
                              QStringLiteral("212"),
                              1,
                              {NumberHolder::member(QStringLiteral("alice.smith"))},
                              false});
        QVERIFY(a.ok());
        env.clock.set(sbt::utc(2026, 2, 10, 10));
        auto b = numbers.buy({QStringLiteral("US"),
                              QStringLiteral("415"),
                              1,
                              {NumberHolder::member(QStringLiteral("bob.jones1"))},
                              false});
        QVERIFY(b.ok());
        QCOMPARE(CompanyService(ctx).balance()->cents(), 600);
        // 28 February: alice's renews (6.00 left pays it) until 31 March.
        env.clock.set(sbt::utc(2026, 2, 28, 1));
        auto run = BillingService(ctx).run();
        QVERIFY(run.ok());
        QCOMPARE(run->numbersRenewed, 1);
        QCOMPARE(numbers.find(a->first().e164)->expires, QDate(2026, 3, 31));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 0);
        // A second run the same day changes nothing.
        const auto before = sbt::snapshot(ctx.db);
        const auto numbersBefore = numberRows(ctx.db);
        auto again = BillingService(ctx).run();
        QVERIFY(again.ok());
        QCOMPARE(again->numbersRenewed + again->numbersReleased + again->numbersExpired, 0);
        QCOMPARE(sbt::snapshot(ctx.db), before);
        QCOMPARE(numberRows(ctx.db), numbersBefore);
        // 10 March: bob's cannot be paid: it expires and the admin is told.
        env.clock.set(sbt::utc(2026, 3, 10, 1));
        run = BillingService(ctx).run();
        QVERIFY(run.ok());
        QCOMPARE(run->numbersExpired, 1);
        QCOMPARE(run->messages.size(), 1);
        QVERIFY(run->messages.first().contains(b->first().e164));
        QCOMPARE(numbers.find(b->first().e164).error().kind, Error::Kind::NotFound);
        QCOMPARE(ActivityLog(ctx).page(1)->first().key, QStringLiteral("number.expired"));
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    void catchesUpMissedPeriods_data() { sbt::addEngineRows(); }
    void catchesUpMissedPeriods()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 15, 10));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        auto a = numbers.buy({QStringLiteral("CA"),
                              QStringLiteral("416"),
                              1,
                              {NumberHolder::member(QStringLiteral("alice.smith"))},
                              false});
        QVERIFY(a.ok());
        // Nobody ran billing for three months: three renewals, paid now.
        env.clock.set(sbt::utc(2026, 4, 20, 10));
        auto run = BillingService(ctx).run();
        QVERIFY(run.ok());
        QCOMPARE(run->numbersSpent, Money::fromCents(1800));
        QCOMPARE(numbers.find(a->first().e164)->expires, QDate(2026, 5, 15));
        QCOMPARE(numbers.find(a->first().e164)->periods, 4);
        QCOMPARE(run->numbersRenewed, 3);
        QCOMPARE(sbt::rows(ctx.db, QStringLiteral("SELECT COUNT(*) FROM activity WHERE action = "
                                                  "'number.renew'")),
                 QStringList{QStringLiteral("3")});
    }

    // A renewal is paid at the price list in force when it renews, not at the price the
    // number was bought at: a list imported in between (CA, 1 month: 6.00 → 7.25) is what the
    // billing run charges, each missed period alike.
    void renewsAtTheListInForce_data() { sbt::addEngineRows(); }
    void renewsAtTheListInForce()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 15, 10));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("alice.smith")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const Money bought = *PriceList::builtIn().numberPrice(QStringLiteral("CA"), 1);
        QCOMPARE(bought, Money::fromCents(600));
        auto a = NumberService(ctx).buy({QStringLiteral("CA"),
                                         QStringLiteral("416"),
                                         1,
                                         {NumberHolder::member(QStringLiteral("alice.smith"))},
                                         false});
        QVERIFY(a.ok());
        QCOMPARE(CompanyService(ctx).balance()->cents(), 10000 - 600);
        const QJsonObject list = sb::test::withNumberPrice(
            PriceList::builtIn().toJson(), QStringLiteral("CA"), 1, QStringLiteral("7.25"));
        auto imported = PriceListStore(ctx).importBytes(QJsonDocument(list).toJson(),
                                                        QStringLiteral("prices.json"));
        QVERIFY2(imported.ok(), qPrintable(sbt::errorText(imported)));
        // Two periods ended (15 February, 15 March): two renewals at 7.25.
        env.clock.set(sbt::utc(2026, 3, 20, 10));
        auto run = BillingService(ctx).run();
        QVERIFY(run.ok());
        QCOMPARE(run->numbersRenewed, 2);
        QCOMPARE(run->numbersSpent, Money::fromCents(2 * 725));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 10000 - 600 - 2 * 725);
        QCOMPARE(NumberService(ctx).find(a->first().e164)->expires, QDate(2026, 4, 15));
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    // Issue 12, item 3: months without a billing run, then a company that can pay some of the
    // missed periods but not all. Each paid period is a renewal with its new expiry; the number
    // expires at the first period the company cannot pay, keeping the ones it paid for.
    void catchUpThenExpiryKeepsThePaidPeriods_data() { sbt::addEngineRows(); }
    void catchUpThenExpiryKeepsThePaidPeriods()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 11, 27, 10));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("anna.berg")});
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(3000), QStringLiteral("T")).ok());
        const NumberService numbers(ctx);
        auto a = numbers.buy({QStringLiteral("US"),
                              QStringLiteral("212"),
                              1,
                              {NumberHolder::member(QStringLiteral("anna.berg"))},
                              false});
        QVERIFY(a.ok());
        const QString e164 = a->first().e164;
        QCOMPARE(CompanyService(ctx).balance()->cents(), 2400);
        env.clock.set(sbt::utc(2027, 6, 1, 10));
        auto run = BillingService(ctx).run();
        QVERIFY2(run.ok(), qPrintable(sbt::errorText(run)));
        // 27 Dec, 27 Jan, 27 Feb, 27 Mar paid (4 × 6.00); 27 April cannot be.
        QCOMPARE(run->numbersRenewed, 4);
        QCOMPARE(run->numbersExpired, 1);
        QCOMPARE(run->numbersSpent, Money::fromCents(2400));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 0);
        QCOMPARE(sbt::rows(ctx.db, QStringLiteral("SELECT status, periods, expires FROM numbers")),
                 QStringList{QStringLiteral("released|5|2027-04-27")});
        QCOMPARE(sbt::rows(ctx.db, QStringLiteral("SELECT action FROM activity WHERE action LIKE "
                                                  "'number.%' ORDER BY id")),
                 (QStringList{QStringLiteral("number.buy"), QStringLiteral("number.renew"),
                              QStringLiteral("number.renew"), QStringLiteral("number.renew"),
                              QStringLiteral("number.renew"), QStringLiteral("number.expired")}));
        // Each renewal names the expiry it reached.
        const auto log = ActivityLog(ctx).page(10);
        QVERIFY(log.ok());
        QStringList expiries;
        for (const auto& e : *log) {
            if (e.key == QLatin1String("number.renew"))
                expiries.prepend(e.values.value(QStringLiteral("date")).toString());
        }
        QCOMPARE(expiries,
                 (QStringList{QStringLiteral("2027-01-27"), QStringLiteral("2027-02-27"),
                              QStringLiteral("2027-03-27"), QStringLiteral("2027-04-27")}));
        QCOMPARE(sbt::booksProblem(ctx), QString());
        QCOMPARE(numbers.find(e164).error().kind, Error::Kind::NotFound);
    }

    // Property (issue 12, item 3): whatever the dates of the billing runs and the top-ups
    // between them, the money the ledger took for numbers is what the purchases and renewals
    // logged, and each number's periods are its purchase plus the renewals logged since.
    void renewalMoneyEqualsRecordedPeriods_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("seed");
        for (const QString& e : sb::test::TestDatabase::engines()) {
            for (int seed : {1, 2, 3, 4, 5, 6})
                QTest::newRow(qPrintable(QStringLiteral("%1 seed %2").arg(e).arg(seed)))
                    << e << seed;
        }
    }
    void renewalMoneyEqualsRecordedPeriods()
    {
        QFETCH(QString, engine);
        QFETCH(int, seed);
        SB_ENV(env, engine, sbt::utc(2026, 1, 10, 9));
        const Context& ctx = *env.ctx;
        addMembers(ctx, {QStringLiteral("anna.berg"), QStringLiteral("bjorn.dahl")});
        const NumberService numbers(ctx);
        QRandomGenerator rng{quint32(seed)};
        QDateTime now = sbt::utc(2026, 1, 10, 9);
        const QStringList areas{QStringLiteral("212"), QStringLiteral("415"),
                                QStringLiteral("305")};
        for (int step = 0; step < 40; ++step) {
            switch (rng.bounded(3)) {
            case 0: // a top-up of 0.50 to 40.00
                QVERIFY(CompanyService(ctx)
                            .topUp(Money::fromCents(50 + rng.bounded(3950)), QStringLiteral("T"))
                            .ok());
                break;
            case 1: { // a purchase, refused when the company cannot pay it
                const int months = QList<int>{1, 3, 12}.at(rng.bounded(3));
                (void)numbers.buy(
                    {QStringLiteral("US"),
                     areas.at(rng.bounded(areas.size())),
                     months,
                     {NumberHolder::member(rng.bounded(2) ? QStringLiteral("anna.berg")
                                                          : QStringLiteral("bjorn.dahl"))},
                     false});
                break;
            }
            default: // a billing run after 0 to 400 days
                now = now.addSecs(qint64(rng.bounded(400 * 24)) * 3600);
                env.clock.set(now);
                auto run = BillingService(ctx).run();
                QVERIFY2(run.ok(), qPrintable(sbt::errorText(run)));
                break;
            }
            const QString problem = renewalProblem(ctx);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(QStringLiteral("step %1: %2").arg(step).arg(problem)));
        }
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }
};

QTEST_GUILESS_MAIN(TestNumberService)
#include "tst_numberservice.moc"
