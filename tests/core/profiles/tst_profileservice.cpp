// SIP profiles: creation (registration or IP), country, channels, credit, rename, linking accounts
// for incoming calls, deletion with its consequences, channel renewals — on both engines.
#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/calls/CallHistory.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/PbxConfig.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Transaction.h"
#include "tests/support/SecretFixtures.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>

using namespace sb;

namespace {
QStringList profileRows(const Database& db)
{
    return sbt::rows(db, QStringLiteral("SELECT name, department, auth, ip, port, channels, "
                                        "channels_expires, channels_lapsed"
                                        " FROM profiles ORDER BY id")) +
           sbt::rows(db, QStringLiteral("SELECT member_id, profile_id, extension FROM "
                                        "profile_links ORDER BY member_id")) +
           sbt::rows(db,
                     QStringLiteral(
                         "SELECT e164, member_id, profile_id, status FROM numbers ORDER BY e164"));
}

NewSipProfile registration(const QString& name, int channels = 1)
{
    NewSipProfile p;
    p.name = name;
    p.channels = channels;
    p.department = QStringLiteral("Sales");
    return p;
}

NewSipProfile ipAuth(const QString& name, const QString& ip, int port = 5060)
{
    NewSipProfile p;
    p.name = name;
    p.auth = SipProfile::Auth::Ip;
    p.ip = ip;
    p.port = port;
    return p;
}
} // namespace

