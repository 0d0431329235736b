// member import of hostile files (issue 12, items 8 and 14): a device that never ends, a file
// larger than any member list, a line the size of a file, text that is not UTF-8. Each is
// refused before parsing, with the reason (and the line), and nothing is written.
#include "tests/support/CoreTest.h"

#include "core/members/MemberService.h"

#include <QFile>
#include <QTemporaryDir>

using sb::MemberService;

class TestMemberImportFile : public QObject
{
    Q_OBJECT

    static QString write(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
    {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void refusedBeforeParsing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("device") << QStringLiteral("device") << QStringLiteral("not a regular file");
        QTest::newRow("folder") << QStringLiteral("folder") << QStringLiteral("not a regular file");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("huge") << QStringLiteral("huge") << QStringLiteral("larger than 256 MB");
        QTest::newRow("long line") << QStringLiteral("long") << QStringLiteral("Line 2 ");
        QTest::newRow("latin-1") << QStringLiteral("latin1") << QStringLiteral("Line 3 ");
    }

    void refusedBeforeParsing()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        SB_ENV(e, QStringLiteral("sqlite"));
        QTemporaryDir dir;
        const QByteArray header = "account,name,email,department\n";
        QString path;
        if (kind == QLatin1String("device")) {
            path = QStringLiteral("/dev/zero");
        } else if (kind == QLatin1String("folder")) {
            path = dir.path();
        } else if (kind == QLatin1String("missing")) {
            path = dir.filePath(QStringLiteral("nothing.csv"));
        } else if (kind == QLatin1String("huge")) {
            path = write(dir, "huge.csv", header);
            QFile f(path);
            QVERIFY(f.resize(MemberService::MaxImportBytes + 1)); // sparse: no disk used
        } else if (kind == QLatin1String("long")) {
            path = write(dir, "long.csv",
                         header + "olivia.smith," +
                             QByteArray(MemberService::MaxImportLineBytes, 'x') + ",,\n");
        } else {
            path = write(dir, "latin1.csv",
                         header + "olivia.smith,Olivia Smith,,\nsoren.hansen,S\xf8ren Hansen,,\n");
        }
        const sbt::Snapshot before = sbt::snapshot(e.db());
        for (const bool dryRun : {true, false}) {
            auto r = MemberService(*e.ctx).importCsv(path, dryRun);
            QVERIFY(!r);
            QCOMPARE(r.error().kind, sb::Error::Kind::Invalid);
            QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
        }
        QCOMPARE(sbt::snapshot(e.db()), before);
    }

    void utf8WithAccentsIsTaken()
    {
        SB_ENV(e, QStringLiteral("sqlite"));
        QTemporaryDir dir;
        const QString path = write(dir, "ok.csv",
                                   "account,name,email,department\r\n"
                                   "soren.hansen,S\xc3\xb8ren Hansen,,\r\n"
                                   "lukasz.nowak,\xc5\x81ukasz Nowak,,");
        auto r = MemberService(*e.ctx).importCsv(path, false);
        SB_VERIFY_OK(r);
        QCOMPARE(*MemberService(*e.ctx).count(), qint64(2));
    }
};

QTEST_GUILESS_MAIN(TestMemberImportFile)
#include "tst_memberimportfile.moc"
