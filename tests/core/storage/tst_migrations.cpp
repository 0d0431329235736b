// Migrations: the versioned schema. Fresh databases reach the latest version, a migrated one
// stays as it is, a newer one is refused untouched, and copies of the program starting at
// the same moment on one fresh database make the schema exactly once.

#include "tests/support/CdrLines.h"
#include "tests/support/CoreTest.h"

#include "core/base/NameText.h"
#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/Database.h"
#include "core/storage/Migrations.h"
#include "core/storage/SearchIndex.h"

#include <QAtomicInt>
#include <QBuffer>
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
    void activitySentencesBecomeEvents_data() { sbt::addEngineRows(); }
    void activitySentencesBecomeEvents();
    void callsOfSchema4AreKept_data() { sbt::addEngineRows(); }
    void callsOfSchema4AreKept();
    void owedBalancesKeepEveryRow_data() { sbt::addEngineRows(); }
    void owedBalancesKeepEveryRow();
    void countriesDefaultToUs_data() { sbt::addEngineRows(); }
    void countriesDefaultToUs();
    void summariesAreBuiltFromStoredRows_data() { sbt::addEngineRows(); }
    void summariesAreBuiltFromStoredRows();
    void namesAreNormalisedAndGetSkeletons_data() { sbt::addEngineRows(); }
    void namesAreNormalisedAndGetSkeletons();
    void payerKeysAreFilled_data() { sbt::addEngineRows(); }
    void payerKeysAreFilled();
    void usualWeeksWaitForBilling_data() { sbt::addEngineRows(); }
    void usualWeeksWaitForBilling();
    void timeIndexCarriesSearchKey();
    void ledgerReadByAccountAndTime_data() { sbt::addEngineRows(); }
    void ledgerReadByAccountAndTime();
};

