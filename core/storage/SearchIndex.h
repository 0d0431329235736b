#pragma once

#include "core/base/Error.h"
#include "core/storage/Keyset.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace sb {

class Database;
class Transaction;

/// Search as you type over a table's `search_key` (the folded fields of SearchText::key):
/// members, numbers, profiles, activity and calls each have one, indexed for substrings:
/// on SQLite an FTS5 table `<table>_search` with the trigram tokenizer over the key (external
/// content, kept in step by triggers on insert, delete and update of the key); on PostgreSQL
/// a GIN `gin_trgm_ops` index (pg_trgm), which serves `LIKE '%…%'`.
///
/// What matches a needle (already folded, see SearchText::fold):
/// - three characters or more: the rows whose key contains it (what `LIKE '%needle%'` on the
///   key matched before), through the trigram index;
/// - one or two characters: the rows whose key STARTS with it (the key's first field: the
///   member's account, the number's digits, the SIP profile's name, the activity line's
///   subject, the dialled number's digits), through a B-tree index on the key: a trigram
///   index cannot serve them, and one or two characters are in most rows anyway.
class SearchIndex
{
    Q_DECLARE_TR_FUNCTIONS(sb::SearchIndex)

public:
    /// What the condition is for: counting rows, a page of rows in some order, a page in an
    /// order whose index carries the search key beside the sort key (calls by time), where
    /// testing each row in order reads the index alone: about 0.07 µs a row, against about
    /// 1.9 µs for each match read by id and sorted; or a page in an order that the key begins
    /// like (members by account, name or e-mail, numbers by number or country, calls by
    /// destination), where the rows a prefix matches lie together, not spread evenly.
    enum class Use
    {
        Count,
        Page,
        PageKeyedOrder,
        PageInKeyOrder
    };

    /// The condition (in parentheses) that `alias`'s row of `table` matches one of `needles`
    /// (empty ones are ignored; with none left it is "1=1"), its values appended to `binds`.
    ///
    /// For a Page on SQLite, a search that matches many rows (found out through the index,
    /// counting no further than needed) is written as a test of each row's key instead, so
    /// that the page is read in its order and stops when full, rather than every match being
    /// read and sorted; a rare one is read through the index. PostgreSQL's planner makes that
    /// choice itself from its statistics.
    ///
    /// How a page of the rows is best read goes to `*read` when given: on PostgreSQL a page
    /// of a prefix search (one or two characters) is Keyset::Read::MatchesFirst when it
    /// matches up to a quarter of the table in an order the key begins like (PageInKeyOrder:
    /// the matches lie together there, which the planner cannot know, and reading them all,
    /// about 1 µs each, is cheaper than walking the order to them), or up to as many as a
    /// Page on SQLite reads through its index in any other order (where they are spread, and
    /// a page in order is full after about 256 × rows / matches); anything else is
    /// Keyset::Read::InOrder.
    static QString predicate(const Database& db, const QString& table, const QString& alias,
                             const QStringList& needles, QVariantList* binds, Use use = Use::Count,
                             Keyset::Read* read = nullptr);

    /// How many rows of `table` match one of `needles` (nothing else filtered): on SQLite
    /// counted in the FTS5 index or the key's B-tree alone, without reading the rows.
    static Result<qint64> count(const Database& db, const QString& table,
                                const QStringList& needles);

    /// How many rows of `table` match one of `needles`, counting no further than `limit` + 1:
    /// whether more than `limit` match, for a count shown as "more than" where an exact one
    /// would read too many rows. On SQLite counted in the index alone.
    static Result<qint64> countUpTo(const Database& db, const QString& table,
                                    const QStringList& needles, qint64 limit);

    /// Schema 13: folds every stored key again (members, activity), fills the new keys of
    /// numbers, profiles and calls, then builds the indexes and triggers. Runs inside the
    /// migration's transaction.
    static Result<void> migrate(Transaction& tx);

    /// Writes the key of the numbers `where` selects (a condition on `n`, the numbers row,
    /// with `binds`): the number's digits, its holder's account and name or SIP profile's
    /// name. For every change of a number's holder and of a holder's name.
    static Result<void> refreshNumbers(const Database& db, const QString& where,
                                       const QVariantList& binds);

    /// The keys, one recipe per table, used wherever rows are written.
    static QString memberKey(const QString& account, const QString& name, const QString& email,
                             const QString& department);
    static QString numberKey(const QString& e164, const QString& account, const QString& name,
                             const QString& profile);
    static QString profileKey(const QString& name, const QString& department);
    /// The subject first (what a one- or two-character search matches), then the kind's key,
    /// the actor and the text values.
    static QString activityKey(const QString& subject, const QString& kindKey, const QString& actor,
                               const QStringList& texts);
    static QString callKey(const QString& e164, const QString& destination, const QString& source);

    /// The least number of matches for which a Page reads in its own order (by default 2000,
    /// or √(256 × the table's rows) if more; √(8 × rows) in a keyed order; a quarter of the
    /// rows for a prefix on PostgreSQL): tests set 1 to compare both ways on small data.
    static void setCommonRows(qint64 rows);

    /// The tables that have a search key and index.
    static const QStringList& tables();
};

} // namespace sb
