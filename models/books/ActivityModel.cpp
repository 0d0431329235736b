#include "models/books/ActivityModel.h"

#include "core/base/DisplayFormat.h"
#include "core/books/ActivityLog.h"
#include "models/base/Retranslated.h"

#include <QLocale>

namespace sb {

ActivityModel::ActivityModel(const Context& ctx, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(ctx),
      m_rows(PageSize, [this](const ActivityEntry* last, int limit) {
          return ActivityLog(m_ctx).page(limit, m_search, last ? last->id : 0);
      })
{
    refresh();
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
            if (changes.activity)
                refresh();
        });
}

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ActivityModel::displayText(const ActivityEntry& e, int column) const
{
    switch (column) {
    case Time:
        return shortDateTime(QLocale(), e.at.toLocalTime());
    case Actor:
        return e.actor;
    case Action:
        return ActivityLog::kindName(e);
    case Subject:
        return e.subject;
    case Details:
        return ActivityLog::describe(e);
    default:
        return {};
    }
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry& e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return displayText(e, index.column());
    case RawValueRole:
        switch (index.column()) {
        case Time:
            return e.at;
        case Actor:
            return e.actor;
        case Action:
            return e.key;
        case Subject:
            return e.subject;
        case Details:
            return e.values;
        default:
            return {};
        }
    case IdRole:
        return QVariant::fromValue<qlonglong>(e.id);
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Who");
    case Action:
        return tr("Action");
    case Subject:
        return tr("Subject");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

bool ActivityModel::canFetchMore(const QModelIndex& parent) const
{
    return m_rows.canFetchMore(parent);
}

void ActivityModel::fetchMore(const QModelIndex& parent)
{
    m_rows.fetchMore(*this, parent);
}

void ActivityModel::setSearch(const QString& search)
{
    const QString s = search.trimmed();
    if (s.compare(m_search, Qt::CaseInsensitive) == 0)
        return;
    m_search = s;
    refresh();
}

void ActivityModel::refresh()
{
    m_rows.reload(*this);
}

void ActivityModel::retranslate()
{
    // A search matches kind names in the reader's language: those have just changed.
    if (!m_search.isEmpty()) {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        refresh();
        return;
    }
    announceRetranslated(*this);
}

} // namespace sb
