#pragma once

#include "core/base/Error.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QString>

namespace sb {

/// A file every export writes: whole or not at all (QSaveFile: a temporary file renamed over
/// the target at the end), and every failure reported. A write error (a full disk, a file
/// size limit, a short write) is remembered and makes commit() fail with the reason, leaving
/// the target as it was; QSaveFile alone can lose an error raised while its buffer is flushed.
/// A target that exists and is not a regular file (a device such as /dev/full, a pipe, a
/// folder) is refused: the temporary file would be renamed over the device itself.
class OutputFile
{
    Q_DECLARE_TR_FUNCTIONS(sb::OutputFile)

public:
    explicit OutputFile(const QString& path) : m_path(path), m_file(path) {}
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    Result<void> open();
    /// For writers that take a device (QPdfWriter); check commit() all the same.
    QIODevice* device() { return &m_file; }
    /// False when this or an earlier write failed (commit() then says why).
    bool write(const QByteArray& bytes);
    /// Flushes, checks and renames into place; on any error the target is left untouched.
    Result<void> commit();
    /// Drops what was written; the target is left untouched.
    void cancel();
    /// The message of a failed write, for a caller that stops early.
    Error writeError() const;

private:
    QString m_path;
    QSaveFile m_file;
    QString m_error;
};

} // namespace sb
