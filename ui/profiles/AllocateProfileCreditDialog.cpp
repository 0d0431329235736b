#include "ui/profiles/AllocateProfileCreditDialog.h"

#include "core/books/CompanyService.h"
#include "core/profiles/ProfileService.h"
#include "ui/widgets/AmountEdit.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/CompanyBalanceLabel.h"
#include "ui/widgets/HintLabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

AllocateProfileCreditDialog::AllocateProfileCreditDialog(const Context& ctx,
                                                         const SipProfile& profile, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_profile(profile)
{
    setObjectName(QStringLiteral("allocateProfileCreditDialog"));
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("profileLabel"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_amountEdit = new AmountEdit(this);
    m_amountEdit->setObjectName(QStringLiteral("amountEdit"));
    m_amountLabel = new QLabel(this);
    m_amountLabel->setBuddy(m_amountEdit);
    m_balanceInfo = new CompanyBalanceLabel(m_ctx, this);
    m_warning = new HintLabel(this);
    m_warning->setObjectName(QStringLiteral("warningLabel"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    auto* form = new QFormLayout;
    form->addRow(m_amountLabel, m_amountEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_balanceInfo);
    layout->addWidget(m_warning);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_amountEdit, &QLineEdit::textChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AllocateProfileCreditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AllocateProfileCreditDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(460);
}

void AllocateProfileCreditDialog::updateWidgets()
{
    const QLocale locale;
    m_intro->setText(
        tr("Give credit to the SIP profile %1 (balance now %2). Its calls are paid from it.")
            .arg(m_profile.name, m_profile.balance.toCurrencyString(locale)));
    const auto amount = m_amountEdit->amount();
    QString problem = m_refusal;
    bool ok = false;
    if (!m_amountEdit->isEmpty() && problem.isEmpty()) {
        if (!amount)
            problem = tr("\"%1\" is not an amount. Type it like %2.")
                          .arg(m_amountEdit->text(), Money::fromCents(2500).toLocaleString(locale));
        else if (auto v = CompanyService::validateAmount(*amount); !v)
            problem = v.error().message;
        else if (*amount > m_balanceInfo->balance())
            problem = tr("The company balance (%1) cannot cover %2. Top up the company balance "
                         "first, or give less.")
                          .arg(m_balanceInfo->balance().toCurrencyString(locale),
                               amount->toCurrencyString(locale));
        else
            ok = true;
    }
    m_balanceInfo->showBalance(tr("Company balance: %1."),
                               tr("Company balance: %1, after the allocation: %2."),
                               ok ? amount : std::nullopt);
    m_hint->showProblem(problem);
    QPushButton* okButton = m_buttons->button(QDialogButtonBox::Ok);
    okButton->setEnabled(ok);
    okButton->setText(ok ? tr("Allocate %1").arg(amount->toCurrencyString(locale))
                         : tr("Allocate"));
    okButton->setAccessibleName(okButton->text());
}

void AllocateProfileCreditDialog::accept()
{
    const auto amount = m_amountEdit->amount();
    if (!amount)
        return;
    auto result = ProfileService(m_ctx).allocateCredit(m_profile.name, *amount);
    if (!result) {
        m_refusal = result.error().message;
        m_balanceInfo->refresh();
        updateWidgets();
        return;
    }
    m_amount = *amount;
    m_profile = *result;
    QDialog::accept();
}

void AllocateProfileCreditDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AllocateProfileCreditDialog::retranslateUi()
{
    setWindowTitle(tr("Allocate credit to a SIP profile"));
    setAccessibleName(tr("Allocate credit to a SIP profile"));
    m_amountLabel->setText(tr("&Amount (%1):").arg(accountCurrency()));
    m_amountEdit->setAccessibleName(tr("Amount"));
    m_intro->setAccessibleDescription(tr("SIP profile"));
    m_balanceInfo->setAccessibleDescription(tr("Company balance"));
    m_warning->showWarning(
        tr("The amount is deducted from the company balance at once. Credit allocated to a SIP "
           "profile cannot be taken back; it returns to the company balance only if the profile "
           "is deleted."));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
