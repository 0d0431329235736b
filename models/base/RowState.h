#pragma once

#include <Qt>

namespace sb {

/// The state a table row is in, for the icon the UI draws beside the words that say it (the
/// words stay: the icon is never the only sign). Models give it through RowStateRole on the
/// one column whose text says the state (a member's balance, a number's status); other
/// columns, and rows in no particular state, give nothing. Models know no icons (layers): the
/// UI maps the state to one (ui/widgets/StateIconDelegate).
enum class RowState
{
    None,       ///< nothing to show
    Owed,       ///< a balance below zero
    LowBalance, ///< less left than a usual week of spending (AttentionService's rule)
    Cancelled,  ///< cancelled: still usable until its date
    Lapsed,     ///< a renewal that could not be paid (channels, US minute bundles)
    Released,   ///< over: a number given back
    Problem,    ///< a call that could not be rated (no rate, invalid number)
};

/// The role of a RowState as an int, shared by every table model; far above their own
/// roles (Qt::UserRole + 1…), so none clashes.
inline constexpr int RowStateRole = Qt::UserRole + 64;

} // namespace sb
