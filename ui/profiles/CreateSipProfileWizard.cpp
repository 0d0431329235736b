#include "ui/profiles/CreateSipProfileWizard.h"

#include "core/base/DisplayFormat.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/net/MailSender.h"
#include "core/net/MailSettings.h"
#include "core/profiles/PbxConfig.h"
#include "core/profiles/ProviderSettings.h"
#include "ui/profiles/PbxConfigView.h"
#include "ui/widgets/CountryCombo.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/WizardPage.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCompleter>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
QLabel* wrappingLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* selectableLabel(QWidget* parent, const QString& name)
{
    QLabel* label = wrappingLabel(parent, name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}
} // namespace

CreateSipProfileWizard::CreateSipProfileWizard(const Context& ctx, QWidget* parent)
    : QWizard(parent), m_ctx(ctx), m_service(ctx)
{
    setObjectName(QStringLiteral("createSipProfileWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    if (auto b = CompanyService(m_ctx).balance(); b)
        m_companyBalance = *b;
    buildNamePage();
    buildConnectionPage();
    buildDonePage();
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        // After the profile exists there is nothing to cancel: only "Done".
        setOption(QWizard::NoCancelButton, id == DonePage);
        if (id == ConnectionPage) {
            m_refusal.clear();
            updateConnection();
        }
    });
    button(QWizard::BackButton)->setObjectName(QStringLiteral("backButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextButton"));
    button(QWizard::CommitButton)->setObjectName(QStringLiteral("commitButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("finishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("cancelButton"));
    if (auto* b = qobject_cast<QPushButton*>(button(QWizard::CommitButton)))
        b->setAutoDefault(false);
    retranslateUi();
    setMinimumSize(680, 540);
}

void CreateSipProfileWizard::buildNamePage()
{
    m_namePage = new WizardPage(this);
    m_namePage->setObjectName(QStringLiteral("namePage"));
    m_nameIntro = wrappingLabel(m_namePage, QStringLiteral("nameIntroLabel"));
    m_name = new QLineEdit(m_namePage);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    // QLineEdit counts UTF-16 units, core counts characters: an emoji takes two units, so
    // the box lets twice the limit through and core says when a name is too long.
    m_name->setMaxLength(2 * 64);
    m_department = new QLineEdit(m_namePage);
    m_department->setObjectName(QStringLiteral("departmentEdit"));
    m_department->setMaxLength(2 * 100);
    if (auto departments = MemberService(m_ctx).departments(); departments) {
        auto* completer = new QCompleter(*departments, m_department);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        completer->setObjectName(QStringLiteral("departmentCompleter"));
        m_department->setCompleter(completer);
    }
    m_email = new QLineEdit(m_namePage);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_nameHint = new HintLabel(m_namePage);
    m_nameHint->setObjectName(QStringLiteral("nameHint"));
    m_nameLabel = new QLabel(m_namePage);
    m_nameLabel->setBuddy(m_name);
    m_departmentLabel = new QLabel(m_namePage);
    m_departmentLabel->setBuddy(m_department);
    m_emailLabel = new QLabel(m_namePage);
    m_emailLabel->setBuddy(m_email);
    m_country = new CountryCombo(m_namePage);
    m_countryLabel = new QLabel(m_namePage);
    m_countryLabel->setBuddy(m_country);
    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_departmentLabel, m_department);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_countryLabel, m_country);
    auto* layout = new QVBoxLayout(m_namePage);
    layout->addWidget(m_nameIntro);
    layout->addLayout(form);
    layout->addWidget(m_nameHint);
    layout->addStretch();
    connect(m_name, &QLineEdit::textEdited, this, [this]() { m_touchedName = true; });
    for (QLineEdit* e : {m_name, m_department, m_email})
        connect(e, &QLineEdit::textChanged, this, &CreateSipProfileWizard::updateName);
    m_namePage->setCompleteRule([this]() {
        const NewSipProfile p = typed();
        return ProfileService::validateName(p.name).ok() &&
               MemberService::validateEmail(p.email).ok() &&
               MemberService::validateDepartment(p.department).ok() &&
               m_service.checkNameFree(p.name).ok();
    });
    setPage(NamePage, m_namePage);
}

