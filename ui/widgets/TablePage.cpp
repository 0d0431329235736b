#include "ui/widgets/TablePage.h"

#include "core/base/UserText.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

namespace sb::ui::TablePage {

QLabel* createTitle(QWidget* page, const QString& objectName)
{
    auto* title = new QLabel(page);
    title->setObjectName(objectName);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    return title;
}

QLineEdit* createSearch(QWidget* page, const QString& objectName, std::function<void()> search)
{
    auto* edit = new QLineEdit(page);
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(true);
    edit->setMinimumWidth(280);
    // Core refuses a longer search; a paste is cut here instead (a box counts UTF-16 units,
    // never more than the characters core counts).
    edit->setMaxLength(int(UserText::MaxSearchLength));
    auto* timer = new QTimer(page);
    timer->setSingleShot(true);
    timer->setInterval(SearchDebounceMs);
    QObject::connect(edit, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
    QObject::connect(timer, &QTimer::timeout, page, std::move(search));
    return edit;
}

QTableView* createTable(QWidget* page, const QString& objectName, QAbstractItemModel* model,
                        const TableOptions& options)
{
    auto* table = new QTableView(page);
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(options.selection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    if (options.withActions) {
        table->setCornerButtonEnabled(false);
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
    // Big tables: fixed row heights, never a measure of every row.
    QHeaderView* rows = table->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(table->fontMetrics().height() + 10);
    rows->setVisible(false);
    QHeaderView* header = table->horizontalHeader();
    if (options.withActions)
        header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    return table;
}

} // namespace sb::ui::TablePage
