#include "ui/widgets/AmountEdit.h"

#include <QEvent>
#include <QLocale>

namespace sb::ui {

AmountEdit::AmountEdit(QWidget* parent) : QLineEdit(parent)
{
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setClearButtonEnabled(false);
    retranslateUi();
}

std::optional<Money> AmountEdit::amount() const
{
    return Money::parseLocale(text(), QLocale());
}

void AmountEdit::setAmount(Money amount)
{
    setText(amount.toLocaleString(QLocale()));
}

void AmountEdit::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLineEdit::changeEvent(event);
}

void AmountEdit::retranslateUi()
{
    setPlaceholderText(tr("e.g. %1").arg(Money::fromCents(2500).toLocaleString(QLocale())));
}

} // namespace sb::ui
