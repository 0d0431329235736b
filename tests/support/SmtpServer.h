#pragma once

// A real SMTP server on a free loopback port for the mail tests: Debian's python3-aiosmtpd
// (or a plain socket for the broken servers) run by tests/support/smtp_server.py with
// /usr/bin/python3, never the python3 of PATH (docs: /work/shared/PLATFORM.md, "Mail").

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>

namespace sb::test {

class SmtpServer
{
public:
    enum class Mode
    {
        Accept,      ///< aiosmtpd; messages written as JSON, decoded by Python's email package
        RefuseLogin, ///< every AUTH answered 535
        StartTls,    ///< STARTTLS with certificate(); certificate() must exist
        Tls,         ///< implicit TLS with certificate()
        Drop,        ///< greeting and EHLO, then the connection closes
        Silent,      ///< the connection is accepted and never answered
        DropAfterGreeting, ///< the greeting, then the connection closes
    };

    static QString script() { return QStringLiteral(SB_SMTP_SERVER_SCRIPT); }
    static QString python() { return QStringLiteral("/usr/bin/python3"); }

    /// Why the real server cannot run here (empty when it can): for QSKIP.
    static QString unavailable()
    {
        if (!QFile::exists(python()))
            return QStringLiteral("/usr/bin/python3 is missing");
        QProcess p;
        p.start(python(), {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
        if (!p.waitForFinished(20000) || p.exitCode() != 0)
            return QStringLiteral("Debian's python3-aiosmtpd is not installed");
        return {};
    }

    /// A self-signed certificate for "localhost" and 127.0.0.1 in `dir` (cert.pem, key.pem),
    /// made with openssl; false when openssl is missing or fails.
    static bool makeCertificate(const QString& dir)
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            return false;
        QProcess p;
        p.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                          QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                          QStringLiteral("-keyout"), dir + QStringLiteral("/key.pem"),
                          QStringLiteral("-out"), dir + QStringLiteral("/cert.pem"),
                          QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                          QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                          QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        return p.waitForFinished(60000) && p.exitCode() == 0 &&
               QFile::exists(dir + QStringLiteral("/cert.pem"));
    }
    static QList<QSslCertificate> certificates(const QString& dir)
    {
        return QSslCertificate::fromPath(dir + QStringLiteral("/cert.pem"));
    }

    /// A loopback port nothing listens on (just freed).
    static int closedPort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        const int port = s.serverPort();
        s.close();
        return port;
    }

    /// `user` empty: no AUTH asked. `exclude`: AUTH mechanisms not offered ("PLAIN").
    explicit SmtpServer(Mode mode, const QString& user = {}, const QString& password = {},
                        const QString& certDir = {}, const QString& exclude = {})
    {
        static const char* const modes[] = {"accept", "refuse-login", "starttls",     "tls",
                                            "drop",   "silent",       "drop-greeting"};
        QStringList args{script(), QStringLiteral("--mode"), QString::fromLatin1(modes[int(mode)]),
                         QStringLiteral("--dir"), m_dir.path()};
        if (!user.isEmpty())
            args << QStringLiteral("--user") << user << QStringLiteral("--password") << password;
        if (!exclude.isEmpty())
            args << QStringLiteral("--exclude") << exclude;
        if (!certDir.isEmpty())
            args << QStringLiteral("--cert") << certDir + QStringLiteral("/cert.pem")
                 << QStringLiteral("--key") << certDir + QStringLiteral("/key.pem");
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(python(), args);
        if (!m_process.waitForStarted(20000))
            return;
        // "PORT n" once it listens.
        QByteArray out;
        while (!out.contains('\n') && m_process.waitForReadyRead(30000))
            out += m_process.readAllStandardOutput();
        if (out.startsWith("PORT "))
            m_port = out.mid(5).trimmed().toInt();
        if (m_port == 0)
            m_problem = QString::fromUtf8(out + m_process.readAllStandardError());
    }
    ~SmtpServer()
    {
        // Closing its standard input ends it; a kill if it lingers.
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;

    bool ok() const { return m_port > 0; }
    int port() const { return m_port; }
    /// What the server said when it did not start.
    QString problem() const { return m_problem; }

    /// The messages received so far, oldest first.
    QList<QJsonObject> messages() const
    {
        QList<QJsonObject> out;
        const QDir dir(m_dir.path());
        for (const QString& f :
             dir.entryList({QStringLiteral("message-*.json")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(f));
            if (file.open(QIODevice::ReadOnly))
                out << QJsonDocument::fromJson(file.readAll()).object();
        }
        return out;
    }
    /// The raw bytes of a received message, as it arrived after DATA (dots unstuffed).
    static QByteArray raw(const QJsonObject& message)
    {
        return QByteArray::fromBase64(message.value(QStringLiteral("raw")).toString().toLatin1());
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    int m_port = 0;
    QString m_problem;
};

} // namespace sb::test
