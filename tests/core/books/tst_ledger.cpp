// Ledger: transfers write exactly one entry and move exactly the amount; no balance goes
// below zero, except a call charge to a member or a profile (owed), never the company's;
// non-positive amounts (a "reverse" transfer) are refused; the books checks
// (totals, inconsistentAccounts) hold after real work and catch a tampered balance.

#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"

#include <limits>

using sb::Error;
using sb::Ledger;
using sb::Money;
using sb::Result;

namespace {
// The Ledger's calls each in a transaction of their own, committed on success: the tests
// check one call at a time, and the Ledger itself only ever joins a caller's transaction.
class OwnTransactions
{
public:
    explicit OwnTransactions(const sb::Context& ctx) : m_db(ctx.db), m_ledger(ctx) {}

    Result<void> transfer(qint64 from, qint64 to, Money amount, const QString& kind,
                          const QString& reference = {}, const QString& note = {}) const
    {
        return sb::Transaction::run(m_db, [&](sb::Transaction& tx) {
            return m_ledger.transfer(tx, from, to, amount, kind, reference, note);
        });
    }
    Result<void> transferToMany(qint64 from, const QList<std::pair<qint64, Money>>& to,
                                const QString& kind) const
    {
        return sb::Transaction::run(
            m_db, [&](sb::Transaction& tx) { return m_ledger.transferToMany(tx, from, to, kind); });
    }
    Result<void> charge(qint64 account, Money amount) const
    {
        return sb::Transaction::run(m_db, [&](sb::Transaction& tx) {
            return m_ledger.charge(tx, account, amount, QStringLiteral("call"),
                                   QStringLiteral("u-1"));
        });
    }
    Result<qint64> createAccount(const QString& kind) const
    {
        return sb::Transaction::run(
            m_db, [&](sb::Transaction& tx) { return m_ledger.createAccount(tx, kind); });
    }
    Result<QList<Money>> lockBalances(const QList<qint64>& ids) const
    {
        return sb::Transaction::run(
            m_db, [&](sb::Transaction& tx) { return m_ledger.lockBalances(tx, ids); });
    }
    Result<Money> balance(qint64 id) const { return m_ledger.balance(id); }
    Result<Ledger::Totals> totals() const { return m_ledger.totals(); }
    Result<QList<qint64>> inconsistentAccounts() const { return m_ledger.inconsistentAccounts(); }

private:
    sb::Database m_db;
    Ledger m_ledger;
};
} // namespace

class TestLedger : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void companyIsFirstAccount_data() { sbt::addEngineRows(); }
    void companyIsFirstAccount();
    void transferWritesOneEntry_data() { sbt::addEngineRows(); }
    void transferWritesOneEntry();
    void transferRefusesNonPositive_data() { sbt::addEngineRows(); }
    void transferRefusesNonPositive();
    void transferRefusesOverdraft_data() { sbt::addEngineRows(); }
    void transferRefusesOverdraft();
    void chargeMayOweButNotTheCompany_data() { sbt::addEngineRows(); }
    void chargeMayOweButNotTheCompany();
    void transferToUnknownAccount_data() { sbt::addEngineRows(); }
    void transferToUnknownAccount();
    void lockBalancesKeepsOrder_data() { sbt::addEngineRows(); }
    void lockBalancesKeepsOrder();
    void createAccountIds_data() { sbt::addEngineRows(); }
    void createAccountIds();
    void totalsAfterScenario_data() { sbt::addEngineRows(); }
    void totalsAfterScenario();
    void checksCatchTampering_data() { sbt::addEngineRows(); }
    void checksCatchTampering();
    void transferToManyDebitsOnce_data() { sbt::addEngineRows(); }
    void transferToManyDebitsOnce();
    void transferToManyRefused_data() { sbt::addEngineRows(); }
    void transferToManyRefused();
};

void TestLedger::companyIsFirstAccount()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QCOMPARE(Ledger::CompanyAccount, qint64(1));
    auto b = Ledger(*e.ctx).balance(Ledger::CompanyAccount);
    SB_VERIFY_OK(b);
    QCOMPARE(*b, Money());
    auto missing = Ledger(*e.ctx).balance(999);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
}

