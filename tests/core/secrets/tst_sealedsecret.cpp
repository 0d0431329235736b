// The fallback store of SIP passwords: sealed with a key kept outside the database.
#include "core/secrets/SealedSecret.h"
#include "core/secrets/SecretVault.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class TestSealedSecret : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString keyPath() const { return m_dir.filePath(QStringLiteral("keys/secrets.key")); }

private slots:
    void init()
    {
        QFile::remove(keyPath());
        qputenv("SWITCHBOARD_SECRET_KEY_FILE", keyPath().toLocal8Bit());
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
    }

    void roundTripWithAPrivateKeyFile()
    {
        auto token = SealedSecret::seal(QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b"));
        QVERIFY(token.ok());
        QVERIFY(token->startsWith(QLatin1String("v1:")));
        QVERIFY(!token->contains(QLatin1String("zx2")));
        QVERIFY(QFile::exists(keyPath()));
        QCOMPARE(QFile::permissions(keyPath()) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(SealedSecret::open(*token).value(), QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b"));
        // The same secret sealed twice looks different (fresh nonce).
        QVERIFY(SealedSecret::seal(QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b")).value() != *token);
    }

    void tamperingIsDetected()
    {
        const QString token = SealedSecret::seal(QStringLiteral("secret-password")).value();
        QByteArray raw = QByteArray::fromBase64(token.mid(3).toLatin1());
        raw[20] = char(raw[20] ^ 0x01);
        const QString altered = QStringLiteral("v1:") + QString::fromLatin1(raw.toBase64());
        QVERIFY(!SealedSecret::open(altered).ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("v2:abc")).ok());
        QVERIFY(!SealedSecret::open(QStringLiteral("v1:")).ok());
    }

    void anotherKeyCannotOpenIt()
    {
        const QString token = SealedSecret::seal(QStringLiteral("secret-password")).value();
        QVERIFY(QFile::remove(keyPath()));
        auto missing = SealedSecret::open(token);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(keyPath()));
        QVERIFY(SealedSecret::seal(QStringLiteral("x")).ok()); // a new key
        QVERIFY(!SealedSecret::open(token).ok());
    }

    void vaultFallsBackToSealing()
    {
        auto token = SecretVault::put(QStringLiteral("sb-user-1"), QStringLiteral("p4ss"));
        QVERIFY(token.ok());
        QVERIFY(token->startsWith(QLatin1String("v1:")));
        QCOMPARE(SecretVault::get(QStringLiteral("sb-user-1"), *token).value(),
                 QStringLiteral("p4ss"));
        QVERIFY(!SecretVault::keychainAvailable());
    }
};

QTEST_GUILESS_MAIN(TestSealedSecret)
#include "tst_sealedsecret.moc"
