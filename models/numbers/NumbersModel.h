#pragma once

#include "core/numbers/NumberQuery.h"
#include "core/numbers/NumberRecord.h"
#include "core/storage/Context.h"
#include "models/base/PagedRows.h"
#include "models/base/RowState.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace sb {

/// The numbers table, fetched lazily in pages through NumberService::page. Search, the
/// country / holder / status filters and sorting are done in SQL. It queries again when the
/// context's Notifier announces changed numbers.
class NumbersModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Number,
        Country,
        Area,
        Holder,
        Period,
        Expires,
        Status,
        ColumnCount
    };
    enum Role
    {
        RawValueRole =
            Qt::UserRole + 1, ///< E.164 for Number, ISO date for Expires, plain values otherwise
        E164Role,             ///< the row's number in E.164, on every column
    };
    // RowStateRole (models/base/RowState.h), on Status: Cancelled or Released.
    static constexpr int PageSize = 256;

    explicit NumbersModel(const Context& ctx, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static bool isSortable(int column);
    const NumberQuery& query() const { return m_query; }
    qint64 totalCount() const { return m_rows.total(); }
    QString lastError() const { return m_rows.lastError(); }
    const NumberRecord& number(int row) const { return m_rows.at(row); }
    QStringList numbers(const QModelIndexList& indexes) const;

    /// Cancelled (still usable until its date), Released or None (active).
    static RowState state(const NumberRecord& n);
    /// "Active", "Cancelled: until …", "Released" in the current language.
    static QString statusText(const NumberRecord& n);
    /// "alice.smith", "SIP profile Sales", "alice.smith → Sales (linked)" or "Company pool".
    static QString holderText(const NumberRecord& n);

public slots:
    void setSearch(const QString& search);
    void setCountry(const QString& country);
    void setHolderKind(sb::NumberHolder::Kind kind);
    void setStatus(sb::NumberQuery::Status status);
    void refresh();
    void retranslate();

signals:
    void errorOccurred(const QString& message);

private:
    friend class PagedRows<NumberRecord>;

    void reload();
    QString displayText(const NumberRecord& n, int column) const;

    const Context& m_ctx;
    NumberQuery m_query;
    int m_sortColumn = Number;
    PagedRows<NumberRecord> m_rows;
};

} // namespace sb
