// SearchIndex: search as you type over folded keys (FTS5 trigram on SQLite, pg_trgm on
// PostgreSQL). A property test on a generated account whose names hold the five languages'
// letters: every service's search returns exactly the rows whose folded text contains the
// folded search (three characters or more) or whose key starts with it (one or two), as the
// old LIKE over the text did; and the index follows inserts, renames, holder and department
// changes and deletes.

#include "tests/support/CoreTest.h"

#include "core/base/SearchText.h"
#include "core/books/ActivityLog.h"
#include "core/calls/CallHistory.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/SearchIndex.h"

#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>

using namespace sb;

namespace {

QString u(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// What the old LIKE matched, on folded text: a needle of three characters or more anywhere
// in one of the fields; a shorter one at the start of the first field.
bool matches(const QStringList& fields, const QString& needle)
{
    if (needle.isEmpty() || fields.isEmpty())
        return false;
    if (needle.toUcs4().size() < 3)
        return SearchText::fold(fields.first()).startsWith(needle);
    for (const QString& f : fields) {
        if (SearchText::fold(f).contains(needle))
            return true;
    }
    return false;
}

QString digitsOf(const QString& e164)
{
    return e164.startsWith(QLatin1Char('+')) ? e164.mid(1) : e164;
}

// Searches as typed: pieces of the stored texts (1 to 6 characters), in capitals, plus the
// five languages' letters typed with and without their accents, and searches that match
// nothing.
QStringList needlesFrom(const QList<QStringList>& rows, quint32 seed)
{
    QRandomGenerator rng(seed);
    QStringList out = {u("ø"),      u("Øy"),     u("oyst"),  u("ØDEGÅRD"), u("odegard"),
                       u("å"),      u("ærø"),    u("aero"),  u("łódź"),    u("LODZ"),
                       u("ł"),      u("émile"),  u("EMILE"), u("crème"),   u("ĳs"),
                       u("ijssel"), u("IJSSEL"), u("æ"),     u("sales"),   u("zqxj"),
                       u("+1 212"), u("4722"),   u("100%"),  u("a_b"),     u("\"quoted\"")};
    for (int i = 0; i < 60 && !rows.isEmpty(); ++i) {
        const QStringList& row = rows.at(rng.bounded(int(rows.size())));
        const QString field = row.at(rng.bounded(int(row.size())));
        if (field.isEmpty())
            continue;
        const int len = 1 + rng.bounded(6);
        const int at = rng.bounded(qMax(1, int(field.size()) - len + 1));
        QString piece = field.mid(at, len).trimmed();
        if (rng.bounded(3) == 0)
            piece = piece.toUpper();
        if (!piece.isEmpty())
            out << piece;
    }
    return out;
}

// A service's answer by value (a failure is a warning and nothing): safe to loop over.
template<typename T> T valueOf(sb::Result<T> r)
{
    if (!r) {
        qWarning("%s", qPrintable(r.error().message));
        return T{};
    }
    return std::move(r).value();
}

QString describe(QStringList l)
{
    l.sort();
    return l.join(QStringLiteral(", "));
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

    // A demo account plus members and SIP profiles named in the five languages.
    static void fill(sbt::Env& e)
    {
        DemoGenerator::Options o;
        o.members = 120;
        o.profiles = 6;
        o.numbers = 60;
        o.calls = 300;
        o.seed = 11;
        auto s = DemoGenerator(*e.ctx).generate(o);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        const MemberService members(*e.ctx);
        const QList<NewMember> named = {
            {QStringLiteral("oystein.odegard"), u("Øystein Ødegård"), u("oystein@example.no"),
             u("Salg Øst")},
            {QStringLiteral("ase.aero"), u("Åse Ærø"), u("ase@example.no"), u("Drift")},
            {QStringLiteral("lukasz.lodz"), u("Łukasz Łódź"), u("lukasz@example.pl"),
             u("Sprzedaż")},
            {QStringLiteral("emile.creme"), u("Émile Crème"), u("emile@example.fr"),
             u("Ventes Érable")},
            {QStringLiteral("ijsbrand.ijssel"), u("Ĳsbrand van Ĳssel"), u("ij@example.nl"),
             u("Verkoop")},
            {QStringLiteral("odd.100pct"), u("Odd 100% a_b \"quoted\""), u("odd@example.com"),
             u("Sales")},
        };
        for (const NewMember& m : named)
            QVERIFY(members.add(m).ok());
        const ProfileService profiles(*e.ctx);
        auto list = profiles.list();
        QVERIFY(list.ok() && list->size() >= 3);
        QVERIFY(profiles.rename(list->at(0).name, u("Ærø Øst Sentralbord")).ok());
        QVERIFY(profiles.rename(list->at(1).name, u("Łódź Główna")).ok());
        QVERIFY(profiles.rename(list->at(2).name, u("Ĳmuiden Crème")).ok());
    }

private slots:
    void searchEqualsSubstringOfFoldedText_data()
    {
        // A page reads a search matching many rows in its own order, testing each key: with
        // `commonRows` 1 every search that matches anything is read so on this small account.
        QTest::addColumn<QString>("engine");
        QTest::addColumn<qint64>("commonRows");
        for (const QString& e : sb::test::TestDatabase::engines()) {
            QTest::newRow(qPrintable(e + QStringLiteral(" through the index")))
                << e << qint64(2000);
            QTest::newRow(qPrintable(e + QStringLiteral(" in page order"))) << e << qint64(1);
        }
    }
    void searchEqualsSubstringOfFoldedText()
    {
        QFETCH(QString, engine);
        QFETCH(qint64, commonRows);
        SearchIndex::setCommonRows(commonRows);
        const auto restore = qScopeGuard([] { SearchIndex::setCommonRows(2000); });
        sbt::Env e(engine);
        QVERIFY2(e.t.ok(), qPrintable(e.t.error()));
        e.open();
        fill(e);
        if (QTest::currentTestFailed())
            return;
        const Context& ctx = *e.ctx;
        // Searches that found something, per table: the comparisons are not all of nothing.
        int hits = 0;
        const auto someFound = [&](const char* table) {
            QVERIFY2(hits >= 10, table);
            hits = 0;
        };

        // Members: account, name, e-mail, department.
        const MemberService members(ctx);
        MemberQuery all;
        all.limit = 100000;
        const QList<Member> everyMember = valueOf(members.page(all));
        QList<QStringList> memberRows;
        QHash<QString, QString> displayName;
        for (const Member& m : everyMember) {
            memberRows << QStringList{m.account, m.name, m.email, m.department};
            displayName.insert(m.account, m.name);
        }
        for (const QString& search : needlesFrom(memberRows, 1)) {
            const QString needle = SearchText::fold(search.trimmed());
            QStringList expected;
            for (const QStringList& r : std::as_const(memberRows))
                if (matches(r, needle))
                    expected << r.first();
            MemberQuery q = all;
            q.search = search;
            QStringList got;
            for (const Member& m : valueOf(members.page(q)))
                got << m.account;
            QCOMPARE(describe(got), describe(expected));
            hits += expected.isEmpty() ? 0 : 1;
            QCOMPARE(valueOf(members.count(search)), qint64(expected.size()));
        }

        someFound("members");

        // Numbers: digits, the holder's account and name, or the SIP profile's name; a search
        // that looks like a number by its digits too.
        const NumberService numbers(ctx);
        NumberQuery allNumbers;
        allNumbers.limit = 100000;
        QList<QStringList> numberRows;
        for (const NumberRecord& n : valueOf(numbers.page(allNumbers))) {
            const bool member = n.holder.kind == NumberHolder::Kind::Member;
            numberRows << QStringList{digitsOf(n.e164), member ? n.holder.name : QString(),
                                      member ? displayName.value(n.holder.name) : QString(),
                                      member ? QString() : n.holder.name, n.e164};
        }
        QVERIFY(!numberRows.isEmpty());
        // One and two digits, which a page sorted by number reads as a range of numbers.
        const QStringList shortDigits{u("1"), u("4"), u("47"), u("9"), u("99"), u("+4"), u(" 3")};
        for (const QString& search : shortDigits + needlesFrom(numberRows, 2)) {
            const QString text = SearchText::fold(search.trimmed());
            const QString digits = SearchText::phoneDigits(search.trimmed());
            QStringList expected;
            for (const QStringList& r : std::as_const(numberRows))
                if (matches(r.mid(0, 4), text) || matches(r.mid(0, 1), digits))
                    expected << r.last();
            NumberQuery q = allNumbers;
            q.search = search;
            QStringList got;
            for (const NumberRecord& n : valueOf(numbers.page(q)))
                got << n.e164;
            QCOMPARE(describe(got), describe(expected));
            hits += expected.isEmpty() ? 0 : 1;
            QCOMPARE(valueOf(numbers.count(q)), qint64(expected.size()));
        }

        someFound("numbers");

        // SIP profiles: name and department.
        const ProfileService profiles(ctx);
        QList<QStringList> profileRows;
        for (const SipProfile& p : valueOf(profiles.list()))
            profileRows << QStringList{p.name, p.department};
        for (const QString& search : needlesFrom(profileRows, 3)) {
            const QString needle = SearchText::fold(search.trimmed());
            QStringList expected;
            for (const QStringList& r : std::as_const(profileRows))
                if (matches(r, needle))
                    expected << r.first();
            QStringList got;
            for (const SipProfile& p : valueOf(profiles.list(search)))
                got << p.name;
            QCOMPARE(describe(got), describe(expected));
            hits += expected.isEmpty() ? 0 : 1;
        }

        someFound("profiles");

        // Activity: subject, kind key, actor and text values; or a kind named so.
        const ActivityLog log(ctx);
        QList<QStringList> activityRows;
        QList<ActivityEntry> entries = valueOf(log.page(100000, QString()));
        for (const ActivityEntry& a : std::as_const(entries)) {
            QStringList r{a.subject, a.key, a.actor};
            for (auto it = a.values.cbegin(); it != a.values.cend(); ++it)
                if (it->typeId() == QMetaType::QString)
                    r << it->toString();
            activityRows << r;
        }
        for (const QString& search : needlesFrom(activityRows, 4)) {
            const QString needle = SearchText::fold(search.trimmed());
            const QList<ActivityKind> kinds = ActivityLog::kindsNamed(search);
            QStringList expected;
            for (qsizetype i = 0; i < entries.size(); ++i)
                if (matches(activityRows.at(i), needle) || kinds.contains(entries.at(i).kind))
                    expected << QString::number(entries.at(i).id);
            QStringList got;
            for (const ActivityEntry& a : valueOf(log.page(100000, search)))
                got << QString::number(a.id);
            QCOMPARE(describe(got), describe(expected));
            hits += expected.isEmpty() ? 0 : 1;
        }

        someFound("activity");

        // Calls: the E.164 digits, the number as dialled, the source; by digits when the
        // search looks like a number.
        const CallHistory calls(ctx);
        CallQuery allCalls;
        allCalls.limit = 100000;
        QList<CallEntry> callEntries = valueOf(calls.page(allCalls));
        QVERIFY(!callEntries.isEmpty());
        QList<QStringList> callRows;
        for (const CallEntry& c : std::as_const(callEntries))
            callRows << QStringList{digitsOf(c.e164), c.destination, c.source};
        for (const QString& search : needlesFrom(callRows, 5)) {
            const QString digits = SearchText::phoneDigits(search.trimmed());
            const QString needle = digits.isEmpty() ? SearchText::fold(search.trimmed()) : digits;
            QStringList expected;
            for (qsizetype i = 0; i < callEntries.size(); ++i)
                if (matches(callRows.at(i), needle))
                    expected << QString::number(callEntries.at(i).id);
            CallQuery q = allCalls;
            q.search = search;
            QStringList got;
            for (const CallEntry& c : valueOf(calls.page(q)))
                got << QString::number(c.id);
            QCOMPARE(describe(got), describe(expected));
            hits += expected.isEmpty() ? 0 : 1;
            QCOMPARE(valueOf(calls.totals(q)).calls, qint64(expected.size()));
        }
        someFound("calls");
    }

    void callTotalsOfACommonSearchAreNotSummed_data() { sbt::addEngineRows(); }
    void callTotalsOfACommonSearchAreNotSummed()
    {
        QFETCH(QString, engine);
        sbt::Env e(engine);
        QVERIFY2(e.t.ok(), qPrintable(e.t.error()));
        e.open();
        DemoGenerator::Options o;
        o.members = 30;
        o.profiles = 2;
        // Enough that the digit most dialled numbers start with ("1": NANP) is in more than
        // the limit.
        o.calls = 3 * CallHistory::SearchTotalsLimit;
        o.seed = 5;
        QVERIFY(DemoGenerator(*e.ctx).generate(o).ok());
        const CallHistory calls(*e.ctx);
        CallQuery q;
        // "1" starts nearly every dialled number's digits here (NANP): more than the limit.
        q.search = QStringLiteral("1");
        QVERIFY(valueOf(calls.count(q)) > CallHistory::SearchTotalsLimit);
        auto capped = calls.searchTotals(q);
        QVERIFY(capped.ok());
        QVERIFY(!capped->has_value());
        // The same with another filter (counted through the rows, not the index alone).
        q.from = QDate(2000, 1, 1);
        capped = calls.searchTotals(q);
        QVERIFY(capped.ok());
        QVERIFY(!capped->has_value());
        // A rarer search has its totals, equal to totals().
        q = CallQuery();
        q.limit = 1;
        const QString digits = valueOf(calls.page(q)).first().e164.mid(1, 6);
        q.search = digits;
        const CallTotals all = valueOf(calls.totals(q));
        QVERIFY(all.calls >= 1 && all.calls <= CallHistory::SearchTotalsLimit);
        auto known = calls.searchTotals(q);
        QVERIFY(known.ok() && known->has_value());
        QCOMPARE((*known)->calls, all.calls);
        QCOMPARE((*known)->price, all.price);
    }

    void pageOfAPrefixIsReadAsTheOrderLiesOnPostgres_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("search");
        QTest::addColumn<SearchIndex::Use>("use");
        QTest::addColumn<bool>("matchesFirst");
        // 8,000 rows: "a" starts 1,800 keys, "b" 100, "c" 3,000. A quarter is 2,000,
        // √(256 × 8,000) about 1,431.
        const struct
        {
            const char* name;
            const char* search;
            SearchIndex::Use use;
            bool matchesFirst;
        } cases[] = {
            {"1800 in the key's order", "a", SearchIndex::Use::PageInKeyOrder, true},
            {"1800 spread through the order", "a", SearchIndex::Use::Page, false},
            {"1800 spread through a keyed order", "a", SearchIndex::Use::PageKeyedOrder, false},
            {"100 spread through the order", "b", SearchIndex::Use::Page, true},
            {"100 in the key's order", "b", SearchIndex::Use::PageInKeyOrder, true},
            {"3000 in the key's order", "c", SearchIndex::Use::PageInKeyOrder, false},
            {"3000 spread through the order", "c", SearchIndex::Use::Page, false},
            {"a count", "b", SearchIndex::Use::Count, false},
        };
        for (const QString& e : sb::test::TestDatabase::engines()) {
            for (const auto& c : cases)
                QTest::newRow(qPrintable(e + QLatin1Char(' ') + QLatin1String(c.name)))
                    << e << QString::fromLatin1(c.search)
                    << c.use
                    // SQLite's planner reads its few matches through the index itself.
                    << (c.matchesFirst && e == QLatin1String("postgresql"));
        }
    }
    void pageOfAPrefixIsReadAsTheOrderLiesOnPostgres()
    {
        QFETCH(QString, engine);
        QFETCH(QString, search);
        QFETCH(SearchIndex::Use, use);
        QFETCH(bool, matchesFirst);
        // The thresholds alone, not their floor of 2,000 rows.
        SearchIndex::setCommonRows(2);
        const auto restore = qScopeGuard([] { SearchIndex::setCommonRows(2000); });
        sbt::Env e(engine);
        QVERIFY2(e.t.ok(), qPrintable(e.t.error()));
        e.open();
        const Database& db = e.db();
        const bool pg = db.isPostgres();
        QVERIFY(db.run(QStringLiteral("CREATE TABLE scratch (id BIGINT PRIMARY KEY,"
                                      " search_key TEXT NOT NULL)"))
                    .ok());
        QVERIFY(db.run(pg ? QStringLiteral("CREATE INDEX scratch_key ON scratch"
                                           " (search_key COLLATE \"C\")")
                          : QStringLiteral("CREATE INDEX scratch_key ON scratch (search_key)"))
                    .ok());
        QVERIFY(db.run(QStringLiteral(
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                           " WHERE i < 8000) INSERT INTO scratch (id, search_key) SELECT i,"
                           " CASE WHEN i <= 1800 THEN 'a' WHEN i <= 1900 THEN 'b'"
                           " WHEN i <= 4900 THEN 'c' ELSE 'd' END || CAST(i AS TEXT) FROM n"))
                    .ok());
        QVariantList binds;
        Keyset::Read read = Keyset::Read::MatchesFirst;
        const QString condition = SearchIndex::predicate(
            db, QStringLiteral("scratch"), QStringLiteral("t"), {search}, &binds, use, &read);
        QCOMPARE(read, matchesFirst ? Keyset::Read::MatchesFirst : Keyset::Read::InOrder);
        // Either way the condition keeps the same rows.
        auto n =
            db.runFirst(QStringLiteral("SELECT COUNT(*) FROM scratch t WHERE ") + condition, binds);
        QVERIFY(n.ok());
        QCOMPARE(n->value(0).toLongLong(), search == QLatin1String("a")   ? qint64(1800)
                                           : search == QLatin1String("b") ? qint64(100)
                                                                          : qint64(3000));
    }

    void indexFollowsChanges_data() { sbt::addEngineRows(); }
    void indexFollowsChanges()
    {
        QFETCH(QString, engine);
        sbt::Env e(engine);
        QVERIFY2(e.t.ok(), qPrintable(e.t.error()));
        e.open();
        fill(e);
        if (QTest::currentTestFailed())
            return;
        const Context& ctx = *e.ctx;
        const MemberService members(ctx);
        const ProfileService profiles(ctx);
        const NumberService numbers(ctx);
        const auto memberHits = [&](const QString& search) {
            MemberQuery q;
            q.search = search;
            QStringList out;
            for (const Member& m : valueOf(members.page(q)))
                out << m.account;
            return out;
        };
        const auto numberHits = [&](const QString& search) {
            NumberQuery q;
            q.search = search;
            QStringList out;
            for (const NumberRecord& n : valueOf(numbers.page(q)))
                out << n.e164;
            return out;
        };
        const auto profileHits = [&](const QString& search) {
            QStringList out;
            for (const SipProfile& p : valueOf(profiles.list(search)))
                out << p.name;
            return out;
        };

        // Insert.
        QVERIFY(memberHits(QStringLiteral("bjornstjerne")).isEmpty());
        QVERIFY(members
                    .add({QStringLiteral("bjorn.bjornson"), u("Bjørnstjerne Bjørnson"),
                          QStringLiteral("bb@example.no"), u("Diktning")})
                    .ok());
        QCOMPARE(memberHits(u("BJØRNSTJERNE")), QStringList{QStringLiteral("bjorn.bjornson")});

        // A department change (no service changes one yet: the key written as they would).
        SB_VERIFY_OK(ctx.db.run(
            QStringLiteral(
                "UPDATE members SET department = ?, search_key = ? WHERE account_key = ?"),
            {u("Økonomi"),
             SearchIndex::memberKey(QStringLiteral("bjorn.bjornson"), u("Bjørnstjerne Bjørnson"),
                                    QStringLiteral("bb@example.no"), u("Økonomi")),
             QStringLiteral("bjorn.bjornson")}));
        QCOMPARE(memberHits(QStringLiteral("okonomi")),
                 QStringList{QStringLiteral("bjorn.bjornson")});
        QVERIFY(memberHits(QStringLiteral("diktning")).isEmpty());

        // A SIP profile's rename: the profile and its numbers are found by the new name only.
        const QString before = u("Ærø Øst Sentralbord");
        const QString after = u("Fjære Kontor");
        QCOMPARE(profileHits(QStringLiteral("sentralbord")), QStringList{before});
        QVERIFY(profiles.rename(before, after).ok());
        QVERIFY(profileHits(QStringLiteral("sentralbord")).isEmpty());
        QCOMPARE(profileHits(QStringLiteral("fjaere")), QStringList{after});
        NumberQuery ofProfile;
        ofProfile.limit = 1000;
        QStringList itsNumbers;
        for (const NumberRecord& n : valueOf(numbers.page(ofProfile)))
            if (n.holder.kind == NumberHolder::Kind::Profile && n.holder.name == after)
                itsNumbers << n.e164;
        QCOMPARE(describe(numberHits(QStringLiteral("fjaere kontor"))), describe(itsNumbers));
        QVERIFY(numberHits(QStringLiteral("sentralbord")).isEmpty());

        // A number's new holder: found by the new holder's name, no longer by the old one's.
        NumberQuery anyNumber;
        anyNumber.limit = 1;
        const NumberRecord n = valueOf(numbers.page(anyNumber)).first();
        QVERIFY(
            numbers.assign(n.e164, NumberHolder::member(QStringLiteral("bjorn.bjornson"))).ok());
        QCOMPARE(numberHits(QStringLiteral("bjornstjerne")), QStringList{n.e164});

        // Deletes: the SIP profile, its calls, and its numbers' mention of it.
        if (!itsNumbers.isEmpty() || true) {
            auto removed = profiles.remove(after);
            QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().message));
            QVERIFY(profileHits(QStringLiteral("fjaere")).isEmpty());
            QVERIFY(numberHits(QStringLiteral("fjaere")).isEmpty());
        }

        // On SQLite the FTS5 tables agree with their content tables, row for row.
        if (!ctx.db.isPostgres()) {
            for (const QString& t : SearchIndex::tables())
                SB_VERIFY_OK(ctx.db.run(
                    QStringLiteral("INSERT INTO %1_search(%1_search) VALUES ('integrity-check')")
                        .arg(t)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
