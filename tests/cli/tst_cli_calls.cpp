// switchboardctl calls import|list as a process, on SQLite and PostgreSQL: the import's JSON
// (imported, duplicates, rejected lines, unknown account codes), re-import, a file that is
// not call records (exit 1, nothing changed), the list's filters and call shape, the CSV.
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

QByteArray line(const QString& account, const QString& dst, int billsec, const QString& start,
                const QString& uniqueId)
{
    const QDateTime s = QDateTime::fromString(start, Qt::ISODate);
    const auto t = [](const QDateTime& d) {
        return d.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    const QStringList f{account,
                        QStringLiteral("1001"),
                        dst,
                        QStringLiteral("from-internal"),
                        QStringLiteral("Alice <1001>"),
                        QStringLiteral("PJSIP/1001-1"),
                        QStringLiteral("PJSIP/trunk-2"),
                        QStringLiteral("Dial"),
                        QStringLiteral("PJSIP/trunk"),
                        t(s),
                        billsec > 0 ? t(s.addSecs(3)) : QString(),
                        t(s.addSecs(3 + billsec)),
                        QString::number(billsec + 3),
                        QString::number(billsec),
                        billsec > 0 ? QStringLiteral("ANSWERED") : QStringLiteral("NO ANSWER"),
                        QStringLiteral("DOCUMENTATION"),
                        uniqueId};
    QStringList quoted;
    for (const QString& x : f)
        quoted << QLatin1Char('"') + QString(x).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                      QLatin1Char('"');
    return quoted.join(QLatin1Char(',')).toUtf8() + '\n';
}

} // namespace

