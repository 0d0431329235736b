// switchboardctl advice as a process, on SQLite and PostgreSQL, against hand-computed
// figures at the built-in prices (bundle 30.00, US minutes 0.0230): the JSON of the contract,
// the text, a profile without calls, an unknown profile (exit 1) and extra words (exit 2).
#include "tests/support/CdrLines.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

namespace {

const QString kNow = QStringLiteral("2026-05-15T12:00:00Z");
const QString kUs = QStringLiteral("3127365000");

// `minutes` of US calls of `profile` in the month of `first`: calls of at most 600 minutes,
// two a day (00:00 and 12:00), never overlapping.
QByteArray usMinutes(const QString& profile, const QDate& first, qint64 minutes)
{
    QByteArray file;
    for (int i = 0; minutes > 0; ++i) {
        const qint64 part = std::min<qint64>(minutes, 600);
        const QDateTime start(first.addDays(i / 2), QTime(i % 2 ? 12 : 0, 0), Qt::UTC);
        file += sbt::asteriskLine(
            profile, kUs, start, part * 60,
            QStringLiteral("%1-%2-%3").arg(profile, first.toString(Qt::ISODate)).arg(i));
        minutes -= part;
    }
    return file;
}

} // namespace

class TestCliAdvice : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;
    QTemporaryDir m_dir;

    CtlResult ctl(const QStringList& args)
    {
        return m_ctl->run(QStringList{QStringLiteral("--now"), kNow} + args);
    }
    void ok(const QStringList& args, const QString& now = kNow)
    {
        const CtlResult r = m_ctl->run(QStringList{QStringLiteral("--now"), now} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + r.err));
    }

