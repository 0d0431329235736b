#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QString>

namespace sb {

/// The files no export, statement or screenshot may write over: the open SQLite database with
/// its -wal, -shm and -journal companions, and the key file of the sealed passwords. Paths are
/// compared canonically, following links, so "./db/../db/x.sqlite" or a symlink to the key
/// file is recognised too.
class ProtectedFiles
{
    Q_DECLARE_TR_FUNCTIONS(sb::ProtectedFiles)

public:
    /// Refused when `path` is one of the protected files of `db`; nothing is written.
    static Result<void> checkOutput(const Database& db, const QString& path);
    /// The same for a database named by its spec (before it is opened).
    static Result<void> checkOutput(const QString& databaseSpec, const QString& path);
    /// The canonical form of `path`, also for a file that does not exist yet.
    static QString resolvedPath(const QString& path);
};

} // namespace sb
