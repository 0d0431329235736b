#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <optional>

namespace sb {

/// What a committed transaction changed, announced once by the Notifier after the commit.
/// Rows are named where the service knows them; the flags say "re-query all of these".
/// Built by chaining: `Changes().withMembers({id}).withCompanyBalance().withActivity()`.
struct Changes
{
    /// Members whose row changed (balance, numbers, link, auto-recharge), by id.
    QList<qint64> memberIds;
    /// Members were added or removed (an import, the demo): the list itself changed.
    bool allMembers = false;
    /// Numbers that changed, in E.164.
    QStringList numbers;
    /// Numbers changed that are not named (renewals, a profile's numbers released).
    bool allNumbers = false;
    /// SIP profiles that changed, by id.
    QList<qint64> profileIds;
    /// SIP profiles were created or deleted, or changed unnamed.
    bool allProfiles = false;
    /// The company balance moved.
    bool companyBalance = false;
    /// The activity log has new entries.
    bool activity = false;
    /// Call records were added (an import, the demo): the call history changed.
    bool calls = false;

    Changes& withMembers(const QList<qint64>& ids);
    Changes& withAllMembers();
    Changes& withNumbers(const QStringList& e164s);
    Changes& withAllNumbers();
    Changes& withProfiles(const QList<qint64>& ids);
    Changes& withAllProfiles();
    Changes& withCompanyBalance();
    Changes& withActivity();
    Changes& withCalls();

    bool isEmpty() const;
    bool anyMembers() const { return allMembers || !memberIds.isEmpty(); }
    bool anyNumbers() const { return allNumbers || !numbers.isEmpty(); }
    bool anyProfiles() const { return allProfiles || !profileIds.isEmpty(); }
    /// Both announcements in one.
    Changes& operator+=(const Changes& other);
    bool operator==(const Changes& other) const = default;

    /// Every flag set, no rows named: "re-read everything".
    static Changes everything();

    /// The changes as a JSON object for another process (core/storage/ChangeChannel):
    /// `{"members": [ids], "allMembers": true, "numbers": [E.164], "allNumbers": true,
    /// "profiles": [ids], "allProfiles": true, "companyBalance": true, "activity": true,
    /// "calls": true}`, empty lists and false flags left out.
    QJsonObject toJson() const;
    /// Reads toJson()'s object back. The object may come from anywhere (any client of a
    /// shared database can send on the channel): a known key of the wrong type, an id that is
    /// not a positive integer or a number that is not E.164 refuses the whole object
    /// (nullopt); unknown keys are ignored, for a newer writer's additions.
    static std::optional<Changes> fromJson(const QJsonObject& json);
};

/// Tells the application what the services committed: models and labels listen and refresh
/// the affected rows. Services announce through Context::announce() after their transaction
/// committed, never on a rollback or a refusal. Only QtCore signals: the CLI passes no Notifier.
///
/// announce() may be called from any thread (imports and the demo run on a worker thread
/// with their own connection but the same Notifier): receivers living in another thread get
/// changed() queued, in their own thread.
class Notifier : public QObject
{
    Q_OBJECT

public:
    explicit Notifier(QObject* parent = nullptr);

    /// Emits changed(), unless `changes` is empty.
    void announce(const sb::Changes& changes);

signals:
    void changed(const sb::Changes& changes);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::Changes)