class TestCliCalls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;
    QTemporaryDir m_dir;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }
    CtlResult ctlJson(const QStringList& args)
    {
        return m_ctl->run(QStringList{QStringLiteral("--json")} + args);
    }
    static void verifyRefused(const CtlResult& r)
    {
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!r.err.trimmed().isEmpty());
    }
    QString write(const QString& name, const QByteArray& data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return {};
        return path;
    }
    int callCount()
    {
        return ctlJson({QStringLiteral("calls"), QStringLiteral("list")})
            .json()
            .value(QStringLiteral("calls"))
            .toArray()
            .size();
    }
    void setUpAccount()
    {
        for (const QStringList& args :
             {QStringList{QStringLiteral("topup"), QStringLiteral("500")},
              QStringList{QStringLiteral("member"), QStringLiteral("add"),
                          QStringLiteral("alice.berg"), QStringLiteral("--name"),
                          QStringLiteral("Alice Berg")},
              QStringList{QStringLiteral("credit"), QStringLiteral("allocate"),
                          QStringLiteral("20"), QStringLiteral("alice.berg")},
              QStringList{QStringLiteral("profile"), QStringLiteral("create"),
                          QStringLiteral("Sales"), QStringLiteral("--ip"),
                          QStringLiteral("8.8.4.4"), QStringLiteral("--port"),
                          QStringLiteral("5060")},
              QStringList{QStringLiteral("credit"), QStringLiteral("profile"),
                          QStringLiteral("Sales"), QStringLiteral("20")}}) {
            const CtlResult r = ctl(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + r.err));
        }
    }
    // 3 good calls, a malformed line (4), two records of an unknown account code (5, 6).
    QByteArray masterCsv()
    {
        return line(QStringLiteral("alice.berg"), QStringLiteral("12125550142"), 65,
                    QStringLiteral("2026-03-01T09:00:00Z"), QStringLiteral("u1")) +
               line(QStringLiteral("Sales"), QStringLiteral("011442079460000"), 30,
                    QStringLiteral("2026-03-01T23:30:00Z"), QStringLiteral("u2")) +
               line(QStringLiteral("alice.berg"), QStringLiteral("2002"), 0,
                    QStringLiteral("2026-03-02T10:00:00Z"), QStringLiteral("u3")) +
               QByteArray("\"alice.berg\",\"1001\",\"too few columns\"\n") +
               line(QStringLiteral("ghost"), QStringLiteral("12125550100"), 10,
                    QStringLiteral("2026-03-02T11:00:00Z"), QStringLiteral("u5")) +
               line(QStringLiteral("ghost"), QStringLiteral("12125550100"), 10,
                    QStringLiteral("2026-03-02T12:00:00Z"), QStringLiteral("u6"));
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

    void importReportsAndSkipsDuplicates()
    {
        setUpAccount();
        const QString file = write(QStringLiteral("Master.csv"), masterCsv());
        CtlResult r = ctlJson({QStringLiteral("calls"), QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("imported")).toInt(), 3);
        QCOMPARE(j.value(QStringLiteral("duplicates")).toInt(), 0);
        const QJsonArray rejected = j.value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("line")).toInt(), 4);
        QVERIFY(!rejected.at(0).toObject().value(QStringLiteral("reason")).toString().isEmpty());
        const QJsonArray unknown = j.value(QStringLiteral("unknownAccounts")).toArray();
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("code"), QStringLiteral("ghost")},
                              {QStringLiteral("count"), 2},
                              {QStringLiteral("firstLine"), 5}}));
        QCOMPARE(j.value(QStringLiteral("chargedCalls")).toInt(), 2);
        const QString charged = j.value(QStringLiteral("charged")).toString();
        QVERIFY(charged != QStringLiteral("0.00"));

        // Again: nothing twice.
        r = ctlJson({QStringLiteral("calls"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("imported")).toInt(), 0);
        QCOMPARE(r.json().value(QStringLiteral("duplicates")).toInt(), 3);
        QCOMPARE(callCount(), 3);

        // Text output.
        const QString more =
            write(QStringLiteral("more.csv"),
                  line(QStringLiteral("Sales"), QStringLiteral("2001"), 12,
                       QStringLiteral("2026-03-03T08:00:00Z"), QStringLiteral("u7")));
        r = ctl({QStringLiteral("calls"), QStringLiteral("import"), more});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Imported calls: 1;")), qPrintable(r.out));
    }

    void notCallRecordsChangesNothing()
    {
        setUpAccount();
        const QString balance =
            ctlJson({QStringLiteral("balance")}).json().value(QStringLiteral("company")).toString();
        QByteArray text;
        for (int i = 0; i < 200; ++i)
            text += "Dear admin, this is a letter and not a call record at all.\n";
        const QString letter = write(QStringLiteral("letter.txt"), text);
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("import"), letter}));
        // Counted by the compiler: a hand count of 24 read past the literal's 21 bytes (ASan).
        static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        const QString binary =
            write(QStringLiteral("image.png"), QByteArray(png, qsizetype(sizeof png) - 1));
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("import"), binary}));
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("import"),
                           m_dir.filePath(QStringLiteral("missing.csv"))}));
        QCOMPARE(callCount(), 0);
        QCOMPARE(
            ctlJson({QStringLiteral("balance")}).json().value(QStringLiteral("company")).toString(),
            balance);

        const QString file = write(QStringLiteral("Master.csv"), masterCsv());
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("import"), file,
                           QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")}));
        QCOMPARE(ctl({QStringLiteral("calls"), QStringLiteral("import"), file,
                      QStringLiteral("--format"), QStringLiteral("cisco")})
                     .exitCode,
                 2);
        QCOMPARE(ctl({QStringLiteral("calls"), QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(callCount(), 0);
    }

    void listShapeAndFilters()
    {
        setUpAccount();
        const QString file = write(QStringLiteral("Master.csv"), masterCsv());
        QCOMPARE(ctl({QStringLiteral("calls"), QStringLiteral("import"), file,
                      QStringLiteral("--format"), QStringLiteral("asterisk")})
                     .exitCode,
                 0);
        CtlResult r = ctlJson({QStringLiteral("calls"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QJsonArray calls = r.json().value(QStringLiteral("calls")).toArray();
        QCOMPARE(calls.size(), 3);
        // Newest first.
        const QJsonObject nyc = calls.at(2).toObject();
        QCOMPARE(nyc.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2026-03-01T09:00:00Z"));
        QCOMPARE(nyc.value(QStringLiteral("payer")).toObject(),
                 (QJsonObject{{QStringLiteral("member"), QStringLiteral("alice.berg")}}));
        QCOMPARE(nyc.value(QStringLiteral("source")).toString(), QStringLiteral("1001"));
        QCOMPARE(nyc.value(QStringLiteral("destination")).toString(),
                 QStringLiteral("12125550142"));
        QCOMPARE(nyc.value(QStringLiteral("e164")).toString(), QStringLiteral("+12125550142"));
        QCOMPARE(nyc.value(QStringLiteral("place")).toString(), QStringLiteral("New York, NY"));
        QCOMPARE(nyc.value(QStringLiteral("billsec")).toInt(), 65);
        QCOMPARE(nyc.value(QStringLiteral("billedMinutes")).toInt(), 2);
        QCOMPARE(nyc.value(QStringLiteral("bundleMinutes")).toInt(), 0);
        QCOMPARE(nyc.value(QStringLiteral("status")).toString(), QStringLiteral("charged"));
        QVERIFY(nyc.value(QStringLiteral("price")).toString().contains(QLatin1Char('.')));
        const QJsonObject uk = calls.at(1).toObject();
        QCOMPARE(uk.value(QStringLiteral("payer")).toObject(),
                 (QJsonObject{{QStringLiteral("profile"), QStringLiteral("Sales")}}));
        QCOMPARE(uk.value(QStringLiteral("place")).toString(), QStringLiteral("United Kingdom"));
        QCOMPARE(calls.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("internal")); // an extension, whatever its answer

        const auto count = [&](const QStringList& args) {
            const CtlResult c =
                ctlJson(QStringList{QStringLiteral("calls"), QStringLiteral("list")} + args);
            if (c.exitCode != 0)
                return -1;
            return int(c.json().value(QStringLiteral("calls")).toArray().size());
        };
        QCOMPARE(count({QStringLiteral("--profile"), QStringLiteral("sales")}), 1);
        QCOMPARE(count({QStringLiteral("--member"), QStringLiteral("alice.berg")}), 2);
        QCOMPARE(count({QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                        QStringLiteral("--time-zone"), QStringLiteral("UTC")}),
                 1);
        // 23:30 UTC on 1 March is 2 March in Oslo.
        QCOMPARE(count({QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                        QStringLiteral("--time-zone"), QStringLiteral("Europe/Oslo")}),
                 2);
        QCOMPARE(count({QStringLiteral("--to"), QStringLiteral("2026-03-01"),
                        QStringLiteral("--time-zone"), QStringLiteral("UTC")}),
                 2);
        QCOMPARE(count({QStringLiteral("--limit"), QStringLiteral("1")}), 1);

        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("list"),
                           QStringLiteral("--profile"), QStringLiteral("Nobody")}));
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("list"),
                           QStringLiteral("--from"), QStringLiteral("March")}));
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("list"),
                           QStringLiteral("--limit"), QStringLiteral("0")}));
        QCOMPARE(
            ctl({QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--profile"),
                 QStringLiteral("Sales"), QStringLiteral("--member"), QStringLiteral("alice.berg")})
                .exitCode,
            2);

        // Text: one line a call.
        r = ctl({QStringLiteral("calls"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 3);
    }

    void listToCsv()
    {
        setUpAccount();
        const QString file = write(QStringLiteral("Master.csv"), masterCsv());
        QCOMPARE(ctl({QStringLiteral("calls"), QStringLiteral("import"), file}).exitCode, 0);
        const QString csv = m_dir.filePath(QStringLiteral("alice.csv"));
        const CtlResult r =
            ctlJson({QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--member"),
                     QStringLiteral("alice.berg"), QStringLiteral("--csv"), csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("exported")).toInt(), 2);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("time,payerKind,payer,")));
        QVERIFY(lines.at(2).contains(QStringLiteral("+12125550142")));

        // A directory is no file to write: refused, no crash.
        verifyRefused(ctl({QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--csv"),
                           m_dir.path()}));
    }

    void help()
    {
        const CtlResult r = ctl({QStringLiteral("calls"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("calls import FILE")));
        QVERIFY(r.out.contains(QStringLiteral("--time-zone")));
        QCOMPARE(ctl({QStringLiteral("calls"), QStringLiteral("dial")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCalls)
#include "tst_cli_calls.moc"
