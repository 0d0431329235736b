#pragma once

#include "core/members/Member.h"
#include "core/members/MemberQuery.h"
#include "core/storage/Context.h"
#include "models/base/PagedRows.h"
#include "models/base/RowState.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>

namespace sb {

/// The members table, fetched lazily in pages of PageSize through MemberService::page.
/// Search and sort are pushed to SQL: setSearch() and sort() reset and fetch the first page.
/// No SQL here, and no query stays open between calls. It follows the context's Notifier:
/// changed members are re-read in place, a changed list (added, imported) starts afresh.
class MembersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Account,
        Name,
        Email,
        Department,
        Balance,
        Status,
        Numbers,
        AutoRecharge,
        ColumnCount
    };
    enum Role
    {
        RawValueRole = Qt::UserRole + 1, ///< cents as qlonglong for Balance, E.164 QStringList for
                                         ///< Numbers, plain text otherwise
        AccountRole,                     ///< the row's account name, on every column
    };
    // RowStateRole (models/base/RowState.h), on Balance: Owed below zero, else LowBalance
    // when less than a usual week of spending is left (AttentionService::lowAmong).
    static constexpr int PageSize = 256;

    /// When the first page is read: at construction, or at the first startReading() or
    /// refresh(). Until then the model has no rows, and a sort or a search is only kept for
    /// that first read (a page built before it is shown: the dashboard shows the members
    /// page's actions, and reading 256 members of 100,000 took a tenth of its start-up).
    enum class Reading
    {
        Now,
        Later
    };

    explicit MembersModel(const Context& ctx, QObject* parent = nullptr,
                          Reading reading = Reading::Now);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    /// Whether a column can be ordered in SQL (the numbers and the auto-recharge summary cannot).
    static bool isSortable(int column);

    QString search() const { return m_query.search; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const
    {
        return m_query.ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
    }
    /// Members matching the search in the database (not only the fetched ones).
    qint64 totalCount() const { return m_rows.total(); }
    /// The last storage error, translated; empty when the last fetch worked.
    QString lastError() const { return m_rows.lastError(); }

    /// The state of a fetched row's balance: Owed, LowBalance or None.
    RowState balanceState(int row) const;

    /// The member of a fetched row.
    const Member& member(int row) const { return m_rows.at(row); }
    /// The fetched row of an account, or -1.
    int rowOfAccount(const QString& account) const;
    QStringList accounts(const QModelIndexList& indexes) const;

    /// "5.00 below 2.00, limit 50.00", "Suspended until 01.12.2026" or "Off", in the current
    /// locale.
    static QString autoRechargeSummary(const Member& m);
    /// "Active" or "Linked to PROFILE", translated.
    static QString statusText(const Member& m);
    /// The member's numbers in international format, "+1 212-555-0100, +47 22 12 34 00".
    static QString numbersText(const Member& m);

public slots:
    /// Reads the first page if it was left for later (Reading::Later); nothing otherwise.
    void startReading();
    /// Filters on account, name, e-mail or department (case-insensitive substring).
    void setSearch(const QString& search);
    /// Starts afresh from the first page (after members were added or imported).
    void refresh();
    /// Re-reads the listed members in place, keeping rows, scroll position and selection
    /// (after credit or auto-recharge changed their balance).
    void refreshAccounts(const QStringList& accounts);
    /// The same by member id.
    void refreshMembers(const QList<qint64>& ids);
    /// Header and formatted cells again, after the language or locale changed.
    void retranslate();

signals:
    /// A read failed; `message` is translated.
    void errorOccurred(const QString& message);

private:
    friend class PagedRows<Member>;

    void reload();
    /// Reads which of `members` are low (one query), into m_low.
    void readLow(const QList<Member>& members);
    void onChanged(const sb::Changes& changes);
    static MemberQuery::Sort sortKey(int column);
    QString displayText(const Member& m, int column) const;

    const Context& m_ctx;
    MemberQuery m_query;
    int m_sortColumn = Name;
    PagedRows<Member> m_rows;
    QSet<qint64> m_low;     ///< ledger account ids of fetched members low on credit
    bool m_waiting = false; ///< Reading::Later, not yet read
};

} // namespace sb
