#pragma once

#include "core/base/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace sb {

/// Encrypts secrets for storage in the database with a key kept outside it: a 32-byte
/// random key in a file readable only by the user ($SWITCHBOARD_SECRET_KEY_FILE, else
/// switchboard/secrets.key under the user's config directory). The construction is
/// HMAC-SHA256 in counter mode as the key stream, then HMAC-SHA256 over nonce and
/// ciphertext (encrypt-then-MAC), with separate keys derived for the two purposes.
class SealedSecret
{
    Q_DECLARE_TR_FUNCTIONS(sb::SealedSecret)

public:
    /// The key file in use (created with mode 0600 on first seal).
    static QString keyFilePath();
    /// "v1:" + base64(nonce | ciphertext | tag).
    static Result<QString> seal(const QString& plaintext);
    /// Refuses a token that was altered or sealed with another key.
    static Result<QString> open(const QString& token);

private:
    static Result<QByteArray> key(bool create);
};

} // namespace sb