namespace {
// Undoes the owed-balances step on a fresh database: accounts with the column CHECK
// (balance_cents >= 0) of step 1, rebuilt on SQLite, every row and id kept.
bool undoOwedBalances(const Database& db)
{
    if (db.isPostgres())
        return db.run(QStringLiteral(
                   "ALTER TABLE accounts DROP CONSTRAINT accounts_company_not_owed")) &&
               db.run(QStringLiteral("ALTER TABLE accounts ADD CHECK (balance_cents >= 0)"));
    const QStringList statements = {
        QStringLiteral("PRAGMA foreign_keys=OFF"),
        QStringLiteral("CREATE TABLE accounts_old (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " kind TEXT NOT NULL CHECK (kind IN ('company','member','profile')),"
                       " balance_cents BIGINT NOT NULL DEFAULT 0 CHECK (balance_cents >= 0))"),
        QStringLiteral("INSERT INTO accounts_old SELECT id, kind, balance_cents FROM accounts"),
        QStringLiteral("DROP TABLE accounts"),
        QStringLiteral("ALTER TABLE accounts_old RENAME TO accounts"),
        QStringLiteral("CREATE INDEX accounts_balance ON accounts(balance_cents)"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
    };
    for (const QString& sql : statements) {
        if (!db.run(sql))
            return false;
    }
    return true;
}

// Undoes the search index's step (13) on a fresh database: the FTS5 tables and their
// triggers (SQLite), the trigram and prefix indexes, the new key columns.
bool undoSearchIndex(const Database& db)
{
    for (const QString& t : sb::SearchIndex::tables()) {
        QStringList sql;
        if (db.isPostgres()) {
            sql << QStringLiteral("DROP INDEX %1_search_trgm").arg(t);
        } else {
            sql << QStringLiteral("DROP TRIGGER %1_search_insert").arg(t)
                << QStringLiteral("DROP TRIGGER %1_search_delete").arg(t)
                << QStringLiteral("DROP TRIGGER %1_search_update").arg(t)
                << QStringLiteral("DROP TABLE %1_search").arg(t);
        }
        sql << QStringLiteral("DROP INDEX %1_search_prefix").arg(t);
        if (t == QLatin1String("numbers") || t == QLatin1String("profiles") ||
            t == QLatin1String("calls"))
            sql << QStringLiteral("ALTER TABLE %1 DROP COLUMN search_key").arg(t);
        for (const QString& s : std::as_const(sql)) {
            if (!db.run(s))
                return false;
        }
    }
    return true;
}

// Undoes the ledger's indexes by account alone going (22).
bool undoLedgerByAccount(const Database& db)
{
    return db.run(QStringLiteral("CREATE INDEX ledger_from ON ledger(from_account)")) &&
           db.run(QStringLiteral("CREATE INDEX ledger_to ON ledger(to_account)")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '21' WHERE key = 'version'"));
}

// Undoes the search key beside the calls' time in their time index (21).
bool undoKeyedTime(const Database& db)
{
    if (!undoLedgerByAccount(db))
        return false;
    if (!db.isPostgres())
        for (const char* sql : {"DROP INDEX calls_started_seek",
                                "CREATE INDEX calls_started_seek ON calls(started_at, id)"})
            if (!db.run(QString::fromLatin1(sql)))
                return false;
    return bool(
        db.run(QStringLiteral("UPDATE schema_meta SET value = '20' WHERE key = 'version'")));
}

// Undoes the search keys' indexes with the calls' time and the members' name (20).
bool undoCoveringSearch(const Database& db)
{
    if (!undoKeyedTime(db))
        return false;
    if (!db.isPostgres())
        for (const char* sql : {"DROP INDEX calls_search_prefix",
                                "CREATE INDEX calls_search_prefix ON calls(search_key)",
                                "DROP INDEX members_search_prefix",
                                "CREATE INDEX members_search_prefix ON members(search_key)"})
            if (!db.run(QString::fromLatin1(sql)))
                return false;
    return bool(
        db.run(QStringLiteral("UPDATE schema_meta SET value = '19' WHERE key = 'version'")));
}

// Undoes the accounts' usual weeks of spending (19).
bool undoUsualWeeks(const Database& db)
{
    if (!undoCoveringSearch(db))
        return false;
    return db.run(QStringLiteral("DROP INDEX accounts_low")) &&
           db.run(QStringLiteral("ALTER TABLE accounts DROP COLUMN usual_week_cents")) &&
           db.run(QStringLiteral("DROP TABLE usual_spending")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '18' WHERE key = 'version'"));
}

// Undoes the numbers' index by profile and status (18).
bool undoNumbersByProfile(const Database& db)
{
    if (!undoUsualWeeks(db))
        return false;
    return db.run(QStringLiteral("DROP INDEX numbers_profile")) &&
           db.run(QStringLiteral("CREATE INDEX numbers_profile ON numbers(profile_id)")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '17' WHERE key = 'version'"));
}

// Undoes the calls' monthly totals (17).
bool undoCallTotals(const Database& db)
{
    if (!undoNumbersByProfile(db))
        return false;
    return db.run(QStringLiteral("DROP TABLE call_totals")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '16' WHERE key = 'version'"));
}

// Undoes the payer key's step (16): calls sorted by payer through the joined tables.
bool undoPayerKey(const Database& db)
{
    if (!undoCallTotals(db))
        return false;
    const QStringList sql =
        db.isPostgres()
            ? QStringList{QStringLiteral("DROP TRIGGER calls_payer_key ON calls"),
                          QStringLiteral("DROP TRIGGER calls_payer_key_member ON members"),
                          QStringLiteral("DROP TRIGGER calls_payer_key_profile ON profiles"),
                          QStringLiteral("DROP FUNCTION calls_payer_key()"),
                          QStringLiteral("DROP FUNCTION calls_payer_key_renamed()")}
            : QStringList{QStringLiteral("DROP TRIGGER calls_payer_key_insert"),
                          QStringLiteral("DROP TRIGGER calls_payer_key_update"),
                          QStringLiteral("DROP TRIGGER calls_payer_key_member"),
                          QStringLiteral("DROP TRIGGER calls_payer_key_profile")};
    for (const QString& statement : sql) {
        if (!db.run(statement))
            return false;
    }
    return db.run(QStringLiteral("DROP INDEX calls_payer_seek")) &&
           db.run(QStringLiteral("ALTER TABLE calls DROP COLUMN payer_key")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '15' WHERE key = 'version'"));
}

// Undoes the names' step (15): no lookalike key on profiles.
bool undoNames(const Database& db)
{
    if (!undoPayerKey(db))
        return false;
    return db.run(QStringLiteral("DROP INDEX profiles_name_skeleton")) &&
           db.run(QStringLiteral("ALTER TABLE profiles DROP COLUMN name_skeleton")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '14' WHERE key = 'version'"));
}

// Undoes the keyset paging's indexes (14): the single-column indexes they replaced are back.
bool undoKeysetIndexes(const Database& db)
{
    if (!undoNames(db))
        return false;
    const QStringList triggers =
        db.isPostgres()
            ? QStringList{QStringLiteral("DROP TRIGGER numbers_holder_key ON numbers"),
                          QStringLiteral("DROP TRIGGER numbers_holder_key_member ON members"),
                          QStringLiteral("DROP TRIGGER numbers_holder_key_profile ON profiles"),
                          QStringLiteral("DROP FUNCTION numbers_holder_key()"),
                          QStringLiteral("DROP FUNCTION numbers_holder_key_renamed()")}
            : QStringList{QStringLiteral("DROP TRIGGER numbers_holder_key_insert"),
                          QStringLiteral("DROP TRIGGER numbers_holder_key_update"),
                          QStringLiteral("DROP TRIGGER numbers_holder_key_member"),
                          QStringLiteral("DROP TRIGGER numbers_holder_key_profile")};
    for (const QString& sql : triggers) {
        if (!db.run(sql))
            return false;
    }
    for (const char* sql : {"DROP INDEX numbers_holder_seek",
                            "ALTER TABLE numbers DROP COLUMN holder_key",
                            "DROP INDEX members_name_seek",
                            "DROP INDEX members_email_seek",
                            "DROP INDEX members_department_seek",
                            "DROP INDEX members_status_seek",
                            "DROP INDEX accounts_balance_seek",
                            "DROP INDEX numbers_country_seek",
                            "DROP INDEX numbers_expires_seek",
                            "DROP INDEX numbers_status_seek",
                            "DROP INDEX calls_started_seek",
                            "DROP INDEX calls_source_seek",
                            "DROP INDEX calls_destination_seek",
                            "DROP INDEX calls_billsec_seek",
                            "DROP INDEX calls_billed_seek",
                            "DROP INDEX calls_bundle_seek",
                            "DROP INDEX calls_price_seek",
                            "DROP INDEX calls_status_seek",
                            "CREATE INDEX members_display_name ON members(display_name)",
                            "CREATE INDEX members_department ON members(department)",
                            "CREATE INDEX members_email ON members(email)",
                            "CREATE INDEX accounts_balance ON accounts(balance_cents)",
                            "CREATE INDEX calls_started ON calls(started_at)"}) {
        if (!db.run(QString::fromLatin1(sql)))
            return false;
    }
    return true;
}

// Undoes the summaries' step (9) on a fresh database, and the steps after it: the attention
// list's indexes (10), the company's hours (11), the trunk probes (12), the search index (13),
// the keyset paging's indexes (14).
bool undoSummaries(const Database& db)
{
    if (!undoKeysetIndexes(db) || !undoSearchIndex(db))
        return false;
    for (const char* sql :
         {"DROP TABLE profile_probes", "DROP TABLE company_hours", "DROP INDEX ledger_from_at",
          "DROP INDEX ledger_to_at", "DROP INDEX ledger_months_kind",
          "DROP INDEX auto_recharge_suspended", "DROP INDEX profiles_channels_due",
          "DROP TABLE ledger_months", "DROP TABLE balance_months", "DROP TABLE spending_months",
          "DROP TABLE call_months", "DROP TABLE call_hours", "DROP TABLE profile_peaks",
          "DROP INDEX ledger_at", "DROP INDEX ledger_kind_at",
          "ALTER TABLE ledger DROP COLUMN for_account"}) {
        if (!db.run(QString::fromLatin1(sql)))
            return false;
    }
    return true;
}

// Undoes step 5 (and the steps after it) on a fresh database: the calls table as schema 2
// made it.
bool backToSchema4(const Database& db)
{
    if (!undoSummaries(db))
        return false;
    // The later steps first: the payers' countries, then the US minute bundles' table (after
    // the owed balances' step).
    if (!db.run(QStringLiteral("ALTER TABLE members DROP COLUMN country")) ||
        !db.run(QStringLiteral("ALTER TABLE profiles DROP COLUMN country")))
        return false;
    if (!db.run(QStringLiteral("DROP TABLE bundle_periods")))
        return false;
    if (!undoOwedBalances(db))
        return false;
    if (!db.run(QStringLiteral("DROP INDEX calls_started")))
        return false;
    for (const char* column :
         {"account_code", "answered_at", "ended_at", "destination_e164", "prefix", "duration",
          "disposition", "billed_minutes", "bundle_minutes", "rate_ten_thousandths",
          "charged_cents", "status"}) {
        if (!db.run(QStringLiteral("ALTER TABLE calls DROP COLUMN ") + QLatin1String(column)))
            return false;
    }
    return bool(db.run(QStringLiteral("UPDATE schema_meta SET value = '4' WHERE key = 'version'")));
}

// Undoes steps 5 and 4 on a fresh database: the activity log as schema 3 had it.
bool backToSchema3(const Database& db)
{
    return backToSchema4(db) && db.run(QStringLiteral("DROP INDEX activity_action")) &&
           db.run(QStringLiteral("ALTER TABLE activity DROP COLUMN event_values")) &&
           db.run(QStringLiteral("UPDATE schema_meta SET value = '3' WHERE key = 'version'"));
}
} // namespace

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
    QVERIFY(backToSchema3(e.db()));
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
        auto found = sb::ActivityLog(ctx).page(10, needle);
        SB_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().subject, QStringLiteral("jan.kowalski"));
    }
}

// Step 4: the activity log stores events. Lines of schema 3 keep their kind (the action key),
// get their subject as the value their kind names it, keep their English sentence as the
// `text` shown in place of the missing values, and are still found by search.
void TestMigrations::activitySentencesBecomeEvents()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(Migrations::latestVersion() >= 4);
    QVERIFY(backToSchema3(e.db()));
    const QStringList old = {
        QStringLiteral("('2026-01-05T10:00:00Z', 'Old Admin', 'credit.allocate', 'jan.kowalski', "
                       "'Allocated 5.00 to jan.kowalski; new balance 5.00', 'x')"),
        QStringLiteral("('2026-01-05T10:01:00Z', 'Old Admin', 'company.topup', '', "
                       "'Top-up of 80.00, reference \"INV-7\"', 'x')"),
        QStringLiteral("('2026-01-05T10:02:00Z', 'Old Admin', 'number.buy', 'Sprzedaż Kraków', "
                       "'Bought +48123456789 for Sprzedaż Kraków (1 month(s), 5.00); renews on "
                       "2026-02-05', 'x')"),
        QStringLiteral("('2026-01-05T10:03:00Z', 'Old Admin', 'number.cancel', '+48123456789', "
                       "'Cancelled +48123456789; usable until 2026-02-05, then released, no "
                       "refund', 'x')"),
        QStringLiteral("('2026-01-05T10:04:00Z', 'Old Admin', 'profile.rename', 'Oslo Salg', "
                       "'Renamed SIP profile Oslo to Oslo Salg', 'x')"),
        QStringLiteral("('2026-01-05T10:05:00Z', 'Old Admin', 'member.charge', 'ola.nordmann', "
                       "'Charged 1.00', 'x')"),
    };
    for (const QString& row : old)
        QVERIFY(e.db().run(QStringLiteral("INSERT INTO activity (at, actor, action, "
                                          "subject, details, search_key) VALUES ") +
                           row));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    const sb::Context ctx{*db, &e.clock, QStringLiteral("tester")};
    auto all = sb::ActivityLog(ctx).page(10);
    SB_VERIFY_OK(all);
    QCOMPARE(all->size(), old.size());
    const auto entry = [&](const char* key) {
        for (const sb::ActivityEntry& a : std::as_const(*all)) {
            if (a.key == QLatin1String(key))
                return a;
        }
        return sb::ActivityEntry{};
    };
    const sb::ActivityEntry credit = entry("credit.allocate");
    QCOMPARE(credit.kind, sb::ActivityKind::CreditAllocated);
    QCOMPARE(credit.subject, QStringLiteral("jan.kowalski"));
    QCOMPARE(credit.actor, QStringLiteral("Old Admin"));
    QCOMPARE(credit.at, sbt::utc(2026, 1, 5, 10, 0));
    QCOMPARE(credit.values,
             (QVariantMap{{QStringLiteral("account"), QStringLiteral("jan.kowalski")},
                          {QStringLiteral("text"),
                           QStringLiteral("Allocated 5.00 to jan.kowalski; new balance 5.00")}}));
    QCOMPARE(sb::ActivityLog::describe(credit),
             QStringLiteral("Allocated 5.00 to jan.kowalski; new balance 5.00"));
    QCOMPARE(sb::ActivityLog::kindName(credit), QStringLiteral("Credit allocated"));
    const sb::ActivityEntry topUp = entry("company.topup");
    QCOMPARE(topUp.values, (QVariantMap{{QStringLiteral("text"),
                                         QStringLiteral("Top-up of 80.00, reference \"INV-7\"")}}));
    QCOMPARE(entry("number.buy").values.value(QStringLiteral("holder")).toString(),
             QString::fromUtf8("Sprzedaż Kraków"));
    QCOMPARE(entry("number.cancel").values.value(QStringLiteral("number")).toString(),
             QStringLiteral("+48123456789"));
    QCOMPARE(entry("profile.rename").values.value(QStringLiteral("profile")).toString(),
             QStringLiteral("Oslo Salg"));
    QCOMPARE(entry("member.charge").kind, sb::ActivityKind::MemberCharged);
    QCOMPARE(sb::ActivityLog::describe(entry("member.charge")), QStringLiteral("Charged 1.00"));
    // Found by account, profile, number, kind name, and the words of the old sentence.
    const QList<std::pair<QString, QString>> searches = {
        {QStringLiteral("KOWALSKI"), QStringLiteral("credit.allocate")},
        {QString::fromUtf8("KRAKÓW"), QStringLiteral("number.buy")},
        {QStringLiteral("oslo salg"), QStringLiteral("profile.rename")},
        {QStringLiteral("Bought a number"), QStringLiteral("number.buy")},
        {QStringLiteral("then released"), QStringLiteral("number.cancel")},
        {QStringLiteral("inv-7"), QStringLiteral("company.topup")},
    };
    for (const auto& [needle, key] : searches) {
        auto found = sb::ActivityLog(ctx).page(10, needle);
        SB_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().key, key);
    }
    // Migrating again changes nothing.
    const sbt::Snapshot before = sbt::snapshot(*db);
    SB_VERIFY_OK(Migrations::migrate(*db));
    SB_COMPARE_SNAPSHOT(before, sbt::snapshot(*db));
}

// Step 5 gives the calls table what rating needs; calls stored before keep their values and
// get the defaults.
void TestMigrations::callsOfSchema4AreKept()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(Migrations::latestVersion() >= 5);
    QVERIFY(backToSchema4(e.db()));
    QVERIFY(e.db().run(QStringLiteral(
        "INSERT INTO calls (started_at, source, destination, billsec, cost_cents, unique_id)"
        " VALUES ('2026-01-05T10:00:00Z', '1001', '+4722334455', 65, 12, 'old.1')")));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT unique_id, billsec, cost_cents, charged_cents,"
                                           " billed_minutes, bundle_minutes, status, answered_at"
                                           " FROM calls")),
             QStringList{QStringLiteral("old.1|65|12|0|0|0||NULL")});
}

