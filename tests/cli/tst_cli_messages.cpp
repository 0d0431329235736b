// Clear messages from switchboardctl (issue 12, item 14): every export that cannot be written
// (a device or pipe, a write error such as a full disk or a file size limit) exits 1 saying
// why and leaves nothing; CR-only member files are read; a column named twice, a Latin-1
// price list, a 50,000-character search and a 100,000-character value get a short, clear
// message; a database whose schema record lost its version row is refused by name.
#include "tests/support/CtlRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sb::test;

class TestCliMessages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }
    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QString write(const char* name, const QByteArray& bytes) const
    {
        QFile f(path(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return f.fileName();
    }
    QString fifo(const char* name) const
    {
        const QString p = path(name);
        QFile::remove(p);
        if (::mkfifo(QFile::encodeName(p).constData(), 0600) != 0)
            return {};
        return p;
    }
    // switchboardctl with the size of any file it writes limited to 64 KiB (room for the
    // database's shared-memory file), the signal that limit raises ignored: a write past it
    // fails with EFBIG, as one fails on a full disk.
    CtlResult limited(const QStringList& args) const
    {
        QStringList quoted;
        for (const QString& a :
             QStringList{CtlRunner::program(), QStringLiteral("--database"), m_db} + args)
            quoted << QLatin1Char('\'') + a + QLatin1Char('\'');
        QProcess p;
        p.setProcessEnvironment(CtlRunner::environment());
        p.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 64; exec ") +
                                           quoted.join(QLatin1Char(' '))});
        CtlResult r;
        if (!p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    QStringList filesIn(const QString& dir) const
    {
        return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
    }

private slots:
    void init()
    {
        m_db = path("account.sqlite");
        for (const QString& f : filesIn(m_dir.path()))
            QFile::remove(m_dir.filePath(f));
        m_ctl = std::make_unique<CtlRunner>(m_db);
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        QByteArray csv = "account,name,email,department\n";
        for (int i = 0; i < 60; ++i)
            csv += QStringLiteral("member.%1,Member Number %1,member%1@example.com,Sales\n")
                       .arg(i, 3, 10, QLatin1Char('0'))
                       .toUtf8();
        const CtlResult imported =
            ctl({QStringLiteral("member"), QStringLiteral("import"), write("members.csv", csv)});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Desk")})
                     .exitCode,
                 0);
    }

    void exportsToAPipeAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("target");
        const QString t = QStringLiteral("@");
        QTest::newRow("member export")
            << QStringList{QStringLiteral("member"), QStringLiteral("export"), t} << t;
        QTest::newRow("calls list --csv")
            << QStringList{QStringLiteral("calls"), QStringLiteral("list"), QStringLiteral("--csv"),
                           t}
            << t;
        QTest::newRow("report --csv")
            << QStringList{QStringLiteral("report"),  QStringLiteral("statement"),
                           QStringLiteral("--month"), QStringLiteral("2026-01"),
                           QStringLiteral("--csv"),   t}
            << t;
        QTest::newRow("report --pdf")
            << QStringList{QStringLiteral("report"),  QStringLiteral("statement"),
                           QStringLiteral("--month"), QStringLiteral("2026-01"),
                           QStringLiteral("--pdf"),   t}
            << t;
        QTest::newRow("profile delete --export-history")
            << QStringList{QStringLiteral("profile"),
                           QStringLiteral("delete"),
                           QStringLiteral("Desk"),
                           QStringLiteral("--yes"),
                           QStringLiteral("--export-history"),
                           t}
            << t;
    }

    void exportsToAPipeAreRefused()
    {
        // A pipe stands for /dev/full and any file that is not a regular one: the export used
        // to write a temporary file and rename it over the pipe, reporting success.
        QFETCH(QStringList, args);
        const QString pipe = fifo("out.csv");
        QVERIFY(!pipe.isEmpty());
        args.replaceInStrings(QRegularExpression(QStringLiteral("^@$")), pipe);
        const CtlResult r = ctl(args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not a regular file")), qPrintable(r.err));
        QVERIFY(!QFileInfo(pipe).isFile());
        // The profile is still there: nothing is deleted when its history was not saved.
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("Desk")})
                     .exitCode,
                 0);
    }

    void writeErrorIsReported()
    {
        // 2,000 more members make about 250 KiB: past the 64 KiB limit the write fails.
        QByteArray csv = "account,name,email,department\n";
        for (int i = 0; i < 2000; ++i)
            csv += QStringLiteral("bulk.%1,%2,bulk%1@example.com,Sales\n")
                       .arg(i, 4, 10, QLatin1Char('0'))
                       .arg(QString(80, QLatin1Char('n')))
                       .toUtf8();
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("import"), write("bulk.csv", csv)})
                     .exitCode,
                 0);
        const QString out = path("export.csv");
        const CtlResult r = limited({QStringLiteral("member"), QStringLiteral("export"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot write")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing was written")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(out));
        for (const QString& f : filesIn(m_dir.path()))
            QVERIFY2(!f.startsWith(QStringLiteral("export.csv")),
                     qPrintable(f)); // no temporary left
        // Unlimited, the same export works.
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("export"), out}).exitCode, 0);
    }

    void crOnlyMemberFileIsRead()
    {
        const QString file = write("mac.csv", "account,name,email,department\r"
                                              "olivia.smith,Olivia Smith,,Sales\r"
                                              "soren.hansen,S\xc3\xb8ren Hansen,,Support\r");
        const CtlResult r = ctl(
            {QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(
            ctl({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("soren.hansen")})
                .exitCode,
            0);
    }

    void duplicatedColumnIsRefused()
    {
        const QString file =
            write("dup.csv", "account,name,email,Email\n"
                             "olivia.smith,Olivia Smith,a@example.com,b@example.com\n");
        const CtlResult r = ctl({QStringLiteral("member"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(
                     QStringLiteral("line 1: The first line names the column \"Email\" twice")),
                 qPrintable(r.out));
        QCOMPARE(
            ctl({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("olivia.smith")})
                .exitCode,
            1);
    }

    void latin1PriceListIsRefusedWithItsLine()
    {
        const QString file = write(
            "prices.json", "{\n  \"currency\": \"USD\",\n"
                           "  \"rates\": [{\"prefix\": \"47\", \"name\": \"Norge \xf8\"}]\n}\n");
        const CtlResult r = ctl({QStringLiteral("prices"), QStringLiteral("import"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("not UTF-8")) &&
                     r.err.contains(QStringLiteral("line 3")),
                 qPrintable(r.err));
    }

    void longSearchIsRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("member") << QStringLiteral("member");
        QTest::newRow("number") << QStringLiteral("number");
        QTest::newRow("calls") << QStringLiteral("calls");
    }

    void longSearchIsRefused()
    {
        QFETCH(QString, command);
        const CtlResult r = ctl({command, QStringLiteral("list"), QStringLiteral("--search"),
                                 QString(50000, QLatin1Char('x'))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("a search may have at most 200")),
                 qPrintable(r.err.left(300)));
        QVERIFY2(!r.err.contains(QStringLiteral("atabase")), qPrintable(r.err.left(300)));
    }

    void longValueIsElided()
    {
        const QString huge = QStringLiteral("a") + QString(100000, QLatin1Char('b'));
        for (const QStringList& args :
             {QStringList{QStringLiteral("member"), QStringLiteral("add"), huge,
                          QStringLiteral("--name"), QStringLiteral("X")},
              QStringList{QStringLiteral("member"), QStringLiteral("show"), huge},
              QStringList{QStringLiteral("topup"), huge}}) {
            const CtlResult r = ctl(args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.size() < 400, qPrintable(r.err.left(400)));
            QVERIFY2(r.err.contains(QChar(0x2026)), qPrintable(r.err));
        }
    }

    void missingSchemaVersionIsNamed()
    {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM schema_meta WHERE key = 'version'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const CtlResult r = ctl({QStringLiteral("member"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("schema_meta")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("no valid version")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliMessages)
#include "tst_cli_messages.moc"
