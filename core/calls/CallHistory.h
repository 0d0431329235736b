#pragma once

#include "core/base/Error.h"
#include "core/calls/CallEntry.h"
#include "core/calls/CallQuery.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/storage/Context.h"
#include "core/storage/SearchIndex.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace sb {

/// Reads the call history (the `calls` table the CallImporter fills): a page of calls, how
/// many match, their totals, and a CSV export, all for one CallQuery. Filtering and sorting
/// happen in SQL, so the table may hold millions of rows.
///
/// Each call comes with its payer's name and its destination's place: the NANP area's place
/// from the number catalogue where it has one, else the name of the price list's rate for the
/// prefix the call was rated by.
///
/// A payer filter naming nobody is refused (a typo must not look like "no calls").
class CallHistory
{
    Q_DECLARE_TR_FUNCTIONS(sb::CallHistory)

public:
    /// (written, total); returns false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Place names from the price list in force (imported, else the shipped one).
    explicit CallHistory(const Context& ctx) : CallHistory(ctx, PriceListStore::current(ctx)) {}
    CallHistory(const Context& ctx, const PriceList& prices);

    /// query.limit calls after query.after, in the query's order (then by id).
    Result<QList<CallEntry>> page(const CallQuery& query) const;
    /// Where the page after `e` starts in `sort` order (CallQuery::after).
    static SeekKey seekKey(const CallEntry& e, CallQuery::Sort sort);
    Result<qint64> count(const CallQuery& query) const;
    /// The count and totals of the calls the query matches. Without a search or a payer
    /// filter they come from the monthly totals (CallSummaries), a dozen rows for a year.
    Result<CallTotals> totals(const CallQuery& query) const;
    /// A search matching more calls than this has no totals: summing them would read them all
    /// (a digit or two are in most numbers). The history shows "more than" instead.
    static constexpr qint64 SearchTotalsLimit = 1000;
    /// totals(), or nothing when the query has a search and more than SearchTotalsLimit
    /// calls match (found out counting no further).
    Result<std::optional<CallTotals>> searchTotals(const CallQuery& query) const;

    /// Writes every call the query matches (after and limit ignored) as CSV with a header
    /// line, streaming: rows go out as they are read, never all held at once. Returns the
    /// calls written. `progress` is called every few thousand rows.
    Result<qint64> exportCsv(const CallQuery& query, QIODevice* out,
                             const Progress& progress = {}) const;
    /// exportCsv() into `path`, replaced only once the whole export is written: a failed or
    /// cancelled export leaves no file (and an existing one as it was).
    Result<qint64> exportCsvFile(const CallQuery& query, const QString& path,
                                 const Progress& progress = {}) const;

    /// The payers' departments (members' and profiles'), distinct and sorted, for a filter.
    Result<QStringList> departments() const;
    /// The SIP profiles' names, sorted, for a filter.
    Result<QStringList> profileNames() const;

    /// The destination's place for an E.164 number rated by `prefix` (see the class comment).
    QString placeOf(const QString& e164, const QString& prefix) const;

    /// The CSV header fields, in column order.
    static QStringList csvHeader();

private:
    struct Filter
    {
        QString where;
        QVariantList binds;
        Keyset::Read read = Keyset::Read::InOrder; ///< a page's: see SearchIndex::predicate
    };
    Result<Filter> filter(const CallQuery& query,
                          SearchIndex::Use use = SearchIndex::Use::Count) const;
    /// totals() of every call started in the admin's days from..to (either open).
    Result<CallTotals> totalsByMonth(const QDate& from, const QDate& to,
                                     const QTimeZone& zone) const;

    const Context& m_ctx;
    QHash<QString, QString> m_rateNames; ///< price list prefix -> name
};

} // namespace sb
