#include "core/storage/ChangeChannel.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace sb {

namespace {
const QLatin1String kVersion("v");
const QLatin1String kOrigin("origin");
const QLatin1String kChanges("changes");
constexpr int kFormat = 1;
constexpr int kMaxOriginLength = 64;

QByteArray encode(const Changes& changes, const QString& origin)
{
    QJsonObject o;
    o.insert(kVersion, kFormat);
    o.insert(kOrigin, origin);
    o.insert(kChanges, changes.toJson());
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// How many bytes a list of named rows adds to the payload, roughly: enough to pick the
// longest.
qsizetype idsBytes(const QList<qint64>& ids)
{
    qsizetype n = 0;
    for (qint64 id : ids)
        n += QByteArray::number(id).size() + 1;
    return n;
}

qsizetype numbersBytes(const QStringList& numbers)
{
    qsizetype n = 0;
    for (const QString& s : numbers)
        n += s.size() + 3;
    return n;
}
} // namespace

QString ChangeChannel::name()
{
    return QStringLiteral("switchboard_changes");
}

QString ChangeChannel::origin()
{
    static const QString token = [] {
        const quint64 r = QRandomGenerator::system()->generate64();
        return QStringLiteral("%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(r, 16, 16, QLatin1Char('0'));
    }();
    return token;
}

QByteArray ChangeChannel::payload(const Changes& changes, const QString& origin)
{
    Changes c = changes;
    QByteArray bytes = encode(c, origin);
    while (bytes.size() > MaxPayloadBytes) {
        const qsizetype members = idsBytes(c.memberIds);
        const qsizetype numbers = numbersBytes(c.numbers);
        const qsizetype profiles = idsBytes(c.profileIds);
        if (members == 0 && numbers == 0 && profiles == 0)
            break; // only flags left: cannot happen with an origin of sane length
        if (members >= numbers && members >= profiles) {
            c.memberIds.clear();
            c.allMembers = true;
        } else if (numbers >= profiles) {
            c.numbers.clear();
            c.allNumbers = true;
        } else {
            c.profileIds.clear();
            c.allProfiles = true;
        }
        bytes = encode(c, origin);
    }
    return bytes;
}

std::optional<ChangeChannel::Message> ChangeChannel::parse(QByteArrayView payload)
{
    if (payload.isEmpty() || payload.size() > 8000)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(kVersion);
    const QJsonValue origin = o.value(kOrigin);
    const QJsonValue changes = o.value(kChanges);
    if (!version.isDouble() || version.toDouble() != kFormat || !origin.isString() ||
        origin.toString().isEmpty() || origin.toString().size() > kMaxOriginLength ||
        !changes.isObject())
        return std::nullopt;
    auto c = Changes::fromJson(changes.toObject());
    if (!c)
        return std::nullopt;
    return Message{origin.toString(), *c};
}

Result<void> ChangeChannel::send(const Database& db, const Changes& changes, const QString& origin)
{
    if (!db.isPostgres() || changes.isEmpty())
        return {};
    // pg_notify() rather than NOTIFY: a statement with bound values, the payload never
    // spliced into SQL.
    auto q = db.run(QStringLiteral("SELECT pg_notify(?, ?)"),
                    {name(), QString::fromUtf8(payload(changes, origin))});
    if (!q)
        return q.error();
    return {};
}

} // namespace sb
