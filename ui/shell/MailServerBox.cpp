#include "ui/shell/MailServerBox.h"

#include "ui/widgets/TablePage.h"

#include "core/net/MailSender.h"
#include "core/net/MailSettings.h"
#include "ui/widgets/HintLabel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
QLineEdit* lineEdit(QWidget* parent, const char* name)
{
    auto* e = new QLineEdit(parent);
    e->setObjectName(QString::fromLatin1(name));
    return e;
}
} // namespace

MailServerBox::MailServerBox(const Context& ctx, QWidget* parent) : QGroupBox(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("mailGroup"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    // "mailServerEdit" was the placeholder of earlier versions: QA's scripts keep finding the
    // host under that name.
    m_host = lineEdit(this, "mailServerEdit");
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("mailPortSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(MailServer::defaultPort(MailServer::Security::StartTls));
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("mailSecurityCombo"));
    // Its longest item ("None (only a server on this computer)", longer in French) must not
    // take the width the Settings page's other column needs.
    m_security->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_security->setMinimumContentsLength(18);
    for (auto s :
         {MailServer::Security::StartTls, MailServer::Security::Tls, MailServer::Security::None})
        m_security->addItem(QString(), static_cast<int>(s));
    m_user = lineEdit(this, "mailUserEdit");
    m_password = lineEdit(this, "mailPasswordEdit");
    m_password->setEchoMode(QLineEdit::Password);
    m_from = lineEdit(this, "mailFromEdit");
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveMailButton"));
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("removeMailButton"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("mailHint"));
    m_testAddress = lineEdit(this, "mailTestAddressEdit");
    m_sendTest = new QPushButton(this);
    m_sendTest->setObjectName(QStringLiteral("sendTestMailButton"));
    m_testHint = new HintLabel(this);
    m_testHint->setObjectName(QStringLiteral("mailTestHint"));

    m_hostLabel = new QLabel(this);
    m_hostLabel->setBuddy(m_host);
    m_portLabel = new QLabel(this);
    m_portLabel->setBuddy(m_port);
    m_securityLabel = new QLabel(this);
    m_securityLabel->setBuddy(m_security);
    m_userLabel = new QLabel(this);
    m_userLabel->setBuddy(m_user);
    m_passwordLabel = new QLabel(this);
    m_passwordLabel->setBuddy(m_password);
    m_fromLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_from);
    m_testLabel = new QLabel(this);
    m_testLabel->setBuddy(m_testAddress);

    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(m_portLabel);
    hostRow->addWidget(m_port);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_remove);
    buttons->addWidget(m_save);
    auto* testButtonRow = new QHBoxLayout;
    testButtonRow->addStretch();
    testButtonRow->addWidget(m_sendTest);
    auto* form = new QFormLayout;
    form->addRow(m_hostLabel, hostRow);
    form->addRow(m_securityLabel, m_security);
    form->addRow(m_userLabel, m_user);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_fromLabel, m_from);
    auto* testForm = new QFormLayout;
    testForm->addRow(m_testLabel, m_testAddress);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addLayout(testForm);
    layout->addLayout(testButtonRow);
    layout->addWidget(m_testHint);
    // Remove sits left of Save but was made after it: Tab in reading order.
    QWidget::setTabOrder(m_remove, m_save);

    m_sender = new MailSender(ctx, this);
    connect(m_sender, &MailSender::finished, this, [this](const Result<QString>& sentTo) {
        if (sentTo) {
            m_testHint->showInfo(tr("The server accepted the test message for %1. If it does "
                                    "not arrive, look in the spam folder.")
                                     .arg(*sentTo));
            emit statusMessage(tr("Test message sent to %1.").arg(*sentTo));
        } else {
            m_testHint->showError(sentTo.error().message);
        }
        updateWidgets();
    });
    for (QLineEdit* e : {m_host, m_user, m_password, m_from})
        connect(e, &QLineEdit::textChanged, this, &MailServerBox::updateWidgets);
    connect(m_port, &QSpinBox::valueChanged, this, &MailServerBox::updateWidgets);
    connect(m_security, &QComboBox::currentIndexChanged, this, &MailServerBox::securityChosen);
    connect(m_testAddress, &QLineEdit::textChanged, this, [this]() {
        if (!m_sender->isBusy())
            m_testHint->clearMessage();
        updateWidgets();
    });
    connect(m_save, &QPushButton::clicked, this, &MailServerBox::save);
    connect(m_remove, &QPushButton::clicked, this, &MailServerBox::remove);
    connect(m_sendTest, &QPushButton::clicked, this, &MailServerBox::sendTest);
    connect(m_testAddress, &QLineEdit::returnPressed, m_sendTest, &QPushButton::click);
    retranslateUi();
    load();
}

