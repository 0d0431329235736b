// switchboardctl as a process: output, JSON and exit status of every command of this
// release, on SQLite and PostgreSQL (global data rows).
#include "core/base/Money.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/SecretFixtures.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

#include <memory>

using namespace sb;
using namespace sb::test;

class TestCli : public QObject
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
    QString balance()
    {
        return ctlJson({QStringLiteral("balance")})
            .json()
            .value(QStringLiteral("company"))
            .toString();
    }
    QJsonObject member(const QString& account, const QString& now = {})
    {
        QStringList args{QStringLiteral("--json")};
        if (!now.isEmpty())
            args << QStringLiteral("--now") << now;
        args << QStringLiteral("member") << QStringLiteral("show") << account;
        return ctl(args).json();
    }
    void addMember(const QString& account, const QString& name = QStringLiteral("Some Body"))
    {
        const CtlResult r = ctl({QStringLiteral("member"), QStringLiteral("add"), account,
                                 QStringLiteral("--name"), name});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    // A refusal: exit 1 and exactly one line on stderr.
    static void verifyRefused(const CtlResult& r)
    {
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(!r.err.trimmed().isEmpty());
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
        if (TestDatabase::postgresRequired())
            QVERIFY(TestDatabase::engines().contains(QStringLiteral("postgresql")));
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

    void initAndBalance()
    {
        const CtlResult init = ctl({QStringLiteral("init")});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(init.out.contains(QStringLiteral("schema")));
        const CtlResult b = ctlJson({QStringLiteral("balance")});
        QCOMPARE(b.exitCode, 0);
        QCOMPARE(b.json(), (QJsonObject{{QStringLiteral("company"), QStringLiteral("0.00")},
                                        {QStringLiteral("currency"), QStringLiteral("USD")}}));
    }

    void oldSealedPasswordsResealedOnOpen()
    {
        // The key file the v1 fixture was sealed with, for the processes of this test.
        const QString keyFile = m_dir.filePath(QStringLiteral("v1.key"));
        {
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(sbt::kV1Key);
        }
        QProcessEnvironment env = CtlRunner::environment();
        env.insert(QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"), keyFile);
        QCOMPARE(m_ctl->run({QStringLiteral("topup"), QStringLiteral("10")}, env).exitCode, 0);
        QCOMPARE(m_ctl
                     ->run({QStringLiteral("profile"), QStringLiteral("create"),
                            QStringLiteral("Trunk")},
                           env)
                     .exitCode,
                 0);
        // As an earlier version sealed it.
        QVERIFY(
            m_db->db().run(QStringLiteral("UPDATE profiles SET secret = ?"), {sbt::kV1Token}).ok());
        auto secret = [&]() {
            auto q = m_db->db().run(QStringLiteral("SELECT secret FROM profiles"));
            return q && q->next() ? q->value(0).toString() : QString();
        };
        QCOMPARE(secret(), sbt::kV1Token);
        // Any command opens the database and reseals it.
        QCOMPARE(m_ctl->run({QStringLiteral("balance")}, env).exitCode, 0);
        const QString resealed = secret();
        QVERIFY2(resealed.startsWith(QLatin1String("v2:")), qPrintable(resealed));
        const CtlResult creds = m_ctl->run({QStringLiteral("--json"), QStringLiteral("profile"),
                                            QStringLiteral("credentials"), QStringLiteral("Trunk")},
                                           env);
        QCOMPARE(creds.exitCode, 0);
        QCOMPARE(creds.json().value(QStringLiteral("password")).toString(), sbt::kV1Plaintext);
        QCOMPARE(secret(), resealed);
    }

    void topUp()
    {
        CtlResult r = ctl({QStringLiteral("topup"), QStringLiteral("80"),
                           QStringLiteral("--reference"), QStringLiteral("INV-7")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(balance(), QStringLiteral("80.00"));
        r = ctlJson({QStringLiteral("topup"), QStringLiteral("0.5")});
        QCOMPARE(r.json().value(QStringLiteral("company")).toString(), QStringLiteral("80.50"));
        const CtlResult log =
            ctlJson({QStringLiteral("activity"), QStringLiteral("--limit"), QStringLiteral("5")});
        QVERIFY(log.out.contains(QStringLiteral("INV-7")));
    }

    void topUpBadAmounts_data()
    {
        QTest::addColumn<QString>("amount");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-5");
        QTest::newRow("letters") << QStringLiteral("abc");
        QTest::newRow("three decimals") << QStringLiteral("1.234");
        QTest::newRow("comma") << QStringLiteral("1,50");
        QTest::newRow("absurd") << QStringLiteral("99999999999");
        QTest::newRow("empty") << QString();
    }
    void topUpBadAmounts()
    {
        QFETCH(QString, amount);
        QVERIFY(ctl({QStringLiteral("topup"), QStringLiteral("10")}).exitCode == 0);
        verifyRefused(ctl({QStringLiteral("topup"), amount}));
        QCOMPARE(balance(), QStringLiteral("10.00"));
    }

    void memberAddAndShow()
    {
        const CtlResult r = ctlJson({QStringLiteral("member"), QStringLiteral("add"),
                                     QStringLiteral("ingrid.hansen"), QStringLiteral("--name"),
                                     QStringLiteral("Ingrid Hansen"), QStringLiteral("--email"),
                                     QStringLiteral("ingrid@example.com"),
                                     QStringLiteral("--department"), QStringLiteral("Salg")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject m = member(QStringLiteral("ingrid.hansen"));
        QCOMPARE(m.value(QStringLiteral("account")).toString(), QStringLiteral("ingrid.hansen"));
        QCOMPARE(m.value(QStringLiteral("name")).toString(), QStringLiteral("Ingrid Hansen"));
        QCOMPARE(m.value(QStringLiteral("email")).toString(), QStringLiteral("ingrid@example.com"));
        QCOMPARE(m.value(QStringLiteral("department")).toString(), QStringLiteral("Salg"));
        QCOMPARE(m.value(QStringLiteral("balance")).toString(), QStringLiteral("0.00"));
        QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(m.value(QStringLiteral("profile")).isNull());
        QCOMPARE(m.value(QStringLiteral("numbers")).toArray().size(), 0);
        QVERIFY(m.value(QStringLiteral("autoRecharge")).isNull());
        // Not known: refused.
        verifyRefused(
            ctl({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("nobody.here")}));
    }

    void memberAddBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        const QString add = QStringLiteral("add");
        const QString name = QStringLiteral("--name");
        QTest::newRow("duplicate, other case")
            << QStringList{add, QStringLiteral("Alice.Smith"), name, QStringLiteral("A")} << 1;
        QTest::newRow("empty account")
            << QStringList{add, QString(), name, QStringLiteral("A")} << 1;
        QTest::newRow("too short")
            << QStringList{add, QStringLiteral("abc12"), name, QStringLiteral("A")} << 1;
        QTest::newRow("too long") << QStringList{add, QString(33, QLatin1Char('a')), name,
                                                 QStringLiteral("A")}
                                  << 1;
        QTest::newRow("starts with digit")
            << QStringList{add, QStringLiteral("1abcdef"), name, QStringLiteral("A")} << 1;
        QTest::newRow("space") << QStringList{add, QStringLiteral("abc defg"), name,
                                              QStringLiteral("A")}
                               << 1;
        QTest::newRow("bad e-mail") << QStringList{add,
                                                   QStringLiteral("carol.white"),
                                                   name,
                                                   QStringLiteral("C"),
                                                   QStringLiteral("--email"),
                                                   QStringLiteral("carol@")}
                                    << 1;
        QTest::newRow("empty name")
            << QStringList{add, QStringLiteral("carol.white"), name, QStringLiteral("  ")} << 1;
        QTest::newRow("missing name") << QStringList{add, QStringLiteral("carol.white")} << 2;
        QTest::newRow("unknown option") << QStringList{add,
                                                       QStringLiteral("carol.white"),
                                                       name,
                                                       QStringLiteral("C"),
                                                       QStringLiteral("--colour"),
                                                       QStringLiteral("red")}
                                        << 2;
    }
    void memberAddBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        addMember(QStringLiteral("alice.smith"));
        const CtlResult r = ctl(QStringList{QStringLiteral("member")} + args);
        if (status == 1)
            verifyRefused(r);
        else
            QCOMPARE(r.exitCode, status);
        const CtlResult list = ctlJson({QStringLiteral("member"), QStringLiteral("list")});
        QCOMPARE(list.json().value(QStringLiteral("members")).toArray().size(), 1);
    }

    void allocateAllOrNothing()
    {
        addMember(QStringLiteral("alice.smith"));
        addMember(QStringLiteral("bob.jones1"));
        addMember(QStringLiteral("carol.white"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        // 3 x 40 = 120 > 100: nobody gets anything.
        verifyRefused(ctl({QStringLiteral("credit"), QStringLiteral("allocate"),
                           QStringLiteral("40"), QStringLiteral("alice.smith"),
                           QStringLiteral("bob.jones1"), QStringLiteral("carol.white")}));
        QCOMPARE(balance(), QStringLiteral("100.00"));
        QCOMPARE(member(QStringLiteral("alice.smith")).value(QStringLiteral("balance")).toString(),
                 QStringLiteral("0.00"));
        // An unknown member among known ones: nobody gets anything.
        verifyRefused(
            ctl({QStringLiteral("credit"), QStringLiteral("allocate"), QStringLiteral("1"),
                 QStringLiteral("alice.smith"), QStringLiteral("nobody.here")}));
        QCOMPARE(balance(), QStringLiteral("100.00"));
        // 3 x 30 = 90 fits.
        const CtlResult ok = ctlJson({QStringLiteral("credit"), QStringLiteral("allocate"),
                                      QStringLiteral("30"), QStringLiteral("alice.smith"),
                                      QStringLiteral("bob.jones1"), QStringLiteral("carol.white")});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(ok.json().value(QStringLiteral("total")).toString(), QStringLiteral("90.00"));
        QCOMPARE(balance(), QStringLiteral("10.00"));
        for (const QString& a : {QStringLiteral("alice.smith"), QStringLiteral("bob.jones1"),
                                 QStringLiteral("carol.white")})
            QCOMPARE(member(a).value(QStringLiteral("balance")).toString(),
                     QStringLiteral("30.00"));
        // Bad amounts and usage.
        verifyRefused(ctl({QStringLiteral("credit"), QStringLiteral("allocate"),
                           QStringLiteral("-1"), QStringLiteral("alice.smith")}));
        verifyRefused(
            ctl({QStringLiteral("credit"), QStringLiteral("allocate"), QStringLiteral("1"),
                 QStringLiteral("alice.smith"), QStringLiteral("alice.smith")}));
        QCOMPARE(ctl({QStringLiteral("credit"), QStringLiteral("allocate"), QStringLiteral("1")})
                     .exitCode,
                 2);
        QCOMPARE(balance(), QStringLiteral("10.00"));
    }

    void autoRechargeSuspendsAndResumes()
    {
        addMember(QStringLiteral("alice.smith"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        const QString nov = QStringLiteral("2026-11-23T10:00:00Z");
        const CtlResult set = ctlJson({QStringLiteral("--now"), nov, QStringLiteral("autorecharge"),
                                       QStringLiteral("set"), QStringLiteral("alice.smith"),
                                       QStringLiteral("--amount"), QStringLiteral("5"),
                                       QStringLiteral("--below"), QStringLiteral("12"),
                                       QStringLiteral("--monthly-limit"), QStringLiteral("10")});
        QCOMPARE(set.exitCode, 0);
        // Below 12.00 with 0.00: two recharges of 5.00 reach the 10.00 limit; suspended until 1
        // December.
        QJsonObject m = member(QStringLiteral("alice.smith"), nov);
        QCOMPARE(m.value(QStringLiteral("balance")).toString(), QStringLiteral("10.00"));
        QJsonObject ar = m.value(QStringLiteral("autoRecharge")).toObject();
        QCOMPARE(ar.value(QStringLiteral("amount")).toString(), QStringLiteral("5.00"));
        QCOMPARE(ar.value(QStringLiteral("below")).toString(), QStringLiteral("12.00"));
        QCOMPARE(ar.value(QStringLiteral("monthlyLimit")).toString(), QStringLiteral("10.00"));
        QCOMPARE(ar.value(QStringLiteral("rechargedThisMonth")).toString(),
                 QStringLiteral("10.00"));
        QCOMPARE(ar.value(QStringLiteral("suspendedUntil")).toString(),
                 QStringLiteral("2026-12-01"));
        QCOMPARE(balance(), QStringLiteral("90.00"));
        // The next month's billing run resumes it and recharges once more; a second run changes
        // nothing.
        const QString dec = QStringLiteral("2026-12-01T00:00:05Z");
        const CtlResult run1 = ctlJson(
            {QStringLiteral("--now"), dec, QStringLiteral("billing"), QStringLiteral("run")});
        QCOMPARE(run1.exitCode, 0);
        QCOMPARE(run1.json().value(QStringLiteral("resumed")).toInt(), 1);
        QCOMPARE(run1.json().value(QStringLiteral("recharged")).toString(), QStringLiteral("5.00"));
        const CtlResult run2 = ctlJson(
            {QStringLiteral("--now"), dec, QStringLiteral("billing"), QStringLiteral("run")});
        QCOMPARE(run2.json().value(QStringLiteral("autoRechargesReset")).toInt(), 0);
        QCOMPARE(run2.json().value(QStringLiteral("recharged")).toString(), QStringLiteral("0.00"));
        m = member(QStringLiteral("alice.smith"), dec);
        QCOMPARE(m.value(QStringLiteral("balance")).toString(), QStringLiteral("15.00"));
        ar = m.value(QStringLiteral("autoRecharge")).toObject();
        QVERIFY(ar.value(QStringLiteral("suspendedUntil")).isNull());
        QCOMPARE(balance(), QStringLiteral("85.00"));
        // Off, and off again is refused.
        QCOMPARE(ctl({QStringLiteral("autorecharge"), QStringLiteral("off"),
                      QStringLiteral("alice.smith")})
                     .exitCode,
                 0);
        QVERIFY(
            member(QStringLiteral("alice.smith")).value(QStringLiteral("autoRecharge")).isNull());
        verifyRefused(ctl({QStringLiteral("autorecharge"), QStringLiteral("off"),
                           QStringLiteral("alice.smith")}));
    }

    void autoRechargeBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        const QString a = QStringLiteral("--amount"), b = QStringLiteral("--below"),
                      l = QStringLiteral("--monthly-limit");
        const QString acc = QStringLiteral("alice.smith");
        QTest::newRow("limit below amount") << QStringList{acc,
                                                           a,
                                                           QStringLiteral("10"),
                                                           b,
                                                           QStringLiteral("5"),
                                                           l,
                                                           QStringLiteral("5")}
                                            << 1;
        QTest::newRow("zero amount") << QStringList{acc,
                                                    a,
                                                    QStringLiteral("0"),
                                                    b,
                                                    QStringLiteral("5"),
                                                    l,
                                                    QStringLiteral("5")}
                                     << 1;
        QTest::newRow("negative threshold") << QStringList{acc,
                                                           a,
                                                           QStringLiteral("1"),
                                                           b,
                                                           QStringLiteral("-5"),
                                                           l,
                                                           QStringLiteral("5")}
                                            << 1;
        QTest::newRow("not a number") << QStringList{acc,
                                                     a,
                                                     QStringLiteral("x"),
                                                     b,
                                                     QStringLiteral("5"),
                                                     l,
                                                     QStringLiteral("5")}
                                      << 1;
        QTest::newRow("unknown member")
            << QStringList{QStringLiteral("nobody.here"), a, QStringLiteral("1"), b,
                           QStringLiteral("5"),           l, QStringLiteral("5")}
            << 1;
        QTest::newRow("missing limit")
            << QStringList{acc, a, QStringLiteral("1"), b, QStringLiteral("5")} << 2;
    }
    void autoRechargeBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        addMember(QStringLiteral("alice.smith"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        const CtlResult r =
            ctl(QStringList{QStringLiteral("autorecharge"), QStringLiteral("set")} + args);
        if (status == 1)
            verifyRefused(r);
        else
            QCOMPARE(r.exitCode, status);
        QVERIFY(
            member(QStringLiteral("alice.smith")).value(QStringLiteral("autoRecharge")).isNull());
        QCOMPARE(balance(), QStringLiteral("100.00"));
    }

    void importDryRunAndExportRoundTrip()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("account,name,email,department\n"
                    "olivia.brown,Olivia Brown,olivia@example.com,Sales\n"
                    "x,Too Short,,Sales\n"
                    "olivia.brown,Olivia Again,,Sales\n"
                    "jakub.nowak,\"Nowak, Jakub\",jakub@,IT\n"
                    "zofia.kowalska,Zofia Kowalska,,Finance\n");
        }
        CtlResult r = ctlJson(
            {QStringLiteral("member"), QStringLiteral("import"), bad, QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QJsonArray rejected = r.json().value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 3);
        QCOMPARE(rejected.at(0).toObject().value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(rejected.at(1).toObject().value(QStringLiteral("line")).toInt(), 4);
        QCOMPARE(rejected.at(2).toObject().value(QStringLiteral("line")).toInt(), 5);
        QCOMPARE(r.json().value(QStringLiteral("added")).toInt(), 0);
        // Without --dry-run: refused, nothing written.
        r = ctl({QStringLiteral("member"), QStringLiteral("import"), bad});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(ctlJson({QStringLiteral("member"), QStringLiteral("list")})
                     .json()
                     .value(QStringLiteral("members"))
                     .toArray()
                     .size(),
                 0);

        const QString good = m_dir.filePath(QStringLiteral("good.csv"));
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("account,name,email,department\n"
                    "olivia.brown,Olivia Brown,olivia@example.com,Sales\n"
                    "jakub.nowak,\"Nowak, Jakub \"\"Kuba\"\"\",jakub@example.pl,IT\n"
                    "solveig.odegard,Solveig \xc3\x98"
                    "deg\xc3\xa5rd,,\"Salg, Nord\"\n"); // no line break: a control character
        }
        r = ctlJson({QStringLiteral("member"), QStringLiteral("import"), good});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("added")).toInt(), 3);
        const QString exported = m_dir.filePath(QStringLiteral("export.csv"));
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("export"), exported}).exitCode, 0);
        const QJsonArray before = ctlJson({QStringLiteral("member"), QStringLiteral("list")})
                                      .json()
                                      .value(QStringLiteral("members"))
                                      .toArray();

        // Into a fresh SQLite database: the same members come back.
        QTemporaryDir other;
        CtlRunner fresh(other.filePath(QStringLiteral("other.sqlite")));
        QCOMPARE(fresh.run({QStringLiteral("member"), QStringLiteral("import"), exported}).exitCode,
                 0);
        const QJsonArray after =
            fresh.run({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("list")})
                .json()
                .value(QStringLiteral("members"))
                .toArray();
        QCOMPARE(after, before);
        QCOMPARE(after.at(1).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Olivia Brown"));
        QCOMPARE(after.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Nowak, Jakub \"Kuba\""));
        QCOMPARE(after.at(2).toObject().value(QStringLiteral("department")).toString(),
                 QStringLiteral("Salg, Nord"));
    }

    void activityNewestFirst()
    {
        addMember(QStringLiteral("alice.smith"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("5")}).exitCode, 0);
        const QJsonArray a =
            ctlJson({QStringLiteral("activity"), QStringLiteral("--limit"), QStringLiteral("1")})
                .json()
                .value(QStringLiteral("activity"))
                .toArray();
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.at(0).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("company.topup"));
        QCOMPARE(a.at(0).toObject().value(QStringLiteral("actor")).toString(),
                 QStringLiteral("qa-admin"));
        verifyRefused(
            ctl({QStringLiteral("activity"), QStringLiteral("--limit"), QStringLiteral("zero")}));
    }

    // English with machine formats by default; --lang writes the sentences and kind names in
    // that language with its money and dates; the JSON carries the kind and the values.
    void activityInTheReadersLanguage()
    {
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("1234.50"),
                      QStringLiteral("--reference"), QStringLiteral("INV-7")})
                     .exitCode,
                 0);
        addMember(QStringLiteral("ola.nordmann"), QStringLiteral("Ola Nordmann"));
        const CtlResult english = ctl({QStringLiteral("activity")});
        QCOMPARE(english.exitCode, 0);
        QVERIFY2(english.out.contains(QStringLiteral("Company top-up  Top-up of 1234.50, "
                                                     "reference INV-7")),
                 qPrintable(english.out));
        QVERIFY2(english.out.contains(QStringLiteral("Added member Ola Nordmann (ola.nordmann)")),
                 qPrintable(english.out));

        const QLocale nbLocale(QLocale::NorwegianBokmal, QLocale::Norway);
        const CtlResult nb =
            ctl({QStringLiteral("activity"), QStringLiteral("--lang"), QStringLiteral("nb")});
        QCOMPARE(nb.exitCode, 0);
        QVERIFY2(nb.out.contains(QString::fromUtf8("Påfyll av firmasaldo  Påfyll på 1") +
                                 nbLocale.groupSeparator() +
                                 QStringLiteral("234,50, referanse INV-7")),
                 qPrintable(nb.out));
        QVERIFY2(nb.out.contains(QStringLiteral("La til medlemmet Ola Nordmann (ola.nordmann)")),
                 qPrintable(nb.out));

        const QJsonArray json =
            ctlJson({QStringLiteral("activity"), QStringLiteral("--lang"), QStringLiteral("nb")})
                .json()
                .value(QStringLiteral("activity"))
                .toArray();
        QCOMPARE(json.size(), 2);
        const QJsonObject topUp = json.at(1).toObject();
        QCOMPARE(topUp.value(QStringLiteral("kind")).toString(), QStringLiteral("company.topup"));
        QCOMPARE(topUp.value(QStringLiteral("kindName")).toString(),
                 QString::fromUtf8("Påfyll av firmasaldo"));
        QCOMPARE(topUp.value(QStringLiteral("values")).toObject(),
                 (QJsonObject{{QStringLiteral("amount_cents"), 123450},
                              {QStringLiteral("reference"), QStringLiteral("INV-7")}}));
        QCOMPARE(topUp.value(QStringLiteral("text")).toString(),
                 QString::fromUtf8("Påfyll på 1") + nbLocale.groupSeparator() +
                     QStringLiteral("234,50, referanse INV-7"));
        const QJsonObject added = json.at(0).toObject();
        QCOMPARE(added.value(QStringLiteral("kind")).toString(), QStringLiteral("member.add"));
        QCOMPARE(added.value(QStringLiteral("subject")).toString(), QStringLiteral("ola.nordmann"));
        QCOMPARE(added.value(QStringLiteral("values")).toObject(),
                 (QJsonObject{{QStringLiteral("account"), QStringLiteral("ola.nordmann")},
                              {QStringLiteral("name"), QStringLiteral("Ola Nordmann")}}));

        const QJsonObject inEnglish = ctlJson({QStringLiteral("activity")})
                                          .json()
                                          .value(QStringLiteral("activity"))
                                          .toArray()
                                          .at(1)
                                          .toObject();
        QCOMPARE(inEnglish.value(QStringLiteral("text")).toString(),
                 QStringLiteral("Top-up of 1234.50, reference INV-7"));
        QCOMPARE(inEnglish.value(QStringLiteral("kindName")).toString(),
                 QStringLiteral("Company top-up"));

        verifyRefused(
            ctl({QStringLiteral("activity"), QStringLiteral("--lang"), QStringLiteral("de")}));
    }

    void demoFillsTheDatabase()
    {
        const CtlResult r =
            ctlJson({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("60"),
                     QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("members")).toInt(), 60);
        QCOMPARE(ctlJson({QStringLiteral("member"), QStringLiteral("list")})
                     .json()
                     .value(QStringLiteral("members"))
                     .toArray()
                     .size(),
                 60);
        verifyRefused(
            ctl({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("-3")}));
    }

    void demoWithProfilesNumbersAndCalls()
    {
        const CtlResult r =
            ctlJson({QStringLiteral("demo"), QStringLiteral("--members"), QStringLiteral("20"),
                     QStringLiteral("--profiles"), QStringLiteral("3"), QStringLiteral("--numbers"),
                     QStringLiteral("20"), QStringLiteral("--calls"), QStringLiteral("500"),
                     QStringLiteral("--seed"), QStringLiteral("4")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("members")).toInt(), 20);
        QCOMPARE(o.value(QStringLiteral("profiles")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("numbers")).toInt(), 20);
        QCOMPARE(o.value(QStringLiteral("calls")).toInt(), 500);
        // Answered calls with a price; the US calls of the two profiles with bundles are
        // mostly covered by bundle minutes and cost nothing.
        QVERIFY(o.value(QStringLiteral("chargedCalls")).toInt() > 150);
        QVERIFY(o.value(QStringLiteral("charged")).toString().toDouble() > 0);
        QVERIFY(o.value(QStringLiteral("bundles")).toInt() >= 2);
        QCOMPARE(ctlJson({QStringLiteral("profile"), QStringLiteral("list")})
                     .json()
                     .value(QStringLiteral("profiles"))
                     .toArray()
                     .size(),
                 3);
        for (const char* option : {"--profiles", "--numbers", "--calls"})
            verifyRefused(
                ctl({QStringLiteral("demo"), QString::fromLatin1(option), QStringLiteral("many")}));
        verifyRefused(
            ctl({QStringLiteral("demo"), QStringLiteral("--profiles"), QStringLiteral("10001")}));
    }

    void numberCatalogueCommands()
    {
        const QJsonArray countries =
            ctlJson({QStringLiteral("number"), QStringLiteral("countries")})
                .json()
                .value(QStringLiteral("countries"))
                .toArray();
        QCOMPARE(countries.size(), 8);
        QCOMPARE(countries.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("code"), QStringLiteral("US")},
                              {QStringLiteral("name"), QStringLiteral("United States")},
                              {QStringLiteral("termsRequired"), false}}));
        const QJsonArray areas =
            ctlJson({QStringLiteral("number"), QStringLiteral("areas"), QStringLiteral("US")})
                .json()
                .value(QStringLiteral("areas"))
                .toArray();
        QCOMPARE(areas.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("code"), QStringLiteral("212")},
                              {QStringLiteral("place"), QStringLiteral("New York, NY")},
                              {QStringLiteral("available"), 100}}));
        QCOMPARE(ctlJson({QStringLiteral("number"), QStringLiteral("prices"), QStringLiteral("US")})
                     .json(),
                 (QJsonObject{{QStringLiteral("prices"),
                               QJsonObject{{QStringLiteral("1"), QStringLiteral("6.00")},
                                           {QStringLiteral("3"), QStringLiteral("15.00")},
                                           {QStringLiteral("12"), QStringLiteral("50.00")}}}}));
        verifyRefused(
            ctl({QStringLiteral("number"), QStringLiteral("areas"), QStringLiteral("XX")}));
        verifyRefused(
            ctl({QStringLiteral("number"), QStringLiteral("prices"), QStringLiteral("XX")}));
    }

    void numberBuyAssignCancelList()
    {
        addMember(QStringLiteral("alice.smith"));
        addMember(QStringLiteral("bob.jones1"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("30")}).exitCode, 0);
        const QString jan31 = QStringLiteral("2026-01-31T09:00:00Z");
        CtlResult r = ctlJson({QStringLiteral("--now"), jan31, QStringLiteral("number"),
                               QStringLiteral("buy"), QStringLiteral("US"), QStringLiteral("212"),
                               QStringLiteral("--months"), QStringLiteral("1"),
                               QStringLiteral("--member"), QStringLiteral("alice.smith")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("number"), QStringLiteral("+12125550100")},
                              {QStringLiteral("price"), QStringLiteral("6.00")},
                              {QStringLiteral("expires"), QStringLiteral("2026-02-28")}}));
        QCOMPARE(balance(), QStringLiteral("24.00"));
        QCOMPARE(member(QStringLiteral("alice.smith")).value(QStringLiteral("numbers")).toArray(),
                 QJsonArray{QStringLiteral("+12125550100")});
        // Refusals, each changing nothing.
        const QStringList buyDe{QStringLiteral("number"),   QStringLiteral("buy"),
                                QStringLiteral("DE"),       QStringLiteral("30"),
                                QStringLiteral("--months"), QStringLiteral("1"),
                                QStringLiteral("--member"), QStringLiteral("bob.jones1")};
        verifyRefused(ctl(buyDe)); // terms not accepted
        verifyRefused(ctl({QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("US"),
                           QStringLiteral("999"), QStringLiteral("--months"), QStringLiteral("1"),
                           QStringLiteral("--member"), QStringLiteral("bob.jones1")}));
        verifyRefused(ctl({QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("US"),
                           QStringLiteral("212"), QStringLiteral("--months"), QStringLiteral("1"),
                           QStringLiteral("--member"), QStringLiteral("nobody.here")}));
        verifyRefused(ctl({QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("NO"),
                           QStringLiteral("22"), QStringLiteral("--months"), QStringLiteral("12"),
                           QStringLiteral("--member"), QStringLiteral("bob.jones1")}));
        QCOMPARE(ctl({QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("US"),
                      QStringLiteral("212"), QStringLiteral("--months"), QStringLiteral("1")})
                     .exitCode,
                 2); // no holder
        QCOMPARE(balance(), QStringLiteral("24.00"));
        r = ctlJson(QStringList{QStringLiteral("--now"), jan31} + buyDe +
                    QStringList{QStringLiteral("--accept-terms")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("price")).toString(), QStringLiteral("7.00"));
        // Reassign with the reminder; a number that is not ours is refused.
        r = ctlJson({QStringLiteral("number"), QStringLiteral("assign"),
                     QStringLiteral("+1 212 555 0100"), QStringLiteral("--member"),
                     QStringLiteral("bob.jones1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json()
                    .value(QStringLiteral("reminder"))
                    .toString()
                    .contains(QStringLiteral("terms")));
        QCOMPARE(r.json().value(QStringLiteral("holder")).toObject(),
                 (QJsonObject{{QStringLiteral("member"), QStringLiteral("bob.jones1")}}));
        verifyRefused(
            ctl({QStringLiteral("number"), QStringLiteral("assign"), QStringLiteral("+12125559999"),
                 QStringLiteral("--member"), QStringLiteral("bob.jones1")}));
        // Cancel shows the expiry; billing at expiry releases it, no refund.
        r = ctlJson(
            {QStringLiteral("number"), QStringLiteral("cancel"), QStringLiteral("+12125550100")});
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("number"), QStringLiteral("+12125550100")},
                              {QStringLiteral("expires"), QStringLiteral("2026-02-28")}}));
        verifyRefused(ctl(
            {QStringLiteral("number"), QStringLiteral("cancel"), QStringLiteral("+12125550100")}));
        const CtlResult run =
            ctlJson({QStringLiteral("--now"), QStringLiteral("2026-02-28T00:30:00Z"),
                     QStringLiteral("billing"), QStringLiteral("run")});
        QCOMPARE(run.json().value(QStringLiteral("numbersReleased")).toInt(), 1);
        QCOMPARE(run.json().value(QStringLiteral("numbersRenewed")).toInt(), 1);
        QCOMPARE(balance(), QStringLiteral("10.00"));
        const QJsonArray list = ctlJson({QStringLiteral("number"), QStringLiteral("list")})
                                    .json()
                                    .value(QStringLiteral("numbers"))
                                    .toArray();
        QCOMPARE(list.size(), 2);
        QJsonObject us, de;
        for (const QJsonValue& v : list)
            (v.toObject().value(QStringLiteral("country")).toString() == QLatin1String("US") ? us
                                                                                             : de) =
                v.toObject();
        QCOMPARE(us.value(QStringLiteral("status")).toString(), QStringLiteral("released"));
        QVERIFY(us.value(QStringLiteral("holder")).isNull());
        QCOMPARE(de.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(de.value(QStringLiteral("expires")).toString(), QStringLiteral("2026-03-31"));
        QCOMPARE(de.value(QStringLiteral("months")).toInt(), 1);
        QCOMPARE(de.value(QStringLiteral("cancelled")).toBool(), false);
    }

    void profileLifecycle()
    {
        addMember(QStringLiteral("alice.smith"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        CtlResult r =
            ctlJson({QStringLiteral("profile"), QStringLiteral("create"),
                     QStringLiteral("Sales Oslo"), QStringLiteral("--channels"),
                     QStringLiteral("2"), QStringLiteral("--department"), QStringLiteral("Salg")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("charged")).toString(), QStringLiteral("13.90"));
        QCOMPARE(balance(), QStringLiteral("86.10"));
        r = ctlJson({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Lab"),
                     QStringLiteral("--ip"), QStringLiteral("10.0.0.5"), QStringLiteral("--port"),
                     QStringLiteral("5080")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("private")), qPrintable(r.err)); // the warning
        QCOMPARE(r.json().value(QStringLiteral("auth")).toString(), QStringLiteral("ip"));
        QCOMPARE(r.json().value(QStringLiteral("port")).toInt(), 5080);
        // Refusals.
        const QString create = QStringLiteral("create");
        verifyRefused(ctl({QStringLiteral("profile"), create, QStringLiteral("sales oslo")}));
        verifyRefused(ctl({QStringLiteral("profile"), create, QStringLiteral("X"),
                           QStringLiteral("--channels"), QStringLiteral("0")}));
        verifyRefused(ctl({QStringLiteral("profile"), create, QStringLiteral("X"),
                           QStringLiteral("--channels"), QStringLiteral("301")}));
        verifyRefused(ctl({QStringLiteral("profile"), create, QStringLiteral("X"),
                           QStringLiteral("--ip"), QStringLiteral("1.2.3")}));
        verifyRefused(
            ctl({QStringLiteral("profile"), create, QStringLiteral("X"), QStringLiteral("--ip"),
                 QStringLiteral("8.8.8.8"), QStringLiteral("--port"), QStringLiteral("70000")}));
        verifyRefused(
            ctl({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("Nobody")}));
        QCOMPARE(ctlJson({QStringLiteral("profile"), QStringLiteral("list")})
                     .json()
                     .value(QStringLiteral("profiles"))
                     .toArray()
                     .size(),
                 2);
        QCOMPARE(balance(), QStringLiteral("79.15"));

        // Credentials and PBX configuration.
        const QJsonObject creds = ctlJson({QStringLiteral("profile"), QStringLiteral("credentials"),
                                           QStringLiteral("Sales Oslo")})
                                      .json();
        const QString password = creds.value(QStringLiteral("password")).toString();
        QCOMPARE(password.size(), 20);
        QVERIFY(creds.value(QStringLiteral("username"))
                    .toString()
                    .startsWith(QLatin1String("sb-sales-oslo-")));
        QCOMPARE(creds.value(QStringLiteral("servers")).toArray().size(), 2);
        const CtlResult pbx = ctl({QStringLiteral("profile"), QStringLiteral("pbx-config"),
                                   QStringLiteral("Sales Oslo"), QStringLiteral("--format"),
                                   QStringLiteral("asterisk")});
        QCOMPARE(pbx.exitCode, 0);
        QVERIFY(pbx.out.contains(QStringLiteral("password=") + password));
        QVERIFY(pbx.out.contains(QStringLiteral("type=endpoint")));
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("pbx-config"),
                      QStringLiteral("Sales Oslo"), QStringLiteral("--format"),
                      QStringLiteral("freeswitch")})
                     .exitCode,
                 2);

        // Channels, credit, rename.
        r = ctlJson({QStringLiteral("profile"), QStringLiteral("channels"),
                     QStringLiteral("Sales Oslo"), QStringLiteral("3")});
        QCOMPARE(r.json().value(QStringLiteral("cost")).toString(), QStringLiteral("20.85"));
        verifyRefused(ctl({QStringLiteral("profile"), QStringLiteral("channels"),
                           QStringLiteral("Sales Oslo"), QStringLiteral("301")}));
        r = ctlJson({QStringLiteral("credit"), QStringLiteral("profile"),
                     QStringLiteral("Sales Oslo"), QStringLiteral("25")});
        QCOMPARE(r.json().value(QStringLiteral("balance")).toString(), QStringLiteral("25.00"));
        verifyRefused(ctl({QStringLiteral("credit"), QStringLiteral("profile"),
                           QStringLiteral("Sales Oslo"), QStringLiteral("1000")}));
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("rename"),
                      QStringLiteral("Sales Oslo"), QStringLiteral("Sales Norway")})
                     .exitCode,
                 0);
        verifyRefused(ctl({QStringLiteral("profile"), QStringLiteral("rename"),
                           QStringLiteral("Lab"), QStringLiteral("SALES NORWAY")}));

        // Link an account with an extension; a number follows the account to the profile.
        QCOMPARE(ctl({QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("US"),
                      QStringLiteral("212"), QStringLiteral("--months"), QStringLiteral("1"),
                      QStringLiteral("--profile"), QStringLiteral("Sales Norway")})
                     .exitCode,
                 0);
        verifyRefused(ctl({QStringLiteral("profile"), QStringLiteral("link"),
                           QStringLiteral("Sales Norway"), QStringLiteral("alice.smith"),
                           QStringLiteral("--extension"), QStringLiteral("12a")}));
        r = ctlJson({QStringLiteral("profile"), QStringLiteral("link"),
                     QStringLiteral("Sales Norway"), QStringLiteral("alice.smith"),
                     QStringLiteral("--extension"), QStringLiteral("120")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("accounts")).toArray().at(0).toObject(),
                 (QJsonObject{{QStringLiteral("account"), QStringLiteral("alice.smith")},
                              {QStringLiteral("extension"), QStringLiteral("120")}}));
        QJsonObject m = member(QStringLiteral("alice.smith"));
        QCOMPARE(m.value(QStringLiteral("status")).toString(), QStringLiteral("linked"));
        QCOMPARE(m.value(QStringLiteral("profile")).toString(), QStringLiteral("Sales Norway"));
        verifyRefused(ctl({QStringLiteral("profile"), QStringLiteral("link"), QStringLiteral("Lab"),
                           QStringLiteral("alice.smith")}));

        const QJsonObject shown = ctlJson({QStringLiteral("profile"), QStringLiteral("show"),
                                           QStringLiteral("Sales Norway")})
                                      .json();
        QCOMPARE(shown.value(QStringLiteral("channels")).toInt(), 3);
        QCOMPARE(shown.value(QStringLiteral("auth")).toString(), QStringLiteral("registration"));
        QCOMPARE(shown.value(QStringLiteral("numbers")).toArray(),
                 QJsonArray{QStringLiteral("+12125550100")});
        QCOMPARE(shown.value(QStringLiteral("monthlyCost"))
                     .toObject()
                     .value(QStringLiteral("total"))
                     .toString(),
                 QStringLiteral("20.85"));
        QCOMPARE(shown.value(QStringLiteral("bundles"))
                     .toObject()
                     .value(QStringLiteral("count"))
                     .toInt(),
                 0);

        // Delete: without --yes nothing happens; with it, credit back, number in the pool, account
        // unlinked.
        const QString before = balance();
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("delete"),
                      QStringLiteral("Sales Norway")})
                     .exitCode,
                 2);
        QCOMPARE(balance(), before);
        const QString csv = m_dir.filePath(QStringLiteral("history.csv"));
        r = ctlJson({QStringLiteral("profile"), QStringLiteral("delete"),
                     QStringLiteral("Sales Norway"), QStringLiteral("--yes"),
                     QStringLiteral("--export-history"), csv});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("returnedCredit")).toString(),
                 QStringLiteral("25.00"));
        // The credit reported as returned is in the company's balance, not only in the reply.
        QCOMPARE(balance(), (*Money::parse(before) + Money::fromCents(2500)).toString());
        QCOMPARE(r.json().value(QStringLiteral("releasedNumbers")).toArray(),
                 QJsonArray{QStringLiteral("+12125550100")});
        QVERIFY(QFile::exists(csv));
        {
            // Written by the call history's export, as `calls list --csv` writes it.
            QFile f(csv);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readLine().startsWith("time,payerKind,payer,source,destination,e164,"));
        }
        QCOMPARE(member(QStringLiteral("alice.smith")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("active"));
        const QJsonArray numbers = ctlJson({QStringLiteral("number"), QStringLiteral("list")})
                                       .json()
                                       .value(QStringLiteral("numbers"))
                                       .toArray();
        QVERIFY(numbers.at(0).toObject().value(QStringLiteral("holder")).isNull());
        QCOMPARE(numbers.at(0).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("active"));
        verifyRefused(ctl(
            {QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("Sales Norway")}));
    }

    // A balance below zero (calls are charged in full) is "-3.20" with "owed": true; a profile
    // that owes is not deleted.
    void owedBalancesInJson()
    {
        addMember(QStringLiteral("ingrid.hansen"));
        QCOMPARE(member(QStringLiteral("ingrid.hansen")).value(QStringLiteral("owed")),
                 QJsonValue(false));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        const CtlResult created =
            ctl({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Desk")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        // Written straight to the accounts, as a stream of calls would leave them.
        for (const char* table : {"members", "profiles"})
            QVERIFY(m_db->db().run(QStringLiteral("UPDATE accounts SET balance_cents = -320 WHERE"
                                                  " id IN (SELECT account_id FROM %1)")
                                       .arg(QLatin1String(table))));
        const QJsonObject m = member(QStringLiteral("ingrid.hansen"));
        QCOMPARE(m.value(QStringLiteral("balance")).toString(), QStringLiteral("-3.20"));
        QCOMPARE(m.value(QStringLiteral("owed")), QJsonValue(true));
        const QJsonObject p =
            ctlJson({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("Desk")})
                .json();
        QCOMPARE(p.value(QStringLiteral("balance")).toString(), QStringLiteral("-3.20"));
        QCOMPARE(p.value(QStringLiteral("owed")), QJsonValue(true));
        const CtlResult del = ctl({QStringLiteral("profile"), QStringLiteral("delete"),
                                   QStringLiteral("Desk"), QStringLiteral("--yes")});
        verifyRefused(del);
        QVERIFY2(del.err.contains(QStringLiteral("owes 3.20")), qPrintable(del.err));
    }

    // prices show: the shipped list; prices import: a valid file replaces it (and a number
    // bought afterwards costs the new price); invalid files are refused, nothing changed.
    void pricesShowAndImport()
    {
        CtlResult shown = ctlJson({QStringLiteral("prices"), QStringLiteral("show")});
        QCOMPARE(shown.exitCode, 0);
        QJsonObject list = shown.json();
        QCOMPARE(list.value(QStringLiteral("source")).toString(), QStringLiteral("built-in"));
        QCOMPARE(list.value(QStringLiteral("bundle")).toString(), QStringLiteral("30.00"));
        QCOMPARE(list.value(QStringLiteral("channel")).toString(), QStringLiteral("6.95"));
        QCOMPARE(list.value(QStringLiteral("numbers"))
                     .toObject()
                     .value(QStringLiteral("US"))
                     .toObject()
                     .value(QStringLiteral("12"))
                     .toString(),
                 QStringLiteral("50.00"));
        const QJsonObject firstRate =
            list.value(QStringLiteral("rates")).toArray().first().toObject();
        QCOMPARE(firstRate.value(QStringLiteral("prefix")).toString(), QStringLiteral("1"));
        QCOMPARE(firstRate.value(QStringLiteral("rate")).toString(), QStringLiteral("0.0230"));
        const CtlResult text = ctl({QStringLiteral("prices"), QStringLiteral("show")});
        QCOMPARE(text.exitCode, 0);
        for (const char* part : {"built-in", "30.00", "6.95", "0.0230", "United Kingdom", "PL"})
            QVERIFY2(text.out.contains(QLatin1String(part)), part);

        const auto write = [&](const QString& name, const QByteArray& content) {
            const QString path = m_dir.filePath(name);
            QFile f(path);
            if (f.open(QIODevice::WriteOnly))
                f.write(content);
            return path;
        };
        list.remove(QStringLiteral("source"));
        QJsonObject numbers = list.value(QStringLiteral("numbers")).toObject();
        QJsonObject us = numbers.value(QStringLiteral("US")).toObject();
        us.insert(QStringLiteral("1"), QStringLiteral("7.25"));
        numbers.insert(QStringLiteral("US"), us);
        list.insert(QStringLiteral("numbers"), numbers);
        list.insert(QStringLiteral("bundle"), QStringLiteral("33.00"));
        const QString good =
            write(QStringLiteral("prices-2027.json"), QJsonDocument(list).toJson());
        const CtlResult imported =
            ctlJson({QStringLiteral("prices"), QStringLiteral("import"), good});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(imported.json(),
                 (QJsonObject{{QStringLiteral("file"), QStringLiteral("prices-2027.json")},
                              {QStringLiteral("countries"), 8},
                              {QStringLiteral("rates"),
                               list.value(QStringLiteral("rates")).toArray().size()}}));
        shown = ctlJson({QStringLiteral("prices"), QStringLiteral("show")});
        QCOMPARE(shown.json().value(QStringLiteral("source")).toString(),
                 QStringLiteral("imported"));
        QCOMPARE(shown.json().value(QStringLiteral("bundle")).toString(), QStringLiteral("33.00"));
        QCOMPARE(ctlJson({QStringLiteral("number"), QStringLiteral("prices"), QStringLiteral("US")})
                     .json()
                     .value(QStringLiteral("prices"))
                     .toObject()
                     .value(QStringLiteral("1"))
                     .toString(),
                 QStringLiteral("7.25"));
        addMember(QStringLiteral("alice.smith"));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100")}).exitCode, 0);
        const CtlResult bought =
            ctlJson({QStringLiteral("number"), QStringLiteral("buy"), QStringLiteral("US"),
                     QStringLiteral("212"), QStringLiteral("--months"), QStringLiteral("1"),
                     QStringLiteral("--member"), QStringLiteral("alice.smith")});
        QVERIFY2(bought.exitCode == 0, qPrintable(bought.err));
        QCOMPARE(bought.json().value(QStringLiteral("price")).toString(), QStringLiteral("7.25"));

        // Invalid files: one line each, nothing changed.
        const auto edited = [&](const std::function<void(QJsonObject&)>& edit) {
            QJsonObject o = list;
            edit(o);
            return QJsonDocument(o).toJson();
        };
        const auto editRates = [&](const std::function<void(QJsonArray&)>& edit) {
            return edited([&](QJsonObject& o) {
                QJsonArray rates = o.value(QStringLiteral("rates")).toArray();
                edit(rates);
                o.insert(QStringLiteral("rates"), rates);
            });
        };
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(static_cast<char>((i * 7919) % 256));
        const QList<std::pair<QString, QByteArray>> bad = {
            {QStringLiteral("not.json"), QByteArray("bundle = 30.00\n")},
            {QStringLiteral("binary.json"), binary},
            {QStringLiteral("nobundle.json"),
             edited([](QJsonObject& o) { o.remove(QStringLiteral("bundle")); })},
            {QStringLiteral("negative.json"), editRates([](QJsonArray& r) {
                 QJsonObject x = r.at(0).toObject();
                 x.insert(QStringLiteral("rate"), QStringLiteral("-0.0100"));
                 r.replace(0, x);
             })},
            {QStringLiteral("duplicate.json"), editRates([](QJsonArray& r) { r.append(r.at(1)); })},
            {QStringLiteral("huge.json"), QByteArray(2 * 1024 * 1024, ' ')},
        };
        const auto state = [&] {
            QStringList rows;
            for (const char* sql : {"SELECT key, value FROM settings ORDER BY key",
                                    "SELECT COUNT(*) FROM activity"}) {
                auto q = m_db->db().run(QString::fromLatin1(sql));
                while (q && q->next())
                    rows << q->value(0).toString() + QLatin1Char('|') + q->value(1).toString();
            }
            return rows;
        };
        const QStringList before = state();
        for (const auto& [name, content] : bad) {
            const CtlResult r =
                ctl({QStringLiteral("prices"), QStringLiteral("import"), write(name, content)});
            verifyRefused(r);
            QCOMPARE(state(), before);
        }
        verifyRefused(ctl({QStringLiteral("prices"), QStringLiteral("import"),
                           m_dir.filePath(QStringLiteral("missing.json"))}));
        QCOMPARE(ctl({QStringLiteral("prices"), QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("prices"), QStringLiteral("frob")}).exitCode, 2);
        QCOMPARE(ctlJson({QStringLiteral("prices"), QStringLiteral("show")})
                     .json()
                     .value(QStringLiteral("bundle"))
                     .toString(),
                 QStringLiteral("33.00"));
    }

    void usageErrors()
    {
        QCOMPARE(ctl({}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("--colour"), QStringLiteral("balance")}).exitCode, 2);
        QCOMPARE(
            ctl({QStringLiteral("--now"), QStringLiteral("yesterday"), QStringLiteral("balance")})
                .exitCode,
            2);
        QCOMPARE(ctl({QStringLiteral("member")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("topup")}).exitCode, 2);
        const CtlResult help = ctl({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("credit allocate AMOUNT ACCOUNT")));
    }

    // US minute bundles: add, change (the seed's refund), cancel, extend, and their refusals;
    // `profile show` and `billing run` report them. The clock is fixed with --now.
    void bundleLifecycle()
    {
        const auto at = [&](const QString& now, QStringList args) {
            return ctl(QStringList{QStringLiteral("--json"), QStringLiteral("--now"), now} + args);
        };
        const QString mar10 = QStringLiteral("2026-03-10T12:00:00Z");
        const QString b = QStringLiteral("bundle");
        const QString sales = QStringLiteral("Sales");
        QCOMPARE(at(mar10, {QStringLiteral("topup"), QStringLiteral("500")}).exitCode, 0);
        QCOMPARE(at(mar10, {QStringLiteral("profile"), QStringLiteral("create"), sales,
                            QStringLiteral("--channels"), QStringLiteral("3")})
                     .exitCode,
                 0);
        // No credit on the profile yet: refused, one line.
        verifyRefused(at(mar10, {b, QStringLiteral("add"), sales, QStringLiteral("1")}));
        QCOMPARE(at(mar10, {QStringLiteral("credit"), QStringLiteral("profile"), sales,
                            QStringLiteral("200")})
                     .exitCode,
                 0);
        verifyRefused(at(mar10, {b, QStringLiteral("add"), sales, QStringLiteral("4")}));
        verifyRefused(at(mar10, {b, QStringLiteral("add"), sales, QStringLiteral("x")}));
        QCOMPARE(at(mar10, {b, QStringLiteral("add"), sales}).exitCode, 2);
        CtlResult r = at(mar10, {b, QStringLiteral("add"), sales, QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("count"), 1},
                              {QStringLiteral("cost"), QStringLiteral("30.00")},
                              {QStringLiteral("periodEnd"), QStringLiteral("2026-04-10")}}));
        verifyRefused(at(mar10, {b, QStringLiteral("add"), sales, QStringLiteral("1")}));
        verifyRefused(at(mar10, {b, QStringLiteral("extend"), sales}));
        const CtlResult text = ctl({QStringLiteral("--now"), mar10, QStringLiteral("profile"),
                                    QStringLiteral("show"), sales});
        QVERIFY2(text.out.contains(QStringLiteral("US bundles:    1 at 30.00 each; 0 of 5000 "
                                                  "minutes used until 2026-04-10")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("Monthly cost:  50.85")), qPrintable(text.out));
        r = at(mar10, {QStringLiteral("profile"), QStringLiteral("show"), sales});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject bundles = r.json().value(QStringLiteral("bundles")).toObject();
        QCOMPARE(bundles.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(bundles.value(QStringLiteral("pricePaid")).toString(), QStringLiteral("30.00"));
        QCOMPARE(bundles.value(QStringLiteral("minutesIncluded")).toInt(), 5000);
        QCOMPARE(bundles.value(QStringLiteral("minutesUsed")).toInt(), 0);
        QCOMPARE(bundles.value(QStringLiteral("periodEnd")).toString(),
                 QStringLiteral("2026-04-10"));
        QCOMPARE(bundles.value(QStringLiteral("cancelled")).toBool(), false);
        const QJsonObject cost = r.json().value(QStringLiteral("monthlyCost")).toObject();
        QCOMPARE(cost.value(QStringLiteral("bundles")).toString(), QStringLiteral("30.00"));
        QCOMPARE(cost.value(QStringLiteral("total")).toString(), QStringLiteral("50.85"));
        // Change with nothing used: the whole 30.00 comes back, 2 × 30.00 are paid.
        r = at(QStringLiteral("2026-03-20T09:00:00Z"),
               {b, QStringLiteral("change"), sales, QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("count"), 2},
                              {QStringLiteral("refund"), QStringLiteral("30.00")},
                              {QStringLiteral("cost"), QStringLiteral("60.00")},
                              {QStringLiteral("periodEnd"), QStringLiteral("2026-04-20")}}));
        // Channels cannot go below the bundles.
        verifyRefused(at(
            QStringLiteral("2026-03-20T10:00:00Z"),
            {QStringLiteral("profile"), QStringLiteral("channels"), sales, QStringLiteral("1")}));
        // Extend inside the 30 days, then cancel: usable until the paid time ends.
        r = at(QStringLiteral("2026-03-25T09:00:00Z"), {b, QStringLiteral("extend"), sales});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("nextPayment"), QStringLiteral("2026-05-20")},
                              {QStringLiteral("cost"), QStringLiteral("60.00")}}));
        r = at(QStringLiteral("2026-03-26T09:00:00Z"), {b, QStringLiteral("cancel"), sales});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json(),
                 (QJsonObject{{QStringLiteral("expires"), QStringLiteral("2026-05-20")}}));
        verifyRefused(
            at(QStringLiteral("2026-03-26T09:00:00Z"), {b, QStringLiteral("cancel"), sales}));
        r = at(QStringLiteral("2026-03-26T09:00:00Z"),
               {QStringLiteral("profile"), QStringLiteral("show"), sales});
        QCOMPARE(r.json()
                     .value(QStringLiteral("bundles"))
                     .toObject()
                     .value(QStringLiteral("cancelled"))
                     .toBool(),
                 true);
        // 200 − 30 (add) + 30 (refund) − 60 (change) − 60 (extend)
        QCOMPARE(r.json().value(QStringLiteral("balance")).toString(), QStringLiteral("80.00"));
        // billing run lists renewed and lapsed bundles: none here (cancelled).
        r = at(QStringLiteral("2026-05-21T09:00:00Z"),
               {QStringLiteral("billing"), QStringLiteral("run")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("bundlesRenewed")).toArray(), QJsonArray());
        QCOMPARE(r.json().value(QStringLiteral("bundlesLapsed")).toArray(), QJsonArray());
        // A new add after they ran out, not paid at the renewal: lapsed, and said so.
        r = at(QStringLiteral("2026-05-21T10:00:00Z"),
               {b, QStringLiteral("add"), sales, QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        r = at(QStringLiteral("2026-06-21T10:00:00Z"),
               {QStringLiteral("billing"), QStringLiteral("run")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(QStringLiteral("bundlesLapsed")).toArray(),
                 QJsonArray{QStringLiteral("Sales")});
    }
};

// Not per engine: the environment default and the refusal of a newer schema.
class TestCliDatabaseChoice : public QObject
{
    Q_OBJECT
private slots:
    void environmentVariableChoosesTheDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("env.sqlite"));
        QProcessEnvironment env = CtlRunner::environment();
        env.insert(QStringLiteral("SWITCHBOARD_DATABASE"), path);
        const CtlRunner ctl;
        QCOMPARE(ctl.run({QStringLiteral("topup"), QStringLiteral("3")}, env).exitCode, 0);
        QVERIFY(QFile::exists(path));
        QCOMPARE(CtlRunner(path)
                     .run({QStringLiteral("--json"), QStringLiteral("balance")})
                     .json()
                     .value(QStringLiteral("company"))
                     .toString(),
                 QStringLiteral("3.00"));
    }

    void newerSchemaIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        const CtlRunner ctl(path);
        QCOMPARE(ctl.run({QStringLiteral("init")}).exitCode, 0);
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(db->run(
                QStringLiteral("UPDATE schema_meta SET value = '999' WHERE key = 'version'")));
        }
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        const CtlResult r = ctl.run({QStringLiteral("balance")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("newer")), qPrintable(r.err));
        const QByteArray after = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        QCOMPARE(after, before);
    }
};

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int status = 0;
    {
        TestCli t;
        status |= QTest::qExec(&t, argc, argv);
    }
    {
        TestCliDatabaseChoice t;
        status |= QTest::qExec(&t, argc, argv);
    }
    return status;
}

#include "tst_cli.moc"
