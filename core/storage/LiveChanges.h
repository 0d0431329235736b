#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"
#include "core/storage/Notifier.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QVariant>

#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace sb {

/// Brings what other processes commit to a window's database into its Notifier, so the
/// models and labels refresh as after the window's own changes.
///
/// PostgreSQL: a connection of its own LISTENs on ChangeChannel::name() (QSqlDriver's
/// subscribeToNotification); each payload is parsed, one from this process (ChangeChannel's
/// origin: it announced locally already) or one that does not parse is dropped, and the rest
/// announced with the rows it names. The connection is its own so that a notification
/// arriving never runs on the window's connection in between the rows of a forward-only read.
/// A connection the server dropped is noticed by checkListener() and opened again.
///
/// SQLite: the database file, its -wal and their folder are watched (QFileSystemWatcher);
/// 250 ms after the first event of a burst, `PRAGMA data_version` on the followed connection
/// says whether another connection committed, and then everything is announced to be read
/// again (a file says nothing of what changed). That includes the commits of this process's
/// own worker threads, which have a connection of their own.
///
/// Lives in the thread that calls follow(), which needs an event loop.
class LiveChanges : public QObject
{
    Q_OBJECT

public:
    /// Milliseconds from a file event to the check on SQLite.
    static constexpr int DebounceMs = 250;
    /// How often the PostgreSQL listening connection is checked (checkListener()).
    static constexpr int HealthCheckMs = 30'000;

    /// Announces to `notifier`, which must outlive this object.
    explicit LiveChanges(Notifier* notifier, QObject* parent = nullptr);
    ~LiveChanges() override;

    /// Follows `db` (the window's connection), leaving whatever was followed before. On
    /// PostgreSQL this opens a second connection to the same database; when it cannot, the
    /// error is returned and checkListener() tries again. An SQLite database in memory has
    /// nothing to follow: not an error.
    Result<void> follow(const Database& db);
    /// Follows nothing.
    void stop();
    /// Whether a database is followed; on PostgreSQL, with a listening connection right now.
    bool isFollowing() const;

public slots:
    /// PostgreSQL, every HealthCheckMs: when the listening connection no longer answers (the
    /// server restarted or dropped it), another is opened and, since what was sent meanwhile
    /// is lost, everything is announced to be read again. Until one opens, the next check
    /// tries again.
    void checkListener();

signals:
    /// Another process's changes arrived and were announced.
    void received(const sb::Changes& changes);

private:
    Result<void> listen(const Database& db);
    void dropListener();
    void onNotification(const QString& name, const QVariant& payload);
    void watchFiles();
    void checkDataVersion();
    std::optional<qint64> dataVersion() const;
    void deliver(const Changes& changes);

    Notifier* m_notifier = nullptr;
    std::optional<Database> m_db;
    // PostgreSQL: the listening connection.
    std::optional<Database> m_listener;
    // SQLite: the watcher, the debounce and the last data_version seen.
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_debounce = nullptr;
    QTimer* m_health = nullptr;
    QString m_file;
    qint64 m_dataVersion = -1;
};

} // namespace sb
