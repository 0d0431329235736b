// bench_reports: how long the dashboard's figures and a month's statement take on a large
// account, against the floor of one plain GROUP BY over the whole calls table measured in
// the same run on the same database (what a report would cost without the summaries).
// Goals (issue 9): the dashboard under a tenth of that scan, the statement under a third.
//
//   bench_reports --database FILE|postgresql://… [--now 2026-11-27T12:00:00Z] [--runs N]
//   bench_reports [--members N --profiles N --numbers N --calls N]   (generates a demo first)
//
// The dashboard is what the window reads to show it: the attention list (its advice
// entries included), the four charts' series (the peak-calls chart for the first profile)
// and the company figures.

#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/demo/DemoGenerator.h"
#include "core/reports/AdviceService.h"
#include "core/reports/AttentionService.h"
#include "core/reports/ChartData.h"
#include "core/reports/MonthlyStatement.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

namespace {

using sb::bench::peakKiB;
using sb::bench::say;

// The median of `runs` timings of `work`, in microseconds; false from `work` stops the run.
std::optional<qint64> medianUs(int runs, const std::function<bool()>& work)
{
    QList<qint64> us;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!work())
            return std::nullopt;
        us << t.nsecsElapsed() / 1000;
    }
    std::sort(us.begin(), us.end());
    return us[us.size() / 2];
}

QString ms(qint64 us)
{
    return QString::number(double(us) / 1000.0, 'f', 1) + QStringLiteral(" ms");
}

