#pragma once

#include "core/credit/CreditService.h"
#include "core/members/Member.h"
#include "core/storage/Context.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;

namespace sb::ui {

class AmountEdit;
class CompanyBalanceLabel;
class HintLabel;

/// Gives the same amount to each of the selected members from the company balance. States
/// the total and the company balance, and warns that allocated credit cannot be taken back,
/// before the admin confirms. A refusal (company balance too low) shows inline and changes
/// nothing.
class AllocateCreditDialog : public QDialog
{
    Q_OBJECT

public:
    AllocateCreditDialog(const Context& ctx, const QList<Member>& members,
                         QWidget* parent = nullptr);

    /// What was allocated (after accept()).
    const CreditService::Allocation& allocation() const { return m_allocation; }
    QStringList accounts() const;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    const Context& m_ctx;
    QList<Member> m_members;
    QLabel* m_membersLabel = nullptr;
    QLabel* m_amountLabel = nullptr;
    AmountEdit* m_amountEdit = nullptr;
    QLabel* m_totalLabel = nullptr;
    CompanyBalanceLabel* m_balanceLabel = nullptr;
    HintLabel* m_warning = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
    CreditService::Allocation m_allocation;
};

} // namespace sb::ui
