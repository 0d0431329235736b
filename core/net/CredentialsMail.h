#pragma once

#include "core/net/MailMessage.h"
#include "core/net/MailServer.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/SipProfile.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sb {

/// The messages Switchboard mails: a registration profile's credentials, and the test
/// message of the mail settings. Their text goes through tr(), so it is written in the
/// language of the installed translator: the admin's.
class CredentialsMail
{
    Q_DECLARE_TR_FUNCTIONS(sb::CredentialsMail)

public:
    static QString subject(const SipProfile& profile);
    /// Username, password, the provider's SIP servers and the PBX configuration
    /// (PbxConfig::asterisk, as the profile's details show it).
    static QString body(const SipProfile& profile, const ProfileService::Credentials& credentials);
    /// The credentials message from `server.from` to the profile's e-mail, dated `now`.
    static MailMessage compose(const MailServer& server, const SipProfile& profile,
                               const ProfileService::Credentials& credentials,
                               const QDateTime& now);
    /// The message "Send a test message" sends to `address`.
    static MailMessage testMessage(const MailServer& server, const QString& address,
                                   const QDateTime& now);
};

} // namespace sb
