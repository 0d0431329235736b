#include "core/storage/ActivityMigration.h"

#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSqlQuery>

namespace sb {

namespace {

// The value an old line's subject becomes, by its action key as written up to schema 3.
// A frozen copy: later kinds do not belong here.
QString subjectValue(const QString& action)
{
    static const struct
    {
        const char* action;
        const char* value;
    } map[] = {
        {"member.add", "account"},
        {"credit.allocate", "account"},
        {"member.charge", "account"},
        {"autorecharge.set", "account"},
        {"autorecharge.off", "account"},
        {"autorecharge.recharge", "account"},
        {"autorecharge.failed", "account"},
        {"autorecharge.suspended", "account"},
        {"autorecharge.resumed", "account"},
        {"profile.link", "account"},
        {"profile.unlink", "account"},
        {"number.buy", "holder"},
        {"number.assign", "number"},
        {"number.cancel", "number"},
        {"number.release", "number"},
        {"number.expired", "number"},
        {"number.renew", "number"},
        {"profile.create", "profile"},
        {"profile.rename", "profile"},
        {"profile.channels", "profile"},
        {"credit.profile", "profile"},
        {"profile.delete", "profile"},
        {"profile.channelsLapsed", "profile"},
    };
    for (const auto& m : map) {
        if (action == QLatin1String(m.action))
            return QString::fromLatin1(m.value);
    }
    return QStringLiteral("subject");
}

} // namespace

Result<void> convertActivityToEvents(Transaction& tx)
{
    const Database& db = tx.db();
    struct Row
    {
        qint64 id;
        QString actor, action, subject, details;
    };
    QList<Row> rows;
    {
        auto q = db.run(
            QStringLiteral("SELECT id, actor, action, subject, details FROM activity ORDER BY id"));
        if (!q)
            return q.error();
        while (q->next())
            rows.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                         q->value(3).toString(), q->value(4).toString()});
    }
    for (const Row& r : std::as_const(rows)) {
        QJsonObject values{{QStringLiteral("text"), r.details}};
        if (!r.subject.isEmpty())
            values.insert(subjectValue(r.action), r.subject);
        // The same search key a new line gets, plus the old sentence's words.
        const QString searchKey =
            QStringList{r.action, r.actor, r.subject, r.details}.join(QChar(0x1f)).toCaseFolded();
        auto u = db.run(
            QStringLiteral("UPDATE activity SET event_values = ?, search_key = ? WHERE id = ?"),
            {QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)), searchKey,
             r.id});
        if (!u)
            return u.error();
    }
    return {};
}

} // namespace sb
