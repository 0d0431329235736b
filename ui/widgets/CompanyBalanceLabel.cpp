#include "ui/widgets/CompanyBalanceLabel.h"

#include "core/books/CompanyService.h"

namespace sb::ui {

CompanyBalanceLabel::CompanyBalanceLabel(const Context& ctx, QWidget* parent)
    : QLabel(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("companyBalanceInfoLabel"));
    setWordWrap(true);
    refresh();
}

void CompanyBalanceLabel::refresh()
{
    if (auto b = CompanyService(m_ctx).balance(); b)
        m_balance = *b;
}

void CompanyBalanceLabel::showBalance(const QString& balanceText, const QString& balanceAfterText,
                                      std::optional<Money> spending)
{
    const QLocale locale;
    if (spending)
        setText(balanceAfterText.arg(m_balance.toCurrencyString(locale),
                                     (m_balance - *spending).toCurrencyString(locale)));
    else
        setText(balanceText.arg(m_balance.toCurrencyString(locale)));
}

} // namespace sb::ui
