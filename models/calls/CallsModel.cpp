#include "models/calls/CallsModel.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/calls/CallHistory.h"
#include "models/base/Retranslated.h"

#include <QLocale>

namespace sb {

CallsModel::CallsModel(const Context& ctx, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(ctx),
      m_rows(
          PageSize,
          [this](const CallEntry* last, int limit) {
              CallQuery q = m_query;
              if (last)
                  q.after = CallHistory::seekKey(*last, q.sort);
              q.limit = limit;
              return CallHistory(m_ctx).page(q);
          },
          [this]() -> Result<qint64> {
              // One aggregate gives the count and the
              // totals line; a search matching very
              // many calls gives neither.
              auto t = CallHistory(m_ctx).searchTotals(m_query);
              m_totals = {};
              m_totalsKnown = t.ok() && t->has_value();
              if (!t)
                  return t.error();
              if (!t->has_value())
                  return CallHistory::SearchTotalsLimit + 1;
              m_totals = **t;
              return m_totals.calls;
          })
{
    m_query.limit = PageSize;
    reload();
    // New calls, or a payer renamed or deleted: query again.
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
            if (changes.calls || changes.allMembers || changes.allProfiles ||
                !changes.profileIds.isEmpty())
                reload();
        });
}

int CallsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int CallsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallsModel::formatTime(const QDateTime& utc)
{
    return shortDateTime(QLocale(), utc.toLocalTime());
}

QString CallsModel::formatDuration(qint64 seconds)
{
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds % 3600) / 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString CallsModel::statusText(const QString& status)
{
    if (status == QLatin1String("charged"))
        return tr("Charged");
    if (status == QLatin1String("unanswered"))
        return tr("Not answered");
    if (status == QLatin1String("internal"))
        return tr("Internal");
    if (status == QLatin1String("norate"))
        return tr("No rate for this destination");
    if (status == QLatin1String("invalid"))
        return tr("Invalid number");
    return status;
}

QString CallsModel::displayText(const CallEntry& c, int column) const
{
    const QLocale locale;
    switch (column) {
    case Time:
        return formatTime(c.startedAt);
    case Payer:
        switch (c.payerKind) {
        case CallEntry::PayerKind::Member:
            return c.payer;
        case CallEntry::PayerKind::Profile:
            return tr("SIP profile %1").arg(c.payer);
        case CallEntry::PayerKind::None:
            break;
        }
        return tr("(deleted)");
    case Source:
        return c.source;
    case Destination:
        return c.e164.isEmpty() ? c.destination : PhoneNumbers::formatInternational(c.e164);
    case Place:
        return c.place;
    case Duration:
        return formatDuration(c.billsec);
    case BilledMinutes:
        return locale.toString(c.billedMinutes);
    case BundleMinutes:
        return locale.toString(c.bundleMinutes);
    case Price:
        return c.price.toLocaleString(locale);
    case Status:
        return statusText(c.status);
    default:
        return {};
    }
}

QVariant CallsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CallEntry& c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // A profile's name alone keeps the column narrow; its tool tip and accessible text
        // say that it is a SIP profile.
        if (index.column() == Payer && c.payerKind == CallEntry::PayerKind::Profile)
            return c.payer;
        return displayText(c, index.column());
    case Qt::AccessibleTextRole:
        return displayText(c, index.column());
    case Qt::ToolTipRole:
        // The number as shown, whole however narrow its column, and as the PBX dialled it.
        if (index.column() == Destination)
            return c.e164.isEmpty()
                       ? tr("Dialled %1").arg(c.destination)
                       : tr("%1 (dialled %2)")
                             .arg(PhoneNumbers::formatInternational(c.e164), c.destination);
        return displayText(c, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() >= Duration && index.column() <= Price)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        switch (index.column()) {
        case Time:
            return c.startedAt.toString(Qt::ISODate);
        case Payer:
            return c.payer;
        case Source:
            return c.source;
        case Destination:
            return c.e164.isEmpty() ? c.destination : c.e164;
        case Place:
            return c.place;
        case Duration:
            return c.billsec;
        case BilledMinutes:
            return c.billedMinutes;
        case BundleMinutes:
            return c.bundleMinutes;
        case Price:
            return c.price.cents();
        case Status:
            return c.status;
        default:
            return {};
        }
    case RowStateRole:
        if (index.column() == Status &&
            (c.status == QLatin1String("norate") || c.status == QLatin1String("invalid")))
            return int(RowState::Problem);
        return {};
    default:
        return {};
    }
}

