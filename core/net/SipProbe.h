#pragma once

#include "core/net/ProbeResult.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QHostInfo;
class QTimer;
class QUdpSocket;

namespace sb {

/// One SIP OPTIONS request over UDP to one server (RFC 3261 §11, client transaction of
/// §17.1.2): retransmitted on Timer E from T1 = 500 ms doubling up to T2 = 4 s, given up
/// after 64·T1 = 32 s or a shorter limit. Names are resolved asynchronously (QHostInfo), so
/// a window that starts a probe is never blocked. finished() comes exactly once.
///
/// The result has no kind and no time yet: ProbeService fills them (the clock is its).
class SipProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int T1 = 500;
    static constexpr int T2 = 4000;
    static constexpr int MaxTimeoutMs = 64 * T1;
    static constexpr int MinTimeoutMs = T1;

    explicit SipProbe(QObject* parent = nullptr);
    ~SipProbe() override;

    /// Starts probing `host` (a name or an IPv4/IPv6 address) on UDP `port`; `timeoutMs` is
    /// clamped to T1…64·T1.
    void start(const QString& host, int port, int timeoutMs = MaxTimeoutMs);
    /// How many times the request went out (the first send and the retransmissions).
    int sends() const { return m_sends; }
    bool isRunning() const { return m_running; }

    /// Probes and waits in a local event loop (for switchboardctl, never for the window).
    static ProbeResult probe(const QString& host, int port, int timeoutMs = MaxTimeoutMs);

    /// "host:port", with an IPv6 address in brackets.
    static QString targetText(const QString& host, int port);

signals:
    void finished(const sb::ProbeResult& result);

private:
    void resolved(const QHostInfo& info);
    void send();
    void retransmit();
    void readAnswers();
    void handleAnswer(const QByteArray& datagram);
    void finish(ProbeResult::Outcome outcome, std::optional<int> code, const QString& reason);
    QByteArray request() const;

    QString m_host;
    int m_port = 0;
    int m_timeoutMs = MaxTimeoutMs;
    int m_lookupId = -1;
    bool m_running = false;
    int m_sends = 0;
    int m_interval = T1;
    QString m_branch;
    QString m_callId;
    QString m_fromTag;
    QByteArray m_request;
    QString m_address; ///< the server's address, resolved
    QUdpSocket* m_socket = nullptr;
    QTimer* m_timerE = nullptr;
    QTimer* m_deadline = nullptr;
    QElapsedTimer m_sentAt; ///< monotonic: a duration, not "now"
    ProbeResult m_result;
};

} // namespace sb
