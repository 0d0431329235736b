#pragma once

#include "core/base/Money.h"
#include "models/base/RowState.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>
#include <QPalette>
#include <QString>
#include <QVariant>

namespace sb {

/// How a member's or a SIP profile's balance is shown in tables and details panes. A balance
/// below zero is owed (calls are charged in full): it reads "owes 3.20" in words, for screen
/// readers and colour-blind eyes, and is drawn red.
class BalanceDisplay
{
    Q_DECLARE_TR_FUNCTIONS(sb::BalanceDisplay)

public:
    /// "12.50", or "owes 3.20" for a balance below zero, in `locale`.
    static QString text(Money balance, const QLocale& locale = QLocale());
    /// The same with the currency, for details panes: "$12.50", "owes $3.20".
    static QString currencyText(Money balance, const QLocale& locale = QLocale());
    /// A red that reads on `palette`'s `background` (darker on a light one, lighter on a
    /// dark one): Base for views, Window for labels.
    static QColor owedColor(const QPalette& palette,
                            QPalette::ColorRole background = QPalette::Base);
    /// For Qt::ForegroundRole: owedColor() of the application's palette when owed, else
    /// nothing (the view's own colour).
    static QVariant foreground(Money balance);
    /// For RowStateRole: Owed below zero, else LowBalance when `low` (AttentionService's rule,
    /// read by the model), else None.
    static RowState state(Money balance, bool low)
    {
        if (balance.isNegative())
            return RowState::Owed;
        return low ? RowState::LowBalance : RowState::None;
    }
};

} // namespace sb
