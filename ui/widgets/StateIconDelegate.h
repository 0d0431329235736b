#pragma once

#include "models/base/RowState.h"
#include "ui/widgets/Icons.h"

#include <QStyledItemDelegate>

#include <optional>

namespace sb::ui {

/// The tables' delegate: draws the state icon (Icons::forState) of a cell whose model gives a
/// RowStateRole (models/base/RowState.h) before the cell's text; every other cell as Qt
/// would. The models keep the words and the accessible text; this adds the icon only, so the
/// models need know nothing of icons (layers: ui → models).
class StateIconDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit StateIconDelegate(QObject* parent = nullptr);

    /// The icon state of a RowState; none for RowState::None.
    static std::optional<Icons::State> iconState(RowState state);
    /// The icon state `index` shows, from its RowStateRole; none when it has none.
    static std::optional<Icons::State> iconState(const QModelIndex& index);
    /// The icon drawn in `index`; null when it shows none.
    static QIcon icon(const QModelIndex& index);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace sb::ui
