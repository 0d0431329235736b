#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace sb {

/// One plain-text e-mail as RFC 5322 bytes: UTF-8 throughout, the subject as RFC 2047
/// encoded-words when it is not ASCII, the body quoted-printable, CRLF line ends. Its date
/// comes from the caller (the injected clock), never the system time.
struct MailMessage
{
    QString from;      ///< the sender address (MailServer::from)
    QString to;        ///< the one recipient
    QString subject;   ///< any Unicode text, one line
    QString body;      ///< any Unicode text; line ends become CRLF
    QDateTime date;    ///< shown in UTC
    QString messageId; ///< without the angle brackets; empty: made up when the bytes are

    /// The message as it goes after DATA (before dot-stuffing, which SmtpClient does).
    QByteArray toBytes() const;

    /// "Tue, 10 Mar 2026 12:00:00 +0000" (English names, as RFC 5322 wants), in UTC.
    static QByteArray rfc5322Date(const QDateTime& date);
    /// The text as is when it is printable ASCII; otherwise "=?UTF-8?B?…?=" words of at most
    /// 75 characters, split between characters, folded onto continuation lines.
    static QByteArray encodeHeaderText(const QString& text);
    /// Quoted-printable (RFC 2045) of the UTF-8 text, lines of at most 76 characters, CRLF.
    static QByteArray quotedPrintable(const QString& text);
    /// "random@domain-of-from" for the Message-ID header.
    static QString newMessageId(const QString& from);
};

} // namespace sb
