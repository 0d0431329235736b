// Credentials by e-mail on both engines, through a real SMTP server on loopback: the message
// carries the username, password, servers and PBX configuration; the activity line comes
// only once the server accepted it; each refusal (no mail server, no e-mail, IP profile,
// unknown profile) and a failed send change nothing.
#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/net/CredentialsMail.h"
#include "core/net/MailSender.h"
#include "core/net/MailSettings.h"
#include "core/profiles/PbxConfig.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "tests/support/SmtpServer.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTranslator>

#include <optional>

using namespace sb;
using sb::test::SmtpServer;

namespace {

MailServer loopback(int port)
{
    MailServer m;
    m.host = QStringLiteral("127.0.0.1");
    m.port = port;
    m.security = MailServer::Security::None;
    m.from = QStringLiteral("switchboard@example.no");
    m.user = QStringLiteral("mailer");
    return m;
}

const QString kMailPassword = QStringLiteral("mail-pass");

// A company with money, a registration profile with an e-mail, one without, an IP one.
void setUp(const Context& ctx)
{
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("T")).ok());
    const ProfileService profiles(ctx);
    NewSipProfile reg;
    reg.name = QStringLiteral("Oslo Salg");
    reg.email = QStringLiteral("it@example.no");
    SB_VERIFY_OK(profiles.create(reg));
    NewSipProfile noMail;
    noMail.name = QStringLiteral("Bergen");
    SB_VERIFY_OK(profiles.create(noMail));
    NewSipProfile ip;
    ip.name = QStringLiteral("Trondheim");
    ip.email = QStringLiteral("pbx@example.no");
    ip.auth = SipProfile::Auth::Ip;
    ip.ip = QStringLiteral("8.8.4.4");
    SB_VERIFY_OK(profiles.create(ip));
    SB_VERIFY_OK(ProviderSettings(ctx).setSipServers(
        {QStringLiteral("sip1.example.net:5060"), QStringLiteral("sip2.example.net:5080")}));
}

// The admin's language, as the window installs it: here a catalogue of two Polish sentences.
class Polish : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "sb::CredentialsMail") != 0)
            return {};
        if (QByteArray(source).startsWith("Credentials of the SIP profile"))
            return QString::fromUtf8("Dane logowania profilu SIP %1 – żółć");
        if (QByteArray(source).startsWith("Hello,"))
            return QString::fromUtf8("Dzień dobry,\n\nprofil %1\nużytkownik: %2\nhasło: %3\n"
                                     "serwery:\n%4\n\n%5\n");
        return {};
    }
};

qint64 credentialLines(const Database& db)
{
    return sbt::count(db, QStringLiteral("activity WHERE action = 'profile.credentialsSent'"));
}

} // namespace

class TestMailSender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_keys;

