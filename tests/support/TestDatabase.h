#pragma once

#include "core/storage/Database.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace sb::test {

/// A fresh, empty, migrated database for one test, on either engine. SQLite lives in a
/// temporary directory; PostgreSQL gets a new database on the throw-away server named by
/// $SWITCHBOARD_TEST_PG (an admin URL, e.g. postgresql://sb@127.0.0.1:54329/postgres),
/// dropped again when the TestDatabase goes.
class TestDatabase
{
public:
    /// "sqlite", plus "postgresql" when $SWITCHBOARD_TEST_PG is set. With
    /// $SWITCHBOARD_TEST_REQUIRE_PG=1 a missing server is a failure, not a skip.
    static QStringList engines();
    /// Runs one statement on the PostgreSQL server's maintenance database
    /// ($SWITCHBOARD_TEST_PG) through its own connection; returns the error, empty on success.
    static QString adminExec(const QString& statement);
    static bool postgresRequired();

    explicit TestDatabase(const QString& engine);
    ~TestDatabase();

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    /// The spec to hand to Database::open or `switchboardctl --database`.
    QString spec() const { return m_spec; }
    /// A connection opened on it (opened once, on first use).
    Database& db();

private:
    QString m_engine;
    QString m_spec;
    QString m_pgName;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

} // namespace sb::test
