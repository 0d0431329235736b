#pragma once

#include "core/base/Error.h"
#include <QCoreApplication>

namespace sb {

class Database;

/// The versioned schema. Each step is written once with a few engine placeholders and runs
/// in its own transaction; the version lives in schema_meta.
class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(sb::Migrations)

public:
    /// The newest schema version this build knows.
    static int latestVersion();
    /// The version the database holds now (0 for an empty database).
    static int currentVersion(const Database& db);
    /// Brings the database forward to latestVersion(); refuses a newer one, untouched.
    static Result<void> migrate(const Database& db);

    /// SQLite's application_id of a Switchboard file ("SwBd"), set when the file is created.
    static constexpr qint32 ApplicationId = 0x53774264;
    /// Whether the database may be opened as Switchboard's: empty, or already ours (on SQLite
    /// our application_id, or from before it a schema_meta table; on PostgreSQL schema_meta)
    /// with a readable schema version. Only reads: another application's database, a file
    /// that is not a database and a damaged schema_meta are refused before a byte is written.
    /// True when the database is empty (a new Switchboard database).
    static Result<bool> checkOwnership(const Database& db);
};

} // namespace sb