private slots:
    void initTestCase()
    {
        SB_REQUIRE_PG_IF_ASKED();
        qputenv("SWITCHBOARD_SECRET_KEY_FILE",
                m_keys.filePath(QStringLiteral("secrets.key")).toLocal8Bit());
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
        // scripts/deps.sh installs the server: missing, it is a failure, never a skip.
        const QString why = SmtpServer::unavailable();
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    void sendsCredentials_data() { sbt::addEngineRows(); }
    void sendsCredentials()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        setUp(*e.ctx);
        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        SB_VERIFY_OK(MailSettings(*e.ctx).save(loopback(server.port()), kMailPassword));

        MailSender sender(*e.ctx);
        auto sent = sender.sendCredentials(QStringLiteral("Oslo Salg"));
        SB_VERIFY_OK(sent);
        QCOMPARE(*sent, QStringLiteral("it@example.no"));

        const auto got = server.messages();
        QCOMPARE(got.size(), 1);
        const QJsonObject r = got.first();
        QCOMPARE(r.value(QStringLiteral("rcptTos")).toArray().first().toString(),
                 QStringLiteral("it@example.no"));
        QCOMPARE(r.value(QStringLiteral("to")).toString(), QStringLiteral("it@example.no"));
        QCOMPARE(r.value(QStringLiteral("from")).toString(),
                 QStringLiteral("switchboard@example.no"));
        // Dated by the injected clock.
        QCOMPARE(r.value(QStringLiteral("date")).toString(),
                 QStringLiteral("Tue, 10 Mar 2026 12:00:00 +0000"));
        const ProfileService profiles(*e.ctx);
        auto p = profiles.find(QStringLiteral("Oslo Salg"));
        auto c = profiles.credentials(QStringLiteral("Oslo Salg"));
        SB_VERIFY_OK(c);
        QCOMPARE(r.value(QStringLiteral("subject")).toString(), CredentialsMail::subject(*p));
        const QString body = r.value(QStringLiteral("body")).toString();
        QVERIFY(body.contains(QStringLiteral("SIP username: ") + c->username));
        QVERIFY(body.contains(QStringLiteral("SIP password: ") + c->password));
        QVERIFY(body.contains(QStringLiteral("sip1.example.net:5060")));
        QVERIFY(body.contains(QStringLiteral("sip2.example.net:5080")));
        QVERIFY(body.contains(PbxConfig::asterisk(*p, c->servers, c->password).trimmed()));

        // The activity line: the address, never the password.
        QCOMPARE(credentialLines(e.db()), 1);
        auto page = ActivityLog(*e.ctx).page(1);
        SB_VERIFY_OK(page);
        QCOMPARE(page->first().kind, ActivityKind::CredentialsSent);
        const QString line = ActivityLog::describe(page->first());
        QCOMPARE(line, QStringLiteral("Sent the credentials of SIP profile Oslo Salg to "
                                      "it@example.no"));
        QVERIFY(!sbt::rows(e.db(), QStringLiteral("SELECT event_values, search_key FROM activity"))
                     .join(QString())
                     .contains(c->password));
    }

    void inTheAdminsLanguage_data() { sbt::addEngineRows(); }
    void inTheAdminsLanguage()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        setUp(*e.ctx);
        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        SB_VERIFY_OK(MailSettings(*e.ctx).save(loopback(server.port()), kMailPassword));
        Polish polish;
        QCoreApplication::installTranslator(&polish);
        MailSender sender(*e.ctx);
        auto sent = sender.sendCredentials(QStringLiteral("Oslo Salg"));
        QCoreApplication::removeTranslator(&polish);
        SB_VERIFY_OK(sent);
        QCOMPARE(server.messages().size(), 1);
        const QJsonObject r = server.messages().first();
        QCOMPARE(r.value(QStringLiteral("subject")).toString(),
                 QString::fromUtf8("Dane logowania profilu SIP Oslo Salg – żółć"));
        auto c = ProfileService(*e.ctx).credentials(QStringLiteral("Oslo Salg"));
        SB_VERIFY_OK(c);
        const QString body = r.value(QStringLiteral("body")).toString();
        QVERIFY2(body.startsWith(QString::fromUtf8("Dzień dobry,\n\nprofil Oslo Salg\n")),
                 qPrintable(body));
        QVERIFY(body.contains(QString::fromUtf8("hasło: ") + c->password));
    }

    void testMessageBeforeSaving_data() { sbt::addEngineRows(); }
    void testMessageBeforeSaving()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        const auto before = sbt::snapshot(e.db());
        MailSender sender(*e.ctx);
        QSignalSpy spy(&sender, &MailSender::finished);
        SB_VERIFY_OK(sender.startTestMessage(QStringLiteral("admin@example.no"),
                                             loopback(server.port()), kMailPassword));
        QVERIFY(spy.wait(30000));
        QCOMPARE(server.messages().size(), 1);
        // Nothing saved by a test.
        QVERIFY(!MailSettings(*e.ctx).server()->has_value());
        QCOMPARE(sbt::snapshot(e.db()), before);
        // Settings that cannot be saved cannot be tried either.
        MailServer remote = loopback(server.port());
        remote.host = QStringLiteral("smtp.example.no");
        QVERIFY(!sender.startTestMessage(QStringLiteral("admin@example.no"), remote, kMailPassword)
                     .ok());
    }

    void asynchronousTestMessage_data() { sbt::addEngineRows(); }
    void asynchronousTestMessage()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        SB_VERIFY_OK(MailSettings(*e.ctx).save(loopback(server.port()), kMailPassword));
        const auto before = sbt::snapshot(e.db());
        MailSender sender(*e.ctx);
        QSignalSpy spy(&sender, &MailSender::finished);
        std::optional<Result<QString>> result;
        connect(&sender, &MailSender::finished, this,
                [&](const Result<QString>& r) { result = r; });
        auto started = sender.startTestMessage(QStringLiteral("admin@example.no"));
        SB_VERIFY_OK(started);
        QVERIFY(sender.isBusy());
        QVERIFY(spy.wait(30000));
        QVERIFY(result && result->ok());
        QCOMPARE(**result, QStringLiteral("admin@example.no"));
        QCOMPARE(server.messages().size(), 1);
        QCOMPARE(server.messages().first().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Switchboard test message"));
        // A test message is no event of the books.
        QCOMPARE(sbt::snapshot(e.db()), before);
    }

    void refusals_data() { sbt::addEngineRows(); }
    void refusals()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        setUp(*e.ctx);
        MailSender sender(*e.ctx);
        const auto before = sbt::snapshot(e.db());
        const auto refused = [&](const QString& profile, const QString& words) {
            auto r = sender.sendCredentials(profile);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(words), qPrintable(r.error().message));
            QCOMPARE(sbt::snapshot(e.db()), before);
            QVERIFY(!sender.isBusy());
        };
        refused(QStringLiteral("Oslo Salg"), QStringLiteral("No mail server is set"));
        QVERIFY(!sender.sendTestMessage(QStringLiteral("a@example.no")).ok());

        SmtpServer server(SmtpServer::Mode::Accept, QStringLiteral("mailer"), kMailPassword);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        SB_VERIFY_OK(MailSettings(*e.ctx).save(loopback(server.port()), kMailPassword));
        const auto configured = sbt::snapshot(e.db());
        const auto refusedNow = [&](const QString& profile, const QString& words) {
            auto r = sender.sendCredentials(profile);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(words), qPrintable(r.error().message));
            QCOMPARE(sbt::snapshot(e.db()), configured);
        };
        refusedNow(QStringLiteral("Bergen"), QStringLiteral("has no e-mail address"));
        refusedNow(QStringLiteral("Trondheim"), QStringLiteral("authenticates by its IP address"));
        refusedNow(QStringLiteral("Nowhere"), QStringLiteral("Nowhere"));
        QVERIFY(!sender.sendTestMessage(QStringLiteral("not an address")).ok());
        QVERIFY(server.messages().isEmpty());
    }

    void failedSendChangesNothing_data() { sbt::addEngineRows(); }
    void failedSendChangesNothing()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        setUp(*e.ctx);
        SmtpServer server(SmtpServer::Mode::RefuseLogin);
        QVERIFY2(server.ok(), qPrintable(server.problem()));
        SB_VERIFY_OK(MailSettings(*e.ctx).save(loopback(server.port()), QStringLiteral("wrong")));
        const auto before = sbt::snapshot(e.db());
        MailSender sender(*e.ctx);
        auto r = sender.sendCredentials(QStringLiteral("Oslo Salg"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("refused the login")),
                 qPrintable(r.error().message));
        QCOMPARE(sbt::snapshot(e.db()), before);
        QCOMPARE(credentialLines(e.db()), 0);
        // The profile is whole: its password can still be shown.
        SB_VERIFY_OK(ProfileService(*e.ctx).credentials(QStringLiteral("Oslo Salg")));
    }
};

QTEST_GUILESS_MAIN(TestMailSender)
#include "tst_mailsender.moc"
