// IndexSetAside: a table's secondary indexes dropped for a bulk insert and made again from
// their own SQL in the same transaction (SQLite); a constraint's index stays; a rollback
// brings them back; PostgreSQL keeps them (dropping would lock out every reader).

#include "tests/support/CoreTest.h"

#include "core/members/MemberService.h"
#include "core/storage/IndexSetAside.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

using sb::IndexSetAside;

namespace {

// The calls table's indexes as sqlite_master (or pg_indexes) lists them: "name|sql".
QStringList indexes(const sb::Database& db)
{
    if (db.isPostgres())
        return sbt::rows(db, QStringLiteral("SELECT indexname, indexdef FROM pg_indexes WHERE"
                                            " tablename = 'calls' ORDER BY indexname"));
    return sbt::rows(db, QStringLiteral("SELECT name, COALESCE(sql, '') FROM sqlite_master"
                                        " WHERE type = 'index' AND tbl_name = 'calls'"
                                        " ORDER BY name"));
}

// The members table's search triggers: "name|sql".
QStringList searchTriggers(const sb::Database& db)
{
    return sbt::rows(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type ="
                                        " 'trigger' AND name LIKE 'members_search%'"
                                        " ORDER BY name"));
}

} // namespace

class TestIndexSetAside : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void worthItForAGoodPartOfTheTable()
    {
        QVERIFY(!IndexSetAside::worthIt(19999, 0));
        QVERIFY(IndexSetAside::worthIt(20000, 0));
        QVERIFY(IndexSetAside::worthIt(250000, 1000000));
        QVERIFY(!IndexSetAside::worthIt(249999, 1000000));
        QVERIFY(IndexSetAside::worthIt(1000000, 1000000));
    }

    void dropsAndMakesAgain_data() { sbt::addEngineRows(); }
    void dropsAndMakesAgain()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const sb::Database& db = e.db();
        const QStringList before = indexes(db);
        QVERIFY(before.size() > 5);
        {
            auto tx = sb::Transaction::begin(db);
            SB_VERIFY_OK(tx);
            auto aside = IndexSetAside::drop(tx.value(), QStringLiteral("calls"));
            SB_VERIFY_OK(aside);
            if (db.isPostgres()) {
                QCOMPARE(aside->count(), 0);
                QCOMPARE(indexes(db), before);
                return;
            }
            QCOMPARE(aside->count(), before.size() - 1);
            // Only the UNIQUE constraint's own index (no SQL) is left.
            QCOMPARE(indexes(db), QStringList{QStringLiteral("sqlite_autoindex_calls_1|")});
            SB_VERIFY_OK(aside->restore(tx.value()));
            QCOMPARE(aside->count(), 0);
            QCOMPARE(indexes(db), before);
            SB_VERIFY_OK(aside->restore(tx.value())); // nothing left to restore
            SB_VERIFY_OK(tx->commit());
        }
        QCOMPARE(indexes(db), before);
    }

    // A unique index is a rule the rows inserted meanwhile must keep: it stays; and a table
    // with more rows than four times the insert keeps everything.
    void keepsUniqueIndexesAndSmallInserts()
    {
        SB_ENV(e, QStringLiteral("sqlite"));
        const sb::Database& db = e.db();
        SB_VERIFY_OK(db.run(QStringLiteral("CREATE UNIQUE INDEX calls_one_per_start ON"
                                           " calls(started_at, source)")));
        auto tx = sb::Transaction::begin(db);
        SB_VERIFY_OK(tx);
        auto none = IndexSetAside::dropIfWorthIt(tx.value(), QStringLiteral("calls"), 19999);
        SB_VERIFY_OK(none);
        QCOMPARE(none->count(), 0);
        const qsizetype all = indexes(db).size();
        auto aside = IndexSetAside::dropIfWorthIt(tx.value(), QStringLiteral("calls"), 20000);
        SB_VERIFY_OK(aside);
        QCOMPARE(aside->count(), all - 2);
        QCOMPARE(indexes(db),
                 QStringList({QStringLiteral("calls_one_per_start|CREATE UNIQUE INDEX"
                                             " calls_one_per_start ON calls(started_at, source)"),
                              QStringLiteral("sqlite_autoindex_calls_1|")}));
        SB_VERIFY_OK(aside->restore(tx.value()));
        QCOMPARE(indexes(db).size(), all);
    }

    // An empty table's search index is built in one pass at restore(): its triggers are
    // dropped meanwhile and made again after, and what the rows became meanwhile (changed,
    // deleted) is what is indexed. A table with rows keeps its triggers; a rollback brings
    // them back.
    void searchIndexOfAnEmptyTable()
    {
        SB_ENV(e, QStringLiteral("sqlite"));
        const sb::Database& db = e.db();
        const QStringList triggers = searchTriggers(db);
        QCOMPARE(triggers.size(), 3);
        const auto count = [&](const QString& needle) {
            auto n = sb::SearchIndex::count(db, QStringLiteral("members"), {needle});
            return n ? *n : -1;
        };
        {
            auto tx = sb::Transaction::begin(db);
            SB_VERIFY_OK(tx);
            auto aside = IndexSetAside::drop(tx.value(), QStringLiteral("members"));
            SB_VERIFY_OK(aside);
            QVERIFY(aside->searchSetAside());
            QVERIFY(searchTriggers(db).isEmpty());
        } // not committed
        QCOMPARE(searchTriggers(db), triggers);

        const sb::MemberService members(*e.ctx);
        {
            auto tx = sb::Transaction::begin(db);
            SB_VERIFY_OK(tx);
            auto aside = IndexSetAside::drop(tx.value(), QStringLiteral("members"));
            SB_VERIFY_OK(aside);
            QVERIFY(aside->searchSetAside());
            QList<sb::ReadyMember> added;
            for (const char* account : {"solveig.aas", "sophie.leroy", "sander.jansen"})
                added.append(sb::MemberService::ready({QString::fromLatin1(account),
                                                       QStringLiteral("Someone"), QString(),
                                                       QStringLiteral("Sales")}));
            SB_VERIFY_OK(members.insertMany(tx.value(), added));
            SB_VERIFY_OK(db.run(QStringLiteral("UPDATE members SET search_key = 'renamed' WHERE"
                                               " account_name = 'sophie.leroy'")));
            SB_VERIFY_OK(
                db.run(QStringLiteral("DELETE FROM members WHERE account_name = 'sander.jansen'")));
            QCOMPARE(count(QStringLiteral("solveig")), 0); // not indexed yet
            SB_VERIFY_OK(aside->restore(tx.value()));
            QVERIFY(!aside->searchSetAside());
            QCOMPARE(searchTriggers(db), triggers);
            SB_VERIFY_OK(tx->commit());
        }
        QCOMPARE(count(QStringLiteral("solveig")), 1);
        QCOMPARE(count(QStringLiteral("sophie")), 0);
        QCOMPARE(count(QStringLiteral("renamed")), 1);
        QCOMPARE(count(QStringLiteral("sander")), 0);
        QCOMPARE(count(QStringLiteral("sales")), 1);
        SB_VERIFY_OK(db.run(QStringLiteral(
            "INSERT INTO members_search(members_search) VALUES ('integrity-check')")));
        {
            // Built under a larger hash, which is set back to FTS5's default for the triggers.
            auto hashSize = db.runFirst(
                QStringLiteral("SELECT v FROM members_search_config WHERE k = 'hashsize'"));
            SB_VERIFY_OK(hashSize);
            QCOMPARE(hashSize->value(0).toLongLong(), qint64(1024 * 1024));
        }

        // Rows already there: the triggers stay and keep the index in step.
        auto tx = sb::Transaction::begin(db);
        SB_VERIFY_OK(tx);
        auto aside = IndexSetAside::drop(tx.value(), QStringLiteral("members"));
        SB_VERIFY_OK(aside);
        QVERIFY(!aside->searchSetAside());
        QCOMPARE(searchTriggers(db), triggers);
        SB_VERIFY_OK(members.insertMany(
            tx.value(),
            {sb::MemberService::ready({QStringLiteral("signe.berg"), QStringLiteral("Signe Berg"),
                                       QString(), QString()})}));
        QCOMPARE(count(QStringLiteral("signe")), 1);
        SB_VERIFY_OK(aside->restore(tx.value()));
        SB_VERIFY_OK(tx->commit());
    }

    void rollbackBringsThemBack()
    {
        SB_ENV(e, QStringLiteral("sqlite"));
        const sb::Database& db = e.db();
        const QStringList before = indexes(db);
        {
            auto tx = sb::Transaction::begin(db);
            SB_VERIFY_OK(tx);
            auto aside = IndexSetAside::drop(tx.value(), QStringLiteral("calls"));
            SB_VERIFY_OK(aside);
            QVERIFY(aside->count() > 5);
            QCOMPARE(indexes(db).size(), 1);
        } // not committed
        QCOMPARE(indexes(db), before);
    }
};

QTEST_GUILESS_MAIN(TestIndexSetAside)
#include "tst_indexsetaside.moc"
