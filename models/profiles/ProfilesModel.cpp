#include "models/profiles/ProfilesModel.h"

#include "core/base/DisplayFormat.h"
#include "core/bundles/BundleService.h"
#include "core/profiles/ProfileService.h"
#include "core/reports/AttentionService.h"
#include "models/base/BalanceDisplay.h"
#include "models/base/Retranslated.h"

#include <QLocale>

namespace sb {

ProfilesModel::ProfilesModel(const Context& ctx, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(ctx)
{
    refresh();
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
            if (changes.anyProfiles())
                refresh();
        });
}

int ProfilesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProfilesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ProfilesModel::displayText(const SipProfile& p, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return p.name;
    case Department:
        return p.department;
    case Authentication:
        return p.auth == SipProfile::Auth::Ip ? tr("IP %1:%2").arg(p.ip).arg(p.port)
                                              : tr("Registration");
    case Channels:
        return p.channelsLapsed ? tr("%1 (unpaid)").arg(p.channels) : QString::number(p.channels);
    case MonthlyCost:
        // The words beside the state icon, as "(unpaid)" for the channels.
        switch (m_bundleState.value(p.id, RowState::None)) {
        case RowState::Lapsed:
            return tr("%1 (bundles lapsed)").arg(monthlyCost(p).toLocaleString(locale));
        case RowState::Cancelled:
            return tr("%1 (bundles cancelled)").arg(monthlyCost(p).toLocaleString(locale));
        default:
            return monthlyCost(p).toLocaleString(locale);
        }
    case Balance:
        return BalanceDisplay::text(p.balance, locale);
    case Accounts:
        return QString::number(p.accountCount);
    case Numbers:
        return QString::number(p.numberCount);
    case Trunk:
        return trunkText(p);
    default:
        return {};
    }
}

QString ProfilesModel::trunkText(const SipProfile& p) const
{
    const auto it = m_probes.constFind(p.id);
    if (it == m_probes.constEnd() || it->targets == 0)
        return {};
    // The worst server speaks for the trunk: an error code, then silence, then the slowest.
    if (it->errorCode)
        return QString::number(*it->errorCode);
    if (it->errors > 0)
        return tr("Error");
    if (it->silent > 0)
        return tr("No answer");
    return tr("OK %1 ms").arg(it->slowestMs.value_or(0));
}

QString ProfilesModel::trunkToolTip(const SipProfile& p) const
{
    const auto it = m_probes.constFind(p.id);
    if (it == m_probes.constEnd() || it->targets == 0)
        return tr("Not checked yet: Check the trunk in the profile's details.");
    return tr("%1 of %2 servers answered OK; checked %3")
        .arg(it->ok)
        .arg(it->targets)
        .arg(shortDateTime(QLocale(), it->checkedAt.toLocalTime()));
}

qint64 ProfilesModel::trunkRank(const SipProfile& p) const
{
    const auto it = m_probes.constFind(p.id);
    if (it == m_probes.constEnd() || it->targets == 0)
        return -1;
    if (it->errorCode)
        return 100000 + *it->errorCode;
    if (it->errors > 0)
        return 199999;
    if (it->silent > 0)
        return 200000;
    return it->slowestMs.value_or(0);
}

QVariant ProfilesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SipProfile& p = m_rows.at(index.row());
    switch (role) {
    case Qt::ToolTipRole:
        if (index.column() == Trunk)
            return trunkToolTip(p);
        return displayText(p, index.column());
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(p, index.column());
    case Qt::ForegroundRole:
        return index.column() == Balance ? BalanceDisplay::foreground(p.balance) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() >= Channels && index.column() != Trunk)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        switch (index.column()) {
        case Name:
            return p.name;
        case Department:
            return p.department;
        case Authentication:
            return SipProfile::authKey(p.auth);
        case Channels:
            return p.channels;
        case MonthlyCost:
            return QVariant::fromValue<qlonglong>(monthlyCost(p).cents());
        case Balance:
            return QVariant::fromValue<qlonglong>(p.balance.cents());
        case Accounts:
            return p.accountCount;
        case Numbers:
            return p.numberCount;
        case Trunk:
            return QVariant::fromValue<qlonglong>(trunkRank(p));
        default:
            return {};
        }
    case NameRole:
        return p.name;
    case RowStateRole:
        if (const RowState s = state(index.row(), index.column()); s != RowState::None)
            return int(s);
        return {};
    default:
        return {};
    }
}

