#pragma once

#include "core/credit/CreditService.h"
#include "core/members/Member.h"
#include "core/storage/Context.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace sb::ui {

class AmountEdit;
class HintLabel;

/// A member's auto-recharge: recharge amount, threshold ("when the balance is below") and
/// monthly limit; "Save and enable" recharges at once when the balance is below the
/// threshold. "Turn off" when it is on. Shows "suspended until …" when the limit is reached.
class AutoRechargeDialog : public QDialog
{
    Q_OBJECT

public:
    /// done() code when the admin turned auto-recharge off.
    static constexpr int TurnedOff = 2;

    AutoRechargeDialog(const Context& ctx, const Member& member, QWidget* parent = nullptr);

    const Member& member() const { return m_member; }
    /// What saving did (after accept()): recharges made, company could not pay, suspension.
    const RechargeOutcome& outcome() const { return m_outcome; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();
    void turnOff();

    const Context& m_ctx;
    Member m_member;
    QLabel* m_intro = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_amountLabel = nullptr;
    QLabel* m_thresholdLabel = nullptr;
    QLabel* m_limitLabel = nullptr;
    AmountEdit* m_amount = nullptr;
    AmountEdit* m_threshold = nullptr;
    AmountEdit* m_limit = nullptr;
    QLabel* m_preview = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_turnOff = nullptr;
    QString m_refusal;
    RechargeOutcome m_outcome;
};

} // namespace sb::ui
