// Migrations: the versioned schema. Fresh databases reach the latest version, a migrated one
// stays as it is, a newer one is refused untouched, and copies of the program starting at
// the same moment on one fresh database make the schema exactly once.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"

#include <QAtomicInt>
#include <QMutex>
#include <QSemaphore>
#include <QThread>

#include <memory>

using sb::Database;
using sb::Migrations;

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void latestVersionIsPositive();
    void freshDatabaseAtLatest_data() { sbt::addEngineRows(); }
    void freshDatabaseAtLatest();
    void migrateTwiceChangesNothing_data() { sbt::addEngineRows(); }
    void migrateTwiceChangesNothing();
    void versionZeroIsMigrated_data() { sbt::addEngineRows(); }
    void versionZeroIsMigrated();
    void newerVersionRefused_data() { sbt::addEngineRows(); }
    void newerVersionRefused();
    void concurrentFirstOpen_data() { sbt::addEngineRows(); }
    void concurrentFirstOpen();
    void activityWrittenBeforeSearchKeyIsFound_data() { sbt::addEngineRows(); }
    void activityWrittenBeforeSearchKeyIsFound();
};

void TestMigrations::latestVersionIsPositive()
{
    QVERIFY(Migrations::latestVersion() >= 1);
}

void TestMigrations::freshDatabaseAtLatest()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QCOMPARE(Migrations::currentVersion(e.db()), Migrations::latestVersion());
}

void TestMigrations::migrateTwiceChangesNothing()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sbt::Snapshot before = sbt::snapshot(e.db());
    const QStringList meta =
        sbt::rows(e.db(), QStringLiteral("SELECT key, value FROM schema_meta"));
    SB_VERIFY_OK(Migrations::migrate(e.db()));
    SB_VERIFY_OK(Migrations::migrate(e.db()));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT key, value FROM schema_meta")), meta);
}

// A database whose schema_meta says 0 (made by a copy that stopped right after creating it)
// is brought forward like an empty one.
void TestMigrations::versionZeroIsMigrated()
{
    QFETCH(QString, engine);
    sb::test::TestDatabase t(engine);
    if (!t.ok()) {
        if (sb::test::TestDatabase::postgresRequired())
            QFAIL(qPrintable(t.error()));
        QSKIP(qPrintable(t.error()));
    }
    {
        sbt::RawConnection raw(t.spec());
        QVERIFY(raw.ok());
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE schema_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")));
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO schema_meta (key, value) VALUES ('version', '0')")));
    }
    auto db = Database::open(t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(sbt::count(*db, QStringLiteral("schema_meta")), 1);
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT id, kind, balance_cents FROM accounts")),
             QStringList{QStringLiteral("1|company|0")});
}

void TestMigrations::newerVersionRefused()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const int newer = Migrations::latestVersion() + 1;
    SB_VERIFY_OK(
        e.db().run(QStringLiteral("UPDATE schema_meta SET value = ? WHERE key = 'version'"),
                   {QString::number(newer)}));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto r = Migrations::migrate(e.db());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, sb::Error::Kind::Refused);
    QVERIFY2(r.error().message.contains(QLatin1String("newer")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QString::number(newer)), qPrintable(r.error().message));
    QCOMPARE(Migrations::currentVersion(e.db()), newer);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
}

// Several admins' copies starting at once on a fresh shared database: every one opens it,
// and the schema (with its single company account) is made once.
void TestMigrations::concurrentFirstOpen()
{
    QFETCH(QString, engine);
    sb::test::TestDatabase t(engine);
    if (!t.ok()) {
        if (sb::test::TestDatabase::postgresRequired())
            QFAIL(qPrintable(t.error()));
        QSKIP(qPrintable(t.error()));
    }
    constexpr int kCopies = 4;
    QSemaphore ready;
    QSemaphore go;
    QStringList errors;
    QMutex errorsMutex;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kCopies; ++i) {
        threads.emplace_back(QThread::create([&] {
            ready.release();
            go.acquire();
            auto db = Database::open(t.spec());
            if (!db) {
                QMutexLocker lock(&errorsMutex);
                errors << db.error().message;
            }
        }));
        threads.back()->start();
    }
    ready.acquire(kCopies);
    go.release(kCopies);
    for (auto& th : threads)
        QVERIFY(th->wait(60000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));

    auto db = Database::open(t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(sbt::count(*db, QStringLiteral("schema_meta")), 1);
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT id, kind, balance_cents FROM accounts")),
             QStringList{QStringLiteral("1|company|0")});
}

// Step 3 gave the activity log a search key; lines written by an older version get one
// from their text, so the search still finds them after the upgrade.
void TestMigrations::activityWrittenBeforeSearchKeyIsFound()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(Migrations::latestVersion() >= 3);
    // Make the database look like version 2 with a line that has no search key.
    QVERIFY(e.db().run(QStringLiteral("ALTER TABLE activity DROP COLUMN search_key")));
    QVERIFY(e.db().run(
        QStringLiteral("INSERT INTO activity (at, actor, action, subject, details) VALUES"
                       " ('2026-01-05T10:00:00Z', 'Old Admin', 'credit.allocate', 'jan.kowalski', "
                       "'Allocated 5.00')")));
    QVERIFY(e.db().run(QStringLiteral("UPDATE schema_meta SET value = '2' WHERE key = 'version'")));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    const sb::Context ctx{*db, &e.clock, QStringLiteral("tester")};
    for (const QString& needle :
         {QStringLiteral("KOWALSKI"), QStringLiteral("old admin"), QStringLiteral("Allocate")}) {
        auto found = sb::ActivityLog(ctx).page(0, 10, needle);
        SB_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().subject, QStringLiteral("jan.kowalski"));
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
