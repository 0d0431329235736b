#include "ui/profiles/LinkAccountDialog.h"

#include "core/profiles/ProfileService.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/HolderCompleter.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

LinkAccountDialog::LinkAccountDialog(const Context& ctx, const SipProfile& profile, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_profile(profile)
{
    setObjectName(QStringLiteral("linkAccountDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_account = new QLineEdit(this);
    m_account->setObjectName(QStringLiteral("accountEdit"));
    m_account->setMaxLength(32);
    m_completer = new HolderCompleter(m_ctx, HolderCompleter::Members, m_account);
    m_extension = new QLineEdit(this);
    m_extension->setObjectName(QStringLiteral("extensionEdit"));
    m_extension->setMaxLength(20);
    m_accountLabel = new QLabel(this);
    m_accountLabel->setBuddy(m_account);
    m_extensionLabel = new QLabel(this);
    m_extensionLabel->setBuddy(m_extension);
    m_info = new HintLabel(this);
    m_info->setObjectName(QStringLiteral("signInInfoLabel"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    auto* form = new QFormLayout;
    form->addRow(m_accountLabel, m_account);
    form->addRow(m_extensionLabel, m_extension);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_info);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);
    for (QLineEdit* e : {m_account, m_extension})
        connect(e, &QLineEdit::textChanged, this, [this]() {
            m_refusal.clear();
            updateWidgets();
        });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LinkAccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LinkAccountDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(480);
}

void LinkAccountDialog::updateWidgets()
{
    QString problem = m_refusal;
    if (problem.isEmpty()) {
        if (auto v = ProfileService::validateExtension(m_extension->text().trimmed()); !v)
            problem = v.error().message;
    }
    if (problem.isEmpty())
        m_hint->clearMessage();
    else
        m_hint->showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && !m_account->text().trimmed().isEmpty());
}

void LinkAccountDialog::accept()
{
    const QString account = m_account->text().trimmed();
    auto linked =
        ProfileService(m_ctx).link(m_profile.name, account, m_extension->text().trimmed());
    if (!linked) {
        m_refusal = linked.error().message;
        updateWidgets();
        m_account->setFocus();
        return;
    }
    m_profile = *linked;
    for (const LinkedAccount& a : std::as_const(m_profile.accounts)) {
        if (a.account.compare(account, Qt::CaseInsensitive) == 0)
            m_linked = a.account;
    }
    QDialog::accept();
}

void LinkAccountDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LinkAccountDialog::retranslateUi()
{
    setWindowTitle(tr("Link an account"));
    setAccessibleName(tr("Link an account"));
    m_intro->setText(tr("Calls to the account, and to the numbers assigned to it, go to the PBX of "
                        "the SIP profile "
                        "%1 — to the extension, if you give one.")
                         .arg(m_profile.name));
    m_accountLabel->setText(tr("&Account name:"));
    m_account->setAccessibleName(tr("Account name"));
    m_account->setPlaceholderText(tr("Start typing an account name"));
    m_extensionLabel->setText(tr("&Extension:"));
    m_extension->setAccessibleName(tr("Extension"));
    m_extension->setPlaceholderText(tr("optional, digits only"));
    m_info->showWarning(
        tr("While the account is linked it cannot be used to sign in. An account can be linked to "
           "one SIP profile only; unlinking restores sign-in."));
    m_info->setAccessibleDescription(tr("Sign-in"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Link"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Link"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
