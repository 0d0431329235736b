#include "models/reports/AttentionModel.h"

#include "core/reports/AttentionService.h"
#include "models/base/BalanceDisplay.h"
#include "models/base/Retranslated.h"

#include <QFont>

namespace sb {

AttentionModel::AttentionModel(const Context& ctx, QObject* parent, int perKind)
    : QAbstractTableModel(parent), m_ctx(ctx), m_perKind(perKind)
{
}

int AttentionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int AttentionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AttentionModel::severityText(AttentionItem::Severity severity)
{
    switch (severity) {
    case AttentionItem::Severity::Critical:
        return tr("Urgent");
    case AttentionItem::Severity::Warning:
        return tr("Soon");
    case AttentionItem::Severity::Info:
        break;
    }
    return tr("Note");
}

QVariant AttentionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttentionItem& i = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Severity:
            return severityText(i.severity);
        case Subject:
            return i.subject;
        case Details:
            return i.text;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return i.text;
    case Qt::ForegroundRole:
        // The owed red marks what is urgent; the words say it too.
        if (index.column() == Severity && i.severity == AttentionItem::Severity::Critical)
            return BalanceDisplay::foreground(Money::fromCents(-1));
        return {};
    case Qt::FontRole:
        if (index.column() == Severity && i.severity == AttentionItem::Severity::Critical) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::AccessibleTextRole:
        // A screen reader reads the whole entry from any cell.
        return tr("%1: %2").arg(severityText(i.severity), i.text);
    case RawValueRole:
        switch (index.column()) {
        case Severity:
            return static_cast<int>(i.severity);
        case Subject:
            return i.key;
        case Details:
            return i.amount.cents();
        default:
            return {};
        }
    case KindRole:
        return static_cast<int>(i.kind);
    case TargetRole:
        return static_cast<int>(i.target);
    case KeyRole:
        return i.key;
    case CoversRole:
        return i.covers;
    case MoreRole:
        return i.more;
    default:
        return {};
    }
}

QVariant AttentionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Severity:
        return tr("Urgency");
    case Subject:
        return tr("About");
    case Details:
        return tr("What needs you");
    default:
        return {};
    }
}

void AttentionModel::refresh()
{
    setItems(AttentionService(m_ctx, m_perKind).list());
}

void AttentionModel::retranslate()
{
    announceRetranslated(*this);
}

void AttentionModel::setItems(const Result<QList<AttentionItem>>& items)
{
    beginResetModel();
    if (items) {
        m_items = *items;
        m_error.clear();
    } else {
        m_items.clear();
        m_error = items.error().message;
    }
    endResetModel();
    if (!m_error.isEmpty())
        emit errorOccurred(m_error);
}

} // namespace sb