// The owed-balances step: a database of the schema before it, with members, a profile and
// ledger rows, keeps every row and balance; afterwards a member's (or a profile's) balance
// may go below zero and the company's still may not.
void TestMigrations::owedBalancesKeepEveryRow()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context ctx{e.db(), &e.clock, QStringLiteral("tester")};
    using sb::Money;
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(Money::fromCents(50000), QStringLiteral("T-1")));
    for (const char* account : {"ada.one", "bo.two", "cy.three"})
        SB_VERIFY_OK(sb::MemberService(ctx).add(
            {QString::fromLatin1(account), QString::fromLatin1(account), QString(), QString()}));
    SB_VERIFY_OK(sb::CreditService(ctx).allocate(
        Money::fromCents(1250), {QStringLiteral("ada.one"), QStringLiteral("bo.two")}));
    sb::NewSipProfile p;
    p.name = QStringLiteral("Desk");
    p.auth = sb::SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    SB_VERIFY_OK(sb::ProfileService(ctx).create(p));
    SB_VERIFY_OK(
        sb::ProfileService(ctx).allocateCredit(QStringLiteral("Desk"), Money::fromCents(700)));
    SB_VERIFY_OK(sb::CreditService(ctx).charge(QStringLiteral("bo.two"), Money::fromCents(250),
                                               QStringLiteral("x")));
    QVERIFY(backToSchema4(e.db()));
    const auto tables = [](const Database& db) {
        QStringList all;
        for (const char* sql :
             {"SELECT id, kind, balance_cents FROM accounts ORDER BY id",
              "SELECT id, account_id, account_key FROM members ORDER BY id",
              "SELECT id, account_id, name FROM profiles ORDER BY id",
              "SELECT id, from_account, to_account, amount_cents, kind FROM ledger ORDER BY id"})
            all += sbt::rows(db, QString::fromLatin1(sql));
        return all;
    };
    const QStringList before = tables(e.db());
    QVERIFY(before.size() >= 5 + 3 + 1 + 4);
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(tables(*db), before);
    if (!db->isPostgres()) {
        QCOMPARE(sbt::rows(*db, QStringLiteral("PRAGMA foreign_key_check")), QStringList());
        QCOMPARE(sbt::rows(*db, QStringLiteral("PRAGMA foreign_keys")),
                 QStringList{QStringLiteral("1")});
        QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                                 " WHERE name = 'accounts_balance_seek'"))
                     .toLongLong(),
                 1);
    }
    // A member and a profile may owe; the company may not (raw updates: no ledger entries).
    e.skipBooksCheck();
    QVERIFY(
        db->run(QStringLiteral("UPDATE accounts SET balance_cents = -5 WHERE kind = 'member'")));
    QVERIFY(
        db->run(QStringLiteral("UPDATE accounts SET balance_cents = -5 WHERE kind = 'profile'")));
    QVERIFY(!db->run(QStringLiteral("UPDATE accounts SET balance_cents = -1 WHERE id = 1")));
    // New accounts do not reuse an id.
    const sb::Context after{*db, &e.clock, QStringLiteral("tester")};
    SB_VERIFY_OK(sb::MemberService(after).add(
        {QStringLiteral("dee.four"), QStringLiteral("Dee"), QString(), QString()}));
    QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT MAX(id) FROM accounts")).toLongLong(), 6);
}

