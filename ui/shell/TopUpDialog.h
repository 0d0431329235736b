#pragma once

#include "core/base/Money.h"
#include "core/storage/Context.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sb::ui {

class AmountEdit;
class HintLabel;

/// Brings bought credit into the company balance, with the purchase's reference.
class TopUpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TopUpDialog(const Context& ctx, QWidget* parent = nullptr);

    /// The company balance after the top-up (after accept()).
    Money newBalance() const { return m_newBalance; }
    Money amount() const { return m_amount; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    const Context& m_ctx;
    Money m_balance;
    QLabel* m_intro = nullptr;
    QLabel* m_amountLabel = nullptr;
    QLabel* m_referenceLabel = nullptr;
    AmountEdit* m_amountEdit = nullptr;
    QLineEdit* m_reference = nullptr;
    QLabel* m_balanceInfo = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
    Money m_newBalance;
    Money m_amount;
};

} // namespace sb::ui
