// bench_search: search as you type in members, numbers, SIP profiles, activity and calls, on
// a full account (issue 11). Each figure is one keystroke's query as the table's model runs
// it: the page AND the count together (members, numbers: page + count; calls: page + the
// totals the model counts with, none past CallHistory::SearchTotalsLimit matches, where the
// rows printed are that limit + 1, "more than"; SIP profiles: the list, which is the whole answer;
// activity: the first page, the model counts nothing). Each is the median of 5 runs, with its ratio
// to the floor: the first page of members sorted by account, measured in the same run.
//
//   bench_search [--database FILE]          SQLite: a COPY of FILE (default
//                                           /work/bench/full2.db), migrated when older
//   bench_search --database COPY --in-place  SQLite: COPY itself (migrated by the first run)
//   scripts/with-postgres.sh bench_search [--pg-members N] [--pg-numbers N]
//       [--pg-profiles N] [--pg-calls N]    PostgreSQL too: a demo generated there
//                                           (default 100000 / 50000 / 1000 / 100000 calls)
//   bench_search --engine postgresql --pg-database postgresql://…/db
//                                           PostgreSQL: a database of your own (a demo
//                                           made by switchboardctl, vacuumed and analysed,
//                                           as autovacuum leaves it)
// --engine sqlite|postgresql runs one engine only.

#include "core/base/FixedClock.h"
#include "core/books/ActivityLog.h"
#include "core/calls/CallHistory.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace {

using sb::bench::say;

// The median of 5 runs of `work`, in milliseconds.
double medianMs(const std::function<void()>& work)
{
    QList<qint64> ns;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ns << t.nsecsElapsed();
    }
    std::sort(ns.begin(), ns.end());
    return double(ns[ns.size() / 2]) / 1e6;
}

QString scalar(const sb::Database& db, const QString& sql)
{
    auto q = db.runFirst(sql);
    return q ? q->value(0).toString() : QString();
}

qint64 orMinusOne(const sb::Result<qint64>& r)
{
    return r ? *r : -1;
}

const QString kTarget = QStringLiteral("<= 20 ms and <= 5x floor");

// One table's search: runs the keystroke's queries and returns how many rows matched.
using Search = std::function<qint64(const QString& term)>;

struct Table
{
    QString name;
    Search search;
    QString common, oneHit, noHit;
};

void benchTable(const QString& engine, const Table& t, double floor)
{
    const auto one = [&](const QString& label, const QString& term) {
        qint64 rows = 0;
        const double ms = medianMs([&] { rows = t.search(term); });
        say(QStringLiteral("%1 %2 \"%3\": %4 rows, %5 ms (%6x floor)")
                .arg(t.name, label, term)
                .arg(rows)
                .arg(ms, 0, 'f', 2)
                .arg(ms / floor, 0, 'f', 1));
        return ms;
    };
    const auto figure = [&](const QString& label, double ms) {
        sb::bench::figure(QStringLiteral("search"),
                          QStringLiteral("%1 search %2 (%3)").arg(t.name, label, engine), ms,
                          QStringLiteral("ms"), ms / floor, kTarget, ms <= 20 && ms <= 5 * floor);
    };
    figure(QStringLiteral("common"), one(QStringLiteral("common"), t.common));
    figure(QStringLiteral("one hit"), one(QStringLiteral("one hit"), t.oneHit));
    figure(QStringLiteral("no hit"), one(QStringLiteral("no hit"), t.noHit));
    double slowest = 0;
    const QList<uint> word = t.oneHit.toUcs4();
    for (qsizetype n = 1; n <= word.size(); ++n) {
        const QString typed =
            QString::fromUcs4(reinterpret_cast<const char32_t*>(word.constData()), n);
        slowest = std::max(slowest, one(QStringLiteral("typing"), typed));
    }
    figure(QStringLiteral("slowest keystroke"), slowest);
}