// The payers' countries' step (8): members and profiles from before get US, the one
// region calls were rated in then.
void TestMigrations::countriesDefaultToUs()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context ctx{e.db(), &e.clock, QStringLiteral("tester")};
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(sb::Money::fromCents(5000), QStringLiteral("T-1")));
    SB_VERIFY_OK(sb::MemberService(ctx).add(
        {QStringLiteral("ada.one"), QStringLiteral("Ada"), QString(), QString()}));
    sb::NewSipProfile p;
    p.name = QStringLiteral("Desk");
    SB_VERIFY_OK(sb::ProfileService(ctx).create(p));
    QVERIFY(undoSummaries(e.db()));
    QVERIFY(e.db().run(QStringLiteral("ALTER TABLE members DROP COLUMN country")));
    QVERIFY(e.db().run(QStringLiteral("ALTER TABLE profiles DROP COLUMN country")));
    QVERIFY(e.db().run(QStringLiteral("UPDATE schema_meta SET value = '7' WHERE key = 'version'")));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT account_name, country FROM members")),
             QStringList{QStringLiteral("ada.one|US")});
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT name, country FROM profiles")),
             QStringList{QStringLiteral("Desk|US")});
}

// The summaries' step (9) builds, from the ledger and the calls already stored, exactly the
// summaries that writing them would have kept: the same rows as a database that had them
// all along.
void TestMigrations::summariesAreBuiltFromStoredRows()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context ctx{e.db(), &e.clock, QStringLiteral("tester")};
    using sb::Money;
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(Money::fromCents(50000), QStringLiteral("T-1")));
    SB_VERIFY_OK(sb::MemberService(ctx).add(
        {QStringLiteral("ada.one"), QStringLiteral("Ada"), QString(), QStringLiteral("Sales")}));
    SB_VERIFY_OK(
        sb::CreditService(ctx).allocate(Money::fromCents(2000), {QStringLiteral("ada.one")}));
    sb::NewSipProfile p;
    p.name = QStringLiteral("Desk");
    p.department = QStringLiteral("Support");
    p.auth = sb::SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    p.channels = 2;
    SB_VERIFY_OK(sb::ProfileService(ctx).create(p));
    SB_VERIFY_OK(
        sb::ProfileService(ctx).allocateCredit(QStringLiteral("Desk"), Money::fromCents(5000)));
    const QDateTime nine(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    QBuffer file;
    file.setData(sbt::asteriskLine(QStringLiteral("Desk"), QStringLiteral("+12125550100"), nine,
                                   600, QStringLiteral("u1")) +
                 sbt::asteriskLine(QStringLiteral("Desk"), QStringLiteral("+12125550101"),
                                   nine.addSecs(50 * 60), 1195, QStringLiteral("u2")) +
                 sbt::asteriskLine(QStringLiteral("ada.one"), QStringLiteral("+4722334455"),
                                   nine.addMonths(-1), 61, QStringLiteral("u3")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    SB_VERIFY_OK(sb::CallImporter(ctx).import(&file, {}));

    const auto summaries = [](const Database& db) {
        QStringList all;
        for (const char* sql :
             {"SELECT month, account_id, kind, in_cents, out_cents, for_cents, entries"
              " FROM ledger_months ORDER BY month, account_id, kind",
              "SELECT account_id, month, closing_cents FROM balance_months"
              " ORDER BY account_id, month",
              "SELECT month, kind, department, cents FROM spending_months"
              " ORDER BY month, kind, department",
              "SELECT month, account_id, calls, billed_minutes, us_minutes, bundle_minutes,"
              " charged_cents FROM call_months ORDER BY month, account_id",
              "SELECT profile_id, hour, seconds FROM call_hours ORDER BY profile_id, hour",
              "SELECT month, calls, billed_minutes, bundle_minutes, cost_cents, charged_cents"
              " FROM call_totals ORDER BY month",
              "SELECT profile_id, hour, seconds FROM profile_peaks ORDER BY profile_id",
              "SELECT hour, net_cents FROM company_hours ORDER BY hour",
              "SELECT id, for_account FROM ledger ORDER BY id"})
            all += sbt::rows(db, QString::fromLatin1(sql));
        return all;
    };
    const QStringList written = summaries(e.db());
    // What the writers kept: the channels the company bought are Desk's, spent for Support;
    // Desk's calls occupied 9:00–9:10:05 and 9:50–10:10 (5 s of ringing each).
    QCOMPARE(
        sbt::rows(e.db(), QStringLiteral("SELECT hour, seconds FROM call_hours")),
        (QStringList{QStringLiteral("2026-03-01T09|1205"), QStringLiteral("2026-03-01T10|600")}));
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT hour, seconds FROM profile_peaks")),
             QStringList{QStringLiteral("2026-03-01T09|1205")});
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT month, calls, billed_minutes, us_minutes"
                                              " FROM call_months ORDER BY month")),
             (QStringList{QStringLiteral("2026-02|1|2|0"), QStringLiteral("2026-03|2|30|30")}));
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT month, calls, billed_minutes FROM"
                                              " call_totals ORDER BY month")),
             (QStringList{QStringLiteral("2026-02|1|2"), QStringLiteral("2026-03|2|30")}));
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT department FROM spending_months"
                                              " WHERE kind = 'channels'")),
             QStringList{QStringLiteral("Support")});
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT DISTINCT l.for_account FROM ledger l"
                                              " WHERE l.kind = 'channels'")),
             sbt::rows(e.db(), QStringLiteral("SELECT account_id FROM profiles")));

    QVERIFY(undoSummaries(e.db()));
    QVERIFY(e.db().run(QStringLiteral("UPDATE schema_meta SET value = '8' WHERE key = 'version'")));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(summaries(*db), written);
}

