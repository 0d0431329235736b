#include "ui/widgets/ColumnFitter.h"

#include "ui/widgets/TablePage.h"

#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QSettings>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTimer>
#include <QVariant>

#include <algorithm>

namespace sb::ui {

namespace {

const QString kSizedSuffix = QStringLiteral("SizedByHand");
const QString kChosenSuffix = QStringLiteral("ChosenColumns");

// The width the cells in view of column `logical` need, hidden or not: a big table is never
// read to size its columns.
int contentsWidth(const QTableView* table, int logical)
{
    const QAbstractItemModel* model = table->model();
    if (!model)
        return 0;
    const int first = std::max(0, table->rowAt(0));
    const int bottom = table->rowAt(table->viewport()->height() - 1);
    const int end = std::min(model->rowCount(), bottom < 0 ? first + 50 : bottom + 1);
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.font = table->font();
    option.fontMetrics = table->fontMetrics();
    int widest = 0;
    for (int row = first; row < end; ++row) {
        const QModelIndex index = model->index(row, logical);
        widest =
            std::max(widest, table->itemDelegateForIndex(index)->sizeHint(option, index).width());
    }
    return widest + (table->showGrid() ? 1 : 0);
}

} // namespace

ColumnFitter::ColumnFitter(QTableView* table, std::function<int()> lastWidth)
    : QObject(table), m_table(table), m_lastWidth(std::move(lastWidth))
{
    // Kept to be compared only: while the table is destroyed its children still send events
    // here, and it is no longer a scroll area to ask for them (UBSan).
    m_viewport = table->viewport();
    m_headerViewport = table->horizontalHeader()->viewport();
    m_viewport->installEventFilter(this);
    table->installEventFilter(this);
    m_headerViewport->installEventFilter(this);
    m_later = new QTimer(this);
    m_later->setSingleShot(true);
    m_later->setInterval(0);
    connect(m_later, &QTimer::timeout, this, [this] {
        if (!m_userSized)
            share();
    });
    m_refit = new QTimer(this);
    m_refit->setSingleShot(true);
    m_refit->setInterval(0);
    connect(m_refit, &QTimer::timeout, this, [this] {
        if (!m_userSized)
            fit();
    });
    // The first rows, after a fit to the titles of an empty table.
    if (table->model())
        connect(table->model(), &QAbstractItemModel::modelReset, this, [this] {
            if (!m_fittedToRows && !m_userSized && m_table->isVisible())
                fit();
        });
    QHeaderView* header = table->horizontalHeader();
    connect(
        header, &QHeaderView::sectionResized, this, [this](int logical, int oldSize, int newSize) {
            if (m_sharing)
                return;
            // A column shown or hidden from the header's menu: the admin's choice, and
            // the others share the width again.
            const QVariant chosen =
                m_table->horizontalHeader()->property(TablePage::ChosenColumnProperty);
            if ((oldSize == 0 || newSize == 0) && chosen.isValid() && chosen.toInt() == logical) {
                m_chosen.insert(logical);
                m_refit->start();
                return;
            }
            // A divider dragged or double-clicked: from now on the admin's widths. (A
            // click elsewhere can resize the stretched last column, through a scroll bar.)
            if (m_headerPressed)
                m_userSized = true;
        });
}

void ColumnFitter::setColumn(int logical, int maxEm, int minEm)
{
    m_columns.insert(logical, Column{maxEm, minEm});
    if (minEm > 0)
        m_elastic.append(logical);
}

void ColumnFitter::setOptional(int logical)
{
    m_optional.append(logical);
}

int ColumnFitter::titleWidth(int logical) const
{
    const QHeaderView* header = m_table->horizontalHeader();
    if (!header->isSectionHidden(logical))
        return header->sectionSizeHint(logical);
    // A hidden section has no size hint: measured as QHeaderView measures a shown one.
    QStyleOptionHeader option;
    option.initFrom(header);
    option.section = logical;
    option.text = header->model()->headerData(logical, Qt::Horizontal).toString();
    option.fontMetrics = header->fontMetrics();
    QSize size =
        header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header);
    if (header->isSortIndicatorShown())
        size.rwidth() += size.height() + header->style()->pixelMetric(QStyle::PM_HeaderMargin);
    return size.width();
}

int ColumnFitter::lastVisible() const
{
    const QHeaderView* header = m_table->horizontalHeader();
    for (int visual = header->count() - 1; visual >= 0; --visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            return logical;
    }
    return -1;
}

