#include "core/storage/Database.h"

#include "core/storage/Migrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace sb {

namespace {
QAtomicInteger<quint64> s_connectionCounter;

bool isRetryable(const QSqlError& e, Database::Engine engine)
{
    const QString code = e.nativeErrorCode();
    if (engine == Database::Engine::PostgreSQL)
        return code == QLatin1String("40P01") || code == QLatin1String("40001");
    // SQLITE_BUSY (5), SQLITE_LOCKED (6) and their extended codes (517 = BUSY_SNAPSHOT, …).
    bool ok = false;
    const int n = code.toInt(&ok);
    return ok && ((n & 0xff) == 5 || (n & 0xff) == 6);
}

// The spec as messages may show it: the password of any address, even one too malformed for
// QUrl or of a scheme we refuse, is masked.
QString maskPassword(const QString& spec)
{
    static const QRegularExpression userPassword(QStringLiteral("(://[^/@:]*:)[^@]*@"));
    QString masked = spec;
    masked.replace(userPassword, QStringLiteral("\\1***@"));
    return masked;
}
} // namespace

Database::Handle::~Handle()
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        if (db.isOpen() && engine == Engine::SQLite) {
            // Closing a WAL connection checkpoints under an EXCLUSIVE lock, which stalls the
            // other connections' reads (the window's, when a worker's billing or import ends)
            // for as long as copying the log back takes. A passive checkpoint first does that
            // copying without the lock; the close is then quick.
            QSqlQuery checkpoint(db);
            (void)checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        }
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

namespace {
// The window's own folder: the one folder a database may be created in without asking.
QString ownFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/switchboard");
}
} // namespace

QString Database::defaultSpec()
{
    const QByteArray env = qgetenv("SWITCHBOARD_DATABASE");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return ownFolder() + QStringLiteral("/switchboard.sqlite");
}

QString Database::displaySpec() const
{
    if (!isPostgres())
        return m_h->spec;
    QUrl url(m_h->spec);
    if (!url.password().isEmpty())
        url.setPassword(QStringLiteral("***"));
    return url.toString();
}

