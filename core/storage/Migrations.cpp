#include "core/storage/Migrations.h"

#include "core/storage/ActivityMigration.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/Database.h"
#include "core/storage/NameMigration.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStringList>

namespace sb {

namespace {

// {PK} and {BIGPK} differ by engine; everything else is the SQL both engines speak.
// Times are ISO 8601 UTC text and dates YYYY-MM-DD text: sortable and portable.
const QList<QStringList>& steps()
{
    static const QList<QStringList> s = {
        // 1: the ledger, members, auto-recharge and the activity log.
        {
            QStringLiteral("CREATE TABLE accounts ("
                           " id {PK},"
                           " kind TEXT NOT NULL CHECK (kind IN ('company','member','profile')),"
                           " balance_cents BIGINT NOT NULL DEFAULT 0 CHECK (balance_cents >= 0))"),
            QStringLiteral("INSERT INTO accounts (kind, balance_cents) VALUES ('company', 0)"),
            QStringLiteral("CREATE TABLE members ("
                           " id {PK},"
                           " account_id BIGINT NOT NULL UNIQUE REFERENCES accounts(id),"
                           " account_name TEXT NOT NULL,"
                           " account_key TEXT NOT NULL UNIQUE,"
                           " display_name TEXT NOT NULL,"
                           " email TEXT NOT NULL DEFAULT '',"
                           " department TEXT NOT NULL DEFAULT '',"
                           " status TEXT NOT NULL DEFAULT 'active',"
                           " search_key TEXT NOT NULL DEFAULT '',"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX members_display_name ON members(display_name)"),
            QStringLiteral("CREATE INDEX members_department ON members(department)"),
            QStringLiteral("CREATE INDEX members_email ON members(email)"),
            QStringLiteral("CREATE INDEX accounts_balance ON accounts(balance_cents)"),
            QStringLiteral("CREATE TABLE auto_recharge ("
                           " member_id BIGINT PRIMARY KEY REFERENCES members(id),"
                           " amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),"
                           " threshold_cents BIGINT NOT NULL CHECK (threshold_cents >= 0),"
                           " monthly_limit_cents BIGINT NOT NULL CHECK (monthly_limit_cents > 0),"
                           " month TEXT NOT NULL,"
                           " recharged_cents BIGINT NOT NULL DEFAULT 0,"
                           " suspended_until TEXT NULL)"),
            QStringLiteral("CREATE TABLE ledger ("
                           " id {PK},"
                           " at TEXT NOT NULL,"
                           " from_account BIGINT NULL REFERENCES accounts(id),"
                           " to_account BIGINT NULL REFERENCES accounts(id),"
                           " amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),"
                           " kind TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " reference TEXT NOT NULL DEFAULT '',"
                           " note TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX ledger_from ON ledger(from_account)"),
            QStringLiteral("CREATE INDEX ledger_to ON ledger(to_account)"),
            QStringLiteral("CREATE TABLE activity ("
                           " id {PK},"
                           " at TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " subject TEXT NOT NULL DEFAULT '',"
                           " details TEXT NOT NULL DEFAULT '')"),
        },
        // 2: numbers, SIP profiles with channels and linked accounts, call records, settings.
        {
            QStringLiteral(
                "CREATE TABLE profiles ("
                " id {PK},"
                " account_id BIGINT NOT NULL UNIQUE REFERENCES accounts(id),"
                " name TEXT NOT NULL,"
                " name_key TEXT NOT NULL UNIQUE,"
                " department TEXT NOT NULL DEFAULT '',"
                " email TEXT NOT NULL DEFAULT '',"
                " auth TEXT NOT NULL DEFAULT 'registration' CHECK (auth IN ('registration','ip')),"
                " ip TEXT NOT NULL DEFAULT '',"
                " port INTEGER NOT NULL DEFAULT 5060,"
                " sip_username TEXT NOT NULL DEFAULT '',"
                " secret TEXT NOT NULL DEFAULT '',"
                " channels INTEGER NOT NULL DEFAULT 1 CHECK (channels BETWEEN 1 AND 300),"
                " channel_price_cents BIGINT NOT NULL DEFAULT 0,"
                " channels_anchor TEXT NOT NULL,"
                " channels_periods INTEGER NOT NULL DEFAULT 1,"
                " channels_expires TEXT NOT NULL,"
                " channels_lapsed INTEGER NOT NULL DEFAULT 0,"
                " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE profile_links ("
                           " member_id BIGINT PRIMARY KEY REFERENCES members(id),"
                           " profile_id BIGINT NOT NULL REFERENCES profiles(id),"
                           " extension TEXT NOT NULL DEFAULT '',"
                           " linked_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX profile_links_profile ON profile_links(profile_id)"),
            QStringLiteral("CREATE TABLE calls ("
                           " id {PK},"
                           " profile_id BIGINT NULL REFERENCES profiles(id),"
                           " member_id BIGINT NULL REFERENCES members(id),"
                           " started_at TEXT NOT NULL,"
                           " source TEXT NOT NULL DEFAULT '',"
                           " destination TEXT NOT NULL DEFAULT '',"
                           " billsec INTEGER NOT NULL DEFAULT 0,"
                           " cost_cents BIGINT NOT NULL DEFAULT 0,"
                           " unique_id TEXT NOT NULL UNIQUE)"),
            QStringLiteral("CREATE INDEX calls_profile ON calls(profile_id, started_at)"),
            QStringLiteral("CREATE INDEX calls_member ON calls(member_id, started_at)"),
            QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE numbers ("
                " id {PK},"
                " e164 TEXT NOT NULL UNIQUE,"
                " country TEXT NOT NULL,"
                " area TEXT NOT NULL,"
                " member_id BIGINT NULL REFERENCES members(id),"
                " profile_id BIGINT NULL REFERENCES profiles(id),"
                " months INTEGER NOT NULL CHECK (months IN (1, 3, 12)),"
                " price_cents BIGINT NOT NULL,"
                " anchor TEXT NOT NULL,"
                " periods INTEGER NOT NULL DEFAULT 1,"
                " expires TEXT NOT NULL,"
                " cancelled INTEGER NOT NULL DEFAULT 0,"
                " status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','released')),"
                " bought_at TEXT NOT NULL,"
                " CHECK (member_id IS NULL OR profile_id IS NULL))"),
            QStringLiteral("CREATE INDEX numbers_area ON numbers(country, area, status)"),
            QStringLiteral("CREATE INDEX numbers_member ON numbers(member_id)"),
            QStringLiteral("CREATE INDEX numbers_profile ON numbers(profile_id)"),
            QStringLiteral("CREATE INDEX numbers_due ON numbers(status, expires)"),
            QStringLiteral("CREATE TABLE terms_acceptances ("
                           " id {PK},"
                           " at TEXT NOT NULL,"
                           " actor TEXT NOT NULL,"
                           " country TEXT NOT NULL,"
                           " e164 TEXT NOT NULL,"
                           " member_id BIGINT NULL REFERENCES members(id),"
                           " profile_id BIGINT NULL REFERENCES profiles(id))"),
        },
        // 3: a case-folded search key for the activity log, written by the program, so that
        //    search ignores case in every language on both engines (SQLite's LOWER() folds
        //    ASCII only). Lines written before get LOWER() of their text.
        {
            QStringLiteral("ALTER TABLE activity ADD COLUMN search_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "UPDATE activity SET search_key = LOWER(action || '\x1f' || subject || '\x1f'"
                " || details || '\x1f' || actor)"),
        },
        // 4: the activity log stores events: the kind (still in `action`) and its values as
        //    JSON, written as a sentence only when shown, in the reader's language. Old lines
        //    are converted by convertActivityToEvents() after these statements.
        {
            QStringLiteral(
                "ALTER TABLE activity ADD COLUMN event_values TEXT NOT NULL DEFAULT '{}'"),
            QStringLiteral("CREATE INDEX activity_action ON activity(action)"),
        },
        // 5: rated call records (issue 8). The calls table of step 2 (payer as profile_id or
        //    member_id, started_at, source, destination as dialled, billsec, cost_cents = the
        //    price, unique_id UNIQUE for dedupe) gains what rating and the history need.
        //    charged_cents is what the ledger took (less than the price only when the payer's
        //    balance could not cover it); the call's ledger entry has kind 'call' and the
        //    call's unique_id as its reference.
        {
            QStringLiteral("ALTER TABLE calls ADD COLUMN account_code TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN answered_at TEXT NULL"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN ended_at TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE calls ADD COLUMN destination_e164 TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN prefix TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN duration INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN disposition TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE calls ADD COLUMN billed_minutes INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral(
                "ALTER TABLE calls ADD COLUMN bundle_minutes INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN rate_ten_thousandths BIGINT NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN charged_cents BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN status TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX calls_started ON calls(started_at)"),
        },
        // Owed balances (issue 8): a call is charged in full even when it takes a member's or
        //    a SIP profile's balance below zero (shown as owed); the company's balance stays
        //    at zero or above. PostgreSQL drops the column CHECK by its generated name.
        //    SQLite cannot drop a CHECK: the table is rebuilt the documented way
        //    (lang_altertable.html, "Making Other Kinds Of Table Schema Changes"), with the
        //    foreign keys off around the step ({FOREIGN_KEYS_OFF}, see migrate()).
        {
            QStringLiteral("{FOREIGN_KEYS_OFF}"),
            QStringLiteral("{POSTGRES}ALTER TABLE accounts DROP CONSTRAINT "
                           "accounts_balance_cents_check"),
            QStringLiteral("{POSTGRES}ALTER TABLE accounts ADD CONSTRAINT accounts_company_not_owed"
                           " CHECK (kind <> 'company' OR balance_cents >= 0)"),
            QStringLiteral("{SQLITE}CREATE TABLE accounts_rebuilt ("
                           " id {PK},"
                           " kind TEXT NOT NULL CHECK (kind IN ('company','member','profile')),"
                           " balance_cents BIGINT NOT NULL DEFAULT 0,"
                           " CONSTRAINT accounts_company_not_owed"
                           " CHECK (kind <> 'company' OR balance_cents >= 0))"),
            QStringLiteral("{SQLITE}INSERT INTO accounts_rebuilt (id, kind, balance_cents)"
                           " SELECT id, kind, balance_cents FROM accounts"),
            // AUTOINCREMENT's counter too: an id once used is never given again.
            QStringLiteral("{SQLITE}UPDATE sqlite_sequence SET seq = (SELECT MAX(seq) FROM"
                           " sqlite_sequence WHERE name IN ('accounts', 'accounts_rebuilt'))"
                           " WHERE name = 'accounts_rebuilt'"),
            QStringLiteral("{SQLITE}DROP TABLE accounts"),
            QStringLiteral("{SQLITE}ALTER TABLE accounts_rebuilt RENAME TO accounts"),
            QStringLiteral("{SQLITE}CREATE INDEX accounts_balance ON accounts(balance_cents)"),
        },
        // US minute bundles (issue 8): one row per bundle period, kept as history. A profile's
        // periods are anchored like numbers: starts_on = anchor + (period - 1) months and
        // ends_on = anchor + period months (exclusive: the renewal date), so the 31st does not
        // drift. price_cents is the price of ONE bundle when this period was bought (the
        // refund of a change uses it), paid_cents what the profile paid for the period.
        // state: 'active' (renews), 'cancelled' (usable to ends_on, no renewal), 'changed'
        // (ended early by a change, unused minutes refunded), 'lapsed' (the renewal could
        // not be paid). An extension is the next period's row, paid ahead, starts_on in the
        // future.
        {
            QStringLiteral("CREATE TABLE bundle_periods ("
                           " id {PK},"
                           " profile_id BIGINT NOT NULL REFERENCES profiles(id),"
                           " anchor TEXT NOT NULL,"
                           " period INTEGER NOT NULL CHECK (period >= 1),"
                           " starts_on TEXT NOT NULL,"
                           " ends_on TEXT NOT NULL,"
                           " bundle_count INTEGER NOT NULL CHECK (bundle_count BETWEEN 1 AND 300),"
                           " price_cents BIGINT NOT NULL CHECK (price_cents >= 0),"
                           " paid_cents BIGINT NOT NULL CHECK (paid_cents >= 0),"
                           " minutes_used BIGINT NOT NULL DEFAULT 0 CHECK (minutes_used >= 0),"
                           " state TEXT NOT NULL DEFAULT 'active' CHECK (state IN"
                           " ('active','cancelled','changed','lapsed')),"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX bundle_periods_profile ON bundle_periods(profile_id, starts_on)"),
            QStringLiteral("CREATE INDEX bundle_periods_due ON bundle_periods(state, ends_on)"),
        },
        // Payers' countries (issue 8): dialled numbers are normalised with the payer's
        // country as the default region (national forms, the international prefix).
        // ISO 3166 alpha-2, upper case; rows from before get US, the one region used then.
        {
            QStringLiteral("ALTER TABLE members ADD COLUMN country TEXT NOT NULL DEFAULT 'US'"),
            QStringLiteral("ALTER TABLE profiles ADD COLUMN country TEXT NOT NULL DEFAULT 'US'"),
        },
        {
            // Summaries for reports and the dashboard (LedgerSummary, CallSummaries), built
            // here from what is already stored.
            QStringLiteral("ALTER TABLE ledger ADD COLUMN for_account BIGINT NULL"),
            QStringLiteral(
                "UPDATE ledger SET for_account = (SELECT COALESCE(m.account_id, p.account_id)"
                " FROM numbers n LEFT JOIN members m ON m.id = n.member_id"
                " LEFT JOIN profiles p ON p.id = n.profile_id WHERE n.e164 = ledger.reference)"
                " WHERE kind = 'number' AND from_account = 1 AND to_account IS NULL"),
            QStringLiteral("UPDATE ledger SET for_account = (SELECT account_id FROM profiles"
                           " WHERE profiles.name = ledger.reference)"
                           " WHERE kind = 'channels' AND from_account = 1 AND to_account IS NULL"),
            QStringLiteral("CREATE INDEX ledger_at ON ledger(at)"),
            QStringLiteral("CREATE INDEX ledger_kind_at ON ledger(kind, at)"),
            QStringLiteral("CREATE TABLE ledger_months ("
                           " month TEXT NOT NULL,"
                           " account_id BIGINT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " in_cents BIGINT NOT NULL DEFAULT 0,"
                           " out_cents BIGINT NOT NULL DEFAULT 0,"
                           " for_cents BIGINT NOT NULL DEFAULT 0,"
                           " entries BIGINT NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (month, account_id, kind))"),
            QStringLiteral(
                "CREATE INDEX ledger_months_account ON ledger_months(account_id, month)"),
            QStringLiteral(
                "INSERT INTO ledger_months (month, account_id, kind, in_cents, out_cents,"
                " for_cents, entries)"
                " SELECT month, account_id, kind, SUM(i), SUM(o), SUM(f), COUNT(*) FROM ("
                " SELECT substr(at, 1, 7) AS month, from_account AS account_id, kind,"
                " 0 AS i, amount_cents AS o, 0 AS f FROM ledger WHERE from_account IS NOT NULL"
                " UNION ALL SELECT substr(at, 1, 7), to_account, kind, amount_cents, 0, 0"
                " FROM ledger WHERE to_account IS NOT NULL"
                " UNION ALL SELECT substr(at, 1, 7), for_account, kind, 0, 0, amount_cents"
                " FROM ledger WHERE for_account IS NOT NULL) t"
                " GROUP BY month, account_id, kind"),
            QStringLiteral("CREATE TABLE balance_months ("
                           " account_id BIGINT NOT NULL,"
                           " month TEXT NOT NULL,"
                           " closing_cents BIGINT NOT NULL,"
                           " PRIMARY KEY (account_id, month))"),
            QStringLiteral("CREATE INDEX balance_months_month ON balance_months(month)"),
            QStringLiteral(
                "INSERT INTO balance_months (account_id, month, closing_cents)"
                " SELECT account_id, month, SUM(net) OVER (PARTITION BY account_id ORDER BY month)"
                " FROM (SELECT account_id, month, SUM(in_cents - out_cents) AS net"
                " FROM ledger_months WHERE in_cents <> 0 OR out_cents <> 0"
                " GROUP BY account_id, month) t"),
            QStringLiteral("CREATE TABLE spending_months ("
                           " month TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " department TEXT NOT NULL,"
                           " cents BIGINT NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (month, kind, department))"),
            QStringLiteral(
                "INSERT INTO spending_months (month, kind, department, cents)"
                " SELECT substr(l.at, 1, 7), l.kind, COALESCE(m.department, p.department, ''),"
                " SUM(CASE WHEN l.to_account IS NULL THEN l.amount_cents"
                " ELSE -l.amount_cents END)"
                " FROM ledger l"
                " LEFT JOIN members m ON m.account_id = COALESCE(l.for_account,"
                " l.from_account, l.to_account)"
                " LEFT JOIN profiles p ON p.account_id = COALESCE(l.for_account,"
                " l.from_account, l.to_account)"
                " WHERE l.kind IN ('number', 'channels', 'bundle', 'bundle-refund', 'call',"
                " 'charge') AND (l.from_account IS NULL OR l.to_account IS NULL)"
                " GROUP BY substr(l.at, 1, 7), l.kind, COALESCE(m.department, p.department, '')"),
            QStringLiteral("CREATE TABLE call_months ("
                           " month TEXT NOT NULL,"
                           " account_id BIGINT NOT NULL,"
                           " calls BIGINT NOT NULL DEFAULT 0,"
                           " billed_minutes BIGINT NOT NULL DEFAULT 0,"
                           " us_minutes BIGINT NOT NULL DEFAULT 0,"
                           " bundle_minutes BIGINT NOT NULL DEFAULT 0,"
                           " charged_cents BIGINT NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (month, account_id))"),
            QStringLiteral("CREATE INDEX call_months_account ON call_months(account_id, month)"),
            QStringLiteral("CREATE TABLE call_hours ("
                           " profile_id BIGINT NOT NULL,"
                           " hour TEXT NOT NULL,"
                           " seconds BIGINT NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (profile_id, hour))"),
            QStringLiteral("CREATE TABLE profile_peaks ("
                           " profile_id BIGINT PRIMARY KEY,"
                           " hour TEXT NOT NULL,"
                           " seconds BIGINT NOT NULL)"),
        },
        // 10: the dashboard's attention list (AttentionService) reads suspended
        //     auto-recharges and channels due by index.
        {
            QStringLiteral(
                "CREATE INDEX auto_recharge_suspended ON auto_recharge(suspended_until)"),
            QStringLiteral("CREATE INDEX profiles_channels_due ON profiles(channels_lapsed,"
                           " channels_expires)"),
        },
        {
            // The company's balance per day (ChartData) and usual spending (AttentionService)
            // read only what they sum, from covering indexes.
            QStringLiteral("CREATE INDEX ledger_from_at ON ledger(from_account, at, amount_cents)"),
            QStringLiteral("CREATE INDEX ledger_to_at ON ledger(to_account, at, amount_cents)"),
            QStringLiteral("CREATE INDEX ledger_months_kind ON ledger_months(kind, month,"
                           " account_id, out_cents)"),
            QStringLiteral("CREATE TABLE company_hours ("
                           " hour TEXT PRIMARY KEY,"
                           " net_cents BIGINT NOT NULL DEFAULT 0)"),
            QStringLiteral("INSERT INTO company_hours (hour, net_cents)"
                           " SELECT h, SUM(n) FROM (SELECT substr(at, 1, 13) AS h,"
                           " amount_cents AS n FROM ledger WHERE to_account = 1 UNION ALL"
                           " SELECT substr(at, 1, 13), -amount_cents FROM ledger"
                           " WHERE from_account = 1) t GROUP BY h"),
        },
        // 12: trunk health (ProbeService): the latest SIP OPTIONS probe per profile and
        //     server, read by the SIP profiles table with its rows.
        {
            QStringLiteral("CREATE TABLE profile_probes ("
                           " profile_id BIGINT NOT NULL REFERENCES profiles(id),"
                           " position INTEGER NOT NULL,"
                           " kind TEXT NOT NULL CHECK (kind IN ('pbx','provider')),"
                           " target TEXT NOT NULL,"
                           " result TEXT NOT NULL CHECK (result IN ('ok','error','no-answer')),"
                           " code INTEGER NULL,"
                           " rtt_ms INTEGER NULL,"
                           " limit_ms INTEGER NOT NULL,"
                           " reason TEXT NOT NULL DEFAULT '',"
                           " checked_at TEXT NOT NULL,"
                           " PRIMARY KEY (profile_id, position))"),
        },
        // 13: search as you type (issue 11). Numbers, SIP profiles and calls get a search key
        //     like members and activity; every key is folded again (SearchText: case and
        //     accents) and indexed for substrings by SearchIndex::migrate() after these
        //     statements (FTS5 trigram tables and triggers on SQLite, pg_trgm on PostgreSQL).
        {
            QStringLiteral("ALTER TABLE numbers ADD COLUMN search_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE profiles ADD COLUMN search_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE calls ADD COLUMN search_key TEXT NOT NULL DEFAULT ''"),
        },
        // 14: keyset paging (issue 11). Every sortable column gets an index on (column, id),
        //     the order its table pages in, so a page after any row is two index seeks
        //     (core/storage/Keyset.h) however deep. They replace the single-column indexes
        //     they cover (SQLite appends the rowid anyway; PostgreSQL needs the id spelled).
        {
            QStringLiteral("DROP INDEX IF EXISTS members_display_name"),
            QStringLiteral("DROP INDEX IF EXISTS members_department"),
            QStringLiteral("DROP INDEX IF EXISTS members_email"),
            QStringLiteral("DROP INDEX IF EXISTS accounts_balance"),
            QStringLiteral("DROP INDEX IF EXISTS calls_started"),
            QStringLiteral("CREATE INDEX members_name_seek ON members(display_name, id)"),
            QStringLiteral("CREATE INDEX members_email_seek ON members(email, id)"),
            QStringLiteral("CREATE INDEX members_department_seek ON members(department, id)"),
            QStringLiteral("CREATE INDEX members_status_seek ON members(status, id)"),
            QStringLiteral("CREATE INDEX accounts_balance_seek ON accounts(balance_cents, id)"),
            QStringLiteral("CREATE INDEX numbers_country_seek ON numbers(country, id)"),
            QStringLiteral("CREATE INDEX numbers_expires_seek ON numbers(expires, id)"),
            QStringLiteral("CREATE INDEX numbers_status_seek ON numbers(status, id)"),
            QStringLiteral("CREATE INDEX calls_started_seek ON calls(started_at, id)"),
            QStringLiteral("CREATE INDEX calls_source_seek ON calls(source, id)"),
            QStringLiteral("CREATE INDEX calls_destination_seek ON calls(destination_e164, id)"),
            QStringLiteral("CREATE INDEX calls_billsec_seek ON calls(billsec, id)"),
            QStringLiteral("CREATE INDEX calls_billed_seek ON calls(billed_minutes, id)"),
            QStringLiteral("CREATE INDEX calls_bundle_seek ON calls(bundle_minutes, id)"),
            QStringLiteral("CREATE INDEX calls_price_seek ON calls(cost_cents, id)"),
            QStringLiteral("CREATE INDEX calls_status_seek ON calls(status, id)"),
            // The numbers' holder sort is a value of another table (the member's account key
            // or the profile's name key): kept in holder_key by triggers, so it has an index
            // and every writer (the services, the demo, a rename) keeps it exact.
            QStringLiteral("ALTER TABLE numbers ADD COLUMN holder_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("UPDATE numbers SET holder_key = COALESCE("
                           "(SELECT account_key FROM members m WHERE m.id = numbers.member_id),"
                           " (SELECT name_key FROM profiles p WHERE p.id = numbers.profile_id),"
                           " '')"),
            QStringLiteral("CREATE INDEX numbers_holder_seek ON numbers(holder_key, id)"),
            QStringLiteral("{SQLITE}CREATE TRIGGER numbers_holder_key_insert AFTER INSERT ON"
                           " numbers BEGIN UPDATE numbers SET holder_key = COALESCE("
                           "(SELECT account_key FROM members WHERE id = NEW.member_id),"
                           " (SELECT name_key FROM profiles WHERE id = NEW.profile_id), '')"
                           " WHERE id = NEW.id; END"),
            QStringLiteral("{SQLITE}CREATE TRIGGER numbers_holder_key_update AFTER UPDATE OF"
                           " member_id, profile_id ON numbers BEGIN UPDATE numbers SET"
                           " holder_key = COALESCE("
                           "(SELECT account_key FROM members WHERE id = NEW.member_id),"
                           " (SELECT name_key FROM profiles WHERE id = NEW.profile_id), '')"
                           " WHERE id = NEW.id; END"),
            QStringLiteral("{SQLITE}CREATE TRIGGER numbers_holder_key_member AFTER UPDATE OF"
                           " account_key ON members BEGIN UPDATE numbers SET holder_key ="
                           " NEW.account_key WHERE member_id = NEW.id; END"),
            QStringLiteral("{SQLITE}CREATE TRIGGER numbers_holder_key_profile AFTER UPDATE OF"
                           " name_key ON profiles BEGIN UPDATE numbers SET holder_key ="
                           " NEW.name_key WHERE profile_id = NEW.id; END"),
            QStringLiteral("{POSTGRES}CREATE FUNCTION numbers_holder_key() RETURNS trigger"
                           " LANGUAGE plpgsql AS $$ BEGIN NEW.holder_key = COALESCE("
                           "(SELECT account_key FROM members WHERE id = NEW.member_id),"
                           " (SELECT name_key FROM profiles WHERE id = NEW.profile_id), '');"
                           " RETURN NEW; END $$"),
            QStringLiteral("{POSTGRES}CREATE TRIGGER numbers_holder_key BEFORE INSERT OR UPDATE"
                           " OF member_id, profile_id ON numbers FOR EACH ROW EXECUTE FUNCTION"
                           " numbers_holder_key()"),
            QStringLiteral("{POSTGRES}CREATE FUNCTION numbers_holder_key_renamed() RETURNS"
                           " trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_TABLE_NAME = 'members'"
                           " THEN UPDATE numbers SET holder_key = NEW.account_key WHERE"
                           " member_id = NEW.id; ELSE UPDATE numbers SET holder_key ="
                           " NEW.name_key WHERE profile_id = NEW.id; END IF; RETURN NULL;"
                           " END $$"),
            QStringLiteral("{POSTGRES}CREATE TRIGGER numbers_holder_key_member AFTER UPDATE OF"
                           " account_key ON members FOR EACH ROW EXECUTE FUNCTION"
                           " numbers_holder_key_renamed()"),
            QStringLiteral("{POSTGRES}CREATE TRIGGER numbers_holder_key_profile AFTER UPDATE OF"
                           " name_key ON profiles FOR EACH ROW EXECUTE FUNCTION"
                           " numbers_holder_key_renamed()"),
        },
        // 15: names that look the same (issue 12). Names are stored as NameText::normalised
        //     makes them, and a SIP profile's name has a lookalike key (NameText::skeleton)
        //     with a UNIQUE index, so "Ѕаlеѕ" in Cyrillic letters is refused beside "Sales" by
        //     one indexed look-up, and by the index when two admins race. Filled, and the
        //     index built, in C++ (normaliseNames): SQL cannot compute a skeleton. Members'
        //     account names need none: they are ASCII, so their account_key is their skeleton.
        {
            QStringLiteral("ALTER TABLE profiles ADD COLUMN name_skeleton TEXT NULL"),
        },
        // 16: calls sorted by who paid (issue 11): the payer's key was a value of another
        //     table, so ordering a year of calls by it sorted them all (3 s for a million).
        //     Kept in payer_key with an index. The importer writes it with each call (a
        //     trigger per inserted row would slow every import); the triggers fill it for
        //     any other writer and follow a renamed member or profile.
        {
            QStringLiteral("ALTER TABLE calls ADD COLUMN payer_key TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("UPDATE calls SET payer_key = COALESCE("
                           "(SELECT account_key FROM members m WHERE m.id = calls.member_id),"
                           " (SELECT name_key FROM profiles p WHERE p.id = calls.profile_id),"
                           " '')"),
            QStringLiteral("CREATE INDEX calls_payer_seek ON calls(payer_key, id)"),
            QStringLiteral("{SQLITE}CREATE TRIGGER calls_payer_key_insert AFTER INSERT ON calls"
                           " WHEN NEW.payer_key = '' AND (NEW.member_id IS NOT NULL OR"
                           " NEW.profile_id IS NOT NULL) BEGIN UPDATE calls SET payer_key ="
                           " COALESCE((SELECT account_key FROM members WHERE id = NEW.member_id),"
                           " (SELECT name_key FROM profiles WHERE id = NEW.profile_id), '')"
                           " WHERE id = NEW.id; END"),
            QStringLiteral("{SQLITE}CREATE TRIGGER calls_payer_key_update AFTER UPDATE OF"
                           " member_id, profile_id ON calls BEGIN UPDATE calls SET payer_key ="
                           " COALESCE((SELECT account_key FROM members WHERE id = NEW.member_id),"
                           " (SELECT name_key FROM profiles WHERE id = NEW.profile_id), '')"
                           " WHERE id = NEW.id; END"),
            QStringLiteral("{SQLITE}CREATE TRIGGER calls_payer_key_member AFTER UPDATE OF"
                           " account_key ON members BEGIN UPDATE calls SET payer_key ="
                           " NEW.account_key WHERE member_id = NEW.id; END"),
            QStringLiteral("{SQLITE}CREATE TRIGGER calls_payer_key_profile AFTER UPDATE OF"
                           " name_key ON profiles BEGIN UPDATE calls SET payer_key ="
                           " NEW.name_key WHERE profile_id = NEW.id AND member_id IS NULL;"
                           " END"),
            QStringLiteral("{POSTGRES}CREATE FUNCTION calls_payer_key() RETURNS trigger"
                           " LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'UPDATE' OR"
                           " NEW.payer_key = '' THEN NEW.payer_key = COALESCE("
                           "(SELECT account_key FROM members WHERE id = NEW.member_id),"
                           " (SELECT name_key FROM profiles WHERE id = NEW.profile_id), '');"
                           " END IF; RETURN NEW; END $$"),
            QStringLiteral("{POSTGRES}CREATE TRIGGER calls_payer_key BEFORE INSERT OR UPDATE"
                           " OF member_id, profile_id ON calls FOR EACH ROW EXECUTE FUNCTION"
                           " calls_payer_key()"),
            QStringLiteral("{POSTGRES}CREATE FUNCTION calls_payer_key_renamed() RETURNS"
                           " trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_TABLE_NAME = 'members'"
                           " THEN UPDATE calls SET payer_key = NEW.account_key WHERE"
                           " member_id = NEW.id; ELSE UPDATE calls SET payer_key ="
                           " NEW.name_key WHERE profile_id = NEW.id AND member_id IS NULL;"
                           " END IF; RETURN NULL; END $$"),
            QStringLiteral("{POSTGRES}CREATE TRIGGER calls_payer_key_member AFTER UPDATE OF"
                           " account_key ON members FOR EACH ROW EXECUTE FUNCTION"
                           " calls_payer_key_renamed()"),
            QStringLiteral("{POSTGRES}CREATE TRIGGER calls_payer_key_profile AFTER UPDATE OF"
                           " name_key ON profiles FOR EACH ROW EXECUTE FUNCTION"
                           " calls_payer_key_renamed()"),
        },
        // 17: the calls page's totals line (issue 11) summed a year of calls on every start
        //     (a third of a second for a million). `call_totals` keeps every call's totals by
        //     month (CallSummaries), built here from the calls already stored.
        {
            QStringLiteral("CREATE TABLE call_totals ("
                           " month TEXT PRIMARY KEY,"
                           " calls BIGINT NOT NULL DEFAULT 0,"
                           " billed_minutes BIGINT NOT NULL DEFAULT 0,"
                           " bundle_minutes BIGINT NOT NULL DEFAULT 0,"
                           " cost_cents BIGINT NOT NULL DEFAULT 0,"
                           " charged_cents BIGINT NOT NULL DEFAULT 0)"),
        },
        // 18: the SIP profiles table counts each profile's numbers in force; by profile and
        //     status together the count reads the index alone, not fifty thousand rows.
        {
            QStringLiteral("DROP INDEX numbers_profile"),
            QStringLiteral("CREATE INDEX numbers_profile ON numbers(profile_id, status)"),
        },
        // 19: the dashboard's low balances summed three months of spending summaries for
        //     every account on each read. Each account keeps its usual week of spending
        //     (UsualSpending), for the window ending at the month in `usual_spending` (empty:
        //     not computed yet; readers then sum as before); low balances are read by index.
        {
            QStringLiteral("ALTER TABLE accounts ADD COLUMN usual_week_cents BIGINT NOT NULL"
                           " DEFAULT 0"),
            QStringLiteral("CREATE TABLE usual_spending (id INTEGER PRIMARY KEY,"
                           " month TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO usual_spending (id, month) VALUES (1, '')"),
            QStringLiteral("CREATE INDEX accounts_low ON accounts ((usual_week_cents -"
                           " balance_cents)) WHERE usual_week_cents > 0"),
        },
        // 20: a one- or two-character search of calls (by the dialled number's first digits)
        //     and of members matches thousands, read from the key's index and sorted by the
        //     page's order: the calls' time and the members' name beside the key let the page
        //     be chosen from the index alone (calls "31", 11,000 matches: 30 ms → 2 ms).
        //     PostgreSQL chooses its own plan for these.
        {
            QStringLiteral("{SQLITE}DROP INDEX calls_search_prefix"),
            QStringLiteral("{SQLITE}CREATE INDEX calls_search_prefix ON calls(search_key,"
                           " started_at)"),
            QStringLiteral("{SQLITE}DROP INDEX members_search_prefix"),
            QStringLiteral("{SQLITE}CREATE INDEX members_search_prefix ON members(search_key,"
                           " display_name)"),
        },
        // 21: a search of calls that matches thousands is read in time order, testing each
        //     call's key: with the key beside the time in the time index, that reads the index
        //     alone (calls "3120", 6,953 matches: 28 → 8 ms), not a row of the table each.
        //     The keyset seek on (started_at, id) uses the same index.
        {
            QStringLiteral("{SQLITE}DROP INDEX calls_started_seek"),
            QStringLiteral("{SQLITE}CREATE INDEX calls_started_seek ON calls(started_at, id,"
                           " search_key)"),
        },
        // 22: the ledger's indexes by account alone (step 1) are the first column of those by
        //     account and time (step 9), which serve every read and the foreign keys' checks
        //     as well: two fewer indexes to update for every ledger entry (a call charged, a
        //     credit allocated).
        {
            QStringLiteral("DROP INDEX ledger_from"),
            QStringLiteral("DROP INDEX ledger_to"),
        },
    };
    return s;
}

// The step that brings in the call summaries, built from the calls already stored.
constexpr int kCallSummariesStep = 9;
// The step that folds and indexes the search keys.
constexpr int kSearchIndexStep = 13;
// The step that normalises the names and gives SIP profiles their lookalike key.
constexpr int kNamesStep = 15;
// The step that brings in the calls' monthly totals.
constexpr int kCallTotalsStep = 17;

const QString kForeignKeysOff = QStringLiteral("{FOREIGN_KEYS_OFF}");

// A statement marked {POSTGRES} or {SQLITE} runs on that engine only: for schema changes the
// engines cannot spell alike (dropping a CHECK). Returns an empty string to skip.
QString forEngine(QString sql, const Database& db)
{
    if (sql == kForeignKeysOff)
        return {};
    const QLatin1String pg("{POSTGRES}"), lite("{SQLITE}");
    if (sql.startsWith(pg)) {
        if (!db.isPostgres())
            return {};
        sql.remove(0, pg.size());
    } else if (sql.startsWith(lite)) {
        if (db.isPostgres())
            return {};
        sql.remove(0, lite.size());
    }
    sql.replace(QLatin1String("{PK}"), db.isPostgres()
                                           ? QLatin1String("BIGSERIAL PRIMARY KEY")
                                           : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    return sql;
}

bool hasMetaTable(const Database& db)
{
    return db.sql().tables().contains(QStringLiteral("schema_meta"));
}

Result<void> createMetaTable(const Database& db)
{
    auto tx = Transaction::begin(db);
    if (!tx)
        return tx.error();
    if (hasMetaTable(db))
        return {};
    if (auto c = db.run(
            QStringLiteral("CREATE TABLE schema_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        !c)
        return c.error();
    auto q = db.run(QStringLiteral("INSERT INTO schema_meta (key, value) VALUES (?, ?)"),
                    {QStringLiteral("version"), QStringLiteral("0")});
    if (!q)
        return q.error();
    return tx->commit();
}

// The version, read with the row locked (PostgreSQL; SQLite's BEGIN IMMEDIATE holds the
// whole file): a concurrent migrator waits here until the other one has committed.
Result<int> lockedVersion(Transaction& tx)
{
    const Database& db = tx.db();
    auto q =
        db.runFirst(QStringLiteral("SELECT value FROM schema_meta WHERE key = ?") + db.forUpdate(),
                    {QStringLiteral("version")});
    if (!q)
        return q.error();
    return q->value(0).toInt();
}

} // namespace

Result<bool> Migrations::checkOwnership(const Database& db)
{
    const QString where = db.displaySpec();
    const auto untouched = [&](const QString& why) {
        return Error::refused(
            tr("%1 is not a Switchboard database: %2 It was left untouched; choose a Switchboard "
               "database or a new file.")
                .arg(where, why));
    };
    qint64 tables = 0;
    if (db.isPostgres()) {
        auto q = db.runFirst(QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE "
                                            "table_schema = current_schema()"));
        if (!q)
            return q.error();
        tables = q->value(0).toLongLong();
    } else {
        // The first read of a file that is no SQLite database fails here, before any write.
        auto id = db.runFirst(QStringLiteral("PRAGMA application_id"));
        if (!id)
            return untouched(tr("it is not an SQLite database file."));
        const qint32 applicationId = id->value(0).toInt();
        id->finish();
        if (applicationId != 0 && applicationId != ApplicationId)
            return untouched(
                tr("it belongs to another application (application id %1).").arg(applicationId));
        auto q = db.runFirst(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"));
        if (!q)
            return untouched(tr("it is not an SQLite database file."));
        tables = q->value(0).toLongLong();
    }
    if (tables == 0)
        return true;
    if (!hasMetaTable(db))
        return untouched(tr("it holds %n table(s) of another application.", nullptr, int(tables)));
    auto v = db.runFirst(QStringLiteral("SELECT value FROM schema_meta WHERE key = ?"),
                         {QStringLiteral("version")});
    bool number = false;
    const int version = v ? v->value(0).toString().toInt(&number) : -1;
    if (!v || !number || version < 0)
        return Error::refused(
            tr("The database %1 has a damaged schema record (table schema_meta, no valid "
               "version): Switchboard cannot tell which version wrote it. It was left untouched; "
               "restore it from a backup.")
                .arg(where));
    return false;
}

int Migrations::latestVersion()
{
    return static_cast<int>(steps().size());
}

int Migrations::currentVersion(const Database& db)
{
    if (!hasMetaTable(db))
        return 0;
    auto q = db.runFirst(QStringLiteral("SELECT value FROM schema_meta WHERE key = ?"),
                         {QStringLiteral("version")});
    if (!q)
        return 0;
    return q->value(0).toInt();
}

Result<void> Migrations::migrate(const Database& db)
{
    if (!hasMetaTable(db)) {
        // Two processes may create the schema at once; the loser's CREATE fails (on
        // PostgreSQL after waiting for the winner's commit) and it rereads.
        if (auto r = createMetaTable(db); !r && !hasMetaTable(db))
            return r;
    }
    const int current = currentVersion(db);
    if (current > latestVersion())
        return Error::refused(tr("The database %1 was written by a newer version of Switchboard "
                                 "(schema %2; this version knows up to %3). It was left "
                                 "untouched: use a newer Switchboard to open it.")
                                  .arg(db.displaySpec())
                                  .arg(current)
                                  .arg(latestVersion()));
    for (int v = current + 1; v <= latestVersion(); ++v) {
        // A step that rebuilds a table others refer to (SQLite) needs the foreign keys off,
        // and SQLite ignores that pragma inside a transaction: it is switched off before the
        // step's transaction, checked with foreign_key_check before its commit, and switched
        // back on whatever happens.
        const bool foreignKeysOff = !db.isPostgres() && steps().at(v - 1).contains(kForeignKeysOff);
        if (foreignKeysOff) {
            if (auto r = db.run(QStringLiteral("PRAGMA foreign_keys=OFF")); !r)
                return r.error();
        }
        const auto foreignKeysBackOn = qScopeGuard([&] {
            if (foreignKeysOff)
                (void)db.run(QStringLiteral("PRAGMA foreign_keys=ON"));
        });
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        // Re-read under the write lock: another process may have migrated meanwhile.
        const auto locked = lockedVersion(tx.value());
        if (!locked)
            return locked.error();
        if (*locked >= v)
            continue;
        for (const QString& statement : steps().at(v - 1)) {
            const QString sql = forEngine(statement, db);
            if (sql.isEmpty())
                continue;
            if (auto r = db.run(sql); !r)
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(r.error().message),
                                      r.error().retryable);
        }
        if (v == kCallSummariesStep) {
            if (auto r = CallSummaries::rebuild(db); !r)
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(r.error().message),
                                      r.error().retryable);
        }
        if (v == kCallTotalsStep) {
            if (auto r = CallSummaries::rebuildTotals(db); !r)
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(r.error().message),
                                      r.error().retryable);
        }
        if (v == kSearchIndexStep) {
            if (auto r = SearchIndex::migrate(tx.value()); !r)
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(r.error().message),
                                      r.error().retryable);
        }
        if (v == kNamesStep) {
            if (auto r = normaliseNames(tx.value()); !r)
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(r.error().message),
                                      r.error().retryable);
        }
        if (v == 4) {
            if (auto r = convertActivityToEvents(tx.value()); !r)
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(r.error().message),
                                      r.error().retryable);
        }
        if (foreignKeysOff) {
            auto check = db.run(QStringLiteral("PRAGMA foreign_key_check"));
            if (!check)
                return check.error();
            if (check->next())
                return Error::storage(tr("Upgrading the database to schema %1 failed: %2")
                                          .arg(v)
                                          .arg(tr("a row of %1 refers to a missing row.")
                                                   .arg(check->value(0).toString())));
        }
        auto q = db.run(QStringLiteral("UPDATE schema_meta SET value = ? WHERE key = ?"),
                        {QString::number(v), QStringLiteral("version")});
        if (!q)
            return q.error();
        if (auto c = tx->commit(); !c)
            return c;
    }
    return {};
}

} // namespace sb
