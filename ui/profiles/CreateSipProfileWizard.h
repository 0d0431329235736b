#pragma once

#include "core/profiles/ProfileService.h"
#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QWizard>

#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace sb {
class MailSender;
}

namespace sb::ui {

class CountryCombo;
class HintLabel;
class PbxConfigView;
class WizardPage;

/// Creates a SIP profile: name, department, e-mail, country → registration or IP authentication
/// (the address checked as it is typed: malformed is refused, a private or otherwise
/// unreachable one is warned about) and channels with their monthly cost against the
/// company balance → "Create profile" → what the PBX needs: the provider's servers, the
/// username and password or the allowed address, and a ready Asterisk PJSIP block.
class CreateSipProfileWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        NamePage,
        ConnectionPage,
        DonePage
    };

    explicit CreateSipProfileWizard(const Context& ctx, QWidget* parent = nullptr);

    /// Set once the profile was created (from the last page on).
    const std::optional<ProfileService::Created>& created() const { return m_created; }
    NewSipProfile typed() const;

    bool validateCurrentPage() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildNamePage();
    void buildConnectionPage();
    void buildDonePage();
    void retranslateUi();
    void updateName();
    void updateConnection();
    void showCreated();
    /// E-mails a new registration profile's credentials when a mail server and an address are set.
    void mailCredentials();

    const Context& m_ctx;
    ProfileService m_service;
    Money m_companyBalance;
    std::optional<ProfileService::Created> m_created;
    QString m_refusal;
    bool m_touchedName = false;
    bool m_touchedIp = false;

    WizardPage* m_namePage = nullptr;
    QLabel* m_nameIntro = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_departmentLabel = nullptr;
    QLineEdit* m_department = nullptr;
    QLabel* m_emailLabel = nullptr;
    QLineEdit* m_email = nullptr;
    QLabel* m_countryLabel = nullptr;
    CountryCombo* m_country = nullptr;
    HintLabel* m_nameHint = nullptr;

    WizardPage* m_connectionPage = nullptr;
    QButtonGroup* m_auth = nullptr;
    QRadioButton* m_registration = nullptr;
    QLabel* m_registrationInfo = nullptr;
    QRadioButton* m_ipAuth = nullptr;
    QLabel* m_ipLabel = nullptr;
    QLineEdit* m_ip = nullptr;
    QLabel* m_portLabel = nullptr;
    QSpinBox* m_port = nullptr;
    HintLabel* m_ipHint = nullptr;
    QLabel* m_channelsLabel = nullptr;
    QSpinBox* m_channels = nullptr;
    QLabel* m_cost = nullptr;
    QLabel* m_balanceInfo = nullptr;
    HintLabel* m_connectionHint = nullptr;

    WizardPage* m_donePage = nullptr;
    QLabel* m_createdLabel = nullptr;
    QLabel* m_serversCaption = nullptr;
    QLabel* m_servers = nullptr;
    QLabel* m_usernameCaption = nullptr;
    QLabel* m_username = nullptr;
    QLabel* m_passwordCaption = nullptr;
    QLabel* m_password = nullptr;
    QLabel* m_allowedIpCaption = nullptr;
    QLabel* m_allowedIp = nullptr;
    HintLabel* m_doneNote = nullptr;
    HintLabel* m_mailNote = nullptr;
    MailSender* m_mailSender = nullptr;
    PbxConfigView* m_config = nullptr;
};

} // namespace sb::ui
