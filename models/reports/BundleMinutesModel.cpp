#include "models/reports/BundleMinutesModel.h"

namespace sb {

void BundleMinutesModel::setUsage(const ChartData::BundleUsage& usage)
{
    m_usage = usage;
    rebuild();
}

Result<void> BundleMinutesModel::load(const ChartData& data)
{
    auto u = data.bundleUsage();
    if (!u)
        return u.error();
    setUsage(*u);
    return {};
}

ChartTableModel::Table BundleMinutesModel::build() const
{
    Table t;
    t.columnLabels = {tr("Minutes used"), tr("Minutes included")};
    t.units = {Unit::Count, Unit::Count};
    for (const ChartData::BundleUse& b : m_usage.top) {
        t.rowLabels << b.profile;
        t.rowKeys << b.profile;
        t.values << QList<qint64>{b.used, b.included};
    }
    if (m_usage.restCount > 0) {
        t.rowLabels << tr("%n other profile(s)", nullptr, m_usage.restCount);
        t.rowKeys << QString();
        t.values << QList<qint64>{m_usage.restUsed, m_usage.restIncluded};
    }
    return t;
}

} // namespace sb
