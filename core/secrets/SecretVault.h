#pragma once

#include "core/base/Error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace sb {

/// Where passwords live. The operating system's keychain (QtKeychain) where one answers;
/// otherwise sealed with a key kept outside the database (SealedSecret), bound to a context
/// that names what the secret belongs to. put() returns the token to store: "keychain:" or
/// a sealed "v2:…". $SWITCHBOARD_NO_KEYCHAIN=1 skips the keychain (tests, headless servers).
class SecretVault
{
    Q_DECLARE_TR_FUNCTIONS(sb::SecretVault)

public:
    static Result<QString> put(const QString& name, const QString& secret,
                               const QByteArray& context);
    /// Only the keychain: true when it took the secret (the token is then "keychain:").
    /// For a caller that seals later, once it knows the secret's context.
    static bool putInKeychain(const QString& name, const QString& secret);
    static Result<QString> get(const QString& name, const QString& token,
                               const QByteArray& context);
    static void remove(const QString& name, const QString& token);
    /// True for a token sealed in an older format, to be sealed again (reseal()).
    static bool needsReseal(const QString& token);
    /// The secret of an older token sealed again in the current format for `context`.
    static Result<QString> reseal(const QString& token, const QByteArray& context);
    /// True once a keychain has answered in this process.
    static bool keychainAvailable();
};

} // namespace sb