void CreateSipProfileWizard::buildConnectionPage()
{
    m_connectionPage = new WizardPage(this);
    m_connectionPage->setObjectName(QStringLiteral("connectionPage"));
    m_connectionPage->setCommitPage(true);
    m_auth = new QButtonGroup(m_connectionPage);
    m_registration = new QRadioButton(m_connectionPage);
    m_registration->setObjectName(QStringLiteral("registrationRadio"));
    m_registrationInfo = wrappingLabel(m_connectionPage, QStringLiteral("registrationInfoLabel"));
    m_ipAuth = new QRadioButton(m_connectionPage);
    m_ipAuth->setObjectName(QStringLiteral("ipRadio"));
    m_auth->addButton(m_registration, static_cast<int>(SipProfile::Auth::Registration));
    m_auth->addButton(m_ipAuth, static_cast<int>(SipProfile::Auth::Ip));
    m_registration->setChecked(true);
    m_ip = new QLineEdit(m_connectionPage);
    m_ip->setObjectName(QStringLiteral("ipEdit"));
    m_ip->setMaxLength(15);
    m_ip->setPlaceholderText(QStringLiteral("203.0.113.10"));
    m_port = new QSpinBox(m_connectionPage);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(5060);
    m_port->setGroupSeparatorShown(false);
    m_ipHint = new HintLabel(m_connectionPage);
    m_ipHint->setObjectName(QStringLiteral("ipHint"));
    m_ipLabel = new QLabel(m_connectionPage);
    m_ipLabel->setBuddy(m_ip);
    m_portLabel = new QLabel(m_connectionPage);
    m_portLabel->setBuddy(m_port);
    m_channels = new QSpinBox(m_connectionPage);
    m_channels->setObjectName(QStringLiteral("channelsSpin"));
    m_channels->setRange(ProfileService::MinChannels, ProfileService::MaxChannels);
    m_channels->setValue(2);
    m_channels->setAccelerated(true);
    m_channelsLabel = new QLabel(m_connectionPage);
    m_channelsLabel->setBuddy(m_channels);
    m_cost = wrappingLabel(m_connectionPage, QStringLiteral("costLabel"));
    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    m_balanceInfo = wrappingLabel(m_connectionPage, QStringLiteral("companyBalanceInfoLabel"));
    m_connectionHint = new HintLabel(m_connectionPage);
    m_connectionHint->setObjectName(QStringLiteral("connectionHint"));

    auto* ipForm = new QFormLayout;
    ipForm->setContentsMargins(24, 0, 0, 0);
    ipForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    ipForm->addRow(m_ipLabel, m_ip);
    ipForm->addRow(m_portLabel, m_port);
    auto* registrationInfo = new QVBoxLayout;
    registrationInfo->setContentsMargins(24, 0, 0, 0);
    registrationInfo->addWidget(m_registrationInfo);
    auto* channelsForm = new QFormLayout;
    channelsForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    channelsForm->addRow(m_channelsLabel, m_channels);
    auto* layout = new QVBoxLayout(m_connectionPage);
    layout->addWidget(m_registration);
    layout->addLayout(registrationInfo);
    layout->addWidget(m_ipAuth);
    layout->addLayout(ipForm);
    layout->addWidget(m_ipHint);
    layout->addSpacing(12);
    layout->addLayout(channelsForm);
    layout->addWidget(m_cost);
    layout->addWidget(m_balanceInfo);
    layout->addWidget(m_connectionHint);
    layout->addStretch();

    connect(m_auth, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        m_refusal.clear();
        updateConnection();
        if (m_ipAuth->isChecked())
            m_ip->setFocus();
    });
    connect(m_ip, &QLineEdit::textEdited, this, [this]() { m_touchedIp = true; });
    connect(m_ip, &QLineEdit::textChanged, this, [this]() {
        m_refusal.clear();
        updateConnection();
    });
    for (QSpinBox* spin : {m_port, m_channels})
        connect(spin, &QSpinBox::valueChanged, this, [this]() {
            m_refusal.clear();
            updateConnection();
        });
    m_connectionPage->setCompleteRule([this]() {
        const NewSipProfile p = typed();
        if (!m_refusal.isEmpty() || !ProfileService::validateChannels(p.channels).ok() ||
            m_service.creationCost(p.channels) > m_companyBalance)
            return false;
        if (p.auth == SipProfile::Auth::Ip)
            return ProfileService::validateIp(p.ip).ok() &&
                   ProfileService::validatePort(p.port).ok();
        return true;
    });
    setPage(ConnectionPage, m_connectionPage);
}

