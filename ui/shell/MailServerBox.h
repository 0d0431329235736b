#pragma once

#include "core/net/MailServer.h"
#include "core/storage/Context.h"

#include <QGroupBox>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sb {
class MailSender;
}

namespace sb::ui {

class HintLabel;

/// The mail server of Settings: host, port, security, login and sender, kept in the database
/// (MailSettings) so every admin and switchboardctl send through the same one, and a test
/// message sent without blocking the window.
class MailServerBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit MailServerBox(const Context& ctx, QWidget* parent = nullptr);

    /// Reads the server of the database in use (at start and after a database switch).
    void load();

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    MailServer typed() const;
    /// True when an empty password field keeps the saved password: the same server and user.
    bool savedPasswordServes(const MailServer& s) const;
    /// The first problem of what is typed, or empty.
    QString problem() const;
    void updateWidgets();
    void retranslateUi();
    void save();
    void remove();
    void sendTest();
    void securityChosen();

    const Context& m_ctx;
    QLabel* m_intro = nullptr;
    QLabel* m_hostLabel = nullptr;
    QLineEdit* m_host = nullptr;
    QLabel* m_portLabel = nullptr;
    QSpinBox* m_port = nullptr;
    QLabel* m_securityLabel = nullptr;
    QComboBox* m_security = nullptr;
    QLabel* m_userLabel = nullptr;
    QLineEdit* m_user = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLineEdit* m_from = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    HintLabel* m_hint = nullptr;
    QLabel* m_testLabel = nullptr;
    QLineEdit* m_testAddress = nullptr;
    QPushButton* m_sendTest = nullptr;
    HintLabel* m_testHint = nullptr;
    MailSender* m_sender = nullptr;
    std::optional<MailServer> m_saved;
    MailServer::Security m_lastSecurity = MailServer::Security::StartTls;
};

} // namespace sb::ui