void TestLedger::transferWritesOneEntry()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    auto member = ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(member);
    {
        const Ledger inTx(*e.ctx);
        auto tx = sb::Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(inTx.transfer(tx.value(), 0, Ledger::CompanyAccount, Money::fromCents(10000),
                                   QStringLiteral("topup"), QStringLiteral("INV-1"),
                                   QStringLiteral("first")));
        SB_VERIFY_OK(inTx.transfer(tx.value(), Ledger::CompanyAccount, *member,
                                   Money::fromCents(2550), QStringLiteral("allocation")));
        SB_VERIFY_OK(inTx.transfer(tx.value(), *member, 0, Money::fromCents(50),
                                   QStringLiteral("charge"), QString(), QStringLiteral("call")));
        SB_VERIFY_OK(tx->commit());
    }
    QCOMPARE(*ledger.balance(Ledger::CompanyAccount), Money::fromCents(7450));
    QCOMPARE(*ledger.balance(*member), Money::fromCents(2500));
    const QString m = QString::number(*member);
    QCOMPARE(
        sbt::rows(
            e.db(),
            QStringLiteral(
                "SELECT at, from_account, to_account, amount_cents, kind, actor, reference, note"
                " FROM ledger ORDER BY id")),
        (QStringList{
            QStringLiteral("2026-03-10T12:00:00Z|NULL|1|10000|topup|tester|INV-1|first"),
            QStringLiteral("2026-03-10T12:00:00Z|1|%1|2550|allocation|tester||").arg(m),
            QStringLiteral("2026-03-10T12:00:00Z|%1|NULL|50|charge|tester||call").arg(m)}));
    SB_VERIFY_BOOKS(*e.ctx);
    auto totals = ledger.totals();
    SB_VERIFY_OK(totals);
    QCOMPARE(totals->toppedUp, Money::fromCents(10000));
    QCOMPARE(totals->spent, Money::fromCents(50));
    QCOMPARE(totals->balances, Money::fromCents(9950));
}

// There is no reverse transfer: a negative or zero amount is refused, so credit given to a
// member cannot be pulled back by "transferring" a negative amount.
void TestLedger::transferRefusesNonPositive()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    auto member = ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(member);
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(1000),
                                 QStringLiteral("topup")));
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(400),
                                 QStringLiteral("allocation")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    for (qint64 cents : {qint64(0), qint64(-1), qint64(-400)}) {
        auto r = ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(cents),
                                 QStringLiteral("allocation"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QCOMPARE(*ledger.balance(*member), Money::fromCents(400));
}

void TestLedger::transferRefusesOverdraft()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    auto member = ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(member);
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(1000),
                                 QStringLiteral("topup")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(1001),
                             QStringLiteral("allocation"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Refused);
    auto out = ledger.transfer(*member, 0, Money::fromCents(1), QStringLiteral("charge"));
    QVERIFY(!out.ok());
    QCOMPARE(out.error().kind, Error::Kind::Refused);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    // Exactly the balance is fine and leaves zero.
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(1000),
                                 QStringLiteral("allocation")));
    QCOMPARE(*ledger.balance(Ledger::CompanyAccount), Money());
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestLedger::transferToUnknownAccount()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(1000),
                                 QStringLiteral("topup")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    // Inside the caller's transaction, as every service does: the failed transfer's debit
    // goes with the rollback.
    auto r = sb::Transaction::run(e.db(), [&](sb::Transaction& tx) {
        return Ledger(*e.ctx).transfer(tx, Ledger::CompanyAccount, 4242, Money::fromCents(10),
                                       QStringLiteral("allocation"));
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::NotFound);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    auto lock = ledger.lockBalances({Ledger::CompanyAccount, 4242});
    QVERIFY(!lock.ok());
    QCOMPARE(lock.error().kind, Error::Kind::NotFound);
}

void TestLedger::lockBalancesKeepsOrder()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    auto a = ledger.createAccount(QStringLiteral("member"));
    auto b = ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(a);
    SB_VERIFY_OK(b);
    SB_VERIFY_OK(
        ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(900), QStringLiteral("topup")));
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *a, Money::fromCents(100),
                                 QStringLiteral("allocation")));
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *b, Money::fromCents(300),
                                 QStringLiteral("allocation")));
    auto tx = sb::Transaction::begin(e.db());
    SB_VERIFY_OK(tx);
    auto locked = Ledger(*e.ctx).lockBalances(tx.value(), {*b, Ledger::CompanyAccount, *a, *b});
    SB_VERIFY_OK(locked);
    QCOMPARE(*locked, (QList<Money>{Money::fromCents(300), Money::fromCents(500),
                                    Money::fromCents(100), Money::fromCents(300)}));
}

