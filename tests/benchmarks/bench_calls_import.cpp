// bench_calls_import: how fast CallImporter reads, rates, charges and stores Asterisk call
// records, against the floor of loading the same file into an untyped 18-column SQLite table
// with one prepared insert per row in one transaction (what the sqlite3 shell's .import does).
//
//   bench_calls_import [--records N] [--file Master.csv] [--members N] [--profiles N]
//                      [--engine sqlite|postgresql]
//
// Without --file it generates N (default 1,000,000) records for a demo account (members and
// SIP profiles it creates and funds) with DemoCallStream, the demo's generator. The import
// and the baseline each run in a child process of their own (this program re-executed with
// --child), so each one's peak memory (VmHWM) is its own. --engine postgresql imports into a
// throw-away PostgreSQL database ($SWITCHBOARD_TEST_PG, see scripts/with-postgres.sh); the
// baseline is SQLite either way.

#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/calls/CdrReader.h"
#include "core/credit/CreditService.h"
#include "core/demo/DemoCallStream.h"
#include "core/demo/DemoGenerator.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/rating/Rater.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "tests/benchmarks/BenchFigure.h"
#include "tests/support/TestDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <sys/resource.h>

#include <cstdio>
#include <vector>

namespace {

using sb::bench::cpuNs;
using sb::bench::peakKiB;
using sb::bench::say;

const QDateTime kNow(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

// --child import SPEC FILE: the import alone, as the window and `calls import` run it.
int childImport(const QString& spec, const QString& file)
{
    auto db = sb::Database::open(spec);
    if (!db) {
        say(QStringLiteral("error %1").arg(db.error().message));
        return 1;
    }
    sb::FixedClock clock(kNow);
    const sb::Context ctx{*db, &clock, QStringLiteral("bench")};
    QElapsedTimer t;
    t.start();
    const qint64 cpu0 = cpuNs();
    auto r = sb::CallImporter(ctx).importFile(file, {});
    const qint64 ns = t.nsecsElapsed();
    const qint64 cpu = cpuNs() - cpu0;
    if (!r) {
        say(QStringLiteral("error %1").arg(r.error().message));
        return 1;
    }
    say(QStringLiteral("result cpu=%1 ns=%2 kib=%3 imported=%4 duplicates=%5 problems=%6 "
                       "unknown=%7 charged=%8 owing=%9")
            .arg(cpu)
            .arg(ns)
            .arg(peakKiB())
            .arg(r->imported)
            .arg(r->duplicates)
            .arg(r->problemCount)
            .arg(r->unknownRecords)
            .arg(r->chargedCalls)
            .arg(r->owingPayers));
    return 0;
}

// --child read|rate - FILE: the reading alone, or reading and rating, without storing: where
// the import's time goes.
int childRead(bool rate, const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QElapsedTimer t;
    t.start();
    sb::CdrReader reader(&f);
    const sb::Rater rater(sb::PriceList::builtIn());
    sb::CallRecord r;
    qint64 n = 0, cents = 0;
    while (reader.next(r)) {
        ++n;
        if (rate)
            cents += rater.rate(r, QStringLiteral("US")).price.cents();
    }
    say(QStringLiteral("result ns=%1 kib=%2 rows=%3 cents=%4")
            .arg(t.nsecsElapsed())
            .arg(peakKiB())
            .arg(n)
            .arg(cents));
    return 0;
}

// --child baseline DB FILE: the floor. Like the sqlite3 shell's .import: the C API, a
// byte-by-byte RFC 4180 reader, one prepared INSERT of 18 text values per row, one
// transaction; the same journal settings as Switchboard's connections (WAL, synchronous
// NORMAL) so that only the work per row differs.
int childBaseline(const QString& dbPath, const QString& file)
{
    QElapsedTimer t;
    t.start();
    sqlite3* db = nullptr;
    if (sqlite3_open(dbPath.toUtf8().constData(), &db) != SQLITE_OK) {
        say(QStringLiteral("error cannot open %1").arg(dbPath));
        return 1;
    }
    QString columns;
    QString marks;
    for (int i = 1; i <= 18; ++i) {
        columns += QStringLiteral("%1c%2").arg(i > 1 ? QStringLiteral(", ") : QString()).arg(i);
        marks += i > 1 ? QStringLiteral(", ?") : QStringLiteral("?");
    }
    const QByteArray setup = QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                            " CREATE TABLE cdr (%1); BEGIN;")
                                 .arg(columns)
                                 .toUtf8();
    if (sqlite3_exec(db, setup.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        say(QStringLiteral("error %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        return 1;
    }
    sqlite3_stmt* insert = nullptr;
    const QByteArray sql = QStringLiteral("INSERT INTO cdr VALUES (%1)").arg(marks).toUtf8();
    sqlite3_prepare_v2(db, sql.constData(), -1, &insert, nullptr);
    std::FILE* in = std::fopen(QFile::encodeName(file).constData(), "rb");
    if (!in) {
        say(QStringLiteral("error cannot read %1").arg(file));
        return 1;
    }
    std::vector<std::string> fields(1);
    qint64 rows = 0;
    bool quoted = false;
    int c = 0;
    auto flush = [&] {
        for (size_t i = 0; i < fields.size() && i < 18; ++i)
            sqlite3_bind_text(insert, int(i) + 1, fields[i].data(), int(fields[i].size()),
                              SQLITE_TRANSIENT);
        for (size_t i = fields.size(); i < 18; ++i)
            sqlite3_bind_null(insert, int(i) + 1);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        ++rows;
        fields.assign(1, std::string());
    };
    while ((c = std::getc(in)) != EOF) {
        if (quoted) {
            if (c == '"') {
                const int next = std::getc(in);
                if (next == '"')
                    fields.back().push_back('"');
                else {
                    quoted = false;
                    if (next != EOF)
                        std::ungetc(next, in);
                }
            } else {
                fields.back().push_back(char(c));
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            flush();
        } else if (c != '\r') {
            fields.back().push_back(char(c));
        }
    }
    if (fields.size() > 1 || !fields[0].empty())
        flush();
    std::fclose(in);
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    say(QStringLiteral("result cpu=%1 ns=%2 kib=%3 rows=%4")
            .arg(cpuNs())
            .arg(t.nsecsElapsed())
            .arg(peakKiB())
            .arg(rows));
    return 0;
}

QHash<QString, QString> runChild(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(), QStringList{QStringLiteral("--child")} + args);
    p.waitForFinished(-1);
    QHash<QString, QString> out;
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("error ")))
            out.insert(QStringLiteral("error"), line.mid(6));
        if (!line.startsWith(QLatin1String("result ")))
            continue;
        for (const QString& kv : line.mid(7).split(QLatin1Char(' '))) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            if (eq > 0)
                out.insert(kv.left(eq), kv.mid(eq + 1));
        }
    }
    if (out.isEmpty())
        out.insert(QStringLiteral("error"), QStringLiteral("the child process said nothing"));
    return out;
}

