// bench_demo: how fast the demo account is generated (issue 11).
//
//   bench_demo [--members N] [--profiles N] [--numbers N] [--calls N] [--engine sqlite|postgresql]
//              [--members-only]
//
// 1. N members (default 100,000) alone into a fresh database, against the floor of inserting
//    N rows of the same width (the members' ten columns) into a plain table with one prepared
//    statement in one transaction, on the same engine, measured in the same run.
// 2. The whole demo (default --members 100000 --numbers 50000 --profiles 1000 --calls
//    1000000, now 2026-11-27T12:00:00Z) into a fresh database, in a child process of its own
//    (this program re-executed with --child), so that its peak memory (VmHWM) is its own.
// --engine postgresql uses a throw-away database on $SWITCHBOARD_TEST_PG
// (scripts/with-postgres.sh). Each goal is also one BENCH line (BenchFigure.h).

#include "core/base/FixedClock.h"
#include "core/demo/DemoGenerator.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <sys/resource.h>

#include <cstdio>

namespace {

using sb::bench::cpuNs;
using sb::bench::peakKiB;
using sb::bench::say;

const QDateTime kNow(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);

// The floor: `rows` rows as wide as a member's (ten columns, the same kind of values) into a
// plain table, one prepared INSERT per row, one transaction.
qint64 floorNs(sb::Database& db, int rows, qint64* cpu)
{
    if (!db.run(QStringLiteral("CREATE TABLE floor_rows (id BIGINT PRIMARY KEY, account_id BIGINT,"
                               " account_name TEXT, account_key TEXT, display_name TEXT,"
                               " email TEXT, department TEXT, status TEXT, search_key TEXT,"
                               " created_at TEXT, country TEXT)")))
        return -1;
    QElapsedTimer t;
    t.start();
    const qint64 cpu0 = cpuNs();
    auto tx = sb::Transaction::begin(db);
    if (!tx)
        return -1;
    sb::Statement insert(db, QStringLiteral("INSERT INTO floor_rows VALUES (?, ?, ?, ?, ?, ?, ?,"
                                            " 'active', ?, ?, ?)"));
    const QString now = QStringLiteral("2026-11-27T12:00:00Z");
    for (int i = 0; i < rows; ++i) {
        const QString account = QStringLiteral("lukasz.wojcik%1").arg(i);
        insert.add(qint64(i + 1))
            .add(qint64(i + 2))
            .add(account)
            .add(account)
            .add(QStringLiteral("Łukasz Wójcik"))
            .add(QString(account + QStringLiteral("@example.com")))
            .add(QStringLiteral("Engineering"))
            .add(QString(account + QStringLiteral("\x1f\u0142ukasz w\u00f3jcik\x1fengineering")))
            .add(now)
            .add(QStringLiteral("US"));
        if (!insert.exec())
            return -1;
    }
    if (!tx->commit())
        return -1;
    *cpu = cpuNs() - cpu0;
    return t.nsecsElapsed();
}

// --child SPEC MEMBERS PROFILES NUMBERS CALLS: the whole demo, as `switchboardctl demo` runs it.
int child(const QStringList& a)
{
    auto db = sb::Database::open(a.value(0));
    if (!db) {
        say(QStringLiteral("error %1").arg(db.error().message));
        return 1;
    }
    sb::FixedClock clock(kNow);
    const sb::Context ctx{*db, &clock, QStringLiteral("bench")};
    sb::DemoGenerator::Options o;
    o.members = a.value(1).toInt();
    o.profiles = a.value(2).toInt();
    o.numbers = a.value(3).toInt();
    o.calls = a.value(4).toLongLong();
    QElapsedTimer t;
    t.start();
    const qint64 cpu0 = cpuNs();
    auto s = sb::DemoGenerator(ctx).generate(o);
    const qint64 ns = t.nsecsElapsed();
    const qint64 cpu = cpuNs() - cpu0;
    if (!s) {
        say(QStringLiteral("error %1").arg(s.error().message));
        return 1;
    }
    say(QStringLiteral("result ns=%1 kib=%2 cpu=%7 members=%3 numbers=%4 calls=%5 charged=%6")
            .arg(ns)
            .arg(peakKiB())
            .arg(s->members)
            .arg(s->numbers)
            .arg(s->calls.imported)
            .arg(s->calls.chargedCalls)
            .arg(cpu));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.size() > 1 && args.at(1) == QLatin1String("--child"))
        return child(args.mid(2));

    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption members(QStringLiteral("members"), QStringLiteral("Members."),
                                     QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption profiles(QStringLiteral("profiles"), QStringLiteral("SIP profiles."),
                                      QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption numbers(QStringLiteral("numbers"), QStringLiteral("Numbers."),
                                     QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption calls(QStringLiteral("calls"), QStringLiteral("Calls."),
                                   QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption engine(QStringLiteral("engine"), QStringLiteral("sqlite|postgresql"),
                                    QStringLiteral("ENGINE"), QStringLiteral("sqlite"));
    const QCommandLineOption membersOnly(QStringLiteral("members-only"),
                                         QStringLiteral("Skip the whole demo."));
    p.addOptions({members, profiles, numbers, calls, engine, membersOnly});
    p.process(app);
    const QString eng = p.value(engine);
    const int n = p.value(members).toInt();

    // 1. Members alone, and the floor, on fresh databases of the same engine.
    qint64 genNs = -1, floor = -1, genCpu = -1, floorCpu = -1;
    {
        sb::test::TestDatabase t(eng);
        if (!t.ok()) {
            say(QStringLiteral("%1: unavailable: %2").arg(eng, t.error()));
            return 1;
        }
        sb::FixedClock clock(kNow);
        const sb::Context ctx{t.db(), &clock, QStringLiteral("bench")};
        sb::DemoGenerator::Options o;
        o.members = n;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu0 = cpuNs();
        auto s = sb::DemoGenerator(ctx).generate(o);
        genNs = timer.nsecsElapsed();
        genCpu = cpuNs() - cpu0;
        if (!s) {
            say(QStringLiteral("generate failed: %1").arg(s.error().message));
            return 1;
        }
    }
    {
        sb::test::TestDatabase t(eng);
        floor = floorNs(t.db(), n, &floorCpu);
    }
    const double genS = double(genNs) / 1e9;
    const double ratio = floor > 0 ? double(genNs) / double(floor) : -1;
    say(QStringLiteral("%1 members (%2): %3 s, %4 members/s; floor (%1 plain rows, one prepared"
                       " INSERT): %5 s; ratio %6; CPU time %7 s against %8 s (ratio %9)")
            .arg(n)
            .arg(eng)
            .arg(genS, 0, 'f', 2)
            .arg(qint64(double(n) / std::max(genS, 1e-9)))
            .arg(double(floor) / 1e9, 0, 'f', 2)
            .arg(ratio, 0, 'f', 2)
            .arg(double(genCpu) / 1e9, 0, 'f', 2)
            .arg(double(floorCpu) / 1e9, 0, 'f', 2)
            .arg(floorCpu > 0 ? double(genCpu) / double(floorCpu) : -1, 0, 'f', 2));
    sb::bench::figure(QStringLiteral("demo"), QStringLiteral("%1 members (%2)").arg(n).arg(eng),
                      genS, QStringLiteral("s"), ratio, QStringLiteral("< 3 s"), genS < 3.0);
    if (p.isSet(membersOnly))
        return 0;

    // 2. The whole demo, in a child process.
    sb::test::TestDatabase t(eng);
    if (!t.ok()) {
        say(QStringLiteral("%1: unavailable: %2").arg(eng, t.error()));
        return 1;
    }
    QProcess c;
    c.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    c.start(app.applicationFilePath(), {QStringLiteral("--child"), t.spec(), p.value(members),
                                        p.value(profiles), p.value(numbers), p.value(calls)});
    c.waitForFinished(-1);
    const QString out = QString::fromUtf8(c.readAllStandardOutput());
    const auto m =
        QRegularExpression(QStringLiteral("result ns=(\\d+) kib=(-?\\d+) cpu=(\\d+) (.*)"))
            .match(out);
    if (!m.hasMatch()) {
        say(QStringLiteral("whole demo failed: %1").arg(out.trimmed()));
        return 1;
    }
    const double s = m.captured(1).toDouble() / 1e9;
    const double mib = m.captured(2).toDouble() / 1024;
    const QString what =
        QStringLiteral("--members %1 --numbers %2 --profiles %3 --calls %4")
            .arg(p.value(members), p.value(numbers), p.value(profiles), p.value(calls));
    say(QStringLiteral("whole demo (%1, %2): %3 s (CPU time %4 s), peak memory %5 MiB (%6)")
            .arg(eng, what)
            .arg(s, 0, 'f', 1)
            .arg(m.captured(3).toDouble() / 1e9, 0, 'f', 1)
            .arg(mib, 0, 'f', 1)
            .arg(m.captured(4).trimmed()));
    sb::bench::figure(QStringLiteral("demo"), QStringLiteral("whole demo (%1)").arg(eng), s,
                      QStringLiteral("s"), -1, QStringLiteral("< 120 s"), s < 120.0);
    sb::bench::figure(QStringLiteral("demo"),
                      QStringLiteral("whole demo peak memory (%1)").arg(eng), mib,
                      QStringLiteral("MiB"), -1, QStringLiteral("reported"), true);
    return 0;
}
