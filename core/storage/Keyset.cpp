#include "core/storage/Keyset.h"

#include "core/storage/Database.h"

namespace sb::Keyset {

QList<Part> parts(const QString& key, const QString& id, bool ascending, const SeekKey& from)
{
    if (!from.after)
        return {Part{}};
    const QString later = ascending ? QStringLiteral(">") : QStringLiteral("<");
    // An empty text key read back may be a null QString, which would bind as NULL.
    const QVariant value = from.value.typeId() == QMetaType::QString
                               ? Database::text(from.value.toString())
                               : from.value;
    return {
        Part{QStringLiteral("%1 = ? AND %2 %3 ?").arg(key, id, later), {value, from.id}},
        Part{QStringLiteral("%1 %2 ?").arg(key, later), {value}},
    };
}

QString orderBy(const QString& key, const QString& id, bool ascending)
{
    return QStringLiteral(" ORDER BY %1 %3, %2 %3")
        .arg(key, id, ascending ? QStringLiteral("ASC") : QStringLiteral("DESC"));
}

QString where(const QString& whereClause, const QString& condition)
{
    const QString existing = whereClause.trimmed();
    if (condition.isEmpty())
        return existing.isEmpty() ? QString() : QLatin1Char(' ') + existing;
    if (existing.isEmpty())
        return QStringLiteral(" WHERE ") + condition;
    static const QLatin1String kWhere("WHERE ");
    const QString filters =
        existing.startsWith(kWhere, Qt::CaseInsensitive) ? existing.mid(kWhere.size()) : existing;
    return QStringLiteral(" WHERE (%1) AND %2").arg(filters, condition);
}

} // namespace sb::Keyset
