#include "models/reports/PeakCallsModel.h"

namespace sb {

void PeakCallsModel::setPeaks(const ChartData::PeakCalls& peaks)
{
    m_peaks = peaks;
    rebuild();
}

Result<void> PeakCallsModel::load(const ChartData& data, qint64 profileId)
{
    auto p = data.peakCalls(profileId);
    if (!p)
        return p.error();
    setPeaks(*p);
    return {};
}

ChartTableModel::Table PeakCallsModel::build() const
{
    Table t;
    t.columnLabels = {tr("Most calls at once"), tr("Channels")};
    t.units = {Unit::Count, Unit::Count};
    for (int i = 0; i < m_peaks.days.size(); ++i) {
        t.rowLabels << dayLabel(m_peaks.days[i]);
        t.rowKeys << m_peaks.days[i];
        t.values << QList<qint64>{m_peaks.peaks.value(i), m_peaks.channels};
    }
    return t;
}

} // namespace sb
