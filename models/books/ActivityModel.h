#pragma once

#include "core/books/ActivityEntry.h"
#include "core/storage/Context.h"
#include "models/base/PagedRows.h"

#include <QAbstractTableModel>
#include <QList>

namespace sb {

/// The audit log, newest first, fetched lazily in pages of PageSize through
/// ActivityLog::page; the search is pushed to SQL.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        Actor,
        Action,
        Subject,
        Details,
        ColumnCount
    };
    enum Role
    {
        RawValueRole = Qt::UserRole + 1, ///< QDateTime (UTC) for Time, the kind key for Action,
                                         ///< the event's values (QVariantMap) for Details
        IdRole,                          ///< the entry's id
    };
    static constexpr int PageSize = 256;

    explicit ActivityModel(const Context& ctx, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    QString search() const { return m_search; }
    const ActivityEntry& entry(int row) const { return m_rows.at(row); }
    QString lastError() const { return m_rows.lastError(); }

public slots:
    void setSearch(const QString& search);
    /// Starts afresh from the newest entry.
    void refresh();
    void retranslate();

signals:
    void errorOccurred(const QString& message);

private:
    friend class PagedRows<ActivityEntry>;

    QString displayText(const ActivityEntry& e, int column) const;

    const Context& m_ctx;
    QString m_search;
    PagedRows<ActivityEntry> m_rows;
};

} // namespace sb
