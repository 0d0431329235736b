#pragma once

#include "core/calls/CallEntry.h"
#include "core/calls/CallQuery.h"
#include "core/storage/Context.h"
#include "models/base/PagedRows.h"
#include "models/base/RowState.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace sb {

/// The call history, fetched lazily in pages through CallHistory::page: the table may hold
/// millions of calls. Filters, search and sorting are done in SQL; the totals of everything
/// the filters match (not only the fetched rows) come with each query. It queries again when
/// the context's Notifier announces new calls (an import) or changed payers.
class CallsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Payer,
        Source,
        Destination,
        Place,
        Duration,
        BilledMinutes,
        BundleMinutes,
        Price,
        Status,
        ColumnCount
    };
    enum Role
    {
        /// ISO UTC time, payer name, numbers as logged, seconds, minutes, price in cents,
        /// status key: what the column sorts by.
        RawValueRole = Qt::UserRole + 1,
    };
    // RowStateRole (models/base/RowState.h), on Status: Problem for a call that could not be
    // rated (no rate, invalid number).
    static constexpr int PageSize = 200;

    explicit CallsModel(const Context& ctx, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    /// The column the query is ordered by.
    int sortColumn() const;
    const CallQuery& query() const { return m_query; }
    /// Totals of every call the filters match; totals().calls is the matching count.
    /// Empty when totalsKnown() is false.
    const CallTotals& totals() const { return m_totals; }
    /// False when the search matches more than CallHistory::SearchTotalsLimit calls: they are
    /// not summed (that would read them all), and totalCount() is that limit + 1, meaning
    /// "more than the limit".
    bool totalsKnown() const { return m_totalsKnown; }
    qint64 totalCount() const { return m_rows.total(); }
    QString lastError() const { return m_rows.lastError(); }
    const CallEntry& call(int row) const { return m_rows.at(row); }

    /// "3/1/2026 9:00 AM": the locale's short date and time, the year always with 4 digits.
    static QString formatTime(const QDateTime& utc);
    /// "1:05" (minutes:seconds), "1:02:03" from an hour on.
    static QString formatDuration(qint64 seconds);
    static QString statusText(const QString& status);

public slots:
    void setSearch(const QString& search);
    void setProfile(const QString& name);
    void setMember(const QString& account);
    void setDepartment(const QString& department);
    /// Whole days in the admin's time zone; a null date leaves that end open.
    void setDateRange(const QDate& from, const QDate& to);
    /// Replaces every filter at once (one query instead of one per filter).
    void setQuery(const sb::CallQuery& query);
    void refresh();
    void retranslate();

signals:
    void errorOccurred(const QString& message);
    /// After every query: the totals (and count) changed.
    void totalsChanged();

private:
    friend class PagedRows<CallEntry>;

    void reload();
    QString displayText(const CallEntry& c, int column) const;

    const Context& m_ctx;
    CallQuery m_query;
    CallTotals m_totals;
    bool m_totalsKnown = true;
    PagedRows<CallEntry> m_rows;
};

} // namespace sb
