#pragma once

#include "core/storage/Context.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sb::ui {

class HintLabel;
class MailServerBox;

/// Language (switched at runtime), the database (SQLite file or PostgreSQL URL, reopened at
/// once), the provider's SIP servers (kept in the database, checked as they are typed) and
/// the mail server that sends SIP credentials (MailServerBox).
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(const Context& ctx, QWidget* parent = nullptr);

    QComboBox* languageCombo() const { return m_language; }
    QLineEdit* databaseEdit() const { return m_database; }

    /// Shows the database in use (after start or a switch).
    void setCurrentDatabase(const QString& displaySpec);
    /// The outcome of a database switch, inline under the field.
    void showDatabaseResult(bool ok, const QString& message);
    /// Reads the provider's SIP servers from the database in use.
    void loadSipServers();
    /// The servers as typed: "a:5060, b:5060" or one per space.
    QStringList typedSipServers() const;

signals:
    /// The admin asked to use another database.
    void databaseRequested(const QString& spec);
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void selectCurrentLanguage();
    void saveSipServers();
    /// The trunk check's time limit, shared with switchboardctl through the database.
    void loadProbeTimeout();
    void saveProbeTimeout();

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
    QPushButton* m_applySipServers = nullptr;
    HintLabel* m_sipServersHint = nullptr;
    MailServerBox* m_mail = nullptr;
    QGroupBox* m_probeBox = nullptr;
    QLabel* m_probeNote = nullptr;
    QLabel* m_probeTimeoutLabel = nullptr;
    QSpinBox* m_probeTimeout = nullptr;
    HintLabel* m_probeHint = nullptr;
    const Context& m_ctx;
    QStringList m_savedSipServers;
    QString m_currentSpec;
    bool m_updating = false;
};

} // namespace sb::ui
