#include "models/reports/BalanceHistoryModel.h"

namespace sb {

void BalanceHistoryModel::setHistory(const ChartData::BalanceHistory& history)
{
    m_history = history;
    rebuild();
}

Result<void> BalanceHistoryModel::load(const ChartData& data)
{
    auto h = data.companyBalance();
    if (!h)
        return h.error();
    setHistory(*h);
    return {};
}

ChartTableModel::Table BalanceHistoryModel::build() const
{
    Table t;
    t.columnLabels = {tr("Company balance")};
    t.units = {Unit::Money};
    for (int i = 0; i < m_history.days.size(); ++i) {
        t.rowLabels << dayLabel(m_history.days[i]);
        t.rowKeys << m_history.days[i];
        t.values << QList<qint64>{m_history.closing.value(i).cents()};
    }
    return t;
}

} // namespace sb
