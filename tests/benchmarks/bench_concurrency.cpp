// bench_concurrency [--per-admin N]: allocations per second with 1, 2 and 8 admins at once,
// each admin a stream of `switchboardctl credit allocate 1.00 ACCOUNT` processes, on SQLite
// and (when $SWITCHBOARD_TEST_PG names a server, see scripts/with-postgres.sh) PostgreSQL.
//
// The company holds less than the admins together try to hand out, so some allocations must
// be refused: the run checks that none overdrew (company balance = top-up − granted, never
// below zero, every account equal to its ledger). The floor is the same streams of a
// read-only command (`balance`) measured in the same run, so the ratio is what allocating
// costs over starting a process and opening the database.

#include "core/base/Money.h"
#include "core/base/SystemClock.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/credit/CreditService.h"
#include "core/storage/Context.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QProcess>
#include <QThread>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

using sb::bench::say;

struct Outcome
{
    qint64 ms = 0;
    int ok = 0;      // exit 0
    int refused = 0; // exit 1: the company could not pay
    int failed = 0;  // anything else: a defect (a lock error that should have been retried)
    QString firstFailure;
};

// `admins` streams run at once; each starts its next process when the last one ends.
Outcome race(const sb::test::CtlRunner& ctl, int admins, int perAdmin,
             const std::function<QStringList(int admin)>& argsOf)
{
    Outcome out;
    QEventLoop loop;
    int running = 0;
    std::vector<int> left(std::size_t(admins), perAdmin);
    std::function<void(int)> next = [&](int admin) {
        if (left[std::size_t(admin)]-- <= 0) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QProcess* p = ctl.start(argsOf(admin));
        QObject::connect(
            p, &QProcess::finished, p, [&, p, admin](int code, QProcess::ExitStatus st) {
                if (st == QProcess::NormalExit && code == 0)
                    ++out.ok;
                else if (st == QProcess::NormalExit && code == 1)
                    ++out.refused;
                else {
                    ++out.failed;
                    if (out.firstFailure.isEmpty())
                        out.firstFailure = QString::fromUtf8(p->readAllStandardError()).trimmed();
                }
                p->deleteLater();
                next(admin);
            });
    };
    QElapsedTimer timer;
    timer.start();
    running = admins;
    for (int a = 0; a < admins; ++a)
        next(a);
    loop.exec();
    out.ms = qMax<qint64>(1, timer.elapsed());
    return out;
}

QString account(int admin)
{
    return QStringLiteral("admin.%1.member").arg(admin);
}

// The same race without process start-up: one thread per admin, each with its own
// connection, allocating in a loop; what the database itself sustains.
Outcome raceInProcess(const QString& spec, int admins, int perAdmin)
{
    Outcome out;
    QMutex lock;
    std::vector<std::unique_ptr<QThread>> threads;
    QElapsedTimer timer;
    timer.start();
    for (int a = 0; a < admins; ++a) {
        threads.emplace_back(QThread::create([&, a] {
            auto db = sb::Database::open(spec);
            if (!db) {
                const QMutexLocker locked(&lock);
                out.failed += perAdmin;
                out.firstFailure = db.error().message;
                return;
            }
            sb::SystemClock clock;
            const sb::Context ctx{*db, &clock, QStringLiteral("bench")};
            const sb::CreditService credit(ctx);
            for (int i = 0; i < perAdmin; ++i) {
                const auto r = credit.allocate(sb::Money::fromCents(100), {account(a)});
                const QMutexLocker locked(&lock);
                if (r)
                    ++out.ok;
                else if (r.error().kind != sb::Error::Kind::Storage)
                    ++out.refused;
                else {
                    ++out.failed;
                    if (out.firstFailure.isEmpty())
                        out.firstFailure = r.error().message;
                }
            }
        }));
        threads.back()->start();
    }
    for (auto& t : threads)
        t->wait();
    out.ms = qMax<qint64>(1, timer.elapsed());
    return out;
}

