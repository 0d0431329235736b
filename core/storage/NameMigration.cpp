#include "core/storage/NameMigration.h"

#include "core/base/NameText.h"
#include "core/storage/Database.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

namespace sb {

namespace {

// The name as NameText stores it, or the name as it was when that is no valid name (nothing
// visible, control characters): such a row is left for the admin to rename.
QString storedForm(const QString& name)
{
    const QString n = NameText::normalised(name);
    return n.isEmpty() || NameText::hasControlCharacters(n) ? name : n;
}

QString storedDepartment(const QString& department)
{
    const QString d = NameText::normalised(department);
    return NameText::hasControlCharacters(d) ? department : d;
}

Result<void> normaliseProfiles(const Database& db)
{
    struct Row
    {
        qint64 id = 0;
        QString name, key, department;
    };
    QList<Row> rows;
    auto q =
        db.run(QStringLiteral("SELECT id, name, name_key, department FROM profiles ORDER BY id"));
    if (!q)
        return q.error();
    QHash<QString, qint64> keys;
    while (q->next()) {
        rows.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                     q->value(3).toString()});
        keys.insert(rows.last().key, rows.last().id);
    }
    q->finish();
    QSet<QString> skeletons;
    for (const Row& r : std::as_const(rows)) {
        QString name = storedForm(r.name);
        QString key = NameText::key(name);
        if (name == r.name) {
            key = r.key;
        } else if (keys.value(key, r.id) != r.id) {
            // "Sales Oslo" with a no-break space beside "Sales Oslo": the second keeps its
            // spelling (and its key) rather than take the first one's.
            name = r.name;
            key = r.key;
        }
        keys.remove(r.key);
        keys.insert(key, r.id);
        const QString department = storedDepartment(r.department);
        const QString skeleton = NameText::skeleton(name);
        const bool valid = !NameText::normalised(name).isEmpty() &&
                           !NameText::hasControlCharacters(name) && !skeletons.contains(skeleton);
        if (valid)
            skeletons.insert(skeleton);
        if (auto u = db.run(QStringLiteral("UPDATE profiles SET name = ?, name_key = ?,"
                                           " department = ?, search_key = ?, name_skeleton = ?"
                                           " WHERE id = ?"),
                            {Database::text(name), Database::text(key), Database::text(department),
                             Database::text(SearchIndex::profileKey(name, department)),
                             valid ? QVariant(skeleton) : QVariant(QMetaType::fromType<QString>()),
                             r.id});
            !u)
            return u.error();
        // The profile's numbers are found by its name.
        if (name != r.name) {
            if (auto k =
                    SearchIndex::refreshNumbers(db, QStringLiteral("n.profile_id = ?"), {r.id});
                !k)
                return k.error();
        }
    }
    if (auto i = db.run(QStringLiteral(
            "CREATE UNIQUE INDEX profiles_name_skeleton ON profiles(name_skeleton)"));
        !i)
        return i.error();
    return {};
}

// Display names and departments are not unique: each is normalised where that leaves a valid
// one. Only the rows that change are written (there may be a hundred thousand members).
Result<void> normaliseMembers(const Database& db)
{
    struct Row
    {
        qint64 id = 0;
        QString account, name, email, department;
    };
    QList<Row> changed;
    auto q = db.run(QStringLiteral(
        "SELECT id, account_name, display_name, email, department FROM members ORDER BY id"));
    if (!q)
        return q.error();
    while (q->next()) {
        const QString name = q->value(2).toString();
        const QString department = q->value(4).toString();
        const QString newName = storedForm(name);
        const QString newDepartment = storedDepartment(department);
        if (newName != name || newDepartment != department)
            changed.append({q->value(0).toLongLong(), q->value(1).toString(), newName,
                            q->value(3).toString(), newDepartment});
    }
    q->finish();
    for (const Row& r : std::as_const(changed)) {
        if (auto u = db.run(
                QStringLiteral("UPDATE members SET display_name = ?, department = ?,"
                               " search_key = ? WHERE id = ?"),
                {Database::text(r.name), Database::text(r.department),
                 Database::text(SearchIndex::memberKey(r.account, r.name, r.email, r.department)),
                 r.id});
            !u)
            return u.error();
        // The member's numbers are found by its name.
        if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.member_id = ?"), {r.id}); !k)
            return k.error();
    }
    return {};
}

} // namespace

Result<void> normaliseNames(Transaction& tx)
{
    const Database& db = tx.db();
    if (auto p = normaliseProfiles(db); !p)
        return p;
    return normaliseMembers(db);
}

} // namespace sb