void CreateSipProfileWizard::buildDonePage()
{
    m_donePage = new WizardPage(this);
    m_donePage->setObjectName(QStringLiteral("donePage"));
    m_createdLabel = wrappingLabel(m_donePage, QStringLiteral("createdLabel"));
    m_serversCaption = new QLabel(m_donePage);
    m_servers = selectableLabel(m_donePage, QStringLiteral("sipServersLabel"));
    m_usernameCaption = new QLabel(m_donePage);
    m_username = selectableLabel(m_donePage, QStringLiteral("sipUsernameLabel"));
    m_passwordCaption = new QLabel(m_donePage);
    m_password = selectableLabel(m_donePage, QStringLiteral("sipPasswordLabel"));
    m_password->setFont(QFont(QStringLiteral("monospace")));
    m_allowedIpCaption = new QLabel(m_donePage);
    m_allowedIp = selectableLabel(m_donePage, QStringLiteral("allowedIpLabel"));
    m_doneNote = new HintLabel(m_donePage);
    m_doneNote->setObjectName(QStringLiteral("doneNoteLabel"));
    m_mailNote = new HintLabel(m_donePage);
    m_mailNote->setObjectName(QStringLiteral("credentialsMailLabel"));
    m_mailSender = new MailSender(m_ctx, this);
    connect(m_mailSender, &MailSender::finished, this, [this](const Result<QString>& sentTo) {
        if (sentTo)
            m_mailNote->showInfo(tr("The credentials went to %1.").arg(*sentTo));
        else
            m_mailNote->showError(tr("The credentials were not e-mailed: %1 The profile is "
                                     "ready; send them again from its details.")
                                      .arg(sentTo.error().message));
    });
    m_config = new PbxConfigView(m_donePage);
    auto* form = new QFormLayout;
    form->addRow(m_serversCaption, m_servers);
    form->addRow(m_usernameCaption, m_username);
    form->addRow(m_passwordCaption, m_password);
    form->addRow(m_allowedIpCaption, m_allowedIp);
    auto* layout = new QVBoxLayout(m_donePage);
    layout->addWidget(m_createdLabel);
    layout->addLayout(form);
    layout->addWidget(m_doneNote);
    layout->addWidget(m_mailNote);
    layout->addWidget(m_config, 1);
    setPage(DonePage, m_donePage);
}

NewSipProfile CreateSipProfileWizard::typed() const
{
    NewSipProfile p;
    p.name = m_name->text().trimmed();
    p.department = m_department->text().trimmed();
    p.email = m_email->text().trimmed();
    p.country = m_country->country();
    // The pages are built one after the other, and QWizard asks a page whether it is
    // complete as soon as it is added: the later pages' fields may not exist yet.
    if (!m_channels)
        return p;
    p.auth = m_ipAuth->isChecked() ? SipProfile::Auth::Ip : SipProfile::Auth::Registration;
    p.ip = m_ip->text().trimmed();
    p.port = m_port->value();
    p.channels = m_channels->value();
    return p;
}

void CreateSipProfileWizard::updateName()
{
    const NewSipProfile p = typed();
    QString problem;
    if (m_touchedName || !p.name.isEmpty()) {
        if (auto v = ProfileService::validateName(p.name); !v)
            problem = v.error().message;
        else if (auto free = m_service.checkNameFree(p.name); !free)
            problem = free.error().message;
    }
    if (problem.isEmpty() && !p.email.isEmpty()) {
        if (auto v = MemberService::validateEmail(p.email); !v)
            problem = v.error().message;
    }
    if (problem.isEmpty()) {
        if (auto v = MemberService::validateDepartment(p.department); !v)
            problem = v.error().message;
    }
    if (problem.isEmpty())
        m_nameHint->clearMessage();
    else
        m_nameHint->showError(problem);
    m_namePage->refresh();
}

