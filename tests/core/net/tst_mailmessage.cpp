// The RFC 5322 message: date from the given time in UTC, RFC 2047 subject words of at most 75
// characters split between characters, quoted-printable body, CRLF line ends.
#include "core/net/MailMessage.h"

#include <QTest>
#include <QTimeZone>

using namespace sb;

class TestMailMessage : public QObject
{
    Q_OBJECT

private slots:
    void dateIsUtcInEnglish()
    {
        const QDateTime oslo(QDate(2026, 3, 10), QTime(13, 5, 9), QTimeZone("Europe/Oslo"));
        QCOMPARE(MailMessage::rfc5322Date(oslo), QByteArray("Tue, 10 Mar 2026 12:05:09 +0000"));
        QCOMPARE(MailMessage::rfc5322Date(QDateTime(QDate(2027, 12, 5), QTime(0, 0), Qt::UTC)),
                 QByteArray("Sun, 5 Dec 2027 00:00:00 +0000"));
    }

    void asciiSubjectStaysAsIs()
    {
        QCOMPARE(MailMessage::encodeHeaderText(QStringLiteral("Credentials of Oslo")),
                 QByteArray("Credentials of Oslo"));
        // A line break never reaches the header.
        QCOMPARE(MailMessage::encodeHeaderText(QStringLiteral("a\r\nBcc: x@y")),
                 QByteArray("a Bcc: x@y"));
    }

    void unicodeSubjectIsEncodedWords()
    {
        const QString subject =
            QString::fromUtf8("Dane logowania do profilu SIP Łódź – Bjørn, café, 😀 ") +
            QString(40, QChar(0x142)); // ł
        const QByteArray header = MailMessage::encodeHeaderText(subject);
        QString decoded;
        const QList<QByteArray> lines = header.split('\n');
        QVERIFY(lines.size() > 1);
        for (QByteArray line : lines) {
            line = line.trimmed();
            QVERIFY2(line.size() <= 75, line.constData());
            QVERIFY(line.startsWith("=?UTF-8?B?") && line.endsWith("?="));
            const QByteArray bytes = QByteArray::fromBase64(line.mid(10, line.size() - 12));
            // Each word is whole UTF-8 on its own: no character split between two.
            const QString part = QString::fromUtf8(bytes);
            QCOMPARE(part.toUtf8(), bytes);
            QVERIFY(!part.contains(QChar::ReplacementCharacter));
            decoded += part;
        }
        QCOMPARE(decoded, subject);
        for (qsizetype i = 0; i + 1 < lines.size(); ++i)
            QVERIFY(lines.at(i).endsWith('\r'));
    }

    void quotedPrintableBody()
    {
        const QString body = QString::fromUtf8("ø=ł é \n.dot\n") + QString(100, QLatin1Char('x'));
        const QByteArray qp = MailMessage::quotedPrintable(body);
        for (const QByteArray& line : qp.split('\n'))
            QVERIFY2(line.size() <= 77, line.constData()); // 76 + the CR
        QVERIFY(qp.startsWith("=C3=B8=3D=C5=82 =C3=A9=20\r\n.dot\r\n"));
        QVERIFY(!qp.contains("\n\n"));
    }

    void wholeMessage()
    {
        MailMessage m;
        m.from = QStringLiteral("switchboard@example.no");
        m.to = QStringLiteral("it@example.no");
        m.subject = QStringLiteral("Hello");
        m.body = QStringLiteral("one\ntwo");
        m.date = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
        m.messageId = QStringLiteral("abc@example.no");
        QCOMPARE(m.toBytes(), QByteArray("Date: Tue, 10 Mar 2026 12:00:00 +0000\r\n"
                                         "Message-ID: <abc@example.no>\r\n"
                                         "From: switchboard@example.no\r\n"
                                         "To: it@example.no\r\n"
                                         "Subject: Hello\r\n"
                                         "MIME-Version: 1.0\r\n"
                                         "Content-Type: text/plain; charset=UTF-8\r\n"
                                         "Content-Transfer-Encoding: quoted-printable\r\n"
                                         "\r\n"
                                         "one\r\ntwo\r\n"));
        const QString id = MailMessage::newMessageId(m.from);
        QVERIFY(id.endsWith(QStringLiteral("@example.no")));
        QVERIFY(id != MailMessage::newMessageId(m.from));
    }
};

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
