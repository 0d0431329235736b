#include "core/net/MailSettings.h"

#include "core/base/HostName.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/profiles/ProviderSettings.h"
#include "core/secrets/SecretVault.h"
#include "core/storage/Transaction.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace sb {

namespace {

const QString kHost = QStringLiteral("mail.host");
const QString kPort = QStringLiteral("mail.port");
const QString kSecurity = QStringLiteral("mail.security");
const QString kFrom = QStringLiteral("mail.from");
const QString kUser = QStringLiteral("mail.user");
const QString kSecret = QStringLiteral("mail.secret");

// The keychain entry's name; the sealed form is bound to secretContext() as well.
QString vaultName(const QString& host, const QString& user)
{
    return QStringLiteral("mail-server:%1:%2").arg(host, user);
}

} // namespace

QByteArray MailSettings::secretContext(const QString& host, const QString& user)
{
    return QByteArrayLiteral("switchboard/mail-server/") + host.toLower().toUtf8() + '/' +
           user.toUtf8();
}

bool MailSettings::isLoopbackHost(const QString& host)
{
    const QString h = host.trimmed();
    if (h.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        h.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    QString literal = h;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    const QHostAddress a(literal);
    return !a.isNull() && a.isLoopback();
}

Result<void> MailSettings::validateHost(const QString& host)
{
    const QString h = host.trimmed();
    if (h.isEmpty())
        return Error::invalid(tr("Enter the mail server's host name."));
    QString literal = h;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    if (!QHostAddress(literal).isNull())
        return {};
    static const QRegularExpression re(QStringLiteral("^%1\\z").arg(HostName::pattern()));
    if (h.size() > 253 || !re.match(h).hasMatch())
        return Error::invalid(
            tr("\"%1\" is not a mail server's host name such as smtp.example.com.")
                .arg(UserText::quoted(host)));
    return {};
}

Result<void> MailSettings::validateAddress(const QString& address)
{
    static const QRegularExpression re(
        QStringLiteral("^[^@\\s\\p{Cc}\\p{Z}<>\",;:()\\[\\]\\\\]+@%1\\z").arg(HostName::pattern()));
    if (address.size() > 254 || !re.match(address).hasMatch())
        return Error::invalid(tr("\"%1\" is not an e-mail address such as name@example.com.")
                                  .arg(UserText::quoted(address)));
    return {};
}

Result<void> MailSettings::validate(const MailServer& s)
{
    if (auto h = validateHost(s.host); !h)
        return h;
    if (s.port < 1 || s.port > 65535)
        return Error::invalid(
            tr("The mail server's port must be from 1 to 65535, not %1.").arg(s.port));
    if (s.from.trimmed().isEmpty())
        return Error::invalid(tr("Enter the sender address of the messages."));
    if (auto a = validateAddress(s.from.trimmed()); !a)
        return a;
    // Credentials travel in the message: unencrypted only where they never leave the machine.
    if (s.security == MailServer::Security::None && !isLoopbackHost(s.host))
        return Error::invalid(tr("Security \"none\" is only for a mail server on this machine "
                                 "(localhost); use STARTTLS or TLS for %1.")
                                  .arg(s.host.trimmed()));
    if (s.user.contains(QLatin1Char('\n')) || s.user.contains(QLatin1Char('\r')))
        return Error::invalid(tr("The mail server's user name cannot span lines."));
    return {};
}

Result<std::optional<MailServer>> MailSettings::server() const
{
    const ProviderSettings settings(m_ctx);
    auto host = settings.value(kHost);
    if (!host)
        return host.error();
    if (host->isEmpty())
        return std::optional<MailServer>();
    MailServer s;
    s.host = *host;
    auto port = settings.value(kPort);
    auto security = settings.value(kSecurity);
    auto from = settings.value(kFrom);
    auto user = settings.value(kUser);
    for (const auto* r : {&port, &security, &from, &user}) {
        if (!*r)
            return r->error();
    }
    s.port = port->toInt();
    s.security = MailServer::securityFromKey(*security).value_or(MailServer::Security::StartTls);
    s.from = *from;
    s.user = *user;
    return std::optional<MailServer>(s);
}

Result<QString> MailSettings::password() const
{
    auto s = server();
    if (!s)
        return s.error();
    if (!*s || (*s)->user.isEmpty())
        return QString();
    auto token = ProviderSettings(m_ctx).value(kSecret);
    if (!token)
        return token.error();
    if (token->isEmpty())
        return QString();
    return SecretVault::get(vaultName((*s)->host, (*s)->user), *token,
                            secretContext((*s)->host, (*s)->user));
}

Result<void> MailSettings::save(const MailServer& in, const std::optional<QString>& password) const
{
    MailServer s = in;
    s.host = s.host.trimmed();
    s.from = s.from.trimmed();
    s.user = s.user.trimmed();
    if (auto v = validate(s); !v)
        return v;
    if (password &&
        (password->contains(QLatin1Char('\n')) || password->contains(QLatin1Char('\r'))))
        return Error::invalid(tr("The mail server's password cannot span lines."));

    auto old = server();
    if (!old)
        return old.error();
    const ProviderSettings settings(m_ctx);
    auto oldToken = settings.value(kSecret);
    if (!oldToken)
        return oldToken.error();

    // The secret to keep, sealed for the new host and user.
    QString secret;
    if (!s.user.isEmpty()) {
        if (password && !password->isEmpty()) {
            secret = *password;
        } else if (*old && !(*old)->user.isEmpty() && !oldToken->isEmpty()) {
            auto kept = SecretVault::get(vaultName((*old)->host, (*old)->user), *oldToken,
                                         secretContext((*old)->host, (*old)->user));
            if (!kept)
                return kept.error();
            secret = *kept;
        }
        if (secret.isEmpty())
            return Error::invalid(tr("Enter the password of %1 on the mail server.").arg(s.user));
    }
    QString token;
    if (!secret.isEmpty()) {
        auto t = SecretVault::put(vaultName(s.host, s.user), secret, secretContext(s.host, s.user));
        if (!t)
            return t.error();
        token = *t;
    }

    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<void> {
        const QList<std::pair<QString, QString>> values{
            {kHost, s.host},
            {kPort, QString::number(s.port)},
            {kSecurity, MailServer::securityKey(s.security)},
            {kFrom, s.from},
            {kUser, s.user},
            {kSecret, token},
        };
        for (const auto& [key, value] : values) {
            if (auto r = settings.setValue(tx, key, value); !r)
                return r;
        }
        return ActivityLog(m_ctx).record(
            tx, ActivityEvent::mailServerChanged(
                    s.host, s.port, MailServer::securityKey(s.security), s.from, s.user));
    });
    if (!done)
        return done;
    m_ctx.announce(Changes().withActivity());
    // The keychain entry of another host or user is no longer read.
    if (*old && !oldToken->isEmpty() &&
        vaultName((*old)->host, (*old)->user) != vaultName(s.host, s.user))
        SecretVault::remove(vaultName((*old)->host, (*old)->user), *oldToken);
    return {};
}

Result<void> MailSettings::clear() const
{
    auto old = server();
    if (!old)
        return old.error();
    if (!*old)
        return {};
    const ProviderSettings settings(m_ctx);
    auto oldToken = settings.value(kSecret);
    if (!oldToken)
        return oldToken.error();
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<void> {
        for (const QString& key : {kHost, kPort, kSecurity, kFrom, kUser, kSecret}) {
            if (auto r = settings.remove(tx, key); !r)
                return r;
        }
        return ActivityLog(m_ctx).record(tx, ActivityEvent::mailServerRemoved((*old)->host));
    });
    if (done)
        m_ctx.announce(Changes().withActivity());
    if (done && !oldToken->isEmpty())
        SecretVault::remove(vaultName((*old)->host, (*old)->user), *oldToken);
    return done;
}

} // namespace sb
