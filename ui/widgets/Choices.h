#pragma once

class QComboBox;

namespace sb::ui {

/// What combo boxes of choices share beyond TablePage::keepChoicesWhole.
namespace Choices {

/// Sorts the choices from `first` on by their text in the current language's order (QCollator
/// of the default locale: "Østerrike" after "Tyskland" in Norwegian), keeping the one chosen,
/// without announcing a change: the texts moved, the choice did not.
void sortByText(QComboBox* combo, int first = 0);

} // namespace Choices

} // namespace sb::ui
