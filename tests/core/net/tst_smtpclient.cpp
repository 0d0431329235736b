// The SMTP client against a real server on loopback (Debian's aiosmtpd, started per test):
// the message arrives whole and decodes, AUTH PLAIN and LOGIN, STARTTLS and implicit TLS
// with a certificate made here, and each failure (refused login, dropped connection, closed
// port, silence, untrusted certificate, no STARTTLS) gives its message naming the server.
#include "core/net/MailMessage.h"
#include "core/net/SmtpClient.h"
#include "tests/support/SmtpServer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sb;
using sb::test::SmtpServer;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

MailServer loopback(int port, const QString& user = {},
                    MailServer::Security security = MailServer::Security::None)
{
    MailServer m;
    m.host = QStringLiteral("127.0.0.1");
    m.port = port;
    m.security = security;
    m.from = QStringLiteral("switchboard@example.no");
    m.user = user;
    return m;
}

MailMessage sample(const QString& to = QStringLiteral("it@example.no"))
{
    MailMessage m;
    m.from = QStringLiteral("switchboard@example.no");
    m.to = to;
    m.subject = s("Passord for Bjørn i Łódź – café");
    m.body = s(".a line that starts with a dot\n..and one with two\nø ł é\n.\nend");
    m.date = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    return m;
}

#define NEED_SERVER(server)                                                                        \
    do {                                                                                           \
        if (!(server).ok())                                                                        \
            QFAIL(qPrintable(QStringLiteral("the SMTP server did not start: ") +                   \
                             (server).problem()));                                                 \
    } while (0)

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_certs;
    bool m_haveCert = false;

