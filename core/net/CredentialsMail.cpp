#include "core/net/CredentialsMail.h"

#include "core/profiles/PbxConfig.h"

namespace sb {

QString CredentialsMail::subject(const SipProfile& profile)
{
    return tr("Credentials of the SIP profile %1").arg(profile.name);
}

QString CredentialsMail::body(const SipProfile& p, const ProfileService::Credentials& c)
{
    QStringList servers;
    for (const QString& s : c.servers)
        servers << QStringLiteral("  %1").arg(s);
    return tr("Hello,\n"
              "\n"
              "these are the credentials of the SIP profile %1 for your PBX.\n"
              "\n"
              "SIP username: %2\n"
              "SIP password: %3\n"
              "\n"
              "The provider's SIP servers:\n"
              "%4\n"
              "\n"
              "The configuration for an Asterisk PBX (PJSIP), ready to paste into "
              "/etc/asterisk/pjsip.conf:\n"
              "\n"
              "%5\n"
              "\n"
              "Keep this message private: whoever has the password can make calls the company "
              "pays for.\n")
        .arg(p.name, c.username, c.password, servers.join(QLatin1Char('\n')),
             PbxConfig::asterisk(p, c.servers, c.password).trimmed());
}

MailMessage CredentialsMail::compose(const MailServer& server, const SipProfile& profile,
                                     const ProfileService::Credentials& credentials,
                                     const QDateTime& now)
{
    MailMessage m;
    m.from = server.from;
    m.to = profile.email.trimmed();
    m.subject = subject(profile);
    m.body = body(profile, credentials);
    m.date = now;
    m.messageId = MailMessage::newMessageId(server.from);
    return m;
}

MailMessage CredentialsMail::testMessage(const MailServer& server, const QString& address,
                                         const QDateTime& now)
{
    MailMessage m;
    m.from = server.from;
    m.to = address.trimmed();
    m.subject = tr("Switchboard test message");
    m.body = tr("This is a test message from Switchboard: the mail server %1 (port %2) sends "
                "the credentials of SIP profiles.\n")
                 .arg(server.host)
                 .arg(server.port);
    m.date = now;
    m.messageId = MailMessage::newMessageId(server.from);
    return m;
}

} // namespace sb
