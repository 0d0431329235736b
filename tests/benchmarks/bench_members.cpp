// bench_members [N]: how the members table behaves at size. Fills a fresh SQLite database
// (and a PostgreSQL one when $SWITCHBOARD_TEST_PG names a server) with N demo members
// (default 100000) and prints plain figures: generation speed, the first page sorted by each
// column, search pages for a common and a rare substring, counts, and peak memory.

#include "core/base/FixedClock.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/storage/Context.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/TestDatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <cstdio>

namespace {

using sb::bench::say;

QString peakRss()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    const QString status = QString::fromLatin1(f.readAll());
    const auto m = QRegularExpression(QStringLiteral("VmHWM:\\s*(\\d+)\\s*kB")).match(status);
    return m.hasMatch() ? QStringLiteral("%1 MB").arg(m.captured(1).toLongLong() / 1024)
                        : QStringLiteral("unknown");
}

// The median of a few runs of `work`, in milliseconds with one decimal.
template<typename F> QString timed(F&& work, int runs = 5)
{
    QList<qint64> ns;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ns << t.nsecsElapsed();
    }
    std::sort(ns.begin(), ns.end());
    return QString::number(double(ns[ns.size() / 2]) / 1e6, 'f', 1) + QStringLiteral(" ms");
}

const char* sortName(sb::MemberQuery::Sort s)
{
    switch (s) {
    case sb::MemberQuery::Sort::Account:
        return "account";
    case sb::MemberQuery::Sort::Name:
        return "name";
    case sb::MemberQuery::Sort::Email:
        return "email";
    case sb::MemberQuery::Sort::Department:
        return "department";
    case sb::MemberQuery::Sort::Balance:
        return "balance";
    case sb::MemberQuery::Sort::Status:
        return "status";
    }
    return "?";
}

int bench(const QString& engine, int members)
{
    sb::test::TestDatabase t(engine);
    if (!t.ok()) {
        say(QStringLiteral("%1: unavailable: %2").arg(engine, t.error()));
        return 1;
    }
    sb::FixedClock clock(QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC));
    const sb::Context ctx{t.db(), &clock, QStringLiteral("bench")};
    const sb::MemberService service(ctx);
    say(QStringLiteral("== %1, %2 members").arg(engine).arg(members));

    QElapsedTimer timer;
    timer.start();
    QList<qint64> chunkMs; // time of each 1000 members, to see whether inserts slow down
    qint64 last = 0;
    auto summary = sb::DemoGenerator(ctx).generate({members, 2026}, [&](qint64 done, qint64) {
        if (done % 1000 == 0) {
            chunkMs << timer.elapsed() - last;
            last = timer.elapsed();
        }
        return true;
    });
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    if (!summary) {
        say(QStringLiteral("generate failed: %1").arg(summary.error().message));
        return 1;
    }
    say(QStringLiteral("generate: %1 members in %2 ms (%3/s)")
            .arg(summary->members)
            .arg(ms)
            .arg(qint64(summary->members) * 1000 / ms));
    if (chunkMs.size() >= 2)
        say(QStringLiteral("generate: first 1000 members in %1 ms, last 1000 in %2 ms; commit and "
                           "recharges %3 ms")
                .arg(chunkMs.first())
                .arg(chunkMs.at(chunkMs.size() - 1))
                .arg(ms - last));
    if (qEnvironmentVariableIsSet("BENCH_CHUNKS")) {
        QStringList all;
        for (qint64 c : std::as_const(chunkMs))
            all << QString::number(c);
        say(QStringLiteral("generate: chunks %1").arg(all.join(QLatin1Char(' '))));
    }

    using Sort = sb::MemberQuery::Sort;
    for (Sort sort :
         {Sort::Account, Sort::Name, Sort::Email, Sort::Department, Sort::Balance, Sort::Status}) {
        for (bool ascending : {true, false}) {
            sb::MemberQuery q;
            q.sort = sort;
            q.ascending = ascending;
            qsizetype rows = 0;
            const QString took = timed([&] { rows = service.page(q)->size(); });
            say(QStringLiteral("page: first %1 rows by %2 %3: %4")
                    .arg(rows)
                    .arg(QLatin1String(sortName(sort)),
                         ascending ? QStringLiteral("asc") : QStringLiteral("desc"), took));
        }
    }
    {
        // The last page seeks past the 257th member from the end (the reverse order's page).
        sb::MemberQuery q;
        q.sort = Sort::Name;
        sb::MemberQuery reverse = q;
        reverse.ascending = false;
        reverse.limit = 257;
        auto tail = service.page(reverse);
        if (tail && tail->size() == 257)
            q.after = sb::MemberService::seekKey(tail->last(), q.sort);
        qsizetype rows = 0;
        const QString took = timed([&] { rows = service.page(q)->size(); });
        say(QStringLiteral("page: last %1 rows by name (keyset): %2").arg(rows).arg(took));
    }
    // A common substring (a department and many names) and a rare one (one member's account).
    QString rare;
    {
        auto one = t.db().runFirst(
            QStringLiteral(
                "SELECT account_name FROM members ORDER BY account_key LIMIT 1 OFFSET ?"),
            {members / 2});
        rare = one ? one->value(0).toString() : QStringLiteral("nobody");
    }
    for (const QString& needle : {QStringLiteral("sales"), QStringLiteral("an"), rare}) {
        sb::MemberQuery q;
        q.search = needle;
        q.sort = Sort::Name;
        qsizetype rows = 0;
        qint64 total = 0;
        const QString pageTook = timed([&] { rows = service.page(q)->size(); });
        const QString countTook = timed([&] { total = *service.count(needle); });
        say(QStringLiteral("search \"%1\": first page %2 rows in %3; count(search) = %4 in %5")
                .arg(needle)
                .arg(rows)
                .arg(pageTook)
                .arg(total)
                .arg(countTook));
    }
    qint64 all = 0;
    const QString countAll = timed([&] { all = *service.count(); });
    say(QStringLiteral("count(): %1 in %2").arg(all).arg(countAll));
    say(QStringLiteral("peak RSS: %1").arg(peakRss()));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = true;
    const int members = args.size() > 1 ? args.at(1).toInt(&ok) : 100000;
    if (!ok || members < 1) {
        std::fprintf(stderr, "usage: bench_members [N]   (N members, default 100000)\n");
        return 2;
    }
    int rc = 0;
    for (const QString& engine : sb::test::TestDatabase::engines())
        rc |= bench(engine, members);
    return rc;
}
