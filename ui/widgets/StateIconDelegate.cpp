#include "ui/widgets/StateIconDelegate.h"

namespace sb::ui {

StateIconDelegate::StateIconDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

std::optional<Icons::State> StateIconDelegate::iconState(RowState state)
{
    switch (state) {
    case RowState::None:
        break;
    case RowState::Owed:
        return Icons::State::Owed;
    case RowState::LowBalance:
        return Icons::State::LowBalance;
    case RowState::Cancelled:
        return Icons::State::Cancelled;
    case RowState::Lapsed:
        return Icons::State::Lapsed;
    case RowState::Released:
        return Icons::State::Expired;
    case RowState::Problem:
        return Icons::State::Problem;
    }
    return std::nullopt;
}

std::optional<Icons::State> StateIconDelegate::iconState(const QModelIndex& index)
{
    const QVariant value = index.data(RowStateRole);
    if (!value.isValid())
        return std::nullopt;
    return iconState(RowState(value.toInt()));
}

QIcon StateIconDelegate::icon(const QModelIndex& index)
{
    const auto state = iconState(index);
    return state ? Icons::forState(*state) : QIcon();
}

void StateIconDelegate::initStyleOption(QStyleOptionViewItem* option,
                                        const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QIcon stateIcon = icon(index);
    if (stateIcon.isNull())
        return;
    // Before the text whatever its alignment: the words that say the state stay whole, and
    // the column's size hint (resizeColumnToContents) counts the icon.
    option->icon = stateIcon;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationPosition = QStyleOptionViewItem::Left;
}

} // namespace sb::ui
