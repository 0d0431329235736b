// Database: opening by spec (SQLite path, sqlite:PATH, :memory:, postgresql://…), migration
// on open, refusal of a newer schema, refusal of malformed addresses, connection settings.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/stat.h>

using sb::Database;
using sb::Error;

namespace {
const QStringList kTables = {QStringLiteral("accounts"),      QStringLiteral("activity"),
                             QStringLiteral("auto_recharge"), QStringLiteral("ledger"),
                             QStringLiteral("members"),       QStringLiteral("schema_meta")};

QStringList sortedTables(const Database& db)
{
    QStringList t = db.sql().tables();
    t.sort();
    return t;
}

QString pgUrlWithDatabase(const QString& database, const QString& password = {})
{
    QUrl url(qEnvironmentVariable("SWITCHBOARD_TEST_PG"));
    url.setPath(QLatin1Char('/') + database);
    if (!password.isEmpty())
        url.setPassword(password);
    return url.toString();
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void freshOpenMigratesToLatest_data() { sbt::addEngineRows(); }
    void freshOpenMigratesToLatest();
    void reopenIsNoOp_data() { sbt::addEngineRows(); }
    void reopenIsNoOp();
    void newerSchemaRefusedUntouched_data() { sbt::addEngineRows(); }
    void newerSchemaRefusedUntouched();
    void openAnotherSharesData_data() { sbt::addEngineRows(); }
    void openAnotherSharesData();
    void runReportsBadSqlAsError_data() { sbt::addEngineRows(); }
    void runReportsBadSqlAsError();
    void runBindsInOrder_data() { sbt::addEngineRows(); }
    void runBindsInOrder();
    void foreignKeysEnforced_data() { sbt::addEngineRows(); }
    void foreignKeysEnforced();
    void balanceCannotGoNegative_data() { sbt::addEngineRows(); }
    void balanceCannotGoNegative();
    void engineFromSpec_data() { sbt::addEngineRows(); }
    void engineFromSpec();

    void emptySpecRefused();
    void malformedPostgresUrlRefused_data();
    void malformedPostgresUrlRefused();
    void passwordNeverInMessages();
    void postgresDisplaySpecMasksPassword();
    void postgresPlansFollowTableSize();
    void sqliteWalAndForeignKeys();
    void sqlitePrefixAndMemory();
    void sqliteRefusesMissingFolder();
    void sqliteCreatesOwnFolder();
    void wrongSchemeRefused_data();
    void wrongSchemeRefused();
    void schemeCaseIgnored();
    void sqliteNewFileOwnerOnly();
    void sqliteNotADatabaseRefusedUntouched();
    void sqliteOtherApplicationRefusedUntouched_data();
    void sqliteOtherApplicationRefusedUntouched();
    void sqliteNewFileGetsOurApplicationId();
    void damagedSchemaMetaRefusedNotRecreated_data() { sbt::addEngineRows(); }
    void damagedSchemaMetaRefusedNotRecreated();
    void postgresOtherTablesRefusedUntouched();
};

void TestDatabase::freshOpenMigratesToLatest()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(sb::Migrations::latestVersion() >= 1);
    QCOMPARE(e.db().schemaVersion(), sb::Migrations::latestVersion());
    QCOMPARE(sb::Migrations::currentVersion(e.db()), sb::Migrations::latestVersion());
    for (const QString& t : kTables)
        QVERIFY2(e.db().sql().tables().contains(t), qPrintable(t));
    QCOMPARE(e.db().isPostgres(), engine == QLatin1String("postgresql"));
    // The company account is the first account, empty.
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT id, kind, balance_cents FROM accounts")),
             QStringList{QStringLiteral("1|company|0")});
    QCOMPARE(sbt::count(e.db(), QStringLiteral("ledger")), 0);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("members")), 0);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT key, value FROM schema_meta")),
             QStringList{QStringLiteral("version|%1").arg(sb::Migrations::latestVersion())});
}

void TestDatabase::reopenIsNoOp()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_VERIFY_OK(
        sb::CompanyService(*e.ctx).topUp(sb::Money::fromCents(5000), QStringLiteral("R1")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    const QStringList tablesBefore = sortedTables(e.db());
    for (int i = 0; i < 2; ++i) {
        auto again = Database::open(e.t.spec());
        SB_VERIFY_OK(again);
        QCOMPARE(again->schemaVersion(), sb::Migrations::latestVersion());
        SB_VERIFY_OK(sb::Migrations::migrate(*again));
    }
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    QCOMPARE(sortedTables(e.db()), tablesBefore);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("schema_meta")), 1);
    QCOMPARE(
        sbt::scalar(e.db(), QStringLiteral("SELECT COUNT(*) FROM accounts WHERE kind = 'company'"))
            .toInt(),
        1);
}

