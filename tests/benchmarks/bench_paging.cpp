// bench_paging: keyset paging at depth (issue 11). For members, numbers, calls and the
// activity log, every sort order the table offers, both directions: the first page, a page
// from the middle and the last page, median ms, and the ratio to the floor measured in the
// same run (the first page of members by account). One BENCH line per table and sort order:
// the worst of its six pages, against the goal of 20 ms.
//   cp /work/bench/full2.db /tmp/x/full.db && bench_paging --database /tmp/x/full.db
//   scripts/with-postgres.sh bench_paging --engine postgresql [--members N --numbers N ...]
// The database is migrated when opened (a COPY: never the shared one).

#include "core/base/FixedClock.h"
#include "core/books/ActivityLog.h"
#include "core/calls/CallHistory.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/storage/Context.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

using sb::bench::say;

int g_runs = 5;

template<typename F> double medianMs(F&& work)
{
    QList<qint64> ns;
    for (int i = 0; i < g_runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ns << t.nsecsElapsed();
        // A sort without an index takes seconds a page: once is enough to show it.
        if (ns.last() > 500'000'000)
            return double(ns.last()) / 1e6;
    }
    std::sort(ns.begin(), ns.end());
    return double(ns[ns.size() / 2]) / 1e6;
}

// How the bench finds the row a page at some depth starts after: the service's sort key and
// tie-breaker as SQL (the services keep theirs private), read with OFFSET outside the timing.
struct SortSpec
{
    const char* name;
    int sort;
    QString key;
    QString id;
};

struct Table
{
    QString name;
    QString from; ///< FROM and joins, as the service's page query has them
    QList<SortSpec> sorts;
};

// The row at `index` of the order (key, id), read with OFFSET (not timed).
std::optional<sb::SeekKey> positionAt(const sb::Database& db, const Table& t, const SortSpec& s,
                                      bool ascending, qint64 index, qint64 total)
{
    // From the nearer end: the reverse order's OFFSET is shorter for the last page.
    const bool fromEnd = index > total / 2;
    const bool asc = fromEnd ? !ascending : ascending;
    const qint64 offset = fromEnd ? total - 1 - index : index;
    const QString dir = asc ? QStringLiteral("ASC") : QStringLiteral("DESC");
    auto q = db.runFirst(QStringLiteral("SELECT %1, %2 %3 ORDER BY %1 %4, %2 %4 LIMIT 1 OFFSET ?")
                             .arg(s.key, s.id, t.from, dir),
                         {offset});
    if (!q)
        return std::nullopt;
    return sb::SeekKey::past(q->value(0), q->value(1).toLongLong());
}

