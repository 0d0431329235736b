#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace sb {

/// What one SIP OPTIONS probe found out about one server: answered (with the status code and
/// the round-trip time), answered with an error, or silent until the limit.
struct ProbeResult
{
    Q_DECLARE_TR_FUNCTIONS(sb::ProbeResult)

public:
    enum class Kind
    {
        Pbx,     ///< the PBX of an IP-authenticated profile
        Provider ///< one of the provider's SIP servers
    };
    enum class Outcome
    {
        Ok,      ///< a final 2xx answer
        Error,   ///< another final answer, or the name could not be resolved
        NoAnswer ///< no final answer before the limit
    };

    QString target; ///< "host:port" as probed
    Kind kind = Kind::Provider;
    Outcome result = Outcome::NoAnswer;
    std::optional<int> code;  ///< the final status code, when one came
    std::optional<int> rttMs; ///< from the first transmission to the final answer
    /// The reason phrase of the answer, or why nothing could be sent (already translated).
    QString reason;
    int limitMs = 0;     ///< how long the probe waited at most
    QDateTime checkedAt; ///< from the injected clock

    static QString kindKey(Kind k)
    {
        return k == Kind::Pbx ? QStringLiteral("pbx") : QStringLiteral("provider");
    }
    static QString outcomeKey(Outcome o)
    {
        switch (o) {
        case Outcome::Ok:
            return QStringLiteral("ok");
        case Outcome::Error:
            return QStringLiteral("error");
        case Outcome::NoAnswer:
            break;
        }
        return QStringLiteral("no-answer");
    }
    static Kind kindFromKey(const QString& key)
    {
        return key == QLatin1String("pbx") ? Kind::Pbx : Kind::Provider;
    }
    static Outcome outcomeFromKey(const QString& key)
    {
        if (key == QLatin1String("ok"))
            return Outcome::Ok;
        if (key == QLatin1String("error"))
            return Outcome::Error;
        return Outcome::NoAnswer;
    }

    /// In words, in the reader's language: "sip1.example.net:5060 answered 200 OK in 23 ms".
    QString describe() const
    {
        switch (result) {
        case Outcome::Ok:
            return tr("%1 answered %2 %3 in %4 ms")
                .arg(target)
                .arg(code.value_or(200))
                .arg(reason)
                .arg(rttMs.value_or(0));
        case Outcome::Error:
            if (code)
                return tr("%1 answered %2 %3").arg(target).arg(*code).arg(reason);
            return tr("%1: %2").arg(target, reason);
        case Outcome::NoAnswer:
            break;
        }
        return tr("%1: no answer after %2 s").arg(target).arg((limitMs + 999) / 1000);
    }
};

} // namespace sb

Q_DECLARE_METATYPE(sb::ProbeResult)