// The names' step (15) on names written before it: profile names and departments, members'
// display names and departments normalised (with their search keys and their numbers'
// keys); a name that would be empty, or would take another profile's key, stays as it was;
// every profile gets its lookalike key, except a later lookalike of an earlier one (NULL);
// the UNIQUE index then refuses new lookalikes.
void TestMigrations::namesAreNormalisedAndGetSkeletons()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context ctx{e.db(), &e.clock, QStringLiteral("tester")};
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(sb::Money::fromCents(50000), QStringLiteral("T")));
    const auto u = [](const char* s) { return QString::fromUtf8(s); };
    const sb::ProfileService profiles(ctx);
    for (const char* name : {"Sales", "P2", "P3", "P4", "P5"}) {
        sb::NewSipProfile p;
        p.name = QString::fromLatin1(name);
        p.auth = sb::SipProfile::Auth::Ip;
        p.ip = QStringLiteral("8.8.4.4");
        SB_VERIFY_OK(profiles.create(p));
    }
    SB_VERIFY_OK(sb::MemberService(ctx).add({u("ada.one"), u("Ada"), QString(), QString()}));
    SB_VERIFY_OK(sb::MemberService(ctx).add({u("bob.two"), u("Bob"), QString(), u("Ops")}));
    QVERIFY(undoNames(e.db()));
    // As an older version wrote them (its name_key: trimmed and case-folded).
    const auto setProfile = [&](const char* from, const QString& name, const QString& dept) {
        return bool(
            e.db().run(QStringLiteral("UPDATE profiles SET name = ?, name_key = ?,"
                                      " department = ? WHERE name = ?"),
                       {name, name.trimmed().toCaseFolded(), dept, QString::fromLatin1(from)}));
    };
    QVERIFY(setProfile("P2", u("Sales\u00a0Oslo\u200b"), u("Field\u2003Sales")));
    QVERIFY(setProfile("P3", u("\u0405\u0430l\u0435\u0455"), QString(0, QChar()))); // Ѕаlеѕ
    QVERIFY(setProfile("P4", u("\u200b"), QString(0, QChar())));
    QVERIFY(setProfile("P5", u("sales\u200b"), QString(0, QChar())));
    QVERIFY(e.db().run(QStringLiteral("UPDATE members SET display_name = ?, department = ?"
                                      " WHERE account_name = 'ada.one'"),
                       {u("Ada\u00a0\u00a0Lovelace\u200d"), u("Cre\u0300me")}));

    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT name, name_key, name_skeleton, department,"
                                           " search_key FROM profiles ORDER BY id")),
             QStringList({u("Sales|sales|sales||sales"),
                          u("Sales Oslo|sales oslo|sales oslo|Field Sales|") +
                              sb::SearchIndex::profileKey(u("Sales Oslo"), u("Field Sales")),
                          // A later lookalike of "Sales": kept, without a skeleton.
                          u("\u0405\u0430l\u0435\u0455|\u0455\u0430l\u0435\u0455|NULL||"
                            "\u0455\u0430l\u0435\u0455"),
                          // Nothing visible: left for the admin to rename.
                          u("\u200b|\u200b|NULL||\u200b"),
                          // Would take "Sales"'s key: kept as it was.
                          u("sales\u200b|sales\u200b|NULL||sales\u200b")}));
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT display_name, department, search_key"
                                           " FROM members ORDER BY id")),
             QStringList({u("Ada Lovelace|Crème|") +
                              sb::SearchIndex::memberKey(u("ada.one"), u("Ada Lovelace"), QString(),
                                                         u("Crème")),
                          u("Bob|Ops|") + sb::SearchIndex::memberKey(u("bob.two"), u("Bob"),
                                                                     QString(), u("Ops"))}));
    SB_VERIFY_OK(sb::ProfileService(ctx).find(u("sales oslo")));
    // New lookalikes are refused, by the service and by the index.
    sb::NewSipProfile lookalike;
    lookalike.name = u("\u0405ales Oslo");
    lookalike.auth = sb::SipProfile::Auth::Ip;
    lookalike.ip = QStringLiteral("8.8.4.4");
    const auto refused = sb::ProfileService(ctx).create(lookalike);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, sb::Error::Kind::Refused);
    QVERIFY(!db->run(QStringLiteral("UPDATE profiles SET name_skeleton = 'sales' WHERE name = ?"),
                     {u("\u200b")})
                 .ok());
    // Renaming the old lookalike gives it a skeleton, or refuses a lookalike again.
    QVERIFY(!sb::ProfileService(ctx).rename(u("\u0405\u0430l\u0435\u0455"), u("S\u0430les")).ok());
    SB_VERIFY_OK(sb::ProfileService(ctx).rename(u("\u0405\u0430l\u0435\u0455"), u("Sales North")));
    QCOMPARE(sbt::rows(*db, QStringLiteral("SELECT name_skeleton FROM profiles WHERE name ="
                                           " 'Sales North'")),
             QStringList{QStringLiteral("sales north")});
}