void TestDatabase::newerSchemaRefusedUntouched()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(sb::Money::fromCents(700), QStringLiteral("R")));
    QVERIFY(e.db().run(QStringLiteral("UPDATE schema_meta SET value='999'")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    const QStringList tablesBefore = sortedTables(e.db());

    auto refused = Database::open(e.t.spec());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("newer")),
             qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(QLatin1String("999")),
             qPrintable(refused.error().message));

    // Looked at through a plain connection: nothing moved.
    sbt::RawConnection raw(e.t.spec());
    QVERIFY(raw.ok());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM schema_meta WHERE key = 'version'"))
                 .toString(),
             QStringLiteral("999"));
    QCOMPARE(raw.tables(), tablesBefore);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));

    // And the refusal is stable: a second attempt says the same.
    auto again = Database::open(e.t.spec());
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::Refused);
}

void TestDatabase::openAnotherSharesData()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto other = e.db().openAnother();
    SB_VERIFY_OK(other);
    QVERIFY(other->sql().connectionName() != e.db().sql().connectionName());
    SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(sb::Money::fromCents(4200), QString()));
    QCOMPARE(sbt::scalar(*other, QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                 .toLongLong(),
             4200);
}

// A failing statement is an Error value, prepared (with values) or not; nothing of it lingers
// on the connection, so the next statement runs normally.
void TestDatabase::runReportsBadSqlAsError()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const QString prefix = Database::tr("Database error: %1").arg(QString());
    auto direct = e.db().run(QStringLiteral("SELEC nothing FROM nowhere"));
    QVERIFY(!direct);
    QCOMPARE(direct.error().kind, Error::Kind::Storage);
    QVERIFY(!direct.error().retryable);
    QVERIFY2(direct.error().message.startsWith(prefix), qPrintable(direct.error().message));
    QVERIFY(direct.error().message.size() > prefix.size());
    auto prepared =
        e.db().run(QStringLiteral("SELECT id FROM no_such_table WHERE id = ?"), {qint64(1)});
    QVERIFY(!prepared);
    QCOMPARE(prepared.error().kind, Error::Kind::Storage);
    QVERIFY2(prepared.error().message.startsWith(prefix), qPrintable(prepared.error().message));
    // A statement yielding no row is an error for runFirst, not for run.
    auto none = e.db().run(QStringLiteral("SELECT id FROM accounts WHERE id = ?"), {qint64(999)});
    SB_VERIFY_OK(none);
    QVERIFY(!none->next());
    auto noRow =
        e.db().runFirst(QStringLiteral("SELECT id FROM accounts WHERE id = ?"), {qint64(999)});
    QVERIFY(!noRow);
    QCOMPARE(noRow.error().kind, Error::Kind::Storage);
    auto fine = e.db().runFirst(QStringLiteral("SELECT COUNT(*) FROM accounts"));
    SB_VERIFY_OK(fine);
    QCOMPARE(fine->value(0).toLongLong(), qint64(1));
}

// Values bind to the `?` marks in the order given, and Database::text binds an empty string,
// not NULL.
void TestDatabase::runBindsInOrder()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_VERIFY_OK(e.db().run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                            {QStringLiteral("first"), QStringLiteral("second")}));
    SB_VERIFY_OK(e.db().run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                            {QStringLiteral("empty"), Database::text(QString())}));
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT key, value FROM settings WHERE key IN "
                                              "('first', 'second', 'empty') ORDER BY key")),
             (QStringList{QStringLiteral("empty|"), QStringLiteral("first|second")}));
    auto inOrder =
        e.db().runFirst(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = ? AND value = ?"),
                        {QStringLiteral("first"), QStringLiteral("second")});
    SB_VERIFY_OK(inOrder);
    QCOMPARE(inOrder->value(0).toLongLong(), qint64(1));
    auto swapped =
        e.db().runFirst(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = ? AND value = ?"),
                        {QStringLiteral("second"), QStringLiteral("first")});
    SB_VERIFY_OK(swapped);
    QCOMPARE(swapped->value(0).toLongLong(), qint64(0));
    // A dynamic IN list: one mark per value, the values as one list.
    const QVariantList keys{QStringLiteral("first"), QStringLiteral("empty"),
                            QStringLiteral("absent")};
    QStringList marks(keys.size(), QStringLiteral("?"));
    auto in = e.db().runFirst(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key IN (") +
                                  marks.join(QLatin1Char(',')) + QStringLiteral(")"),
                              keys);
    SB_VERIFY_OK(in);
    QCOMPARE(in->value(0).toLongLong(), qint64(2));
}

