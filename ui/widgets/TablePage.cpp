#include "ui/widgets/TablePage.h"

#include "core/base/UserText.h"
#include "ui/widgets/StateIconDelegate.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFocusEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace sb::ui::TablePage {

namespace {

// A language change or the first show: the titles changed or the page sized its columns.
class HeaderEvents : public QObject
{
public:
    HeaderEvents(QObject* parent, std::function<void()> changed)
        : QObject(parent), m_changed(std::move(changed))
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::LanguageChange || event->type() == QEvent::Show ||
            event->type() == QEvent::FontChange)
            m_changed();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_changed;
};

// Enter or Return on the view, without modifiers: the current row is opened.
class EnterOpens : public QObject
{
public:
    EnterOpens(QAbstractItemView* view, std::function<void(const QModelIndex&)> open)
        : QObject(view), m_view(view), m_open(std::move(open))
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_view && event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
            if (enter && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier &&
                m_view->currentIndex().isValid()) {
                m_open(m_view->currentIndex());
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QAbstractItemView* m_view;
    std::function<void(const QModelIndex&)> m_open;
};

// Tab into a table without a selection: its current row (else the first) is selected, so that
// the row a keyboard user sees framed is the one the page's actions work on.
class FocusSelects : public QObject
{
public:
    explicit FocusSelects(QAbstractItemView* view) : QObject(view), m_view(view) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_view && event->type() == QEvent::FocusIn) {
            const auto reason = static_cast<QFocusEvent*>(event)->reason();
            QItemSelectionModel* selection = m_view->selectionModel();
            if ((reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason) && selection &&
                !selection->hasSelection() && m_view->model()->rowCount() > 0) {
                QModelIndex current = m_view->currentIndex();
                if (!current.isValid())
                    current = m_view->model()->index(0, 0);
                selection->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QAbstractItemView* m_view;
};

} // namespace

void selectOnFocus(QAbstractItemView* view)
{
    view->installEventFilter(new FocusSelects(view));
}

void onOpen(QAbstractItemView* view, QObject* context, std::function<void(const QModelIndex&)> open)
{
    QObject::connect(view, &QAbstractItemView::doubleClicked, context, open);
    view->installEventFilter(new EnterOpens(view, std::move(open)));
}

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
    // State icons beside the words of cells in a state (owed, cancelled, …).
    table->setItemDelegate(new StateIconDelegate(table));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(options.selection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    // Whole rows: Tab leaves the table instead of walking its cells (a keyboard user could
    // not get past 100,000 members otherwise).
    table->setTabKeyNavigation(false);
    selectOnFocus(table);
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
    if (options.withActions) {
        header->setSectionsMovable(true);
        chooseColumns(header);
    }
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    keepHeadersWhole(header);
    return table;
}

void keepHeadersWhole(QHeaderView* header)
{
    // After the page sized its columns for their contents (on a reset, a language change, the
    // first show), no section stays narrower than its own title: "Gefactureerd" or "Czas
    // trwania" are longer than the figures under them. Deferred, so that it runs last.
    auto* pending = new QTimer(header);
    pending->setSingleShot(true);
    pending->setInterval(0);
    QObject::connect(pending, &QTimer::timeout, header, [header] {
        if (!header->model())
            return;
        const int last = header->logicalIndex(header->count() - 1);
        for (int i = 0; i < header->count(); ++i) {
            if (header->isSectionHidden(i) || (header->stretchLastSection() && i == last) ||
                header->sectionResizeMode(i) != QHeaderView::Interactive)
                continue;
            const int wanted = header->sectionSizeHint(i);
            if (header->sectionSize(i) < wanted)
                header->resizeSection(i, wanted);
        }
    });
    const auto later = [pending] { pending->start(); };
    QAbstractItemModel* model = header->model();
    if (model) {
        QObject::connect(model, &QAbstractItemModel::modelReset, pending, later);
        QObject::connect(model, &QAbstractItemModel::headerDataChanged, pending, later);
        QObject::connect(model, &QAbstractItemModel::layoutChanged, pending, later);
    }
    header->installEventFilter(new HeaderEvents(header, later));
    later();
}

namespace {

QString columnsTitle()
{
    return QCoreApplication::translate("sb::ui::TablePage", "Columns");
}

// A check box per column of `header`, in the order shown, named by its title in the current
// language; the last one shown cannot be hidden.
void fillColumnsMenu(QMenu* menu, QHeaderView* header)
{
    menu->clear();
    if (!header->model())
        return;
    int shown = 0;
    for (int i = 0; i < header->count(); ++i)
        shown += header->isSectionHidden(i) ? 0 : 1;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        QAction* action = menu->addAction(
            header->model()->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(logical));
        action->setEnabled(header->isSectionHidden(logical) || shown > 1);
        QObject::connect(action, &QAction::toggled, header, [header, logical](bool on) {
            header->setProperty(ChosenColumnProperty, logical);
            header->setSectionHidden(logical, !on);
            if (on && header->sectionSize(logical) < header->sectionSizeHint(logical))
                header->resizeSection(logical, header->sectionSizeHint(logical));
            header->setProperty(ChosenColumnProperty, QVariant());
        });
    }
}

} // namespace

void chooseColumns(QHeaderView* header)
{
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(header, &QWidget::customContextMenuRequested, header, [header](QPoint at) {
        QMenu menu(header);
        menu.setObjectName(QStringLiteral("columnsMenu"));
        menu.setAccessibleName(columnsTitle());
        fillColumnsMenu(&menu, header);
        menu.exec(header->viewport()->mapToGlobal(at));
    });
}

void addColumnsAction(QTableView* table)
{
    auto* separator = new QAction(table);
    separator->setSeparator(true);
    auto* columns = new QAction(table);
    columns->setObjectName(QStringLiteral("columnsAction"));
    auto* menu = new QMenu(table);
    menu->setObjectName(QStringLiteral("columnsSubmenu"));
    columns->setMenu(menu);
    QHeaderView* header = table->horizontalHeader();
    QObject::connect(menu, &QMenu::aboutToShow, menu,
                     [menu, header] { fillColumnsMenu(menu, header); });
    const auto retranslate = [columns, menu] {
        columns->setText(columnsTitle());
        menu->setAccessibleName(columnsTitle());
    };
    table->installEventFilter(new HeaderEvents(columns, retranslate));
    retranslate();
    table->addAction(separator);
    table->addAction(columns);
}

void keepChoicesWhole(QComboBox* combo, int items)
{
    const QFontMetrics metrics = combo->fontMetrics();
    const int count = items < 0 ? combo->count() : std::min(items, combo->count());
    int widest = 0;
    for (int i = 0; i < count; ++i)
        widest = std::max(widest, metrics.horizontalAdvance(combo->itemText(i)));
    // Qt counts the minimum contents in widths of 'X', wider than most letters: a length
    // of whole X's is never narrower than the text.
    const int x = std::max(1, metrics.horizontalAdvance(QLatin1Char('X')));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength((widest + x - 1) / x);
}

} // namespace sb::ui::TablePage