bool fail(const QString& what, const sb::Error& e)
{
    say(QStringLiteral("%1 failed: %2").arg(what, e.message));
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("database"), QStringLiteral("An existing database."),
                 QStringLiteral("spec")});
    p.addOption({QStringLiteral("now"), QStringLiteral("The clock (ISO 8601 UTC)."),
                 QStringLiteral("time"), QStringLiteral("2026-11-27T12:00:00Z")});
    p.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs of each (median)."),
                 QStringLiteral("n"), QStringLiteral("5")});
    for (const char* o : {"members", "profiles", "numbers", "calls"})
        p.addOption({QString::fromLatin1(o), QStringLiteral("Demo size."), QStringLiteral("n")});
    p.addOption({QStringLiteral("engine"), QStringLiteral("sqlite or postgresql (generated)."),
                 QStringLiteral("engine"), QStringLiteral("sqlite")});
    p.process(app);
    const int runs = std::max(1, p.value(QStringLiteral("runs")).toInt());
    sb::FixedClock clock(QDateTime::fromString(p.value(QStringLiteral("now")), Qt::ISODate));

    std::optional<sb::test::TestDatabase> generated;
    std::optional<sb::Database> db;
    if (p.isSet(QStringLiteral("database"))) {
        auto opened = sb::Database::open(p.value(QStringLiteral("database")));
        if (!opened)
            return fail(QStringLiteral("open"), opened.error()), 1;
        db.emplace(*opened);
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
        if (!demo)
            return fail(QStringLiteral("demo"), demo.error()), 1;
        say(QStringLiteral("demo: %1 members, %2 profiles, %3 calls in %4 s")
                .arg(o.members)
                .arg(o.profiles)
                .arg(o.calls)
                .arg(t.elapsed() / 1000));
    }
    const sb::Context ctx{*db, &clock, QStringLiteral("bench")};
    say(QStringLiteral("== %1, now %2, median of %3 runs")
            .arg(db->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite"),
                 clock.now().toString(Qt::ISODate))
            .arg(runs));

    // The floor: one GROUP BY over every call, every row read.
    qint64 calls = 0;
    const auto floor = medianUs(runs, [&] {
        auto q = db->run(QStringLiteral("SELECT profile_id, member_id, COUNT(*),"
                                        " SUM(charged_cents), SUM(billed_minutes) FROM calls"
                                        " GROUP BY profile_id, member_id"));
        if (!q)
            return fail(QStringLiteral("scan"), q.error());
        calls = 0;
        while (q->next())
            calls += q->value(2).toLongLong();
        return true;
    });
    if (!floor)
        return 1;
    say(QStringLiteral("floor: GROUP BY over %1 calls: %2").arg(calls).arg(ms(*floor)));

    const auto dashboard = medianUs(runs, [&] {
        if (auto b = sb::CompanyService(ctx).balance(); !b)
            return fail(QStringLiteral("balance"), b.error());
        if (auto a = sb::AttentionService(ctx).list(); !a)
            return fail(QStringLiteral("attention"), a.error());
        const sb::ChartData charts(ctx);
        if (auto s = charts.spendingByKind(); !s)
            return fail(QStringLiteral("spending"), s.error());
        if (auto s = charts.bundleUsage(); !s)
            return fail(QStringLiteral("bundles"), s.error());
        auto profiles = charts.profiles();
        if (!profiles)
            return fail(QStringLiteral("profiles"), profiles.error());
        if (!profiles->isEmpty()) {
            if (auto s = charts.peakCalls(profiles->first().id); !s)
                return fail(QStringLiteral("peak calls"), s.error());
        }
        if (auto s = charts.companyBalance(); !s)
            return fail(QStringLiteral("balance history"), s.error());
        return true;
    });
    if (!dashboard)
        return 1;
    const double dashboardRatio = double(*dashboard) / double(std::max<qint64>(1, *floor));
    say(QStringLiteral("dashboard: %1 (%2 of the floor; goal under 0.10)")
            .arg(ms(*dashboard))
            .arg(dashboardRatio, 0, 'f', 3));
    sb::bench::figure(QStringLiteral("reports"), QStringLiteral("dashboard figures"),
                      double(*dashboard) / 1000.0, QStringLiteral("ms"), dashboardRatio,
                      QStringLiteral("< 0.10x the floor"), dashboardRatio < 0.10);

    // The dashboard's parts, to see where its time goes.
    {
        const sb::ChartData charts(ctx);
        const QList<std::pair<QString, std::function<bool()>>> parts = {
            {QStringLiteral("attention list"),
             [&] { return sb::AttentionService(ctx).list().ok(); }},
            {QStringLiteral("  of which advice"),
             [&] { return sb::AdviceService(ctx).all().ok(); }},
            {QStringLiteral("spending chart"), [&] { return charts.spendingByKind().ok(); }},
            {QStringLiteral("bundle chart"), [&] { return charts.bundleUsage().ok(); }},
            {QStringLiteral("profiles"), [&] { return charts.profiles().ok(); }},
            {QStringLiteral("balance chart"), [&] { return charts.companyBalance().ok(); }},
        };
        for (const auto& [name, work] : parts) {
            if (const auto us = medianUs(runs, work))
                say(QStringLiteral("  %1: %2").arg(name, ms(*us)));
        }
    }

    const QString thisMonth = clock.now().toUTC().toString(QStringLiteral("yyyy-MM"));
    const QString lastMonth = clock.now().toUTC().addMonths(-1).toString(QStringLiteral("yyyy-MM"));
    for (const QString& month : {lastMonth, thisMonth}) {
        qsizetype accounts = 0;
        const auto statement = medianUs(runs, [&] {
            auto s = sb::MonthlyStatement(ctx).compute(month);
            if (!s)
                return fail(QStringLiteral("statement"), s.error());
            accounts = s->profiles.size() + s->members.size();
            return true;
        });
        if (!statement)
            return 1;
        const double ratio = double(*statement) / double(std::max<qint64>(1, *floor));
        say(QStringLiteral("statement %1 (%2 accounts): %3 (%4 of the floor; goal under 0.33)")
                .arg(month)
                .arg(accounts)
                .arg(ms(*statement))
                .arg(ratio, 0, 'f', 3));
        sb::bench::figure(QStringLiteral("reports"), QStringLiteral("statement %1").arg(month),
                          double(*statement) / 1000.0, QStringLiteral("ms"), ratio,
                          QStringLiteral("< 0.33x the floor"), ratio < 0.33);
    }
    say(QStringLiteral("peak memory: %1 MiB").arg(double(peakKiB()) / 1024.0, 0, 'f', 1));
    return 0;
}