private slots:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }
    void initTestCase()
    {
        QVERIFY2(!CtlRunner::program().isEmpty(), "SWITCHBOARD_CTL is not set");
        QVERIFY(m_dir.isValid());
    }
    void init()
    {
        QFETCH_GLOBAL(QString, engine);
        m_ctl.reset();
        m_db = std::make_unique<TestDatabase>(engine);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ctl = std::make_unique<CtlRunner>(m_db->spec());
    }
    void cleanup()
    {
        m_ctl.reset();
        m_db.reset();
    }

    void adviceByHand()
    {
        const QString january = QStringLiteral("2026-01-01T00:00:00Z");
        ok({QStringLiteral("topup"), QStringLiteral("3000")}, january);
        for (const QString& name : {QStringLiteral("Sales"), QStringLiteral("Quiet")}) {
            ok({QStringLiteral("profile"), QStringLiteral("create"), name, QStringLiteral("--ip"),
                QStringLiteral("8.8.4.4"), QStringLiteral("--port"), QStringLiteral("5060"),
                QStringLiteral("--channels"), QStringLiteral("4")},
               january);
            ok({QStringLiteral("credit"), QStringLiteral("profile"), name, QStringLiteral("900")},
               january);
        }
        ok({QStringLiteral("bundle"), QStringLiteral("add"), QStringLiteral("Sales"),
            QStringLiteral("1")});

        // 12,000 US minutes in each of February, March and April; April's busiest hour has
        // five calls holding a channel the whole hour (5 s ringing + 3595 s): 5 erlangs.
        QByteArray file = usMinutes(QStringLiteral("Sales"), QDate(2026, 2, 1), 12000) +
                          usMinutes(QStringLiteral("Sales"), QDate(2026, 3, 1), 12000) +
                          usMinutes(QStringLiteral("Sales"), QDate(2026, 4, 1), 11700);
        for (int i = 0; i < 5; ++i)
            file += sbt::asteriskLine(QStringLiteral("Sales"), kUs,
                                      QDateTime(QDate(2026, 4, 20), QTime(9, 0), Qt::UTC), 3595,
                                      QStringLiteral("busy-%1").arg(i));
        // May is not full yet: not counted.
        file += usMinutes(QStringLiteral("Sales"), QDate(2026, 5, 1), 3000);
        const QString path = m_dir.filePath(QStringLiteral("Master.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(file), file.size());
        }
        ok({QStringLiteral("calls"), QStringLiteral("import"), path});

        // Per month: 0 bundles 276.00; 1: 30.00 + 7000 × 0.023 = 191.00; 2: 60.00 + 46.00 =
        // 106.00; 3: 90.00; 4: 120.00. Best 3; with the 1 it has it saves 101.00 a month.
        CtlResult r = ctl({QStringLiteral("--json"), QStringLiteral("advice")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray profiles = r.json().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 2);
        const QJsonObject quiet = profiles.at(0).toObject();
        const QJsonObject sales = profiles.at(1).toObject();
        QCOMPARE(sales.value(QStringLiteral("name")).toString(), QStringLiteral("Sales"));
        const QJsonObject channels = sales.value(QStringLiteral("channels")).toObject();
        QCOMPARE(channels.value(QStringLiteral("have")).toInt(), 4);
        QCOMPARE(channels.value(QStringLiteral("need")).toInt(), 11);
        QCOMPARE(channels.value(QStringLiteral("busyHourErlangs")).toDouble(), 5.0);
        QCOMPARE(channels.value(QStringLiteral("busiestHour")).toString(),
                 QStringLiteral("2026-04-20T09"));
        const QJsonObject bundles = sales.value(QStringLiteral("bundles")).toObject();
        QCOMPARE(bundles.value(QStringLiteral("have")).toInt(), 1);
        QCOMPARE(bundles.value(QStringLiteral("best")).toInt(), 3);
        QCOMPARE(bundles.value(QStringLiteral("monthlySaving")).toString(),
                 QStringLiteral("101.00"));
        QCOMPARE(bundles.value(QStringLiteral("months")).toArray(),
                 (QJsonArray{QStringLiteral("2026-02"), QStringLiteral("2026-03"),
                             QStringLiteral("2026-04")}));

        // No calls: no bundle advice, no channels needed.
        QCOMPARE(quiet.value(QStringLiteral("name")).toString(), QStringLiteral("Quiet"));
        const QJsonObject qc = quiet.value(QStringLiteral("channels")).toObject();
        QCOMPARE(qc.value(QStringLiteral("need")).toInt(-1), 0);
        QCOMPARE(qc.value(QStringLiteral("have")).toInt(), 4);
        QVERIFY(qc.value(QStringLiteral("busiestHour")).isNull());
        const QJsonObject qb = quiet.value(QStringLiteral("bundles")).toObject();
        QCOMPARE(qb.value(QStringLiteral("have")).toInt(-1), 0);
        QVERIFY(qb.value(QStringLiteral("best")).isNull());
        QVERIFY(qb.value(QStringLiteral("monthlySaving")).isNull());
        QVERIFY(qb.value(QStringLiteral("months")).toArray().isEmpty());

        // One profile, any case.
        r = ctl({QStringLiteral("--json"), QStringLiteral("advice"), QStringLiteral("sales")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("profiles")).toArray(), QJsonArray{sales});

        // Text.
        r = ctl({QStringLiteral("advice"), QStringLiteral("Sales")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Sales\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("(2026-04-20T09 UTC, 5.00 erlangs) needs 11")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("3 would have cost least, saving 101.00 USD a "
                                               "month (2026-02 to 2026-04)")),
                 qPrintable(r.out));
        r = ctl({QStringLiteral("advice"), QStringLiteral("Quiet")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("not enough call records yet")), qPrintable(r.out));
    }

    void refusals()
    {
        CtlResult r = ctl({QStringLiteral("advice"), QStringLiteral("Nobody")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(r.err.contains(QStringLiteral("Nobody")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = ctl({QStringLiteral("advice"), QStringLiteral("A"), QStringLiteral("B")});
        QCOMPARE(r.exitCode, 2);
        // Listed in the program's help.
        r = ctl({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("advice [PROFILE]")), qPrintable(r.out));
        // No profiles at all: an empty list.
        r = ctl({QStringLiteral("--json"), QStringLiteral("advice")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("profiles"), QJsonArray()}}));
    }
};

QTEST_GUILESS_MAIN(TestCliAdvice)
#include "tst_cli_advice.moc"