QVariant CallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Duration:
            return tr("Billable seconds, from answer to hang-up");
        case BilledMinutes:
            return tr("Billed minutes: billable seconds rounded up to whole minutes");
        case BundleMinutes:
            return tr("Minutes taken from the SIP profile's US minute bundles");
        case Price:
            return tr("The call at its per-minute rate");
        default:
            return headerData(section, orientation, Qt::DisplayRole);
        }
    }
    switch (section) {
    case Time:
        return tr("Time");
    case Payer:
        return tr("Paid by");
    case Source:
        return tr("From");
    case Destination:
        return tr("To");
    case Place:
        return tr("Place");
    case Duration:
        return tr("Duration");
    case BilledMinutes:
        return tr("Billed");
    case BundleMinutes:
        return tr("Bundle");
    case Price:
        return tr("Price");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

bool CallsModel::canFetchMore(const QModelIndex& parent) const
{
    return m_rows.canFetchMore(parent);
}

void CallsModel::fetchMore(const QModelIndex& parent)
{
    m_rows.fetchMore(*this, parent);
}

bool CallsModel::isSortable(int column)
{
    return column >= 0 && column < ColumnCount && column != Place;
}

int CallsModel::sortColumn() const
{
    switch (m_query.sort) {
    case CallQuery::Sort::Time:
        return Time;
    case CallQuery::Sort::Payer:
        return Payer;
    case CallQuery::Sort::Source:
        return Source;
    case CallQuery::Sort::Destination:
        return Destination;
    case CallQuery::Sort::Duration:
        return Duration;
    case CallQuery::Sort::BilledMinutes:
        return BilledMinutes;
    case CallQuery::Sort::BundleMinutes:
        return BundleMinutes;
    case CallQuery::Sort::Price:
        return Price;
    case CallQuery::Sort::Status:
        return Status;
    }
    return Time;
}

void CallsModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    static const CallQuery::Sort byColumn[ColumnCount] = {
        CallQuery::Sort::Time,          CallQuery::Sort::Payer,         CallQuery::Sort::Source,
        CallQuery::Sort::Destination,   CallQuery::Sort::Time,          CallQuery::Sort::Duration,
        CallQuery::Sort::BilledMinutes, CallQuery::Sort::BundleMinutes, CallQuery::Sort::Price,
        CallQuery::Sort::Status};
    const bool ascending = order == Qt::AscendingOrder;
    if (byColumn[column] == m_query.sort && ascending == m_query.ascending)
        return;
    m_query.sort = byColumn[column];
    m_query.ascending = ascending;
    reload();
}

void CallsModel::setSearch(const QString& search)
{
    if (search.trimmed() == m_query.search)
        return;
    m_query.search = search.trimmed();
    reload();
}

void CallsModel::setProfile(const QString& name)
{
    if (name == m_query.profile)
        return;
    m_query.profile = name;
    reload();
}

void CallsModel::setMember(const QString& account)
{
    if (account.trimmed() == m_query.member)
        return;
    m_query.member = account.trimmed();
    reload();
}

void CallsModel::setDepartment(const QString& department)
{
    if (department == m_query.department)
        return;
    m_query.department = department;
    reload();
}

void CallsModel::setDateRange(const QDate& from, const QDate& to)
{
    if (from == m_query.from && to == m_query.to)
        return;
    m_query.from = from;
    m_query.to = to;
    reload();
}

void CallsModel::setQuery(const CallQuery& query)
{
    m_query = query;
    m_query.after = {};
    m_query.limit = PageSize;
    reload();
}

void CallsModel::refresh()
{
    reload();
}

void CallsModel::reload()
{
    m_rows.reload(*this);
    emit totalsChanged();
}

void CallsModel::retranslate()
{
    announceRetranslated(*this);
}

} // namespace sb
