#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace sb::ui {

/// Asks for a file to read or to write, starting in the folder last used for the same
/// purpose (kept in QSettings under the chooser's key), or takes the answer a test gives
/// through setOverride(). An empty path means the admin cancelled.
class FileChooser
{
public:
    explicit FileChooser(QString settingsKey) : m_key(std::move(settingsKey)) {}

    void setOverride(std::function<QString()> chooser) { m_override = std::move(chooser); }

    QString openFile(QWidget* parent, const QString& title, const QString& filter) const;
    /// `suggestedName` is offered in the last folder.
    QString saveFile(QWidget* parent, const QString& title, const QString& suggestedName,
                     const QString& filter) const;

private:
    QString ask(QWidget* parent, const QString& title, const QString& suggestedName,
                const QString& filter, bool save) const;

    QString m_key;
    std::function<QString()> m_override;
};

} // namespace sb::ui
