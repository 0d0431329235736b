#include "ui/shell/SettingsPage.h"

#include "core/net/ProbeService.h"
#include "core/profiles/ProviderSettings.h"
#include "ui/shell/MailServerBox.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/LanguageManager.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::ui {

SettingsPage::SettingsPage(const Context& ctx, QWidget* parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsPage"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("settingsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    // Language
    m_languageBox = new QGroupBox(this);
    m_languageBox->setObjectName(QStringLiteral("languageGroup"));
    m_language = new QComboBox(m_languageBox);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const auto& l : LanguageManager::languages())
        m_language->addItem(l.nativeName, l.code);
    m_languageLabel = new QLabel(m_languageBox);
    m_languageLabel->setBuddy(m_language);
    auto* languageForm = new QFormLayout(m_languageBox);
    languageForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    languageForm->addRow(m_languageLabel, m_language);
    selectCurrentLanguage();
    connect(m_language, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || index < 0)
            return;
        LanguageManager::instance()->apply(m_language->itemData(index).toString(), true);
    });
    connect(LanguageManager::instance(), &LanguageManager::languageChanged, this,
            &SettingsPage::selectCurrentLanguage);

    // Database
    m_databaseBox = new QGroupBox(this);
    m_databaseBox->setObjectName(QStringLiteral("databaseGroup"));
    m_databaseIntro = new QLabel(m_databaseBox);
    m_databaseIntro->setWordWrap(true);
    m_database = new QLineEdit(m_databaseBox);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_applyDatabase = new QPushButton(m_databaseBox);
    m_applyDatabase->setObjectName(QStringLiteral("applyDatabaseButton"));
    m_currentDatabase = new QLabel(m_databaseBox);
    m_currentDatabase->setObjectName(QStringLiteral("currentDatabaseLabel"));
    m_currentDatabase->setWordWrap(true);
    m_currentDatabase->setTextFormat(Qt::PlainText);
    m_currentDatabase->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_databaseHint = new HintLabel(m_databaseBox);
    m_databaseHint->setObjectName(QStringLiteral("databaseHint"));
    m_databaseLabel = new QLabel(m_databaseBox);
    m_databaseLabel->setBuddy(m_database);
    auto* databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(m_applyDatabase);
    auto* databaseForm = new QFormLayout;
    // The label above its field: beside it, a half-width column left the path a few
    // letters wide ("d.db") in French and Polish.
    databaseForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    databaseForm->addRow(m_databaseLabel, databaseRow);
    auto* databaseLayout = new QVBoxLayout(m_databaseBox);
    databaseLayout->addWidget(m_databaseIntro);
    databaseLayout->addLayout(databaseForm);
    databaseLayout->addWidget(m_currentDatabase);
    databaseLayout->addWidget(m_databaseHint);
    connect(m_database, &QLineEdit::textChanged, this, [this]() {
        m_databaseHint->clearMessage();
        updateWidgets();
    });
    connect(m_database, &QLineEdit::returnPressed, m_applyDatabase, &QPushButton::click);
    connect(m_applyDatabase, &QPushButton::clicked, this,
            [this]() { emit databaseRequested(m_database->text().trimmed()); });

    // Provider: the SIP servers every profile's PBX talks to.
    m_providerBox = new QGroupBox(this);
    m_providerBox->setObjectName(QStringLiteral("providerGroup"));
    m_providerNote = new QLabel(m_providerBox);
    m_providerNote->setWordWrap(true);
    m_sipServers = new QLineEdit(m_providerBox);
    m_sipServers->setObjectName(QStringLiteral("sipServersEdit"));
    m_applySipServers = new QPushButton(m_providerBox);
    m_applySipServers->setObjectName(QStringLiteral("applySipServersButton"));
    m_sipServersHint = new HintLabel(m_providerBox);
    m_sipServersHint->setObjectName(QStringLiteral("sipServersHint"));
    m_sipServersLabel = new QLabel(m_providerBox);
    m_sipServersLabel->setBuddy(m_sipServers);
    auto* sipServersRow = new QHBoxLayout;
    sipServersRow->addWidget(m_sipServers, 1);
    sipServersRow->addWidget(m_applySipServers);
    auto* providerForm = new QFormLayout;
    providerForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    providerForm->addRow(m_sipServersLabel, sipServersRow);
    auto* providerLayout = new QVBoxLayout(m_providerBox);
    providerLayout->addWidget(m_providerNote);
    providerLayout->addLayout(providerForm);
    providerLayout->addWidget(m_sipServersHint);
    connect(m_sipServers, &QLineEdit::textChanged, this, &SettingsPage::updateWidgets);
    connect(m_sipServers, &QLineEdit::returnPressed, m_applySipServers, &QPushButton::click);
    connect(m_applySipServers, &QPushButton::clicked, this, &SettingsPage::saveSipServers);

    // Trunk check (issue 10): how long a SIP OPTIONS probe waits, saved as it changes.
    m_probeBox = new QGroupBox(this);
    m_probeBox->setObjectName(QStringLiteral("probeGroup"));
    m_probeNote = new QLabel(m_probeBox);
    m_probeNote->setWordWrap(true);
    m_probeTimeout = new QSpinBox(m_probeBox);
    m_probeTimeout->setObjectName(QStringLiteral("probeTimeoutSpin"));
    m_probeTimeout->setRange(500, 32000);
    m_probeTimeout->setSingleStep(500);
    m_probeTimeout->setValue(ProbeService::DefaultTimeoutMs);
    // Saved when the value is settled, not at every digit typed.
    m_probeTimeout->setKeyboardTracking(false);
    m_probeTimeoutLabel = new QLabel(m_probeBox);
    m_probeTimeoutLabel->setBuddy(m_probeTimeout);
    // A message label: no accessible name, so a screen reader reads its text.
    m_probeHint = new HintLabel(m_probeBox);
    m_probeHint->setObjectName(QStringLiteral("probeTimeoutHint"));
    auto* probeForm = new QFormLayout;
    probeForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    probeForm->addRow(m_probeTimeoutLabel, m_probeTimeout);
    auto* probeLayout = new QVBoxLayout(m_probeBox);
    probeLayout->addWidget(m_probeNote);
    probeLayout->addLayout(probeForm);
    probeLayout->addWidget(m_probeHint);
    connect(m_probeTimeout, &QSpinBox::valueChanged, this, &SettingsPage::saveProbeTimeout);

    m_mail = new MailServerBox(ctx, this);
    connect(m_mail, &MailServerBox::statusMessage, this, &SettingsPage::statusMessage);

    // Two columns: at 1024x700 the mail server does not fit under the others.
    auto* left = new QVBoxLayout;
    left->addWidget(m_languageBox);
    left->addWidget(m_databaseBox);
    left->addWidget(m_providerBox);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(m_mail);
    right->addWidget(m_probeBox);
    right->addStretch();
    // Tab in reading order: the left column, then the mail server and the trunk check under it
    // (the mail box was made after the trunk check).
    if (auto* lastOfMail = m_mail->findChild<QWidget*>(QStringLiteral("sendTestMailButton")))
        QWidget::setTabOrder(lastOfMail, m_probeTimeout);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(columns, 1);
    loadSipServers();
    loadProbeTimeout();
    retranslateUi();
}