// Step 16: the calls already stored get their payer's key (a member's account key before a
// profile's name key), and the triggers keep it for rows written without one.
void TestMigrations::payerKeysAreFilled()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const sb::Context ctx{e.db(), &e.clock, QStringLiteral("tester")};
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(sb::Money::fromCents(50000), QStringLiteral("T")));
    sb::NewSipProfile p;
    p.name = QStringLiteral("Front Desk");
    p.auth = sb::SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    SB_VERIFY_OK(sb::ProfileService(ctx).create(p));
    SB_VERIFY_OK(sb::MemberService(ctx).add(
        {QStringLiteral("Ada.One"), QStringLiteral("Ada"), QString(), QString()}));
    QVERIFY(undoPayerKey(e.db()));
    const auto insert = [&](const char* member, const char* profile, const char* id) {
        return bool(e.db().run(
            QStringLiteral("INSERT INTO calls (member_id, profile_id, started_at, source,"
                           " destination, billsec, cost_cents, unique_id) VALUES ((SELECT id"
                           " FROM members WHERE account_key = ?), (SELECT id FROM profiles"
                           " WHERE name_key = ?), '2026-03-01T09:00:00Z', '1', '2', 0, 0, ?)"),
            {QString::fromLatin1(member), QString::fromLatin1(profile), QString::fromLatin1(id)}));
    };
    QVERIFY(insert("ada.one", "", "c1"));
    QVERIFY(insert("", "front desk", "c2"));
    QVERIFY(insert("ada.one", "front desk", "c3"));
    QVERIFY(insert("", "", "c4"));

    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    const QString keys =
        QStringLiteral("SELECT unique_id, payer_key FROM calls ORDER BY unique_id");
    QCOMPARE(sbt::rows(*db, keys),
             QStringList({QStringLiteral("c1|ada.one"), QStringLiteral("c2|front desk"),
                          QStringLiteral("c3|ada.one"), QStringLiteral("c4|")}));
    // Written without a key, as another writer would: the trigger fills it. (Such a writer
    // builds the calls' monthly totals again.)
    QVERIFY(insert("", "front desk", "c5"));
    SB_VERIFY_OK(sb::CallSummaries::rebuildTotals(*db));
    SB_VERIFY_OK(
        sb::ProfileService(ctx).rename(QStringLiteral("Front Desk"), QStringLiteral("Reception")));
    QCOMPARE(sbt::rows(*db, keys),
             QStringList({QStringLiteral("c1|ada.one"), QStringLiteral("c2|reception"),
                          QStringLiteral("c3|ada.one"), QStringLiteral("c4|"),
                          QStringLiteral("c5|reception")}));
}

