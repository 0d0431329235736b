#include "core/secrets/SealedSecret.h"

#include <sodium.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QSaveFile>
#include <QStandardPaths>

#include <atomic>

namespace sb {

namespace {
constexpr int kKeySize = 32;
static_assert(kKeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kKeySize == crypto_kdf_KEYBYTES);
constexpr int kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
// The v2 subkey: derived from the key file so that v1 and v2 never use the same key.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "sbsecret";
constexpr quint64 kV2SubkeyId = 2;

// The legacy format, read only to reseal it.
constexpr int kV1NonceSize = 16;
constexpr int kV1TagSize = 32;

/// sodium_init() once per process (thread-safe static initialisation); false if it failed.
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

/// Wipes a buffer holding key or plaintext bytes when it goes out of scope.
struct Wipe
{
    QByteArray& bytes;
    ~Wipe()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), size_t(bytes.size()));
    }
};

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray v2Key(const QByteArray& fileKey)
{
    QByteArray sub(kKeySize, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(sub.data()), size_t(sub.size()),
                               kV2SubkeyId, kKdfContext,
                               reinterpret_cast<const unsigned char*>(fileKey.constData()));
    return sub;
}

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
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

namespace {
std::atomic<bool> s_mayCreateKey{true};
} // namespace

void SealedSecret::allowKeyCreation(bool allowed)
{
    s_mayCreateKey = allowed;
}

bool SealedSecret::needsReseal(const QString& token)
{
    return token.startsWith(QLatin1String("v1:"));
}

Result<QByteArray> SealedSecret::key(bool create)
{
    if (!sodiumReady())
        return Error::storage(tr("The cryptographic library (libsodium) could not start."));
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
    if (!s_mayCreateKey)
        return Error::refused(
            tr("The secret key file %1 is missing, yet this database holds passwords sealed "
               "with it: a new key would leave them unreadable. Put the key file back (from a "
               "backup) before storing another password.")
                .arg(path));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error::storage(tr("Cannot create the folder for %1.").arg(path));
    QByteArray k(kKeySize, Qt::Uninitialized);
    randombytes_buf(k.data(), size_t(k.size()));
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

Result<QString> SealedSecret::seal(const QString& plaintext, const QByteArray& context)
{
    auto k = key(true);
    if (!k)
        return k.error();
    Wipe wipeFileKey{k.value()};
    QByteArray sub = v2Key(*k);
    Wipe wipeSub{sub};
    QByteArray message = plaintext.toUtf8();
    Wipe wipeMessage{message};
    QByteArray out(kNonceSize + message.size() + kTagSize, Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, kNonceSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceSize, &written, bytes(message),
                                               size_t(message.size()), bytes(context),
                                               size_t(context.size()), nullptr, nonce, bytes(sub));
    out.truncate(kNonceSize + qsizetype(written));
    return QString(QStringLiteral("v2:") + QString::fromLatin1(out.toBase64()));
}

Result<QString> SealedSecret::open(const QString& token, const QByteArray& context)
{
    if (needsReseal(token))
        return openV1(token);
    if (!token.startsWith(QLatin1String("v2:")))
        return Error::storage(tr("The stored secret has an unknown format."));
    const QByteArray raw = QByteArray::fromBase64(token.mid(3).toLatin1());
    if (raw.size() < kNonceSize + kTagSize)
        return Error::storage(tr("The stored secret is damaged."));
    auto k = key(false);
    if (!k)
        return k.error();
    Wipe wipeFileKey{k.value()};
    QByteArray sub = v2Key(*k);
    Wipe wipeSub{sub};
    QByteArray message(raw.size() - kNonceSize - kTagSize, Qt::Uninitialized);
    Wipe wipeMessage{message};
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(message.data()), &length, nullptr,
            bytes(raw) + kNonceSize, size_t(raw.size() - kNonceSize), bytes(context),
            size_t(context.size()), bytes(raw), bytes(sub)) != 0)
        return Error::storage(
            tr("The stored secret does not match the secret key (%1) or does not belong here: "
               "it was altered, sealed with another key, or copied from elsewhere.")
                .arg(keyFilePath()));
    return QString::fromUtf8(message.constData(), qsizetype(length));
}

Result<QString> SealedSecret::openV1(const QString& token)
{
    const QByteArray raw = QByteArray::fromBase64(token.mid(3).toLatin1());
    if (raw.size() < kV1NonceSize + kV1TagSize)
        return Error::storage(tr("The stored secret is damaged."));
    auto k = key(false);
    if (!k)
        return k.error();
    Wipe wipeFileKey{k.value()};
    const QByteArray encKey = hmac(*k, QByteArrayLiteral("switchboard-enc"));
    const QByteArray macKey = hmac(*k, QByteArrayLiteral("switchboard-mac"));
    const QByteArray nonce = raw.left(kV1NonceSize);
    QByteArray data = raw.mid(kV1NonceSize, raw.size() - kV1NonceSize - kV1TagSize);
    Wipe wipeData{data};
    const QByteArray tag = raw.right(kV1TagSize);
    const QByteArray expected = hmac(macKey, QByteArray(nonce + data));
    if (sodium_memcmp(tag.constData(), expected.constData(), kV1TagSize) != 0)
        return Error::storage(
            tr("The stored secret does not match the secret key (%1): it was altered or "
               "sealed with another key.")
                .arg(keyFilePath()));
    // The key stream: HMAC-SHA256(encKey, nonce | 32-bit counter), block after block.
    QByteArray stream;
    for (quint32 counter = 0; stream.size() < data.size(); ++counter) {
        QByteArray block = nonce;
        block.append(reinterpret_cast<const char*>(&counter), sizeof counter);
        stream += hmac(encKey, block);
    }
    for (qsizetype i = 0; i < data.size(); ++i)
        data[i] = char(data[i] ^ stream[i]);
    return QString::fromUtf8(data);
}

} // namespace sb