void TestDatabase::foreignKeysEnforced()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(!e.db().run(QStringLiteral(
        "INSERT INTO members (account_id, account_name, account_key, display_name, created_at)"
        " VALUES (9999, 'ghost.member', 'ghost.member', 'Ghost', '2026-01-01T00:00:00Z')")));
    QCOMPARE(sbt::count(e.db(), QStringLiteral("members")), 0);
    QVERIFY(!e.db().run(QStringLiteral(
        "INSERT INTO ledger (at, from_account, to_account, amount_cents, kind, actor)"
        " VALUES ('2026-01-01T00:00:00Z', NULL, 4242, 5, 'topup', 't')")));
    QCOMPARE(sbt::count(e.db(), QStringLiteral("ledger")), 0);
}

void TestDatabase::balanceCannotGoNegative()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    // The schema itself refuses a negative balance or a non-positive ledger amount.
    QVERIFY(!e.db().run(QStringLiteral("UPDATE accounts SET balance_cents = -1 WHERE id = 1")));
    auto negative = e.db().run(QStringLiteral(
        "INSERT INTO ledger (at, from_account, to_account, amount_cents, kind, actor)"
        " VALUES ('2026-01-01T00:00:00Z', NULL, 1, -5, 'topup', 't')"));
    QVERIFY(!negative);
    QCOMPARE(negative.error().kind, sb::Error::Kind::Storage);
    QVERIFY(!negative.error().message.isEmpty());
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                 .toLongLong(),
             0);
}

void TestDatabase::engineFromSpec()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QCOMPARE(e.db().engine(), engine == QLatin1String("postgresql") ? Database::Engine::PostgreSQL
                                                                    : Database::Engine::SQLite);
    QCOMPARE(e.db().spec(), e.t.spec());
    QCOMPARE(e.db().forUpdate(),
             engine == QLatin1String("postgresql") ? QStringLiteral(" FOR UPDATE") : QString());
}

void TestDatabase::emptySpecRefused()
{
    for (const QString& spec : {QString(), QStringLiteral("   ")}) {
        auto r = Database::open(spec);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
    }
}

void TestDatabase::malformedPostgresUrlRefused_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("scheme only") << QStringLiteral("postgresql://");
    QTest::newRow("no database") << QStringLiteral("postgresql://sb@127.0.0.1:5432");
    QTest::newRow("empty database") << QStringLiteral("postgresql://sb@127.0.0.1:5432/");
    QTest::newRow("no host") << QStringLiteral("postgresql:///switchboard");
    QTest::newRow("empty host with port") << QStringLiteral("postgresql://sb@:5432/switchboard");
    QTest::newRow("port out of range")
        << QStringLiteral("postgresql://sb@db.example:99999/switchboard");
    QTest::newRow("port not a number")
        << QStringLiteral("postgresql://sb@db.example:port/switchboard");
    QTest::newRow("short scheme") << QStringLiteral("postgres://");
}

void TestDatabase::malformedPostgresUrlRefused()
{
    QFETCH(QString, spec);
    auto r = Database::open(spec);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Invalid);
    QVERIFY2(r.error().message.contains(QLatin1String("postgresql://user")),
             qPrintable(r.error().message));
}

// Messages reach the window, the CLI's stderr and logs: a password typed into the address
// must never appear in them.
void TestDatabase::passwordNeverInMessages()
{
    const QString secret = QStringLiteral("s3cr3tPW");
    // Malformed: refused before connecting.
    auto malformed = Database::open(QStringLiteral("postgresql://sb:%1@/switchboard").arg(secret));
    QVERIFY(!malformed.ok());
    QVERIFY2(!malformed.error().message.contains(secret), qPrintable(malformed.error().message));
    // Well-formed, nobody listening on port 1: the connection fails.
    auto unreachable =
        Database::open(QStringLiteral("postgresql://sb:%1@127.0.0.1:1/switchboard").arg(secret));
    QVERIFY(!unreachable.ok());
    QCOMPARE(unreachable.error().kind, Error::Kind::Storage);
    QVERIFY2(!unreachable.error().message.contains(secret),
             qPrintable(unreachable.error().message));
    QVERIFY2(unreachable.error().message.contains(QLatin1String("127.0.0.1")),
             qPrintable(unreachable.error().message));
}

