#pragma once

#include "core/base/Error.h"
#include "core/net/MailMessage.h"
#include "core/net/MailServer.h"
#include "core/net/SmtpClient.h"
#include "core/storage/Context.h"

#include <QObject>
#include <QString>

#include <optional>

namespace sb {

/// Sends what Switchboard mails through the mail server of MailSettings: a registration
/// profile's credentials (to its e-mail) and the settings' test message.
///
/// start…() checks first and refuses at once, nothing sent, when no mail server is set, the
/// profile is unknown, has no e-mail or authenticates by IP (no credentials to send);
/// otherwise it returns the address the message goes to and finished() follows. The
/// activity line "credentials sent to ADDRESS" (never the password) is written only once
/// the server accepted the message; a failed send changes nothing. send…() do the same
/// and wait (a local event loop): for switchboardctl. The window uses start…().
class MailSender : public QObject
{
    Q_OBJECT

public:
    /// `ctx` must outlive the sender.
    explicit MailSender(const Context& ctx, QObject* parent = nullptr);

    /// Its timeouts and trusted authorities can be set before a send.
    SmtpClient& client() { return *m_client; }
    bool isBusy() const { return m_client->isBusy(); }

    Result<QString> startCredentials(const QString& profile);
    Result<QString> startTestMessage(const QString& address);
    /// The test message through `server` and `password` as entered, before they are saved
    /// (the settings' "Send a test message"); validated as MailSettings::save does.
    Result<QString> startTestMessage(const QString& address, const MailServer& server,
                                     const QString& password);
    Result<QString> sendCredentials(const QString& profile);
    Result<QString> sendTestMessage(const QString& address);

signals:
    /// The address the server accepted the message for, or why it was not sent.
    void finished(const sb::Result<QString>& sentTo);

private:
    /// Sends `message` to `to`; `profile` names whose credentials it carries (empty for the
    /// test message), for the activity line once the server accepted it.
    Result<QString> launch(const MailServer& server, const QString& password, const QString& to,
                           const MailMessage& message, const QString& profile);
    Result<QString> waitFor(const Result<QString>& started);
    void onClientFinished(const Result<void>& result);
    Result<QString> done(const Result<void>& sent);

    const Context& m_ctx;
    SmtpClient* m_client;
    QString m_address;
    QString m_profile;                     ///< empty for the test message
    std::optional<Result<QString>> m_last; ///< the end of the latest send, for waitFor()
};

} // namespace sb
