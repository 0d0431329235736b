#include "core/storage/LiveChanges.h"

#include "core/storage/ChangeChannel.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSqlDriver>
#include <QTimer>

namespace sb {

LiveChanges::LiveChanges(Notifier* notifier, QObject* parent)
    : QObject(parent), m_notifier(notifier)
{
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &LiveChanges::checkDataVersion);
    m_health = new QTimer(this);
    m_health->setInterval(HealthCheckMs);
    connect(m_health, &QTimer::timeout, this, &LiveChanges::checkListener);
}

LiveChanges::~LiveChanges()
{
    stop();
}

bool LiveChanges::isFollowing() const
{
    return m_db.has_value() && (m_listener.has_value() || m_watcher != nullptr);
}

void LiveChanges::stop()
{
    m_debounce->stop();
    m_health->stop();
    dropListener();
    delete m_watcher;
    m_watcher = nullptr;
    m_file.clear();
    m_dataVersion = -1;
    m_db.reset();
}

Result<void> LiveChanges::follow(const Database& db)
{
    stop();
    if (db.isPostgres()) {
        // Even when no listening connection opens now, checkListener() keeps trying.
        m_db = db;
        m_health->start();
        return listen(db);
    }

    const QString file = db.sql().databaseName();
    if (file.isEmpty() || file == QLatin1String(":memory:"))
        return {};
    m_db = db;
    m_file = QFileInfo(file).absoluteFilePath();
    m_dataVersion = dataVersion().value_or(-1);
    m_watcher = new QFileSystemWatcher(this);
    // Any event only arms the check: the connection's data_version decides.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        if (!m_debounce->isActive())
            m_debounce->start();
    });
    // The -wal appears, goes (the last connection closing) and comes back; the folder says so.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watchFiles();
        if (!m_debounce->isActive())
            m_debounce->start();
    });
    m_watcher->addPath(QFileInfo(m_file).absolutePath());
    watchFiles();
    return {};
}

Result<void> LiveChanges::listen(const Database& db)
{
    auto listener = db.openAnother();
    if (!listener)
        return listener.error();
    // Named, so that an administrator of the server sees in pg_stat_activity what it is.
    (void)listener->run(QStringLiteral("SET application_name TO 'switchboard listener'"));
    QSqlDriver* driver = listener->sql().driver();
    if (!driver || !driver->hasFeature(QSqlDriver::EventNotifications))
        return Error::storage(tr("The database driver cannot deliver notifications."));
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                onNotification(name, payload);
            });
    if (!driver->subscribeToNotification(ChangeChannel::name())) {
        const Error error = listener->errorFrom(driver->lastError());
        disconnect(driver, nullptr, this, nullptr);
        return error;
    }
    m_listener = *listener;
    return {};
}

void LiveChanges::dropListener()
{
    if (!m_listener)
        return;
    if (QSqlDriver* driver = m_listener->sql().driver()) {
        disconnect(driver, nullptr, this, nullptr);
        if (driver->isOpen())
            driver->unsubscribeFromNotification(ChangeChannel::name());
    }
    m_listener.reset();
}

void LiveChanges::checkListener()
{
    if (!m_db || !m_db->isPostgres())
        return;
    // A connection the server dropped (a restart, an idle timeout) says nothing by itself:
    // it only stops delivering (Qt disables the notifier of its closed socket).
    if (m_listener && m_listener->sql().isOpen() && m_listener->run(QStringLiteral("SELECT 1")))
        return;
    dropListener();
    if (!listen(*m_db))
        return; // the next check tries again
    // Whatever was sent while nobody listened is lost: everything is read again.
    deliver(Changes::everything());
}

void LiveChanges::watchFiles()
{
    const QStringList watched = m_watcher->files();
    for (const QString& path : QStringList{m_file, m_file + QStringLiteral("-wal")})
        if (!watched.contains(path) && QFileInfo::exists(path))
            m_watcher->addPath(path);
}

std::optional<qint64> LiveChanges::dataVersion() const
{
    if (!m_db)
        return std::nullopt;
    auto q = m_db->runFirst(QStringLiteral("PRAGMA data_version"));
    if (!q)
        return std::nullopt;
    return q->value(0).toLongLong();
}

void LiveChanges::checkDataVersion()
{
    if (!m_watcher)
        return;
    // The file may have been replaced under the same name: watch what is there now.
    watchFiles();
    const auto version = dataVersion();
    if (!version || *version == m_dataVersion)
        return;
    m_dataVersion = *version;
    deliver(Changes::everything());
}

void LiveChanges::onNotification(const QString& name, const QVariant& payload)
{
    if (name != ChangeChannel::name())
        return;
    const auto message = ChangeChannel::parse(payload.toString().toUtf8());
    if (!message || message->origin == ChangeChannel::origin() || message->changes.isEmpty())
        return;
    deliver(message->changes);
}

void LiveChanges::deliver(const Changes& changes)
{
    if (m_notifier)
        m_notifier->announce(changes);
    emit received(changes);
}

} // namespace sb
