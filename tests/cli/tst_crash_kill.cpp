// kill -9 at random moments of switchboardctl's long operations: a large member import, an
// allocation to many members at once, a billing run with many renewals (a catch-up of several
// periods) and auto-recharges due, and a call import. After each kill the database is whole
// (SQLite: PRAGMA integrity_check), the books balance, and the operation happened all or
// nothing: what the tables hold is either exactly the state before or exactly the state one
// uninterrupted run leaves.
//
// Each operation starts from the same prepared database (a copy of a file on SQLite, a
// CREATE DATABASE … TEMPLATE on PostgreSQL). One uninterrupted run measures how long the
// process takes; each kill then comes at a uniform random fraction of that time (some land
// before the commit, some after it), from a seeded generator whose seed is printed.
//
// $SB_CRASH_SEED   the seed (default: the time; always printed)
// $SB_CRASH_KILLS  kills per operation and engine (default 20 on SQLite, 5 on PostgreSQL)

#include "tests/support/CdrLines.h"
#include "tests/support/CoreTest.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Transaction.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <functional>

using sb::Money;
using sb::test::CtlResult;
using sb::test::CtlRunner;

namespace {

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

/// Setting up the prepared database must work; a failure there is not what is tested.
template<typename T> void must(const sb::Result<T>& r, const char* what)
{
    if (!r.ok())
        qFatal("preparing the database: %s: %s", what, qPrintable(r.error().message));
}

// The sizes keep the whole test within a minute on two cores; the kills, not the size, find
// a torn write. PostgreSQL runs a quarter of them: every statement there is a round trip
// (a billing run of 900 renewals takes half a minute on a busy machine).
struct Sizes
{
    int importMembers = 3000;
    int allocationMembers = 1000;
    int billingNumbers = 300; ///< at most 500: five areas of 100
    int billingRecharges = 300;
    int callLines = 3000;
    int callPayers = 200;

    Sizes scaled(int divisor) const
    {
        return {importMembers / divisor,    allocationMembers / divisor, billingNumbers / divisor,
                billingRecharges / divisor, callLines / divisor,         callPayers / divisor};
    }
};

const QDateTime kSetUp = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

QString adminUrl()
{
    return qEnvironmentVariable("SWITCHBOARD_TEST_PG");
}

// One statement on the PostgreSQL server's maintenance database.
QString adminExec(const QString& statement)
{
    return sb::test::TestDatabase::adminExec(statement);
}

QString pgSpec(const QString& database)
{
    QUrl url(adminUrl());
    url.setPath(QLatin1Char('/') + database);
    return url.toString();
}

/// Everything the four operations may change, as text: equal states are equal databases as
/// far as money and data go.
QStringList state(const sb::Database& db)
{
    QStringList out;
    const auto add = [&](const char* sql) { out << sbt::rows(db, s(sql)).join(QLatin1Char(';')); };
    add("SELECT id, kind, balance_cents FROM accounts ORDER BY id");
    add("SELECT COUNT(*), COALESCE(MAX(id), 0), CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT)"
        " FROM ledger");
    add("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM members");
    add("SELECT member_id, amount_cents, threshold_cents, monthly_limit_cents, month,"
        " recharged_cents, suspended_until FROM auto_recharge ORDER BY member_id");
    add("SELECT id, e164, periods, expires, status, cancelled FROM numbers ORDER BY id");
    add("SELECT id, channels, channels_periods, channels_expires, channels_lapsed FROM profiles"
        " ORDER BY id");
    add("SELECT COUNT(*), COALESCE(MAX(id), 0), CAST(COALESCE(SUM(cost_cents), 0) AS BIGINT)"
        " FROM calls");
    add("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM activity");
    add("SELECT COUNT(*) FROM bundle_periods");
    add("SELECT month, account_id, kind, in_cents, out_cents, entries FROM ledger_months"
        " ORDER BY month, account_id, kind");
    return out;
}

QString describe(const QStringList& a, const QStringList& b)
{
    QStringList d;
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i) {
        if (a[i] != b[i])
            d << QStringLiteral("[%1] %2 -> %3").arg(i).arg(a[i].left(160), b[i].left(160));
    }
    return d.join(QLatin1Char('\n'));
}

struct Operation
{
    QString name;
    QStringList args; ///< for switchboardctl, after --database
    /// Fills the prepared database (a fresh, migrated one) through the core.
    std::function<void(const sb::Context&)> prepare;
};

} // namespace

class TestCrashKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killAtRandomMoments_data();
    void killAtRandomMoments();

private:
    QTemporaryDir m_dir;
    quint32 m_seed = 0;
    QString writeFile(const QString& name, const QByteArray& data);
    QList<Operation> operations(const Sizes& sizes, const QString& tag);
};

