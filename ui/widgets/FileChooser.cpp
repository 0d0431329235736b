#include "ui/widgets/FileChooser.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace sb::ui {

QString FileChooser::openFile(QWidget* parent, const QString& title, const QString& filter) const
{
    return ask(parent, title, QString(), filter, false);
}

QString FileChooser::saveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                              const QString& filter) const
{
    return ask(parent, title, suggestedName, filter, true);
}

QString FileChooser::ask(QWidget* parent, const QString& title, const QString& suggestedName,
                         const QString& filter, bool save) const
{
    if (m_override)
        return m_override();
    QSettings settings;
    const QString dir = settings.value(m_key, QDir::homePath()).toString();
    const QString path = save ? QFileDialog::getSaveFileName(
                                    parent, title, dir + QLatin1Char('/') + suggestedName, filter)
                              : QFileDialog::getOpenFileName(parent, title, dir, filter);
    if (!path.isEmpty())
        settings.setValue(m_key, QFileInfo(path).absolutePath());
    return path;
}

} // namespace sb::ui
