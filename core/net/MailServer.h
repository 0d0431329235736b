#pragma once

#include <QString>

#include <optional>

namespace sb {

/// The mail server credentials and test messages go out through (issue 10). A value: its
/// password is not part of it (MailSettings keeps that sealed, SmtpClient takes it apart).
struct MailServer
{
    enum class Security
    {
        StartTls, ///< plain connection upgraded with STARTTLS (submission, port 587)
        Tls,      ///< TLS from the first byte (implicit TLS, port 465)
        None,     ///< no encryption: only to a server on this machine (loopback)
    };

    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString from; ///< the sender address of every message
    QString user; ///< empty: the server is used without AUTH

    bool operator==(const MailServer&) const = default;

    /// "starttls", "tls" or "none": the stored and command-line form.
    static QString securityKey(Security s)
    {
        switch (s) {
        case Security::Tls:
            return QStringLiteral("tls");
        case Security::None:
            return QStringLiteral("none");
        case Security::StartTls:
            break;
        }
        return QStringLiteral("starttls");
    }
    /// The security of a key (any case); nothing for another word.
    static std::optional<Security> securityFromKey(const QString& key)
    {
        const QString k = key.trimmed().toLower();
        if (k == QLatin1String("starttls"))
            return Security::StartTls;
        if (k == QLatin1String("tls"))
            return Security::Tls;
        if (k == QLatin1String("none"))
            return Security::None;
        return std::nullopt;
    }
    /// The usual port of a security: 587, 465 or 25.
    static int defaultPort(Security s)
    {
        return s == Security::Tls ? 465 : s == Security::None ? 25 : 587;
    }
};

} // namespace sb
