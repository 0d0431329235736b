#pragma once

#include "core/reports/ChartData.h"
#include "models/reports/ChartTableModel.h"

namespace sb {

/// Spending per month (rows, oldest first) by kind or by department (columns), in cents.
class SpendingChartModel : public ChartTableModel
{
    Q_OBJECT

public:
    enum class Split
    {
        ByKind,
        ByDepartment
    };

    using ChartTableModel::ChartTableModel;

    /// Shows `spending` as read by ChartData::spendingByKind or spendingByDepartment.
    void setSpending(const ChartData::MonthlySpending& spending, Split split);
    /// Reads the last twelve months through `data`.
    Result<void> load(const ChartData& data, Split split);

    Split split() const { return m_split; }
    const ChartData::MonthlySpending& spending() const { return m_spending; }
    /// The translated name of a kind (column of the by-kind split).
    static QString kindName(ChartData::SpendingKind kind);

protected:
    Table build() const override;

private:
    ChartData::MonthlySpending m_spending;
    Split m_split = Split::ByKind;
};

} // namespace sb
