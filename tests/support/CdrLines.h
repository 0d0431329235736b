#pragma once

// Call records as a PBX writes them, for tests that import calls.

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QString>

namespace sbt {

inline QByteArray cdrQuoted(const QString& s)
{
    QByteArray b = s.toUtf8();
    b.replace("\"", "\"\"");
    return '"' + b + '"';
}

/// One Asterisk cdr_csv line (18 columns, loguniqueid and loguserfield on): a call paid by
/// `account` to `dst` starting at `start` (UTC), ringing 5 s, then `billsec` answered seconds
/// (0: not answered).
inline QByteArray asteriskLine(const QString& account, const QString& dst, const QDateTime& start,
                               qint64 billsec, const QString& uniqueid)
{
    const bool answered = billsec > 0;
    const QDateTime answer = start.addSecs(5);
    const QDateTime end = answer.addSecs(billsec);
    const auto t = [](const QDateTime& d) {
        return d.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    const QByteArrayList f{
        cdrQuoted(account),
        cdrQuoted(QStringLiteral("1001")),
        cdrQuoted(dst),
        cdrQuoted(QStringLiteral("from-internal")),
        cdrQuoted(QStringLiteral("\"Test\" <1001>")),
        cdrQuoted(QStringLiteral("PJSIP/1001-00000001")),
        cdrQuoted(QStringLiteral("PJSIP/trunk-00000002")),
        cdrQuoted(QStringLiteral("Dial")),
        cdrQuoted(QStringLiteral("PJSIP/%1@trunk,60").arg(dst)),
        cdrQuoted(t(start)),
        cdrQuoted(answered ? t(answer) : QString()),
        cdrQuoted(t(end)),
        QByteArray::number(billsec + 5),
        QByteArray::number(billsec),
        cdrQuoted(answered ? QStringLiteral("ANSWERED") : QStringLiteral("NO ANSWER")),
        cdrQuoted(QStringLiteral("DOCUMENTATION")),
        cdrQuoted(uniqueid),
        cdrQuoted(QString())};
    return f.join(',') + '\n';
}

} // namespace sbt
