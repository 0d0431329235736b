#pragma once

#include "core/bundles/BundleSummary.h"
#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QList>
#include <QScrollArea>
#include <QStringList>

#include <optional>

class QAction;
class QBoxLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace sb {
class MailSender;
class ProbeRun;
struct ProbeResult;
} // namespace sb

namespace sb::ui {

class HintLabel;
class PbxConfigView;

/// Everything about one SIP profile, in group boxes: authentication (the password hidden
/// until asked for), what the PBX needs (the provider's servers and a ready Asterisk PJSIP
/// block with a copy button), outgoing calls (channels and their monthly cost, paid until,
/// lapsed; the monthly total with the bundles), balance, linked accounts with extensions,
/// numbers, and US minute bundles (minutes used against included, period end, cancelled,
/// next payment).
class SipProfileDetails : public QScrollArea
{
    Q_OBJECT

public:
    /// The page's actions, shown as buttons in their groups.
    struct Actions
    {
        QAction* changeChannels = nullptr;
        QAction* allocateCredit = nullptr;
        QAction* linkAccount = nullptr;
        QAction* unlinkAccount = nullptr;
        QAction* buyNumber = nullptr;
        QList<QAction*> bundles;
    };

    explicit SipProfileDetails(const Context& ctx, QWidget* parent = nullptr);

    void setActions(const Actions& actions);
    /// The profile shown, read afresh; empty shows what to do instead.
    void showProfile(const QString& name);
    /// Reads the shown profile and the provider's servers again.
    void reload();
    /// The profile shown, if any.
    const std::optional<SipProfile>& profile() const { return m_profile; }
    /// The shown profile's US minute bundles (count 0: none, or they could not be read).
    const BundleSummary& bundles() const { return m_bundles; }
    /// The linked account selected in the details, or empty.
    QString selectedAccount() const;
    bool passwordShown() const { return !m_password.isEmpty(); }
    /// A trunk check (SIP OPTIONS to the PBX and the provider's servers) is under way.
    bool probing() const { return m_probeRun != nullptr; }

signals:
    void selectedAccountChanged();
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// The PBX data beside the other groups, or under them when the two do not fit.
    void arrangeColumns();
    void retranslateUi();
    void updateWidgets();
    void togglePassword();
    /// Mails the credentials to the profile's e-mail without blocking the window.
    void sendCredentials();
    QString configText(bool withPassword);
    void startProbe();
    void probeFinished();
    /// The stored results of the shown profile's last check, in words.
    void showProbeResults();
    static QString probeText(const QList<ProbeResult>& results);
    QToolButton* actionButton(QAction* action, const QString& name, QWidget* parent);
    static QGroupBox* group(const QString& name, QWidget* parent);

    const Context& m_ctx;
    QString m_name;
    std::optional<SipProfile> m_profile;
    QStringList m_servers;
    QString m_serversError;
    QString m_password; ///< shown on request only; forgotten when another profile is shown
    BundleSummary m_bundles;
    QString m_bundlesError;

    QWidget* m_content = nullptr;
    QLabel* m_empty = nullptr;
    QWidget* m_details = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;

    QGroupBox* m_authBox = nullptr;
    QLabel* m_authMethod = nullptr;
    QLabel* m_usernameCaption = nullptr;
    QLabel* m_username = nullptr;
    QLabel* m_passwordCaption = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QPushButton* m_showPassword = nullptr;
    QPushButton* m_sendCredentials = nullptr;
    MailSender* m_mailSender = nullptr;
    /// The profile whose credentials are on their way; empty when none are.
    QString m_sending;
    QLabel* m_ipCaption = nullptr;
    QLabel* m_ip = nullptr;
    HintLabel* m_ipWarning = nullptr;
    HintLabel* m_credentialsHint = nullptr;

    QGroupBox* m_pbxBox = nullptr;
    QLabel* m_serversCaption = nullptr;
    QLabel* m_serversLabel = nullptr;
    QLabel* m_pbxIntro = nullptr;
    PbxConfigView* m_config = nullptr;
    QPushButton* m_probeButton = nullptr;
    QLabel* m_probeResult = nullptr;
    ProbeRun* m_probeRun = nullptr;

    QGroupBox* m_outgoingBox = nullptr;
    QLabel* m_channelsCost = nullptr;
    QLabel* m_paidUntil = nullptr;
    QLabel* m_outgoingTotal = nullptr;
    HintLabel* m_lapsed = nullptr;
    QToolButton* m_changeChannelsButton = nullptr;

    QGroupBox* m_balanceBox = nullptr;
    QLabel* m_balance = nullptr;
    QLabel* m_balanceNote = nullptr;
    QToolButton* m_allocateButton = nullptr;

    QGroupBox* m_accountsBox = nullptr;
    QLabel* m_accountsNote = nullptr;
    QTableWidget* m_accounts = nullptr;
    QToolButton* m_linkButton = nullptr;
    QToolButton* m_unlinkButton = nullptr;

    QGroupBox* m_numbersBox = nullptr;
    QListWidget* m_numbers = nullptr;
    QLabel* m_numbersNote = nullptr;
    QToolButton* m_buyButton = nullptr;

    QGroupBox* m_bundlesBox = nullptr;
    QLabel* m_bundlesNote = nullptr;
    QLabel* m_bundlesCount = nullptr;
    QLabel* m_bundlesMinutes = nullptr;
    QLabel* m_bundlesPeriod = nullptr;
    HintLabel* m_bundlesHint = nullptr;
    QList<QToolButton*> m_bundleButtons;
    QBoxLayout* m_columns = nullptr;
    QBoxLayout* m_left = nullptr;
    QBoxLayout* m_right = nullptr;
};

} // namespace sb::ui
