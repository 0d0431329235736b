#include "ui/members/AllocateCreditDialog.h"

#include "core/books/CompanyService.h"
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

namespace {
constexpr int kNamesShown = 5;
}

AllocateCreditDialog::AllocateCreditDialog(const Context& ctx, const QList<Member>& members,
                                           QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_members(members)
{
    setObjectName(QStringLiteral("allocateCreditDialog"));
    m_membersLabel = new QLabel(this);
    m_membersLabel->setObjectName(QStringLiteral("membersLabel"));
    m_membersLabel->setWordWrap(true);
    m_membersLabel->setTextFormat(Qt::PlainText);
    m_amountEdit = new AmountEdit(this);
    m_amountEdit->setObjectName(QStringLiteral("amountEdit"));
    m_totalLabel = new QLabel(this);
    m_totalLabel->setObjectName(QStringLiteral("totalLabel"));
    m_totalLabel->setWordWrap(true);
    QFont bold = m_totalLabel->font();
    bold.setBold(true);
    m_totalLabel->setFont(bold);
    m_balanceLabel = new CompanyBalanceLabel(m_ctx, this);
    m_warning = new HintLabel(this);
    m_warning->setObjectName(QStringLiteral("warningLabel"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // Spending cannot be undone: Enter must not confirm by accident before an amount is typed.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);

    m_amountLabel = new QLabel(this);
    m_amountLabel->setBuddy(m_amountEdit);
    auto* form = new QFormLayout;
    form->addRow(m_amountLabel, m_amountEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_membersLabel);
    layout->addLayout(form);
    layout->addWidget(m_totalLabel);
    layout->addWidget(m_balanceLabel);
    layout->addWidget(m_warning);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_amountEdit, &QLineEdit::textChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AllocateCreditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AllocateCreditDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(480);
}

QStringList AllocateCreditDialog::accounts() const
{
    QStringList out;
    for (const Member& m : m_members)
        out.append(m.account);
    return out;
}

void AllocateCreditDialog::updateWidgets()
{
    const QLocale locale;
    const int n = static_cast<int>(m_members.size());
    QStringList names;
    for (int i = 0; i < n && i < kNamesShown; ++i)
        names.append(tr("%1 (%2)").arg(m_members[i].name, m_members[i].account));
    QString list = names.join(QStringLiteral(", "));
    if (n > kNamesShown)
        list = tr("%1 and %n more", nullptr, n - kNamesShown).arg(list);
    m_membersLabel->setText(tr("Give credit to %n member(s): %1", nullptr, n).arg(list));

    const auto amount = m_amountEdit->amount();
    QString problem = m_refusal;
    bool ok = false;
    std::optional<Money> total;
    if (amount)
        total = amount->times(n);
    if (!m_amountEdit->isEmpty() && problem.isEmpty()) {
        if (!amount)
            problem = tr("\"%1\" is not an amount. Type it like %2.")
                          .arg(m_amountEdit->text(), Money::fromCents(2500).toLocaleString(locale));
        else if (auto v = CompanyService::validateAmount(*amount); !v)
            problem = v.error().message;
        else if (!total)
            problem = tr("The total is too large.");
        else if (*total > m_balanceLabel->balance())
            problem =
                tr("The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). "
                   "Top up the company balance first, or give less.",
                   nullptr, n)
                    .arg(m_balanceLabel->balance().toCurrencyString(locale),
                         amount->toCurrencyString(locale), total->toCurrencyString(locale));
        else
            ok = n > 0;
    }
    if (amount && total && amount->isPositive())
        m_totalLabel->setText(
            tr("Total: %1 (%2 × %n member(s))", nullptr, n)
                .arg(total->toCurrencyString(locale), amount->toCurrencyString(locale)));
    else
        m_totalLabel->setText(tr("Total: —"));
    m_balanceLabel->showBalance(tr("Company balance: %1."),
                                tr("Company balance: %1, after the allocation: %2."),
                                ok ? total : std::nullopt);
    m_hint->showProblem(problem);
    QPushButton* okButton = m_buttons->button(QDialogButtonBox::Ok);
    okButton->setEnabled(ok && m_refusal.isEmpty());
    okButton->setText(ok ? tr("Allocate %1").arg(total->toCurrencyString(locale)) : tr("Allocate"));
    okButton->setAccessibleName(okButton->text());
}

void AllocateCreditDialog::accept()
{
    const auto amount = m_amountEdit->amount();
    if (!amount)
        return;
    auto result = CreditService(m_ctx).allocate(*amount, accounts());
    if (!result) {
        // Someone else may have spent meanwhile: show the balance as it is now.
        m_refusal = result.error().message;
        m_balanceLabel->refresh();
        updateWidgets();
        return;
    }
    m_allocation = *result;
    QDialog::accept();
}

void AllocateCreditDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AllocateCreditDialog::retranslateUi()
{
    setWindowTitle(tr("Allocate credit"));
    setAccessibleName(tr("Allocate credit"));
    m_amountLabel->setText(tr("&Amount for each member (%1):").arg(accountCurrency()));
    m_amountEdit->setAccessibleName(tr("Amount for each member"));
    m_membersLabel->setAccessibleDescription(tr("Selected members"));
    m_totalLabel->setAccessibleDescription(tr("Total"));
    m_balanceLabel->setAccessibleDescription(tr("Company balance"));
    m_warning->showWarning(
        tr("The amount is deducted from the company balance at once and added to each "
           "member. Allocated credit cannot be taken back from a member."));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateWidgets();
}

} // namespace sb::ui
