#include "models/reports/ChartTableModel.h"

#include "core/base/Money.h"

#include <QLocale>
#include <QRegularExpression>

namespace sb {

int ChartTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_values.size());
}

int ChartTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columnLabels.size());
}

qint64 ChartTableModel::raw(int row, int column) const
{
    return m_values.value(row).value(column);
}

QString ChartTableModel::format(qint64 value, int column) const
{
    const QLocale locale;
    return unit(column) == Unit::Money ? Money::fromCents(value).toLocaleString(locale)
                                       : locale.toString(value);
}

bool ChartTableModel::isAllZero() const
{
    for (const auto& row : m_values)
        for (qint64 v : row)
            if (v != 0)
                return false;
    return true;
}

QVariant ChartTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qint64 v = raw(index.row(), index.column());
    switch (role) {
    case Qt::DisplayRole:
        return format(v, index.column());
    case RawRole:
        return v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ChartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_columnLabels.size())
            return {};
        if (role == Qt::DisplayRole)
            return m_columnLabels[section];
        if (role == RawRole)
            return section;
        return {};
    }
    if (section < 0 || section >= m_rowLabels.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_rowLabels[section];
    if (role == RawRole)
        return m_rowKeys.value(section);
    return {};
}

QString ChartTableModel::monthLabel(const QDate& month, bool withYear)
{
    const QLocale locale;
    const QString name = locale.standaloneMonthName(month.month(), QLocale::ShortFormat);
    return withYear ? QStringLiteral("%1 %2").arg(name, QString::number(month.year())) : name;
}

QString ChartTableModel::dayLabel(const QDate& day)
{
    const QLocale locale;
    // The locale's short date without the year: its own order of day and month.
    QString format = locale.dateFormat(QLocale::ShortFormat);
    static const QRegularExpression year(QStringLiteral("[^dM]*y+[^dM]*"));
    format.remove(year);
    return locale.toString(day, format.isEmpty() ? QStringLiteral("d/M") : format);
}

void ChartTableModel::retranslate()
{
    rebuild();
}

void ChartTableModel::rebuild()
{
    Table t = build();
    beginResetModel();
    m_rowLabels = std::move(t.rowLabels);
    m_rowKeys = std::move(t.rowKeys);
    m_columnLabels = std::move(t.columnLabels);
    m_units = std::move(t.units);
    m_values = std::move(t.values);
    endResetModel();
}

} // namespace sb
