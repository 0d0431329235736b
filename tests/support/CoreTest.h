#pragma once

// Shared helpers of the core tests: one fresh database per test row on each engine, a fixed
// clock, snapshots to prove that a refused operation changed nothing, and the books check
// (Ledger::totals and Ledger::inconsistentAccounts) every scenario ends with.

#include "core/base/FixedClock.h"
#include "core/base/Money.h"
#include "core/books/Ledger.h"
#include "core/books/UsualSpending.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>
#include <QLocale>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTest>
#include <QUrl>

#include <optional>

namespace sb {
/// QCOMPARE prints amounts in the machine format.
inline char* toString(const Money& m)
{
    return qstrdup(m.toString().toUtf8().constData());
}
} // namespace sb

namespace sbt {

/// 2026-03-10 12:00 UTC: a quiet day in the middle of a month.
inline QDateTime defaultNow()
{
    return QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
}

inline QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

/// One row per engine: "sqlite", and "postgresql" when a server is configured.
inline void addEngineRows()
{
    QTest::addColumn<QString>("engine");
    const QStringList engines = sb::test::TestDatabase::engines();
    for (const QString& e : engines)
        QTest::newRow(qPrintable(e)) << e;
}

QString booksProblem(const sb::Context& ctx);

/// A database, a clock and a context for one test row. When it goes, at the end of the test
/// function, the books are checked (Ledger::totals and inconsistentAccounts, no negative
/// company balance): every scenario ends with balanced books unless it says otherwise.
class Env
{
public:
    explicit Env(const QString& engine, const QDateTime& now = defaultNow()) : t(engine), clock(now)
    {
    }
    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;
    ~Env()
    {
        if (!ctx || !m_checkBooks)
            return;
        const QString problem = booksProblem(*ctx);
        if (!problem.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("books at the end of the test: ") + problem),
                         __FILE__, __LINE__);
    }

    /// For a test that unbalances the books on purpose.
    void skipBooksCheck() { m_checkBooks = false; }

    void open(const QString& actor = QStringLiteral("tester"))
    {
        ctx.emplace(sb::Context{t.db(), &clock, actor});
    }

    sb::test::TestDatabase t;
    sb::FixedClock clock;
    std::optional<sb::Context> ctx;

    const sb::Database& db() const { return ctx->db; }

private:
    bool m_checkBooks = true;
};

/// A plain QtSql connection to a spec, bypassing Database::open (which migrates or
/// refuses): to look at a database exactly as it is on disk or on the server.
class RawConnection
{
public:
    explicit RawConnection(const QString& spec)
        : m_name(QStringLiteral("sbt-raw-%1").arg(quintptr(this)))
    {
        QSqlDatabase db;
        if (spec.startsWith(QLatin1String("postgresql://"))) {
            const QUrl url(spec);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(url.password());
            db.setDatabaseName(url.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
            db.setDatabaseName(spec.startsWith(QLatin1String("sqlite:")) ? spec.mid(7) : spec);
        }
        m_ok = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QStringList tables() const
    {
        QStringList t = db().tables();
        t.sort();
        return t;
    }
    QVariant scalar(const QString& sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString& sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }

private:
    QString m_name;
    bool m_ok = false;
};

/// A single value of a query without bound values, as a string (tests only).
inline QVariant scalar(const sb::Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

inline qint64 count(const sb::Database& db, const QString& table)
{
    return scalar(db, QStringLiteral("SELECT COUNT(*) FROM ") + table).toLongLong();
}

/// All rows of a query joined as text, for exact comparisons.
inline QStringList rows(const sb::Database& db, const QString& sql)
{
    QStringList out;
    QSqlQuery q(db.sql());
    if (!q.exec(sql))
        return {QStringLiteral("<query failed: %1>").arg(sql)};
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < q.record().count(); ++i)
            cols.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        out.append(cols.join(QLatin1Char('|')));
    }
    return out;
}

/// What a refused operation must leave exactly as it was. The ledger and the activity log
/// are append-only, so their row count and highest id stand for their whole content.
struct Snapshot
{
    QStringList accounts;
    QStringList members;
    QStringList autoRecharge;
    QString ledger;
    QString activity;

    bool operator==(const Snapshot&) const = default;

