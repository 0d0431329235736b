#include "ui/profiles/SipProfileDetails.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/bundles/BundleService.h"
#include "core/net/MailSender.h"
#include "core/net/ProbeRun.h"
#include "core/net/ProbeService.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/profiles/PbxConfig.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "models/base/BalanceDisplay.h"
#include "ui/profiles/PbxConfigView.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/TablePage.h"

#include <QAction>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QResizeEvent>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::ui {

namespace {
const QString kHiddenPassword = QStringLiteral("••••••••••••");

// A wrapped label inside the scroll area: the nested layouts size it for its height at
// another width, which cut the last line of a long note (Dutch at 1024 px). It asks for the
// height its text needs at the width it got.
class WrappedLabel : public QLabel
{
public:
    using QLabel::QLabel;

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QLabel::resizeEvent(event);
        const int needed = text().isEmpty() ? 0 : heightForWidth(width());
        if (needed > 0 && minimumHeight() != needed)
            setMinimumHeight(needed);
    }
};

// A paragraph or a sentence that tells (a note, what the channels cost, when they are paid
// until): not selectable, so it is laid out from its font's metrics. A selectable label is a
// text document, laid out again at every measure of the pane: the five notes so made were a
// fifth of the SIP profiles page's start-up, the eight sentences a tenth after them.
QLabel* noteLabel(QWidget* parent, const QString& name)
{
    auto* label = new WrappedLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// A value the admin may copy (the name, the username, the password, the address, the
// servers, the balance): selectable.
QLabel* valueLabel(QWidget* parent, const QString& name)
{
    QLabel* label = noteLabel(parent, name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

QGroupBox* SipProfileDetails::group(const QString& name, QWidget* parent)
{
    auto* box = new QGroupBox(parent);
    box->setObjectName(name);
    return box;
}

QToolButton* SipProfileDetails::actionButton(QAction* action, const QString& name, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(name);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setDefaultAction(action);
    // The action's text is translated by the page that owns it: follow it.
    auto follow = [button, action]() {
        button->setAccessibleName(
            action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    };
    follow();
    connect(action, &QAction::changed, button, follow);
    return button;
}

SipProfileDetails::SipProfileDetails(const Context& ctx, QWidget* parent)
    : QScrollArea(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("profileDetails"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(this);
    m_content->setObjectName(QStringLiteral("profileDetailsContent"));

    m_empty = new QLabel(m_content);
    m_empty->setObjectName(QStringLiteral("noProfileLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_details = new QWidget(m_content);

    m_title = valueLabel(m_details, QStringLiteral("profileNameLabel"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_summary = noteLabel(m_details, QStringLiteral("profileSummaryLabel"));

    // Authentication
    m_authBox = group(QStringLiteral("authenticationGroup"), m_details);
    m_authMethod = noteLabel(m_authBox, QStringLiteral("authMethodLabel"));
    m_usernameCaption = new QLabel(m_authBox);
    m_username = valueLabel(m_authBox, QStringLiteral("sipUsernameLabel"));
    m_passwordCaption = new QLabel(m_authBox);
    m_passwordLabel = valueLabel(m_authBox, QStringLiteral("sipPasswordLabel"));
    m_passwordLabel->setFont(QFont(QStringLiteral("monospace")));
    m_showPassword = new QPushButton(m_authBox);
    m_showPassword->setObjectName(QStringLiteral("showPasswordButton"));
    m_ipCaption = new QLabel(m_authBox);
    m_ip = valueLabel(m_authBox, QStringLiteral("allowedIpLabel"));
    m_ipWarning = new HintLabel(m_authBox);
    m_ipWarning->setObjectName(QStringLiteral("ipWarningLabel"));
    m_credentialsHint = new HintLabel(m_authBox);
    m_credentialsHint->setObjectName(QStringLiteral("credentialsHint"));
    m_sendCredentials = new QPushButton(m_authBox);
    m_sendCredentials->setObjectName(QStringLiteral("sendCredentialsButton"));
    m_mailSender = new MailSender(m_ctx, this);
    auto* passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_passwordLabel, 1);
    passwordRow->addWidget(m_showPassword);
    auto* sendRow = new QHBoxLayout;
    sendRow->addStretch();
    sendRow->addWidget(m_sendCredentials);
    auto* authForm = new QFormLayout;
    authForm->addRow(m_usernameCaption, m_username);
    authForm->addRow(m_passwordCaption, passwordRow);
    authForm->addRow(m_ipCaption, m_ip);
    auto* authLayout = new QVBoxLayout(m_authBox);
    authLayout->addWidget(m_authMethod);
    authLayout->addLayout(authForm);
    authLayout->addLayout(sendRow);
    authLayout->addWidget(m_ipWarning);
    authLayout->addWidget(m_credentialsHint);
    connect(m_showPassword, &QPushButton::clicked, this, &SipProfileDetails::togglePassword);
    connect(m_sendCredentials, &QPushButton::clicked, this, &SipProfileDetails::sendCredentials);
    connect(m_mailSender, &MailSender::finished, this, [this](const Result<QString>& sentTo) {
        if (sentTo) {
            m_credentialsHint->showInfo(tr("The credentials went to %1.").arg(*sentTo));
            emit statusMessage(tr("Sent the credentials of %1 to %2.").arg(m_sending, *sentTo));
        } else {
            // The profile and its password are as they were: only the mail failed.
            m_credentialsHint->showError(
                tr("The credentials were not sent: %1").arg(sentTo.error().message));
        }
        m_sending.clear();
        updateWidgets();
    });

    // What the PBX needs
    m_pbxBox = group(QStringLiteral("pbxGroup"), m_details);
    m_serversCaption = new QLabel(m_pbxBox);
    m_serversLabel = valueLabel(m_pbxBox, QStringLiteral("sipServersLabel"));
    m_pbxIntro = noteLabel(m_pbxBox, QStringLiteral("pbxIntroLabel"));
    m_config = new PbxConfigView(m_pbxBox);
    m_config->setCopySource([this]() { return configText(true); });
    connect(m_config, &PbxConfigView::copied, this, [this]() {
        if (m_profile)
            emit statusMessage(
                tr("Copied the PBX configuration of %1 to the clipboard.").arg(m_profile->name));
    });
    // Trunk health: SIP OPTIONS to the PBX (IP authentication) and the provider's servers.
    m_probeButton = new QPushButton(m_pbxBox);
    m_probeButton->setObjectName(QStringLiteral("probeButton"));
    // A message label: no accessible name, so a screen reader reads its text.
    m_probeResult = new QLabel(m_pbxBox);
    m_probeResult->setObjectName(QStringLiteral("probeResultLabel"));
    m_probeResult->setWordWrap(true);
    m_probeResult->setTextFormat(Qt::PlainText);
    m_probeResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_probeButton, &QPushButton::clicked, this, &SipProfileDetails::startProbe);
    auto* probeRow = new QHBoxLayout;
    probeRow->addWidget(m_probeButton, 0, Qt::AlignTop);
    probeRow->addWidget(m_probeResult, 1);
    auto* serversForm = new QFormLayout;
    serversForm->addRow(m_serversCaption, m_serversLabel);
    auto* pbxLayout = new QVBoxLayout(m_pbxBox);
    pbxLayout->addLayout(serversForm);
    pbxLayout->addLayout(probeRow);
    pbxLayout->addWidget(m_pbxIntro);
    pbxLayout->addWidget(m_config, 1);

    // Outgoing calls
    m_outgoingBox = group(QStringLiteral("outgoingGroup"), m_details);
    m_channelsCost = noteLabel(m_outgoingBox, QStringLiteral("channelsCostLabel"));
    QFont bold = m_channelsCost->font();
    bold.setBold(true);
    m_channelsCost->setFont(bold);
    m_paidUntil = noteLabel(m_outgoingBox, QStringLiteral("channelsPaidUntilLabel"));
    m_lapsed = new HintLabel(m_outgoingBox);
    m_lapsed->setObjectName(QStringLiteral("channelsLapsedLabel"));
    // The seed's "Outgoing calls" row: channels and bundles together.
    m_outgoingTotal = noteLabel(m_outgoingBox, QStringLiteral("outgoingTotalLabel"));
    auto* outgoingLayout = new QVBoxLayout(m_outgoingBox);
    outgoingLayout->addWidget(m_outgoingTotal);
    outgoingLayout->addWidget(m_channelsCost);
    outgoingLayout->addWidget(m_paidUntil);
    outgoingLayout->addWidget(m_lapsed);

    // Balance
    m_balanceBox = group(QStringLiteral("profileBalanceGroup"), m_details);
    m_balance = valueLabel(m_balanceBox, QStringLiteral("profileBalanceLabel"));
    m_balance->setFont(bold);
    m_balanceNote = noteLabel(m_balanceBox, QStringLiteral("profileBalanceNote"));
    auto* balanceLayout = new QVBoxLayout(m_balanceBox);
    balanceLayout->addWidget(m_balance);
    balanceLayout->addWidget(m_balanceNote);

    // Linked accounts
    m_accountsBox = group(QStringLiteral("linkedAccountsGroup"), m_details);
    m_accountsNote = noteLabel(m_accountsBox, QStringLiteral("linkedAccountsNote"));
    m_accounts = new QTableWidget(0, 3, m_accountsBox);
    m_accounts->setObjectName(QStringLiteral("linkedAccountsTable"));
    m_accounts->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_accounts->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accounts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_accounts->verticalHeader()->setVisible(false);
    m_accounts->horizontalHeader()->setStretchLastSection(true);
    // A handful of rows: fitting them to their contents costs nothing.
    m_accounts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_accounts->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_accounts->setContextMenuPolicy(Qt::ActionsContextMenu);
    // As the pages' tables: Tab selects the framed account (Unlink acts on the selection) and
    // Tab leaves the table instead of walking its cells.
    TablePage::selectOnFocus(m_accounts);
    m_accounts->setTabKeyNavigation(false);
    connect(m_accounts, &QTableWidget::itemSelectionChanged, this,
            &SipProfileDetails::selectedAccountChanged);
    auto* accountsLayout = new QVBoxLayout(m_accountsBox);
    accountsLayout->addWidget(m_accountsNote);
    accountsLayout->addWidget(m_accounts);

    // Numbers
    m_numbersBox = group(QStringLiteral("profileNumbersGroup"), m_details);
    m_numbers = new QListWidget(m_numbersBox);
    m_numbers->setObjectName(QStringLiteral("profileNumbersList"));
    m_numbers->setSelectionMode(QAbstractItemView::NoSelection);
    m_numbersNote = noteLabel(m_numbersBox, QStringLiteral("profileNumbersNote"));
    auto* numbersLayout = new QVBoxLayout(m_numbersBox);
    numbersLayout->addWidget(m_numbersNote);
    numbersLayout->addWidget(m_numbers);

    // US minute bundles
    m_bundlesBox = group(QStringLiteral("bundlesGroup"), m_details);
    m_bundlesCount = noteLabel(m_bundlesBox, QStringLiteral("bundlesCountLabel"));
    m_bundlesCount->setFont(bold);
    m_bundlesMinutes = noteLabel(m_bundlesBox, QStringLiteral("bundlesMinutesLabel"));
    m_bundlesPeriod = noteLabel(m_bundlesBox, QStringLiteral("bundlesPeriodLabel"));
    m_bundlesHint = new HintLabel(m_bundlesBox);
    m_bundlesHint->setObjectName(QStringLiteral("bundlesHintLabel"));
    m_bundlesNote = noteLabel(m_bundlesBox, QStringLiteral("bundlesNoteLabel"));
    auto* bundlesLayout = new QVBoxLayout(m_bundlesBox);
    bundlesLayout->addWidget(m_bundlesCount);
    bundlesLayout->addWidget(m_bundlesMinutes);
    bundlesLayout->addWidget(m_bundlesPeriod);
    bundlesLayout->addWidget(m_bundlesHint);
    bundlesLayout->addWidget(m_bundlesNote);

    auto* header = new QVBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_summary);
    auto* left = new QVBoxLayout;
    left->addWidget(m_authBox);
    left->addWidget(m_outgoingBox);
    left->addWidget(m_balanceBox);
    left->addWidget(m_accountsBox);
    left->addWidget(m_numbersBox);
    left->addWidget(m_bundlesBox);
    left->addStretch();
    auto* right = new QVBoxLayout;
    right->addWidget(m_pbxBox, 1);
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->addLayout(left, 1);
    m_columns->addLayout(right, 1);
    m_left = left;
    m_right = right;
    auto* detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addLayout(header);
    detailsLayout->addLayout(m_columns, 1);

    auto* contentLayout = new QVBoxLayout(m_content);
    contentLayout->addWidget(m_empty);
    contentLayout->addWidget(m_details, 1);
    setWidget(m_content);

    retranslateUi();
}

void SipProfileDetails::setActions(const Actions& actions)
{
    auto addButtons = [this](QGroupBox* box, const QList<QToolButton*>& buttons) {
        auto* row = new QHBoxLayout;
        for (QToolButton* b : buttons)
            row->addWidget(b);
        row->addStretch();
        qobject_cast<QBoxLayout*>(box->layout())->addLayout(row);
    };
    m_changeChannelsButton =
        actionButton(actions.changeChannels, QStringLiteral("changeChannelsButton"), m_outgoingBox);
    addButtons(m_outgoingBox, {m_changeChannelsButton});
    m_allocateButton = actionButton(actions.allocateCredit,
                                    QStringLiteral("allocateProfileCreditButton"), m_balanceBox);
    addButtons(m_balanceBox, {m_allocateButton});
    m_linkButton =
        actionButton(actions.linkAccount, QStringLiteral("linkAccountButton"), m_accountsBox);
    m_unlinkButton =
        actionButton(actions.unlinkAccount, QStringLiteral("unlinkAccountButton"), m_accountsBox);
    addButtons(m_accountsBox, {m_linkButton, m_unlinkButton});
    m_accounts->addActions({actions.linkAccount, actions.unlinkAccount});
    m_buyButton =
        actionButton(actions.buyNumber, QStringLiteral("buyNumberForProfileButton"), m_numbersBox);
    addButtons(m_numbersBox, {m_buyButton});
    QList<QToolButton*> bundleButtons;
    for (QAction* a : actions.bundles)
        bundleButtons.append(actionButton(
            a, a->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")),
            m_bundlesBox));
    addButtons(m_bundlesBox, bundleButtons);
    m_bundleButtons = bundleButtons;
    // The buttons were made after the groups' contents but sit under them: Tab in reading
    // order, each group's controls (in their Tab order) then its buttons.
    QHash<QWidget*, int> chainIndex;
    int index = 0;
    for (QWidget* w = nextInFocusChain(); w && w != this; w = w->nextInFocusChain())
        chainIndex.insert(w, index++);
    QList<QWidget*> order;
    // The left column's groups, then the PBX data in the right one.
    for (QGroupBox* box : {m_authBox, m_outgoingBox, m_balanceBox, m_accountsBox, m_numbersBox,
                           m_bundlesBox, m_pbxBox}) {
        QList<QWidget*> controls, buttons;
        for (QWidget* w : box->findChildren<QWidget*>()) {
            if (!(w->focusPolicy() & Qt::TabFocus) || w->focusProxy())
                continue;
            if (qobject_cast<QToolButton*>(w))
                buttons << w;
            else
                controls << w;
        }
        std::sort(controls.begin(), controls.end(), [&](QWidget* a, QWidget* b) {
            return chainIndex.value(a) < chainIndex.value(b);
        });
        // The trunk check's row sits above the PBX configuration it was made after.
        if (box == m_pbxBox && controls.removeOne(m_probeButton))
            controls.prepend(m_probeButton);
        order << controls << buttons;
    }
    for (int i = 0; i + 1 < order.size(); ++i)
        QWidget::setTabOrder(order[i], order[i + 1]);
    retranslateUi();
}

QString SipProfileDetails::selectedAccount() const
{
    const QList<QTableWidgetItem*> items = m_accounts->selectedItems();
    if (items.isEmpty())
        return {};
    const QTableWidgetItem* first = m_accounts->item(items.first()->row(), 0);
    return first ? first->text() : QString();
}

void SipProfileDetails::showProfile(const QString& name)
{
    if (name.compare(m_name, Qt::CaseInsensitive) != 0)
        m_password.clear();
    m_name = name;
    reload();
}

void SipProfileDetails::reload()
{
    const QString previousAccount = selectedAccount();
    m_profile.reset();
    m_credentialsHint->clearMessage();
    if (!m_name.isEmpty()) {
        auto p = ProfileService(m_ctx).find(m_name);
        if (p) {
            m_profile = *p;
            m_name = p->name;
        } else {
            m_credentialsHint->showError(p.error().message);
            m_password.clear();
        }
    }
    m_bundles = BundleSummary();
    m_bundlesError.clear();
    if (m_profile) {
        auto b = BundleService(m_ctx).summary(m_profile->id);
        if (b)
            m_bundles = *b;
        else
            m_bundlesError = b.error().message;
    }
    auto servers = ProviderSettings(m_ctx).sipServers();
    m_servers = servers ? *servers : ProviderSettings::defaultSipServers();
    m_serversError = servers ? QString() : servers.error().message;
    updateWidgets();
    if (!m_probeRun)
        showProbeResults();
    if (!previousAccount.isEmpty()) {
        for (int row = 0; row < m_accounts->rowCount(); ++row) {
            if (m_accounts->item(row, 0)->text() == previousAccount)
                m_accounts->selectRow(row);
        }
    }
}

QString SipProfileDetails::configText(bool withPassword)
{
    if (!m_profile)
        return {};
    QString password;
    if (m_profile->auth == SipProfile::Auth::Registration) {
        if (withPassword && m_password.isEmpty()) {
            auto c = ProfileService(m_ctx).credentials(m_profile->name);
            if (!c) {
                m_credentialsHint->showError(
                    tr("The password cannot be read: %1").arg(c.error().message));
                return {};
            }
            return PbxConfig::asterisk(*m_profile, c->servers, c->password);
        }
        password = m_password.isEmpty() ? QStringLiteral("********") : m_password;
    }
    return PbxConfig::asterisk(*m_profile, m_servers, password);
}

void SipProfileDetails::sendCredentials()
{
    if (!m_profile || m_mailSender->isBusy())
        return;
    auto started = m_mailSender->startCredentials(m_profile->name);
    if (!started) {
        m_credentialsHint->showError(started.error().message);
        return;
    }
    m_sending = m_profile->name;
    m_credentialsHint->showInfo(tr("Sending the credentials to %1…").arg(*started));
    updateWidgets();
}

void SipProfileDetails::togglePassword()
{
    if (!m_profile)
        return;
    if (!m_password.isEmpty()) {
        m_password.clear();
        updateWidgets();
        return;
    }
    auto c = ProfileService(m_ctx).credentials(m_profile->name);
    if (!c) {
        m_credentialsHint->showError(tr("The password cannot be read: %1").arg(c.error().message));
        return;
    }
    m_credentialsHint->clearMessage();
    m_password = c->password;
    updateWidgets();
}

void SipProfileDetails::updateWidgets()
{
    const QLocale locale;
    m_empty->setVisible(!m_profile);
    m_details->setVisible(m_profile.has_value());
    if (!m_profile) {
        m_accounts->setRowCount(0);
        m_numbers->clear();
        emit selectedAccountChanged();
        return;
    }
    const SipProfile& p = *m_profile;
    m_title->setText(p.name);
    m_title->setAccessibleName(p.name);
    QStringList summary;
    if (!p.department.isEmpty())
        summary << tr("Department: %1").arg(p.department);
    if (!p.email.isEmpty())
        summary << tr("E-mail: %1").arg(p.email);
    // The country its dialled numbers are read in (calls are rated with it).
    const QLocale::Territory territory = QLocale::codeToTerritory(p.country);
    summary << tr("Country: %1")
                   .arg(territory == QLocale::AnyTerritory
                            ? p.country
                            : tr("%1 (%2)").arg(QLocale::territoryToString(territory), p.country));
    summary << tr("Created %1").arg(shortDate(locale, p.createdAt.toLocalTime().date()));
    m_summary->setText(summary.join(QStringLiteral(" · ")));
    m_summary->setAccessibleName(m_summary->text());

    const bool registration = p.auth == SipProfile::Auth::Registration;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_usernameCaption, m_username, m_passwordCaption,
                                         m_passwordLabel, m_showPassword, m_sendCredentials})
        w->setVisible(registration);
    m_sendCredentials->setEnabled(registration && !p.email.isEmpty() && m_sending.isEmpty());
    m_sendCredentials->setToolTip(
        p.email.isEmpty()
            ? tr("This profile has no e-mail address to send its credentials to.")
            : tr("Mails the username, password, SIP servers and PBX configuration to %1.")
                  .arg(p.email));
    m_ipCaption->setVisible(!registration);
    m_ip->setVisible(!registration);
    if (registration) {
        m_authMethod->setText(
            tr("Registration: the PBX registers with this username and password."));
        m_username->setText(p.username);
        m_passwordLabel->setText(m_password.isEmpty() ? kHiddenPassword : m_password);
        m_passwordLabel->setAccessibleName(
            m_password.isEmpty() ? tr("Password hidden") : tr("Password: %1").arg(m_password));
        m_showPassword->setText(m_password.isEmpty() ? tr("Sh&ow") : tr("Hi&de"));
        m_showPassword->setAccessibleName(m_password.isEmpty() ? tr("Show the password")
                                                               : tr("Hide the password"));
        m_ipWarning->clearMessage();
    } else {
        m_authMethod->setText(
            tr("IP authentication: the provider accepts calls from this address without "
               "registration."));
        m_ip->setText(tr("%1, UDP port %2").arg(p.ip).arg(p.port));
        const auto warnings = ProfileService::validateIp(p.ip);
        if (warnings && !warnings->isEmpty())
            m_ipWarning->showWarning(warnings->join(QLatin1Char(' ')));
        else
            m_ipWarning->clearMessage();
    }
    m_username->setAccessibleDescription(tr("SIP username: %1").arg(p.username));
    m_ip->setAccessibleName(m_ip->text());
    m_authMethod->setAccessibleName(m_authMethod->text());

    m_serversLabel->setText(m_serversError.isEmpty()
                                ? m_servers.join(QLatin1Char('\n'))
                                : tr("%1 (defaults shown: %2)")
                                      .arg(m_servers.join(QStringLiteral(", ")), m_serversError));
    // Read as shown, the default servers' note included; the caption beside it says what
    // they are.
    m_serversLabel->setAccessibleDescription(tr("Provider SIP servers"));
    m_pbxIntro->setText(
        registration
            ? tr("Point the PBX at these servers with the username and password, or paste this "
                 "ready configuration:")
            : tr("The PBX sends its calls from %1 to these servers, or paste this ready "
                 "configuration:")
                  .arg(p.ip));
    m_config->setText(configText(false));

    const Money monthly = p.monthlyChannelCost();
    m_channelsCost->setText(
        tr("%n channel(s): %1 a month", nullptr, p.channels).arg(monthly.toCurrencyString(locale)));
    m_channelsCost->setAccessibleName(m_channelsCost->text());
    if (p.channelsLapsed) {
        m_paidUntil->setText(tr("Was paid until %1.").arg(shortDate(locale, p.channelsExpires)));
        m_lapsed->showError(
            tr("The company balance could not pay the channels' renewal: outgoing calls through "
               "this profile stop until the channels are paid. Change the channels to pay now."));
    } else {
        m_paidUntil->setText(tr("Paid until %1, then renewed monthly from the company balance.")
                                 .arg(shortDate(locale, p.channelsExpires)));
        m_lapsed->clearMessage();
    }
    m_paidUntil->setAccessibleName(m_paidUntil->text());

    const Money bundlesMonthly = m_bundles.monthlyCost();
    m_outgoingTotal->setText(bundlesMonthly.isPositive()
                                 ? tr("%1 a month: channels %2 and US minute bundles %3")
                                       .arg((monthly + bundlesMonthly).toCurrencyString(locale),
                                            monthly.toCurrencyString(locale),
                                            bundlesMonthly.toCurrencyString(locale))
                                 : tr("%1 a month").arg(monthly.toCurrencyString(locale)));
    m_outgoingTotal->setAccessibleDescription(
        tr("Outgoing calls: %1").arg(m_outgoingTotal->text()));
    const auto day = [&](const QDate& d) { return shortDate(locale, d); };
    if (!m_bundles.inForce()) {
        m_bundlesCount->setText(tr("No US minute bundles."));
        m_bundlesMinutes->setText(tr("US calls are charged at the standard rates."));
        m_bundlesPeriod->clear();
    } else {
        m_bundlesCount->setText(tr("%n bundle(s) at %1 each: %2 a month", nullptr, m_bundles.count)
                                    .arg(m_bundles.pricePaid.toCurrencyString(locale),
                                         m_bundles.pricePaid.times(m_bundles.count)
                                             .value_or(Money())
                                             .toCurrencyString(locale)));
        m_bundlesMinutes->setText(tr("Minutes used: %1 of %2 this period (until %3)")
                                      .arg(locale.toString(m_bundles.minutesUsed),
                                           locale.toString(m_bundles.minutesIncluded),
                                           day(m_bundles.periodEnd)));
        m_bundlesPeriod->setText(
            m_bundles.cancelled
                ? tr("Cancelled: usable until %1, then they expire.").arg(day(m_bundles.expires))
                : tr("Next payment: %1, from this profile's balance.")
                      .arg(day(m_bundles.nextPayment)));
    }
    m_bundlesHint->showProblem(m_bundlesError);
    for (QLabel* l : {m_bundlesCount, m_bundlesMinutes, m_bundlesPeriod})
        l->setAccessibleName(l->text());

    m_balance->setText(BalanceDisplay::currencyText(p.balance, locale));
    // Owed (below zero after calls): red besides the words, readable on the pane's palette.
    QPalette balancePalette = m_balance->parentWidget()->palette();
    if (p.balance.isNegative())
        balancePalette.setColor(QPalette::WindowText,
                                BalanceDisplay::owedColor(balancePalette, QPalette::Window));
    m_balance->setPalette(balancePalette);
    m_balance->setAccessibleDescription(tr("Profile balance: %1").arg(m_balance->text()));

    m_accounts->setRowCount(static_cast<int>(p.accounts.size()));
    for (int row = 0; row < p.accounts.size(); ++row) {
        const LinkedAccount& a = p.accounts[row];
        m_accounts->setItem(row, 0, new QTableWidgetItem(a.account));
        m_accounts->setItem(row, 1, new QTableWidgetItem(a.name));
        m_accounts->setItem(row, 2,
                            new QTableWidgetItem(a.extension.isEmpty() ? tr("none") : a.extension));
    }
    m_accountsBox->setTitle(tr("Linked accounts (%1)").arg(p.accounts.size()));
    // As tall as its rows (two to eight), not as tall as the configuration beside it.
    const int rowHeight = m_accounts->verticalHeader()->defaultSectionSize();
    const int shownRows = qBound(2, static_cast<int>(p.accounts.size()), 8);
    m_accounts->setFixedHeight(m_accounts->horizontalHeader()->sizeHint().height() +
                               shownRows * rowHeight + 2 * m_accounts->frameWidth());

    m_numbers->clear();
    for (const QString& e164 : p.numbers) {
        const QString place = PhoneNumbers::placeName(e164, QLocale().name().left(2));
        auto* item = new QListWidgetItem(
            place.isEmpty() ? PhoneNumbers::formatInternational(e164)
                            : tr("%1 — %2").arg(PhoneNumbers::formatInternational(e164), place),
            m_numbers);
        item->setData(Qt::UserRole, e164);
        item->setToolTip(tr("%1 (national: %2)").arg(e164, PhoneNumbers::formatNational(e164)));
    }
    m_numbersBox->setTitle(tr("Numbers (%1)").arg(p.numbers.size()));
    const int numberRow = m_numbers->fontMetrics().height() + 4;
    m_numbers->setFixedHeight(qBound(2, static_cast<int>(p.numbers.size()), 8) * numberRow +
                              2 * m_numbers->frameWidth());
    m_numbersNote->setText(
        p.numbers.isEmpty() ? tr("No number routes to this profile directly. Numbers of linked "
                                 "accounts route here too.")
                            : tr("Calls to these numbers, and to the numbers of linked accounts, "
                                 "go to this profile's PBX."));
    emit selectedAccountChanged();
}

QString SipProfileDetails::probeText(const QList<ProbeResult>& results)
{
    QStringList lines;
    for (const ProbeResult& r : results)
        lines << (r.kind == ProbeResult::Kind::Pbx ? tr("PBX %1").arg(r.describe())
                                                   : tr("Provider %1").arg(r.describe()));
    return lines.join(QLatin1Char('\n'));
}

void SipProfileDetails::showProbeResults()
{
    if (!m_profile) {
        m_probeResult->clear();
        return;
    }
    auto latest = ProbeService(m_ctx).latest(m_profile->id);
    if (!latest) {
        m_probeResult->setText(tr("The last check cannot be read: %1").arg(latest.error().message));
        return;
    }
    if (latest->isEmpty()) {
        m_probeResult->setText(tr("Not checked yet."));
        return;
    }
    const QLocale locale;
    m_probeResult->setText(tr("Checked %1:\n%2")
                               .arg(shortDateTime(locale, latest->first().checkedAt.toLocalTime()),
                                    probeText(*latest)));
}

void SipProfileDetails::startProbe()
{
    if (!m_profile || m_probeRun)
        return;
    m_probeRun = new ProbeRun(m_ctx, this);
    connect(m_probeRun, &ProbeRun::finished, this, &SipProfileDetails::probeFinished);
    m_probeButton->setEnabled(false);
    m_probeResult->setText(tr("Checking the trunk of %1…").arg(m_profile->name));
    m_probeRun->start(m_profile->name);
}

void SipProfileDetails::probeFinished()
{
    ProbeRun* run = m_probeRun;
    m_probeRun = nullptr;
    run->deleteLater();
    m_probeButton->setEnabled(m_profile.has_value());
    // The results are stored; show them only where they belong.
    if (!m_profile || m_profile->id != run->profileId()) {
        showProbeResults();
        return;
    }
    if (run->error()) {
        m_probeResult->setText(tr("The trunk could not be checked: %1").arg(run->error()->message));
        return;
    }
    m_probeResult->setText(probeText(run->results()));
    int ok = 0;
    for (const ProbeResult& r : run->results())
        ok += r.result == ProbeResult::Outcome::Ok ? 1 : 0;
    emit statusMessage(tr("Checked the trunk of %1: %2 of %3 servers answered OK.")
                           .arg(m_profile->name)
                           .arg(ok)
                           .arg(run->results().size()));
}

void SipProfileDetails::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        arrangeColumns();
    }
    QScrollArea::changeEvent(event);
}

void SipProfileDetails::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    arrangeColumns();
}

void SipProfileDetails::arrangeColumns()
{
    // Side by side when both columns fit, the PBX data under the rest when they do not: no
    // sideways scrolling at 1024 pixels in any language. Measured side by side whatever the
    // current direction, so that the choice never flips back and forth.
    const int margins = m_content->layout()->contentsMargins().left() +
                        m_content->layout()->contentsMargins().right();
    const int sideBySide = m_left->minimumSize().width() + m_right->minimumSize().width() +
                           m_columns->spacing() + margins;
    const auto direction =
        viewport()->width() >= sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_columns->direction() != direction)
        m_columns->setDirection(direction);
}

