#include "core/net/SipProbe.h"

#include "core/base/Version.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QHostInfo>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>

namespace sb {

namespace {

// Hex of a few random bytes: branch, tag and Call-ID must be unique in space and time
// (RFC 3261 §8.1.1.4, §8.1.1.7, §19.3).
QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toHex());
}

QString hostText(const QString& host)
{
    return host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('['))
               ? QStringLiteral("[%1]").arg(host)
               : host;
}

QString addressText(const QHostAddress& a)
{
    return hostText(a.toString());
}

// A header's parameter, case-insensitive by name (";branch=z9hG4bK…").
QString parameter(const QString& headerValue, const QString& name)
{
    const QStringList parts = headerValue.split(QLatin1Char(';'));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString p = parts.at(i).trimmed();
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq > 0 && p.left(eq).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return p.mid(eq + 1).trimmed();
    }
    return {};
}

} // namespace

SipProbe::SipProbe(QObject* parent) : QObject(parent)
{
    m_timerE = new QTimer(this);
    m_timerE->setSingleShot(true);
    m_timerE->setTimerType(Qt::PreciseTimer);
    connect(m_timerE, &QTimer::timeout, this, &SipProbe::retransmit);
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    m_deadline->setTimerType(Qt::PreciseTimer);
    connect(m_deadline, &QTimer::timeout, this, [this]() {
        if (m_lookupId >= 0) {
            QHostInfo::abortHostLookup(m_lookupId);
            m_lookupId = -1;
            finish(ProbeResult::Outcome::Error, std::nullopt,
                   tr("The name %1 was not resolved in time.").arg(m_host));
            return;
        }
        finish(ProbeResult::Outcome::NoAnswer, std::nullopt, {});
    });
}

SipProbe::~SipProbe()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
}

QString SipProbe::targetText(const QString& host, int port)
{
    return QStringLiteral("%1:%2").arg(hostText(host)).arg(port);
}

void SipProbe::start(const QString& host, int port, int timeoutMs)
{
    if (m_running)
        return;
    m_host = host.trimmed();
    if (m_host.startsWith(QLatin1Char('[')) && m_host.endsWith(QLatin1Char(']')))
        m_host = m_host.mid(1, m_host.size() - 2);
    m_port = port;
    m_timeoutMs = qBound(MinTimeoutMs, timeoutMs, MaxTimeoutMs);
    m_sends = 0;
    m_interval = T1;
    m_branch = QStringLiteral("z9hG4bK") + randomToken(12);
    m_callId = randomToken(16);
    m_fromTag = randomToken(8);
    m_result = ProbeResult();
    m_result.target = targetText(m_host, port);
    m_result.limitMs = m_timeoutMs;
    m_running = true;
    m_deadline->start(m_timeoutMs);

    if (port < 1 || port > 65535) {
        // Queued: finished() never comes from inside start().
        QTimer::singleShot(0, this, [this]() {
            finish(ProbeResult::Outcome::Error, std::nullopt,
                   tr("The port %1 is not from 1 to 65535.").arg(m_port));
        });
        return;
    }
    const QHostAddress literal(m_host);
    if (!literal.isNull()) {
        QTimer::singleShot(0, this, [this, literal]() {
            QHostInfo info;
            info.setAddresses({literal});
            resolved(info);
        });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_host, this, &SipProbe::resolved);
}

void SipProbe::resolved(const QHostInfo& info)
{
    m_lookupId = -1;
    if (!m_running)
        return;
    // IPv4 first: SIP providers' servers answer there; IPv6 when that is all there is.
    QHostAddress server;
    for (const QHostAddress& a : info.addresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol) {
            server = a;
            break;
        }
        if (server.isNull())
            server = a;
    }
    if (server.isNull()) {
        finish(ProbeResult::Outcome::Error, std::nullopt,
               info.error() != QHostInfo::NoError
                   ? tr("The name %1 cannot be resolved: %2").arg(m_host, info.errorString())
                   : tr("The name %1 has no address.").arg(m_host));
        return;
    }
    // The address the system sends from towards the server names us in Via and Contact:
    // connecting a UDP socket only chooses the route, nothing is sent.
    QHostAddress local;
    {
        QUdpSocket route;
        route.connectToHost(server, static_cast<quint16>(m_port));
        if (route.waitForConnected(1000))
            local = route.localAddress();
    }
    if (local.isNull())
        local = server.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::AnyIPv6
                                                                   : QHostAddress::AnyIPv4;
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(local, 0)) {
        finish(ProbeResult::Outcome::Error, std::nullopt,
               tr("No UDP port could be opened: %1").arg(m_socket->errorString()));
        return;
    }
    connect(m_socket, &QUdpSocket::readyRead, this, &SipProbe::readAnswers);
    m_address = server.toString();
    QHostAddress via = m_socket->localAddress();
    if (via.isNull() || via == QHostAddress::AnyIPv4 || via == QHostAddress::AnyIPv6)
        via = server.isLoopback() ? server : local;
    const QString self = QStringLiteral("%1:%2").arg(addressText(via)).arg(m_socket->localPort());
    const QString uri = QStringLiteral("sip:%1").arg(targetText(m_host, m_port));
    const QStringList lines{
        QStringLiteral("OPTIONS %1 SIP/2.0").arg(uri),
        QStringLiteral("Via: SIP/2.0/UDP %1;branch=%2;rport").arg(self, m_branch),
        QStringLiteral("Max-Forwards: 70"),
        QStringLiteral("From: <sip:switchboard@%1>;tag=%2").arg(addressText(via), m_fromTag),
        QStringLiteral("To: <%1>").arg(uri),
        QStringLiteral("Call-ID: %1@%2").arg(m_callId, addressText(via)),
        QStringLiteral("CSeq: 1 OPTIONS"),
        QStringLiteral("Contact: <sip:switchboard@%1>").arg(self),
        QStringLiteral("Accept: application/sdp"),
        QStringLiteral("User-Agent: Switchboard/%1").arg(version()),
        QStringLiteral("Content-Length: 0"),
    };
    m_callId = QStringLiteral("%1@%2").arg(m_callId, addressText(via));
    m_request = (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n\r\n")).toUtf8();
    m_sentAt.start();
    send();
}