    QString diff(const Snapshot& o) const
    {
        QStringList d;
        if (accounts != o.accounts)
            d << QStringLiteral("accounts: [%1] -> [%2]")
                     .arg(accounts.join(QLatin1Char(' ')), o.accounts.join(QLatin1Char(' ')));
        if (members != o.members)
            d << QStringLiteral("members: %1 -> %2 rows").arg(members.size()).arg(o.members.size());
        if (autoRecharge != o.autoRecharge)
            d << QStringLiteral("auto_recharge: [%1] -> [%2]")
                     .arg(autoRecharge.join(QLatin1Char(' ')),
                          o.autoRecharge.join(QLatin1Char(' ')));
        if (ledger != o.ledger)
            d << QStringLiteral("ledger: %1 -> %2").arg(ledger, o.ledger);
        if (activity != o.activity)
            d << QStringLiteral("activity: %1 -> %2").arg(activity, o.activity);
        return d.join(QStringLiteral("; "));
    }
};

inline Snapshot snapshot(const sb::Database& db)
{
    Snapshot s;
    s.accounts =
        rows(db, QStringLiteral("SELECT id, kind, balance_cents FROM accounts ORDER BY id"));
    s.members =
        rows(db, QStringLiteral(
                     "SELECT id, account_id, account_key, display_name, email, department, status"
                     " FROM members ORDER BY id"));
    s.autoRecharge = rows(
        db, QStringLiteral(
                "SELECT member_id, amount_cents, threshold_cents, monthly_limit_cents,"
                " month, recharged_cents, suspended_until FROM auto_recharge ORDER BY member_id"));
    s.ledger = rows(db, QStringLiteral("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM ledger"))
                   .join(QString());
    s.activity = rows(db, QStringLiteral("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM activity"))
                     .join(QString());
    return s;
}

/// Empty when the ledger's summaries (LedgerSummary) agree with the ledger: each month's
/// flows per account and kind, each account's latest closing balance, and the money spent
/// per month and kind.
inline QString summariesProblem(const sb::Database& db)
{
    const auto differ = [&](const char* what, const char* summary, const char* fromLedger) {
        const QStringList kept = rows(db, QString::fromLatin1(summary));
        const QStringList computed = rows(db, QString::fromLatin1(fromLedger));
        if (kept == computed)
            return QString();
        return QStringLiteral("%1 disagree with what they sum: kept [%2], summed [%3]")
            .arg(QString::fromLatin1(what), kept.join(QLatin1Char(' ')),
                 computed.join(QLatin1Char(' ')));
    };
    QString p = differ(
        "ledger_months",
        "SELECT month, account_id, kind, in_cents, out_cents, for_cents, entries FROM"
        " ledger_months ORDER BY month, account_id, kind",
        "SELECT month, account_id, kind, CAST(SUM(i) AS BIGINT), CAST(SUM(o) AS BIGINT),"
        " CAST(SUM(f) AS BIGINT), COUNT(*) FROM ("
        " SELECT substr(at, 1, 7) AS month, from_account AS account_id, kind, 0 AS i,"
        " amount_cents AS o, 0 AS f FROM ledger WHERE from_account IS NOT NULL"
        " UNION ALL SELECT substr(at, 1, 7), to_account, kind, amount_cents, 0, 0 FROM ledger"
        " WHERE to_account IS NOT NULL UNION ALL SELECT substr(at, 1, 7), for_account, kind, 0,"
        " 0, amount_cents FROM ledger WHERE for_account IS NOT NULL) t"
        " GROUP BY month, account_id, kind ORDER BY month, account_id, kind");
    if (p.isEmpty())
        p = differ("closing balances",
                   "SELECT account_id, month, closing_cents FROM balance_months"
                   " ORDER BY account_id, month",
                   "SELECT account_id, month, CAST(SUM(net) OVER (PARTITION BY account_id"
                   " ORDER BY month) AS BIGINT) FROM (SELECT account_id, month, SUM(n) AS net"
                   " FROM (SELECT from_account AS account_id, substr(at, 1, 7) AS month,"
                   " -amount_cents AS n FROM ledger WHERE from_account IS NOT NULL UNION ALL"
                   " SELECT to_account, substr(at, 1, 7), amount_cents FROM ledger WHERE"
                   " to_account IS NOT NULL) e GROUP BY account_id, month) t"
                   " ORDER BY account_id, month");
    if (p.isEmpty())
        p = differ("company_hours", "SELECT hour, net_cents FROM company_hours ORDER BY hour",
                   "SELECT h, CAST(SUM(n) AS BIGINT) FROM (SELECT substr(at, 1, 13) AS h,"
                   " amount_cents AS n FROM ledger WHERE to_account = 1 UNION ALL"
                   " SELECT substr(at, 1, 13), -amount_cents FROM ledger"
                   " WHERE from_account = 1) t GROUP BY h ORDER BY h");
    if (p.isEmpty())
        p = differ("latest closing balances",
                   "SELECT b.account_id, b.closing_cents FROM balance_months b WHERE b.month ="
                   " (SELECT MAX(month) FROM balance_months WHERE account_id = b.account_id)"
                   " ORDER BY b.account_id",
                   "SELECT id, balance_cents FROM accounts WHERE id IN (SELECT account_id FROM"
                   " balance_months) ORDER BY id");
    if (p.isEmpty())
        p = differ(
            "spending_months",
            "SELECT month, kind, CAST(SUM(cents) AS BIGINT) FROM spending_months"
            " GROUP BY month, kind"
            " HAVING SUM(cents) <> 0 ORDER BY month, kind",
            "SELECT substr(at, 1, 7), kind, CAST(SUM(CASE WHEN to_account IS NULL THEN"
            " amount_cents ELSE -amount_cents END) AS BIGINT) FROM ledger WHERE kind IN ('number',"
            " 'channels', 'bundle', 'bundle-refund', 'channels-refund', 'call', 'charge') AND "
            "(from_account"
            " IS NULL OR to_account IS NULL) GROUP BY substr(at, 1, 7), kind HAVING"
            " SUM(CASE WHEN to_account IS NULL THEN amount_cents ELSE -amount_cents END)"
            " <> 0 ORDER BY 1, 2");
    // The calls' monthly totals (a month whose calls all went with their profile is zeros).
    if (p.isEmpty())
        p = differ("call_totals",
                   "SELECT month, calls, billed_minutes, bundle_minutes, cost_cents,"
                   " charged_cents FROM call_totals WHERE calls <> 0 OR billed_minutes <> 0 OR"
                   " bundle_minutes <> 0 OR cost_cents <> 0 OR charged_cents <> 0 ORDER BY month",
                   "SELECT substr(started_at, 1, 7), COUNT(*), CAST(SUM(billed_minutes) AS"
                   " BIGINT), CAST(SUM(bundle_minutes) AS BIGINT), CAST(SUM(cost_cents) AS"
                   " BIGINT), CAST(SUM(charged_cents) AS BIGINT) FROM calls"
                   " GROUP BY substr(started_at, 1, 7) ORDER BY 1");
    // Each account's usual week of spending, once computed, for the window it was computed
    // for (UsualSpending): summed here from the ledger itself.
    const QString to = scalar(db, QStringLiteral("SELECT month FROM usual_spending")).toString();
    if (p.isEmpty() && !to.isEmpty()) {
        const sb::UsualSpending::Window w(
            QDate::fromString(to + QStringLiteral("-01"), Qt::ISODate));
        const QString week =
            QStringLiteral("(CAST(SUM(o) AS BIGINT) * 14 + %1) / %2").arg(w.days).arg(2 * w.days);
        p = differ("usual weeks of spending",
                   "SELECT id, usual_week_cents FROM accounts WHERE usual_week_cents <> 0"
                   " ORDER BY id",
                   QStringLiteral("SELECT account_id, %1 FROM (SELECT from_account AS"
                                  " account_id, amount_cents AS o FROM ledger WHERE"
                                  " from_account IS NOT NULL AND kind IN ('call', 'charge',"
                                  " 'bundle') AND substr(at, 1, 7) >= '%2' AND"
                                  " substr(at, 1, 7) < '%3') t GROUP BY account_id"
                                  " HAVING SUM(o) > 0 AND %1 <> 0 ORDER BY account_id")
                       .arg(week, w.from, w.to)
                       .toLatin1()
                       .constData());
    }
    return p;
}

/// Empty when the books are right: money in minus money out equals all balances, every
/// stored balance equals what the ledger says, and the company balance is not below zero
/// (members and profiles may owe for calls).
inline QString booksProblem(const sb::Context& ctx)
{
    const sb::Ledger ledger(ctx);
    auto totals = ledger.totals();
    if (!totals)
        return QStringLiteral("totals() failed: ") + totals.error().message;
    if (totals->toppedUp - totals->spent != totals->balances)
        return QStringLiteral("topped up %1 - spent %2 != balances %3")
            .arg(totals->toppedUp.toString(), totals->spent.toString(),
                 totals->balances.toString());
    auto bad = ledger.inconsistentAccounts();
    if (!bad)
        return QStringLiteral("inconsistentAccounts() failed: ") + bad.error().message;
    if (!bad->isEmpty()) {
        QStringList ids;
        for (qint64 id : std::as_const(*bad))
            ids << QString::number(id);
        return QStringLiteral("accounts disagree with the ledger: ") + ids.join(QLatin1Char(','));
    }
    const qint64 negative =
        scalar(ctx.db, QStringLiteral("SELECT COUNT(*) FROM accounts WHERE kind = 'company'"
                                      " AND balance_cents < 0"))
            .toLongLong();
    if (negative != 0)
        return QStringLiteral("the company balance is below zero");
    return summariesProblem(ctx.db);
}

template<typename T> QString errorText(const sb::Result<T>& r)
{
    return r.ok() ? QString() : r.error().message;
}

} // namespace sbt

