#include "core/secrets/RememberedDatabase.h"

#include "core/secrets/SecretVault.h"

#include <QUrl>

namespace sb {

namespace {
bool isPostgres(const QString& spec)
{
    return spec.startsWith(QLatin1String("postgresql://")) ||
           spec.startsWith(QLatin1String("postgres://"));
}

// The keychain entry and the sealing context: the address without the password, so that a
// token copied to another address does not open there.
QString vaultName(const QString& bare)
{
    return QStringLiteral("database:") + bare;
}

QByteArray context(const QString& bare)
{
    return QByteArrayLiteral("switchboard/database/") + bare.toUtf8();
}
} // namespace

QString RememberedDatabase::password(const QString& spec)
{
    if (!isPostgres(spec.trimmed()))
        return {};
    return QUrl(spec.trimmed()).password(QUrl::FullyDecoded);
}

QString RememberedDatabase::withoutPassword(const QString& specIn)
{
    const QString spec = specIn.trimmed();
    if (!isPostgres(spec))
        return spec;
    QUrl url(spec);
    if (!url.isValid() || url.password().isEmpty())
        return spec;
    url.setPassword(QString());
    return url.toString();
}

Result<void> RememberedDatabase::save(QSettings& settings, const QString& key,
                                      const QString& specIn)
{
    const QString spec = specIn.trimmed();
    const QString bare = withoutPassword(spec);
    const QString secret = password(spec);
    const QString oldBare = settings.value(key).toString();
    const QString oldToken = settings.value(secretKey(key)).toString();
    QString token;
    if (!secret.isEmpty()) {
        auto t = SecretVault::put(vaultName(bare), secret, context(bare));
        if (!t)
            return t.error();
        token = *t;
    }
    // A keychain entry of another address is no longer needed.
    if (!oldToken.isEmpty() && (token.isEmpty() || oldBare != bare))
        SecretVault::remove(vaultName(oldBare), oldToken);
    settings.setValue(key, bare);
    if (token.isEmpty())
        settings.remove(secretKey(key));
    else
        settings.setValue(secretKey(key), token);
    settings.sync();
    return {};
}

Result<QString> RememberedDatabase::load(QSettings& settings, const QString& key)
{
    const QString stored = settings.value(key).toString().trimmed();
    if (stored.isEmpty())
        return QString();
    if (!password(stored).isEmpty()) {
        // Remembered in the clear by an older version: remember it again without.
        if (auto s = save(settings, key, stored); !s)
            return s.error();
        return stored;
    }
    const QString token = settings.value(secretKey(key)).toString();
    if (token.isEmpty() || !isPostgres(stored))
        return stored;
    auto secret = SecretVault::get(vaultName(stored), token, context(stored));
    if (!secret)
        return secret.error();
    QUrl url(stored);
    url.setPassword(*secret, QUrl::DecodedMode);
    return url.toString();
}

} // namespace sb
