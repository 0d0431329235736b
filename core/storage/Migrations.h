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
};

} // namespace sb
