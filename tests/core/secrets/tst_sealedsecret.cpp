// The fallback store of passwords: sealed with libsodium's XChaCha20-Poly1305 under a key kept
// outside the database, bound to what the secret belongs to; the older v1 format still opens.
#include "core/secrets/RememberedDatabase.h"
#include "core/secrets/SealedSecret.h"
#include "core/secrets/SecretVault.h"
#include "tests/support/SecretFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace sb;
using sbt::kV1Key;
using sbt::kV1Plaintext;
using sbt::kV1Token;

namespace {
const QByteArray kContext = QByteArrayLiteral("switchboard/sip-profile/7/sb-trunk-00c0de");

} // namespace

class TestSealedSecret : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString keyPath() const { return m_dir.filePath(QStringLiteral("keys/secrets.key")); }

    void writeV1Key() const
    {
        QFile f(keyPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kV1Key);
    }

    // The same address and password, however the password is percent-encoded.
    static bool sameAddress(const QString& a, const QString& b)
    {
        return QUrl(a).adjusted(QUrl::RemovePassword) == QUrl(b).adjusted(QUrl::RemovePassword) &&
               QUrl(a).password(QUrl::FullyDecoded) == QUrl(b).password(QUrl::FullyDecoded);
    }

private slots:
    void init()
    {
        QFile::remove(keyPath());
        qputenv("SWITCHBOARD_SECRET_KEY_FILE", keyPath().toLocal8Bit());
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
    }

    void roundTripWithAPrivateKeyFile()
    {
        auto token = SealedSecret::seal(QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b"), kContext);
        QVERIFY(token.ok());
        QVERIFY(token->startsWith(QLatin1String("v2:")));
        QVERIFY(!token->contains(QLatin1String("zx2")));
        QVERIFY(!SealedSecret::needsReseal(*token));
        QVERIFY(QFile::exists(keyPath()));
        QCOMPARE(QFile::permissions(keyPath()) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(SealedSecret::open(*token, kContext).value(),
                 QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b"));
        // The same secret sealed twice looks different (fresh nonce).
        QVERIFY(SealedSecret::seal(QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b"), kContext).value() !=
                *token);
        // Empty and non-ASCII secrets survive too.
        QCOMPARE(
            SealedSecret::open(SealedSecret::seal(QString(), kContext).value(), kContext).value(),
            QString());
        const QString unicode = QStringLiteral("pässwörd-密码-🔑");
        QCOMPARE(
            SealedSecret::open(SealedSecret::seal(unicode, kContext).value(), kContext).value(),
            unicode);
    }

    void tamperingIsDetected()
    {
        const QString token =
            SealedSecret::seal(QStringLiteral("secret-password"), kContext).value();
        const QByteArray raw = QByteArray::fromBase64(token.mid(3).toLatin1());
        // Every byte matters: nonce, ciphertext and tag.
        for (int i : {0, 23, 24, int(raw.size()) - 1}) {
            QByteArray altered = raw;
            altered[i] = char(altered[i] ^ 0x01);
            QVERIFY2(!SealedSecret::open(
                          QStringLiteral("v2:") + QString::fromLatin1(altered.toBase64()), kContext)
                          .ok(),
                     qPrintable(QString::number(i)));
        }
        QVERIFY(!SealedSecret::open(QStringLiteral("v2:") +
                                        QString::fromLatin1(raw.left(raw.size() - 1).toBase64()),
                                    kContext)
                     .ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("v2:abc"), kContext).ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("v2:"), kContext).ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("v1:"), kContext).ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("v3:abc"), kContext).ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("secret-password"), kContext).ok());
    }

    void anotherContextCannotOpenIt()
    {
        const QString token =
            SealedSecret::seal(QStringLiteral("secret-password"), kContext).value();
        // Another profile id, another username, nothing at all.
        QVERIFY(!SealedSecret::open(token, "switchboard/sip-profile/8/sb-trunk-00c0de").ok());
        QVERIFY(!SealedSecret::open(token, "switchboard/sip-profile/7/sb-trunk-00c0df").ok());
        QVERIFY(!SealedSecret::open(token, QByteArray()).ok());
        QCOMPARE(SealedSecret::open(token, kContext).value(), QStringLiteral("secret-password"));
    }

    void anotherKeyCannotOpenIt()
    {
        const QString token =
            SealedSecret::seal(QStringLiteral("secret-password"), kContext).value();
        QVERIFY(QFile::remove(keyPath()));
        auto missing = SealedSecret::open(token, kContext);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(keyPath()));
        QVERIFY(SealedSecret::seal(QStringLiteral("x"), kContext).ok()); // a new key
        QVERIFY(!SealedSecret::open(token, kContext).ok());
    }

    void v1FixtureOpensAndReseals()
    {
        QVERIFY(QDir().mkpath(QFileInfo(keyPath()).absolutePath()));
        writeV1Key();
        QVERIFY(SealedSecret::needsReseal(kV1Token));
        // v1 was bound to nothing: any context opens it.
        QCOMPARE(SealedSecret::open(kV1Token, kContext).value(), kV1Plaintext);
        auto v2 = SecretVault::reseal(kV1Token, kContext);
        QVERIFY(v2.ok());
        QVERIFY(v2->startsWith(QLatin1String("v2:")));
        QVERIFY(!SecretVault::needsReseal(*v2));
        QCOMPARE(SecretVault::get(QStringLiteral("sb-trunk-00c0de"), *v2, kContext).value(),
                 kV1Plaintext);
        QVERIFY(!SealedSecret::open(*v2, "switchboard/sip-profile/8/sb-trunk-00c0de").ok());

        // A tampered v1 token is refused, and so is a reseal of it.
        QByteArray raw = QByteArray::fromBase64(kV1Token.mid(3).toLatin1());
        raw[20] = char(raw[20] ^ 0x01);
        const QString altered = QStringLiteral("v1:") + QString::fromLatin1(raw.toBase64());
        QVERIFY(!SealedSecret::open(altered, kContext).ok());
        QVERIFY(!SecretVault::reseal(altered, kContext).ok());
    }

    void vaultFallsBackToSealing()
    {
        auto token =
            SecretVault::put(QStringLiteral("sb-user-1"), QStringLiteral("p4ss"), kContext);
        QVERIFY(token.ok());
        QVERIFY(token->startsWith(QLatin1String("v2:")));
        QCOMPARE(SecretVault::get(QStringLiteral("sb-user-1"), *token, kContext).value(),
                 QStringLiteral("p4ss"));
        QVERIFY(!SecretVault::putInKeychain(QStringLiteral("sb-user-1"), QStringLiteral("p4ss")));
        QVERIFY(!SecretVault::keychainAvailable());
    }

    void databasePasswordIsNeverRememberedInTheClear_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("password");
        QTest::newRow("plain") << QStringLiteral("postgresql://sb:Hunter2-x9@db.example.net/switch")
                               << QStringLiteral("Hunter2-x9");
        QTest::newRow("port, postgres://")
            << QStringLiteral("postgres://admin:s3cr3t@10.0.0.5:6543/sb")
            << QStringLiteral("s3cr3t");
        QTest::newRow("encoded") << QStringLiteral("postgresql://sb:p%40ss%3Aw%2Frd@db/switch")
                                 << QStringLiteral("p@ss:w/rd");
    }

    void databasePasswordIsNeverRememberedInTheClear()
    {
        QFETCH(QString, spec);
        QFETCH(QString, password);
        const QString ini = m_dir.filePath(QStringLiteral("settings.ini"));
        QFile::remove(ini);
        const QString key = QStringLiteral("database/spec");
        auto fileText = [&]() {
            QFile f(ini);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        {
            QSettings settings(ini, QSettings::IniFormat);
            QVERIFY(RememberedDatabase::save(settings, key, spec).ok());
        }
        QVERIFY(!fileText().isEmpty());
        QVERIFY2(!fileText().contains(password), qPrintable(fileText()));
        QVERIFY2(!fileText().contains(QString::fromLatin1(QUrl::toPercentEncoding(password))),
                 qPrintable(fileText()));
        {
            QSettings settings(ini, QSettings::IniFormat);
            QCOMPARE(settings.value(key).toString(), RememberedDatabase::withoutPassword(spec));
            QVERIFY(settings.value(RememberedDatabase::secretKey(key))
                        .toString()
                        .startsWith(QLatin1String("v2:")));
            const QString loaded = RememberedDatabase::load(settings, key).value();
            QVERIFY2(sameAddress(loaded, spec), qPrintable(loaded));
            QCOMPARE(QUrl(loaded).password(QUrl::FullyDecoded), password);
        }

        // A token copied to another address does not open there.
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.setValue(key, QStringLiteral("postgresql://sb@elsewhere.example.net/switch"));
            QVERIFY(!RememberedDatabase::load(settings, key).ok());
        }

        // An address remembered in the clear by an older version is remembered again without.
        {
            QSettings settings(ini, QSettings::IniFormat);
            settings.setValue(key, spec);
            settings.remove(RememberedDatabase::secretKey(key));
            settings.sync();
            QVERIFY(fileText().contains(password) ||
                    fileText().contains(QString::fromLatin1(QUrl::toPercentEncoding(password))));
            QVERIFY(sameAddress(RememberedDatabase::load(settings, key).value(), spec));
        }
        QVERIFY2(!fileText().contains(password), qPrintable(fileText()));
        {
            QSettings settings(ini, QSettings::IniFormat);
            QVERIFY(sameAddress(RememberedDatabase::load(settings, key).value(), spec));
            // Another database without a password: its token goes.
            QVERIFY(RememberedDatabase::save(settings, key, QStringLiteral("sqlite:/tmp/x.sqlite"))
                        .ok());
            QCOMPARE(RememberedDatabase::load(settings, key).value(),
                     QStringLiteral("sqlite:/tmp/x.sqlite"));
            QVERIFY(!settings.contains(RememberedDatabase::secretKey(key)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSealedSecret)
#include "tst_sealedsecret.moc"
