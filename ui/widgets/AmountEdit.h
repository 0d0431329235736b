#pragma once

#include "core/base/Money.h"

#include <QLineEdit>

#include <optional>

namespace sb::ui {

/// A line edit for an amount of money as a person types it in the current locale
/// ("1 234,50" in nb, "1,234.50" in en). Parsed with Money::parseLocale: never a double.
class AmountEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit AmountEdit(QWidget* parent = nullptr);

    /// The typed amount, or nothing if the text is not an amount.
    std::optional<Money> amount() const;
    void setAmount(Money amount);
    bool isEmpty() const { return text().trimmed().isEmpty(); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
};

} // namespace sb::ui