void TestLedger::createAccountIds()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    auto a = ledger.createAccount(QStringLiteral("member"));
    auto b = ledger.createAccount(QStringLiteral("profile"));
    SB_VERIFY_OK(a);
    SB_VERIFY_OK(b);
    QCOMPARE(*a, qint64(2));
    QCOMPARE(*b, qint64(3));
    QCOMPARE(sbt::rows(e.db(),
                       QStringLiteral("SELECT id, kind, balance_cents FROM accounts ORDER BY id")),
             (QStringList{QStringLiteral("1|company|0"), QStringLiteral("2|member|0"),
                          QStringLiteral("3|profile|0")}));
    auto bad = ledger.createAccount(QStringLiteral("pirate"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, Error::Kind::Storage);
}

void TestLedger::totalsAfterScenario()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::CompanyService company(*e.ctx);
    const sb::MemberService members(*e.ctx);
    const sb::CreditService credit(*e.ctx);
    SB_VERIFY_OK(company.topUp(Money::fromCents(100000), QStringLiteral("T1")));
    SB_VERIFY_OK(members.add({QStringLiteral("anna.berg"), QStringLiteral("Anna Berg"), {}, {}}));
    SB_VERIFY_OK(members.add({QStringLiteral("bjorn.dahl"), QStringLiteral("Bjørn Dahl"), {}, {}}));
    SB_VERIFY_OK(credit.allocate(Money::fromCents(3000),
                                 {QStringLiteral("anna.berg"), QStringLiteral("bjorn.dahl")}));
    SB_VERIFY_OK(credit.setAutoRecharge(QStringLiteral("anna.berg"), Money::fromCents(1000),
                                        Money::fromCents(2000), Money::fromCents(5000)));
    SB_VERIFY_OK(credit.charge(QStringLiteral("anna.berg"), Money::fromCents(1500),
                               QStringLiteral("calls")));
    SB_VERIFY_OK(credit.charge(QStringLiteral("bjorn.dahl"), Money::fromCents(2999),
                               QStringLiteral("calls")));
    // anna: 3000 - 1500 = 1500 < 2000 -> +1000 = 2500; bjorn: 1; company: 100000 - 6000 - 1000.
    auto totals = sb::Ledger(*e.ctx).totals();
    SB_VERIFY_OK(totals);
    QCOMPARE(totals->toppedUp, Money::fromCents(100000));
    QCOMPARE(totals->spent, Money::fromCents(4499));
    QCOMPARE(totals->balances, Money::fromCents(95501));
    QCOMPARE(*company.balance(), Money::fromCents(93000));
    SB_VERIFY_BOOKS(*e.ctx);
}

// The checks are not vacuous: a balance changed behind the ledger's back is found.
void TestLedger::checksCatchTampering()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    e.skipBooksCheck();
    const OwnTransactions ledger(*e.ctx);
    auto member = ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(member);
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(1000),
                                 QStringLiteral("topup")));
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(300),
                                 QStringLiteral("allocation")));
    SB_VERIFY_BOOKS(*e.ctx);
    SB_VERIFY_OK(e.db().run(
        QStringLiteral("UPDATE accounts SET balance_cents = balance_cents + 1 WHERE id = ?"),
        {*member}));
    auto bad = ledger.inconsistentAccounts();
    SB_VERIFY_OK(bad);
    QCOMPARE(*bad, QList<qint64>{*member});
    auto totals = ledger.totals();
    SB_VERIFY_OK(totals);
    QCOMPARE(totals->toppedUp - totals->spent, Money::fromCents(1000));
    QCOMPARE(totals->balances, Money::fromCents(1001));
    QVERIFY(!sbt::booksProblem(*e.ctx).isEmpty());
}

