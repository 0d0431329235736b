#pragma once

#include "core/base/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace sb {

/// Encrypts secrets for storage in the database with a key kept outside it: a 32-byte
/// random key in a file readable only by the user ($SWITCHBOARD_SECRET_KEY_FILE, else
/// switchboard/secrets.key under the user's config directory).
///
/// A sealed secret is "v2:" + base64(nonce | ciphertext | tag): libsodium's
/// XChaCha20-Poly1305 (IETF) with a random 24-byte nonce, under a subkey derived from the
/// key file, and `context` as associated data. The context names what the secret belongs to
/// (a SIP profile's id and username, a database address), so a sealed secret copied to
/// another row or setting does not open there.
///
/// The older "v1:" tokens (HMAC-SHA256 in counter mode, encrypt-then-MAC, bound to nothing)
/// still open, for resealing: needsReseal() says which tokens are of that kind.
class SealedSecret
{
    Q_DECLARE_TR_FUNCTIONS(sb::SealedSecret)

public:
    /// The key file in use (created with mode 0600 on first seal).
    static QString keyFilePath();
    /// "v2:" + base64(nonce | ciphertext | tag), bound to `context`.
    static Result<QString> seal(const QString& plaintext, const QByteArray& context);
    /// Refuses a token that was altered, sealed with another key, or (v2) sealed for
    /// another context.
    static Result<QString> open(const QString& token, const QByteArray& context);
    /// True for a token of an older format ("v1:"), which open() reads and which should
    /// be sealed again.
    static bool needsReseal(const QString& token);

    /// Whether a missing key file may be created: false while the database in use already
    /// holds sealed secrets, whose key a new one would not open (they would end up under two
    /// keys). Set when a database is opened (ProfileService::guardKeyFile); true by default.
    static void allowKeyCreation(bool allowed);

private:
    static Result<QByteArray> key(bool create);
    static Result<QString> openV1(const QString& token);
};

} // namespace sb
