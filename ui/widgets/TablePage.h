#pragma once

#include <QAbstractItemView>
#include <QString>

#include <functional>

class QAbstractItemModel;
class QComboBox;
class QHeaderView;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

namespace sb::ui {

/// The parts every table page (members, numbers, SIP profiles, activity) builds the same way:
/// its title, its search box and its table.
namespace TablePage {

/// How long the search box waits after the last key before searching (each search is a query).
inline constexpr int SearchDebounceMs = 150;

/// The page's title, larger and bold.
QLabel* createTitle(QWidget* page, const QString& objectName);

/// A search box with a clear button; `search` runs (in `page`'s thread, while it lives) once
/// the text stopped changing for SearchDebounceMs.
QLineEdit* createSearch(QWidget* page, const QString& objectName, std::function<void()> search);

struct TableOptions
{
    QAbstractItemView::SelectionMode selection = QAbstractItemView::ExtendedSelection;
    /// The page's actions as the context menu, no corner button, movable columns and a
    /// header menu to hide and show them (chooseColumns).
    bool withActions = true;
};

/// A read-only table of whole rows over `model`: alternating colours, no word wrap and fixed
/// row heights (big tables: never a measure of every row), the last column stretched, and
/// the state icons of cells in a state (StateIconDelegate).
QTableView* createTable(QWidget* page, const QString& objectName, QAbstractItemModel* model,
                        const TableOptions& options = {});

/// Tab into `view` without a selection selects its current row (else the first): the row a
/// keyboard user sees framed is the one the actions work on (createTable does this).
void selectOnFocus(QAbstractItemView* view);

/// `open` runs for the row double-clicked, or for the current row when Enter is pressed on
/// the view: a keyboard user gets what the double click does.
void onOpen(QAbstractItemView* view, QObject* context,
            std::function<void(const QModelIndex&)> open);

/// Keeps every section but the stretched last one at least as wide as its title, whatever
/// the page's own sizing and the language (createTable does this for its tables).
void keepHeadersWhole(QHeaderView* header);

/// A menu on the header (right click) with a check box per column, in the current
/// language: the admin hides and shows columns; the last one shown stays. createTable adds it
/// to tables with actions.
void chooseColumns(QHeaderView* header);
/// The same menu as a "Columns" submenu at the end of `table`'s context menu (after the
/// page's actions): a keyboard user reaches it with Shift+F10 or the Menu key.
void addColumnsAction(QTableView* table);
/// The header property that names the column the admin is showing or hiding from that menu
/// while it changes (ColumnFitter then leaves that column as chosen).
inline constexpr char ChosenColumnProperty[] = "sbChosenColumn";

/// Makes `combo` wide enough for its first `items` choices (all when negative) in the
/// current language, without sizing it to every later, longer choice (profile names).
/// Call it again after the texts change: Qt sizes a combo box once, on first show.
void keepChoicesWhole(QComboBox* combo, int items = -1);

} // namespace TablePage

} // namespace sb::ui