/// Fails (with $SWITCHBOARD_TEST_REQUIRE_PG=1) or skips a row whose engine is unavailable.
#define SB_ENV(var, engine, ...)                                                                   \
    sbt::Env var(engine __VA_OPT__(, ) __VA_ARGS__);                                               \
    do {                                                                                           \
        if (!var.t.ok()) {                                                                         \
            if (sb::test::TestDatabase::postgresRequired())                                        \
                QFAIL(qPrintable(QStringLiteral("PostgreSQL is required: ") + var.t.error()));     \
            QSKIP(qPrintable(var.t.error()));                                                      \
        }                                                                                          \
        var.open();                                                                                \
    } while (0)

/// In initTestCase: with $SWITCHBOARD_TEST_REQUIRE_PG=1 and no server configured, fail.
#define SB_REQUIRE_PG_IF_ASKED()                                                                   \
    do {                                                                                           \
        if (sb::test::TestDatabase::postgresRequired() &&                                          \
            !sb::test::TestDatabase::engines().contains(QStringLiteral("postgresql")))             \
            QFAIL("SWITCHBOARD_TEST_REQUIRE_PG=1 but SWITCHBOARD_TEST_PG is not set");             \
        qInfo("engines: %s",                                                                       \
              qPrintable(sb::test::TestDatabase::engines().join(QStringLiteral(", "))));           \
    } while (0)

