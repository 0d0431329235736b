#include "core/books/ActivityLog.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace sb {

namespace {
// What search matches: every text of the line, case-folded by Qt (the same on both engines).
QString searchKey(const QStringList& texts)
{
    return texts.join(QChar(0x1f)).toCaseFolded();
}

} // namespace

Result<void> ActivityLog::record(const QString& action, const QString& subject,
                                 const QString& details) const
{
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO activity (at, actor, action, subject, "
                                            "details, search_key) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m_ctx.nowText());
    q.addBindValue(Database::text(m_ctx.actor));
    q.addBindValue(Database::text(action));
    q.addBindValue(Database::text(subject));
    q.addBindValue(Database::text(details));
    q.addBindValue(Database::text(searchKey({action, subject, details, m_ctx.actor})));
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    return {};
}

Result<QList<ActivityEntry>> ActivityLog::page(int offset, int limit, const QString& search) const
{
    const Database& db = m_ctx.db;
    QString sql = QStringLiteral("SELECT id, at, actor, action, subject, details FROM activity");
    const bool filtered = !search.trimmed().isEmpty();
    if (filtered)
        sql += QStringLiteral(" WHERE search_key LIKE ? ESCAPE '\\'");
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ? OFFSET ?");
    QSqlQuery q = db.prepare(sql);
    if (filtered)
        q.addBindValue(Database::likePattern(search));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    QList<ActivityEntry> out;
    while (q.next()) {
        ActivityEntry e;
        e.id = q.value(0).toLongLong();
        e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODate);
        e.actor = q.value(2).toString();
        e.action = q.value(3).toString();
        e.subject = q.value(4).toString();
        e.details = q.value(5).toString();
        out.append(e);
    }
    return out;
}

Result<qint64> ActivityLog::count() const
{
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM activity"));
    if (!db.exec(q) || !q.next())
        return Error::storage(db.lastErrorText());
    return q.value(0).toLongLong();
}

QString ActivityLog::actionName(const QString& action)
{
    static const struct
    {
        const char* key;
        const char* name;
    } names[] = {
        {"company.topup", QT_TRANSLATE_NOOP("sb::ActivityLog", "Company top-up")},
        {"member.add", QT_TRANSLATE_NOOP("sb::ActivityLog", "Member added")},
        {"member.import", QT_TRANSLATE_NOOP("sb::ActivityLog", "Members imported")},
        {"credit.allocate", QT_TRANSLATE_NOOP("sb::ActivityLog", "Credit allocated")},
        {"member.charge", QT_TRANSLATE_NOOP("sb::ActivityLog", "Member charged")},
        {"autorecharge.set", QT_TRANSLATE_NOOP("sb::ActivityLog", "Auto-recharge enabled")},
        {"autorecharge.off", QT_TRANSLATE_NOOP("sb::ActivityLog", "Auto-recharge turned off")},
        {"autorecharge.recharge", QT_TRANSLATE_NOOP("sb::ActivityLog", "Auto-recharge")},
        {"autorecharge.failed", QT_TRANSLATE_NOOP("sb::ActivityLog", "Auto-recharge not paid")},
        {"autorecharge.suspended", QT_TRANSLATE_NOOP("sb::ActivityLog", "Auto-recharge suspended")},
        {"autorecharge.resumed", QT_TRANSLATE_NOOP("sb::ActivityLog", "Auto-recharge resumed")},
        {"demo.generate", QT_TRANSLATE_NOOP("sb::ActivityLog", "Demo data generated")},
    };
    for (const auto& n : names) {
        if (action == QLatin1String(n.key))
            return QCoreApplication::translate("sb::ActivityLog", n.name);
    }
    return action;
}

} // namespace sb
