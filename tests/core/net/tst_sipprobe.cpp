// SipProbe: one SIP OPTIONS over UDP against real servers on loopback — sipp answering 200
// and 503, a silent socket (retransmissions on Timer E, then no answer), a socket answering
// by hand (answers of other transactions ignored, 1xx waited through) and a name that does
// not resolve. Short limits: no test waits 32 s.
#include "core/net/SipProbe.h"
#include "tests/support/SippServer.h"

#include <QNetworkDatagram>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace sb;
using sb::test::SippServer;

namespace {

QString header(const QString& message, const QString& name)
{
    for (const QString& line : message.split(QStringLiteral("\r\n"))) {
        if (line.startsWith(name + QLatin1Char(':'), Qt::CaseInsensitive))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

// An answer to `request` with `status`; `branch` replaces the request's Via branch when set.
QByteArray answer(const QString& request, const QString& status, const QString& branch = {})
{
    QString via = header(request, QStringLiteral("Via"));
    if (!branch.isEmpty())
        via.replace(QRegularExpression(QStringLiteral("branch=[^;]+")),
                    QStringLiteral("branch=") + branch);
    return QStringLiteral("SIP/2.0 %1\r\nVia: %2\r\nFrom: %3\r\nTo: %4;tag=t1\r\nCall-ID: "
                          "%5\r\nCSeq: %6\r\nContent-Length: 0\r\n\r\n")
        .arg(status, via, header(request, QStringLiteral("From")),
             header(request, QStringLiteral("To")), header(request, QStringLiteral("Call-ID")),
             header(request, QStringLiteral("CSeq")))
        .toUtf8();
}

} // namespace

class TestSipProbe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!SippServer::available())
            QFAIL("sipp (Debian sip-tester) is not installed: scripts/deps.sh installs it");
    }

    void answered200WithRoundTrip()
    {
        SippServer sipp;
        const QString problem = sipp.start(QStringLiteral("options_200.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const ProbeResult r = SipProbe::probe(QStringLiteral("127.0.0.1"), sipp.port(), 5000);
        QCOMPARE(r.target, QStringLiteral("127.0.0.1:%1").arg(sipp.port()));
        QCOMPARE(r.result, ProbeResult::Outcome::Ok);
        QCOMPARE(r.code, std::optional<int>(200));
        QCOMPARE(r.reason, QStringLiteral("OK"));
        QVERIFY(r.rttMs.has_value());
        QVERIFY(*r.rttMs >= 0 && *r.rttMs < 5000);
        QCOMPARE(
            r.describe(),
            QStringLiteral("127.0.0.1:%1 answered 200 OK in %2 ms").arg(sipp.port()).arg(*r.rttMs));
    }

    void answered503IsAnError()
    {
        SippServer sipp;
        const QString problem = sipp.start(QStringLiteral("options_503.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const ProbeResult r = SipProbe::probe(QStringLiteral("127.0.0.1"), sipp.port(), 5000);
        QCOMPARE(r.result, ProbeResult::Outcome::Error);
        QCOMPARE(r.code, std::optional<int>(503));
        QCOMPARE(r.reason, QStringLiteral("Service Unavailable"));
        QVERIFY(!r.rttMs.has_value());
        QCOMPARE(r.describe(),
                 QStringLiteral("127.0.0.1:%1 answered 503 Service Unavailable").arg(sipp.port()));
    }

    // A port where a socket reads everything and never answers: Timer E sends again after
    // 500 ms and 1000 ms more (3 sends within 2000 ms), then the probe gives up.
    void silentPortIsNoAnswerAfterRetransmissions()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        SipProbe probe;
        QSignalSpy finished(&probe, &SipProbe::finished);
        probe.start(QStringLiteral("127.0.0.1"), silent.localPort(), 2000);
        QVERIFY(finished.wait(10000));
        const auto r = finished.first().first().value<ProbeResult>();
        QCOMPARE(r.result, ProbeResult::Outcome::NoAnswer);
        QVERIFY(!r.code.has_value());
        QVERIFY(!r.rttMs.has_value());
        QCOMPARE(r.limitMs, 2000);
        QCOMPARE(r.describe(),
                 QStringLiteral("127.0.0.1:%1: no answer after 2 s").arg(silent.localPort()));

        QStringList received;
        while (silent.hasPendingDatagrams())
            received << QString::fromUtf8(silent.receiveDatagram().data());
        QVERIFY2(received.size() >= 3, qPrintable(QString::number(received.size())));
        QCOMPARE(probe.sends(), received.size());
        // Retransmissions repeat the request exactly (RFC 3261 §17.1.2.2).
        for (const QString& again : std::as_const(received))
            QCOMPARE(again, received.first());

        // The request of RFC 3261 §11.
        const QString request = received.first();
        QVERIFY2(
            request.startsWith(
                QStringLiteral("OPTIONS sip:127.0.0.1:%1 SIP/2.0\r\n").arg(silent.localPort())),
            qPrintable(request));
        QVERIFY(request.endsWith(QStringLiteral("\r\n\r\n")));
        const QRegularExpression via(
            QStringLiteral("^SIP/2\\.0/UDP 127\\.0\\.0\\.1:\\d+;branch=z9hG4bK[0-9a-f]+;rport$"));
        QVERIFY2(via.match(header(request, QStringLiteral("Via"))).hasMatch(), qPrintable(request));
        QCOMPARE(header(request, QStringLiteral("Max-Forwards")), QStringLiteral("70"));
        QVERIFY(header(request, QStringLiteral("From")).contains(QStringLiteral(";tag=")));
        QCOMPARE(header(request, QStringLiteral("To")),
                 QStringLiteral("<sip:127.0.0.1:%1>").arg(silent.localPort()));
        QVERIFY(!header(request, QStringLiteral("Call-ID")).isEmpty());
        QCOMPARE(header(request, QStringLiteral("CSeq")), QStringLiteral("1 OPTIONS"));
        QVERIFY(header(request, QStringLiteral("Contact")).startsWith(QStringLiteral("<sip:")));
        QCOMPARE(header(request, QStringLiteral("Accept")), QStringLiteral("application/sdp"));
        QVERIFY(header(request, QStringLiteral("User-Agent"))
                    .startsWith(QStringLiteral("Switchboard/")));
        QCOMPARE(header(request, QStringLiteral("Content-Length")), QStringLiteral("0"));
    }

    // Answers are matched on the top Via's branch and the Call-ID; 1xx keeps waiting.
    void onlyThisTransactionsFinalAnswerCounts()
    {
        QUdpSocket server;
        QVERIFY(server.bind(QHostAddress::LocalHost, 0));
        connect(&server, &QUdpSocket::readyRead, &server, [&server]() {
            while (server.hasPendingDatagrams()) {
                const QNetworkDatagram d = server.receiveDatagram();
                const QString request = QString::fromUtf8(d.data());
                auto reply = [&](const QByteArray& bytes) {
                    server.writeDatagram(bytes, d.senderAddress(), d.senderPort());
                };
                reply(answer(request, QStringLiteral("200 OK"), QStringLiteral("z9hG4bKother")));
                QString otherCall = QString::fromUtf8(answer(request, QStringLiteral("200 OK")));
                otherCall.replace(header(request, QStringLiteral("Call-ID")),
                                  QStringLiteral("another-call"));
                reply(otherCall.toUtf8());
                reply(answer(request, QStringLiteral("100 Trying")));
                reply(answer(request, QStringLiteral("486 Busy Here")));
            }
        });
        SipProbe probe;
        QSignalSpy finished(&probe, &SipProbe::finished);
        probe.start(QStringLiteral("127.0.0.1"), server.localPort(), 5000);
        QVERIFY(finished.wait(10000));
        const auto r = finished.first().first().value<ProbeResult>();
        QCOMPARE(r.result, ProbeResult::Outcome::Error);
        QCOMPARE(r.code, std::optional<int>(486));
        QCOMPARE(r.reason, QStringLiteral("Busy Here"));
    }

    void unresolvableNameSaysSo()
    {
        // .invalid never resolves (RFC 6761).
        const ProbeResult r = SipProbe::probe(QStringLiteral("no-such-host.invalid"), 5060, 3000);
        QCOMPARE(r.target, QStringLiteral("no-such-host.invalid:5060"));
        QCOMPARE(r.result, ProbeResult::Outcome::Error);
        QVERIFY(!r.code.has_value());
        QVERIFY2(r.reason.contains(QStringLiteral("no-such-host.invalid")), qPrintable(r.reason));
        QVERIFY2(r.describe().contains(QStringLiteral("no-such-host.invalid")),
                 qPrintable(r.describe()));
    }

    void limitIsClampedToTheRfcRange()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        const ProbeResult r = SipProbe::probe(QStringLiteral("127.0.0.1"), silent.localPort(), 10);
        QCOMPARE(r.limitMs, SipProbe::T1);
        QCOMPARE(r.result, ProbeResult::Outcome::NoAnswer);
    }
};

QTEST_GUILESS_MAIN(TestSipProbe)
#include "tst_sipprobe.moc"
