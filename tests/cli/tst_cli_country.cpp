// switchboardctl and the payers' countries, as a process on SQLite and PostgreSQL: member add
// and profile create with --country (US without), member country and profile country, the
// "country" of the member and profile JSON shapes, bad codes refused with nothing changed,
// the member CSV's country column, and calls read with the payer's country.
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

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// One Asterisk Master.csv line (17 columns) for a call answered 3 s after `start`.
QByteArray line(const QString& account, const QString& dst, int billsec, const QString& uniqueId)
{
    const QStringList f{account,
                        s("1001"),
                        dst,
                        s("from-internal"),
                        s("Ola <1001>"),
                        s("PJSIP/1001-1"),
                        s("PJSIP/trunk-2"),
                        s("Dial"),
                        s("PJSIP/trunk"),
                        s("2026-03-01 09:00:00"),
                        s("2026-03-01 09:00:03"),
                        QDateTime(QDate(2026, 3, 1), QTime(9, 0, 3), Qt::UTC)
                            .addSecs(billsec)
                            .toString(s("yyyy-MM-dd HH:mm:ss")),
                        QString::number(billsec + 3),
                        QString::number(billsec),
                        s("ANSWERED"),
                        s("DOCUMENTATION"),
                        uniqueId};
    QStringList quoted;
    for (const QString& x : f)
        quoted << QLatin1Char('"') + x + QLatin1Char('"');
    return quoted.join(QLatin1Char(',')).toUtf8() + '\n';
}

} // namespace

