#include "core/net/MailSender.h"

#include "core/books/ActivityLog.h"
#include "core/net/CredentialsMail.h"
#include "core/net/MailSettings.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Transaction.h"

#include <QEventLoop>

namespace sb {

MailSender::MailSender(const Context& ctx, QObject* parent)
    : QObject(parent), m_ctx(ctx), m_client(new SmtpClient(this))
{
    connect(m_client, &SmtpClient::finished, this, &MailSender::onClientFinished);
}

namespace {

// The server set, or a refusal saying one is needed.
Result<MailServer> configured(const MailSettings& settings)
{
    auto s = settings.server();
    if (!s)
        return s.error();
    if (!*s)
        return Error::refused(MailSender::tr("No mail server is set: enter one in Settings (or "
                                             "with switchboardctl settings mail)."));
    return **s;
}

} // namespace

Result<QString> MailSender::startCredentials(const QString& name)
{
    if (isBusy())
        return Error::refused(tr("A message is already being sent; wait for it."));
    const ProfileService profiles(m_ctx);
    auto p = profiles.find(name);
    if (!p)
        return p.error();
    if (p->auth != SipProfile::Auth::Registration)
        return Error::refused(tr("SIP profile %1 authenticates by its IP address: it has no "
                                 "username or password to send.")
                                  .arg(p->name));
    const QString email = p->email.trimmed();
    if (email.isEmpty())
        return Error::refused(
            tr("SIP profile %1 has no e-mail address to send its credentials to.").arg(p->name));
    if (auto a = MailSettings::validateAddress(email); !a)
        return a.error();
    const MailSettings settings(m_ctx);
    auto server = configured(settings);
    if (!server)
        return server.error();
    auto password = settings.password();
    if (!password)
        return password.error();
    auto credentials = profiles.credentials(p->name);
    if (!credentials)
        return credentials.error();
    return launch(*server, *password, email,
                  CredentialsMail::compose(*server, *p, *credentials, m_ctx.now()), p->name);
}

Result<QString> MailSender::startTestMessage(const QString& address)
{
    if (isBusy())
        return Error::refused(tr("A message is already being sent; wait for it."));
    if (auto a = MailSettings::validateAddress(address.trimmed()); !a)
        return a.error();
    const MailSettings settings(m_ctx);
    auto server = configured(settings);
    if (!server)
        return server.error();
    auto password = settings.password();
    if (!password)
        return password.error();
    return startTestMessage(address, *server, *password);
}

Result<QString> MailSender::startTestMessage(const QString& address, const MailServer& server,
                                             const QString& password)
{
    if (isBusy())
        return Error::refused(tr("A message is already being sent; wait for it."));
    const QString to = address.trimmed();
    if (auto a = MailSettings::validateAddress(to); !a)
        return a.error();
    if (auto v = MailSettings::validate(server); !v)
        return v.error();
    return launch(server, password, to, CredentialsMail::testMessage(server, to, m_ctx.now()), {});
}

Result<QString> MailSender::launch(const MailServer& server, const QString& password,
                                   const QString& to, const MailMessage& message,
                                   const QString& profile)
{
    m_address = to;
    m_profile = profile;
    m_last.reset();
    m_client->send(server, password, to, message.toBytes());
    return to;
}

Result<QString> MailSender::sendCredentials(const QString& profile)
{
    return waitFor(startCredentials(profile));
}

Result<QString> MailSender::sendTestMessage(const QString& address)
{
    return waitFor(startTestMessage(address));
}

Result<QString> MailSender::waitFor(const Result<QString>& started)
{
    if (!started)
        return started;
    QEventLoop loop;
    const auto c = connect(this, &MailSender::finished, &loop, &QEventLoop::quit);
    if (!m_last)
        loop.exec();
    disconnect(c);
    return m_last.value_or(Error::refused(tr("The message was not sent.")));
}

void MailSender::onClientFinished(const Result<void>& sent)
{
    m_last = done(sent);
    emit finished(*m_last);
}

Result<QString> MailSender::done(const Result<void>& sent)
{
    if (!sent)
        return sent.error();
    if (!m_profile.isEmpty()) {
        auto logged = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<void> {
            return ActivityLog(m_ctx).record(tx,
                                             ActivityEvent::credentialsSent(m_profile, m_address));
        });
        if (!logged)
            return Error::storage(tr("The credentials were sent to %1, but the activity log "
                                     "could not record it: %2")
                                      .arg(m_address, logged.error().message));
        m_ctx.announce(Changes().withActivity());
    }
    return m_address;
}

} // namespace sb