// A bulk allocation: the same entries as one transfer each, the payer debited once.
void TestLedger::transferToManyDebitsOnce()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i)
        ids << *ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(10000),
                                 QStringLiteral("topup")));
    SB_VERIFY_OK(ledger.transferToMany(Ledger::CompanyAccount,
                                       {{ids[0], Money::fromCents(1000)},
                                        {ids[1], Money::fromCents(2000)},
                                        {ids[2], Money::fromCents(3000)}},
                                       QStringLiteral("allocation")));
    QCOMPARE(*ledger.balance(Ledger::CompanyAccount), Money::fromCents(4000));
    QCOMPARE(*ledger.balance(ids[0]), Money::fromCents(1000));
    QCOMPARE(*ledger.balance(ids[1]), Money::fromCents(2000));
    QCOMPARE(*ledger.balance(ids[2]), Money::fromCents(3000));
    QCOMPARE(sbt::rows(e.db(),
                       QStringLiteral(
                           "SELECT from_account, to_account, amount_cents, kind, actor FROM ledger"
                           " WHERE kind = 'allocation' ORDER BY id")),
             (QStringList{QStringLiteral("1|%1|1000|allocation|tester").arg(ids[0]),
                          QStringLiteral("1|%1|2000|allocation|tester").arg(ids[1]),
                          QStringLiteral("1|%1|3000|allocation|tester").arg(ids[2])}));
    // Nothing to move is fine and moves nothing.
    const sbt::Snapshot before = sbt::snapshot(e.db());
    SB_VERIFY_OK(ledger.transferToMany(Ledger::CompanyAccount, {}, QStringLiteral("allocation")));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestLedger::transferToManyRefused()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    const qint64 a = *ledger.createAccount(QStringLiteral("member"));
    const qint64 b = *ledger.createAccount(QStringLiteral("member"));
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(5000),
                                 QStringLiteral("topup")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    // Each fits, both together do not: nobody gets anything.
    auto tooMuch = ledger.transferToMany(Ledger::CompanyAccount,
                                         {{a, Money::fromCents(3000)}, {b, Money::fromCents(2001)}},
                                         QStringLiteral("allocation"));
    QVERIFY(!tooMuch.ok());
    QCOMPARE(tooMuch.error().kind, Error::Kind::Refused);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    for (qint64 bad : {qint64(0), qint64(-1)}) {
        auto r = ledger.transferToMany(Ledger::CompanyAccount,
                                       {{a, Money::fromCents(100)}, {b, Money::fromCents(bad)}},
                                       QStringLiteral("allocation"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
    auto overflow = ledger.transferToMany(
        Ledger::CompanyAccount,
        {{a, Money::fromCents(std::numeric_limits<qint64>::max())}, {b, Money::fromCents(1)}},
        QStringLiteral("allocation"));
    QVERIFY(!overflow.ok());
    QCOMPARE(overflow.error().kind, Error::Kind::Invalid);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    // An unknown account, inside the caller's transaction: all rolled back.
    auto unknown = sb::Transaction::run(e.db(), [&](sb::Transaction& tx) {
        return Ledger(*e.ctx).transferToMany(
            tx, Ledger::CompanyAccount, {{a, Money::fromCents(100)}, {4242, Money::fromCents(100)}},
            QStringLiteral("allocation"));
    });
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

// A call charge takes a member's or a profile's balance below zero and writes its entry; the
// company's is refused, and so are amounts not above zero; an owing member cannot transfer.
void TestLedger::chargeMayOweButNotTheCompany()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const OwnTransactions ledger(*e.ctx);
    auto member = ledger.createAccount(QStringLiteral("member"));
    auto profile = ledger.createAccount(QStringLiteral("profile"));
    SB_VERIFY_OK(member);
    SB_VERIFY_OK(profile);
    SB_VERIFY_OK(ledger.transfer(0, Ledger::CompanyAccount, Money::fromCents(1000),
                                 QStringLiteral("topup")));
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(100),
                                 QStringLiteral("allocation")));
    SB_VERIFY_OK(ledger.charge(*member, Money::fromCents(250)));
    SB_VERIFY_OK(ledger.charge(*profile, Money::fromCents(1)));
    QCOMPARE(ledger.balance(*member).value(), Money::fromCents(-150));
    QCOMPARE(ledger.balance(*profile).value(), Money::fromCents(-1));
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT from_account, to_account, amount_cents,"
                                              " kind, reference FROM ledger WHERE kind = 'call'"
                                              " ORDER BY id")),
             (QStringList{QStringLiteral("%1|NULL|250|call|u-1").arg(*member),
                          QStringLiteral("%1|NULL|1|call|u-1").arg(*profile)}));
    const auto before = sbt::snapshot(e.db());
    auto company = ledger.charge(Ledger::CompanyAccount, Money::fromCents(1));
    QVERIFY(!company.ok());
    QCOMPARE(company.error().kind, Error::Kind::Refused);
    QVERIFY(!ledger.charge(*member, Money()).ok());
    QVERIFY(!ledger.charge(*member, Money::fromCents(-5)).ok());
    QVERIFY(!ledger.charge(9999, Money::fromCents(5)).ok());
    QVERIFY(!ledger.transfer(*member, 0, Money::fromCents(1), QStringLiteral("x")).ok());
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    // Credit to an owing account raises it, as any other.
    SB_VERIFY_OK(ledger.transfer(Ledger::CompanyAccount, *member, Money::fromCents(200),
                                 QStringLiteral("allocation")));
    QCOMPARE(ledger.balance(*member).value(), Money::fromCents(50));
    auto totals = ledger.totals();
    SB_VERIFY_OK(totals);
    QCOMPARE(totals->owed, Money::fromCents(1));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