// Step 19 keeps each account's usual week of spending. A database of 18 with spending gets
// the column uncomputed (readers sum as before) until billing computes it for this month.
void TestMigrations::usualWeeksWaitForBilling()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine, sbt::utc(2026, 2, 10, 12));
    const sb::Context& ctx = *e.ctx;
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(sb::Money::fromCents(100000), QStringLiteral("T")));
    SB_VERIFY_OK(sb::MemberService(ctx).add(
        {QStringLiteral("fred.early"), QStringLiteral("Fred"), QString(), QString()}));
    SB_VERIFY_OK(sb::CreditService(ctx).allocate(sb::Money::fromCents(10000),
                                                 {QStringLiteral("fred.early")}));
    SB_VERIFY_OK(sb::CreditService(ctx).charge(QStringLiteral("fred.early"),
                                               sb::Money::fromCents(9000), QStringLiteral("Feb")));
    QVERIFY(undoUsualWeeks(e.db()));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT month FROM usual_spending")),
             QVariant(QString()));
    QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT COUNT(*) FROM accounts"
                                             " WHERE usual_week_cents <> 0"))
                 .toLongLong(),
             0);
    e.clock.set(sbt::utc(2026, 3, 2, 12));
    const sb::Context later{*db, &e.clock, QStringLiteral("tester")};
    SB_VERIFY_OK(sb::BillingService(later).run());
    QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT month FROM usual_spending")),
             QVariant(QStringLiteral("2026-03")));
    // 90.00 over December to February (90 days): 7.00 a week.
    QCOMPARE(sbt::scalar(*db, QStringLiteral("SELECT usual_week_cents FROM accounts a JOIN"
                                             " members m ON m.account_id = a.id"))
                 .toLongLong(),
             700);
    QVERIFY2(sbt::booksProblem(later).isEmpty(), qPrintable(sbt::booksProblem(later)));
}