class TestProfileService : public QObject
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

    void ipAddresses_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("warning");
        QTest::newRow("public") << QStringLiteral("8.8.4.4") << true << QString();
        QTest::newRow("private 10")
            << QStringLiteral("10.1.2.3") << true << QStringLiteral("private");
        QTest::newRow("private 172")
            << QStringLiteral("172.20.0.5") << true << QStringLiteral("private");
        QTest::newRow("private 192")
            << QStringLiteral("192.168.1.10") << true << QStringLiteral("private");
        QTest::newRow("loopback") << QStringLiteral("127.0.0.1") << true
                                  << QStringLiteral("loopback");
        QTest::newRow("link-local")
            << QStringLiteral("169.254.10.1") << true << QStringLiteral("link-local");
        QTest::newRow("multicast")
            << QStringLiteral("224.0.0.1") << true << QStringLiteral("multicast");
        QTest::newRow("reserved") << QStringLiteral("250.1.1.1") << true
                                  << QStringLiteral("reserved");
        QTest::newRow("shared") << QStringLiteral("100.64.1.1") << true
                                << QStringLiteral("carrier-grade NAT");
        // The whole /10, to its last address.
        QTest::newRow("shared, top")
            << QStringLiteral("100.127.255.254") << true << QStringLiteral("carrier-grade NAT");
        QTest::newRow("after shared") << QStringLiteral("100.128.0.1") << true << QString();
        QTest::newRow("documentation")
            << QStringLiteral("203.0.113.10") << true << QStringLiteral("documentation");
        QTest::newRow("octet too big") << QStringLiteral("300.1.1.1") << false << QString();
        QTest::newRow("three parts") << QStringLiteral("10.1.1") << false << QString();
        QTest::newRow("letters") << QStringLiteral("pbx.example.com") << false << QString();
        QTest::newRow("IPv6") << QStringLiteral("2001:db8::1") << false << QString();
        QTest::newRow("leading zero") << QStringLiteral("010.1.1.1") << false << QString();
        // Each octet on its own: a check of the first alone lets the others through.
        QTest::newRow("leading zero, 2nd octet")
            << QStringLiteral("8.010.4.4") << false << QString();
        QTest::newRow("leading zero, 3rd octet")
            << QStringLiteral("8.8.010.4") << false << QString();
        QTest::newRow("leading zero, 4th octet")
            << QStringLiteral("8.8.4.010") << false << QString();
        QTest::newRow("octet 256, 4th") << QStringLiteral("8.8.4.256") << false << QString();
        QTest::newRow("zero octets") << QStringLiteral("8.0.0.1") << true << QString();
        QTest::newRow("empty") << QString() << false << QString();
    }
    void ipAddresses()
    {
        QFETCH(QString, ip);
        QFETCH(bool, valid);
        QFETCH(QString, warning);
        auto r = ProfileService::validateIp(ip);
        QCOMPARE(r.ok(), valid);
        if (!valid) {
            SB_VERIFY_ERROR(r, Error::Kind::Invalid, QStringLiteral("is not an IPv4 address"));
            return;
        }
        if (warning.isEmpty()) {
            QVERIFY(r->isEmpty());
        } else {
            QCOMPARE(r->size(), 1);
            QVERIFY2(r->first().contains(warning), qPrintable(r->first()));
        }
    }

    void otherValidation()
    {
        QVERIFY(!ProfileService::validatePort(0).ok());
        QVERIFY(ProfileService::validatePort(1).ok());
        QVERIFY(ProfileService::validatePort(65535).ok());
        QVERIFY(!ProfileService::validatePort(65536).ok());
        QVERIFY(!ProfileService::validateChannels(0).ok());
        QVERIFY(ProfileService::validateChannels(1).ok());
        QVERIFY(ProfileService::validateChannels(300).ok());
        SB_VERIFY_ERROR(ProfileService::validateChannels(301), Error::Kind::Invalid,
                        QStringLiteral("from 1 to 300 channels, not 301"));
        SB_VERIFY_ERROR(ProfileService::validateChannels(0), Error::Kind::Invalid,
                        QStringLiteral("from 1 to 300 channels, not 0"));
        QVERIFY(ProfileService::validateExtension(QString()).ok());
        QVERIFY(ProfileService::validateExtension(QStringLiteral("0120")).ok());
        QVERIFY(!ProfileService::validateExtension(QStringLiteral("12a")).ok());
        QVERIFY(!ProfileService::validateExtension(QStringLiteral("+12")).ok());
        // A pattern's $ also matches before a final line break (found by tests/fuzz).
        QVERIFY(!ProfileService::validateExtension(QStringLiteral("120\n")).ok());
        QVERIFY(!ProfileService::validateName(QStringLiteral("   ")).ok());
        QVERIFY(!ProfileService::validateName(QString(65, QLatin1Char('x'))).ok());
        const QString a = ProfileService::generatePassword();
        const QString b = ProfileService::generatePassword();
        QCOMPARE(a.size(), 20);
        QVERIFY(a != b);
        QVERIFY(!a.contains(QLatin1Char(';')) && !a.contains(QLatin1Char('#')));
    }

    void createsWithRegistration_data() { sbt::addEngineRows(); }
    void createsWithRegistration()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 31, 9));
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        auto created = profiles.create(registration(QStringLiteral("Sales – Oslo"), 3));
        QVERIFY2(created.ok(), qPrintable(sbt::errorText(created)));
        QCOMPARE(created->channelsCharged, Money::fromCents(3 * 695));
        QCOMPARE(created->profile.monthlyChannelCost(), Money::fromCents(2085));
        QCOMPARE(created->profile.channelsExpires, QDate(2026, 2, 28));
        QVERIFY(created->profile.username.startsWith(QLatin1String("sb-sales-oslo-")));
        QCOMPARE(created->password.size(), 20);
        QCOMPARE(CompanyService(ctx).balance()->cents(), 10000 - 2085);
        // The password is not in the database in the clear, and can be shown again.
        QCOMPARE(sbt::scalar(ctx.db, QStringLiteral(
                                         "SELECT COUNT(*) FROM profiles WHERE secret LIKE '%%1%'")
                                         .arg(created->password))
                     .toInt(),
                 0);
        auto creds = profiles.credentials(QStringLiteral("SALES – oslo"));
        QVERIFY2(creds.ok(), qPrintable(sbt::errorText(creds)));
        QCOMPARE(creds->password, created->password);
        QCOMPARE(creds->username, created->profile.username);
        QCOMPARE(creds->servers.size(), 2);
        const QString config =
            PbxConfig::asterisk(created->profile, creds->servers, creds->password);
        QVERIFY(config.contains(QStringLiteral("type=registration")));
        QVERIFY(config.contains(QStringLiteral("password=") + created->password));
        QVERIFY(config.contains(QStringLiteral("client_uri=sip:%1@sip1.voice.example.net")
                                    .arg(created->profile.username)));
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    void sealedPasswordsAreBoundAndResealed_data() { sbt::addEngineRows(); }
    void sealedPasswordsAreBoundAndResealed()
    {
        QFETCH(QString, engine);
        // The key file the v1 fixture was sealed with, for this test only.
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("v1.key"));
        {
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(sbt::kV1Key);
        }
        const QByteArray previous = qgetenv("SWITCHBOARD_SECRET_KEY_FILE");
        qputenv("SWITCHBOARD_SECRET_KEY_FILE", keyFile.toLocal8Bit());
        auto restore = qScopeGuard([&]() { qputenv("SWITCHBOARD_SECRET_KEY_FILE", previous); });

        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        auto a = profiles.create(registration(QStringLiteral("Trunk A")));
        auto b = profiles.create(registration(QStringLiteral("Trunk B")));
        QVERIFY2(a.ok() && b.ok(), qPrintable(sbt::errorText(a) + sbt::errorText(b)));
        auto secretOf = [&](qint64 id) {
            return sbt::scalar(ctx.db,
                               QStringLiteral("SELECT secret FROM profiles WHERE id = %1").arg(id))
                .toString();
        };
        auto setSecret = [&](qint64 id, const QString& token) {
            return ctx.db
                .run(QStringLiteral("UPDATE profiles SET secret = ? WHERE id = ?"), {token, id})
                .ok();
        };
        const QString sealedA = secretOf(a->profile.id);
        QVERIFY(sealedA.startsWith(QLatin1String("v2:")));
        QCOMPARE(profiles.resealSecrets().value(), 0);

        // A's sealed password copied into B's row does not open there: it is bound to A's id
        // and username.
        const QString sealedB = secretOf(b->profile.id);
        QVERIFY(setSecret(b->profile.id, sealedA));
        QVERIFY(!profiles.credentials(QStringLiteral("Trunk B")).ok());
        QVERIFY(setSecret(b->profile.id, sealedB));
        QCOMPARE(profiles.credentials(QStringLiteral("Trunk B"))->password, b->password);

        // A password sealed the old way opens and is resealed as v2, bound to its profile;
        // a damaged one is left as it is (credentials() reports it).
        QVERIFY(setSecret(a->profile.id, sbt::kV1Token));
        QString damaged = sbt::kV1Token;
        damaged[10] = damaged[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(setSecret(b->profile.id, damaged));
        QCOMPARE(profiles.credentials(QStringLiteral("Trunk A"))->password, sbt::kV1Plaintext);
        QCOMPARE(profiles.resealSecrets().value(), 1);
        const QString resealed = secretOf(a->profile.id);
        QVERIFY(resealed.startsWith(QLatin1String("v2:")));
        QCOMPARE(profiles.credentials(QStringLiteral("Trunk A"))->password, sbt::kV1Plaintext);
        QCOMPARE(secretOf(b->profile.id), damaged);
        QVERIFY(!profiles.credentials(QStringLiteral("Trunk B")).ok());
        QCOMPARE(profiles.resealSecrets().value(), 0);
        QCOMPARE(secretOf(a->profile.id), resealed);
    }

    void createsWithIpAuthentication_data() { sbt::addEngineRows(); }
    void createsWithIpAuthentication()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        auto created = ProfileService(ctx).create(
            ipAuth(QStringLiteral("Office PBX"), QStringLiteral("192.168.1.10"), 5070));
        QVERIFY(created.ok());
        QCOMPARE(created->warnings.size(), 1);
        QVERIFY(created->password.isEmpty());
        QCOMPARE(created->profile.auth, SipProfile::Auth::Ip);
        QCOMPARE(created->profile.ip, QStringLiteral("192.168.1.10"));
        QCOMPARE(created->profile.port, 5070);
        auto creds = ProfileService(ctx).credentials(QStringLiteral("Office PBX"));
        QVERIFY(creds.ok());
        QVERIFY(creds->password.isEmpty());
        const QString config = PbxConfig::asterisk(created->profile, creds->servers, QString());
        QVERIFY(!config.contains(QStringLiteral("type=registration")));
        QVERIFY(config.contains(QStringLiteral("type=identify")));
        QVERIFY(config.contains(QStringLiteral("match=sip2.voice.example.net")));
    }

    void createRefusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("which");
        for (const QString& e : sb::test::TestDatabase::engines()) {
            const char* names[] = {"duplicate name",  "empty name",   "0 channels",
                                   "301 channels",    "malformed ip", "port 0",
                                   "balance too low", "bad e-mail"};
            for (int i = 0; i < 8; ++i)
                QTest::addRow("%s:%s", qPrintable(e), names[i]) << e << i;
        }
    }
    void createRefusalsChangeNothing()
    {
        QFETCH(QString, engine);
        QFETCH(int, which);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        // 301 channels would cost 2091.95: with that much in the account only the limit of
        // 300 itself can refuse them.
        QVERIFY(CompanyService(ctx)
                    .topUp(Money::fromCents(which == 3 ? 300000 : 1000), QStringLiteral("T"))
                    .ok());
        QVERIFY(ProfileService(ctx).create(registration(QStringLiteral("Sales"))).ok());
        const auto before = sbt::snapshot(ctx.db);
        const auto rows = profileRows(ctx.db);
        NewSipProfile p = registration(QStringLiteral("Support"));
        switch (which) {
        case 0:
            p.name = QStringLiteral(" SALES ");
            break;
        case 1:
            p.name = QString();
            break;
        case 2:
            p.channels = 0;
            break;
        case 3:
            p.channels = 301;
            break;
        case 4:
            p = ipAuth(QStringLiteral("Support"), QStringLiteral("1.2.3.400"));
            break;
        case 5:
            p = ipAuth(QStringLiteral("Support"), QStringLiteral("8.8.8.8"), 0);
            break;
        case 6:
            p.channels = 2;
            break; // 13.90 > 3.05 left
        case 7:
            p.email = QStringLiteral("not-an-address");
            break;
        }
        const struct
        {
            Error::Kind kind;
            const char* fragment;
        } expected[] = {
            {Error::Kind::Refused, "named \"Sales\" already exists"},
            {Error::Kind::Invalid, "needs a name"},
            {Error::Kind::Invalid, "from 1 to 300 channels, not 0"},
            {Error::Kind::Invalid, "from 1 to 300 channels, not 301"},
            {Error::Kind::Invalid, "\"1.2.3.400\" is not an IPv4 address"},
            {Error::Kind::Invalid, "not 0"},
            {Error::Kind::Refused, "cannot pay 2 channel(s) for the first month (13.90)"},
            {Error::Kind::Invalid, "\"not-an-address\" is not an e-mail address"},
        };
        auto r = ProfileService(ctx).create(p);
        SB_VERIFY_ERROR(r, expected[which].kind, QString::fromUtf8(expected[which].fragment));
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(sbt::snapshot(ctx.db), before);
        QCOMPARE(profileRows(ctx.db), rows);
    }

    // Issue 12, item 6: a channel change credits the unused days of the old subscription, pro
    // rata by days and rounded half up, so the same days are never paid twice.
    void channelChangeCreditsUnusedDays_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QDateTime>("created");
        QTest::addColumn<int>("from");
        QTest::addColumn<QDateTime>("changed");
        QTest::addColumn<int>("to");
        QTest::addColumn<qint64>("credited");
        for (const QString& e : sb::test::TestDatabase::engines()) {
            const auto row = [&](const char* name) -> QTestData& {
                return QTest::newRow(
                    qPrintable(QStringLiteral("%1: %2").arg(e, QLatin1String(name))));
            };
            // The whole month unused: 6.95 back, so 1 → 2 the same day costs 6.95 in all.
            row("same day") << e << sbt::utc(2026, 11, 27, 9) << 1 << sbt::utc(2026, 11, 27, 15)
                            << 2 << qint64(695);
            // 14 of February's 28 days: 6.95 / 2 = 3.475 → 3.48 (half up).
            row("half of February") << e << sbt::utc(2026, 1, 31, 9) << 1
                                    << sbt::utc(2026, 2, 14, 9) << 3 << qint64(348);
            // Lowering credits too: 4 × 6.95 with 10 of 30 days left = 9.2666… → 9.27.
            row("lowered") << e << sbt::utc(2026, 6, 1, 9) << 4 << sbt::utc(2026, 6, 21, 9) << 1
                           << qint64(927);
            // The last day of the period: 1 of 30 days left.
            row("last day") << e << sbt::utc(2026, 6, 1, 9) << 1 << sbt::utc(2026, 6, 30, 9) << 2
                            << qint64(23);
        }
    }
    void channelChangeCreditsUnusedDays()
    {
        QFETCH(QString, engine);
        QFETCH(QDateTime, created);
        QFETCH(int, from);
        QFETCH(QDateTime, changed);
        QFETCH(int, to);
        QFETCH(qint64, credited);
        SB_ENV(env, engine, created);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"), from)).ok());
        const qint64 afterCreate = CompanyService(ctx).balance()->cents();
        QCOMPARE(afterCreate, 10000 - from * 695);
        env.clock.set(changed);
        const auto shown = profiles.find(QStringLiteral("Sales"));
        QVERIFY(shown.ok());
        // The quote the window shows is what the change then does.
        const auto quote = profiles.quoteChannels(*shown, to);
        QCOMPARE(quote.credited, Money::fromCents(credited));
        auto change = profiles.setChannels(QStringLiteral("Sales"), to);
        QVERIFY2(change.ok(), qPrintable(sbt::errorText(change)));
        QCOMPARE(change->charged, Money::fromCents(to * 695));
        QCOMPARE(change->credited, Money::fromCents(credited));
        QCOMPARE(change->net(), Money::fromCents(to * 695 - credited));
        QCOMPARE(CompanyService(ctx).balance()->cents(), afterCreate - to * 695 + credited);
        QCOMPARE(sbt::rows(ctx.db, QStringLiteral("SELECT amount_cents FROM ledger WHERE kind = "
                                                  "'channels-refund' AND to_account = 1")),
                 QStringList{QString::number(credited)});
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    // A lapsed subscription has no unused days to credit.
    void lapsedChannelsCreditNothing_data() { sbt::addEngineRows(); }
    void lapsedChannelsCreditNothing()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 3, 10, 9));
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(695), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"), 1)).ok());
        env.clock.set(sbt::utc(2026, 4, 12, 9));
        QVERIFY(BillingService(ctx).run().ok()); // 0.00 cannot renew: lapsed
        QVERIFY(profiles.find(QStringLiteral("Sales"))->channelsLapsed);
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(2000), QStringLiteral("T")).ok());
        auto change = profiles.setChannels(QStringLiteral("Sales"), 2);
        QVERIFY2(change.ok(), qPrintable(sbt::errorText(change)));
        QCOMPARE(change->credited, Money());
        QCOMPARE(CompanyService(ctx).balance()->cents(), 2000 - 1390);
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    void channelsAndCredit_data() { sbt::addEngineRows(); }
    void channelsAndCredit()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 3, 10, 9));
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"), 2)).ok());
        env.clock.set(sbt::utc(2026, 3, 20, 9));
        auto change = profiles.setChannels(QStringLiteral("sales"), 5);
        QVERIFY2(change.ok(), qPrintable(sbt::errorText(change)));
        QCOMPARE(change->from, 2);
        QCOMPARE(change->charged, Money::fromCents(5 * 695));
        // 21 of the 31 days of 10 March – 10 April unused: 13.90 × 21 / 31 = 9.4161… → 9.42.
        QCOMPARE(change->credited, Money::fromCents(942));
        QCOMPARE(change->nextPayment, QDate(2026, 4, 20));
        QCOMPARE(profiles.find(QStringLiteral("Sales"))->channels, 5);
        QCOMPARE(CompanyService(ctx).balance()->cents(), 10000 - 1390 - 3475 + 942);
        QCOMPARE(sbt::booksProblem(ctx), QString());
        const auto before = sbt::snapshot(ctx.db);
        SB_VERIFY_ERROR(profiles.setChannels(QStringLiteral("Sales"), 0), Error::Kind::Invalid,
                        QStringLiteral("from 1 to 300 channels, not 0"));
        SB_VERIFY_ERROR(profiles.setChannels(QStringLiteral("Sales"), 301), Error::Kind::Invalid,
                        QStringLiteral("from 1 to 300 channels, not 301"));
        SB_VERIFY_ERROR(profiles.setChannels(QStringLiteral("Sales"), 5), Error::Kind::Refused,
                        QStringLiteral("Sales already has 5 channel(s)"));
        // 2085.00 > balance
        SB_VERIFY_ERROR(profiles.setChannels(QStringLiteral("Sales"), 300), Error::Kind::Refused,
                        QStringLiteral("cannot pay 300 channel(s) for a month (2085.00)"));
        QCOMPARE(profiles.setChannels(QStringLiteral("Nobody"), 3).error().kind,
                 Error::Kind::NotFound);
        QCOMPARE(sbt::snapshot(ctx.db), before);
        // Credit: like members, all from the company, never taken back.
        auto credited = profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(2500));
        QVERIFY(credited.ok());
        QCOMPARE(credited->balance, Money::fromCents(2500));
        SB_VERIFY_ERROR(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(-5)),
                        Error::Kind::Invalid, QStringLiteral("greater than zero"));
        SB_VERIFY_ERROR(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(100000)),
                        Error::Kind::Refused, QStringLiteral("cannot cover 1000.00 for Sales"));
        // The exact company balance can be allocated: the guard is "less than", not "up to".
        const Money rest = *CompanyService(ctx).balance();
        SB_VERIFY_OK(profiles.allocateCredit(QStringLiteral("Sales"), rest));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 0);
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    // Channels may be paid to the last cent: a first month equal to the company balance
    // creates the profile, and a change is paid by the balance and the credit of the unused
    // days together.
    void channelsPaidToTheLastCent_data() { sbt::addEngineRows(); }
    void channelsPaidToTheLastCent()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        const ProfileService profiles(ctx);
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(694), QStringLiteral("T")).ok());
        const auto before = sbt::snapshot(ctx.db);
        SB_VERIFY_ERROR(profiles.create(registration(QStringLiteral("Sales"))),
                        Error::Kind::Refused,
                        QStringLiteral("cannot pay 1 channel(s) for the first month (6.95)"));
        QCOMPARE(sbt::snapshot(ctx.db), before);
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1), QStringLiteral("T")).ok());
        SB_VERIFY_OK(profiles.create(registration(QStringLiteral("Sales"))));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 0);
        // The same day: the whole month (6.95) comes back, so 6.95 more pays 2 channels.
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(695), QStringLiteral("T")).ok());
        auto change = profiles.setChannels(QStringLiteral("Sales"), 2);
        QVERIFY2(change.ok(), qPrintable(sbt::errorText(change)));
        QCOMPARE(change->credited, Money::fromCents(695));
        QCOMPARE(change->charged, Money::fromCents(1390));
        QCOMPARE(CompanyService(ctx).balance()->cents(), 0);
    }

    // With money enough for 301 channels, the limit of 300 itself refuses the 301st.
    void channelLimitHoldsWithMoneyEnough_data() { sbt::addEngineRows(); }
    void channelLimitHoldsWithMoneyEnough()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1000000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"))).ok());
        const auto before = sbt::snapshot(ctx.db);
        SB_VERIFY_ERROR(profiles.setChannels(QStringLiteral("Sales"), 301), Error::Kind::Invalid,
                        QStringLiteral("from 1 to 300 channels, not 301"));
        QCOMPARE(sbt::snapshot(ctx.db), before);
        auto at300 = profiles.setChannels(QStringLiteral("Sales"), 300);
        QVERIFY2(at300.ok(), qPrintable(sbt::errorText(at300)));
        QCOMPARE(at300->charged, Money::fromCents(300 * 695));
    }

    void renameKeepsNamesUnique_data() { sbt::addEngineRows(); }
    void renameKeepsNamesUnique()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"))).ok());
        QVERIFY(profiles.create(registration(QStringLiteral("Support"))).ok());
        QCOMPARE(profiles.rename(QStringLiteral("Sales"), QStringLiteral("SUPPORT")).error().kind,
                 Error::Kind::Refused);
        QCOMPARE(profiles.rename(QStringLiteral("Sales"), QStringLiteral(" ")).error().kind,
                 Error::Kind::Invalid);
        QCOMPARE(profiles.rename(QStringLiteral("Nobody"), QStringLiteral("X")).error().kind,
                 Error::Kind::NotFound);
        auto renamed = profiles.rename(QStringLiteral("Sales"), QStringLiteral("Sales Norway"));
        QVERIFY(renamed.ok());
        QCOMPARE(renamed->name, QStringLiteral("Sales Norway"));
        QVERIFY(!profiles.find(QStringLiteral("Sales")).ok());
        QCOMPARE(profiles.list()->size(), 2);
    }

    // A profile's country is the default region of the numbers its calls dial: given at
    // creation (US when not), validated, and changed with setCountry (logged).
    void country_data() { sbt::addEngineRows(); }
    void country()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        auto us = profiles.create(registration(QStringLiteral("Support")));
        SB_VERIFY_OK(us);
        QCOMPARE(us->profile.country, QStringLiteral("US"));
        NewSipProfile oslo = ipAuth(QStringLiteral("Oslo"), QStringLiteral("8.8.4.4"));
        oslo.country = QStringLiteral("no");
        auto no = profiles.create(oslo);
        SB_VERIFY_OK(no);
        QCOMPARE(no->profile.country, QStringLiteral("NO"));
        QCOMPARE(profiles.find(QStringLiteral("oslo"))->country, QStringLiteral("NO"));
        QCOMPARE(profiles.list()->first().country, QStringLiteral("NO"));

        const sbt::Snapshot before = sbt::snapshot(env.db());
        NewSipProfile bad = registration(QStringLiteral("Bergen"));
        bad.country = QStringLiteral("XX");
        auto refused = profiles.create(bad);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QVERIFY2(refused.error().message.contains(QStringLiteral("XX")),
                 qPrintable(refused.error().message));
        QCOMPARE(
            profiles.setCountry(QStringLiteral("Support"), QStringLiteral("Norge")).error().kind,
            Error::Kind::Invalid);
        QCOMPARE(profiles.setCountry(QStringLiteral("Support"), QStringLiteral("US")).error().kind,
                 Error::Kind::Refused);
        QCOMPARE(profiles.setCountry(QStringLiteral("Nobody"), QStringLiteral("NO")).error().kind,
                 Error::Kind::NotFound);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(env.db()));

        auto changed = profiles.setCountry(QStringLiteral("support"), QStringLiteral("gb"));
        SB_VERIFY_OK(changed);
        QCOMPARE(changed->country, QStringLiteral("GB"));
        QCOMPARE(profiles.find(QStringLiteral("Support"))->country, QStringLiteral("GB"));
        auto log = ActivityLog(ctx).page(1);
        SB_VERIFY_OK(log);
        QCOMPARE(ActivityLog::describe(log->first()),
                 QStringLiteral("Changed the country of SIP profile Support from US to GB"));
    }

    void linkingAccounts_data() { sbt::addEngineRows(); }
    void linkingAccounts()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        QVERIFY(MemberService(ctx)
                    .add({QStringLiteral("alice.smith"), QStringLiteral("Alice"), {}, {}})
                    .ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"))).ok());
        QVERIFY(profiles.create(registration(QStringLiteral("Support"))).ok());
        QVERIFY(NumberService(ctx)
                    .buy({QStringLiteral("US"),
                          QStringLiteral("212"),
                          1,
                          {NumberHolder::member(QStringLiteral("alice.smith"))},
                          false})
                    .ok());
        const auto before = sbt::snapshot(ctx.db);
        QCOMPARE(
            profiles
                .link(QStringLiteral("Sales"), QStringLiteral("alice.smith"), QStringLiteral("12a"))
                .error()
                .kind,
            Error::Kind::Invalid);
        QCOMPARE(profiles.link(QStringLiteral("Sales"), QStringLiteral("nobody.here"), QString())
                     .error()
                     .kind,
                 Error::Kind::NotFound);
        QCOMPARE(profiles.link(QStringLiteral("Nobody"), QStringLiteral("alice.smith"), QString())
                     .error()
                     .kind,
                 Error::Kind::NotFound);
        QCOMPARE(sbt::snapshot(ctx.db), before);
        auto linked = profiles.link(QStringLiteral("Sales"), QStringLiteral("alice.smith"),
                                    QStringLiteral("120"));
        QVERIFY2(linked.ok(), qPrintable(sbt::errorText(linked)));
        QCOMPARE(linked->accounts.size(), 1);
        QCOMPARE(linked->accounts.first().extension, QStringLiteral("120"));
        auto alice = MemberService(ctx).find(QStringLiteral("alice.smith"));
        QCOMPARE(alice->status, QStringLiteral("linked"));
        QCOMPARE(alice->profile, QStringLiteral("Sales"));
        QCOMPARE(NumberService(ctx).find(QStringLiteral("+12125550100"))->routesToProfile,
                 QStringLiteral("Sales"));
        // One profile per account.
        auto again =
            profiles.link(QStringLiteral("Support"), QStringLiteral("alice.smith"), QString());
        QCOMPARE(again.error().kind, Error::Kind::Refused);
        QVERIFY(again.error().message.contains(QStringLiteral("Sales")));
        QCOMPARE(
            profiles.unlink(QStringLiteral("Support"), QStringLiteral("alice.smith")).error().kind,
            Error::Kind::Refused);
        QVERIFY(profiles.unlink(QStringLiteral("Sales"), QStringLiteral("alice.smith")).ok());
        alice = MemberService(ctx).find(QStringLiteral("alice.smith"));
        QCOMPARE(alice->status, QStringLiteral("active"));
        QVERIFY(alice->profile.isEmpty());
        QVERIFY(NumberService(ctx).find(QStringLiteral("+12125550100"))->routesToProfile.isEmpty());
    }

    // One extension per account on a profile (issue 12, item 9); no extension, or the same
    // one on another profile, is fine.
    void extensionsAreUniquePerProfile_data() { sbt::addEngineRows(); }
    void extensionsAreUniquePerProfile()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        for (const char* a : {"alice.smith", "bob.jones", "carol.white", "dan.brown"})
            QVERIFY(MemberService(ctx)
                        .add({QString::fromLatin1(a), QStringLiteral("Someone"), {}, {}})
                        .ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"))).ok());
        QVERIFY(profiles.create(registration(QStringLiteral("Support"))).ok());
        SB_VERIFY_OK(profiles.link(QStringLiteral("Sales"), QStringLiteral("alice.smith"),
                                   QStringLiteral("120")));
        const auto before = sbt::snapshot(ctx.db);
        auto clash = profiles.link(QStringLiteral("Sales"), QStringLiteral("bob.jones"),
                                   QStringLiteral(" 120 "));
        QVERIFY(!clash);
        QCOMPARE(clash.error().kind, Error::Kind::Refused);
        QVERIFY2(clash.error().message.contains(QStringLiteral("120")) &&
                     clash.error().message.contains(QStringLiteral("alice.smith")),
                 qPrintable(clash.error().message));
        QCOMPARE(sbt::snapshot(ctx.db), before);
        SB_VERIFY_OK(profiles.link(QStringLiteral("Sales"), QStringLiteral("bob.jones"),
                                   QStringLiteral("121")));
        SB_VERIFY_OK(
            profiles.link(QStringLiteral("Sales"), QStringLiteral("carol.white"), QString()));
        SB_VERIFY_OK(profiles.link(QStringLiteral("Support"), QStringLiteral("dan.brown"),
                                   QStringLiteral("120")));
    }

    // Names that read alike in ASCII get sections of their own (issue 12, item 10), so
    // their configurations can be pasted into one pjsip.conf. ("Säles Oslo" beside "Sales
    // Oslo" is refused as a lookalike now: tst_names.)
    void pbxSectionsAreUniquePerProfile()
    {
        SB_ENV(env, QStringLiteral("sqlite"));
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QStringList sections;
        for (const QString& name :
             {QStringLiteral("Sales Oslo"), QStringLiteral("Sales-Oslo"),
              QStringLiteral("Sales, Oslo!"), QStringLiteral("Sales Oslo 😀")}) {
            auto p = profiles.create(registration(name));
            QVERIFY2(p.ok(), qPrintable(sbt::errorText(p)));
            const QString section = PbxConfig::sectionName(p->profile);
            QCOMPARE(section, QStringLiteral("switchboard-%1-sales-oslo").arg(p->profile.id));
            QVERIFY(!sections.contains(section));
            sections << section;
            const QString config = PbxConfig::asterisk(p->profile, {}, p->password);
            QVERIFY(config.contains(QStringLiteral("[%1]").arg(section)));
        }
    }

    // The table's list carries only the counts of linked accounts and numbers: the same as
    // the full list's, for every profile and for a search.
    void countedListAgreesWithTheFullOne_data() { sbt::addEngineRows(); }
    void countedListAgreesWithTheFullOne()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(20000), QStringLiteral("T")));
        for (const char* account : {"alice.smith", "bob.jones", "carl.dahl"})
            SB_VERIFY_OK(MemberService(ctx).add(
                {QString::fromLatin1(account), QString::fromLatin1(account), {}, {}}));
        const ProfileService profiles(ctx);
        for (const char* name : {"Sales", "Support", "Empty"})
            SB_VERIFY_OK(profiles.create(registration(QString::fromLatin1(name))));
        const auto buy = [&](const char* profile) {
            return NumberService(ctx).buy({QStringLiteral("NO"),
                                           QStringLiteral("22"),
                                           1,
                                           {NumberHolder::profile(QString::fromLatin1(profile))},
                                           false});
        };
        SB_VERIFY_OK(buy("Sales"));
        SB_VERIFY_OK(buy("Sales"));
        SB_VERIFY_OK(buy("Support"));
        // A member's number routes to her, not to the profile she is linked to.
        SB_VERIFY_OK(NumberService(ctx).buy({QStringLiteral("NO"),
                                             QStringLiteral("22"),
                                             1,
                                             {NumberHolder::member(QStringLiteral("bob.jones"))},
                                             false}));
        SB_VERIFY_OK(profiles.link(QStringLiteral("Sales"), QStringLiteral("alice.smith"), {}));
        SB_VERIFY_OK(profiles.link(QStringLiteral("Sales"), QStringLiteral("bob.jones"), {}));
        SB_VERIFY_OK(profiles.link(QStringLiteral("Support"), QStringLiteral("carl.dahl"), {}));
        for (const QString& search : {QString(), QStringLiteral("su"), QStringLiteral("nobody")}) {
            auto full = profiles.list(search);
            auto counted = profiles.listCounted(search);
            SB_VERIFY_OK(full);
            SB_VERIFY_OK(counted);
            QCOMPARE(counted->size(), full->size());
            for (qsizetype i = 0; i < full->size(); ++i) {
                const SipProfile& f = full->at(i);
                const SipProfile& c = counted->at(i);
                QCOMPARE(c.name, f.name);
                QCOMPARE(c.accountCount, int(f.accounts.size()));
                QCOMPARE(c.numberCount, int(f.numbers.size()));
                QCOMPARE(f.accountCount, int(f.accounts.size()));
                QCOMPARE(f.numberCount, int(f.numbers.size()));
                QVERIFY(c.accounts.isEmpty() && c.numbers.isEmpty());
            }
        }
        const auto all = profiles.listCounted();
        SB_VERIFY_OK(all);
        const auto sales = std::find_if(all->cbegin(), all->cend(), [](const SipProfile& p) {
            return p.name == QLatin1String("Sales");
        });
        QVERIFY(sales != all->cend());
        QCOMPARE(sales->accountCount, 2);
        QCOMPARE(sales->numberCount, 2);
    }

    void deleteReturnsEverything_data() { sbt::addEngineRows(); }
    void deleteReturnsEverything()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        QVERIFY(MemberService(ctx)
                    .add({QStringLiteral("alice.smith"), QStringLiteral("Alice"), {}, {}})
                    .ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"))).ok());
        QVERIFY(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(2500)).ok());
        auto bought = NumberService(ctx).buy({QStringLiteral("NO"),
                                              QStringLiteral("22"),
                                              1,
                                              {NumberHolder::profile(QStringLiteral("Sales"))},
                                              false});
        QVERIFY(bought.ok());
        QVERIFY(
            profiles.link(QStringLiteral("Sales"), QStringLiteral("alice.smith"), QString()).ok());
        SB_VERIFY_OK(ctx.db.run(
            QStringLiteral(
                "INSERT INTO calls (profile_id, started_at, source, destination, billsec,"
                " cost_cents, unique_id) VALUES (?, ?, '100', '+4722000000', 61, 4, 'u1')"),
            {profiles.find(QStringLiteral("Sales"))->id, ctx.nowText()}));
        const Money companyBefore = CompanyService(ctx).balance().value();
        auto preview = profiles.deletionPreview(QStringLiteral("Sales"));
        QVERIFY(preview.ok());
        QCOMPARE(preview->returnedCredit, Money::fromCents(2500));
        QCOMPARE(preview->releasedNumbers, QStringList{bought->first().e164});
        QCOMPARE(preview->unlinkedAccounts, QStringList{QStringLiteral("alice.smith")});
        QCOMPARE(preview->deletedCalls, 1);
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("history.csv"));
        // Before deleting, the history is exported through the Calls page's code.
        CallQuery query;
        query.profile = QStringLiteral("Sales");
        QCOMPARE(CallHistory(ctx).exportCsvFile(query, csv).value(), 1);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("+4722000000"));
        auto deleted = profiles.remove(QStringLiteral("Sales"));
        QVERIFY2(deleted.ok(), qPrintable(sbt::errorText(deleted)));
        QCOMPARE(CompanyService(ctx).balance().value(), companyBefore + Money::fromCents(2500));
        QVERIFY(!profiles.find(QStringLiteral("Sales")).ok());
        QCOMPARE(sbt::count(ctx.db, QStringLiteral("calls")), 0);
        QCOMPARE(MemberService(ctx).find(QStringLiteral("alice.smith"))->status,
                 QStringLiteral("active"));
        // The number is the company's again, unassigned, and can be reassigned.
        auto n = NumberService(ctx).find(bought->first().e164);
        QVERIFY(n.ok());
        QVERIFY(n->holder.isNone());
        QVERIFY(NumberService(ctx)
                    .assign(n->e164, NumberHolder::member(QStringLiteral("alice.smith")))
                    .ok());
        QCOMPARE(ActivityLog(ctx).page(2)->at(1).key, QStringLiteral("profile.delete"));
        QCOMPARE(sbt::booksProblem(ctx), QString());
        QCOMPARE(profiles.remove(QStringLiteral("Sales")).error().kind, Error::Kind::NotFound);
    }

    // A profile that owes for calls is not deleted (the debt would be lost with it): the
    // message says how much and what to do; credit allocated to it first pays what it owes.
    void deleteRefusedWhileOwed_data() { sbt::addEngineRows(); }
    void deleteRefusedWhileOwed()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"))).ok());
        QVERIFY(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(100)).ok());
        const qint64 account = profiles.find(QStringLiteral("Sales"))->accountId;
        SB_VERIFY_OK(Transaction::run(ctx.db, [&](Transaction& tx) {
            return Ledger(ctx).charge(tx, account, Money::fromCents(420), QStringLiteral("call"));
        }));
        QCOMPARE(profiles.find(QStringLiteral("Sales"))->balance, Money::fromCents(-320));
        const auto before = sbt::snapshot(ctx.db);
        for (const auto& r : {profiles.deletionPreview(QStringLiteral("Sales")),
                              profiles.remove(QStringLiteral("Sales"))}) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, Error::Kind::Refused);
            QVERIFY2(r.error().message.contains(QStringLiteral("owes 3.20")),
                     qPrintable(r.error().message));
        }
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(ctx.db));
        // Allocation to a profile that owes raises its balance, like any other.
        QCOMPARE(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(320))->balance,
                 Money());
        auto deleted = profiles.remove(QStringLiteral("Sales"));
        QVERIFY2(deleted.ok(), qPrintable(sbt::errorText(deleted)));
        QCOMPARE(deleted->returnedCredit, Money());
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }

    void channelsRenewMonthlyOrLapse_data() { sbt::addEngineRows(); }
    void channelsRenewMonthlyOrLapse()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine, sbt::utc(2026, 1, 31, 9));
        const Context& ctx = *env.ctx;
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(2000), QStringLiteral("T")).ok());
        const ProfileService profiles(ctx);
        QVERIFY(profiles.create(registration(QStringLiteral("Sales"), 2)).ok()); // 13.90, 6.10 left
        QVERIFY(
            CompanyService(ctx).topUp(Money::fromCents(790), QStringLiteral("T")).ok()); // 14.00
        env.clock.set(sbt::utc(2026, 2, 28, 3));
        auto run = BillingService(ctx).run();
        QVERIFY(run.ok());
        QCOMPARE(run->channelsRenewed, 1);
        QCOMPARE(run->channelsSpent, Money::fromCents(1390));
        QCOMPARE(profiles.find(QStringLiteral("Sales"))->channelsExpires, QDate(2026, 3, 31));
        QCOMPARE(BillingService(ctx).run()->channelsRenewed, 0); // idempotent
        env.clock.set(sbt::utc(2026, 3, 31, 3));
        run = BillingService(ctx).run();
        QCOMPARE(run->channelsLapsed, 1);
        QCOMPARE(run->messages.size(), 1);
        QVERIFY(profiles.find(QStringLiteral("Sales"))->channelsLapsed);
        const auto before = sbt::snapshot(ctx.db);
        QCOMPARE(BillingService(ctx).run()->channelsLapsed, 0);
        QCOMPARE(sbt::snapshot(ctx.db), before);
        // Paying for channels again starts a new subscription.
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(1390), QStringLiteral("T")).ok());
        QVERIFY(profiles.setChannels(QStringLiteral("Sales"), 2).ok());
        QVERIFY(!profiles.find(QStringLiteral("Sales"))->channelsLapsed);
        QCOMPARE(sbt::booksProblem(ctx), QString());
    }
};

QTEST_GUILESS_MAIN(TestProfileService)
#include "tst_profileservice.moc"
