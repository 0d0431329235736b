#include "models/members/MembersModel.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/members/MemberService.h"
#include "core/reports/AttentionService.h"
#include "models/base/BalanceDisplay.h"
#include "models/base/Retranslated.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace sb {

MembersModel::MembersModel(const Context& ctx, QObject* parent, Reading reading)
    : QAbstractTableModel(parent), m_ctx(ctx),
      m_rows(
          PageSize,
          [this](const Member* last, int limit) {
              MemberQuery q = m_query;
              if (last)
                  q.after = MemberService::seekKey(*last, q.sort);
              q.limit = limit;
              auto page = MemberService(m_ctx).page(q);
              if (page)
                  readLow(*page);
              return page;
          },
          [this] { return MemberService(m_ctx).count(m_query.search); })
{
    m_query.limit = PageSize;
    m_query.sort = MemberQuery::Sort::Name;
    m_query.ascending = true;
    m_waiting = reading == Reading::Later;
    reload();
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, &MembersModel::onChanged);
}

void MembersModel::readLow(const QList<Member>& members)
{
    QList<qint64> ids;
    ids.reserve(members.size());
    for (const Member& m : members) {
        m_low.remove(m.accountId);
        ids.append(m.accountId);
    }
    // Only an icon rides on it: a failed read shows none, the words (the balance) stay.
    if (auto low = AttentionService(m_ctx).lowAmong(ids))
        m_low.unite(*low);
}

RowState MembersModel::balanceState(int row) const
{
    const Member& m = m_rows.at(row);
    return BalanceDisplay::state(m.balance, m_low.contains(m.accountId));
}

void MembersModel::onChanged(const Changes& changes)
{
    if (changes.allMembers)
        reload();
    else if (!changes.memberIds.isEmpty())
        refreshMembers(changes.memberIds);
}

int MembersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int MembersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MembersModel::statusText(const Member& m)
{
    if (m.status == QLatin1String("linked"))
        return m.profile.isEmpty() ? tr("Linked") : tr("Linked to %1").arg(m.profile);
    if (m.status == QLatin1String("active"))
        return tr("Active");
    return m.status;
}

QString MembersModel::numbersText(const Member& m)
{
    QStringList shown;
    shown.reserve(m.numbers.size());
    for (const QString& e164 : m.numbers)
        shown.append(PhoneNumbers::formatInternational(e164));
    return shown.join(QStringLiteral(", "));
}

QString MembersModel::autoRechargeSummary(const Member& m)
{
    if (!m.autoRecharge)
        return tr("Off");
    const AutoRechargeSettings& s = *m.autoRecharge;
    const QLocale locale;
    if (s.suspendedUntil.isValid())
        return tr("Suspended until %1").arg(shortDate(locale, s.suspendedUntil));
    return tr("%1 below %2, limit %3")
        .arg(s.amount.toLocaleString(locale), s.threshold.toLocaleString(locale),
             s.monthlyLimit.toLocaleString(locale));
}

QString MembersModel::displayText(const Member& m, int column) const
{
    switch (column) {
    case Account:
        return m.account;
    case Name:
        return m.name;
    case Email:
        return m.email;
    case Department:
        return m.department;
    case Balance:
        return BalanceDisplay::text(m.balance);
    case Status:
        return statusText(m);
    case Numbers:
        return numbersText(m);
    case AutoRecharge:
        return autoRechargeSummary(m);
    default:
        return {};
    }
}

QVariant MembersModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member& m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(m, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Numbers && !m.numbers.isEmpty()) {
            QStringList lines;
            for (const QString& e164 : m.numbers)
                lines.append(tr("%1 (national: %2)")
                                 .arg(PhoneNumbers::formatInternational(e164),
                                      PhoneNumbers::formatNational(e164)));
            return lines.join(QLatin1Char('\n'));
        }
        return displayText(m, index.column());
    case Qt::AccessibleTextRole:
        return displayText(m, index.column());
    case Qt::ForegroundRole:
        return index.column() == Balance ? BalanceDisplay::foreground(m.balance) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == Balance)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        switch (index.column()) {
        case Account:
            return m.account;
        case Name:
            return m.name;
        case Email:
            return m.email;
        case Department:
            return m.department;
        case Balance:
            return QVariant::fromValue<qlonglong>(m.balance.cents());
        case Status:
            return m.status;
        case Numbers:
            return m.numbers;
        case AutoRecharge:
            return m.autoRecharge ? QVariant::fromValue<qlonglong>(m.autoRecharge->amount.cents())
                                  : QVariant();
        default:
            return {};
        }
    case AccountRole:
        return m.account;
    case RowStateRole:
        if (index.column() != Balance)
            return {};
        if (const RowState state = balanceState(index.row()); state != RowState::None)
            return int(state);
        return {};
    default:
        return {};
    }
}