QStringList SettingsPage::typedSipServers() const
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return m_sipServers->text().split(separators, Qt::SkipEmptyParts);
}

void SettingsPage::loadSipServers()
{
    auto servers = ProviderSettings(m_ctx).sipServers();
    m_savedSipServers = servers ? *servers : QStringList();
    m_sipServers->setText(m_savedSipServers.join(QStringLiteral(", ")));
    if (!servers)
        m_sipServersHint->showError(servers.error().message);
    else
        m_sipServersHint->clearMessage();
    updateWidgets();
}

void SettingsPage::saveSipServers()
{
    const QStringList servers = typedSipServers();
    auto saved = ProviderSettings(m_ctx).setSipServers(servers);
    if (!saved) {
        m_sipServersHint->showError(saved.error().message);
        return;
    }
    m_savedSipServers = servers;
    m_sipServersHint->showInfo(tr("Saved. Every SIP profile's PBX data now names these servers."));
    updateWidgets();
    emit statusMessage(
        tr("The provider's SIP servers are now %1.").arg(servers.join(QStringLiteral(", "))));
}

void SettingsPage::loadProbeTimeout()
{
    auto ms = ProbeService(m_ctx).timeoutMs();
    m_updating = true;
    m_probeTimeout->setValue(ms ? *ms : ProbeService::DefaultTimeoutMs);
    m_updating = false;
    if (!ms)
        m_probeHint->showError(ms.error().message);
    else
        m_probeHint->clearMessage();
}