QVariant ProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == Trunk && role == Qt::ToolTipRole)
        return tr("The latest check of the trunk: SIP OPTIONS to the PBX (IP authentication) "
                  "and to the provider's servers");
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Department:
        return tr("Department");
    case Authentication:
        return tr("Authentication");
    case Channels:
        return tr("Channels");
    case MonthlyCost:
        return tr("Monthly cost (%1)").arg(accountCurrency());
    case Balance:
        return tr("Balance (%1)").arg(accountCurrency());
    case Accounts:
        return tr("Linked accounts");
    case Numbers:
        return tr("Numbers");
    case Trunk:
        return tr("Trunk");
    default:
        return {};
    }
}

RowState ProfilesModel::state(int row, int column) const
{
    const SipProfile& p = m_rows.at(row);
    switch (column) {
    case Balance:
        return BalanceDisplay::state(p.balance, m_low.contains(p.accountId));
    case Channels:
        return p.channelsLapsed ? RowState::Lapsed : RowState::None;
    case MonthlyCost:
        return m_bundleState.value(p.id, RowState::None);
    default:
        return RowState::None;
    }
}

int ProfilesModel::rowOfName(const QString& name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].name.compare(name, Qt::CaseInsensitive) == 0)
            return row;
    }
    return -1;
}

void ProfilesModel::setSearch(const QString& search)
{
    if (search.trimmed() == m_search)
        return;
    m_search = search.trimmed();
    refresh();
}

void ProfilesModel::refresh()
{
    beginResetModel();
    auto list = ProfileService(m_ctx).listCounted(m_search);
    m_bundlesCost.clear();
    m_bundleState.clear();
    m_low.clear();
    m_probes.clear();
    if (list) {
        m_rows = std::move(list).value();
        m_lastError.clear();
        // Every profile's latest probe in one query, not one per row.
        if (auto probes = ProbeService(m_ctx).summaries())
            m_probes = std::move(probes).value();
        else
            m_lastError = probes.error().message;
        // Every profile's bundles in one query, not one per row.
        if (auto bundles = BundleService(m_ctx).summaries()) {
            for (auto b = bundles->cbegin(); b != bundles->cend(); ++b) {
                if (!b->inForce())
                    continue;
                m_bundlesCost.insert(b.key(), b->monthlyCost());
                if (b->cancelled)
                    m_bundleState.insert(b.key(), RowState::Cancelled);
            }
        } else {
            m_lastError = bundles.error().message;
        }
        // Only icons and a few words ride on these: a failed read leaves them out.
        const AttentionService attention(m_ctx);
        if (auto lapsed = attention.lapsedBundleProfiles()) {
            for (qint64 id : std::as_const(*lapsed))
                m_bundleState.insert(id, RowState::Lapsed);
        }
        QList<qint64> accountIds;
        for (const SipProfile& p : std::as_const(m_rows))
            accountIds.append(p.accountId);
        if (auto low = attention.lowAmong(accountIds))
            m_low = std::move(low).value();
    } else {
        m_rows.clear();
        m_lastError = list.error().message;
    }
    endResetModel();
    if (!m_lastError.isEmpty())
        emit errorOccurred(m_lastError);
}

Money ProfilesModel::monthlyCost(const SipProfile& p) const
{
    return p.monthlyChannelCost() + m_bundlesCost.value(p.id);
}

void ProfilesModel::retranslate()
{
    announceRetranslated(*this);
}

} // namespace sb