Result<Database> Database::open(const QString& specIn)
{
    QString spec = specIn.trimmed();
    if (spec.isEmpty())
        return Error::invalid(tr("No database was given."));
    // Anything that looks like an address is one: a mistyped scheme taken as a file path
    // would create folders named after the password.
    if (spec.contains(QLatin1String("://"))) {
        static const QRegularExpression postgres(QStringLiteral("^postgres(?:ql)?://"),
                                                 QRegularExpression::CaseInsensitiveOption);
        const auto m = postgres.match(spec);
        if (!m.hasMatch())
            return Error::invalid(
                tr("\"%1\" is not a database Switchboard can open: give an SQLite file path or "
                   "a postgresql://user[:password]@host[:port]/database address.")
                    .arg(maskPassword(spec)));
        spec.replace(0, m.capturedLength(), m.captured(0).toLower());
    }
    auto h = std::make_shared<Handle>();
    h->spec = spec;
    h->connection = QStringLiteral("sb-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));

    QSqlDatabase db;
    if (spec.startsWith(QLatin1String("postgresql://")) ||
        spec.startsWith(QLatin1String("postgres://"))) {
        h->engine = Engine::PostgreSQL;
        const QUrl url(spec);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return Error::invalid(tr("\"%1\" is not a PostgreSQL address of the form "
                                     "postgresql://user[:password]@host[:port]/database.")
                                      .arg(maskPassword(spec)));
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return Error::storage(tr("The PostgreSQL driver (QPSQL) is not installed."));
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), h->connection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setDatabaseName(url.path().mid(1));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    } else {
        QString path = spec;
        if (path.startsWith(QLatin1String("sqlite:")))
            path = path.mid(7);
        h->engine = Engine::SQLite;
        if (path != QLatin1String(":memory:")) {
            const QFileInfo info(path);
            // Only the window's own folder is made on first use; a missing folder anywhere
            // else is more likely a typo than a wish.
            const QString folder = info.absolutePath();
            if (!QFileInfo(folder).isDir()) {
                if (QDir::cleanPath(folder) != QDir::cleanPath(ownFolder()))
                    return Error::invalid(tr("The folder %1 does not exist: create it first, or "
                                             "choose another place for the database.")
                                              .arg(folder));
                if (!QDir().mkpath(folder))
                    return Error::storage(tr("Cannot create the folder %1.").arg(folder));
            }
            // A new file is readable by its owner only (SQLite would create it 0644); SQLite
            // gives the -wal and -shm files the main file's mode.
            if (!info.exists()) {
                QFile file(path);
                if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                    !QFileInfo::exists(path))
                    return Error::storage(
                        tr("Cannot create the database %1: %2").arg(path, file.errorString()));
            }
        }
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), h->connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=15000"));
    }
    if (!db.open()) {
        const QString why = db.lastError().text();
        db = QSqlDatabase();
        return Error::storage(tr("Cannot open the database %1: %2").arg(maskPassword(spec), why));
    }
    db = QSqlDatabase();
    Database database(std::move(h));
    // Before the first write (WAL mode, the schema): another application's file stays as it was.
    auto empty = Migrations::checkOwnership(database);
    if (!empty)
        return empty.error();
    if (!database.isPostgres()) {
        if (*empty) {
            if (auto r = database.run(
                    QStringLiteral("PRAGMA application_id = %1").arg(Migrations::ApplicationId));
                !r)
                return r.error();
        }
        for (const char* pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
            // Switching a new file to WAL needs it alone for a moment, and SQLite answers
            // "busy" at once (no busy timeout there) to a copy opening it at the same instant.
            auto done = database.run(QString::fromLatin1(pragma));
            for (int attempt = 0; !done && done.error().retryable && attempt < 200; ++attempt) {
                QThread::msleep(25);
                done = database.run(QString::fromLatin1(pragma));
            }
            if (!done)
                return done.error();
        }
    } else {
        // Best effort: a server refusing these settings still works, only more slowly or noisily.
        (void)database.run(QStringLiteral("SET client_min_messages TO WARNING"));
        // The foreign-key checks' plans are cached per connection: made while a new database
        // is nearly empty, they scan whole tables ever after, and a bulk import or demo into
        // it turns quadratic. Custom plans follow the tables' size (PostgreSQL 12 and later).
        (void)database.run(QStringLiteral("SET plan_cache_mode TO force_custom_plan"));
    }
    if (auto r = Migrations::migrate(database); !r)
        return r.error();
    return database;
}

int Database::schemaVersion() const
{
    return Migrations::currentVersion(*this);
}

Error Database::errorFrom(const QSqlError& error) const
{
    return storageError(error.text(), isRetryable(error, m_h->engine));
}

Error Database::storageError(const QString& detail, bool retryable)
{
    return Error::storage(tr("Database error: %1").arg(detail), retryable);
}

Result<QSqlQuery> Database::run(const QString& text, const QVariantList& binds) const
{
    QSqlQuery q(sql());
    const auto failure = [&] { return errorFrom(q.lastError()); };
    // Without values it runs unprepared: PostgreSQL cannot PREPARE BEGIN, SET or DDL.
    if (binds.isEmpty()) {
        if (!q.exec(text))
            return failure();
        return q;
    }
    if (!q.prepare(text))
        return failure();
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return failure();
    return q;
}

Result<QSqlQuery> Database::runForwardOnly(const QString& text, const QVariantList& binds) const
{
    QSqlQuery q(sql());
    q.setForwardOnly(true);
    if (!q.prepare(text))
        return errorFrom(q.lastError());
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return errorFrom(q.lastError());
    return q;
}

Result<QSqlQuery> Database::runFirst(const QString& text, const QVariantList& binds) const
{
    auto q = run(text, binds);
    if (q && !q->next())
        return storageError(q->lastError().isValid() ? q->lastError().text()
                                                     : tr("the statement returned no row."));
    return q;
}

} // namespace sb
