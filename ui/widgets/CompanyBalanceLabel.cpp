#include "ui/widgets/CompanyBalanceLabel.h"

#include "core/books/CompanyService.h"

namespace sb::ui {

CompanyBalanceLabel::CompanyBalanceLabel(const Context& ctx, QWidget* parent)
    : QLabel(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("companyBalanceInfoLabel"));
    setWordWrap(true);
    refresh();
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
            if (!changes.companyBalance)
                return;
            refresh();
            if (!m_balanceText.isEmpty())
                showBalance(m_balanceText, m_balanceAfterText, m_spending);
        });
}

void CompanyBalanceLabel::refresh()
{
    if (auto b = CompanyService(m_ctx).balance(); b)
        m_balance = *b;
}

void CompanyBalanceLabel::showBalance(const QString& balanceText, const QString& balanceAfterText,
                                      std::optional<Money> spending)
{
    m_balanceText = balanceText;
    m_balanceAfterText = balanceAfterText;
    m_spending = spending;
    const QLocale locale;
    if (spending)
        setText(balanceAfterText.arg(m_balance.toCurrencyString(locale),
                                     (m_balance - *spending).toCurrencyString(locale)));
    else
        setText(balanceText.arg(m_balance.toCurrencyString(locale)));
}

} // namespace sb::ui