void SipProfileDetails::retranslateUi()
{
    setAccessibleName(tr("SIP profile details"));
    m_empty->setText(tr(
        "No SIP profile is selected. Create one to connect the office PBX: it gets its own credit, "
        "channels, numbers and linked accounts."));
    m_empty->setAccessibleName(m_empty->text());
    m_authBox->setTitle(tr("Authentication"));
    m_usernameCaption->setText(tr("Username:"));
    m_passwordCaption->setText(tr("Password:"));
    m_showPassword->setText(tr("Sh&ow"));
    m_showPassword->setAccessibleName(tr("Show the password"));
    m_ipCaption->setText(tr("Allowed IP:"));
    m_ipWarning->setAccessibleDescription(tr("Address warning"));
    m_sendCredentials->setText(tr("Send the credentials &again"));
    m_sendCredentials->setAccessibleName(tr("Send the credentials again"));
    m_pbxBox->setTitle(tr("PBX data"));
    m_serversCaption->setText(tr("Provider SIP servers:"));
    m_probeButton->setText(tr("Check the &trunk"));
    m_probeButton->setAccessibleName(tr("Check the trunk"));
    m_probeButton->setToolTip(
        tr("Sends SIP OPTIONS to the PBX (IP authentication) and to the provider's servers, and "
           "shows who answers and how fast."));
    m_outgoingBox->setTitle(tr("Outgoing calls"));
    m_lapsed->setAccessibleDescription(tr("Channels not paid"));
    m_balanceBox->setTitle(tr("Balance"));
    m_balanceNote->setText(
        tr("Calls through this profile are paid from its own credit. Credit allocated to it "
           "cannot be taken back; it returns to the company balance only when the profile is "
           "deleted."));
    m_accountsNote->setText(
        tr("Calls to a linked account and to its numbers go to this profile's PBX (to the "
           "extension, if set). A linked account cannot be used to sign in."));
    m_accounts->setHorizontalHeaderLabels({tr("Account"), tr("Name"), tr("Extension")});
    m_accounts->setAccessibleName(tr("Linked accounts"));
    m_numbers->setAccessibleName(tr("Numbers of the profile"));
    m_bundlesBox->setTitle(tr("US minute bundles"));
    m_bundlesNote->setText(
        tr("Each bundle gives 5000 minutes a month of calls to US mobiles and landlines, paid "
           "from this profile's credit; at most one per channel. Unused minutes expire at the "
           "renewal; US calls beyond them are charged at the standard rates."));
    updateWidgets();
    if (!m_probeRun)
        showProbeResults();
}

} // namespace sb::ui
