#pragma once

#include "core/reports/ChartData.h"
#include "models/reports/ChartTableModel.h"

namespace sb {

/// The company balance at the end of each day (rows, oldest first), in cents.
class BalanceHistoryModel : public ChartTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Balance,
        ColumnCount
    };

    using ChartTableModel::ChartTableModel;

    void setHistory(const ChartData::BalanceHistory& history);
    Result<void> load(const ChartData& data);
    const ChartData::BalanceHistory& history() const { return m_history; }

protected:
    Table build() const override;

private:
    ChartData::BalanceHistory m_history;
};

} // namespace sb