void TestDatabase::postgresDisplaySpecMasksPassword()
{
    if (!sb::test::TestDatabase::engines().contains(QStringLiteral("postgresql"))) {
        if (sb::test::TestDatabase::postgresRequired())
            QFAIL("PostgreSQL is required");
        QSKIP("no PostgreSQL server (SWITCHBOARD_TEST_PG)");
    }
    sb::test::TestDatabase t(QStringLiteral("postgresql"));
    QVERIFY2(t.ok(), qPrintable(t.error()));
    // The throw-away server trusts local connections, so any password is accepted.
    const QString spec =
        pgUrlWithDatabase(QUrl(t.spec()).path().mid(1), QStringLiteral("hunter2pw"));
    auto db = Database::open(spec);
    SB_VERIFY_OK(db);
    QVERIFY(!db->displaySpec().contains(QLatin1String("hunter2pw")));
    QVERIFY(db->displaySpec().contains(QLatin1String("***")));
    QCOMPARE(db->spec(), spec);
}

// Foreign-key checks must not keep the seq-scan plans they got while the database was
// empty (a 40,000-member demo took twice as long, and growing, without this).
void TestDatabase::postgresPlansFollowTableSize()
{
    if (!sb::test::TestDatabase::engines().contains(QStringLiteral("postgresql"))) {
        if (sb::test::TestDatabase::postgresRequired())
            QFAIL("PostgreSQL is required");
        QSKIP("no PostgreSQL server (SWITCHBOARD_TEST_PG)");
    }
    SB_ENV(e, QStringLiteral("postgresql"));
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SHOW plan_cache_mode")).toString(),
             QStringLiteral("force_custom_plan"));
    auto other = e.db().openAnother();
    SB_VERIFY_OK(other);
    QCOMPARE(sbt::scalar(*other, QStringLiteral("SHOW plan_cache_mode")).toString(),
             QStringLiteral("force_custom_plan"));
}

void TestDatabase::sqliteWalAndForeignKeys()
{
    sbt::Env e(QStringLiteral("sqlite"));
    e.open();
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("PRAGMA journal_mode")).toString(),
             QStringLiteral("wal"));
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
    // WAL is a property of the file: a plain connection sees it too.
    sbt::RawConnection raw(e.t.spec());
    QVERIFY(raw.ok());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestDatabase::sqlitePrefixAndMemory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("prefixed.sqlite"));
    {
        auto db = Database::open(QStringLiteral("sqlite:") + path);
        SB_VERIFY_OK(db);
        QCOMPARE(db->engine(), Database::Engine::SQLite);
        QVERIFY(db->run(QStringLiteral("UPDATE accounts SET balance_cents = 77 WHERE id = 1")));
    }
    QVERIFY(QFile::exists(path));
    {
        auto db = Database::open(path);
        SB_VERIFY_OK(db);
        QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                     .toLongLong(),
                 77);
    }
    // Two in-memory databases are two databases.
    auto m1 = Database::open(QStringLiteral(":memory:"));
    auto m2 = Database::open(QStringLiteral(":memory:"));
    SB_VERIFY_OK(m1);
    SB_VERIFY_OK(m2);
    QCOMPARE(m1->schemaVersion(), sb::Migrations::latestVersion());
    QVERIFY(m1->run(QStringLiteral("UPDATE accounts SET balance_cents = 5 WHERE id = 1")));
    QCOMPARE(sbt::scalar(*m2, QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                 .toLongLong(),
             0);
}

void TestDatabase::sqliteRefusesMissingFolder()
{
    // A missing folder is more likely a typo than a wish: refused, and nothing made.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/switchboard.sqlite"));
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Invalid);
    QVERIFY2(db.error().message.contains(dir.filePath(QStringLiteral("a/b/c"))),
             qPrintable(db.error().message));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("a"))));
}

