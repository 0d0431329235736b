#include "core/secrets/ProtectedFiles.h"

#include "core/secrets/SealedSecret.h"

#include <QDir>
#include <QFileInfo>

namespace sb {

QString ProtectedFiles::resolvedPath(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString dir = info.absoluteDir().canonicalPath();
    return dir.isEmpty() ? QDir::cleanPath(info.absoluteFilePath())
                         : dir + QLatin1Char('/') + info.fileName();
}

Result<void> ProtectedFiles::checkOutput(const Database& db, const QString& path)
{
    return checkOutput(db.isPostgres() ? QString() : db.spec(), path);
}

Result<void> ProtectedFiles::checkOutput(const QString& databaseSpec, const QString& path)
{
    const QString out = resolvedPath(path);
    if (out == resolvedPath(SealedSecret::keyFilePath()))
        return Error::refused(
            tr("%1 is the key file of the sealed passwords; choose another file.").arg(path));
    QString file = databaseSpec;
    if (file.startsWith(QLatin1String("sqlite:")))
        file = file.mid(7);
    if (file.isEmpty() || file == QLatin1String(":memory:") || file.contains(QLatin1String("://")))
        return {};
    const QString base = resolvedPath(file);
    const QStringList own = {base, base + QStringLiteral("-wal"), base + QStringLiteral("-shm"),
                             base + QStringLiteral("-journal")};
    if (own.contains(out))
        return Error::refused(
            tr("%1 is the open database or one of its files; choose another file.").arg(path));
    return {};
}

} // namespace sb