private slots:
    void initTestCase()
    {
        // scripts/deps.sh installs the server: missing, it is a failure, never a skip.
        const QString why = SmtpServer::unavailable();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_haveCert = SmtpServer::makeCertificate(m_certs.path());
    }

    void dotStuffing()
    {
        QCOMPARE(SmtpClient::dotStuffed("a\r\n.b\n..c\r\nd"),
                 QByteArray("a\r\n..b\r\n...c\r\nd\r\n.\r\n"));
        QCOMPARE(SmtpClient::dotStuffed(".\r\n"), QByteArray("..\r\n.\r\n"));
    }

    void arrivesWholeAndDecodes_data()
    {
        QTest::addColumn<QString>("exclude");
        QTest::addColumn<QString>("mechanism");
        QTest::newRow("AUTH PLAIN") << QString() << QStringLiteral("PLAIN");
        QTest::newRow("AUTH LOGIN") << QStringLiteral("PLAIN") << QStringLiteral("LOGIN");
    }
    void arrivesWholeAndDecodes()
    {
        QFETCH(QString, exclude);
        QFETCH(QString, mechanism);
        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), s("sëcret pass"), {},
                          exclude);
        NEED_SERVER(server);
        SmtpClient client;
        const MailMessage m = sample();
        const QByteArray bytes = m.toBytes();
        const auto sent = client.sendAndWait(loopback(server.port(), QStringLiteral("mailer")),
                                             s("sëcret pass"), m.to, bytes);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        const auto got = server.messages();
        QCOMPARE(got.size(), 1);
        const QJsonObject r = got.first();
        QCOMPARE(r.value(QStringLiteral("authMechanism")).toString(), mechanism);
        QCOMPARE(r.value(QStringLiteral("authLogin")).toString(), QStringLiteral("mailer"));
        QCOMPARE(r.value(QStringLiteral("mailFrom")).toString(),
                 QStringLiteral("switchboard@example.no"));
        QCOMPARE(r.value(QStringLiteral("rcptTos")).toArray().first().toString(),
                 QStringLiteral("it@example.no"));
        QCOMPARE(r.value(QStringLiteral("subject")).toString(), m.subject);
        QCOMPARE(r.value(QStringLiteral("body")).toString(), m.body + QLatin1Char('\n'));
        QCOMPARE(r.value(QStringLiteral("charset")).toString(), QStringLiteral("utf-8"));
        QCOMPARE(r.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/plain"));
        QCOMPARE(r.value(QStringLiteral("date")).toString(),
                 QStringLiteral("Tue, 10 Mar 2026 12:00:00 +0000"));
        QVERIFY(r.value(QStringLiteral("defects")).toArray().isEmpty());
        // Byte for byte what was sent: the server undid the dot-stuffing.
        QCOMPARE(SmtpServer::raw(r), bytes);
    }

    void withoutLogin()
    {
        SmtpServer server(SmtpServer::Mode::Accept);
        NEED_SERVER(server);
        SmtpClient client;
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(loopback(server.port()), {}, m.to, m.toBytes());
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        QCOMPARE(server.messages().size(), 1);
        QVERIFY(server.messages().first().value(QStringLiteral("authMechanism")).isNull());
    }

    void asynchronous()
    {
        SmtpServer server(SmtpServer::Mode::Accept);
        NEED_SERVER(server);
        SmtpClient client;
        QSignalSpy spy(&client, &SmtpClient::finished);
        std::optional<Result<void>> result;
        connect(&client, &SmtpClient::finished, this, [&](const Result<void>& r) { result = r; });
        const MailMessage m = sample();
        client.send(loopback(server.port()), {}, m.to, m.toBytes());
        // send() returns before anything is said on the wire.
        QVERIFY(client.isBusy());
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(30000));
        QCOMPARE(spy.count(), 1);
        QVERIFY(result && result->ok());
        QVERIFY(!client.isBusy());
        QCOMPARE(server.messages().size(), 1);
    }

    void refusedLogin()
    {
        SmtpServer server(SmtpServer::Mode::RefuseLogin);
        NEED_SERVER(server);
        SmtpClient client;
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(loopback(server.port(), QStringLiteral("mailer")),
                                             QStringLiteral("wrong"), m.to, m.toBytes());
        QVERIFY(!sent.ok());
        const QString msg = sent.error().message;
        QVERIFY2(msg.contains(QStringLiteral("refused the login of mailer")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("535")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())), qPrintable(msg));
        QVERIFY(!msg.contains(QStringLiteral("wrong")));
        QVERIFY(server.messages().isEmpty());
    }

    void droppedConnection_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("after the greeting") << int(SmtpServer::Mode::DropAfterGreeting);
        QTest::newRow("mid-dialogue") << int(SmtpServer::Mode::Drop);
    }
    void droppedConnection()
    {
        QFETCH(int, mode);
        SmtpServer server{SmtpServer::Mode(mode)};
        NEED_SERVER(server);
        SmtpClient client;
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(loopback(server.port()), {}, m.to, m.toBytes());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(
                     QStringLiteral("127.0.0.1:%1 closed the connection").arg(server.port())),
                 qPrintable(sent.error().message));
    }

    void closedPort()
    {
        const int port = SmtpServer::closedPort();
        SmtpClient client;
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(loopback(port), {}, m.to, m.toBytes());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(
                     QStringLiteral("127.0.0.1:%1 refused the connection").arg(port)),
                 qPrintable(sent.error().message));
    }

    void silentServerTimesOut()
    {
        SmtpServer server(SmtpServer::Mode::Silent);
        NEED_SERVER(server);
        SmtpClient client;
        client.setReplyTimeout(300);
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(loopback(server.port()), {}, m.to, m.toBytes());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(QStringLiteral("stopped answering")),
                 qPrintable(sent.error().message));
        QVERIFY2(sent.error().message.contains(QStringLiteral("0.3 s")),
                 qPrintable(sent.error().message));
    }

    void noneRefusedForRemoteHost()
    {
        SmtpClient client;
        MailServer remote = loopback(25, QStringLiteral("mailer"));
        remote.host = QStringLiteral("smtp.example.no");
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(remote, QStringLiteral("pw"), m.to, m.toBytes());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(QStringLiteral("only for a mail server on this "
                                                              "machine")),
                 qPrintable(sent.error().message));
        QVERIFY(!client.isBusy());
    }

    void startTlsNotOffered()
    {
        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), QStringLiteral("pw"));
        NEED_SERVER(server);
        SmtpClient client;
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(
            loopback(server.port(), QStringLiteral("mailer"), MailServer::Security::StartTls),
            QStringLiteral("pw"), m.to, m.toBytes());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(QStringLiteral("does not offer STARTTLS")),
                 qPrintable(sent.error().message));
        QVERIFY(server.messages().isEmpty());
    }

    void startTlsWithTrustedCertificate_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("STARTTLS") << int(MailServer::Security::StartTls);
        QTest::newRow("implicit TLS") << int(MailServer::Security::Tls);
    }
    void startTlsWithTrustedCertificate()
    {
        QFETCH(int, security);
        if (!m_haveCert)
            QFAIL(
                "openssl made no certificate for the TLS case (scripts/deps.sh installs openssl)");
        const auto sec = MailServer::Security(security);
        SmtpServer server(sec == MailServer::Security::Tls ? SmtpServer::Mode::Tls
                                                           : SmtpServer::Mode::StartTls,
                          QStringLiteral("mailer"), QStringLiteral("pw"), m_certs.path());
        NEED_SERVER(server);
        SmtpClient client;
        client.setCaCertificates(SmtpServer::certificates(m_certs.path()));
        MailServer ms = loopback(server.port(), QStringLiteral("mailer"), sec);
        ms.host = QStringLiteral("localhost");
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(ms, QStringLiteral("pw"), m.to, m.toBytes());
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        QCOMPARE(server.messages().size(), 1);
        QVERIFY(server.messages().first().value(QStringLiteral("tls")).toBool());
        QCOMPARE(server.messages().first().value(QStringLiteral("subject")).toString(), m.subject);
    }

    void untrustedCertificate()
    {
        if (!m_haveCert)
            QFAIL(
                "openssl made no certificate for the TLS case (scripts/deps.sh installs openssl)");
        SmtpServer server(SmtpServer::Mode::StartTls, QStringLiteral("mailer"),
                          QStringLiteral("pw"), m_certs.path());
        NEED_SERVER(server);
        SmtpClient client; // the self-signed certificate is not among its authorities
        MailServer ms =
            loopback(server.port(), QStringLiteral("mailer"), MailServer::Security::StartTls);
        ms.host = QStringLiteral("localhost");
        const MailMessage m = sample();
        const auto sent = client.sendAndWait(ms, QStringLiteral("pw"), m.to, m.toBytes());
        QVERIFY(!sent.ok());
        const QString msg = sent.error().message;
        QVERIFY2(
            msg.contains(
                QStringLiteral("certificate of the mail server localhost:%1").arg(server.port())),
            qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("self signed"), Qt::CaseInsensitive) ||
                     msg.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive),
                 qPrintable(msg));
        QVERIFY(server.messages().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