class TestCliCountry : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;
    QTemporaryDir m_dir;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }
    CtlResult ctlJson(const QStringList& args)
    {
        return m_ctl->run(QStringList{s("--json")} + args);
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
    QString memberCountry(const QString& account)
    {
        return ctlJson({s("member"), s("show"), account}).json().value(s("country")).toString();
    }
    QString profileCountry(const QString& name)
    {
        return ctlJson({s("profile"), s("show"), name}).json().value(s("country")).toString();
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

    void memberCountry()
    {
        CtlResult r = ctlJson({s("member"), s("add"), s("ola.nordmann"), s("--name"), s("Ola"),
                               s("--country"), s("no")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("country")).toString(), s("NO"));
        r = ctlJson({s("member"), s("add"), s("anna.berg"), s("--name"), s("Anna")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("country")).toString(), s("US"));

        // A code libphonenumber does not know: refused, nothing added.
        r = ctl({s("member"), s("add"), s("kari.nordmann"), s("--name"), s("Kari"), s("--country"),
                 s("Norway")});
        verifyRefused(r);
        QVERIFY2(r.err.contains(s("Norway")), qPrintable(r.err));
        verifyRefused(ctl({s("member"), s("show"), s("kari.nordmann")}));

        r = ctl({s("member"), s("show"), s("ola.nordmann")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(s("Country:     NO")), qPrintable(r.out));
        const QJsonArray list =
            ctlJson({s("member"), s("list")}).json().value(s("members")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(s("country")).toString(), s("US"));
        QCOMPARE(list.at(1).toObject().value(s("country")).toString(), s("NO"));

        // Changed later.
        r = ctlJson({s("member"), s("country"), s("anna.berg"), s("GB")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("account")).toString(), s("anna.berg"));
        QCOMPARE(r.json().value(s("country")).toString(), s("GB"));
        r = ctl({s("member"), s("country"), s("anna.berg"), s("se")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(s("SE")), qPrintable(r.out));
        verifyRefused(ctl({s("member"), s("country"), s("anna.berg"), s("XX")}));
        verifyRefused(ctl({s("member"), s("country"), s("anna.berg"), s("SE")}));
        verifyRefused(ctl({s("member"), s("country"), s("nobody.here"), s("NO")}));
        QCOMPARE(memberCountry(s("anna.berg")), s("SE"));
        QCOMPARE(ctl({s("member"), s("country"), s("anna.berg")}).exitCode, 2);
        const QString activity = ctl({s("activity")}).out;
        QVERIFY2(activity.contains(s("Changed the country of anna.berg from GB to SE")),
                 qPrintable(activity));
    }

    void profileCountry()
    {
        QCOMPARE(ctl({s("topup"), s("100")}).exitCode, 0);
        CtlResult r = ctlJson({s("profile"), s("create"), s("Oslo"), s("--ip"), s("8.8.4.4"),
                               s("--country"), s("NO")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("country")).toString(), s("NO"));
        r = ctlJson({s("profile"), s("create"), s("Support")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("country")).toString(), s("US"));
        const QString company = ctlJson({s("balance")}).json().value(s("company")).toString();
        verifyRefused(ctl({s("profile"), s("create"), s("Bergen"), s("--country"), s("ZZ")}));
        verifyRefused(ctl({s("profile"), s("show"), s("Bergen")}));
        QCOMPARE(ctlJson({s("balance")}).json().value(s("company")).toString(), company);

        r = ctl({s("profile"), s("show"), s("Oslo")});
        QVERIFY2(r.out.contains(s("Country:       NO")), qPrintable(r.out));
        r = ctlJson({s("profile"), s("country"), s("support"), s("ca")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("name")).toString(), s("Support"));
        QCOMPARE(r.json().value(s("country")).toString(), s("CA"));
        verifyRefused(ctl({s("profile"), s("country"), s("Support"), s("Canada")}));
        verifyRefused(ctl({s("profile"), s("country"), s("Nobody"), s("NO")}));
        QCOMPARE(profileCountry(s("Support")), s("CA"));
        const QJsonArray list =
            ctlJson({s("profile"), s("list")}).json().value(s("profiles")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(s("country")).toString(), s("NO"));
    }

    // The CSV's country column: export writes it, import reads it back; an old file without
    // it imports with US.
    void memberCsv()
    {
        QCOMPARE(ctl({s("member"), s("add"), s("ola.nordmann"), s("--name"), s("Ola"),
                      s("--country"), s("NO")})
                     .exitCode,
                 0);
        const QString file = m_dir.filePath(s("members.csv"));
        QCOMPARE(ctl({s("member"), s("export"), file}).exitCode, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray exported = f.readAll();
        QCOMPARE(exported, QByteArray("account,name,email,department,country\r\n"
                                      "ola.nordmann,Ola,,,NO\r\n"));
        const QString old = write(s("old.csv"), "account,name,email,department\n"
                                                "anna.berg,Anna,,Sales\n");
        QCOMPARE(ctl({s("member"), s("import"), old}).exitCode, 0);
        QCOMPARE(memberCountry(s("anna.berg")), s("US"));
        const QString bad = write(s("bad.csv"), "account,name,country\n"
                                                "kari.nordmann,Kari,XX\n");
        const CtlResult r = ctlJson({s("member"), s("import"), bad});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(s("rejected")).toArray().size(), 1);
        verifyRefused(ctl({s("member"), s("show"), s("kari.nordmann")}));
    }

    // A member in NO dials Norway's national form; one in US dials it with 011.
    void callsReadInThePayersCountry()
    {
        for (const QStringList& args :
             {QStringList{s("topup"), s("100")},
              QStringList{s("member"), s("add"), s("ola.nordmann"), s("--name"), s("Ola"),
                          s("--country"), s("NO")},
              QStringList{s("member"), s("add"), s("anna.berg"), s("--name"), s("Anna")}}) {
            const CtlResult r = ctl(args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + r.err));
        }
        const QString file =
            write(s("Master.csv"), line(s("ola.nordmann"), s("22123456"), 60, s("n1")) +
                                       line(s("anna.berg"), s("0114722123456"), 60, s("n2")) +
                                       line(s("anna.berg"), s("2125550123"), 60, s("n3")));
        CtlResult r = ctlJson({s("calls"), s("import"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("imported")).toInt(), 3);
        const QJsonArray calls =
            ctlJson({s("calls"), s("list")}).json().value(s("calls")).toArray();
        QStringList numbers;
        for (const QJsonValue& c : calls)
            numbers << c.toObject().value(s("e164")).toString();
        numbers.sort();
        QCOMPARE(numbers, (QStringList{s("+12125550123"), s("+4722123456"), s("+4722123456")}));
    }
};

QTEST_GUILESS_MAIN(TestCliCountry)
#include "tst_cli_country.moc"