struct Result
{
    double worst = 0;
    QString where;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("database"), QStringLiteral("An existing database (a copy)."),
                 QStringLiteral("spec")});
    p.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs of each (median)."),
                 QStringLiteral("n"), QStringLiteral("5")});
    for (const char* o : {"members", "profiles", "numbers", "calls"})
        p.addOption({QString::fromLatin1(o), QStringLiteral("Demo size."), QStringLiteral("n")});
    p.addOption({QStringLiteral("engine"), QStringLiteral("sqlite or postgresql (generated)."),
                 QStringLiteral("engine"), QStringLiteral("sqlite")});
    p.process(app);
    g_runs = std::max(1, p.value(QStringLiteral("runs")).toInt());
    sb::FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC));

    std::optional<sb::test::TestDatabase> generated;
    std::optional<sb::Database> db;
    if (p.isSet(QStringLiteral("database"))) {
        QElapsedTimer t;
        t.start();
        auto opened = sb::Database::open(p.value(QStringLiteral("database")));
        if (!opened) {
            say(QStringLiteral("open: %1").arg(opened.error().message));
            return 1;
        }
        db.emplace(*opened);
        say(QStringLiteral("open (and migrate): %1 s").arg(t.elapsed() / 1000.0));
    } else {
        generated.emplace(p.value(QStringLiteral("engine")));
        if (!generated->ok()) {
            say(generated->error());
            return 1;
        }
        db.emplace(generated->db());
        const auto size = [&](const char* o, int d) {
            return p.isSet(QString::fromLatin1(o)) ? p.value(QString::fromLatin1(o)).toInt() : d;
        };
        sb::DemoGenerator::Options o;
        o.members = size("members", 100000);
        o.profiles = size("profiles", 1000);
        o.numbers = size("numbers", 50000);
        o.calls = size("calls", 1000000);
        o.seed = 2026;
        const sb::Context ctx{*db, &clock, QStringLiteral("bench")};
        QElapsedTimer t;
        t.start();
        auto demo = sb::DemoGenerator(ctx).generate(o);
        if (!demo) {
            say(QStringLiteral("demo: %1").arg(demo.error().message));
            return 1;
        }
        say(QStringLiteral("demo generated in %1 s").arg(t.elapsed() / 1000));
    }
    const sb::Context ctx{*db, &clock, QStringLiteral("bench")};
    const QString engine =
        db->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    say(QStringLiteral("== %1, median of %2 runs, pages of 256").arg(engine).arg(g_runs));

    const sb::MemberService members(ctx);
    const sb::NumberService numbers(ctx);
    const sb::CallHistory calls(ctx);
    const sb::ActivityLog activity(ctx);
    constexpr int kPage = 256;

    // The floor: the first page of members by account.
    const double floor = medianMs([&] {
        sb::MemberQuery q;
        q.sort = sb::MemberQuery::Sort::Account;
        q.limit = kPage;
        (void)members.page(q);
    });
    say(QStringLiteral("floor: first page of members by account %1 ms").arg(floor, 0, 'f', 2));

    const QString payer = QStringLiteral("COALESCE(m.account_key, p.name_key, '')");
    using MS = sb::MemberQuery::Sort;
    using NS = sb::NumberQuery::Sort;
    using CS = sb::CallQuery::Sort;
    const QList<Table> tables = {
        {QStringLiteral("members"),
         QStringLiteral("FROM members m JOIN accounts a ON a.id = m.account_id"),
         {{"account", int(MS::Account), QStringLiteral("m.account_key"), QStringLiteral("m.id")},
          {"name", int(MS::Name), QStringLiteral("m.display_name"), QStringLiteral("m.id")},
          {"email", int(MS::Email), QStringLiteral("m.email"), QStringLiteral("m.id")},
          {"department", int(MS::Department), QStringLiteral("m.department"),
           QStringLiteral("m.id")},
          {"balance", int(MS::Balance), QStringLiteral("a.balance_cents"), QStringLiteral("a.id")},
          {"status", int(MS::Status), QStringLiteral("m.status"), QStringLiteral("m.id")}}},
        {QStringLiteral("numbers"),
         QStringLiteral("FROM numbers n LEFT JOIN members m ON m.id = n.member_id"
                        " LEFT JOIN profiles p ON p.id = n.profile_id"),
         {{"number", int(NS::Number), QStringLiteral("n.e164"), QStringLiteral("n.id")},
          {"country", int(NS::Country), QStringLiteral("n.country"), QStringLiteral("n.id")},
          {"holder", int(NS::Holder), payer, QStringLiteral("n.id")},
          {"expires", int(NS::Expires), QStringLiteral("n.expires"), QStringLiteral("n.id")},
          {"status", int(NS::Status), QStringLiteral("n.status"), QStringLiteral("n.id")}}},
        {QStringLiteral("calls"),
         QStringLiteral("FROM calls c LEFT JOIN members m ON m.id = c.member_id"
                        " LEFT JOIN profiles p ON p.id = c.profile_id"),
         {{"time", int(CS::Time), QStringLiteral("c.started_at"), QStringLiteral("c.id")},
          {"payer", int(CS::Payer), payer, QStringLiteral("c.id")},
          {"source", int(CS::Source), QStringLiteral("c.source"), QStringLiteral("c.id")},
          {"destination", int(CS::Destination), QStringLiteral("c.destination_e164"),
           QStringLiteral("c.id")},
          {"duration", int(CS::Duration), QStringLiteral("c.billsec"), QStringLiteral("c.id")},
          {"billed minutes", int(CS::BilledMinutes), QStringLiteral("c.billed_minutes"),
           QStringLiteral("c.id")},
          {"bundle minutes", int(CS::BundleMinutes), QStringLiteral("c.bundle_minutes"),
           QStringLiteral("c.id")},
          {"price", int(CS::Price), QStringLiteral("c.cost_cents"), QStringLiteral("c.id")},
          {"status", int(CS::Status), QStringLiteral("c.status"), QStringLiteral("c.id")}}},
        {QStringLiteral("activity"),
         QStringLiteral("FROM activity"),
         {{"newest first", 0, QStringLiteral("id"), QStringLiteral("id")}}},
    };

    for (const Table& t : tables) {
        auto total = db->runFirst(QStringLiteral("SELECT COUNT(*) ") + t.from);
        const qint64 n = total ? total->value(0).toLongLong() : 0;
        say(QStringLiteral("-- %1: %2 rows").arg(t.name).arg(n));
        for (const SortSpec& s : t.sorts) {
            Result worst;
            const bool onlyDesc = t.name == QLatin1String("activity");
            for (bool ascending : {true, false}) {
                if (onlyDesc && ascending)
                    continue;
                const auto page = [&](const sb::SeekKey& after) {
                    qsizetype rows = 0;
                    if (t.name == QLatin1String("members")) {
                        sb::MemberQuery q;
                        q.sort = MS(s.sort);
                        q.ascending = ascending;
                        q.after = after;
                        q.limit = kPage;
                        rows = members.page(q)->size();
                    } else if (t.name == QLatin1String("numbers")) {
                        sb::NumberQuery q;
                        q.sort = NS(s.sort);
                        q.ascending = ascending;
                        q.after = after;
                        q.limit = kPage;
                        rows = numbers.page(q)->size();
                    } else if (t.name == QLatin1String("calls")) {
                        sb::CallQuery q;
                        q.sort = CS(s.sort);
                        q.ascending = ascending;
                        q.after = after;
                        q.limit = kPage;
                        rows = calls.page(q)->size();
                    } else {
                        rows = activity.page(kPage, {}, after.after ? after.id : 0)->size();
                    }
                    return rows;
                };
                struct At
                {
                    const char* name;
                    qint64 index; ///< the row the page starts after; -1: the first page
                };
                for (const At& at : {At{"first", -1}, At{"middle", n / 2},
                                     At{"last", std::max<qint64>(-1, n - kPage - 1)}}) {
                    sb::SeekKey after;
                    if (at.index >= 0) {
                        auto pos = positionAt(*db, t, s, ascending, at.index, n);
                        if (!pos) {
                            say(QStringLiteral("cannot find the row at %1").arg(at.index));
                            continue;
                        }
                        after = *pos;
                    }
                    qsizetype rows = 0;
                    const double ms = medianMs([&] { rows = page(after); });
                    say(QStringLiteral("%1 by %2 %3, %4 page (%5 rows): %6 ms (%7x floor)")
                            .arg(t.name, QLatin1String(s.name),
                                 ascending ? QStringLiteral("asc") : QStringLiteral("desc"),
                                 QLatin1String(at.name))
                            .arg(rows)
                            .arg(ms, 0, 'f', 2)
                            .arg(ms / floor, 0, 'f', 1));
                    if (ms > worst.worst) {
                        worst.worst = ms;
                        worst.where = QStringLiteral("%1 %2").arg(
                            ascending ? QStringLiteral("asc") : QStringLiteral("desc"),
                            QLatin1String(at.name));
                    }
                }
            }
            sb::bench::figure(QStringLiteral("paging"),
                              QStringLiteral("%1 by %2, worst of first/middle/last page, asc/desc"
                                             " (%3)")
                                  .arg(t.name, QLatin1String(s.name), engine),
                              worst.worst, QStringLiteral("ms"), worst.worst / floor,
                              QStringLiteral("<= 20 ms"), worst.worst <= 20.0);
        }
    }
    return 0;
}
