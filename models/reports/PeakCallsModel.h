#pragma once

#include "core/reports/ChartData.h"
#include "models/reports/ChartTableModel.h"

namespace sb {

/// One SIP profile's peak simultaneous calls per day (rows, oldest first) and its channels.
class PeakCallsModel : public ChartTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Peak,
        Channels,
        ColumnCount
    };

    using ChartTableModel::ChartTableModel;

    void setPeaks(const ChartData::PeakCalls& peaks);
    Result<void> load(const ChartData& data, qint64 profileId);
    const ChartData::PeakCalls& peaks() const { return m_peaks; }

protected:
    Table build() const override;

private:
    ChartData::PeakCalls m_peaks;
};

} // namespace sb
