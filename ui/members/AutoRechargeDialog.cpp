#include "ui/members/AutoRechargeDialog.h"

#include "ui/widgets/AmountEdit.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

AutoRechargeDialog::AutoRechargeDialog(const Context& ctx, const Member& member, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_member(member)
{
    setObjectName(QStringLiteral("autoRechargeDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_state->setWordWrap(true);
    m_amount = new AmountEdit(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_threshold = new AmountEdit(this);
    m_threshold->setObjectName(QStringLiteral("thresholdEdit"));
    m_limit = new AmountEdit(this);
    m_limit->setObjectName(QStringLiteral("monthlyLimitEdit"));
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_preview->setWordWrap(true);
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_turnOff = m_buttons->addButton(QString(), QDialogButtonBox::DestructiveRole);
    m_turnOff->setObjectName(QStringLiteral("turnOffButton"));
    m_turnOff->setVisible(m_member.autoRecharge.has_value());

    if (m_member.autoRecharge) {
        m_amount->setAmount(m_member.autoRecharge->amount);
        m_threshold->setAmount(m_member.autoRecharge->threshold);
        m_limit->setAmount(m_member.autoRecharge->monthlyLimit);
    }

    m_amountLabel = new QLabel(this);
    m_amountLabel->setBuddy(m_amount);
    m_thresholdLabel = new QLabel(this);
    m_thresholdLabel->setBuddy(m_threshold);
    m_limitLabel = new QLabel(this);
    m_limitLabel->setBuddy(m_limit);
    auto* form = new QFormLayout;
    form->addRow(m_amountLabel, m_amount);
    form->addRow(m_thresholdLabel, m_threshold);
    form->addRow(m_limitLabel, m_limit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_state);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);

    for (AmountEdit* e : {m_amount, m_threshold, m_limit}) {
        connect(e, &QLineEdit::textChanged, this, [this]() {
            m_refusal.clear();
            updateWidgets();
        });
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AutoRechargeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AutoRechargeDialog::reject);
    connect(m_turnOff, &QPushButton::clicked, this, &AutoRechargeDialog::turnOff);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(480);
}

void AutoRechargeDialog::updateWidgets()
{
    const QLocale locale;
    const auto amount = m_amount->amount();
    const auto threshold = m_threshold->amount();
    const auto limit = m_limit->amount();
    QString problem = m_refusal;
    bool ok = false;
    const bool allTyped = !m_amount->isEmpty() && !m_threshold->isEmpty() && !m_limit->isEmpty();
    if (problem.isEmpty()) {
        for (AmountEdit* e : {m_amount, m_threshold, m_limit}) {
            if (!e->isEmpty() && !e->amount()) {
                problem = tr("\"%1\" is not an amount. Type it like %2.")
                              .arg(e->text(), Money::fromCents(1000).toLocaleString(locale));
                break;
            }
        }
    }
    if (problem.isEmpty() && allTyped) {
        if (auto v = CreditService::validateAutoRecharge(*amount, *threshold, *limit); !v)
            problem = v.error().message;
        else
            ok = true;
    }
    if (ok) {
        QString preview =
            tr("Whenever the balance of %1 is below %2, %3 moves from the company balance to "
               "the member, at most %4 each calendar month.")
                .arg(m_member.name, threshold->toCurrencyString(locale),
                     amount->toCurrencyString(locale), limit->toCurrencyString(locale));
        if (m_member.balance < *threshold)
            preview += QLatin1Char(' ') + tr("The balance is %1 now, below the threshold: the "
                                             "recharge happens as soon as you "
                                             "save.")
                                              .arg(m_member.balance.toCurrencyString(locale));
        m_preview->setText(preview);
    } else {
        m_preview->setText(QString());
    }
    m_preview->setVisible(ok);
    if (problem.isEmpty())
        m_hint->clearMessage();
    else
        m_hint->showError(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && m_refusal.isEmpty());
}

void AutoRechargeDialog::accept()
{
    const auto amount = m_amount->amount();
    const auto threshold = m_threshold->amount();
    const auto limit = m_limit->amount();
    if (!amount || !threshold || !limit)
        return;
    auto result =
        CreditService(m_ctx).setAutoRecharge(m_member.account, *amount, *threshold, *limit);
    if (!result) {
        m_refusal = result.error().message;
        updateWidgets();
        return;
    }
    m_outcome = *result;
    QDialog::accept();
}

void AutoRechargeDialog::turnOff()
{
    auto result = CreditService(m_ctx).disableAutoRecharge(m_member.account);
    if (!result) {
        m_refusal = result.error().message;
        updateWidgets();
        return;
    }
    done(TurnedOff);
}

void AutoRechargeDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AutoRechargeDialog::retranslateUi()
{
    const QLocale locale;
    setWindowTitle(tr("Auto-recharge for %1").arg(m_member.name));
    setAccessibleName(windowTitle());
    m_intro->setText(
        tr("%1 (%2) has %3.")
            .arg(m_member.name, m_member.account, m_member.balance.toCurrencyString(locale)));
    if (!m_member.autoRecharge) {
        m_state->setText(tr("Auto-recharge is off."));
    } else {
        const AutoRechargeSettings& s = *m_member.autoRecharge;
        QString state = tr("Auto-recharge is on. Recharged this month: %1 of %2.")
                            .arg(s.rechargedThisMonth.toCurrencyString(locale),
                                 s.monthlyLimit.toCurrencyString(locale));
        if (s.suspendedUntil.isValid())
            state =
                tr("The monthly recharge limit is reached: auto-recharge is suspended until %1.")
                    .arg(locale.toString(s.suspendedUntil, QLocale::LongFormat));
        m_state->setText(state);
    }
    m_state->setAccessibleDescription(tr("Current state"));
    m_amountLabel->setText(tr("&Recharge the account with (%1):").arg(accountCurrency()));
    m_thresholdLabel->setText(tr("&When the balance is below:"));
    m_limitLabel->setText(tr("&Monthly recharge limit:"));
    m_amount->setAccessibleName(tr("Recharge amount"));
    m_threshold->setAccessibleName(tr("Threshold"));
    m_limit->setAccessibleName(tr("Monthly recharge limit"));
    m_preview->setAccessibleDescription(tr("What will happen"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save and enable"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save and enable"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_turnOff->setText(tr("Turn off"));
    m_turnOff->setAccessibleName(tr("Turn off auto-recharge"));
    updateWidgets();
}

} // namespace sb::ui