void SipProbe::send()
{
    if (!m_socket)
        return;
    ++m_sends;
    m_socket->writeDatagram(m_request, QHostAddress(m_address), static_cast<quint16>(m_port));
    m_timerE->start(m_interval);
}

void SipProbe::retransmit()
{
    if (!m_running)
        return;
    // Timer E doubles up to T2 (§17.1.2.2); after a provisional answer it stays at T2.
    m_interval = qMin(2 * m_interval, T2);
    send();
}

void SipProbe::readAnswers()
{
    while (m_socket && m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket->receiveDatagram();
        if (m_running)
            handleAnswer(d.data());
    }
}

void SipProbe::handleAnswer(const QByteArray& datagram)
{
    QString text = QString::fromUtf8(datagram);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const qsizetype headEnd = text.indexOf(QStringLiteral("\n\n"));
    const QStringList raw = (headEnd >= 0 ? text.left(headEnd) : text).split(QLatin1Char('\n'));
    if (raw.isEmpty())
        return;
    const QString status = raw.first().trimmed();
    if (!status.startsWith(QLatin1String("SIP/2.0 ")))
        return; // a request, or noise: not ours
    const QStringList statusParts = status.split(QLatin1Char(' '));
    bool codeOk = false;
    const int code = statusParts.value(1).toInt(&codeOk);
    if (!codeOk || code < 100 || code > 699)
        return;
    const QString reason = statusParts.mid(2).join(QLatin1Char(' '));

    // Header lines, unfolded (a line starting with white space continues the previous one).
    QStringList headers;
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QString& l = raw.at(i);
        if (!l.isEmpty() && (l.front() == QLatin1Char(' ') || l.front() == QLatin1Char('\t')) &&
            !headers.isEmpty())
            headers.last() += QLatin1Char(' ') + l.trimmed();
        else
            headers << l;
    }
    QString topVia, callId, cseq;
    for (const QString& h : std::as_const(headers)) {
        const qsizetype colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString name = h.left(colon).trimmed().toLower();
        const QString value = h.mid(colon + 1).trimmed();
        if ((name == QLatin1String("via") || name == QLatin1String("v")) && topVia.isNull())
            topVia = value.section(QLatin1Char(','), 0, 0);
        else if (name == QLatin1String("call-id") || name == QLatin1String("i"))
            callId = value;
        else if (name == QLatin1String("cseq"))
            cseq = value;
    }
    // The response of this transaction: the top Via's branch and the Call-ID (§17.1.3).
    if (parameter(topVia, QStringLiteral("branch")) != m_branch || callId != m_callId)
        return;
    if (!cseq.isEmpty() &&
        cseq.section(QLatin1Char(' '), -1).compare(QLatin1String("OPTIONS"), Qt::CaseInsensitive))
        return;
    if (code < 200) {
        // Proceeding: the server heard us; retransmit at T2 until the final answer.
        m_interval = T2;
        m_timerE->start(T2);
        return;
    }
    m_result.rttMs = static_cast<int>(m_sentAt.elapsed());
    finish(code < 300 ? ProbeResult::Outcome::Ok : ProbeResult::Outcome::Error, code, reason);
}

void SipProbe::finish(ProbeResult::Outcome outcome, std::optional<int> code, const QString& reason)
{
    if (!m_running)
        return;
    m_running = false;
    m_timerE->stop();
    m_deadline->stop();
    if (m_socket) {
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_result.result = outcome;
    m_result.code = code;
    m_result.reason = reason;
    if (outcome != ProbeResult::Outcome::Ok)
        m_result.rttMs.reset();
    emit finished(m_result);
}

ProbeResult SipProbe::probe(const QString& host, int port, int timeoutMs)
{
    SipProbe p;
    ProbeResult result;
    QEventLoop loop;
    connect(&p, &SipProbe::finished, &loop, [&](const ProbeResult& r) {
        result = r;
        loop.quit();
    });
    p.start(host, port, timeoutMs);
    loop.exec();
    return result;
}

} // namespace sb