void MailServerBox::load()
{
    auto server = MailSettings(m_ctx).server();
    m_saved = server ? *server : std::nullopt;
    const MailServer shown = m_saved.value_or(MailServer{});
    const QSignalBlocker blockSecurity(m_security);
    m_host->setText(shown.host);
    m_port->setValue(shown.port);
    m_security->setCurrentIndex(m_security->findData(static_cast<int>(shown.security)));
    m_lastSecurity = shown.security;
    m_user->setText(shown.user);
    m_password->clear();
    m_from->setText(shown.from);
    if (!server)
        m_hint->showError(server.error().message);
    else
        m_hint->clearMessage();
    m_testHint->clearMessage();
    retranslateUi();
}

MailServer MailServerBox::typed() const
{
    MailServer s;
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.security = static_cast<MailServer::Security>(m_security->currentData().toInt());
    s.user = m_user->text().trimmed();
    s.from = m_from->text().trimmed();
    return s;
}

bool MailServerBox::savedPasswordServes(const MailServer& s) const
{
    // The stored password serves only the server and user it was saved for.
    return m_saved && !m_saved->user.isEmpty() && m_saved->host == s.host &&
           m_saved->user == s.user;
}

QString MailServerBox::problem() const
{
    const MailServer s = typed();
    if (s.host.isEmpty())
        return tr("Type the mail server's name, such as %1.")
            .arg(QStringLiteral("smtp.example.net"));
    if (auto v = MailSettings::validate(s); !v)
        return v.error().message;
    if (!s.user.isEmpty() && m_password->text().isEmpty() && !savedPasswordServes(s))
        return tr("Type the password of %1.").arg(s.user);
    return {};
}

void MailServerBox::securityChosen()
{
    // The closed combo may cut a long translation: the whole text is in the tool tip.
    m_security->setToolTip(m_security->currentText());
    const auto chosen = static_cast<MailServer::Security>(m_security->currentData().toInt());
    // Follow the usual port of the security unless the admin typed another one.
    if (m_port->value() == MailServer::defaultPort(m_lastSecurity))
        m_port->setValue(MailServer::defaultPort(chosen));
    m_lastSecurity = chosen;
    updateWidgets();
}

void MailServerBox::updateWidgets()
{
    const MailServer s = typed();
    const QString trouble = problem();
    const bool changed = !m_saved || *m_saved != s || !m_password->text().isEmpty();
    const bool busy = m_sender && m_sender->isBusy();
    // An empty form is not a problem to shout about; anything half typed is.
    const bool untouched = !m_saved && s.host.isEmpty() && s.user.isEmpty() && s.from.isEmpty();
    if (!trouble.isEmpty() && !untouched)
        m_hint->showError(trouble);
    else if (m_hint->kind() == HintLabel::Kind::Error)
        m_hint->clearMessage();
    m_save->setEnabled(trouble.isEmpty() && changed && !busy);
    m_remove->setEnabled(m_saved.has_value() && !busy);
    const QString to = m_testAddress->text().trimmed();
    const bool addressOk = MailSettings::validateAddress(to).ok();
    // The test goes through the server as typed, so it can be tried before it is saved.
    m_sendTest->setEnabled(trouble.isEmpty() && addressOk && !busy);
    m_sendTest->setToolTip(changed && m_saved
                               ? tr("Sends a short message through the server as typed here, "
                                    "before it is saved.")
                               : tr("Sends a short message through this server."));
    m_password->setPlaceholderText(
        savedPasswordServes(s) ? tr("unchanged") : (s.user.isEmpty() ? tr("no login") : QString()));
}

