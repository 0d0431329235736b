#include "core/books/ActivityLog.h"

#include "core/storage/Transaction.h"

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

Result<void> ActivityLog::record(Transaction& tx, const QString& action, const QString& subject,
                                 const QString& details) const
{
    const Database& db = tx.db();
    auto q = db.run(QStringLiteral("INSERT INTO activity (at, actor, action, subject, "
                                   "details, search_key) VALUES (?, ?, ?, ?, ?, ?)"),
                    {m_ctx.nowText(), Database::text(m_ctx.actor), Database::text(action),
                     Database::text(subject), Database::text(details),
                     Database::text(searchKey({action, subject, details, m_ctx.actor}))});
    if (!q)
        return q.error();
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
    QVariantList binds;
    if (filtered)
        binds << Database::likePattern(search);
    binds << limit << offset;
    auto run = db.run(sql, binds);
    if (!run)
        return run.error();
    QSqlQuery& q = run.value();
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
    auto q = db.runFirst(QStringLiteral("SELECT COUNT(*) FROM activity"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
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
