#pragma once

#include "core/base/Error.h"

#include <QCoreApplication>
#include <QString>

namespace sb {

/// Where SIP passwords live. The operating system's keychain (QtKeychain) where one
/// answers; otherwise sealed in the database with a key kept outside it (SealedSecret).
/// put() returns the token to store with the profile: "keychain:" or a sealed "v1:…".
/// $SWITCHBOARD_NO_KEYCHAIN=1 skips the keychain (tests, headless servers).
class SecretVault
{
    Q_DECLARE_TR_FUNCTIONS(sb::SecretVault)

public:
    static Result<QString> put(const QString& name, const QString& secret);
    static Result<QString> get(const QString& name, const QString& token);
    static void remove(const QString& name, const QString& token);
    /// True once a keychain has answered in this process.
    static bool keychainAvailable();
};

} // namespace sb
