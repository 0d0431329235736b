#pragma once

#include "core/base/Money.h"
#include "core/storage/Context.h"

#include <QLabel>

#include <optional>

namespace sb::ui {

/// The company balance under what a dialog is about to pay from it: "Company balance: 120.00,
/// after the allocation: 20.00." (object name `companyBalanceInfoLabel`). It reads the balance
/// itself, again with refresh() after a refusal, since someone else may have spent
/// meanwhile, and whenever the context's Notifier announces that the balance moved. The
/// dialog passes the texts, translated in its own context.
class CompanyBalanceLabel : public QLabel
{
    Q_OBJECT

public:
    explicit CompanyBalanceLabel(const Context& ctx, QWidget* parent = nullptr);

    /// The balance last read; it stays as it was when a read fails.
    Money balance() const { return m_balance; }
    /// Reads the company balance again.
    void refresh();
    /// `balanceText` ("…: %1.") with the balance, or, when `spending` is given,
    /// `balanceAfterText` ("…: %1, after …: %2.") with the balance and what would remain.
    void showBalance(const QString& balanceText, const QString& balanceAfterText,
                     std::optional<Money> spending);

private:
    const Context& m_ctx;
    Money m_balance;
    /// What showBalance() was last given, to show again after the balance moved.
    QString m_balanceText;
    QString m_balanceAfterText;
    std::optional<Money> m_spending;
};

} // namespace sb::ui
