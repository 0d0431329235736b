#include "core/secrets/SecretVault.h"

#include "core/secrets/SealedSecret.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace sb {

namespace {
const QString kService = QStringLiteral("switchboard");
bool s_keychainAnswered = false;

bool keychainDisabled()
{
    return qEnvironmentVariable("SWITCHBOARD_NO_KEYCHAIN") == QLatin1String("1") ||
           (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
            qEnvironmentVariableIsEmpty("DISPLAY"));
}

// Runs a keychain job to completion with a time limit; QtKeychain only works asynchronously.
bool runJob(QKeychain::Job* job)
{
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return job->error() == QKeychain::NoError;
}
} // namespace

bool SecretVault::keychainAvailable()
{
    return s_keychainAnswered;
}

bool SecretVault::putInKeychain(const QString& name, const QString& secret)
{
    if (keychainDisabled())
        return false;
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(name);
    job.setTextData(secret);
    if (!runJob(&job))
        return false;
    s_keychainAnswered = true;
    return true;
}

Result<QString> SecretVault::put(const QString& name, const QString& secret,
                                 const QByteArray& context)
{
    if (putInKeychain(name, secret))
        return QStringLiteral("keychain:");
    return SealedSecret::seal(secret, context);
}

bool SecretVault::needsReseal(const QString& token)
{
    return SealedSecret::needsReseal(token);
}

Result<QString> SecretVault::reseal(const QString& token, const QByteArray& context)
{
    auto secret = SealedSecret::open(token, context);
    if (!secret)
        return secret.error();
    return SealedSecret::seal(*secret, context);
}

Result<QString> SecretVault::get(const QString& name, const QString& token,
                                 const QByteArray& context)
{
    if (token.startsWith(QLatin1String("keychain:"))) {
        QKeychain::ReadPasswordJob job(kService);
        job.setAutoDelete(false);
        job.setKey(name);
        if (!runJob(&job))
            return Error::storage(tr("The keychain did not give the password of %1: %2")
                                      .arg(name, job.errorString()));
        s_keychainAnswered = true;
        return job.textData();
    }
    return SealedSecret::open(token, context);
}

void SecretVault::remove(const QString& name, const QString& token)
{
    if (!token.startsWith(QLatin1String("keychain:")))
        return; // a sealed secret goes with its database row
    QKeychain::DeletePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(name);
    runJob(&job);
}

} // namespace sb
