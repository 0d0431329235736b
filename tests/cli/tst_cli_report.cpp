// switchboardctl report statement as a process, on SQLite and PostgreSQL, over the statement
// scenario: --csv and --pdf (the PDF on a machine without a display: no QT_QPA_PLATFORM) with
// their JSON and text, the CSV's totals against the ledger, the PDF's text; a month written
// wrongly, a missing or doubled output, and an output that is the database, its -wal file
// (also through a symbolic link) or the secrets' key file refused, nothing written; only the
// PDF needs a platform plugin.

#include "tests/support/CoreTest.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/StatementScenario.h"

#include "core/base/Csv.h"

#include <QFile>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace sb;
using namespace sb::test;

namespace {

QProcessEnvironment headless()
{
    QProcessEnvironment env = CtlRunner::environment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void statement_data() { sbt::addEngineRows(); }
    void statement()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const QString problem = sbt::buildStatementScenario(env);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const CtlRunner ctl(env.t.spec());
        QTemporaryDir dir;

        const QString csv = dir.filePath(QStringLiteral("march.csv"));
        auto r = ctl.run({QStringLiteral("--json"), QStringLiteral("report"),
                          QStringLiteral("statement"), QStringLiteral("--month"),
                          QStringLiteral("2026-03"), QStringLiteral("--csv"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("month")).toString(), QStringLiteral("2026-03"));
        QCOMPARE(j.value(QStringLiteral("file")).toString(), csv);
        const QJsonObject totals = j.value(QStringLiteral("totals")).toObject();
        const QStringList ledger = sbt::rows(
            env.db(), QStringLiteral("SELECT kind, CAST(SUM(amount_cents) AS BIGINT) FROM ledger"
                                     " WHERE at LIKE '2026-03%' GROUP BY kind ORDER BY kind"));
        QVERIFY(!ledger.isEmpty());
        for (const QString& row : ledger) {
            const QStringList f = row.split(QLatin1Char('|'));
            QCOMPARE(totals.value(f.at(0)).toString(),
                     Money::fromCents(f.at(1).toLongLong()).toString());
        }
        QCOMPARE(totals.size(), ledger.size() + 1); // and "spending"
        const QString text = QString::fromUtf8(fileBytes(csv));
        QVERIFY(text.startsWith(QStringLiteral("statement,month\r\nstatement,2026-03\r\n")));
        QVERIFY(text.contains(QStringLiteral("entries,2026-03-02T08:00:00Z,topup,,,tester,100.00,"
                                             "'=BANK-2")));

        // The PDF, with no display and no QT_QPA_PLATFORM.
        const QString pdf = dir.filePath(QStringLiteral("march.pdf"));
        r = ctl.run({QStringLiteral("report"), QStringLiteral("statement"),
                     QStringLiteral("--month"), QStringLiteral("2026-03"), QStringLiteral("--pdf"),
                     pdf},
                    headless());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(pdf));
        QVERIFY(fileBytes(pdf).startsWith("%PDF-"));
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
            QProcess p;
            p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            QVERIFY(p.waitForFinished(60000));
            const QString pdfText = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(pdfText.contains(QStringLiteral("Monthly statement, March 2026")),
                     qPrintable(pdfText));
            QVERIFY(pdfText.contains(QStringLiteral("=BANK-2")));
        }
    }

    // Only the PDF makes a QGuiApplication: with a platform that does not exist, the CSV and
    // every other command still run (a QGuiApplication would abort on it).
    void onlyThePdfNeedsAPlatform()
    {
        SB_ENV(env, QStringLiteral("sqlite"));
        SB_VERIFY_OK(CompanyService(*env.ctx).topUp(Money::fromCents(1000), QStringLiteral("T")));
        const CtlRunner ctl(env.t.spec());
        QProcessEnvironment noPlatform = headless();
        noPlatform.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
        QTemporaryDir dir;
        auto r = ctl.run({QStringLiteral("balance")}, noPlatform);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = ctl.run({QStringLiteral("report"), QStringLiteral("statement"),
                     QStringLiteral("--month"), QStringLiteral("2026-03"), QStringLiteral("--csv"),
                     dir.filePath(QStringLiteral("s.csv"))},
                    noPlatform);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = ctl.run({QStringLiteral("report"), QStringLiteral("statement"),
                     QStringLiteral("--month"), QStringLiteral("2026-03"), QStringLiteral("--pdf"),
                     dir.filePath(QStringLiteral("s.pdf"))},
                    noPlatform);
        QVERIFY2(r.exitCode != 0, "the PDF uses the platform QT_QPA_PLATFORM names");
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("s.pdf"))));
    }

    void refusals_data() { sbt::addEngineRows(); }
    void refusals()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        SB_VERIFY_OK(CompanyService(*env.ctx).topUp(Money::fromCents(1000), QStringLiteral("T")));
        const CtlRunner ctl(env.t.spec());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("s.csv"));
        const auto statement = [&](const QStringList& rest) {
            return ctl.run(QStringList{QStringLiteral("report"), QStringLiteral("statement")} +
                               rest,
                           headless());
        };
        // Usage: no month, no output, both outputs, unknown report.
        for (const QStringList& args :
             {QStringList{QStringLiteral("--csv"), out},
              QStringList{QStringLiteral("--month"), QStringLiteral("2026-03")},
              QStringList{QStringLiteral("--month"), QStringLiteral("2026-03"),
                          QStringLiteral("--csv"), out, QStringLiteral("--pdf"),
                          dir.filePath(QStringLiteral("s.pdf"))}}) {
            const auto r = statement(args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + r.err));
        }
        QCOMPARE(ctl.run({QStringLiteral("report"), QStringLiteral("weekly")}).exitCode, 2);
        const auto help = ctl.run({QStringLiteral("report"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("report statement --month YYYY-MM")));
        // A month written wrongly.
        auto r = statement(
            {QStringLiteral("--month"), QStringLiteral("2026-13"), QStringLiteral("--csv"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("YYYY-MM")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));

        // The secrets' key file (given to every test by CMake) is never overwritten.
        const QString key = qEnvironmentVariable("SWITCHBOARD_SECRET_KEY_FILE");
        QVERIFY(!key.isEmpty());
        const bool keyExisted = QFile::exists(key);
        const QByteArray keyBytes = fileBytes(key);
        for (const QString& flag : {QStringLiteral("--csv"), QStringLiteral("--pdf")}) {
            r = statement({QStringLiteral("--month"), QStringLiteral("2026-03"), flag, key});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("key file")), qPrintable(r.err));
        }
        QCOMPARE(QFile::exists(key), keyExisted);
        QCOMPARE(fileBytes(key), keyBytes);

        if (env.db().isPostgres())
            return;
        // The database itself, its -wal file, and the database behind a symbolic link.
        const QString db =
            env.t.spec().startsWith(QLatin1String("sqlite:")) ? env.t.spec().mid(7) : env.t.spec();
        const qint64 entries = sbt::count(env.db(), QStringLiteral("ledger"));
        const QString link = dir.filePath(QStringLiteral("link.sqlite"));
        QVERIFY(QFile::link(db, link));
        for (const QString& target : QStringList{db, db + QStringLiteral("-wal"), link}) {
            for (const QString& flag : {QStringLiteral("--csv"), QStringLiteral("--pdf")}) {
                r = statement({QStringLiteral("--month"), QStringLiteral("2026-03"), flag, target});
                QCOMPARE(r.exitCode, 1);
                QVERIFY2(r.err.contains(QStringLiteral("open database")), qPrintable(r.err));
            }
        }
        // Still the database (its pages move when a process checkpoints its WAL on closing).
        QVERIFY(fileBytes(db).startsWith("SQLite format 3"));
        QCOMPARE(sbt::count(env.db(), QStringLiteral("ledger")), entries);
        r = ctl.run({QStringLiteral("balance")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
