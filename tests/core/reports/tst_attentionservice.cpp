// AttentionService on both engines: each kind of the dashboard's attention list appears for a
// hand-built account and goes once the admin has dealt with it; the "covers" flag of
// renewals; at most `perKind` entries per kind and one that counts the rest; the empty
// account.

#include "tests/support/CdrLines.h"
#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/numbers/PriceListStore.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/reports/AdviceService.h"
#include "core/reports/AttentionService.h"
#include "core/storage/Transaction.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace sb;
using Kind = AttentionItem::Kind;
using Severity = AttentionItem::Severity;
using Target = AttentionItem::Target;

namespace {

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

QList<AttentionItem> items(const Context& ctx, int perKind = AttentionService::DefaultPerKind)
{
    auto r = AttentionService(ctx, perKind).list();
    if (!r)
        qWarning("attention: %s", qPrintable(r.error().message));
    return r ? *r : QList<AttentionItem>();
}

QList<AttentionItem> ofKind(const QList<AttentionItem>& all, Kind kind)
{
    QList<AttentionItem> out;
    for (const AttentionItem& i : all)
        if (i.kind == kind)
            out.append(i);
    return out;
}

QString addMember(const Context& ctx, const QString& account)
{
    auto r = MemberService(ctx).add({account, account, QString(), QString()});
    return r ? QString() : r.error().message;
}

QString addProfile(const Context& ctx, const QString& name, int channels = 1)
{
    NewSipProfile p;
    p.name = name;
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    p.channels = channels;
    auto r = ProfileService(ctx).create(p);
    return r ? QString() : r.error().message;
}

// One answered ten-minute call to the US paid by `account` (0.23 at the built-in rate).
QString call(const Context& ctx, const QString& account, const QString& id)
{
    QBuffer buffer;
    buffer.setData(sbt::asteriskLine(account, QStringLiteral("16467781234"),
                                     ctx.now().addSecs(-3600), 600, id));
    buffer.open(QIODevice::ReadOnly);
    CallImportOptions options;
    options.fileName = QStringLiteral("Master.csv");
    auto r = CallImporter(ctx, PriceList::builtIn()).import(&buffer, options);
    if (!r)
        return r.error().message;
    return r->imported == 1 ? QString() : QStringLiteral("the call was not imported");
}

// Each account's usual week of spending computed for today's window (what billing does).
QString refreshWeeks(const Context& ctx)
{
    auto r = Transaction::run(ctx.db, [&](Transaction& tx) {
        return UsualSpending::refresh(tx, ctx.now().toUTC().date());
    });
    return r ? QString() : r.error().message;
}

// Forgets the computed weeks: readers sum ledger_months again.
void forgetWeeks(const Context& ctx)
{
    QSqlQuery q(ctx.db.sql());
    QVERIFY(q.exec(QStringLiteral("UPDATE usual_spending SET month = ''")));
}

#define SB_OK(expr)                                                                                \
    do {                                                                                           \
        const QString problem_ = (expr);                                                           \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

} // namespace

class TestAttentionService : public QObject
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
    }

    void emptyAccount_data() { sbt::addEngineRows(); }
    void emptyAccount()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const AttentionService attention(*e.ctx);
        auto empty = attention.accountIsEmpty();
        QVERIFY(empty.ok() && *empty);
        QVERIFY(items(*e.ctx).isEmpty());
        SB_VERIFY_OK(CompanyService(*e.ctx).topUp(m(100), QStringLiteral("T")));
        empty = attention.accountIsEmpty();
        QVERIFY(empty.ok() && !*empty);
        QVERIFY(items(*e.ctx).isEmpty());
    }

    // A member's call takes her below zero: owed; credit brings her back. A SIP profile at
    // zero has no credit; credit clears it. A profile below zero is listed once, as owed.
    void owedAndNoCredit_data() { sbt::addEngineRows(); }
    void owedAndNoCredit()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        SB_OK(addMember(ctx, QStringLiteral("anna.berg")));
        SB_OK(addMember(ctx, QStringLiteral("bob.ross")));
        SB_VERIFY_OK(CreditService(ctx).allocate(m(1000), {QStringLiteral("bob.ross")}));
        SB_OK(addProfile(ctx, QStringLiteral("Sales")));
        SB_OK(addProfile(ctx, QStringLiteral("Support")));
        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Support"), m(10)));

        auto all = items(ctx);
        QVERIFY(ofKind(all, Kind::Owed).isEmpty());
        auto none = ofKind(all, Kind::NoCredit);
        QCOMPARE(none.size(), 1);
        QCOMPARE(none[0].key, QStringLiteral("Sales"));
        QCOMPARE(none[0].target, Target::Profile);
        QCOMPARE(none[0].severity, Severity::Critical);
        QVERIFY(none[0].text.contains(QStringLiteral("Sales")));

        SB_OK(call(ctx, QStringLiteral("anna.berg"), QStringLiteral("c.1")));
        SB_OK(call(ctx, QStringLiteral("Support"), QStringLiteral("c.2")));
        all = items(ctx);
        auto owed = ofKind(all, Kind::Owed);
        QCOMPARE(owed.size(), 2);
        // Most owed first: anna owes 0.23, Support 0.13.
        QCOMPARE(owed[0].key, QStringLiteral("anna.berg"));
        QCOMPARE(owed[0].target, Target::Member);
        QCOMPARE(owed[0].amount, m(-23));
        QVERIFY2(owed[0].text.contains(QStringLiteral("0.23")), qPrintable(owed[0].text));
        QCOMPARE(owed[1].key, QStringLiteral("Support"));
        QCOMPARE(owed[1].target, Target::Profile);
        QCOMPARE(owed[1].amount, m(-13));
        // Support is owed, not "without credit" as well.
        QCOMPARE(ofKind(all, Kind::NoCredit).size(), 1);
        // Critical entries come first.
        QCOMPARE(all.first().severity, Severity::Critical);

        SB_VERIFY_OK(CreditService(ctx).allocate(m(1000), {QStringLiteral("anna.berg")}));
        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Support"), m(1000)));
        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Sales"), m(1000)));
        all = items(ctx);
        QVERIFY(ofKind(all, Kind::Owed).isEmpty());
        QVERIFY(ofKind(all, Kind::NoCredit).isEmpty());
    }

    // carl spent 90.00 in January: over December, January and February (90 days) a week is
    // 7.00. In March (whose spending does not count yet) 7.00 left is not low, 6.99 is.
    // Twice: summed from ledger_months, and with each account's usual week kept
    // (UsualSpending, computed again here whenever the month changes, as billing does).
    void lowAgainstUsualSpending_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<bool>("kept");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            QTest::newRow(qPrintable(engine + QStringLiteral(" summed"))) << engine << false;
            QTest::newRow(qPrintable(engine + QStringLiteral(" kept"))) << engine << true;
        }
    }
    void lowAgainstUsualSpending()
    {
        QFETCH(QString, engine);
        QFETCH(bool, kept);
        SB_ENV(e, engine, sbt::utc(2026, 1, 15, 12));
        const Context& ctx = *e.ctx;
        const auto items = [kept](const Context& c) {
            if (kept) {
                const QString problem = refreshWeeks(c);
                if (!problem.isEmpty())
                    qWarning("refresh: %s", qPrintable(problem));
            }
            return ::items(c);
        };
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        SB_OK(addMember(ctx, QStringLiteral("carl.dahl")));
        SB_OK(addMember(ctx, QStringLiteral("dora.idle")));
        const CreditService credit(ctx);
        SB_VERIFY_OK(credit.allocate(m(10000), {QStringLiteral("carl.dahl")}));
        SB_VERIFY_OK(credit.allocate(m(100), {QStringLiteral("dora.idle")}));
        SB_VERIFY_OK(credit.charge(QStringLiteral("carl.dahl"), m(9000), QStringLiteral("Jan")));
        // In January itself the spending is this month's: nobody is low yet.
        QVERIFY(ofKind(items(ctx), Kind::LowBalance).isEmpty());

        e.clock.set(sbt::utc(2026, 3, 10, 12));
        SB_VERIFY_OK(credit.charge(QStringLiteral("carl.dahl"), m(300), QStringLiteral("Mar")));
        QCOMPARE(MemberService(ctx).find(QStringLiteral("carl.dahl"))->balance, m(700));
        QVERIFY(ofKind(items(ctx), Kind::LowBalance).isEmpty());

        SB_VERIFY_OK(credit.charge(QStringLiteral("carl.dahl"), m(1), QStringLiteral("Mar")));
        auto low = ofKind(items(ctx), Kind::LowBalance);
        QCOMPARE(low.size(), 1); // dora spent nothing: never low
        // lowAmong, for the tables' state icons, agrees; over more ids than one read takes.
        const qint64 carl = MemberService(ctx).find(QStringLiteral("carl.dahl"))->accountId;
        const qint64 dora = MemberService(ctx).find(QStringLiteral("dora.idle"))->accountId;
        QList<qint64> among{dora};
        for (qint64 id = 100000; among.size() < AttentionService::MaxAccountsPerRead + 10; ++id)
            among.append(id);
        QVERIFY(AttentionService(ctx).lowAmong(among)->isEmpty());
        among.append(carl);
        QCOMPARE(*AttentionService(ctx).lowAmong(among), QSet<qint64>{carl});
        QVERIFY(AttentionService(ctx).lowAmong({})->isEmpty());
        QCOMPARE(low[0].key, QStringLiteral("carl.dahl"));
        QCOMPARE(low[0].target, Target::Member);
        QCOMPARE(low[0].amount, m(699));
        QCOMPARE(low[0].severity, Severity::Warning);
        QVERIFY2(low[0].text.contains(QStringLiteral("6.99")) &&
                     low[0].text.contains(QStringLiteral("7.00")),
                 qPrintable(low[0].text));

        SB_VERIFY_OK(credit.allocate(m(500), {QStringLiteral("carl.dahl")}));
        QVERIFY(ofKind(items(ctx), Kind::LowBalance).isEmpty());
        QVERIFY(AttentionService(ctx).lowAmong({carl, dora})->isEmpty());

        // May: January has left the three months (February to April).
        e.clock.set(sbt::utc(2026, 5, 2, 12));
        SB_VERIFY_OK(credit.charge(QStringLiteral("carl.dahl"), m(1100), QStringLiteral("May")));
        QCOMPARE(MemberService(ctx).find(QStringLiteral("carl.dahl"))->balance, m(99));
        // Feb + Mar + Apr: 3.01 in March → a week is 3.01 × 7 / 89 = 0.24, 0.99 is not low.
        QVERIFY(ofKind(items(ctx), Kind::LowBalance).isEmpty());
    }

    // Kept weeks follow what is written into a month of their window after they were
    // computed: an admin whose clock still says 28 February charges a member after billing
    // computed March's weeks elsewhere. Entries of this month leave the week alone.
    void keptWeeksFollowLateEntries_data() { sbt::addEngineRows(); }
    void keptWeeksFollowLateEntries()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine, sbt::utc(2026, 3, 10, 12));
        const Context& ctx = *e.ctx;
        const CreditService credit(ctx);
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        SB_OK(addMember(ctx, QStringLiteral("ella.late")));
        SB_VERIFY_OK(credit.allocate(m(500), {QStringLiteral("ella.late")}));
        SB_OK(refreshWeeks(ctx));
        const qint64 ella = MemberService(ctx).find(QStringLiteral("ella.late"))->accountId;
        const auto week = [&]() {
            return sbt::scalar(ctx.db,
                               QStringLiteral("SELECT usual_week_cents FROM accounts WHERE id = %1")
                                   .arg(ella))
                .toLongLong();
        };
        QCOMPARE(week(), 0);
        // 2.76 in February: a week of it over December to February (90 days) is 0.21.
        e.clock.set(sbt::utc(2026, 2, 28, 23, 59, 30));
        SB_VERIFY_OK(credit.charge(QStringLiteral("ella.late"), m(276), QStringLiteral("Feb")));
        e.clock.set(sbt::utc(2026, 3, 10, 12));
        QCOMPARE(week(), 21);
        QVERIFY(ofKind(items(ctx), Kind::LowBalance).isEmpty()); // 2.24 left
        SB_VERIFY_OK(credit.charge(QStringLiteral("ella.late"), m(204), QStringLiteral("Mar")));
        QCOMPARE(week(), 21);
        const auto low = ofKind(items(ctx), Kind::LowBalance);
        QCOMPARE(low.size(), 1);
        QCOMPARE(low[0].key, QStringLiteral("ella.late"));
        QCOMPARE(low[0].amount, m(20));
        QVERIFY2(low[0].text.contains(QStringLiteral("0.21")), qPrintable(low[0].text));
        QCOMPARE(*AttentionService(ctx).lowAmong({ella}), QSet<qint64>{ella});
        SB_VERIFY_OK(credit.allocate(m(1), {QStringLiteral("ella.late")}));
        QVERIFY(ofKind(items(ctx), Kind::LowBalance).isEmpty());
        QVERIFY(AttentionService(ctx).lowAmong({ella})->isEmpty());
        SB_OK(sbt::booksProblem(ctx));
    }

    // On random spending over six months and random balances, the kept weeks and the sums
    // list the same low accounts, in the same order, with the same figures.
    void keptWeeksAgreeWithTheSums_data() { sbt::addEngineRows(); }
    void keptWeeksAgreeWithTheSums()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine, sbt::utc(2026, 1, 5, 12));
        const Context& ctx = *e.ctx;
        QRandomGenerator random(20261128);
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000000), QStringLiteral("T")));
        const CreditService credit(ctx);
        QStringList accounts;
        for (int i = 0; i < 40; ++i) {
            accounts << QStringLiteral("member%1").arg(i, 2, 10, QLatin1Char('0'));
            SB_OK(addMember(ctx, accounts.last()));
        }
        SB_VERIFY_OK(credit.allocate(m(100000), accounts));
        // Charges in January to June, kept from June on (then clock moves into July).
        for (int month = 1; month <= 7; ++month) {
            e.clock.set(sbt::utc(2026, month, 3, 12));
            if (month == 6)
                SB_OK(refreshWeeks(ctx));
            for (const QString& a : std::as_const(accounts)) {
                if (random.bounded(3) == 0)
                    continue;
                SB_VERIFY_OK(credit.charge(a, m(random.bounded(1, 3000)), QStringLiteral("c")));
            }
        }
        // Balances around a usual week: take most accounts down to a few euros.
        for (const QString& a : std::as_const(accounts)) {
            const Money balance = MemberService(ctx).find(a)->balance;
            const Money keep = m(random.bounded(0, 1200));
            if (balance > keep)
                SB_VERIFY_OK(credit.charge(a, balance - keep, QStringLiteral("down")));
        }
        QList<qint64> ids;
        for (const QString& a : std::as_const(accounts))
            ids << MemberService(ctx).find(a)->accountId;
        const auto lowOf = [&ctx]() {
            QStringList out;
            for (const AttentionItem& i : ofKind(items(ctx, 100), Kind::LowBalance))
                out << i.key + QLatin1Char(' ') + i.text;
            return out;
        };
        forgetWeeks(ctx);
        const QStringList summed = lowOf();
        const auto summedAmong = AttentionService(ctx).lowAmong(ids);
        SB_OK(refreshWeeks(ctx));
        QCOMPARE(sbt::scalar(ctx.db, QStringLiteral("SELECT month FROM usual_spending")),
                 QVariant(QStringLiteral("2026-07")));
        QVERIFY2(summed.size() >= 5, qPrintable(summed.join(QLatin1Char('\n'))));
        QCOMPARE(lowOf(), summed);
        QCOMPARE(*AttentionService(ctx).lowAmong(ids), *summedAmong);
        SB_OK(sbt::booksProblem(ctx));
    }

    void rechargeSuspended_data() { sbt::addEngineRows(); }
    void rechargeSuspended()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        SB_OK(addMember(ctx, QStringLiteral("anna.berg")));
        const CreditService credit(ctx);
        // 0 → 10 → 20: the limit of 20.00 is reached, suspended until 1 April.
        SB_VERIFY_OK(
            credit.setAutoRecharge(QStringLiteral("anna.berg"), m(1000), m(2500), m(2000)));
        auto s = ofKind(items(ctx), Kind::RechargeSuspended);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].key, QStringLiteral("anna.berg"));
        QCOMPARE(s[0].date, QDate(2026, 4, 1));
        QCOMPARE(s[0].amount, m(2000));
        QCOMPARE(s[0].target, Target::Member);

        SB_VERIFY_OK(credit.disableAutoRecharge(QStringLiteral("anna.berg")));
        QVERIFY(ofKind(items(ctx), Kind::RechargeSuspended).isEmpty());
    }

    // Two numbers and a profile's two channels bought on 10 March renew on 10 April; on
    // 5 April they are due within the week. The company covers them or not by a cent.
    // Sales' bundle is paid from Sales' own balance. The billing run renews everything.
    void renewalsAndCovers_data() { sbt::addEngineRows(); }
    void renewalsAndCovers()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        const PriceList& prices = PriceListStore::current(ctx);
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        SB_OK(addMember(ctx, QStringLiteral("anna.berg")));
        SB_OK(addProfile(ctx, QStringLiteral("Sales"), 2));
        auto bought = NumberService(ctx).buy({QStringLiteral("US"),
                                              QStringLiteral("617"),
                                              1,
                                              {NumberHolder::member(QStringLiteral("anna.berg")),
                                               NumberHolder::profile(QStringLiteral("Sales"))},
                                              true});
        SB_VERIFY_OK(bought);
        const Money bundle = prices.bundlePrice();
        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Sales"), bundle + m(500)));
        SB_VERIFY_OK(BundleService(ctx, prices).add(QStringLiteral("Sales"), 1));
        // Sales has 5.00 left after the bundle: on 10 March nothing renews within the week.
        for (Kind k : {Kind::NumbersRenew, Kind::ChannelsRenew, Kind::BundlesRenew})
            QVERIFY(ofKind(items(ctx), k).isEmpty());

        e.clock.set(sbt::utc(2026, 4, 5, 9));
        const Money numbersCost = *prices.numberPrice(QStringLiteral("US"), 1)->times(2);
        const Money channelsCost = *prices.channelPrice().times(2);
        auto all = items(ctx);
        auto numbers = ofKind(all, Kind::NumbersRenew);
        QCOMPARE(numbers.size(), 1);
        QCOMPARE(numbers[0].amount, numbersCost);
        QCOMPARE(numbers[0].date, QDate(2026, 4, 10));
        QCOMPARE(numbers[0].covers, true);
        QCOMPARE(numbers[0].target, Target::Number);
        QStringList e164s{bought->at(0).e164, bought->at(1).e164};
        std::sort(e164s.begin(), e164s.end());
        QCOMPARE(numbers[0].key, e164s.first());
        // "%n number(s)": without a translator loaded the plural stays as written.
        QVERIFY2(numbers[0].text.contains(QStringLiteral("2 number")) &&
                     numbers[0].text.contains(numbersCost.display()) &&
                     numbers[0].text.contains(QStringLiteral("covers")),
                 qPrintable(numbers[0].text));
        auto channels = ofKind(all, Kind::ChannelsRenew);
        QCOMPARE(channels.size(), 1);
        QCOMPARE(channels[0].key, QStringLiteral("Sales"));
        QCOMPARE(channels[0].amount, channelsCost);
        QCOMPARE(channels[0].covers, true);
        auto bundles = ofKind(all, Kind::BundlesRenew);
        QCOMPARE(bundles.size(), 1);
        QCOMPARE(bundles[0].key, QStringLiteral("Sales"));
        QCOMPARE(bundles[0].amount, bundle);
        QCOMPARE(bundles[0].date, QDate(2026, 4, 10));
        QCOMPARE(bundles[0].covers, false);
        QCOMPARE(bundles[0].severity, Severity::Critical);

        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Sales"), bundle));
        QCOMPARE(ofKind(items(ctx), Kind::BundlesRenew).value(0).covers, true);
        QCOMPARE(ofKind(items(ctx), Kind::BundlesRenew).value(0).severity, Severity::Info);

        // The company keeps a cent less than the week's numbers and channels.
        const Money company = *CompanyService(ctx).balance();
        const Money due = numbersCost + channelsCost;
        SB_VERIFY_OK(
            CreditService(ctx).allocate(company - due + m(1), {QStringLiteral("anna.berg")}));
        all = items(ctx);
        QCOMPARE(ofKind(all, Kind::NumbersRenew).value(0).covers, false);
        QCOMPARE(ofKind(all, Kind::NumbersRenew).value(0).severity, Severity::Critical);
        QCOMPARE(ofKind(all, Kind::ChannelsRenew).value(0).covers, false);
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(1), QStringLiteral("T")));
        all = items(ctx);
        QCOMPARE(ofKind(all, Kind::NumbersRenew).value(0).covers, true);
        QCOMPARE(ofKind(all, Kind::ChannelsRenew).value(0).covers, true);

        e.clock.set(sbt::utc(2026, 4, 10, 9));
        SB_VERIFY_OK(BillingService(ctx).run());
        all = items(ctx);
        for (Kind k : {Kind::NumbersRenew, Kind::ChannelsRenew, Kind::BundlesRenew})
            QVERIFY(ofKind(all, k).isEmpty());
    }

    // Sales' balance cannot pay its bundle's renewal on 10 April: lapsed, listed for 30 days
    // or until bundles are bought again.
    void lapsedBundle_data() { sbt::addEngineRows(); }
    void lapsedBundle()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        const PriceList& prices = PriceListStore::current(ctx);
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        SB_OK(addProfile(ctx, QStringLiteral("Sales"), 2));
        SB_OK(addProfile(ctx, QStringLiteral("Support"), 2));
        for (const char* p : {"Sales", "Support"}) {
            SB_VERIFY_OK(
                ProfileService(ctx).allocateCredit(QString::fromLatin1(p), prices.bundlePrice()));
            SB_VERIFY_OK(BundleService(ctx, prices).add(QString::fromLatin1(p), 1));
        }
        e.clock.set(sbt::utc(2026, 4, 10, 9));
        SB_VERIFY_OK(BillingService(ctx).run());
        auto lapsed = ofKind(items(ctx), Kind::BundleLapsed);
        QCOMPARE(lapsed.size(), 2);
        QCOMPARE(lapsed[0].key, QStringLiteral("Sales"));
        QCOMPARE(lapsed[0].date, QDate(2026, 4, 10));
        QCOMPARE(lapsed[0].target, Target::Profile);

        e.clock.set(sbt::utc(2026, 4, 12, 9));
        SB_VERIFY_OK(
            ProfileService(ctx).allocateCredit(QStringLiteral("Sales"), prices.bundlePrice()));
        SB_VERIFY_OK(BundleService(ctx, prices).add(QStringLiteral("Sales"), 1));
        lapsed = ofKind(items(ctx), Kind::BundleLapsed);
        QCOMPARE(lapsed.size(), 1);
        QCOMPARE(lapsed[0].key, QStringLiteral("Support"));
        // The same profiles for the SIP profiles table's state icons, by id.
        const QSet<qint64> lapsedIds{ProfileService(ctx).find(QStringLiteral("Support"))->id};
        QCOMPARE(*AttentionService(ctx).lapsedBundleProfiles(), lapsedIds);

        e.clock.set(sbt::utc(2026, 5, 11, 9));
        QVERIFY(ofKind(items(ctx), Kind::BundleLapsed).isEmpty());
        QVERIFY(AttentionService(ctx).lapsedBundleProfiles()->isEmpty());
    }

    // Advice: a profile whose busiest hour needs more channels than it has, and whose US
    // minutes a bundle would have covered for less, is named with both; fixing the bundles
    // takes that entry away.
    void adviceEntries_data() { sbt::addEngineRows(); }
    void adviceEntries()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        e.clock.set(sbt::utc(2026, 5, 15, 9));
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(200000), QStringLiteral("T")));
        SB_OK(addProfile(ctx, QStringLiteral("Desk"), 1));
        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Desk"), m(100000)));
        QVERIFY(ofKind(items(ctx), Kind::ChannelsAdvice).isEmpty());
        // February to April: four calls of 1,500 minutes at once each month (6,000 US
        // minutes a month; four calls at once, all hour long).
        QByteArray file;
        for (int month : {2, 3, 4})
            for (int i = 0; i < 4; ++i)
                file += sbt::asteriskLine(QStringLiteral("Desk"), QStringLiteral("16467781234"),
                                          sbt::utc(2026, month, 3, 9), 90000,
                                          QStringLiteral("adv-%1-%2").arg(month).arg(i));
        QBuffer buffer;
        buffer.setData(file);
        buffer.open(QIODevice::ReadOnly);
        SB_VERIFY_OK(CallImporter(ctx, PriceList::builtIn()).import(&buffer, {}));

        const auto channels = ofKind(items(ctx), Kind::ChannelsAdvice);
        QCOMPARE(channels.size(), 1);
        QCOMPARE(channels[0].key, QStringLiteral("Desk"));
        QCOMPARE(channels[0].target, Target::Profile);
        QCOMPARE(channels[0].severity, Severity::Warning);
        QVERIFY2(channels[0].text.contains(QStringLiteral("4.0 erlangs")),
                 qPrintable(channels[0].text));
        auto advice = AdviceService(ctx).forProfile(QStringLiteral("Desk"));
        SB_VERIFY_OK(advice);
        QCOMPARE(advice->channels.need, 10); // Erlang B: 4 erlangs at 1% need 10 channels
        QVERIFY2(channels[0].text.contains(QStringLiteral("needs 10 channel")),
                 qPrintable(channels[0].text));

        const auto bundles = ofKind(items(ctx), Kind::BundlesAdvice);
        QCOMPARE(bundles.size(), 1);
        QCOMPARE(bundles[0].key, QStringLiteral("Desk"));
        QCOMPARE(advice->bundles.best, 1); // never above its one channel
        QVERIFY(advice->bundles.monthlySaving.isPositive());
        QCOMPARE(bundles[0].amount, advice->bundles.monthlySaving);
        QVERIFY2(bundles[0].text.startsWith(QStringLiteral("Advice for Desk: 1 US minute ")) &&
                     bundles[0].text.contains(QStringLiteral(" instead of 0 would have saved ")) &&
                     bundles[0].text.contains(advice->bundles.monthlySaving.display()),
                 qPrintable(bundles[0].text));

        // With the advised bundle bought, only the channels' advice is left.
        SB_VERIFY_OK(
            BundleService(ctx, PriceListStore::current(ctx)).add(QStringLiteral("Desk"), 1));
        QVERIFY(ofKind(items(ctx), Kind::BundlesAdvice).isEmpty());
        QCOMPARE(ofKind(items(ctx), Kind::ChannelsAdvice).size(), 1);

        // A bundle its calls never use: the advice is to go without, said as such (not
        // "0 US minute bundles would have saved").
        SB_OK(addProfile(ctx, QStringLiteral("Quiet"), 1));
        SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QStringLiteral("Quiet"), m(50000)));
        SB_VERIFY_OK(
            BundleService(ctx, PriceListStore::current(ctx)).add(QStringLiteral("Quiet"), 1));
        QByteArray local;
        for (int month : {2, 3, 4})
            local += sbt::asteriskLine(QStringLiteral("Quiet"), QStringLiteral("4722334455"),
                                       sbt::utc(2026, month, 3, 9), 60,
                                       QStringLiteral("quiet-%1").arg(month));
        QBuffer localBuffer;
        localBuffer.setData(local);
        localBuffer.open(QIODevice::ReadOnly);
        SB_VERIFY_OK(CallImporter(ctx, PriceList::builtIn()).import(&localBuffer, {}));
        auto quiet = AdviceService(ctx).forProfile(QStringLiteral("Quiet"));
        SB_VERIFY_OK(quiet);
        QCOMPARE(quiet->bundles.have, 1);
        QCOMPARE(quiet->bundles.best, 0);
        const auto without = ofKind(items(ctx), Kind::BundlesAdvice);
        QCOMPARE(without.size(), 1);
        QVERIFY2(without[0].text.startsWith(QStringLiteral("Advice for Quiet: without its 1 US")) &&
                     without[0].text.contains(quiet->bundles.monthlySaving.display()),
                 qPrintable(without[0].text));
    }

    // Five members owe, three profiles have no credit: two of each are listed, then one
    // entry for the rest.
    void limits_data() { sbt::addEngineRows(); }
    void limits()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(m(100000), QStringLiteral("T")));
        for (int i = 0; i < 5; ++i) {
            const QString account = QStringLiteral("member.%1").arg(i);
            SB_OK(addMember(ctx, account));
            // Member i calls i + 1 times: member.4 owes most.
            for (int c = 0; c <= i; ++c)
                SB_OK(call(ctx, account, QStringLiteral("c.%1.%2").arg(i).arg(c)));
        }
        for (const char* p : {"Alpha", "Beta", "Gamma"})
            SB_OK(addProfile(ctx, QString::fromLatin1(p)));
        const auto all = items(ctx, 2);
        const auto owed = ofKind(all, Kind::Owed);
        QCOMPARE(owed.size(), 3);
        QCOMPARE(owed[0].key, QStringLiteral("member.4"));
        QCOMPARE(owed[1].key, QStringLiteral("member.3"));
        QCOMPARE(owed[2].more, 3);
        QVERIFY(owed[2].key.isEmpty());
        QVERIFY2(owed[2].text.contains(QStringLiteral("3 more")), qPrintable(owed[2].text));
        const auto none = ofKind(all, Kind::NoCredit);
        QCOMPARE(none.size(), 3);
        QCOMPARE(none[0].key, QStringLiteral("Alpha"));
        QCOMPARE(none[1].key, QStringLiteral("Beta"));
        QCOMPARE(none[2].more, 1);
        // With room for all, no "more" entry.
        for (const AttentionItem& i : items(ctx, 10))
            QCOMPARE(i.more, 0);
    }
};

QTEST_GUILESS_MAIN(TestAttentionService)
#include "tst_attentionservice.moc"
