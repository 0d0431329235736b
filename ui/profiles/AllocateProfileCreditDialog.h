#pragma once

#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace sb::ui {

class AmountEdit;
class CompanyBalanceLabel;
class HintLabel;

/// Gives company credit to a SIP profile. States the company balance before and after,
/// and warns that allocated credit cannot be taken back. A refusal shows inline.
class AllocateProfileCreditDialog : public QDialog
{
    Q_OBJECT

public:
    AllocateProfileCreditDialog(const Context& ctx, const SipProfile& profile,
                                QWidget* parent = nullptr);

    /// The profile after accept().
    const SipProfile& profile() const { return m_profile; }
    Money amount() const { return m_amount; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    const Context& m_ctx;
    SipProfile m_profile;
    Money m_amount;
    QLabel* m_intro = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amountEdit = nullptr;
    CompanyBalanceLabel* m_balanceInfo = nullptr;
    HintLabel* m_warning = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
};

} // namespace sb::ui
