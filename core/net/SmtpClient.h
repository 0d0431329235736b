#pragma once

#include "core/base/Error.h"
#include "core/net/MailServer.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QStringList>

class QSslSocket;
class QTimer;

namespace sb {

/// Sends one message to one recipient over SMTP (RFC 5321), written on QSslSocket: EHLO
/// (HELO when refused), STARTTLS or implicit TLS, AUTH PLAIN or LOGIN (PLAIN preferred),
/// MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. Certificates are checked against the
/// system's authorities (and any added with setCaCertificates); an untrusted one ends the
/// send with a message naming the problem, never silently ignored.
///
/// send() returns at once; finished() follows exactly once per send, with a translated
/// message naming the server on failure. sendAndWait() is the same for a command line:
/// it runs a local event loop, so the window uses send() and never blocks.
class SmtpClient : public QObject
{
    Q_OBJECT

public:
    explicit SmtpClient(QObject* parent = nullptr);
    ~SmtpClient() override;

    /// How long to wait for the connection (and the TLS handshake), in milliseconds.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    /// How long to wait for each reply of the server, in milliseconds.
    void setReplyTimeout(int ms) { m_replyTimeoutMs = ms; }
    int connectTimeout() const { return m_connectTimeoutMs; }
    int replyTimeout() const { return m_replyTimeoutMs; }
    /// Authorities trusted besides the system's (a test's own CA, a company's private CA).
    void setCaCertificates(const QList<QSslCertificate>& certificates)
    {
        m_extraCas = certificates;
    }

    /// True between send() and finished().
    bool isBusy() const { return m_busy; }

    /// Starts sending `message` (RFC 5322 bytes, see MailMessage) from `server.from` to
    /// `recipient`, logging in as `server.user` with `password` when the user is set.
    /// A server MailSettings::validate() refuses ("none" for a host that is not loopback, …)
    /// and a send while another is under way finish at once with an error.
    void send(const MailServer& server, const QString& password, const QString& recipient,
              const QByteArray& message);
    /// send() and wait for its end in a local event loop.
    Result<void> sendAndWait(const MailServer& server, const QString& password,
                             const QString& recipient, const QByteArray& message);

    /// The message as it goes after DATA: CRLF line ends, a "." before every line that
    /// starts with one (RFC 5321 §4.5.2), the final "." line.
    static QByteArray dotStuffed(const QByteArray& message);

signals:
    /// The server accepted the message (ok), or why not.
    void finished(const sb::Result<void>& result);

private:
    enum class Step
    {
        Idle,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Handshake,
        AuthPlain,
        AuthLoginUser,
        AuthLoginPassword,
        AuthLoginDone,
        MailFrom,
        RcptTo,
        Data,
        Body,
    };

    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onDisconnected();
    void onTimeout();
    void onReply(int code, const QStringList& lines);
    void afterHello();
    void startAuth();
    void command(const QByteArray& line, Step next);
    void waitForReply();
    void fail(const QString& message);
    void finish(const Result<void>& result);
    QString serverName() const;
    QString replyText(const QStringList& lines) const;
    QByteArray helloName() const;

    MailServer m_server;
    QString m_password;
    QString m_recipient;
    QByteArray m_message;

    QSslSocket* m_socket = nullptr;
    QTimer* m_timer = nullptr;
    int m_connectTimeoutMs = 15000;
    int m_replyTimeoutMs = 60000;
    QList<QSslCertificate> m_extraCas;

    bool m_busy = false;
    Step m_step = Step::Idle;
    QByteArray m_buffer;
    QStringList m_replyLines;
    QStringList m_capabilities; ///< the EHLO keywords and their parameters, upper case
    bool m_connected = false;
    QList<QSslError> m_sslErrors;
};

} // namespace sb
