#include "ui/numbers/ReassignNumberDialog.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/NumberService.h"
#include "models/numbers/NumbersModel.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/HolderCompleter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

ReassignNumberDialog::ReassignNumberDialog(const Context& ctx, const NumberRecord& number,
                                           QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_number(number)
{
    setObjectName(QStringLiteral("reassignNumberDialog"));
    m_termsRequired = NumberService(m_ctx).termsRequired(number.country);
    m_numberLabel = new QLabel(this);
    m_numberLabel->setObjectName(QStringLiteral("numberLabel"));
    m_numberLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_numberLabel->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_numberLabel->setFont(bold);
    m_currentHolder = new QLabel(this);
    m_currentHolder->setObjectName(QStringLiteral("currentHolderLabel"));
    m_currentHolder->setWordWrap(true);
    m_currentHolder->setTextFormat(Qt::PlainText);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("holderKindCombo"));
    m_kind->addItem(QString(), static_cast<int>(NumberHolder::Kind::Member));
    m_kind->addItem(QString(), static_cast<int>(NumberHolder::Kind::Profile));
    m_holder = new QLineEdit(this);
    m_holder->setObjectName(QStringLiteral("holderEdit"));
    m_holder->setClearButtonEnabled(true);
    m_completer = new HolderCompleter(m_ctx, HolderCompleter::MembersAndProfiles, m_holder);
    m_terms = new HintLabel(this);
    m_terms->setObjectName(QStringLiteral("termsReminderLabel"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    m_kindLabel = new QLabel(this);
    m_kindLabel->setBuddy(m_kind);
    m_holderLabel = new QLabel(this);
    m_holderLabel->setBuddy(m_holder);
    auto* form = new QFormLayout;
    form->addRow(m_kindLabel, m_kind);
    form->addRow(m_holderLabel, m_holder);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_numberLabel);
    layout->addWidget(m_currentHolder);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_terms);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_holder, &QLineEdit::textChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this]() {
        m_refusal.clear();
        retranslateUi();
    });
    // An entry says what it is: the kind follows the admin's choice.
    connect(m_completer, &HolderCompleter::holderChosen, this, [this](const NumberHolder& h) {
        m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(h.kind)));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReassignNumberDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReassignNumberDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(500);
}

NumberHolder ReassignNumberDialog::typedHolder() const
{
    return NumberHolder{static_cast<NumberHolder::Kind>(m_kind->currentData().toInt()),
                        m_holder->text().trimmed()};
}

void ReassignNumberDialog::updateWidgets()
{
    if (m_refusal.isEmpty())
        m_hint->clearMessage();
    else
        m_hint->showError(m_refusal);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_holder->text().trimmed().isEmpty() && m_refusal.isEmpty());
}

void ReassignNumberDialog::accept()
{
    const NumberHolder to = typedHolder();
    if (to.name.isEmpty())
        return;
    auto assigned = NumberService(m_ctx).assign(m_number.e164, to);
    if (!assigned) {
        m_refusal = assigned.error().message;
        updateWidgets();
        m_holder->setFocus();
        return;
    }
    m_result = *assigned;
    QDialog::accept();
}

void ReassignNumberDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ReassignNumberDialog::retranslateUi()
{
    setWindowTitle(tr("Reassign number"));
    setAccessibleName(tr("Reassign number"));
    m_numberLabel->setText(
        tr("%1 (E.164: %2)").arg(PhoneNumbers::formatNational(m_number.e164), m_number.e164));
    m_numberLabel->setAccessibleName(m_numberLabel->text());
    const QString holder = NumbersModel::holderText(m_number);
    m_currentHolder->setText(tr("%1, %2. Now held by: %3. Paid until %4.")
                                 .arg(NumberCatalogue::countryName(m_number.country), m_number.area,
                                      holder.isEmpty() ? tr("nobody") : holder,
                                      shortDate(QLocale(), m_number.expires)));
    m_currentHolder->setAccessibleName(m_currentHolder->text());
    m_kindLabel->setText(tr("New holder is a:"));
    m_kind->setItemText(0, tr("Member"));
    m_kind->setItemText(1, tr("SIP profile"));
    m_kind->setAccessibleName(tr("New holder is a member or a SIP profile"));
    const bool profile =
        m_kind->currentData().toInt() == static_cast<int>(NumberHolder::Kind::Profile);
    m_holderLabel->setText(profile ? tr("&SIP profile:") : tr("&Account name:"));
    m_holder->setPlaceholderText(tr("Start typing a name; the list says member or SIP profile"));
    m_holder->setAccessibleName(tr("New holder"));
    const QString country = NumberCatalogue::countryName(m_number.country);
    if (m_termsRequired)
        m_terms->showWarning(
            tr("Numbers in %1 are held under terms (for example a local address in %1). The terms "
               "accepted when this number was bought still apply: make sure the new holder meets "
               "them, or the number may be lost.")
                .arg(country));
    else
        m_terms->showInfo(
            tr("The terms under which this number was bought still apply to its new holder."));
    m_terms->setAccessibleDescription(tr("Terms reminder"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Reassign"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Reassign"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
