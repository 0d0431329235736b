#include "ui/members/AddMemberDialog.h"

#include "core/members/MemberService.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/CountryCombo.h"
#include "ui/widgets/HintLabel.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

AddMemberDialog::AddMemberDialog(const Context& ctx, QWidget* parent) : QDialog(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("addMemberDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_account = new QLineEdit(this);
    m_account->setObjectName(QStringLiteral("accountEdit"));
    m_account->setMaxLength(32);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    // QLineEdit counts UTF-16 units, core counts characters: an emoji takes two units, so
    // the box lets twice the limit through and core says when a name is too long.
    m_name->setMaxLength(2 * 100);
    m_email = new QLineEdit(this);
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_department = new QLineEdit(this);
    m_department->setObjectName(QStringLiteral("departmentEdit"));
    m_department->setMaxLength(2 * 100);
    if (auto departments = MemberService(m_ctx).departments(); departments) {
        auto* completer = new QCompleter(*departments, m_department);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        completer->setObjectName(QStringLiteral("departmentCompleter"));
        m_department->setCompleter(completer);
    }
    m_country = new CountryCombo(this);
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    auto* form = new QFormLayout;
    m_accountLabel = new QLabel(this);
    m_nameLabel = new QLabel(this);
    m_emailLabel = new QLabel(this);
    m_departmentLabel = new QLabel(this);
    m_countryLabel = new QLabel(this);
    m_accountLabel->setBuddy(m_account);
    m_nameLabel->setBuddy(m_name);
    m_emailLabel->setBuddy(m_email);
    m_departmentLabel->setBuddy(m_department);
    m_countryLabel->setBuddy(m_country);
    form->addRow(m_accountLabel, m_account);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_emailLabel, m_email);
    form->addRow(m_departmentLabel, m_department);
    form->addRow(m_countryLabel, m_country);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_account, &QLineEdit::textEdited, this, [this]() {
        m_touchedAccount = true;
        m_refusal.clear();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this]() { m_touchedName = true; });
    connect(m_email, &QLineEdit::textEdited, this, [this]() { m_touchedEmail = true; });
    for (QLineEdit* e : {m_account, m_name, m_email, m_department})
        connect(e, &QLineEdit::textChanged, this, &AddMemberDialog::updateWidgets);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddMemberDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddMemberDialog::reject);

    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(460);
}

NewMember AddMemberDialog::typed() const
{
    return NewMember{m_account->text().trimmed(), m_name->text(), m_email->text().trimmed(),
                     m_department->text(), m_country->country()};
}

void AddMemberDialog::updateWidgets()
{
    const NewMember m = typed();
    const bool valid = MemberService::validate(m).ok();
    QString problem = m_refusal;
    // Complaints only about what was typed: an empty form opens without a red line.
    if (problem.isEmpty() && (m_touchedAccount || !m.account.isEmpty())) {
        if (auto r = MemberService::validateAccountName(m.account); !r)
            problem = r.error().message;
    }
    if (problem.isEmpty() && m_touchedName) {
        if (auto r = MemberService::validateDisplayName(m.name); !r)
            problem = r.error().message;
    }
    if (problem.isEmpty() && (m_touchedEmail || !m.email.isEmpty())) {
        if (auto r = MemberService::validateEmail(m.email); !r)
            problem = r.error().message;
    }
    if (problem.isEmpty()) {
        if (auto r = MemberService::validateDepartment(m.department); !r)
            problem = r.error().message;
    }
    if (problem.isEmpty())
        m_hint->clearMessage();
    else
        m_hint->showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && m_refusal.isEmpty());
}

void AddMemberDialog::accept()
{
    const NewMember m = typed();
    if (!MemberService::validate(m))
        return;
    auto added = MemberService(m_ctx).add(m);
    if (!added) {
        m_refusal = added.error().message;
        updateWidgets();
        m_account->setFocus();
        return;
    }
    m_member = *added;
    QDialog::accept();
}

void AddMemberDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AddMemberDialog::retranslateUi()
{
    setWindowTitle(tr("Add member"));
    setAccessibleName(tr("Add member"));
    m_intro->setText(
        tr("The account name is how the member signs in: 6 to 32 characters, starting with a "
           "letter; letters, digits, '.', '_' and '-'."));
    m_accountLabel->setText(tr("&Account name:"));
    m_nameLabel->setText(tr("&Display name:"));
    m_emailLabel->setText(tr("&E-mail:"));
    m_departmentLabel->setText(tr("De&partment:"));
    m_account->setAccessibleName(tr("Account name"));
    m_account->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("kari.nordmann")));
    m_name->setAccessibleName(tr("Display name"));
    m_email->setAccessibleName(tr("E-mail"));
    m_email->setPlaceholderText(tr("optional"));
    m_department->setAccessibleName(tr("Department"));
    m_department->setPlaceholderText(tr("optional"));
    m_countryLabel->setText(tr("C&ountry:"));
    m_country->setAccessibleName(tr("Country"));
    m_country->setToolTip(tr("Numbers the member dials are read as dialled in this country "
                             "(its national forms and international prefix)."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add member"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add member"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
