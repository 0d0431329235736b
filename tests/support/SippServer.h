#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QUdpSocket>

#include <memory>

namespace sb::test {

/// A real SIP server on loopback for the probe's tests: Debian's `sipp` (sip-tester) running
/// one of the scenarios of tests/support/sipp/ (SB_SIPP_SCENARIOS) on a free UDP port, which
/// answers one OPTIONS and exits. start() returns once sipp listens.
class SippServer
{
public:
    static QString program() { return QStringLiteral("/usr/bin/sipp"); }
    static bool available() { return QFile::exists(program()); }

    /// A UDP port free on 127.0.0.1 a moment ago.
    static quint16 freePort()
    {
        QUdpSocket s;
        if (!s.bind(QHostAddress::LocalHost, 0))
            return 0;
        return s.localPort();
    }

    /// Whether something listens on UDP `port` of 127.0.0.1, read from /proc/net/udp (a bind
    /// to find out would take the port from sipp).
    static bool listening(quint16 port)
    {
        QFile f(QStringLiteral("/proc/net/udp"));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray needle =
            QByteArray(":") + QByteArray::number(port, 16).toUpper().rightJustified(4, '0') + ' ';
        for (const QByteArray& line : f.readAll().split('\n')) {
            const QList<QByteArray> cols = line.simplified().split(' ');
            if (cols.size() > 1 && QByteArray(cols.at(1) + ' ').endsWith(needle))
                return true;
        }
        return false;
    }

    ~SippServer() { stop(); }

    /// Starts sipp with `scenario` (a file name in tests/support/sipp/); an error message, or
    /// empty once it listens.
    QString start(const QString& scenario)
    {
        const QString file = QStringLiteral(SB_SIPP_SCENARIOS "/") + scenario;
        if (!QFile::exists(file))
            return QStringLiteral("no scenario %1").arg(file);
        for (int attempt = 0; attempt < 5; ++attempt) {
            m_port = freePort();
            m_process = std::make_unique<QProcess>();
            m_process->setProcessChannelMode(QProcess::MergedChannels);
            m_process->start(program(), {QStringLiteral("-sf"), file, QStringLiteral("-i"),
                                         QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                         QString::number(m_port), QStringLiteral("-m"),
                                         QStringLiteral("1"), QStringLiteral("-nostdin"),
                                         QStringLiteral("-timeout"), QStringLiteral("30s")});
            if (!m_process->waitForStarted(5000))
                return QStringLiteral("sipp did not start: %1").arg(m_process->errorString());
            QDeadlineTimer deadline(5000);
            while (!deadline.hasExpired()) {
                if (listening(m_port))
                    return {};
                if (m_process->state() == QProcess::NotRunning)
                    break;
                QThread::msleep(20);
            }
            m_output = QString::fromLocal8Bit(m_process->readAll());
            stop();
        }
        return QStringLiteral("sipp did not listen: %1").arg(m_output);
    }

    quint16 port() const { return m_port; }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(3000)) {
                m_process->kill();
                m_process->waitForFinished(3000);
            }
        }
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_output;
};

} // namespace sb::test