void TestDatabase::sqliteCreatesOwnFolder()
{
    // The window's own folder (under the user's data directory) is made on first use. Test
    // mode: ~/.qttest, never the developer's own database.
    QStandardPaths::setTestModeEnabled(true);
    auto testMode = qScopeGuard([]() { QStandardPaths::setTestModeEnabled(false); });
    qunsetenv("SWITCHBOARD_DATABASE");
    const QString path = Database::defaultSpec();
    QDir(QFileInfo(path).absolutePath()).removeRecursively();
    auto cleanup = qScopeGuard([&]() { QDir(QFileInfo(path).absolutePath()).removeRecursively(); });
    {
        auto db = Database::open(path);
        SB_VERIFY_OK(db);
        QCOMPARE(db->schemaVersion(), sb::Migrations::latestVersion());
    }
    QVERIFY(QFile::exists(path));
}

void TestDatabase::wrongSchemeRefused_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("typo") << QStringLiteral("postgresq://sb:s3cret@127.0.0.1/switchboard");
    QTest::newRow("mysql") << QStringLiteral("mysql://sb:s3cret@127.0.0.1/switchboard");
    QTest::newRow("file url") << QStringLiteral("file:///tmp/s3cret.sqlite");
    QTest::newRow("inside a path") << QStringLiteral("data/x://sb:s3cret@h/db");
}

void TestDatabase::wrongSchemeRefused()
{
    QFETCH(QString, spec);
    const QDir here = QDir::current();
    const QStringList before = here.entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    auto r = Database::open(spec);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Invalid);
    QVERIFY2(r.error().message.contains(QStringLiteral("postgresql://")),
             qPrintable(r.error().message));
    QVERIFY2(!r.error().message.contains(QStringLiteral("s3cret")) ||
                 spec.startsWith(QLatin1String("file:")),
             qPrintable(r.error().message));
    // No folder named after the address, the password or anything else.
    QCOMPARE(here.entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
}

void TestDatabase::schemeCaseIgnored()
{
    // "PostgreSQL://" is an address of the same kind: refused here as a malformed PostgreSQL
    // address (no database named), not taken as a file path.
    auto r = Database::open(QStringLiteral("PostgreSQL://sb@127.0.0.1:5432"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Invalid);
    QVERIFY2(r.error().message.contains(QStringLiteral("PostgreSQL address")),
             qPrintable(r.error().message));
}

void TestDatabase::sqliteNewFileOwnerOnly()
{
    // Even with a permissive umask, a new database and its -wal and -shm files are the
    // owner's alone, like the secret key file.
    const mode_t previous = ::umask(0022);
    auto restore = qScopeGuard([previous]() { ::umask(previous); });
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("private")));
    const QString path = dir.filePath(QStringLiteral("private/switchboard.sqlite"));
    auto db = Database::open(QStringLiteral("sqlite:") + path);
    SB_VERIFY_OK(db);
    // A write, so that the companions exist while the connection is open.
    SB_VERIFY_OK(db->run(QStringLiteral("CREATE TABLE permissions_probe (x INTEGER)")));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    int seen = 0;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!QFile::exists(path + suffix))
            continue;
        ++seen;
        QVERIFY2((QFile::permissions(path + suffix) & others) == QFileDevice::Permissions(),
                 qPrintable(path + suffix));
        QVERIFY(QFile::permissions(path + suffix) & QFileDevice::ReadOwner);
    }
    QVERIFY(seen >= 2); // the file and its write-ahead log

    // An existing file keeps the mode its owner gave it.
    const QString shared = dir.filePath(QStringLiteral("shared.sqlite"));
    QVERIFY(Database::open(shared).ok());
    QVERIFY(QFile::setPermissions(shared, QFile::permissions(shared) | QFileDevice::ReadGroup));
    QVERIFY(Database::open(shared).ok());
    QVERIFY(QFile::permissions(shared) & QFileDevice::ReadGroup);
}

void TestDatabase::sqliteNotADatabaseRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    const QByteArray content =
        QByteArrayLiteral("These are my notes, not a database.\n").repeated(200);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Refused);
    QVERIFY2(db.error().message.contains(QStringLiteral("not an SQLite database")),
             qPrintable(db.error().message));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) ||
            QFileInfo(path + QStringLiteral("-wal")).size() == 0);
}

