#include "ui/shell/TopUpDialog.h"

#include "core/books/CompanyService.h"
#include "ui/widgets/AmountEdit.h"
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

TopUpDialog::TopUpDialog(const Context& ctx, QWidget* parent) : QDialog(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("topUpDialog"));
    if (auto b = CompanyService(m_ctx).balance(); b)
        m_balance = *b;
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_amountEdit = new AmountEdit(this);
    m_amountEdit->setObjectName(QStringLiteral("amountEdit"));
    m_reference = new QLineEdit(this);
    m_reference->setObjectName(QStringLiteral("referenceEdit"));
    // QLineEdit counts UTF-16 units, core counts characters: an emoji takes two units, so
    // the box lets twice the limit through and core says when a name is too long.
    m_reference->setMaxLength(2 * 200);
    m_balanceInfo = new QLabel(this);
    m_balanceInfo->setObjectName(QStringLiteral("balanceInfoLabel"));
    m_balanceInfo->setWordWrap(true);
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    m_amountLabel = new QLabel(this);
    m_amountLabel->setBuddy(m_amountEdit);
    m_referenceLabel = new QLabel(this);
    m_referenceLabel->setBuddy(m_reference);
    auto* form = new QFormLayout;
    form->addRow(m_amountLabel, m_amountEdit);
    form->addRow(m_referenceLabel, m_reference);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_balanceInfo);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_amountEdit, &QLineEdit::textChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_reference, &QLineEdit::textChanged, this, &TopUpDialog::updateWidgets);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TopUpDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TopUpDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(420);
}

void TopUpDialog::updateWidgets()
{
    const QLocale locale;
    const auto amount = m_amountEdit->amount();
    QString problem = m_refusal;
    bool ok = false;
    if (problem.isEmpty() && !m_amountEdit->isEmpty()) {
        if (!amount)
            problem =
                tr("\"%1\" is not an amount. Type it like %2.")
                    .arg(m_amountEdit->text(), Money::fromCents(123450).toLocaleString(locale));
        else if (auto v = CompanyService::validateAmount(*amount); !v)
            problem = v.error().message;
        else
            ok = true;
    }
    if (ok)
        m_balanceInfo->setText(tr("Company balance now: %1. After the top-up: %2.")
                                   .arg(m_balance.toCurrencyString(locale),
                                        (m_balance + *amount).toCurrencyString(locale)));
    else
        m_balanceInfo->setText(
            tr("Company balance now: %1.").arg(m_balance.toCurrencyString(locale)));
    if (problem.isEmpty())
        m_hint->clearMessage();
    else
        m_hint->showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && m_refusal.isEmpty());
}

void TopUpDialog::accept()
{
    const auto amount = m_amountEdit->amount();
    if (!amount)
        return;
    auto result = CompanyService(m_ctx).topUp(*amount, m_reference->text().trimmed());
    if (!result) {
        m_refusal = result.error().message;
        updateWidgets();
        return;
    }
    m_amount = *amount;
    m_newBalance = *result;
    QDialog::accept();
}

void TopUpDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void TopUpDialog::retranslateUi()
{
    setWindowTitle(tr("Top up the company balance"));
    setAccessibleName(tr("Top up the company balance"));
    m_intro->setText(tr("Record credit the company has bought. It is added to the company balance, "
                        "from which members are given credit."));
    m_amountLabel->setText(tr("&Amount (%1):").arg(accountCurrency()));
    m_referenceLabel->setText(tr("&Reference:"));
    m_amountEdit->setAccessibleName(tr("Amount"));
    m_reference->setAccessibleName(tr("Reference"));
    m_reference->setPlaceholderText(tr("e.g. the invoice or order number"));
    m_balanceInfo->setAccessibleDescription(tr("Company balance"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Top up"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Top up"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