void TestCrashKill::initTestCase()
{
    SB_INIT_CORE_TEST();
    QVERIFY(m_dir.isValid());
    QVERIFY2(!CtlRunner::program().isEmpty(), "SWITCHBOARD_CTL is not set");
    bool ok = false;
    const qulonglong fromEnv = qEnvironmentVariable("SB_CRASH_SEED").toULongLong(&ok);
    m_seed = ok ? quint32(fromEnv) : quint32(QDateTime::currentMSecsSinceEpoch() & 0xffffffffu);
    qInfo("crash seed %u (replay with SB_CRASH_SEED=%u)", m_seed, m_seed);
}

QString TestCrashKill::writeFile(const QString& name, const QByteArray& data)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

QList<Operation> TestCrashKill::operations(const Sizes& z, const QString& tag)
{
    QList<Operation> ops;
    const int ImportMembers = z.importMembers;
    const int AllocationMembers = z.allocationMembers;
    const int BillingNumbers = z.billingNumbers;
    const int BillingRecharges = z.billingRecharges;
    const int CallLines = z.callLines;
    const int CallPayers = z.callPayers;
    const QString later = kSetUp.toString(Qt::ISODate);

    // A large member import.
    {
        QByteArray csv("account,name,email,department\n");
        for (int i = 0; i < ImportMembers; ++i)
            csv += QStringLiteral("imp.m%1,Imported Member %1,imp%1@example.com,Dept %2\n")
                       .arg(i, 5, 10, QLatin1Char('0'))
                       .arg(i % 17)
                       .toUtf8();
        const QString path = writeFile(tag + s("-members.csv"), csv);
        ops.append({s("member import"),
                    {s("--now"), later, s("member"), s("import"), path},
                    [=](const sb::Context& ctx) {
                        // One member already there: the import adds to an account in use.
                        must(sb::MemberService(ctx).add(
                                 {s("already.here"), s("Already Here"), QString(), QString()}),
                             "member");
                    }});
    }

    // An allocation to many members at once.
    {
        QStringList args{s("--now"), later, s("credit"), s("allocate"), s("1.25")};
        for (int i = 0; i < AllocationMembers; ++i)
            args << QStringLiteral("al.m%1").arg(i, 5, 10, QLatin1Char('0'));
        ops.append({s("credit allocate"), args, [=](const sb::Context& ctx) {
                        must(
                            sb::CompanyService(ctx).topUp(Money::fromCents(10'000'000), s("crash")),
                            "top-up");
                        QByteArray csv("account,name,email,department\n");
                        for (int i = 0; i < AllocationMembers; ++i)
                            csv += QStringLiteral("al.m%1,Allocated %1,,Sales\n")
                                       .arg(i, 5, 10, QLatin1Char('0'))
                                       .toUtf8();
                        must(sb::MemberService(ctx).importCsvText(QString::fromUtf8(csv), false),
                             "members");
                    }});
    }

    // A billing run three months later: every number renews three periods (catch-up), the
    // channels of the profiles renew, and the auto-recharges suspended at their limit resume
    // and recharge.
    {
        const QString due = kSetUp.addMonths(3).addDays(2).toString(Qt::ISODate);
        ops.append(
            {s("billing run"),
             {s("--now"), due, s("billing"), s("run")},
             [=](const sb::Context& ctx) {
                 must(sb::CompanyService(ctx).topUp(Money::fromCents(50'000'000), s("crash")),
                      "top-up");
                 QByteArray csv("account,name,email,department\n");
                 const int members = qMax(BillingNumbers, BillingRecharges);
                 for (int i = 0; i < members; ++i)
                     csv += QStringLiteral("bi.m%1,Billed %1,,Sales\n")
                                .arg(i, 5, 10, QLatin1Char('0'))
                                .toUtf8();
                 must(sb::MemberService(ctx).importCsvText(QString::fromUtf8(csv), false),
                      "members");
                 const QStringList areas{s("212"), s("213"), s("312"), s("415"), s("617")};
                 for (int a = 0; a * 100 < BillingNumbers; ++a) {
                     sb::NumberService::BuyRequest r;
                     r.country = s("US");
                     r.area = areas[a];
                     r.months = 1;
                     for (int i = a * 100; i < qMin(BillingNumbers, a * 100 + 100); ++i)
                         r.holders << sb::NumberHolder::member(
                             QStringLiteral("bi.m%1").arg(i, 5, 10, QLatin1Char('0')));
                     must(sb::NumberService(ctx).buy(r), "numbers");
                 }
                 for (int i = 0; i < 20; ++i)
                     must(sb::ProfileService(ctx).create(
                              {QStringLiteral("Trunk %1").arg(i), QString(), QString(),
                               sb::SipProfile::Auth::Ip, s("203.0.113.5"), 5060, 1 + i % 4}),
                          "profile");
                 // Recharged once at once (5.00 below a threshold of 10.00), which
                 // reaches the limit: suspended until next month, when billing
                 // resumes and recharges again.
                 for (int i = 0; i < BillingRecharges; ++i)
                     must(sb::CreditService(ctx).setAutoRecharge(
                              QStringLiteral("bi.m%1").arg(i, 5, 10, QLatin1Char('0')),
                              Money::fromCents(500), Money::fromCents(1000), Money::fromCents(500)),
                          "auto-recharge");
             }});
    }

    // A call import: calls of many members and a profile, charged in full.
    {
        QByteArray cdr;
        QRandomGenerator rng(42);
        for (int i = 0; i < CallLines; ++i) {
            const int payer = int(rng.bounded(quint32(CallPayers + 1)));
            const QString account =
                payer == CallPayers ? s("Calls Trunk")
                                    : QStringLiteral("ca.m%1").arg(payer, 5, 10, QLatin1Char('0'));
            cdr += sbt::asteriskLine(
                account, QStringLiteral("+1212555%1").arg(1000 + i % 9000, 4, 10, QLatin1Char('0')),
                kSetUp.addDays(-1).addSecs(i * 7), 1 + qint64(rng.bounded(600u)),
                QStringLiteral("crash-%1").arg(i));
        }
        const QString path = writeFile(tag + s("-calls.csv"), cdr);
        ops.append({s("calls import"),
                    {s("--now"), later, s("calls"), s("import"), path},
                    [=](const sb::Context& ctx) {
                        must(
                            sb::CompanyService(ctx).topUp(Money::fromCents(10'000'000), s("crash")),
                            "top-up");
                        QByteArray csv("account,name,email,department\n");
                        QStringList accounts;
                        for (int i = 0; i < CallPayers; ++i) {
                            accounts << QStringLiteral("ca.m%1").arg(i, 5, 10, QLatin1Char('0'));
                            csv += accounts.last().toUtf8() + ",Caller,,Sales\n";
                        }
                        must(sb::MemberService(ctx).importCsvText(QString::fromUtf8(csv), false),
                             "members");
                        must(sb::CreditService(ctx).allocate(Money::fromCents(2000), accounts),
                             "allocation");
                        // Some run out and recharge, some end owing.
                        for (int i = 0; i < CallPayers; i += 3)
                            must(sb::CreditService(ctx).setAutoRecharge(
                                     accounts[i], Money::fromCents(1000), Money::fromCents(500),
                                     Money::fromCents(3000)),
                                 "auto-recharge");
                        must(sb::ProfileService(ctx).create({s("Calls Trunk"), QString(), QString(),
                                                             sb::SipProfile::Auth::Ip,
                                                             s("203.0.113.9"), 5060, 2}),
                             "profile");
                        must(sb::ProfileService(ctx).allocateCredit(s("Calls Trunk"),
                                                                    Money::fromCents(5000)),
                             "profile credit");
                    }});
    }
    return ops;
}

