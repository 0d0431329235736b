#include "models/numbers/NumbersModel.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/NumberService.h"
#include "models/base/Retranslated.h"

#include <QLocale>
#include <QSet>

namespace sb {

NumbersModel::NumbersModel(const Context& ctx, QObject* parent)
    : QAbstractTableModel(parent), m_ctx(ctx),
      m_rows(
          PageSize,
          [this](const NumberRecord* last, int limit) {
              NumberQuery q = m_query;
              if (last)
                  q.after = NumberService::seekKey(*last, q.sort);
              q.limit = limit;
              return NumberService(m_ctx).page(q);
          },
          [this] { return NumberService(m_ctx).count(m_query); })
{
    m_query.limit = PageSize;
    reload();
    // A changed number may now fall outside the filters or sort elsewhere: query again.
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
            if (changes.anyNumbers())
                reload();
        });
}

int NumbersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int NumbersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

RowState NumbersModel::state(const NumberRecord& n)
{
    if (n.status == QLatin1String("released"))
        return RowState::Released;
    return n.cancelled ? RowState::Cancelled : RowState::None;
}

QString NumbersModel::statusText(const NumberRecord& n)
{
    if (n.status == QLatin1String("released"))
        return tr("Released");
    if (n.cancelled)
        return tr("Cancelled: usable until %1").arg(shortDate(QLocale(), n.expires));
    return tr("Active");
}

QString NumbersModel::holderText(const NumberRecord& n)
{
    switch (n.holder.kind) {
    case NumberHolder::Kind::Member:
        return n.routesToProfile.isEmpty()
                   ? n.holder.name
                   : tr("%1 → SIP profile %2 (linked)").arg(n.holder.name, n.routesToProfile);
    case NumberHolder::Kind::Profile:
        return tr("SIP profile %1").arg(n.holder.name);
    case NumberHolder::Kind::None:
        break;
    }
    return n.status == QLatin1String("released") ? QString() : tr("Company pool (unassigned)");
}

QString NumbersModel::displayText(const NumberRecord& n, int column) const
{
    const QLocale locale;
    switch (column) {
    case Number:
        return PhoneNumbers::formatInternational(n.e164);
    case Country:
        return NumberCatalogue::countryName(n.country);
    case Area:
        return n.area;
    case Holder:
        return holderText(n);
    case Period:
        return tr("%n month(s)", nullptr, n.months);
    case Expires:
        return shortDate(locale, n.expires);
    case Status:
        return statusText(n);
    default:
        return {};
    }
}

QVariant NumbersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NumberRecord& n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText(n, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Number)
            return tr("%1 (national: %2)")
                .arg(PhoneNumbers::formatInternational(n.e164),
                     PhoneNumbers::formatNational(n.e164));
        return displayText(n, index.column());
    case RawValueRole:
        switch (index.column()) {
        case Number:
            return n.e164;
        case Country:
            return n.country;
        case Area:
            return n.area;
        case Holder:
            return n.holder.name;
        case Period:
            return n.months;
        case Expires:
            return n.expires.toString(Qt::ISODate);
        case Status:
            return n.cancelled ? QStringLiteral("cancelled") : n.status;
        default:
            return {};
        }
    case E164Role:
        return n.e164;
    case RowStateRole:
        if (index.column() != Status)
            return {};
        if (const RowState s = state(n); s != RowState::None)
            return int(s);
        return {};
    default:
        return {};
    }
}

QVariant NumbersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Country:
        return tr("Country");
    case Area:
        return tr("Area code");
    case Holder:
        return tr("Holder");
    case Period:
        return tr("Billed every");
    case Expires:
        return tr("Paid until");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

bool NumbersModel::canFetchMore(const QModelIndex& parent) const
{
    return m_rows.canFetchMore(parent);
}

void NumbersModel::fetchMore(const QModelIndex& parent)
{
    m_rows.fetchMore(*this, parent);
}

bool NumbersModel::isSortable(int column)
{
    return column == Number || column == Country || column == Holder || column == Expires ||
           column == Status;
}

void NumbersModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    const bool ascending = order == Qt::AscendingOrder;
    if (column == m_sortColumn && ascending == m_query.ascending)
        return;
    m_sortColumn = column;
    switch (column) {
    case Country:
        m_query.sort = NumberQuery::Sort::Country;
        break;
    case Holder:
        m_query.sort = NumberQuery::Sort::Holder;
        break;
    case Expires:
        m_query.sort = NumberQuery::Sort::Expires;
        break;
    case Status:
        m_query.sort = NumberQuery::Sort::Status;
        break;
    default:
        m_query.sort = NumberQuery::Sort::Number;
        break;
    }
    m_query.ascending = ascending;
    reload();
}

void NumbersModel::setSearch(const QString& search)
{
    if (search.trimmed() == m_query.search)
        return;
    m_query.search = search.trimmed();
    reload();
}

void NumbersModel::setCountry(const QString& country)
{
    if (country == m_query.country)
        return;
    m_query.country = country;
    reload();
}

void NumbersModel::setHolderKind(NumberHolder::Kind kind)
{
    if (kind == m_query.holderKind)
        return;
    m_query.holderKind = kind;
    reload();
}

void NumbersModel::setStatus(NumberQuery::Status status)
{
    if (status == m_query.status)
        return;
    m_query.status = status;
    reload();
}

void NumbersModel::refresh()
{
    reload();
}

void NumbersModel::reload()
{
    m_rows.reload(*this);
}

void NumbersModel::retranslate()
{
    announceRetranslated(*this);
}

QStringList NumbersModel::numbers(const QModelIndexList& indexes) const
{
    QStringList out;
    QSet<int> rows;
    for (const QModelIndex& i : indexes) {
        if (!i.isValid() || i.model() != this || rows.contains(i.row()))
            continue;
        rows.insert(i.row());
        out.append(m_rows.at(i.row()).e164);
    }
    return out;
}

} // namespace sb