QString mib(const QString& kib)
{
    return QString::number(kib.toDouble() / 1024.0, 'f', 1) + QStringLiteral(" MiB");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == QLatin1String("--child")) {
        if (args[2] == QLatin1String("import"))
            return childImport(args[3], args[4]);
        if (args[2] == QLatin1String("read") || args[2] == QLatin1String("rate"))
            return childRead(args[2] == QLatin1String("rate"), args[4]);
        if (args[2] == QLatin1String("baseline"))
            return childBaseline(args[3], args[4]);
        return 2;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Call import speed against sqlite3 .import."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("records"), QStringLiteral("Records to generate (1000000)."),
         QStringLiteral("N"), QStringLiteral("1000000")},
        {QStringLiteral("file"),
         QStringLiteral("Import this Master.csv instead (its account "
                        "codes must name the demo's payers)."),
         QStringLiteral("FILE")},
        {QStringLiteral("members"), QStringLiteral("Demo members (10000)."), QStringLiteral("N"),
         QStringLiteral("10000")},
        {QStringLiteral("profiles"), QStringLiteral("Demo SIP profiles (100)."),
         QStringLiteral("N"), QStringLiteral("100")},
        {QStringLiteral("engine"), QStringLiteral("sqlite (default) or postgresql."),
         QStringLiteral("ENGINE"), QStringLiteral("sqlite")},
    });
    parser.process(app);
    const qint64 records = parser.value(QStringLiteral("records")).toLongLong();
    const int memberCount = parser.value(QStringLiteral("members")).toInt();
    const int profileCount = parser.value(QStringLiteral("profiles")).toInt();

    sb::test::TestDatabase t(parser.value(QStringLiteral("engine")));
    if (!t.ok()) {
        say(QStringLiteral("database unavailable: %1").arg(t.error()));
        return 1;
    }
    QTemporaryDir dir;
    sb::FixedClock clock(kNow);
    {
        const sb::Context ctx{t.db(), &clock, QStringLiteral("bench")};
        QElapsedTimer timer;
        timer.start();
        sb::DemoGenerator::Options o;
        o.members = memberCount;
        o.profiles = profileCount;
        o.seed = 2026;
        auto demo = sb::DemoGenerator(ctx).generate(o);
        if (!demo) {
            say(QStringLiteral("demo failed: %1").arg(demo.error().message));
            return 1;
        }
        // Credit for about what each payer's share of the calls costs (some 12 cents a call),
        // so that most calls are paid and written to the ledger, as in real use.
        auto payers = t.db().run(QStringLiteral("SELECT account_name FROM members ORDER BY id"));
        QStringList memberCodes, profileCodes;
        while (payers && payers->next())
            memberCodes << payers->value(0).toString();
        auto profiles = t.db().run(QStringLiteral("SELECT name FROM profiles ORDER BY id"));
        while (profiles && profiles->next())
            profileCodes << profiles->value(0).toString();
        const sb::Money each =
            sb::Money::fromCents(records * 6 / 10 * 16 / qMax(1, int(memberCodes.size())));
        const sb::Money perProfile =
            sb::Money::fromCents(records * 4 / 10 * 16 / qMax(1, int(profileCodes.size())));
        (void)sb::CompanyService(ctx).topUp(
            each.times(memberCodes.size()).value_or(sb::Money()) +
                perProfile.times(profileCodes.size()).value_or(sb::Money()),
            QStringLiteral("BENCH"));
        if (each.isPositive())
            (void)sb::CreditService(ctx).allocate(each, memberCodes);
        if (perProfile.isPositive()) {
            for (const QString& p : std::as_const(profileCodes))
                (void)sb::ProfileService(ctx).allocateCredit(p, perProfile);
        }
        say(QStringLiteral("account: %1 members, %2 profiles (%3 ms)")
                .arg(memberCodes.size())
                .arg(profileCodes.size())
                .arg(timer.elapsed()));
        QString file = parser.value(QStringLiteral("file"));
        if (file.isEmpty()) {
            file = dir.filePath(QStringLiteral("Master.csv"));
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly)) {
                say(QStringLiteral("cannot write %1").arg(file));
                return 1;
            }
            sb::DemoCallStream stream(memberCodes, profileCodes, records,
                                      kNow.addMonths(-3).toSecsSinceEpoch(),
                                      kNow.toSecsSinceEpoch(), 2026);
            QByteArray chunk(1 << 20, Qt::Uninitialized);
            for (qint64 n; (n = stream.read(chunk.data(), chunk.size())) > 0;)
                out.write(chunk.constData(), n);
        }
        say(QStringLiteral("file: %1, %2 MiB")
                .arg(file)
                .arg(QFileInfo(file).size() / (1024 * 1024)));
    }
    const QString file = parser.value(QStringLiteral("file")).isEmpty()
                             ? dir.filePath(QStringLiteral("Master.csv"))
                             : parser.value(QStringLiteral("file"));
    // This process keeps its connection open but idle; the child opens its own.
    const auto imp = runChild({QStringLiteral("import"), t.spec(), file});
    if (imp.contains(QStringLiteral("error"))) {
        say(QStringLiteral("import failed: %1").arg(imp.value(QStringLiteral("error"))));
        return 1;
    }
    const auto base = runChild(
        {QStringLiteral("baseline"), dir.filePath(QStringLiteral("baseline.sqlite")), file});
    if (base.contains(QStringLiteral("error"))) {
        say(QStringLiteral("baseline failed: %1").arg(base.value(QStringLiteral("error"))));
        return 1;
    }
    const double impS = imp.value(QStringLiteral("ns")).toDouble() / 1e9;
    const double baseS = base.value(QStringLiteral("ns")).toDouble() / 1e9;
    const qint64 read = imp.value(QStringLiteral("imported")).toLongLong() +
                        imp.value(QStringLiteral("duplicates")).toLongLong();
    const double impCpu = imp.value(QStringLiteral("cpu")).toDouble() / 1e9;
    const double baseCpu = base.value(QStringLiteral("cpu")).toDouble() / 1e9;
    say(QStringLiteral("import (%1): %2 records in %3 s (CPU %10 s) = %4 records/s, peak memory "
                       "%5; %6 charged, %7 payers left owing, %8 malformed, %9 unknown payer")
            .arg(parser.value(QStringLiteral("engine")))
            .arg(read)
            .arg(impS, 0, 'f', 2)
            .arg(qint64(read / qMax(impS, 1e-9)))
            .arg(mib(imp.value(QStringLiteral("kib"))))
            .arg(imp.value(QStringLiteral("charged")), imp.value(QStringLiteral("owing")),
                 imp.value(QStringLiteral("problems")), imp.value(QStringLiteral("unknown")))
            .arg(impCpu, 0, 'f', 2));
    say(QStringLiteral("baseline (sqlite3 .import, untyped 18 columns): %1 rows in %2 s (CPU %5 "
                       "s) = %3 rows/s, peak memory %4")
            .arg(base.value(QStringLiteral("rows")))
            .arg(baseS, 0, 'f', 2)
            .arg(qint64(base.value(QStringLiteral("rows")).toDouble() / qMax(baseS, 1e-9)))
            .arg(mib(base.value(QStringLiteral("kib"))))
            .arg(baseCpu, 0, 'f', 2));
    if (qEnvironmentVariableIsSet("BENCH_PHASES")) {
        for (const QString& phase : {QStringLiteral("read"), QStringLiteral("rate")}) {
            const auto r = runChild({phase, QStringLiteral("-"), file});
            say(QStringLiteral("phase %1 only: %2 s")
                    .arg(phase)
                    .arg(r.value(QStringLiteral("ns")).toDouble() / 1e9, 0, 'f', 2));
        }
    }
    say(QStringLiteral("ratio import/baseline: %1 (wall time), %2 (CPU time)")
            .arg(impS / qMax(baseS, 1e-9), 0, 'f', 2)
            .arg(impCpu / qMax(baseCpu, 1e-9), 0, 'f', 2));
    const double ratio = impS / qMax(baseS, 1e-9);
    const double peakMiB = imp.value(QStringLiteral("kib")).toDouble() / 1024.0;
    sb::bench::figure(QStringLiteral("calls_import"),
                      QStringLiteral("import of %1 call records").arg(read),
                      double(read) / qMax(impS, 1e-9), QStringLiteral("/s"), ratio,
                      QStringLiteral("<= 1.0x an untyped load"), ratio <= 1.0);
    sb::bench::figure(QStringLiteral("calls_import"), QStringLiteral("import peak memory"), peakMiB,
                      QStringLiteral("MiB"), -1, QStringLiteral("< 100 MiB"), peakMiB < 100.0);
    return 0;
}
