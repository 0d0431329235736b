#include "core/net/SmtpClient.h"

#include "core/net/MailSettings.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace sb {

SmtpClient::SmtpClient(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QByteArray SmtpClient::dotStuffed(const QByteArray& message)
{
    QByteArray normal = message;
    normal.replace("\r\n", "\n");
    normal.replace('\r', '\n');
    if (normal.endsWith('\n'))
        normal.chop(1);
    QByteArray out;
    out.reserve(normal.size() + normal.size() / 50 + 8);
    for (const QByteArray& line : normal.split('\n')) {
        if (line.startsWith('.'))
            out += '.';
        out += line;
        out += "\r\n";
    }
    out += ".\r\n";
    return out;
}

QString SmtpClient::serverName() const
{
    const QString host =
        m_server.host.contains(QLatin1Char(':')) && !m_server.host.startsWith(QLatin1Char('['))
            ? QStringLiteral("[%1]").arg(m_server.host)
            : m_server.host;
    return QStringLiteral("%1:%2").arg(host).arg(m_server.port);
}

QString SmtpClient::replyText(const QStringList& lines) const
{
    return lines.join(QLatin1Char(' ')).trimmed();
}

QByteArray SmtpClient::helloName() const
{
    // An address literal: this machine's name may not resolve from the server (RFC 5321 §4.1.3).
    const QHostAddress local = m_socket ? m_socket->localAddress() : QHostAddress();
    if (local.protocol() == QAbstractSocket::IPv4Protocol)
        return "[" + local.toString().toLatin1() + "]";
    if (local.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const QHostAddress v4(local.toIPv4Address(&ok));
        if (ok)
            return "[" + v4.toString().toLatin1() + "]";
        QHostAddress plain = local;
        plain.setScopeId({});
        return "[IPv6:" + plain.toString().toLatin1() + "]";
    }
    return "localhost";
}

void SmtpClient::send(const MailServer& server, const QString& password, const QString& recipient,
                      const QByteArray& message)
{
    if (m_busy) {
        // finished() of the send under way must stay the first; this one answers later.
        QTimer::singleShot(0, this, [this] {
            emit finished(Error::refused(tr("A message is already being sent; wait for it.")));
        });
        return;
    }
    // Never a password in clear over the network, whoever calls: the settings' own rules.
    if (auto valid = MailSettings::validate(server); !valid) {
        QTimer::singleShot(0, this, [this, error = valid.error()] { emit finished(error); });
        return;
    }
    m_busy = true;
    m_server = server;
    m_password = password;
    m_recipient = recipient;
    m_message = message;
    m_step = Step::Greeting;
    m_buffer.clear();
    m_replyLines.clear();
    m_capabilities.clear();
    m_connected = false;
    m_sslErrors.clear();

    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QSslSocket(this);
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    if (!m_extraCas.isEmpty())
        conf.addCaCertificates(m_extraCas);
    conf.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(conf);
    connect(m_socket, &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(m_socket, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &SmtpClient::onDisconnected);
    // Recorded to be named in the message; the handshake then fails on its own: never ignored.
    connect(m_socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors += errors; });

    QString host = server.host.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    m_timer->start(m_connectTimeoutMs);
    if (server.security == MailServer::Security::Tls)
        m_socket->connectToHostEncrypted(host, quint16(server.port));
    else
        m_socket->connectToHost(host, quint16(server.port));
}

Result<void> SmtpClient::sendAndWait(const MailServer& server, const QString& password,
                                     const QString& recipient, const QByteArray& message)
{
    Result<void> result = Error::refused(tr("The message was not sent."));
    QEventLoop loop;
    const auto c = connect(this, &SmtpClient::finished, &loop, [&](const Result<void>& r) {
        result = r;
        loop.quit();
    });
    send(server, password, recipient, message);
    loop.exec();
    disconnect(c);
    return result;
}

void SmtpClient::onConnected()
{
    m_connected = true;
    // With implicit TLS the greeting comes after the handshake, still under the connect timeout.
    if (m_server.security != MailServer::Security::Tls)
        waitForReply();
}

void SmtpClient::onEncrypted()
{
    if (m_step == Step::Handshake) {
        m_capabilities.clear();
        command("EHLO " + helloName(), Step::Ehlo);
    } else {
        waitForReply(); // implicit TLS: now the greeting
    }
}

void SmtpClient::waitForReply()
{
    m_timer->start(m_replyTimeoutMs);
}

void SmtpClient::command(const QByteArray& line, Step next)
{
    m_step = next;
    m_socket->write(line + "\r\n");
    waitForReply();
}

void SmtpClient::onReadyRead()
{
    if (!m_busy || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    qsizetype end;
    while (m_busy && (end = m_buffer.indexOf('\n')) >= 0) {
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        bool ok = false;
        const int code = line.left(3).toInt(&ok);
        if (line.size() < 3 || !ok) {
            fail(tr("The mail server %1 does not speak SMTP: it answered \"%2\".")
                     .arg(serverName(), QString::fromUtf8(line.left(200))));
            return;
        }
        m_replyLines << QString::fromUtf8(line.mid(4));
        if (line.size() > 3 && line.at(3) == '-')
            continue; // more lines of the same reply
        const QStringList lines = m_replyLines;
        m_replyLines.clear();
        m_timer->stop();
        onReply(code, lines);
    }
}

void SmtpClient::onReply(int code, const QStringList& lines)
{
    const QString text = replyText(lines);
    switch (m_step) {
    case Step::Greeting:
        if (code != 220) {
            fail(tr("The mail server %1 does not take messages now: %2 %3")
                     .arg(serverName())
                     .arg(code)
                     .arg(text));
            return;
        }
        command("EHLO " + helloName(), Step::Ehlo);
        return;
    case Step::Ehlo:
        if (code != 250) {
            // An old server without extensions: HELO, and then no STARTTLS and no AUTH.
            command("HELO " + helloName(), Step::Helo);
            return;
        }
        m_capabilities.clear();
        for (qsizetype i = 1; i < lines.size(); ++i)
            m_capabilities << lines.at(i).trimmed().toUpper();
        afterHello();
        return;
    case Step::Helo:
        if (code != 250) {
            fail(tr("The mail server %1 refused the greeting: %2 %3")
                     .arg(serverName())
                     .arg(code)
                     .arg(text));
            return;
        }
        m_capabilities.clear();
        afterHello();
        return;
    case Step::StartTls:
        if (code != 220) {
            fail(tr("The mail server %1 refused STARTTLS: %2 %3")
                     .arg(serverName())
                     .arg(code)
                     .arg(text));
            return;
        }
        m_step = Step::Handshake;
        m_timer->start(m_connectTimeoutMs);
        m_socket->startClientEncryption();
        return;
    case Step::AuthPlain:
    case Step::AuthLoginDone:
        if (code != 235) {
            fail(tr("The mail server %1 refused the login of %2: %3 %4")
                     .arg(serverName(), m_server.user)
                     .arg(code)
                     .arg(text));
            return;
        }
        command("MAIL FROM:<" + m_server.from.toUtf8() + ">", Step::MailFrom);
        return;
    case Step::AuthLoginUser:
    case Step::AuthLoginPassword:
        if (code == 235 && m_step == Step::AuthLoginPassword) {
            command("MAIL FROM:<" + m_server.from.toUtf8() + ">", Step::MailFrom);
            return;
        }
        if (code != 334) {
            fail(tr("The mail server %1 refused the login of %2: %3 %4")
                     .arg(serverName(), m_server.user)
                     .arg(code)
                     .arg(text));
            return;
        }
        if (m_step == Step::AuthLoginUser)
            command(m_server.user.toUtf8().toBase64(), Step::AuthLoginPassword);
        else
            command(m_password.toUtf8().toBase64(), Step::AuthLoginDone);
        return;
    case Step::MailFrom:
        if (code != 250) {
            fail(tr("The mail server %1 refused the sender %2: %3 %4")
                     .arg(serverName(), m_server.from)
                     .arg(code)
                     .arg(text));
            return;
        }
        command("RCPT TO:<" + m_recipient.toUtf8() + ">", Step::RcptTo);
        return;
    case Step::RcptTo:
        if (code != 250 && code != 251) {
            fail(tr("The mail server %1 refused the recipient %2: %3 %4")
                     .arg(serverName(), m_recipient)
                     .arg(code)
                     .arg(text));
            return;
        }
        command("DATA", Step::Data);
        return;
    case Step::Data:
        if (code != 354) {
            fail(tr("The mail server %1 refused the message: %2 %3")
                     .arg(serverName())
                     .arg(code)
                     .arg(text));
            return;
        }
        m_step = Step::Body;
        m_socket->write(dotStuffed(m_message));
        waitForReply();
        return;
    case Step::Body:
        if (code != 250) {
            fail(tr("The mail server %1 refused the message: %2 %3")
                     .arg(serverName())
                     .arg(code)
                     .arg(text));
            return;
        }
        // Accepted: the server has it. finish() says QUIT, whose answer changes nothing.
        finish({});
        return;
    case Step::Idle:
    case Step::Handshake:
        return;
    }
}

void SmtpClient::afterHello()
{
    const bool encrypted = m_socket->isEncrypted();
    if (m_server.security == MailServer::Security::StartTls && !encrypted) {
        if (!m_capabilities.contains(QLatin1String("STARTTLS"))) {
            fail(tr("The mail server %1 does not offer STARTTLS: choose TLS (usually port 465) "
                    "or another server; the password is never sent unencrypted.")
                     .arg(serverName()));
            return;
        }
        command("STARTTLS", Step::StartTls);
        return;
    }
    if (!m_server.user.isEmpty()) {
        startAuth();
        return;
    }
    command("MAIL FROM:<" + m_server.from.toUtf8() + ">", Step::MailFrom);
}

void SmtpClient::startAuth()
{
    QStringList mechanisms;
    for (const QString& c : std::as_const(m_capabilities)) {
        // "AUTH PLAIN LOGIN", or the old "AUTH=PLAIN LOGIN".
        if (c.startsWith(QLatin1String("AUTH ")) || c.startsWith(QLatin1String("AUTH=")))
            mechanisms += c.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    if (mechanisms.contains(QLatin1String("PLAIN"))) {
        const QByteArray plain = '\0' + m_server.user.toUtf8() + '\0' + m_password.toUtf8();
        command("AUTH PLAIN " + plain.toBase64(), Step::AuthPlain);
        return;
    }
    if (mechanisms.contains(QLatin1String("LOGIN"))) {
        command("AUTH LOGIN", Step::AuthLoginUser);
        return;
    }
    fail(mechanisms.isEmpty()
             ? tr("The mail server %1 offers no login, but a user is set: clear the user, or "
                  "check the server and its security.")
                   .arg(serverName())
             : tr("The mail server %1 offers no login Switchboard knows (PLAIN or LOGIN), only: "
                  "%2.")
                   .arg(serverName(), mechanisms.join(QStringLiteral(", "))));
}

void SmtpClient::onSocketError()
{
    if (!m_busy || !m_socket)
        return;
    const auto error = m_socket->error();
    if (!m_sslErrors.isEmpty() || error == QAbstractSocket::SslHandshakeFailedError) {
        QStringList problems;
        for (const QSslError& e : std::as_const(m_sslErrors))
            problems << e.errorString();
        problems.removeDuplicates();
        fail(tr("The certificate of the mail server %1 cannot be trusted: %2")
                 .arg(serverName(), problems.isEmpty() ? m_socket->errorString()
                                                       : problems.join(QStringLiteral("; "))));
        return;
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(tr("The mail server %1 refused the connection: nothing answers on that port.")
                 .arg(serverName()));
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(tr("The mail server %1 was not found: check its name.").arg(serverName()));
        return;
    case QAbstractSocket::RemoteHostClosedError:
        onDisconnected();
        return;
    case QAbstractSocket::SocketTimeoutError:
        onTimeout();
        return;
    default:
        break;
    }
    fail(tr("The connection to the mail server %1 failed: %2")
             .arg(serverName(), m_socket->errorString()));
}

void SmtpClient::onDisconnected()
{
    if (!m_busy)
        return;
    fail(m_connected ? tr("The mail server %1 closed the connection before the message was "
                          "accepted.")
                           .arg(serverName())
                     : tr("The connection to the mail server %1 failed.").arg(serverName()));
}

void SmtpClient::onTimeout()
{
    if (!m_busy)
        return;
    const bool connecting = !m_connected || m_step == Step::Handshake;
    const int ms = m_timer->interval();
    const QString seconds = QString::number(ms / 1000.0, 'g', 3);
    fail(connecting ? tr("The mail server %1 did not answer the connection within %2 s.")
                          .arg(serverName(), seconds)
                    : tr("The mail server %1 stopped answering: no reply within %2 s.")
                          .arg(serverName(), seconds));
}

void SmtpClient::fail(const QString& message)
{
    finish(Error::refused(message));
}

void SmtpClient::finish(const Result<void>& result)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_step = Step::Idle;
    m_timer->stop();
    m_password.fill(QLatin1Char('\0'));
    m_password.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        if (result) {
            // Lives until QUIT is written and the connection closes (or this client goes).
            connect(m_socket, &QSslSocket::disconnected, m_socket, &QObject::deleteLater);
            m_socket->write("QUIT\r\n");
            m_socket->flush();
            m_socket->disconnectFromHost();
        } else {
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_socket = nullptr;
    }
    emit finished(result);
}

} // namespace sb
