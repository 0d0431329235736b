// The mail server's settings on both engines: a round trip through the database, the
// password sealed (never in clear in the settings table), validation with nothing changed,
// the activity line (never the password), clear().
#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/net/MailSettings.h"
#include "core/profiles/ProviderSettings.h"

#include <QTemporaryDir>

using namespace sb;

namespace {

MailServer smtpServer()
{
    MailServer m;
    m.host = QStringLiteral("smtp.example.no");
    m.port = 587;
    m.security = MailServer::Security::StartTls;
    m.from = QStringLiteral("switchboard@example.no");
    m.user = QStringLiteral("switchboard");
    return m;
}

const QString kPassword = QStringLiteral("Très-s3cret pass");

} // namespace

class TestMailSettings : public QObject
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
    }

    void loopbackHosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("LOCALHOST") << QStringLiteral("LocalHost") << true;
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("127.8.9.10") << QStringLiteral("127.8.9.10") << true;
        QTest::newRow("::1") << QStringLiteral("::1") << true;
        QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
        QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
        QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
        QTest::newRow("name") << QStringLiteral("smtp.example.no") << false;
        QTest::newRow("localhost.example") << QStringLiteral("localhost.example.no") << false;
    }
    void loopbackHosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(MailSettings::isLoopbackHost(host), loopback);
    }

    void validation_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("security");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("problem"); // empty: valid
        const QString ok = QStringLiteral("a@example.no");
        QTest::newRow("valid") << QStringLiteral("smtp.example.no") << 587
                               << QStringLiteral("starttls") << ok << QString();
        QTest::newRow("ipv6") << QStringLiteral("2001:db8::1") << 465 << QStringLiteral("tls") << ok
                              << QString();
        QTest::newRow("none on loopback")
            << QStringLiteral("127.0.0.1") << 25 << QStringLiteral("none") << ok << QString();
        QTest::newRow("none elsewhere")
            << QStringLiteral("smtp.example.no") << 25 << QStringLiteral("none") << ok
            << QStringLiteral("only for a mail server on this machine");
        QTest::newRow("empty host")
            << QString() << 587 << QStringLiteral("starttls") << ok << QStringLiteral("host name");
        QTest::newRow("bad host") << QStringLiteral("smtp example.no") << 587
                                  << QStringLiteral("starttls") << ok
                                  << QStringLiteral("is not a mail server's host name");
        // RFC 1123 labels: at most 63 characters, letters and digits at both ends.
        QTest::newRow("label of 63")
            << QString(QString(63, QLatin1Char('a')) + QStringLiteral(".example.no")) << 587
            << QStringLiteral("starttls") << ok << QString();
        QTest::newRow("label of 64")
            << QString(QString(64, QLatin1Char('a')) + QStringLiteral(".example.no")) << 587
            << QStringLiteral("starttls") << ok
            << QStringLiteral("is not a mail server's host name");
        QTest::newRow("label ends with a hyphen")
            << QStringLiteral("smtp-.example.no") << 587 << QStringLiteral("starttls") << ok
            << QStringLiteral("is not a mail server's host name");
        QTest::newRow("label starts with a hyphen")
            << QStringLiteral("-smtp.example.no") << 587 << QStringLiteral("starttls") << ok
            << QStringLiteral("is not a mail server's host name");
        QTest::newRow("hyphen inside") << QStringLiteral("smtp-1.example.no") << 587
                                       << QStringLiteral("starttls") << ok << QString();
        QTest::newRow("sender domain ends with a hyphen")
            << QStringLiteral("smtp.example.no") << 587 << QStringLiteral("starttls")
            << QStringLiteral("a@example-.no") << QStringLiteral("is not an e-mail address");
        QTest::newRow("port 0") << QStringLiteral("smtp.example.no") << 0
                                << QStringLiteral("starttls") << ok
                                << QStringLiteral("from 1 to 65535");
        QTest::newRow("port 65536")
            << QStringLiteral("smtp.example.no") << 65536 << QStringLiteral("starttls") << ok
            << QStringLiteral("from 1 to 65535");
        QTest::newRow("no sender")
            << QStringLiteral("smtp.example.no") << 587 << QStringLiteral("starttls") << QString()
            << QStringLiteral("sender address");
        QTest::newRow("bad sender")
            << QStringLiteral("smtp.example.no") << 587 << QStringLiteral("starttls")
            << QStringLiteral("switchboard") << QStringLiteral("is not an e-mail address");
        QTest::newRow("sender with space")
            << QStringLiteral("smtp.example.no") << 587 << QStringLiteral("starttls")
            << QStringLiteral("a b@example.no") << QStringLiteral("is not an e-mail address");
    }

    // `settings mail test ADDRESS` sends to what validateAddress accepts, untrimmed: a line
    // break would go into the SMTP command. A pattern's $ also matches before a final line
    // break (found by tests/fuzz).
    void addressWithLineBreakRefused()
    {
        QVERIFY(MailSettings::validateAddress(QStringLiteral("it@example.no")).ok());
        const auto v = MailSettings::validateAddress(QStringLiteral("it@example.no\n"));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().kind, Error::Kind::Invalid);
        // \s is ASCII only: control characters and Unicode line breaks (tests/fuzz).
        QVERIFY(!MailSettings::validateAddress(QStringLiteral("it\u0085@example.no")).ok());
        QVERIFY(!MailSettings::validateAddress(QStringLiteral("i\u0006t@example.no")).ok());
        QVERIFY2(v.error().message.contains(QStringLiteral("is not an e-mail address")),
                 qPrintable(v.error().message));
    }
    void validation()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, security);
        QFETCH(QString, from);
        QFETCH(QString, problem);
        MailServer m;
        m.host = host;
        m.port = port;
        m.security = *MailServer::securityFromKey(security);
        m.from = from;
        const auto v = MailSettings::validate(m);
        if (problem.isEmpty()) {
            QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().message));
        } else {
            QVERIFY(!v.ok());
            QVERIFY2(v.error().message.contains(problem), qPrintable(v.error().message));
        }
    }

    void roundTripSealed_data() { sbt::addEngineRows(); }
    void roundTripSealed()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MailSettings settings(*e.ctx);
        auto none = settings.server();
        SB_VERIFY_OK(none);
        QVERIFY(!none->has_value());

        SB_VERIFY_OK(settings.save(smtpServer(), kPassword));
        auto back = settings.server();
        SB_VERIFY_OK(back);
        QVERIFY(back->has_value());
        QCOMPARE(**back, smtpServer());
        auto password = settings.password();
        SB_VERIFY_OK(password);
        QCOMPARE(*password, kPassword);

        // Never in clear: only a sealed token in the table.
        const QStringList all =
            sbt::rows(e.db(), QStringLiteral("SELECT key, value FROM settings"));
        for (const QString& row : all)
            QVERIFY2(!row.contains(QStringLiteral("s3cret")), qPrintable(row));
        QVERIFY(sbt::scalar(e.db(), QStringLiteral("SELECT value FROM settings WHERE key = "
                                                   "'mail.secret'"))
                    .toString()
                    .startsWith(QStringLiteral("v2:")));

        // Another copy of the program on the same database sees the same server.
        const ProviderSettings provider(*e.ctx);
        QCOMPARE(*provider.value(QStringLiteral("mail.host")), QStringLiteral("smtp.example.no"));
        QCOMPARE(*provider.value(QStringLiteral("mail.security")), QStringLiteral("starttls"));

        // One activity line, without the password.
        auto page = ActivityLog(*e.ctx).page(10);
        SB_VERIFY_OK(page);
        QCOMPARE(page->size(), 1);
        QCOMPARE(page->first().kind, ActivityKind::MailServerChanged);
        const QString line = ActivityLog::describe(page->first());
        QVERIFY2(line.contains(QStringLiteral("smtp.example.no")), qPrintable(line));
        QVERIFY(!line.contains(QStringLiteral("s3cret")));
        QVERIFY(!sbt::rows(e.db(), QStringLiteral("SELECT event_values FROM activity"))
                     .join(QString())
                     .contains(QStringLiteral("s3cret")));
    }

    void passwordKeptAndResealed_data() { sbt::addEngineRows(); }
    void passwordKeptAndResealed()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MailSettings settings(*e.ctx);
        SB_VERIFY_OK(settings.save(smtpServer(), kPassword));
        // No password given: the stored one stays, even for another host (sealed again for it).
        MailServer moved = smtpServer();
        moved.host = QStringLiteral("mail.example.no");
        moved.port = 465;
        moved.security = MailServer::Security::Tls;
        SB_VERIFY_OK(settings.save(moved));
        QCOMPARE(**settings.server(), moved);
        QCOMPARE(*settings.password(), kPassword);
        // A sealed token copied from elsewhere does not open for another host: it is bound.
        SB_VERIFY_OK(settings.save(moved, QStringLiteral("new pass")));
        QCOMPARE(*settings.password(), QStringLiteral("new pass"));
        // Without a user: no password at all.
        MailServer local;
        local.host = QStringLiteral("localhost");
        local.port = 25;
        local.security = MailServer::Security::None;
        local.from = QStringLiteral("switchboard@localhost");
        SB_VERIFY_OK(settings.save(local));
        QCOMPARE(*settings.password(), QString());
        QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT value FROM settings WHERE key = "
                                                    "'mail.secret'"))
                     .toString(),
                 QString());
    }

    void refusalsChangeNothing_data() { sbt::addEngineRows(); }
    void refusalsChangeNothing()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MailSettings settings(*e.ctx);
        SB_VERIFY_OK(settings.save(smtpServer(), kPassword));
        const auto before = sbt::snapshot(e.db());
        const QString sql = QStringLiteral("SELECT key, value FROM settings ORDER BY key");
        const QStringList rows = sbt::rows(e.db(), sql);
        MailServer none = smtpServer();
        none.security = MailServer::Security::None;
        MailServer port = smtpServer();
        port.port = 70000;
        MailServer from = smtpServer();
        from.from = QStringLiteral("not an address");
        for (const MailServer& bad : {none, port, from}) {
            auto r = settings.save(bad, QStringLiteral("other"));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Error::Kind::Invalid);
            QCOMPARE(sbt::snapshot(e.db()), before);
            QCOMPARE(sbt::rows(e.db(), sql), rows);
        }
    }

    void userWithoutPasswordRefused_data() { sbt::addEngineRows(); }
    void userWithoutPasswordRefused()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MailSettings settings(*e.ctx);
        const auto before = sbt::snapshot(e.db());
        auto r = settings.save(smtpServer());
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("password of switchboard")),
                 qPrintable(r.error().message));
        QCOMPARE(sbt::snapshot(e.db()), before);
        QVERIFY(!settings.server()->has_value());
    }

    void clear_data() { sbt::addEngineRows(); }
    void clear()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MailSettings settings(*e.ctx);
        SB_VERIFY_OK(settings.save(smtpServer(), kPassword));
        SB_VERIFY_OK(settings.clear());
        QVERIFY(!settings.server()->has_value());
        QCOMPARE(sbt::count(e.db(), QStringLiteral("settings WHERE key LIKE 'mail.%'")), 0);
        auto page = ActivityLog(*e.ctx).page(10);
        SB_VERIFY_OK(page);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->first().kind, ActivityKind::MailServerRemoved);
        // Clearing nothing writes nothing.
        SB_VERIFY_OK(settings.clear());
        QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 2);
    }
};

QTEST_GUILESS_MAIN(TestMailSettings)
#include "tst_mailsettings.moc"