void CreateSipProfileWizard::updateConnection()
{
    const QLocale locale;
    const NewSipProfile p = typed();
    const bool ip = p.auth == SipProfile::Auth::Ip;
    for (QWidget* w : std::initializer_list<QWidget*>{m_ipLabel, m_ip, m_portLabel, m_port})
        w->setEnabled(ip);
    m_registrationInfo->setEnabled(!ip);
    // The address is judged as it is typed: malformed in red, unreachable in amber.
    if (!ip) {
        m_ipHint->clearMessage();
    } else if (p.ip.isEmpty()) {
        if (m_touchedIp)
            m_ipHint->showError(
                tr("Enter the public IPv4 address of the PBX's internet connection."));
        else
            m_ipHint->clearMessage();
    } else if (auto v = ProfileService::validateIp(p.ip); !v) {
        m_ipHint->showError(v.error().message);
    } else if (!v->isEmpty()) {
        m_ipHint->showWarning(v->join(QLatin1Char(' ')));
    } else if (auto port = ProfileService::validatePort(p.port); !port) {
        m_ipHint->showError(port.error().message);
    } else {
        m_ipHint->clearMessage();
    }
    const Money cost = m_service.creationCost(p.channels);
    m_cost->setText(
        tr("%n channel(s): %1 a month, the first month paid now from the company balance", nullptr,
           p.channels)
            .arg(cost.toCurrencyString(locale)));
    m_cost->setAccessibleName(m_cost->text());
    // The paying button says what it does and what it costs, as the admin reads it.
    m_connectionPage->setButtonText(QWizard::CommitButton,
                                    tr("&Create and pay %1").arg(cost.toCurrencyString(locale)));
    QString problem = m_refusal;
    if (cost <= m_companyBalance) {
        m_balanceInfo->setText(tr("Company balance: %1, after creating: %2.")
                                   .arg(m_companyBalance.toCurrencyString(locale),
                                        (m_companyBalance - cost).toCurrencyString(locale)));
    } else {
        m_balanceInfo->setText(
            tr("Company balance: %1.").arg(m_companyBalance.toCurrencyString(locale)));
        if (problem.isEmpty())
            problem =
                tr("The company balance (%1) cannot pay %n channel(s) for the first month (%2). "
                   "Top up the "
                   "company balance first, or choose fewer channels.",
                   nullptr, p.channels)
                    .arg(m_companyBalance.toCurrencyString(locale), cost.toCurrencyString(locale));
    }
    if (problem.isEmpty())
        m_connectionHint->clearMessage();
    else
        m_connectionHint->showError(problem);
    m_connectionPage->refresh();
}

bool CreateSipProfileWizard::validateCurrentPage()
{
    if (currentId() != ConnectionPage)
        return QWizard::validateCurrentPage();
    auto created = m_service.create(typed());
    if (!created) {
        m_refusal = created.error().message;
        if (auto b = CompanyService(m_ctx).balance(); b)
            m_companyBalance = *b;
        updateConnection();
        return false;
    }
    m_created = *created;
    showCreated();
    mailCredentials();
    return true;
}

void CreateSipProfileWizard::showCreated()
{
    if (!m_created)
        return;
    const QLocale locale;
    const SipProfile& p = m_created->profile;
    auto servers = ProviderSettings(m_ctx).sipServers();
    const QStringList list = servers ? *servers : ProviderSettings::defaultSipServers();
    const bool registration = p.auth == SipProfile::Auth::Registration;
    m_createdLabel->setText(
        tr("The SIP profile %1 is ready: %n channel(s), paid until %2 (%3). Set up the PBX with "
           "these details.",
           nullptr, p.channels)
            .arg(p.name, shortDate(locale, p.channelsExpires),
                 m_created->channelsCharged.toCurrencyString(locale)));
    m_createdLabel->setAccessibleName(m_createdLabel->text());
    m_servers->setText(list.join(QLatin1Char('\n')));
    m_servers->setAccessibleName(
        tr("Provider SIP servers: %1").arg(list.join(QStringLiteral(", "))));
    for (QWidget* w : std::initializer_list<QWidget*>{m_usernameCaption, m_username,
                                                      m_passwordCaption, m_password})
        w->setVisible(registration);
    m_allowedIpCaption->setVisible(!registration);
    m_allowedIp->setVisible(!registration);
    m_username->setText(p.username);
    m_username->setAccessibleDescription(tr("SIP username: %1").arg(p.username));
    m_password->setText(m_created->password);
    m_password->setAccessibleDescription(tr("Password: %1").arg(m_created->password));
    m_allowedIp->setText(tr("%1, UDP port %2").arg(p.ip).arg(p.port));
    m_allowedIp->setAccessibleName(m_allowedIp->text());
    if (registration)
        m_doneNote->showInfo(tr(
            "Keep the password safe. You can show it again at any time on the SIP profiles page."));
    else if (!m_created->warnings.isEmpty())
        m_doneNote->showWarning(m_created->warnings.join(QLatin1Char(' ')));
    else
        m_doneNote->showInfo(
            tr("The provider accepts calls from this address without registration."));
    m_config->setText(PbxConfig::asterisk(p, list, m_created->password));
}