int bench(const QString& engine, int perAdmin)
{
    int rc = 0;
    for (int admins : {1, 2, 8}) {
        sb::test::TestDatabase tdb(engine);
        if (!tdb.ok()) {
            say(QStringLiteral("%1: unavailable: %2").arg(engine, tdb.error()));
            return 1;
        }
        const sb::test::CtlRunner ctl(tdb.spec());
        // Three quarters of what the admins try: a quarter of the attempts must be refused.
        const int attempts = admins * perAdmin;
        const qint64 toppedUp = qint64(attempts) * 3 / 4 * 100;
        if (ctl.run({QStringLiteral("topup"), sb::Money::fromCents(toppedUp).toString()})
                .exitCode != 0) {
            say(QStringLiteral("%1: topup failed").arg(engine));
            return 1;
        }
        for (int a = 0; a < admins; ++a)
            ctl.run({QStringLiteral("member"), QStringLiteral("add"), account(a),
                     QStringLiteral("--name"), account(a)});

        const Outcome floor =
            race(ctl, admins, perAdmin, [](int) { return QStringList{QStringLiteral("balance")}; });
        const Outcome alloc = race(ctl, admins, perAdmin, [](int a) {
            return QStringList{QStringLiteral("credit"), QStringLiteral("allocate"),
                               QStringLiteral("1.00"), account(a)};
        });
        // Then ten times as many in-process, again with three quarters of what they try.
        if (ctl.run({QStringLiteral("topup"), sb::Money::fromCents(10 * toppedUp).toString()})
                .exitCode != 0) {
            say(QStringLiteral("%1: topup failed").arg(engine));
            return 1;
        }
        const Outcome threaded = raceInProcess(tdb.spec(), admins, perAdmin * 10);

        sb::SystemClock clock;
        const sb::Context ctx{tdb.db(), &clock, QStringLiteral("bench")};
        const sb::Ledger ledger(ctx);
        const auto totals = ledger.totals();
        const auto bad = ledger.inconsistentAccounts();
        const auto held_ = sb::CompanyService(ctx).balance();
        const qint64 company = held_ ? held_->cents() : -1;
        // Everything topped up is either still the company's or one of the members'.
        const qint64 granted = totals && held_ ? totals->balances.cents() - company : -1;
        const bool exact = totals && held_ && bad && bad->isEmpty() &&
                           totals->toppedUp.cents() == 11 * toppedUp &&
                           granted == (alloc.ok + threaded.ok) * 100LL &&
                           company == 11 * toppedUp - granted && company >= 0;
        const bool held = exact && alloc.failed == 0 && floor.failed == 0 && threaded.failed == 0;

        const double perSecond = double(attempts) * 1000.0 / double(alloc.ms);
        const double ratio = double(alloc.ms) / double(floor.ms);
        say(QStringLiteral("%1, %2 admin(s) x %3: %4 allocations/s (%5 granted, %6 refused, %7 "
                           "failed) in %8 ms; read-only floor %9 ms; ratio %10; books %11")
                .arg(engine)
                .arg(admins)
                .arg(perAdmin)
                .arg(perSecond, 0, 'f', 1)
                .arg(alloc.ok)
                .arg(alloc.refused)
                .arg(alloc.failed)
                .arg(alloc.ms)
                .arg(floor.ms)
                .arg(ratio, 0, 'f', 2)
                .arg(exact ? QStringLiteral("exact, no overdraft")
                           : QStringLiteral("WRONG: company %1, granted %2")
                                 .arg(company)
                                 .arg(granted)));
        const double threadedPerSecond =
            double(admins * perAdmin * 10) * 1000.0 / double(threaded.ms);
        say(QStringLiteral("%1, %2 connection(s) in one process x %3: %4 allocations/s (%5 "
                           "granted, %6 refused, %7 failed)")
                .arg(engine)
                .arg(admins)
                .arg(perAdmin * 10)
                .arg(threadedPerSecond, 0, 'f', 1)
                .arg(threaded.ok)
                .arg(threaded.refused)
                .arg(threaded.failed));
        if (!threaded.firstFailure.isEmpty())
            say(QStringLiteral("  first failure: %1").arg(threaded.firstFailure));
        sb::bench::figure(QStringLiteral("concurrency"),
                          QStringLiteral("allocations/s in-process, %1 connection(s) (%2)")
                              .arg(admins)
                              .arg(engine),
                          threadedPerSecond, QStringLiteral("/s"), -1,
                          QStringLiteral("no overdraft, no failure"), held);
        if (!alloc.firstFailure.isEmpty())
            say(QStringLiteral("  first failure: %1").arg(alloc.firstFailure));
        sb::bench::figure(QStringLiteral("concurrency"),
                          QStringLiteral("allocations/s, %1 admin(s) (%2)").arg(admins).arg(engine),
                          perSecond, QStringLiteral("/s"), ratio,
                          QStringLiteral("no overdraft, no failure"), held);
        if (!held)
            rc = 1;
    }
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (sb::test::CtlRunner::program().isEmpty())
        qputenv("SWITCHBOARD_CTL", SB_CTL_PATH);
    if (qEnvironmentVariableIsEmpty("SWITCHBOARD_NO_KEYCHAIN"))
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
    int perAdmin = 40;
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--per-admin"));
    if (at > 0 && at + 1 < args.size())
        perAdmin = qMax(1, args.at(at + 1).toInt());
    int rc = 0;
    for (const QString& engine : sb::test::TestDatabase::engines())
        rc |= bench(engine, perAdmin);
    return rc;
}