int bench(const QString& engine, const sb::Database& db)
{
    sb::FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC));
    const sb::Context ctx{db, &clock, QStringLiteral("bench")};
    const sb::MemberService members(ctx);
    const sb::NumberService numbers(ctx);
    const sb::ProfileService profiles(ctx);
    const sb::ActivityLog activity(ctx);
    const sb::CallHistory calls(ctx);

    const double floor = medianMs([&] {
        sb::MemberQuery q;
        q.sort = sb::MemberQuery::Sort::Account;
        q.limit = 256;
        (void)members.page(q);
    });
    say(QStringLiteral("floor: first page of members by account: %1 ms").arg(floor, 0, 'f', 2));
    sb::bench::figure(QStringLiteral("search"),
                      QStringLiteral("floor: members first page by account (%1)").arg(engine),
                      floor, QStringLiteral("ms"), -1, QString(), true);

    const QString noHit = QStringLiteral("zqxjvw");
    QList<Table> tables;
    tables.append({QStringLiteral("members"),
                   [&](const QString& term) {
                       sb::MemberQuery q;
                       q.search = term;
                       q.limit = 256;
                       (void)members.page(q);
                       return orMinusOne(members.count(term));
                   },
                   QStringLiteral("sales"),
                   scalar(db, QStringLiteral("SELECT account_name FROM members ORDER BY"
                                             " account_key DESC LIMIT 1")),
                   noHit});
    tables.append(
        {QStringLiteral("numbers"),
         [&](const QString& term) {
             sb::NumberQuery q;
             q.search = term;
             (void)numbers.page(q);
             return orMinusOne(numbers.count(q));
         },
         QStringLiteral("212"),
         scalar(db, QStringLiteral("SELECT e164 FROM numbers ORDER BY id DESC LIMIT 1")).mid(1),
         QStringLiteral("99999999")});
    tables.append({QStringLiteral("profiles"),
                   [&](const QString& term) {
                       auto r = profiles.list(term);
                       return r ? qint64(r->size()) : -1;
                   },
                   QStringLiteral("sales"),
                   scalar(db, QStringLiteral("SELECT name FROM profiles ORDER BY id DESC LIMIT 1")),
                   noHit});
    tables.append({QStringLiteral("activity"),
                   [&](const QString& term) {
                       auto r = activity.page(256, term);
                       return r ? qint64(r->size()) : -1;
                   },
                   QStringLiteral("recharge"),
                   scalar(db, QStringLiteral("SELECT subject FROM activity WHERE subject <> ''"
                                             " ORDER BY id LIMIT 1")),
                   noHit});
    tables.append(
        {QStringLiteral("calls"),
         [&](const QString& term) {
             sb::CallQuery q;
             q.search = term;
             q.limit = 200;
             (void)calls.page(q);
             // What the model counts with: no sums past CallHistory::SearchTotalsLimit.
             auto t = calls.searchTotals(q);
             if (!t)
                 return qint64(-1);
             return t->has_value() ? (*t)->calls : sb::CallHistory::SearchTotalsLimit + 1;
         },
         QStringLiteral("212"),
         scalar(db, QStringLiteral("SELECT destination_e164 FROM calls WHERE destination_e164"
                                   " <> '' ORDER BY id DESC LIMIT 1"))
             .mid(1),
         QStringLiteral("99999999999")});
    for (const Table& t : std::as_const(tables))
        benchTable(engine, t, floor);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("SQLite file to copy."),
                      QStringLiteral("FILE"), QStringLiteral("/work/bench/full2.db")});
    parser.addOption({QStringLiteral("in-place"),
                      QStringLiteral("Search FILE itself, not a copy (a copy of your own, migrated "
                                     "once by the first run).")});
    parser.addOption({QStringLiteral("engine"), QStringLiteral("sqlite or postgresql."),
                      QStringLiteral("ENGINE")});
    parser.addOption({QStringLiteral("pg-members"), QStringLiteral("Members (PostgreSQL)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("pg-numbers"), QStringLiteral("Numbers (PostgreSQL)."),
                      QStringLiteral("N"), QStringLiteral("50000")});
    parser.addOption({QStringLiteral("pg-profiles"), QStringLiteral("Profiles (PostgreSQL)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("pg-calls"), QStringLiteral("Calls (PostgreSQL)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("pg-database"),
                      QStringLiteral("An existing PostgreSQL database to search, instead of a "
                                     "generated demo."),
                      QStringLiteral("URL")});
    parser.process(app);
    const QString only = parser.value(QStringLiteral("engine"));
    int rc = 0;
    if (only.isEmpty() || only == QLatin1String("sqlite")) {
        QTemporaryDir dir;
        const bool inPlace = parser.isSet(QStringLiteral("in-place"));
        const QString copy = inPlace ? parser.value(QStringLiteral("database"))
                                     : dir.filePath(QStringLiteral("bench.db"));
        if (!inPlace && !QFile::copy(parser.value(QStringLiteral("database")), copy)) {
            say(QStringLiteral("sqlite: cannot copy %1")
                    .arg(parser.value(QStringLiteral("database"))));
            rc = 1;
        } else {
            QElapsedTimer t;
            t.start();
            auto db = sb::Database::open(copy);
            if (!db) {
                say(QStringLiteral("sqlite: %1").arg(db.error().message));
                rc = 1;
            } else {
                say(QStringLiteral("== sqlite, a copy of %1: opened (and migrated) in %2 ms")
                        .arg(parser.value(QStringLiteral("database")))
                        .arg(t.elapsed()));
                rc |= bench(QStringLiteral("sqlite"), *db);
            }
        }
    }
    if (const QString url = parser.value(QStringLiteral("pg-database")); !url.isEmpty()) {
        auto db = sb::Database::open(url);
        if (!db) {
            say(QStringLiteral("postgresql: %1").arg(db.error().message));
            return 1;
        }
        say(QStringLiteral("== postgresql, %1").arg(url));
        return rc | bench(QStringLiteral("postgresql"), *db);
    }
    if ((only.isEmpty() || only == QLatin1String("postgresql")) &&
        sb::test::TestDatabase::engines().contains(QStringLiteral("postgresql"))) {
        sb::test::TestDatabase t(QStringLiteral("postgresql"));
        if (!t.ok()) {
            say(QStringLiteral("postgresql: unavailable: %1").arg(t.error()));
            return 1;
        }
        sb::FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC));
        const sb::Context ctx{t.db(), &clock, QStringLiteral("bench")};
        sb::DemoGenerator::Options o;
        o.members = parser.value(QStringLiteral("pg-members")).toInt();
        o.numbers = parser.value(QStringLiteral("pg-numbers")).toInt();
        o.profiles = parser.value(QStringLiteral("pg-profiles")).toInt();
        o.calls = parser.value(QStringLiteral("pg-calls")).toLongLong();
        QElapsedTimer timer;
        timer.start();
        auto s = sb::DemoGenerator(ctx).generate(o, {});
        if (!s) {
            say(QStringLiteral("postgresql: demo failed: %1").arg(s.error().message));
            return 1;
        }
        // What autovacuum does within a minute of the demo on a live server: the statistics,
        // and the visibility map that lets a count read an index alone.
        (void)t.db().run(QStringLiteral("VACUUM ANALYZE"));
        say(QStringLiteral("== postgresql, demo of %1 members, %2 numbers, %3 profiles, %4 calls"
                           " generated in %5 s")
                .arg(s->members)
                .arg(s->numbers)
                .arg(s->profiles)
                .arg(o.calls)
                .arg(timer.elapsed() / 1000));
        rc |= bench(QStringLiteral("postgresql"), t.db());
    }
    return rc;
}