void CreateSipProfileWizard::mailCredentials()
{
    m_mailNote->clearMessage();
    if (!m_created || m_created->profile.auth != SipProfile::Auth::Registration ||
        m_created->profile.email.isEmpty())
        return;
    auto server = MailSettings(m_ctx).server();
    if (server && !server->has_value()) {
        m_mailNote->showInfo(tr("No mail server is set in Settings, so the credentials were "
                                "not e-mailed to %1.")
                                 .arg(m_created->profile.email));
        return;
    }
    // Sent in the background: the admin can read the details meanwhile, and a failure
    // leaves the profile exactly as created.
    auto started = m_mailSender->startCredentials(m_created->profile.name);
    if (!started) {
        m_mailNote->showError(tr("The credentials were not e-mailed: %1 The profile is ready; "
                                 "send them again from its details.")
                                  .arg(started.error().message));
        return;
    }
    m_mailNote->showInfo(tr("Sending the credentials to %1…").arg(*started));
}

void CreateSipProfileWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void CreateSipProfileWizard::retranslateUi()
{
    setWindowTitle(tr("Create SIP profile"));
    setAccessibleName(tr("Create SIP profile"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    m_connectionPage->setButtonText(QWizard::CommitButton, tr("&Create profile"));
    m_donePage->setButtonText(QWizard::FinishButton, tr("Done"));
    // The buttons' accessible names are their texts (Qt drops the "&"): a name set here
    // would freeze the wizard's default "Commit" while the page shows its own text.

    m_namePage->setTitle(tr("Name"));
    m_namePage->setSubTitle(
        tr("A SIP profile is one SIP trunk for a PBX, with its own credit and channels."));
    m_nameIntro->setText(
        tr("Choose a name that says whose PBX it is, for example the department or the office. "
           "The name can be changed later."));
    m_nameLabel->setText(tr("&Profile name:"));
    m_name->setAccessibleName(tr("Profile name"));
    m_name->setPlaceholderText(tr("e.g. %1").arg(tr("Sales Oslo")));
    m_departmentLabel->setText(tr("&Department:"));
    m_department->setAccessibleName(tr("Department"));
    m_department->setPlaceholderText(tr("optional"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_email->setAccessibleName(tr("E-mail"));
    m_email->setPlaceholderText(tr("optional: who looks after the PBX"));
    m_countryLabel->setText(tr("C&ountry:"));
    m_country->setAccessibleName(tr("Country"));
    m_country->setToolTip(tr("Numbers the PBX's calls dial are read as dialled in this country "
                             "(its national forms and international prefix)."));

    m_connectionPage->setTitle(tr("Authentication and channels"));
    m_connectionPage->setSubTitle(
        tr("How the PBX proves who it is, and how many calls it may make at once."));
    m_registration->setText(tr("&Registration (recommended)"));
    m_registration->setAccessibleName(tr("Registration"));
    m_registrationInfo->setText(
        tr("The profile gets a SIP username and a strong generated password; the PBX "
           "registers with them. You can show the credentials again at any time."));
    m_ipAuth->setText(tr("&IP authentication, for a PBX that cannot register"));
    m_ipAuth->setAccessibleName(tr("IP authentication"));
    m_ipLabel->setText(tr("Public IPv4 &address:"));
    m_ip->setAccessibleName(tr("Public IPv4 address of the PBX"));
    m_portLabel->setText(tr("UDP &port:"));
    m_port->setAccessibleName(tr("UDP port"));
    m_ipHint->setAccessibleDescription(tr("Address check"));
    m_channelsLabel->setText(tr("C&hannels (simultaneous calls, %1–%2):")
                                 .arg(ProfileService::MinChannels)
                                 .arg(ProfileService::MaxChannels));
    m_channels->setAccessibleName(tr("Channels"));
    m_balanceInfo->setAccessibleDescription(tr("Company balance"));

    m_donePage->setTitle(tr("What the PBX needs"));
    m_donePage->setSubTitle(tr("The profile is created."));
    m_serversCaption->setText(tr("Provider SIP servers:"));
    m_usernameCaption->setText(tr("Username:"));
    m_passwordCaption->setText(tr("Password:"));
    m_allowedIpCaption->setText(tr("Allowed IP:"));
    m_doneNote->setAccessibleDescription(tr("Note"));
    updateName();
    updateConnection();
    showCreated();
}

} // namespace sb::ui
