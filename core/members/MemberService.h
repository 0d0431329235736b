#pragma once

#include "core/base/Error.h"
#include "core/base/ImportReport.h"
#include "core/members/Member.h"
#include "core/members/MemberQuery.h"
#include "core/storage/Context.h"
#include <QCoreApplication>

#include <QList>
#include <QMultiHash>

#include <functional>

namespace sb {

class Transaction;

/// Members: validation, creation, look-up, paged listing (search and sort in SQL),
/// and CSV import/export.
class MemberService
{
    Q_DECLARE_TR_FUNCTIONS(sb::MemberService)

public:
    explicit MemberService(const Context& ctx) : m_ctx(ctx) {}

    /// Reports progress (done, total) and returns false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Each checks the text as it would be stored (NameText::normalised): invisible
    /// characters removed, spaces collapsed; control characters are refused.
    static Result<void> validateAccountName(const QString& account);
    static Result<void> validateDisplayName(const QString& name);
    static Result<void> validateEmail(const QString& email);
    static Result<void> validateDepartment(const QString& department);
    /// A region libphonenumber knows (ISO 3166 alpha-2, any case: "US", "no"); the SIP
    /// profiles' countries are checked here too.
    static Result<void> validateCountry(const QString& country);
    /// As stored: trimmed, upper case ("no" → "NO").
    static QString normalisedCountry(const QString& country);
    static Result<void> validate(const NewMember& m);
    /// As stored: account, name and department through NameText::normalised, the e-mail
    /// address trimmed (the country is normalised by normalisedCountry).
    static NewMember normalised(const NewMember& m);
    /// `m` as insert() and insertMany() store it: normalised and its keys made. It reads
    /// nothing, so it may run on another thread than the inserts (the demo makes its members
    /// so).
    static ReadyMember ready(const NewMember& m);

    Result<Member> add(const NewMember& m) const;
    Result<Member> find(const QString& account) const;
    Result<QList<Member>> findMany(const QStringList& accounts) const;
    /// The members of these ids that exist, in no particular order, in a few queries however
    /// many (for a table refreshing the rows a change named: billing names thousands).
    Result<QList<Member>> findIds(const QList<qint64>& ids) const;
    /// Up to query.limit members after query.after, in the query's order (ties by id).
    Result<QList<Member>> page(const MemberQuery& query) const;
    /// Where the page after `m` starts in `sort` order (MemberQuery::after).
    static SeekKey seekKey(const Member& m, MemberQuery::Sort sort);
    Result<qint64> count(const QString& search = {}) const;
    /// Distinct departments, sorted, for completion.
    Result<QStringList> departments() const;

    /// Changes the country whose national forms the member's dialled numbers are read in
    /// (calls imported from then on).
    Result<Member> setCountry(const QString& account, const QString& country) const;

    /// Reads FILE.csv (header: account,name,email,department[,country]; without the country
    /// column, or with it empty, a member's country is US). All or nothing: anything
    /// rejected means nothing is written. A dry run only reports.
    /// Refuses what is not a regular file, a file over MaxImportBytes, a line over
    /// MaxImportLineBytes and text that is not UTF-8, naming the line.
    Result<ImportReport> importCsv(const QString& path, bool dryRun,
                                   const Progress& progress = {}) const;
    static constexpr qint64 MaxImportBytes = 256LL * 1024 * 1024;
    static constexpr qsizetype MaxImportLineBytes = 64 * 1024;
    Result<ImportReport> importCsvText(const QString& text, bool dryRun,
                                       const Progress& progress = {}) const;
    /// Writes every member, ordered by account, in the format importCsv reads.
    Result<qint64> exportCsv(const QString& path, const Progress& progress = {}) const;

    /// Inserts a member inside the caller's transaction (no validation, no log).
    Result<Member> insert(Transaction& tx, const NewMember& m) const;
    /// insert() of many members made ready() (their accounts too), many rows per statement,
    /// in the order given; account names must be distinct and free (not checked).
    Result<QList<Member>> insertMany(Transaction& tx, const QList<ReadyMember>& members) const;

private:
    Result<bool> accountExists(const QString& account) const;
    Result<void> attachNumbers(QList<Member>& members) const;
    /// Active numbers held by these members, keyed by member id.
    Result<QMultiHash<qint64, QString>> activeNumbersOf(const QList<qint64>& memberIds) const;
    const Context& m_ctx;
};

/// The lower-cased key that makes account names unique regardless of case. Account names
/// are ASCII letters, digits, '.', '_' and '-' (validateAccountName), so this is also their
/// NameText::skeleton: two account names that look the same have one key, and the UNIQUE
/// `account_key` refuses the second.
QString accountKey(const QString& account);

} // namespace sb