// Step 21 puts the calls' search key beside their time in the time index, so that a search
// read in time order tests each key in the index alone (SQLite; PostgreSQL plans its own).
void TestMigrations::timeIndexCarriesSearchKey()
{
    SB_ENV(e, QStringLiteral("sqlite"));
    const QString walk = QStringLiteral(
        "EXPLAIN QUERY PLAN SELECT c.id FROM calls c WHERE instr(c.search_key, '3120') > 0"
        " ORDER BY c.started_at DESC, c.id DESC LIMIT 200");
    const auto plan = [&](const Database& db) { return sbt::rows(db, walk).join(u'\n'); };
    QVERIFY(undoKeyedTime(e.db()));
    QVERIFY2(!plan(e.db()).contains(QLatin1String("COVERING INDEX calls_started_seek")),
             qPrintable(plan(e.db())));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    QVERIFY2(plan(*db).contains(QLatin1String("COVERING INDEX calls_started_seek")),
             qPrintable(plan(*db)));
}

// Step 22 drops the ledger's indexes by account alone: those by account and time serve the
// same reads, and an account's entries are still found by index (SQLite's plan says so).
void TestMigrations::ledgerReadByAccountAndTime()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    QVERIFY(undoLedgerByAccount(e.db()));
    auto db = Database::open(e.t.spec());
    SB_VERIFY_OK(db);
    QCOMPARE(db->schemaVersion(), Migrations::latestVersion());
    const QString indexes = db->isPostgres()
                                ? QStringLiteral("SELECT indexname FROM pg_indexes WHERE"
                                                 " tablename = 'ledger' ORDER BY indexname")
                                : QStringLiteral("SELECT name FROM sqlite_master WHERE"
                                                 " type = 'index' AND tbl_name = 'ledger'"
                                                 " AND sql IS NOT NULL ORDER BY name");
    const QStringList names = sbt::rows(*db, indexes);
    QVERIFY2(!names.contains(QStringLiteral("ledger_from")) &&
                 !names.contains(QStringLiteral("ledger_to")) &&
                 names.contains(QStringLiteral("ledger_from_at")) &&
                 names.contains(QStringLiteral("ledger_to_at")),
             qPrintable(names.join(u' ')));
    if (db->isPostgres())
        return;
    for (const char* column : {"from_account", "to_account"}) {
        const QString plan =
            sbt::rows(*db, QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM ledger WHERE %1 = 7")
                               .arg(QLatin1String(column)))
                .join(u'\n');
        QVERIFY2(plan.contains(QLatin1String("USING INDEX ledger_")) ||
                     plan.contains(QLatin1String("USING COVERING INDEX ledger_")),
                 qPrintable(plan));
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
