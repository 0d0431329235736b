#include "ui/profiles/RenameSipProfileDialog.h"

#include "core/profiles/ProfileService.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

RenameSipProfileDialog::RenameSipProfileDialog(const Context& ctx, const QString& name,
                                               QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_oldName(name)
{
    setObjectName(QStringLiteral("renameSipProfileDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_name = new QLineEdit(name, this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    // QLineEdit counts UTF-16 units, core counts characters: an emoji takes two units, so
    // the box lets twice the limit through and core says when a name is too long.
    m_name->setMaxLength(2 * 64);
    m_name->selectAll();
    m_nameLabel = new QLabel(this);
    m_nameLabel->setBuddy(m_name);
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    auto* form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_name, &QLineEdit::textChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RenameSipProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RenameSipProfileDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(440);
}

void RenameSipProfileDialog::updateWidgets()
{
    const QString typed = m_name->text().trimmed();
    QString problem = m_refusal;
    if (problem.isEmpty()) {
        if (auto v = ProfileService::validateName(typed); !v)
            problem = v.error().message;
    }
    if (problem.isEmpty())
        m_hint->clearMessage();
    else
        m_hint->showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && typed != m_oldName);
}

void RenameSipProfileDialog::accept()
{
    auto renamed = ProfileService(m_ctx).rename(m_oldName, m_name->text());
    if (!renamed) {
        m_refusal = renamed.error().message;
        updateWidgets();
        m_name->setFocus();
        return;
    }
    m_profile = *renamed;
    QDialog::accept();
}

void RenameSipProfileDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void RenameSipProfileDialog::retranslateUi()
{
    setWindowTitle(tr("Rename SIP profile"));
    setAccessibleName(tr("Rename SIP profile"));
    m_intro->setText(
        tr("A new name for the SIP profile %1. Its SIP username, credentials and PBX configuration "
           "stay the same.")
            .arg(m_oldName));
    m_nameLabel->setText(tr("&Name:"));
    m_name->setAccessibleName(tr("New name"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
