#include "models/reports/SpendingChartModel.h"

namespace sb {

QString SpendingChartModel::kindName(ChartData::SpendingKind kind)
{
    switch (kind) {
    case ChartData::SpendingKind::Numbers:
        return tr("Numbers");
    case ChartData::SpendingKind::Channels:
        return tr("Channels");
    case ChartData::SpendingKind::Bundles:
        return tr("Bundles");
    case ChartData::SpendingKind::Calls:
        return tr("Calls");
    }
    return {};
}

void SpendingChartModel::setSpending(const ChartData::MonthlySpending& spending, Split split)
{
    m_spending = spending;
    m_split = split;
    rebuild();
}

Result<void> SpendingChartModel::load(const ChartData& data, Split split)
{
    auto s = split == Split::ByKind ? data.spendingByKind() : data.spendingByDepartment();
    if (!s)
        return s.error();
    setSpending(*s, split);
    return {};
}

ChartTableModel::Table SpendingChartModel::build() const
{
    Table t;
    const auto& s = m_spending;
    for (int c = 0; c < s.series.size(); ++c) {
        if (m_split == Split::ByKind)
            t.columnLabels << kindName(ChartData::SpendingKind(c));
        else if (s.hasOthers && c == s.series.size() - 1)
            t.columnLabels << tr("%n other department(s)", nullptr, s.othersCount);
        else if (s.series[c].isEmpty())
            t.columnLabels << tr("No department");
        else
            t.columnLabels << s.series[c];
        t.units << Unit::Money;
    }
    for (int r = 0; r < s.months.size(); ++r) {
        const QDate month = s.months[r];
        t.rowLabels << monthLabel(month, r == 0 || month.month() == 1);
        t.rowKeys << month;
        QList<qint64> row;
        for (int c = 0; c < s.series.size(); ++c)
            row << s.amounts[c].value(r).cents();
        t.values << row;
    }
    return t;
}

} // namespace sb
