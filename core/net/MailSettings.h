#pragma once

#include "core/base/Error.h"
#include "core/net/MailServer.h"
#include "core/storage/Context.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace sb {

/// The mail server, kept in the database (ProviderSettings keys "mail.*") so that every
/// window and switchboardctl on one database send through the same one. Its password goes
/// through SecretVault (keychain or sealed; the settings hold only the token), never in clear.
class MailSettings
{
    Q_DECLARE_TR_FUNCTIONS(sb::MailSettings)

public:
    explicit MailSettings(const Context& ctx) : m_ctx(ctx) {}

    /// The server set, or nothing when none is.
    Result<std::optional<MailServer>> server() const;
    /// The password of the server set: empty when it logs in without one (no user).
    Result<QString> password() const;

    /// Validates and saves `server` in one transaction with an activity line (never the
    /// password). `password`: the new one for `server.user`; nothing keeps the stored one
    /// (sealed again when the host or user changed). A user without any password is refused.
    Result<void> save(const MailServer& server,
                      const std::optional<QString>& password = std::nullopt) const;
    /// Forgets the server and its password (an activity line when one was set).
    Result<void> clear() const;

    /// Host syntax, port 1–65535, a plausible sender, "none" only for a loopback host.
    static Result<void> validate(const MailServer& server);
    /// A host name (RFC 1123) or an IPv4/IPv6 address.
    static Result<void> validateHost(const QString& host);
    /// A plausible e-mail address: local@domain, no spaces, no angle brackets.
    static Result<void> validateAddress(const QString& address);
    /// localhost, 127.0.0.0/8 or ::1: where a message may travel unencrypted.
    static bool isLoopbackHost(const QString& host);
    /// What the sealed password is bound to: the server and the user it logs in as.
    static QByteArray secretContext(const QString& host, const QString& user);

private:
    const Context& m_ctx;
};

} // namespace sb