namespace {
QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

// Issue 12, item 4: another application's SQLite file — with its own tables (even ones that do
// not clash with ours), or its own application_id on an empty schema — is refused before a
// byte is written: no WAL mode, no schema_meta, no migration.
void TestDatabase::sqliteOtherApplicationRefusedUntouched_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("says");
    QTest::newRow("tables of its own")
        << QStringList{QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
                       QStringLiteral("INSERT INTO notes (body) VALUES ('keep me')")}
        << QStringLiteral("table");
    QTest::newRow("a table named like ours")
        << QStringList{QStringLiteral("CREATE TABLE members (id INTEGER PRIMARY KEY, x TEXT)")}
        << QStringLiteral("table");
    QTest::newRow("its application id, no tables")
        << QStringList{QStringLiteral("PRAGMA application_id = 1234567")}
        << QStringLiteral("1234567");
}

void TestDatabase::sqliteOtherApplicationRefusedUntouched()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    {
        const QString name = QStringLiteral("other-app");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            for (const QString& sql : std::as_const(setup)) {
                QSqlQuery q(other);
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            }
            other.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Refused);
    QVERIFY2(db.error().message.contains(QStringLiteral("not a Switchboard database")) &&
                 db.error().message.contains(says) && db.error().message.contains(path),
             qPrintable(db.error().message));
    QCOMPARE(fileBytes(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-journal")));
}

void TestDatabase::sqliteNewFileGetsOurApplicationId()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.db"));
    {
        auto db = Database::open(path);
        SB_VERIFY_OK(db);
        QCOMPARE(sbt::scalar(*db, QStringLiteral("PRAGMA application_id")).toInt(),
                 sb::Migrations::ApplicationId);
    }
    // Ours from before application_id existed (schema_meta, id 0) still opens.
    {
        auto db = Database::open(path);
        SB_VERIFY_OK(db);
        QVERIFY(db->run(QStringLiteral("PRAGMA application_id = 0")));
    }
    auto again = Database::open(path);
    SB_VERIFY_OK(again);
    QCOMPARE(again->schemaVersion(), sb::Migrations::latestVersion());
}

// A schema_meta without its version row is a clear refusal, and is not made again.
void TestDatabase::damagedSchemaMetaRefusedNotRecreated()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(sb::Money::fromCents(700), QStringLiteral("R")));
    QVERIFY(e.db().run(QStringLiteral("DELETE FROM schema_meta")));
    const sbt::Snapshot before = sbt::snapshot(e.db());
    auto refused = Database::open(e.t.spec());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("schema_meta")),
             qPrintable(refused.error().message));
    QCOMPARE(sbt::count(e.db(), QStringLiteral("schema_meta")), 0);
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    // A version that is no number is as damaged.
    QVERIFY(e.db().run(QStringLiteral("INSERT INTO schema_meta (key, value) VALUES ('version', "
                                      "'twelve')")));
    refused = Database::open(e.t.spec());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
}

// The same on PostgreSQL: a database holding another application's tables is not migrated into.
void TestDatabase::postgresOtherTablesRefusedUntouched()
{
    if (!sb::test::TestDatabase::engines().contains(QStringLiteral("postgresql")))
        QSKIP("no PostgreSQL server ($SWITCHBOARD_TEST_PG)");
    auto admin = Database::open(qEnvironmentVariable("SWITCHBOARD_TEST_PG"));
    SB_VERIFY_OK(admin);
    const QString name = QStringLiteral("sb_other_%1").arg(QCoreApplication::applicationPid());
    QVERIFY(admin->run(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name)));
    QVERIFY(admin->run(QStringLiteral("CREATE DATABASE %1").arg(name)));
    const auto drop = qScopeGuard([&] {
        (void)admin->run(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    });
    {
        const QString conn = QStringLiteral("other-pg");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), conn);
            const QUrl url(pgUrlWithDatabase(name));
            other.setHostName(url.host());
            other.setPort(url.port());
            other.setUserName(url.userName());
            other.setDatabaseName(name);
            QVERIFY2(other.open(), qPrintable(other.lastError().text()));
            QSqlQuery q(other);
            QVERIFY(
                q.exec(QStringLiteral("CREATE TABLE notes (id SERIAL PRIMARY KEY, body TEXT)")));
            other.close();
        }
        QSqlDatabase::removeDatabase(conn);
    }
    auto refused = Database::open(pgUrlWithDatabase(name));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("not a Switchboard database")),
             qPrintable(refused.error().message));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