void MailServerBox::save()
{
    const MailServer s = typed();
    std::optional<QString> password;
    if (!m_password->text().isEmpty() || s.user.isEmpty())
        password = m_password->text();
    auto saved = MailSettings(m_ctx).save(s, password);
    if (!saved) {
        m_hint->showError(saved.error().message);
        return;
    }
    load();
    m_hint->showInfo(tr("Saved. Credentials and test messages go through %1.").arg(s.host));
    emit statusMessage(tr("The mail server is now %1, port %2.").arg(s.host).arg(s.port));
}

void MailServerBox::remove()
{
    auto removed = MailSettings(m_ctx).clear();
    if (!removed) {
        m_hint->showError(removed.error().message);
        return;
    }
    load();
    m_hint->showInfo(tr("No mail server is set: credentials are no longer sent by e-mail."));
    emit statusMessage(tr("The mail server was removed."));
}

void MailServerBox::sendTest()
{
    const MailServer server = typed();
    QString password = m_password->text();
    // An empty field keeps the saved password of the same login.
    if (password.isEmpty() && savedPasswordServes(server)) {
        auto stored = MailSettings(m_ctx).password();
        if (!stored) {
            m_testHint->showError(stored.error().message);
            return;
        }
        password = *stored;
    }
    const QString to = m_testAddress->text().trimmed();
    auto started = m_sender->startTestMessage(to, server, password);
    if (!started) {
        m_testHint->showError(started.error().message);
        return;
    }
    m_testHint->showInfo(tr("Sending a test message to %1 through %2…").arg(to, server.host));
    updateWidgets();
}

void MailServerBox::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void MailServerBox::retranslateUi()
{
    setTitle(tr("Mail server"));
    m_intro->setText(tr("New SIP profiles' credentials are sent by e-mail through this server. "
                        "It is kept in the database, for every admin and switchboardctl."));
    m_hostLabel->setText(tr("Mail s&erver:"));
    m_host->setAccessibleName(tr("Mail server"));
    m_host->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("smtp.example.net")));
    m_portLabel->setText(tr("&Port:"));
    m_port->setAccessibleName(tr("Mail server port"));
    m_securityLabel->setText(tr("Secu&rity:"));
    m_security->setAccessibleName(tr("Security"));
    m_security->setItemText(0, tr("STARTTLS (usually port 587)"));
    m_security->setItemText(1, tr("TLS (usually port 465)"));
    m_security->setItemText(2, tr("None (only a server on this computer)"));
    TablePage::keepChoicesWhole(m_security);
    m_security->setToolTip(m_security->currentText());
    m_userLabel->setText(tr("&User:"));
    m_user->setAccessibleName(tr("Mail user"));
    m_user->setPlaceholderText(tr("empty: no login"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setAccessibleName(tr("Mail password"));
    m_fromLabel->setText(tr("Sender:"));
    m_from->setAccessibleName(tr("Sender address"));
    m_from->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("admin@example.com")));
    m_save->setText(tr("Save mail server"));
    m_save->setAccessibleName(tr("Save the mail server"));
    m_remove->setText(tr("Remove"));
    m_remove->setAccessibleName(tr("Remove the mail server"));
    m_testLabel->setText(tr("&Test to:"));
    m_testAddress->setAccessibleName(tr("Test message address"));
    m_testAddress->setPlaceholderText(tr("your e-mail address"));
    m_sendTest->setText(tr("Send a test message"));
    m_sendTest->setAccessibleName(tr("Send a test message"));
    updateWidgets();
}

} // namespace sb::ui