void TestCrashKill::killAtRandomMoments_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<int>("operation");
    const int count = 4;
    const char* names[] = {"member-import", "credit-allocate", "billing-run", "calls-import"};
    for (const QString& e : sb::test::TestDatabase::engines()) {
        for (int i = 0; i < count; ++i)
            QTest::newRow(qPrintable(e + QLatin1Char('/') + QLatin1String(names[i]))) << e << i;
    }
}

void TestCrashKill::killAtRandomMoments()
{
    QFETCH(QString, engine);
    QFETCH(int, operation);
    const bool pg = engine == QLatin1String("postgresql");
    const int kills = envInt("SB_CRASH_KILLS", pg ? 5 : 20);
    const Operation op = operations(pg ? Sizes().scaled(4) : Sizes(), engine).at(operation);
    QRandomGenerator rng(m_seed ^ (quint32(operation + 1) * 0x9e3779b9u) ^ (pg ? 0x5bd1e995u : 0u));

    // The prepared database.
    const QString tag = QStringLiteral("%1_%2").arg(operation).arg(
        QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
    const QString templateName = QStringLiteral("sbcrash_tpl_%1").arg(tag);
    const QString templateFile = m_dir.filePath(QStringLiteral("template-%1.sqlite").arg(tag));
    QStringList made; // PostgreSQL databases to drop
    const auto cleanup = qScopeGuard([&] {
        for (const QString& name : std::as_const(made))
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    });
    if (pg) {
        const QString e = adminExec(QStringLiteral("CREATE DATABASE ") + templateName);
        QVERIFY2(e.isEmpty(), qPrintable(e));
        made << templateName;
    }
    {
        auto opened = sb::Database::open(pg ? pgSpec(templateName) : templateFile);
        QVERIFY2(opened.ok(), qPrintable(sbt::errorText(opened)));
        sb::FixedClock clock(kSetUp);
        const sb::Context ctx{*opened, &clock, s("crash")};
        op.prepare(ctx);
        SB_VERIFY_BOOKS(ctx);
    }
    // A fresh copy of the prepared database.
    int copies = 0;
    const auto copy = [&]() -> QString {
        const QString name = QStringLiteral("sbcrash_%1_%2").arg(tag).arg(++copies);
        if (pg) {
            const QString e =
                adminExec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(name, templateName));
            if (!e.isEmpty())
                qWarning("%s", qPrintable(e));
            made << name;
            return pgSpec(name);
        }
        const QString path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        QFile::copy(templateFile, path);
        return path;
    };
    const auto stateOf = [](const QString& spec) {
        auto opened = sb::Database::open(spec);
        return opened ? state(*opened) : QStringList{sbt::errorText(opened)};
    };
    const auto drop = [&](const QString& spec) {
        if (pg) {
            const QString name = QUrl(spec).path().mid(1);
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
            made.removeAll(name);
        } else {
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(spec + QLatin1String(suffix));
        }
    };

    // One uninterrupted run: the state after, and how long the process takes.
    const QStringList before = stateOf(pg ? pgSpec(templateName) : templateFile);
    QStringList after;
    qint64 duration = 0;
    {
        const QString spec = copy();
        QElapsedTimer t;
        t.start();
        const CtlResult r = CtlRunner(spec).run(op.args);
        duration = t.elapsed();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        after = stateOf(spec);
        drop(spec);
    }
    QVERIFY2(before != after, "the operation changed nothing");
    qInfo("%s on %s: %lld ms uninterrupted; %d kills", qPrintable(op.name), qPrintable(engine),
          duration, kills);

    int unchanged = 0, applied = 0, finishedFirst = 0;
    for (int k = 0; k < kills; ++k) {
        const QString spec = copy();
        const qint64 delay = qint64(rng.bounded(quint32(duration + 1)));
        QElapsedTimer t;
        t.start();
        std::unique_ptr<QProcess> p(CtlRunner(spec).start(op.args));
        QVERIFY(p->waitForStarted(10000));
        bool finished = false;
        while (t.elapsed() < delay && !finished)
            finished = p->waitForFinished(int(qMax<qint64>(1, delay - t.elapsed())));
        if (!finished) {
            p->kill(); // SIGKILL
            p->waitForFinished(10000);
        } else {
            ++finishedFirst;
        }
        const QString where = QStringLiteral("%1 on %2, kill %3 at %4 ms of %5 (seed %6)")
                                  .arg(op.name, engine)
                                  .arg(k)
                                  .arg(delay)
                                  .arg(duration)
                                  .arg(m_seed);
        if (pg) {
            // The server rolls back the dropped connection's transaction; wait until its
            // backend is gone so that what is read is what stays.
            for (int i = 0; i < 200; ++i) {
                sbt::RawConnection raw(pgSpec(s("postgres")));
                if (raw.scalar(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE "
                                              "datname = '%1'")
                                   .arg(QUrl(spec).path().mid(1)))
                        .toInt() == 0)
                    break;
                QThread::msleep(20);
            }
        } else {
            sbt::RawConnection raw(spec);
            QVERIFY2(raw.ok(), qPrintable(where));
            const QString integrity = raw.scalar(s("PRAGMA integrity_check")).toString();
            QVERIFY2(integrity == QLatin1String("ok"),
                     qPrintable(where + QStringLiteral(": integrity_check says ") + integrity));
        }
        {
            auto opened = sb::Database::open(spec);
            QVERIFY2(opened.ok(),
                     qPrintable(where + QStringLiteral(": ") + sbt::errorText(opened)));
            sb::FixedClock clock(kSetUp);
            const sb::Context ctx{*opened, &clock, s("crash")};
            const QString books = sbt::booksProblem(ctx);
            QVERIFY2(books.isEmpty(), qPrintable(where + QStringLiteral(": ") + books));
            const QStringList now = state(*opened);
            if (now == before)
                ++unchanged;
            else if (now == after)
                ++applied;
            else
                QFAIL(qPrintable(where + QStringLiteral(": neither the state before nor after:\n") +
                                 QStringLiteral("vs before:\n") + describe(before, now) +
                                 QStringLiteral("\nvs after:\n") + describe(after, now)));
        }
        drop(spec);
    }
    qInfo("%s on %s: %d kills: %d left it unchanged, %d fully applied (%d finished before the "
          "kill); integrity and books ok each time",
          qPrintable(op.name), qPrintable(engine), kills, unchanged, applied - finishedFirst,
          finishedFirst);
}

QTEST_GUILESS_MAIN(TestCrashKill)
#include "tst_crash_kill.moc"
