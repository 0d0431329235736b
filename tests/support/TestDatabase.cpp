#include "tests/support/TestDatabase.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace sb::test {

namespace {
QString adminUrl()
{
    return qEnvironmentVariable("SWITCHBOARD_TEST_PG");
}

} // namespace

QString TestDatabase::adminExec(const QString& statement)
{
    const QUrl url(adminUrl());
    const QString name =
        QStringLiteral("sbtest-admin-%1").arg(QRandomGenerator::global()->generate());
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(statement))
                error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

QStringList TestDatabase::engines()
{
    QStringList out{QStringLiteral("sqlite")};
    if (!adminUrl().isEmpty())
        out.append(QStringLiteral("postgresql"));
    return out;
}

bool TestDatabase::postgresRequired()
{
    return qEnvironmentVariable("SWITCHBOARD_TEST_REQUIRE_PG") == QLatin1String("1");
}

TestDatabase::TestDatabase(const QString& engine) : m_engine(engine)
{
    if (engine == QLatin1String("sqlite")) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_spec = m_dir->filePath(QStringLiteral("test.sqlite"));
        return;
    }
    if (adminUrl().isEmpty()) {
        m_error = QStringLiteral("SWITCHBOARD_TEST_PG is not set");
        return;
    }
    m_pgName = QStringLiteral("sbt_%1").arg(
        QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 0, 16);
    m_error = adminExec(QStringLiteral("CREATE DATABASE ") + m_pgName);
    QUrl url(adminUrl());
    url.setPath(QLatin1Char('/') + m_pgName);
    m_spec = url.toString();
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty())
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName +
                  QStringLiteral(" WITH (FORCE)"));
}

Database& TestDatabase::db()
{
    if (!m_db) {
        auto opened = Database::open(m_spec);
        if (!opened)
            qFatal("TestDatabase: cannot open %s: %s", qPrintable(m_spec),
                   qPrintable(opened.error().message));
        m_db = std::make_unique<Database>(*opened);
    }
    return *m_db;
}

} // namespace sb::test
