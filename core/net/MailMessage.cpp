#include "core/net/MailMessage.h"

#include <QRandomGenerator>
#include <QStringList>

namespace sb {

namespace {

bool isPrintableAscii(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

// One header line's text: no line breaks may reach the header.
QString oneLine(const QString& text)
{
    QString t = text;
    t.replace(QLatin1String("\r\n"), QLatin1String(" "));
    t.replace(QLatin1Char('\r'), QLatin1Char(' '));
    t.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return t;
}

} // namespace

QByteArray MailMessage::rfc5322Date(const QDateTime& date)
{
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = date.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()) + ' ' +
           months[d.month() - 1] + ' ' + QByteArray::number(d.year()) + ' ' +
           t.toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
}

QByteArray MailMessage::encodeHeaderText(const QString& text)
{
    const QString t = oneLine(text);
    if (isPrintableAscii(t))
        return t.toLatin1();
    // "=?UTF-8?B?" + 60 base64 characters + "?=" is 72: 45 bytes of UTF-8 per word at most,
    // and a word never splits a character (RFC 2047 §5).
    constexpr int maxBytes = 45;
    QList<QByteArray> words;
    QByteArray chunk;
    for (int i = 0; i < t.size();) {
        const int len = (t.at(i).isHighSurrogate() && i + 1 < t.size()) ? 2 : 1;
        const QByteArray ch = t.mid(i, len).toUtf8();
        if (chunk.size() + ch.size() > maxBytes) {
            words << chunk;
            chunk.clear();
        }
        chunk += ch;
        i += len;
    }
    if (!chunk.isEmpty())
        words << chunk;
    QList<QByteArray> encoded;
    for (const QByteArray& w : std::as_const(words))
        encoded << QByteArray("=?UTF-8?B?") + w.toBase64() + "?=";
    return encoded.join("\r\n ");
}

QByteArray MailMessage::quotedPrintable(const QString& text)
{
    QString normal = text;
    normal.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normal.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normal.split(QLatin1Char('\n'));
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QByteArray bytes = lines.at(n).toUtf8();
        QByteArray line;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const auto b = static_cast<unsigned char>(bytes.at(i));
            const bool last = i == bytes.size() - 1;
            QByteArray token;
            // Trailing white space is encoded: transports may strip it.
            if ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last))
                token = QByteArray(1, char(b));
            else
                token = QByteArray("=") + hex[b >> 4] + hex[b & 0xf];
            // 76 characters a line, counting the "=" of a soft break.
            if (line.size() + token.size() > 75) {
                out += line + "=\r\n";
                line.clear();
            }
            line += token;
        }
        out += line;
        if (n + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

QString MailMessage::newMessageId(const QString& from)
{
    QString domain = from.section(QLatin1Char('@'), -1);
    if (domain.isEmpty() || !from.contains(QLatin1Char('@')))
        domain = QStringLiteral("switchboard.invalid");
    const quint64 a = QRandomGenerator::system()->generate64();
    const quint64 b = QRandomGenerator::system()->generate64();
    return QStringLiteral("%1.%2@%3").arg(QString::number(a, 36), QString::number(b, 36), domain);
}

QByteArray MailMessage::toBytes() const
{
    const QString id = messageId.isEmpty() ? newMessageId(from) : messageId;
    QByteArray out;
    out += "Date: " + rfc5322Date(date) + "\r\n";
    out += "Message-ID: <" + id.toUtf8() + ">\r\n";
    out += "From: " + oneLine(from).toUtf8() + "\r\n";
    out += "To: " + oneLine(to).toUtf8() + "\r\n";
    out += "Subject: " + encodeHeaderText(subject) + "\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n";
    out += "\r\n";
    out += quotedPrintable(body);
    out += "\r\n";
    return out;
}

} // namespace sb
