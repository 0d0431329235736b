// switchboardctl's own words about itself: --version from project(VERSION), the help of each
// command, and the ways of reading a word that QCommandLineParser alone would read otherwise.
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

class TestCliHelp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!CtlRunner::program().isEmpty(), "SWITCHBOARD_CTL is not set");
        // Help and usage never need a server: SQLite is enough here.
        m_db = std::make_unique<TestDatabase>(QStringLiteral("sqlite"));
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_ctl = std::make_unique<CtlRunner>(m_db->spec());
    }

    void version()
    {
        // SB_CMAKE_VERSION is project(VERSION) of the top CMakeLists.txt, passed by CMake.
        const CtlResult r = CtlRunner().run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("switchboardctl " SB_CMAKE_VERSION "\n"));
        QVERIFY(r.err.isEmpty());
    }

    void commandHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        const QString help = QStringLiteral("--help");
        QTest::newRow("member") << QStringList{QStringLiteral("member"), help}
                                << QStringList{QStringLiteral("member add ACCOUNT"),
                                               QStringLiteral("member import FILE.csv"),
                                               QStringLiteral("--dry-run"),
                                               QStringLiteral("--search TEXT")};
        QTest::newRow("member add")
            << QStringList{QStringLiteral("member"), QStringLiteral("add"), help}
            << QStringList{QStringLiteral("--name NAME")};
        QTest::newRow("after a value")
            << QStringList{QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("US"),
                           QStringLiteral("212"), help}
            << QStringList{QStringLiteral("--months 1|3|12"), QStringLiteral("--accept-terms")};
        QTest::newRow("profile") << QStringList{QStringLiteral("profile"), help}
                                 << QStringList{QStringLiteral("profile pbx-config NAME"),
                                                QStringLiteral("--export-history FILE.csv")};
        QTest::newRow("topup") << QStringList{QStringLiteral("topup"), help}
                               << QStringList{QStringLiteral("topup AMOUNT"),
                                              QStringLiteral("--reference TEXT")};
        QTest::newRow("activity") << QStringList{QStringLiteral("activity"), help}
                                  << QStringList{QStringLiteral("--limit N")};
        QTest::newRow("credit") << QStringList{QStringLiteral("credit"), help}
                                << QStringList{QStringLiteral("credit allocate"),
                                               QStringLiteral("credit profile")};
        QTest::newRow("bundle") << QStringList{QStringLiteral("bundle"), help}
                                << QStringList{QStringLiteral("bundle add PROFILE COUNT"),
                                               QStringLiteral("bundle change PROFILE COUNT"),
                                               QStringLiteral("bundle cancel PROFILE"),
                                               QStringLiteral("bundle extend PROFILE")};
        QTest::newRow("advice") << QStringList{QStringLiteral("advice"), help}
                                << QStringList{QStringLiteral("advice [PROFILE]")};
        QTest::newRow("settings") << QStringList{QStringLiteral("settings"), help}
                                  << QStringList{QStringLiteral("settings sip-servers HOST:PORT"),
                                                 QStringLiteral("settings mail test ADDRESS"),
                                                 QStringLiteral("--password-stdin")};
        QTest::newRow("settings mail")
            << QStringList{QStringLiteral("settings"), QStringLiteral("mail"), help}
            << QStringList{QStringLiteral("--security starttls|tls|none")};
        for (const char* c : {"init", "balance", "autorecharge", "billing", "demo"})
            QTest::newRow(c) << QStringList{QString::fromLatin1(c), help}
                             << QStringList{QString::fromLatin1(c)};
    }
    void commandHelp()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        const CtlResult r = ctl(args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: switchboardctl")));
        for (const QString& e : expected)
            QVERIFY2(r.out.contains(e), qPrintable(e + QStringLiteral(" not in:\n") + r.out));
    }

    // The contract's reading of words, which QCommandLineParser alone does not share.
    void words_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("err");
        QTest::newRow("negative amount is an amount")
            << QStringList{QStringLiteral("topup"), QStringLiteral("-5")} << 1
            << QStringLiteral("amount"); // a refusal about the amount, not "Unknown option -5"
        QTest::newRow("unknown option, as written")
            << QStringList{QStringLiteral("topup"), QStringLiteral("5"),
                           QStringLiteral("--colour=red")}
            << 2 << QStringLiteral("Unknown option --colour=red.");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("topup"), QStringLiteral("5"),
                           QStringLiteral("--reference")}
            << 2 << QStringLiteral("The option --reference needs a value.");
        QTest::newRow("flag with a value")
            << QStringList{QStringLiteral("member"), QStringLiteral("import"),
                           QStringLiteral("x.csv"), QStringLiteral("--dry-run=yes")}
            << 2 << QStringLiteral("Unknown option --dry-run=yes.");
        QTest::newRow("a value that looks like an option")
            << QStringList{QStringLiteral("member"), QStringLiteral("add"),
                           QStringLiteral("carol.white"), QStringLiteral("--name"),
                           QStringLiteral("--department")}
            << 0 << QString();
        QTest::newRow("global option after help")
            << QStringList{QStringLiteral("--colour"), QStringLiteral("--help")} << 2
            << QStringLiteral("Unknown option --colour.");
        QTest::newRow("double dash is no global option")
            << QStringList{QStringLiteral("--"), QStringLiteral("balance")} << 2
            << QStringLiteral("Unknown option --.");
        QTest::newRow("-h is no command")
            << QStringList{QStringLiteral("-h")} << 2 << QStringLiteral("Unknown command '-h'.");
    }
    void words()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, err);
        const CtlResult r = ctl(args);
        QCOMPARE(r.exitCode, status);
        QVERIFY2(r.err.contains(err), qPrintable(r.err));
        if (status == 2)
            QVERIFY(r.err.contains(QStringLiteral("Try 'switchboardctl --help'.")));
    }

    void globalHelpListsEveryCommand()
    {
        // Every form each command's own help shows is in the global help: the list once
        // stopped at "demo" and left out prices, settings, probe and the countries.
        const CtlResult global = ctl({QStringLiteral("--help")});
        QCOMPARE(global.exitCode, 0);
        const QStringList commands{
            QStringLiteral("init"),    QStringLiteral("balance"),  QStringLiteral("topup"),
            QStringLiteral("member"),  QStringLiteral("credit"),   QStringLiteral("autorecharge"),
            QStringLiteral("billing"), QStringLiteral("activity"), QStringLiteral("demo"),
            QStringLiteral("number"),  QStringLiteral("profile"),  QStringLiteral("calls"),
            QStringLiteral("prices"),  QStringLiteral("bundle"),   QStringLiteral("advice"),
            QStringLiteral("report"),  QStringLiteral("settings")};
        for (const QString& command : commands) {
            const CtlResult own = ctl({command, QStringLiteral("--help")});
            QCOMPARE(own.exitCode, 0);
            int forms = 0;
            for (const QString& line : own.out.split(QLatin1Char('\n'))) {
                // The forms: indented lines that start with the command's name.
                if (!line.startsWith(QStringLiteral("  ") + command + QLatin1Char(' ')) &&
                    line != QStringLiteral("  ") + command)
                    continue;
                ++forms;
                const QString form = line.trimmed().section(QStringLiteral("  "), 0, 0);
                QVERIFY2(global.out.contains(QStringLiteral("  ") + form),
                         qPrintable(form + QStringLiteral(" is not in switchboardctl --help")));
            }
            QVERIFY2(forms > 0, qPrintable(command));
        }
    }

    void globalHelpStopsAtHelp()
    {
        // --help acts where it stands: what follows it is not read.
        const CtlResult r = ctl({QStringLiteral("--help"), QStringLiteral("--colour")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("credit allocate AMOUNT ACCOUNT")));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