void ColumnFitter::fit()
{
    const QHeaderView* header = m_table->horizontalHeader();
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int last = lastVisible();
    m_natural.clear();
    for (int logical = 0; logical < header->count(); ++logical) {
        // The optional columns the fitter hid are measured too: they come back with room.
        const bool mine = m_optional.contains(logical) && !m_chosen.contains(logical);
        if (logical == last || (header->isSectionHidden(logical) && !mine))
            continue;
        const Column column = m_columns.value(logical);
        const int contents =
            std::clamp(contentsWidth(m_table, logical) + em, em * 5, column.maxEm * em);
        m_natural.insert(logical, std::max(contents, titleWidth(logical)));
    }
    int lastWidth = 0;
    if (m_lastWidth)
        lastWidth = m_lastWidth();
    else if (last >= 0)
        lastWidth =
            std::max(titleWidth(last), std::min(contentsWidth(m_table, last) + em, em * 24));
    // Qt keeps a stretched last section at least as wide as the default section.
    m_last = std::max(lastWidth, header->defaultSectionSize());
    m_fittedToRows = m_table->model() && m_table->model()->rowCount() > 0;
    share();
}

void ColumnFitter::share()
{
    QHeaderView* header = m_table->horizontalHeader();
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int room = m_table->viewport()->width() - m_last;
    QList<int> optional;
    for (const int logical : std::as_const(m_optional))
        if (m_natural.contains(logical) && !m_chosen.contains(logical))
            optional.append(logical);
    // Fewer and fewer optional columns until the rest fits with the elastic ones at their
    // least; the elastic ones then take back what room there is.
    QHash<int, int> widths;
    QSet<int> hidden;
    for (qsizetype out = 0; out <= optional.size(); ++out) {
        widths = m_natural;
        hidden.clear();
        for (qsizetype i = 0; i < out; ++i) {
            widths.remove(optional.at(i));
            hidden.insert(optional.at(i));
        }
        int excess = -room;
        for (const int width : std::as_const(widths))
            excess += width;
        for (const int logical : std::as_const(m_elastic)) {
            if (excess <= 0)
                break;
            if (!widths.contains(logical))
                continue;
            const int least = std::max(m_columns.value(logical).minEm * em, titleWidth(logical));
            const int give = std::clamp(widths.value(logical) - least, 0, excess);
            widths[logical] -= give;
            excess -= give;
        }
        if (excess <= 0)
            break;
    }
    m_sharing = true;
    for (const int logical : std::as_const(optional))
        header->setSectionHidden(logical, hidden.contains(logical));
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        header->resizeSection(it.key(), it.value());
    m_sharing = false;
}

void ColumnFitter::saveState(QSettings& settings, const QString& key) const
{
    settings.setValue(key, m_table->horizontalHeader()->saveState());
    settings.setValue(key + kSizedSuffix, m_userSized);
    QVariantList chosen;
    for (const int logical : m_chosen)
        chosen.append(logical);
    settings.setValue(key + kChosenSuffix, chosen);
}

void ColumnFitter::restoreState(const QSettings& settings, const QString& key)
{
    const QByteArray state = settings.value(key).toByteArray();
    // The order, the sort and the columns the admin showed or hid are the admin's; the widths
    // only when sized by hand, otherwise they are shared again for this window and language.
    m_sharing = true;
    const bool restored = !state.isEmpty() && m_table->horizontalHeader()->restoreState(state);
    m_sharing = false;
    if (!restored)
        return;
    m_chosen.clear();
    const QVariantList chosen = settings.value(key + kChosenSuffix).toList();
    for (const QVariant& logical : chosen)
        m_chosen.insert(logical.toInt());
    m_userSized = settings.value(key + kSizedSuffix).toBool();
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event)
{
    // Once the table laid out its header for the new width: sharing inside the resize would
    // stretch the last column to the old one.
    if (watched == m_viewport && event->type() == QEvent::Resize && !m_userSized &&
        !m_natural.isEmpty())
        m_later->start();
    // Titles and cells have other widths in another language or font: measured again once
    // the model's texts follow.
    if (watched == m_table && event->type() == QEvent::Show && !m_fittedToRows && !m_userSized)
        fit();
    if (watched == m_table &&
        (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) &&
        !m_userSized && !m_natural.isEmpty())
        m_refit->start();
    if (watched == m_headerViewport) {
        if (event->type() == QEvent::MouseButtonPress ||
            event->type() == QEvent::MouseButtonDblClick)
            m_headerPressed = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_headerPressed = false;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sb::ui
