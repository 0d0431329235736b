#pragma once

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sb::ui {

class HintLabel;

/// Language (switched at runtime), the database (SQLite file or PostgreSQL URL, reopened at
/// once), and the provider SIP servers and mail server that later parts will use.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(QWidget* parent = nullptr);

    QComboBox* languageCombo() const { return m_language; }
    QLineEdit* databaseEdit() const { return m_database; }

    /// Shows the database in use (after start or a switch).
    void setCurrentDatabase(const QString& displaySpec);
    /// The outcome of a database switch, inline under the field.
    void showDatabaseResult(bool ok, const QString& message);

signals:
    /// The admin asked to use another database.
    void databaseRequested(const QString& spec);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void selectCurrentLanguage();

    QLabel* m_title = nullptr;
    QGroupBox* m_languageBox = nullptr;
    QLabel* m_languageLabel = nullptr;
    QComboBox* m_language = nullptr;
    QGroupBox* m_databaseBox = nullptr;
    QLabel* m_databaseIntro = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLineEdit* m_database = nullptr;
    QPushButton* m_applyDatabase = nullptr;
    QLabel* m_currentDatabase = nullptr;
    HintLabel* m_databaseHint = nullptr;
    QGroupBox* m_providerBox = nullptr;
    QLabel* m_providerNote = nullptr;
    QLabel* m_sipServersLabel = nullptr;
    QLineEdit* m_sipServers = nullptr;
    QLabel* m_mailServerLabel = nullptr;
    QLineEdit* m_mailServer = nullptr;
    QString m_currentSpec;
    bool m_updating = false;
};

} // namespace sb::ui