QVariant MembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section == Balance ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case Account:
        return tr("Account");
    case Name:
        return tr("Name");
    case Email:
        return tr("E-mail");
    case Department:
        return tr("Department");
    case Balance:
        return tr("Balance (%1)").arg(accountCurrency());
    case Status:
        return tr("Status");
    case Numbers:
        return tr("Numbers");
    case AutoRecharge:
        return tr("Auto-recharge");
    default:
        return {};
    }
}

QHash<int, QByteArray> MembersModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, QByteArrayLiteral("rawValue"));
    names.insert(AccountRole, QByteArrayLiteral("account"));
    names.insert(RowStateRole, QByteArrayLiteral("rowState"));
    return names;
}

bool MembersModel::canFetchMore(const QModelIndex& parent) const
{
    return !m_waiting && m_rows.canFetchMore(parent);
}

void MembersModel::fetchMore(const QModelIndex& parent)
{
    if (m_waiting)
        return;
    m_rows.fetchMore(*this, parent);
}

MemberQuery::Sort MembersModel::sortKey(int column)
{
    switch (column) {
    case Account:
        return MemberQuery::Sort::Account;
    case Email:
        return MemberQuery::Sort::Email;
    case Department:
        return MemberQuery::Sort::Department;
    case Balance:
        return MemberQuery::Sort::Balance;
    case Status:
        return MemberQuery::Sort::Status;
    case Name:
    default:
        return MemberQuery::Sort::Name;
    }
}

bool MembersModel::isSortable(int column)
{
    return column >= Account && column <= Status;
}

void MembersModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column))
        return;
    const bool ascending = order == Qt::AscendingOrder;
    if (column == m_sortColumn && ascending == m_query.ascending)
        return;
    m_sortColumn = column;
    m_query.sort = sortKey(column);
    m_query.ascending = ascending;
    reload();
}

void MembersModel::setSearch(const QString& search)
{
    const QString s = search.trimmed();
    // The search ignores case: "Sales" after "sales" would fetch the same rows again.
    if (s.compare(m_query.search, Qt::CaseInsensitive) == 0)
        return;
    m_query.search = s;
    reload();
}

void MembersModel::startReading()
{
    if (m_waiting)
        refresh();
}

void MembersModel::refresh()
{
    m_waiting = false;
    reload();
}

void MembersModel::reload()
{
    // Waiting: the query is kept for the first read; a change has no rows to touch.
    if (m_waiting)
        return;
    m_low.clear();
    m_rows.reload(*this);
}

void MembersModel::refreshAccounts(const QStringList& accounts)
{
    if (accounts.isEmpty())
        return;
    QSet<QString> keys;
    for (const QString& a : accounts)
        keys.insert(accountKey(a));
    const MemberService service(m_ctx);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!keys.contains(accountKey(m_rows[row].account)))
            continue;
        auto fresh = service.find(m_rows[row].account);
        if (!fresh)
            continue;
        m_rows[row] = *fresh;
        readLow({*fresh});
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void MembersModel::refreshMembers(const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return;
    // The fetched rows among them, read again in a few queries (billing names thousands, and
    // this runs on the UI thread).
    const QSet<qint64> wanted(ids.cbegin(), ids.cend());
    QHash<qint64, int> rowOf;
    for (int row = 0; row < m_rows.size(); ++row)
        if (wanted.contains(m_rows[row].id))
            rowOf.insert(m_rows[row].id, row);
    if (rowOf.isEmpty())
        return;
    auto fresh = MemberService(m_ctx).findIds(rowOf.keys());
    if (!fresh)
        return;
    readLow(*fresh);
    int first = -1;
    int last = -1;
    for (const Member& m : std::as_const(*fresh)) {
        const int row = rowOf.value(m.id, -1);
        if (row < 0)
            continue;
        m_rows[row] = m;
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first >= 0)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void MembersModel::retranslate()
{
    announceRetranslated(*this);
}

int MembersModel::rowOfAccount(const QString& account) const
{
    const QString key = accountKey(account);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (accountKey(m_rows[row].account) == key)
            return row;
    }
    return -1;
}

QStringList MembersModel::accounts(const QModelIndexList& indexes) const
{
    QStringList out;
    QSet<int> rows;
    for (const QModelIndex& i : indexes) {
        if (!i.isValid() || i.model() != this || rows.contains(i.row()))
            continue;
        rows.insert(i.row());
        out.append(m_rows.at(i.row()).account);
    }
    return out;
}

} // namespace sb