void SettingsPage::saveProbeTimeout()
{
    if (m_updating)
        return;
    const int ms = m_probeTimeout->value();
    auto saved = ProbeService(m_ctx).setTimeoutMs(ms);
    if (!saved) {
        m_probeHint->showError(saved.error().message);
        return;
    }
    m_probeHint->clearMessage();
    emit statusMessage(tr("A trunk check now waits at most %1 ms for each server.").arg(ms));
}

void SettingsPage::selectCurrentLanguage()
{
    m_updating = true;
    const int index = m_language->findData(LanguageManager::instance()->current());
    if (index >= 0)
        m_language->setCurrentIndex(index);
    m_updating = false;
}

void SettingsPage::setCurrentDatabase(const QString& displaySpec)
{
    m_currentSpec = displaySpec;
    loadSipServers();
    m_mail->load();
    loadProbeTimeout();
    if (m_database->text().isEmpty())
        m_database->setText(displaySpec.contains(QStringLiteral("***")) ? QString() : displaySpec);
    retranslateUi();
}

void SettingsPage::showDatabaseResult(bool ok, const QString& message)
{
    if (ok)
        m_databaseHint->showInfo(message);
    else
        m_databaseHint->showError(message);
}

void SettingsPage::updateWidgets()
{
    const QString typed = m_database->text().trimmed();
    m_applyDatabase->setEnabled(!typed.isEmpty() && typed != m_currentSpec);

    // The servers are checked as they are typed; Save only for a valid change.
    const QStringList servers = typedSipServers();
    QString problem;
    for (const QString& server : servers) {
        if (auto v = ProviderSettings::validateServer(server); !v) {
            problem = v.error().message;
            break;
        }
    }
    if (servers.isEmpty())
        problem = tr("Name at least one SIP server, such as %1.")
                      .arg(ProviderSettings::defaultSipServers().value(0));
    if (!problem.isEmpty())
        m_sipServersHint->showError(problem);
    else if (m_sipServersHint->kind() == HintLabel::Kind::Error)
        m_sipServersHint->clearMessage();
    m_applySipServers->setEnabled(problem.isEmpty() && servers != m_savedSipServers);
}

void SettingsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    setAccessibleName(tr("Settings"));
    m_title->setText(tr("Settings"));
    m_languageBox->setTitle(tr("Language"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setToolTip(tr("The language of the window; money and dates follow it."));
    m_databaseBox->setTitle(tr("Database"));
    m_databaseIntro->setText(
        tr("An SQLite file for one admin, or postgresql://user:password@host:port/database "
           "for an office where several admins work at once."));
    m_databaseLabel->setText(tr("&Database:"));
    m_database->setAccessibleName(tr("Database"));
    m_database->setPlaceholderText(tr("file path or postgresql://…"));
    m_applyDatabase->setText(tr("Switch"));
    m_applyDatabase->setAccessibleName(tr("Switch to this database"));
    m_currentDatabase->setText(m_currentSpec.isEmpty() ? QString()
                                                       : tr("In use: %1").arg(m_currentSpec));
    m_currentDatabase->setAccessibleName(m_currentDatabase->text());
    m_databaseHint->setAccessibleDescription(tr("Database message"));
    m_providerBox->setTitle(tr("Provider"));
    m_providerNote->setText(
        tr("The provider's SIP servers (host:port, separated by commas) go into every SIP "
           "profile's PBX data and configuration; they are kept in the database, so every admin "
           "and switchboardctl see the same."));
    m_sipServersLabel->setText(tr("S&IP servers:"));
    m_sipServers->setAccessibleName(tr("SIP servers"));
    m_applySipServers->setText(tr("S&ave"));
    m_applySipServers->setAccessibleName(tr("Save the SIP servers"));
    m_sipServersHint->setAccessibleDescription(tr("SIP servers message"));
    m_sipServers->setPlaceholderText(
        tr("e.g. %1").arg(QStringLiteral("sip1.example.net:5060, sip2.example.net:5060")));
    m_probeBox->setTitle(tr("Trunk check"));
    m_probeNote->setText(
        tr("\"Check the trunk\" in a SIP profile's details sends SIP OPTIONS to its PBX and the "
           "provider's servers, sending again after 0.5, 1, 2 and 4 s. A server silent this long "
           "counts as not answering; switchboardctl profile probe uses the same limit."));
    m_probeTimeoutLabel->setText(tr("Wait at m&ost:"));
    m_probeTimeout->setSuffix(tr(" ms"));
    m_probeTimeout->setAccessibleName(tr("Trunk check time limit in milliseconds"));
    updateWidgets();
}

} // namespace sb::ui
