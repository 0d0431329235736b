#pragma once

#include "core/base/Error.h"

#include <QList>
#include <QModelIndex>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace sb {

/// The rows of a table model fetched lazily in pages through a core service: the fetched
/// rows, whether the end was reached, the total in the database and the last storage error.
/// The one implementation of the models' canFetchMore / fetchMore / reload.
///
/// Not a QObject: the model keeps its signals and passes itself to fetchMore() and reload(),
/// which call its beginInsertRows / beginResetModel (so the model declares
/// `friend class PagedRows<Row>;`) and emit its `errorOccurred(QString)` after a failed read.
template<typename Row> class PagedRows
{
public:
    /// Reads `limit` rows after `last` (nullptr: from the first row) with the model's current
    /// search, filters and sort: the model turns `last` into its query's seek position.
    using FetchPage = std::function<Result<QList<Row>>(const Row* last, int limit)>;
    /// Counts the rows matching the model's current search and filters.
    using Count = std::function<Result<qint64>()>;

    /// Without `count`, reload() fetches the first page only and total() stays 0.
    PagedRows(int pageSize, FetchPage fetchPage, Count count = {})
        : m_pageSize(pageSize), m_fetchPage(std::move(fetchPage)), m_count(std::move(count))
    {
    }

    int size() const { return static_cast<int>(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    const Row& at(int row) const { return m_rows.at(row); }
    /// A fetched row, to update in place (the model emits dataChanged itself).
    Row& operator[](int row) { return m_rows[row]; }
    const Row& operator[](int row) const { return m_rows.at(row); }

    bool atEnd() const { return m_atEnd; }
    /// Rows matching in the database (not only the fetched ones); 0 without a count.
    qint64 total() const { return m_total; }
    /// The last storage error, translated; empty when the last read worked.
    const QString& lastError() const { return m_lastError; }

    bool canFetchMore(const QModelIndex& parent) const
    {
        return !parent.isValid() && !m_atEnd && !m_resetting;
    }

    /// Appends the next page to `model`'s rows, or emits its errorOccurred when the read failed.
    template<typename Model> void fetchMore(Model& model, const QModelIndex& parent)
    {
        if (parent.isValid() || m_atEnd || m_resetting)
            return;
        QList<Row> page = fetchPage(m_last ? &*m_last : nullptr);
        if (page.isEmpty()) {
            m_atEnd = true;
            if (!m_lastError.isEmpty())
                emit model.errorOccurred(m_lastError);
            return;
        }
        const int first = size();
        model.beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
        m_rows.append(page);
        model.endInsertRows();
    }

    /// Resets `model` to the first page (and the total), then emits its errorOccurred when a
    /// read failed.
    template<typename Model> void reload(Model& model)
    {
        model.beginResetModel();
        m_rows.clear();
        m_last.reset();
        m_atEnd = false;
        if (m_count) {
            auto total = m_count();
            m_total = total ? *total : 0;
            if (!total) {
                m_lastError = total.error().message;
                m_atEnd = true;
            } else {
                // The first page at once: the view shows rows without waiting for a scroll.
                m_rows = fetchPage(nullptr);
            }
        } else {
            m_rows = fetchPage(nullptr);
        }
        // Receivers of modelReset (a view, QAbstractItemModelTester) may ask for more rows
        // while the reset is still being announced; inserting then would nest the changes.
        m_resetting = true;
        model.endResetModel();
        m_resetting = false;
        if (!m_lastError.isEmpty())
            emit model.errorOccurred(m_lastError);
    }

private:
    QList<Row> fetchPage(const Row* last)
    {
        auto page = m_fetchPage(last, m_pageSize);
        if (!page) {
            m_lastError = page.error().message;
            m_atEnd = true;
            return {};
        }
        m_lastError.clear();
        if (page->size() < m_pageSize)
            m_atEnd = true;
        if (!page->isEmpty())
            m_last = page->last();
        return std::move(page).value();
    }

    int m_pageSize;
    FetchPage m_fetchPage;
    Count m_count;
    QList<Row> m_rows;
    /// The last row as it was read, not as refreshed in place since: the next page starts
    /// after the position the database gave it then.
    std::optional<Row> m_last;
    qint64 m_total = 0;
    bool m_atEnd = true;
    bool m_resetting = false;
    QString m_lastError;
};

} // namespace sb
