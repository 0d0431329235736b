#include "core/base/OutputFile.h"

#include <QFileInfo>

namespace sb {

Result<void> OutputFile::open()
{
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile())
        return Error::invalid(tr("%1 is not a regular file (a folder, a device or a pipe); "
                                 "choose a file to write.")
                                  .arg(m_path));
    if (!m_file.open(QIODevice::WriteOnly))
        return Error::invalid(tr("Cannot write %1: %2").arg(m_path, m_file.errorString()));
    return {};
}

bool OutputFile::write(const QByteArray& bytes)
{
    if (!m_error.isEmpty())
        return false;
    if (m_file.write(bytes) != bytes.size() || m_file.error() != QFileDevice::NoError) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

Error OutputFile::writeError() const
{
    // errorString() names the system's reason ("No space left on device", "File too large").
    const QString reason = m_error.isEmpty() ? tr("the file could not be written whole") : m_error;
    return Error::invalid(tr("Cannot write %1: %2. Nothing was written.").arg(m_path, reason));
}

Result<void> OutputFile::commit()
{
    if (m_error.isEmpty() && (!m_file.flush() || m_file.error() != QFileDevice::NoError))
        m_error = m_file.errorString();
    if (!m_error.isEmpty()) {
        m_file.cancelWriting();
        return writeError();
    }
    if (!m_file.commit()) {
        m_error = m_file.errorString();
        return writeError();
    }
    return {};
}

void OutputFile::cancel()
{
    m_file.cancelWriting();
}

} // namespace sb
