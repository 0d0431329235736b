#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <map>
#include <utility>

namespace sb {

/// Summaries of the call history, kept in step with it by whoever writes calls (the
/// importer), so that the dashboard, reports and advice never scan every call:
/// - `call_months` (month of the call's start, payer's account): calls, billed minutes, US
///   minutes (billed minutes of calls to US numbers), bundle minutes and charged cents;
/// - `call_hours` (SIP profile, UTC hour "2026-11-27T09"): seconds its calls occupied a
///   channel in that hour (a call is split over the hours it spans);
/// - `profile_peaks` (SIP profile): its busiest hour so far and those seconds;
/// - `call_totals` (month of the call's start): every stored call's count, minutes, price and
///   charge, whoever paid, so that the calls page's totals line of a year of calls is a
///   dozen rows, not a million (CallHistory::totals).
/// It lives with storage because the migration that brings the summaries in builds them from
/// the calls already stored (rebuild()).
class CallSummaries
{
    Q_DECLARE_TR_FUNCTIONS(sb::CallSummaries)

public:
    struct Call
    {
        qint64 accountId = 0; ///< the payer's
        qint64 profileId = 0; ///< when a SIP profile pays
        qint64 startSecs = 0; ///< since the epoch, UTC
        qint64 durationSecs = 0;
        qint64 billedMinutes = 0;
        qint64 bundleMinutes = 0;
        qint64 chargedCents = 0;
        qint64 costCents = 0; ///< the price at the rate (calls.cost_cents)
        QString e164;         ///< the destination, normalised (empty when none)
    };

    /// The select list of a call's totals over `calls` rows, in CallTotals' order: count,
    /// billed minutes, bundle minutes, cost cents, charged cents (SUM of a bigint is NUMERIC
    /// on PostgreSQL: cast back). What `call_totals` keeps per month.
    static inline const QString SumsOfCalls =
        QStringLiteral("COUNT(*), CAST(COALESCE(SUM(billed_minutes), 0) AS BIGINT),"
                       " CAST(COALESCE(SUM(bundle_minutes), 0) AS BIGINT),"
                       " CAST(COALESCE(SUM(cost_cents), 0) AS BIGINT),"
                       " CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT)");

    explicit CallSummaries(const Database& db) : m_db(db) {}

    void add(const Call& call);
    /// True when enough is held in memory that the caller should flush() (memory stays
    /// bounded whatever the import's size).
    bool full() const;
    /// Adds what was added to the summary tables, inside the caller's transaction.
    Result<void> flush();

    /// Builds the summaries of every stored call, into empty tables (inside the caller's
    /// transaction): those of `call_months`, `call_hours` and `profile_peaks`.
    static Result<void> rebuild(const Database& db);
    /// Builds `call_totals` again from the stored calls (inside the caller's transaction): for
    /// the migration that brings it in, and for a writer of calls other than the importer.
    static Result<void> rebuildTotals(const Database& db);
    /// Takes a SIP profile's calls out of `call_totals`, before they are deleted with it.
    static Result<void> forgetProfileCalls(const Database& db, qint64 profileId);

private:
    enum class Tables
    {
        All,
        OfAccounts ///< not `call_totals` (rebuild(): an older schema may not have it yet)
    };
    CallSummaries(const Database& db, Tables tables) : m_db(db), m_tables(tables) {}

    struct Month
    {
        qint64 calls = 0;
        qint64 billedMinutes = 0;
        qint64 usMinutes = 0;
        qint64 bundleMinutes = 0;
        qint64 chargedCents = 0;
    };
    struct Totals
    {
        qint64 calls = 0;
        qint64 billedMinutes = 0;
        qint64 bundleMinutes = 0;
        qint64 costCents = 0;
        qint64 chargedCents = 0;
    };
    bool isUnitedStates(const QString& e164);

    Database m_db;
    Tables m_tables = Tables::All;
    std::map<qint64, Totals> m_totals;                   // month index → every call's totals
    std::map<std::pair<qint64, qint64>, Month> m_months; // (account, month index) → totals
    std::map<std::pair<qint64, qint64>, qint64> m_hours; // (profile, hour index) → seconds
    QHash<QString, bool> m_usByArea;                     // "+1NPA" → a US area code
};

} // namespace sb
