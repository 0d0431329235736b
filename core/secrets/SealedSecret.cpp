#include "core/secrets/SealedSecret.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace sb {

namespace {
constexpr int kKeySize = 32;
constexpr int kNonceSize = 16;
constexpr int kTagSize = 32;

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's cryptographic source.
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(out.data()), n / 4);
    return out;
}

QByteArray keystream(const QByteArray& encKey, const QByteArray& nonce, qsizetype length)
{
    QByteArray out;
    for (quint32 counter = 0; out.size() < length; ++counter) {
        QByteArray block = nonce;
        block.append(reinterpret_cast<const char*>(&counter), sizeof counter);
        out += hmac(encKey, block);
    }
    out.truncate(length);
    return out;
}
} // namespace

QString SealedSecret::keyFilePath()
{
    const QString env = qEnvironmentVariable("SWITCHBOARD_SECRET_KEY_FILE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/switchboard/secrets.key");
}

Result<QByteArray> SealedSecret::key(bool create)
{
    const QString path = keyFilePath();
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray k = QByteArray::fromHex(f.readAll().trimmed());
        if (k.size() != kKeySize)
            return Error::storage(tr("The secret key file %1 is damaged.").arg(path));
        return k;
    }
    if (!create)
        return Error::storage(
            tr("The secret key file %1 is missing: stored SIP passwords cannot be read.")
                .arg(path));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::storage(tr("Cannot create the folder for %1.").arg(path));
    const QByteArray k = randomBytes(kKeySize);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error::storage(
            tr("Cannot write the secret key file %1: %2").arg(path, out.errorString()));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(k.toHex());
    if (!out.commit())
        return Error::storage(
            tr("Cannot write the secret key file %1: %2").arg(path, out.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return k;
}

Result<QString> SealedSecret::seal(const QString& plaintext)
{
    auto k = key(true);
    if (!k)
        return k.error();
    const QByteArray encKey = hmac(*k, QByteArrayLiteral("switchboard-enc"));
    const QByteArray macKey = hmac(*k, QByteArrayLiteral("switchboard-mac"));
    const QByteArray nonce = randomBytes(kNonceSize);
    QByteArray data = plaintext.toUtf8();
    const QByteArray stream = keystream(encKey, nonce, data.size());
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(data[i] ^ stream[i]);
    const QByteArray tag = hmac(macKey, QByteArray(nonce + data));
    return QString(QStringLiteral("v1:") +
                   QString::fromLatin1(QByteArray(nonce + data + tag).toBase64()));
}

Result<QString> SealedSecret::open(const QString& token)
{
    if (!token.startsWith(QLatin1String("v1:")))
        return Error::storage(tr("The stored secret has an unknown format."));
    const QByteArray raw = QByteArray::fromBase64(token.mid(3).toLatin1());
    if (raw.size() < kNonceSize + kTagSize)
        return Error::storage(tr("The stored secret is damaged."));
    auto k = key(false);
    if (!k)
        return k.error();
    const QByteArray encKey = hmac(*k, QByteArrayLiteral("switchboard-enc"));
    const QByteArray macKey = hmac(*k, QByteArrayLiteral("switchboard-mac"));
    const QByteArray nonce = raw.left(kNonceSize);
    QByteArray data = raw.mid(kNonceSize, raw.size() - kNonceSize - kTagSize);
    const QByteArray tag = raw.right(kTagSize);
    const QByteArray expected = hmac(macKey, QByteArray(nonce + data));
    // Constant-time comparison: the tag must not leak through timing.
    unsigned char diff = 0;
    for (int i = 0; i < kTagSize; ++i)
        diff |= static_cast<unsigned char>(tag[i] ^ expected[i]);
    if (diff != 0)
        return Error::storage(
            tr("The stored secret does not match the secret key (%1): it was altered or "
               "sealed with another key.")
                .arg(keyFilePath()));
    const QByteArray stream = keystream(encKey, nonce, data.size());
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(data[i] ^ stream[i]);
    return QString::fromUtf8(data);
}

} // namespace sb