/// In initTestCase of the core tests: messages in the C locale (machine amounts and ISO
/// dates, whatever $LANG says), and the PostgreSQL requirement.
#define SB_INIT_CORE_TEST()                                                                        \
    do {                                                                                           \
        QLocale::setDefault(QLocale::c());                                                         \
        SB_REQUIRE_PG_IF_ASKED();                                                                  \
    } while (0)

/// Evaluates `expr` (a Result) once and fails with its message if it is an error.
#define SB_VERIFY_OK(expr)                                                                         \
    do {                                                                                           \
        const auto& result_ = (expr);                                                              \
        QVERIFY2(result_.ok(), qPrintable(sbt::errorText(result_)));                               \
    } while (0)

/// Evaluates `expr` (a Result) once and checks that it was refused for the expected reason:
/// its kind (an sb::Error::Kind) and a fragment of its message. A refusal for another reason
/// (say the balance where the limit was meant) fails, as does a success.
#define SB_VERIFY_ERROR(expr, errorKind, fragment)                                                 \
    do {                                                                                           \
        const auto& refusal_ = (expr);                                                             \
        QVERIFY2(!refusal_.ok(), "succeeded where a refusal was expected");                        \
        QVERIFY2(refusal_.error().kind == (errorKind),                                             \
                 qPrintable(QStringLiteral("refused with kind %1, expected %2: %3")                \
                                .arg(int(refusal_.error().kind))                                   \
                                .arg(int(errorKind))                                               \
                                .arg(refusal_.error().message)));                                  \
        QVERIFY2(refusal_.error().message.contains(fragment),                                      \
                 qPrintable(QStringLiteral("the refusal \"%1\" does not mention \"%2\"")           \
                                .arg(refusal_.error().message, QString(fragment))));               \
    } while (0)

#define SB_VERIFY_BOOKS(ctx)                                                                       \
    do {                                                                                           \
        const QString problem_ = sbt::booksProblem(ctx);                                           \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

#define SB_COMPARE_SNAPSHOT(before, after)                                                         \
    QVERIFY2((before) == (after), qPrintable((before).diff(after)))
