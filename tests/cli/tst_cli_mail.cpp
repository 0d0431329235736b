// switchboardctl and the mail, as a process on SQLite and PostgreSQL against a real SMTP
// server on loopback (Debian's aiosmtpd): settings show|sip-servers|mail, the password read
// from standard input and never printed or stored in clear, settings mail test, profile
// send-credentials, profile create mailing the credentials (and standing when the mail
// fails), and the refusals: no mail server, no e-mail, IP profile, unknown profile.
#include "tests/support/CoreTest.h"
#include "tests/support/CtlRunner.h"
#include "tests/support/SmtpServer.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

const QString kMailPassword = QStringLiteral("Zq9-mail-secret-Xy");

} // namespace

class TestCliMail : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }
    CtlResult ctlJson(const QStringList& args)
    {
        return m_ctl->run(QStringList{s("--json")} + args);
    }
    // With `input` on standard input (the password).
    CtlResult ctlInput(const QStringList& args, const QByteArray& input)
    {
        QProcess p;
        p.setProcessEnvironment(CtlRunner::environment());
        p.start(CtlRunner::program(),
                QStringList{s("--database"), m_db->spec(), s("--json")} + args);
        CtlResult r;
        if (!p.waitForStarted(30000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    static void verifyRefused(const CtlResult& r, const QString& words)
    {
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(r.err.contains(words), qPrintable(r.err));
    }
    // `settings mail` for the server on `port`, logging in as "mailer".
    CtlResult setMail(int port, const QByteArray& password = kMailPassword.toUtf8() + '\n')
    {
        return ctlInput({s("settings"), s("mail"), s("--host"), s("127.0.0.1"), s("--port"),
                         QString::number(port), s("--security"), s("none"), s("--from"),
                         s("switchboard@example.no"), s("--user"), s("mailer"),
                         s("--password-stdin")},
                        password);
    }
    QStringList activityKinds()
    {
        QStringList kinds;
        const CtlResult r = ctlJson({s("activity")});
        for (const QJsonValue& v : r.json().value(s("activity")).toArray())
            kinds << v.toObject().value(s("kind")).toString();
        return kinds;
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
        // scripts/deps.sh installs the server: missing, it is a failure, never a skip.
        const QString why = SmtpServer::unavailable();
        QVERIFY2(why.isEmpty(), qPrintable(why));
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

    void settingsShowAndSipServers()
    {
        CtlResult r = ctlJson({s("settings"), s("show")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("sipServers")).toArray().size(), 2);
        QVERIFY(r.json().value(s("mail")).isNull());

        r = ctlJson({s("settings"), s("sip-servers"), s("sip1.example.net:5060,sip2.example.net")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = ctlJson({s("settings"), s("show")});
        QCOMPARE(r.json().value(s("sipServers")).toArray(),
                 QJsonArray({s("sip1.example.net:5060"), s("sip2.example.net")}));

        // A bad server: refused, nothing changed.
        verifyRefused(ctl({s("settings"), s("sip-servers"), s("ok.example.net,bad host:99999")}),
                      s("bad host"));
        QCOMPARE(ctlJson({s("settings"), s("show")}).json().value(s("sipServers")).toArray().size(),
                 2);
        QCOMPARE(ctl({s("settings"), s("sip-servers")}).exitCode, 2);
        QCOMPARE(ctl({s("settings"), s("nonsense")}).exitCode, 2);
    }

    void mailServerAndTestMessage()
    {
        SmtpServer server(SmtpServer::Mode::Accept, s("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        CtlResult r = setMail(server.port());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(kMailPassword) && !r.err.contains(kMailPassword));

        r = ctlJson({s("settings"), s("show")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject mail = r.json().value(s("mail")).toObject();
        QCOMPARE(mail.value(s("host")).toString(), s("127.0.0.1"));
        QCOMPARE(mail.value(s("port")).toInt(), server.port());
        QCOMPARE(mail.value(s("security")).toString(), s("none"));
        QCOMPARE(mail.value(s("from")).toString(), s("switchboard@example.no"));
        QCOMPARE(mail.value(s("user")).toString(), s("mailer"));
        QVERIFY(!r.out.contains(kMailPassword));

        // Sealed in the database, never in clear.
        sbt::RawConnection raw(m_db->spec());
        QVERIFY(raw.ok());
        QSqlQuery q(raw.db());
        QVERIFY(q.exec(s("SELECT key, value FROM settings")));
        while (q.next())
            QVERIFY2(!q.value(1).toString().contains(s("mail-secret")),
                     qPrintable(q.value(0).toString()));

        r = ctlJson({s("settings"), s("mail"), s("test"), s("admin@example.no")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json(), QJsonObject({{s("sentTo"), s("admin@example.no")}}));
        QCOMPARE(server.messages().size(), 1);
        QCOMPARE(server.messages().first().value(s("authLogin")).toString(), s("mailer"));
        QVERIFY(activityKinds().contains(s("mail.server")));
    }

    void mailRefusals()
    {
        // "none" only for a loopback host.
        CtlResult r =
            ctlInput({s("settings"), s("mail"), s("--host"), s("smtp.example.no"), s("--port"),
                      s("25"), s("--security"), s("none"), s("--from"), s("a@example.no")},
                     {});
        verifyRefused(r, s("only for a mail server on this machine"));
        QVERIFY(ctlJson({s("settings"), s("show")}).json().value(s("mail")).isNull());
        // No password on standard input.
        verifyRefused(setMail(2525, {}), s("no password"));
        QCOMPARE(ctl({s("settings"), s("mail"), s("--host"), s("x.example.no")}).exitCode, 2);
        QCOMPARE(ctlInput({s("settings"), s("mail"), s("--host"), s("x.example.no"), s("--from"),
                           s("a@example.no"), s("--password-stdin")},
                          "pw\n")
                     .exitCode,
                 2);
        // No mail server for a test message.
        verifyRefused(ctl({s("settings"), s("mail"), s("test"), s("a@example.no")}),
                      s("No mail server is set"));

        // The server's reason when it refuses.
        SmtpServer refusing(SmtpServer::Mode::RefuseLogin);
        QVERIFY2(refusing.ok(), qPrintable(refusing.problem()));
        QCOMPARE(setMail(refusing.port()).exitCode, 0);
        r = ctl({s("settings"), s("mail"), s("test"), s("a@example.no")});
        verifyRefused(r, s("535"));
        QVERIFY(r.err.contains(s("refused the login of mailer")));
        QVERIFY(!r.err.contains(kMailPassword));

        // Cleared: none again.
        QCOMPARE(ctl({s("settings"), s("mail"), s("clear")}).exitCode, 0);
        QVERIFY(ctlJson({s("settings"), s("show")}).json().value(s("mail")).isNull());
    }

    void sendCredentials()
    {
        SmtpServer server(SmtpServer::Mode::Accept, s("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        QCOMPARE(ctl({s("topup"), s("1000")}).exitCode, 0);

        // Refused before a mail server is set; the profile is created all the same.
        CtlResult r =
            ctlJson({s("profile"), s("create"), s("Oslo"), s("--email"), s("it@example.no")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.json().value(s("credentialsSentTo")).isNull());
        QVERIFY(!r.json().contains(s("credentialsProblem")));
        verifyRefused(ctl({s("profile"), s("send-credentials"), s("Oslo")}),
                      s("No mail server is set"));

        QCOMPARE(setMail(server.port()).exitCode, 0);
        // Created with an e-mail: the credentials go at once.
        r = ctlJson({s("profile"), s("create"), s("Bergen"), s("--email"), s("pbx@example.no")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().value(s("credentialsSentTo")).toString(), s("pbx@example.no"));
        QCOMPARE(server.messages().size(), 1);
        const CtlResult c = ctlJson({s("profile"), s("credentials"), s("Bergen")});
        const QString password = c.json().value(s("password")).toString();
        QVERIFY(!password.isEmpty());
        const QString body = server.messages().first().value(s("body")).toString();
        QVERIFY(body.contains(password));
        QVERIFY(body.contains(c.json().value(s("username")).toString()));

        // Again, on demand.
        r = ctlJson({s("profile"), s("send-credentials"), s("Oslo")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json(), QJsonObject({{s("sentTo"), s("it@example.no")}}));
        QCOMPARE(server.messages().size(), 2);
        QCOMPARE(server.messages().last().value(s("rcptTos")).toArray().first().toString(),
                 s("it@example.no"));
        QCOMPARE(activityKinds().count(s("profile.credentialsSent")), 2);
        const CtlResult log = ctl({s("activity")});
        QVERIFY(log.out.contains(s("Sent the credentials of SIP profile Oslo to it@example.no")));
        QVERIFY(!log.out.contains(password));

        // Refusals: no e-mail, IP authentication, unknown profile; nothing sent.
        QCOMPARE(ctl({s("profile"), s("create"), s("Tromso")}).exitCode, 0);
        QCOMPARE(ctl({s("profile"), s("create"), s("Trondheim"), s("--ip"), s("8.8.4.4"),
                      s("--email"), s("pbx@example.no")})
                     .exitCode,
                 0);
        verifyRefused(ctl({s("profile"), s("send-credentials"), s("Tromso")}),
                      s("has no e-mail address"));
        verifyRefused(ctl({s("profile"), s("send-credentials"), s("Trondheim")}),
                      s("authenticates by its IP address"));
        verifyRefused(ctl({s("profile"), s("send-credentials"), s("Nowhere")}), s("Nowhere"));
        QCOMPARE(ctl({s("profile"), s("send-credentials")}).exitCode, 2);
        QCOMPARE(server.messages().size(), 2);
        QCOMPARE(activityKinds().count(s("profile.credentialsSent")), 2);
    }

    void createStandsWhenTheMailFails()
    {
        QCOMPARE(ctl({s("topup"), s("1000")}).exitCode, 0);
        const int port = SmtpServer::closedPort();
        QCOMPARE(setMail(port).exitCode, 0);
        CtlResult r =
            ctlJson({s("profile"), s("create"), s("Oslo"), s("--email"), s("it@example.no")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json().value(s("credentialsSentTo")).isNull());
        QVERIFY2(r.json()
                     .value(s("credentialsProblem"))
                     .toString()
                     .contains(s("127.0.0.1:%1 refused the connection").arg(port)),
                 qPrintable(r.out));
        QCOMPARE(ctlJson({s("profile"), s("show"), s("Oslo")}).exitCode, 0);
        QCOMPARE(ctlJson({s("profile"), s("credentials"), s("Oslo")}).exitCode, 0);
        QVERIFY(!activityKinds().contains(s("profile.credentialsSent")));
        // In text mode the profile is reported and the mail's problem goes to stderr.
        r = ctl({s("profile"), s("create"), s("Bergen"), s("--email"), s("it@example.no")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains(s("The credentials were not sent")));
    }
};

QTEST_GUILESS_MAIN(TestCliMail)
#include "tst_cli_mail.moc"
