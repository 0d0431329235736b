#pragma once

#include "core/reports/ChartData.h"
#include "models/reports/ChartTableModel.h"

namespace sb {

/// US bundle minutes of the current periods: a row per profile with the most included
/// minutes, then one row for the rest (when there are more); minutes used against included.
class BundleMinutesModel : public ChartTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Used,
        Included,
        ColumnCount
    };

    using ChartTableModel::ChartTableModel;

    void setUsage(const ChartData::BundleUsage& usage);
    Result<void> load(const ChartData& data);
    const ChartData::BundleUsage& usage() const { return m_usage; }

protected:
    Table build() const override;

private:
    ChartData::BundleUsage m_usage;
};

} // namespace sb
