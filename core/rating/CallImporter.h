#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/calls/CdrReader.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <atomic>
#include <functional>

class QIODevice;

namespace sb {

class Transaction;

/// What an import of call records did.
struct CallImportReport
{
    struct UnknownAccount
    {
        QString code;     ///< as logged (may be empty: the PBX logged no account code)
        qint64 count = 0; ///< records with this code, none imported
        qint64 firstLine = 0;
    };
    /// A call that was stored but not charged because its destination could not be rated.
    struct Unrated
    {
        qint64 line = 0;
        QString destination; ///< as dialled
        QString reason;      ///< translated
    };

    qint64 imported = 0;   ///< call records added to the history
    qint64 duplicates = 0; ///< records already in the history (or twice in the file): skipped
    qint64 chargedCalls = 0;
    Money charged;          ///< what the ledger took for the imported calls
    qint64 owingPayers = 0; ///< payers charged by this import whose balance ended below zero
    Money owed;             ///< what those payers owe together at the end (positive)
    QList<UnknownAccount> unknownAccounts; ///< in order of first appearance
    qint64 unknownRecords = 0;
    QList<CdrReader::Problem> problems; ///< malformed lines (the first CdrReader::maxProblemsKept)
    qint64 problemCount = 0;
    QList<Unrated> unrated; ///< the first maxUnratedKept
    qint64 unratedCount = 0;
    qint64 recharges = 0;     ///< auto-recharges the charges set off
    QStringList rechargeNews; ///< translated: limits reached, company could not pay (distinct)

    static constexpr int maxUnratedKept = 1000;
    static constexpr int maxUnknownKept = 1000;
};

struct CallImportOptions
{
    CdrReader::Format format = CdrReader::Format::Auto;
    QTimeZone zone; ///< of the file's times; invalid = UTC
    /// The region the rating thread reads dialled numbers in, before the payer is known;
    /// a call whose payer (member or SIP profile) has another country is rated again with
    /// the payer's. Best set to the country most payers have.
    QString region = QStringLiteral("US");
    QString fileName; ///< for the activity log
    /// Called every batchSize records and at the end with the bytes read so far.
    std::function<void(qint64 bytes)> progress;
    /// Set from another thread to cancel; the import then changes nothing.
    const std::atomic<bool>* cancel = nullptr;
    int batchSize = 1000;
    /// About how many records the input holds (0: unknown; import() estimates it from the
    /// size of a file). An import of a good part of the history sets the calls' indexes
    /// aside while it inserts and makes them again at the end (IndexSetAside, SQLite).
    qint64 expectedRecords = 0;
};

/// Imports a PBX's call detail records: reads them (CdrReader), resolves who pays, rates
/// them (Rater), stores them in `calls` and charges the payers' ledger accounts.
///
/// - The account code names the payer: a member's account name, else a SIP profile's name
///   (both case-insensitively). A code naming neither, or naming both a member and a profile,
///   is not guessed: its records are not imported and it is reported with its count and first
///   line.
/// - A dialled number is read with its payer's country (Member::country, SipProfile::country)
///   as the default region: "22123456" is +4722123456 for a payer in NO.
/// - Duplicates (the unique id, or CdrReader's content hash where the PBX logs none) are
///   skipped, whether already in the history or twice in the file.
/// - Every rated call is charged in full (charged_cents = cost_cents), also when that takes
///   the payer's balance below zero (Ledger::charge): the balance is then owed, and the
///   report counts the payers left owing and what they owe. The books balance: the ledger's
///   'call' entries equal the sum of charged_cents. A member's charge sets off auto-recharge
///   (CreditService::chargeCall), which may need several recharges to bring an owed balance
///   back and stops at the monthly limit, leaving the member owed (news says so).
/// - Everything happens in ONE transaction, so a cancelled or failed import (a file that is
///   not call records at all, a storage error) leaves the database exactly as before.
///   Malformed lines do not fail the import: they are reported and skipped.
/// - One pass, streaming: memory holds one batch of calls (256), the payers seen (each known
///   one, and up to 10,000 unknown account codes) and the first problems only; it does not
///   grow with the file.
/// - Speed: each batch costs one query for the duplicates and a few multi-row INSERTs of
///   statements prepared once (core/storage/Statement); the debits of profiles and of members
///   without auto-recharge are kept in memory and written with LedgerBatch (one ledger entry
///   per call, one balance update per account at the end).
/// - One activity line per import (ActivityEvent::callsImported).
class CallImporter
{
    Q_DECLARE_TR_FUNCTIONS(sb::CallImporter)

public:
    /// With the price list in force (PriceListStore::current).
    explicit CallImporter(const Context& ctx) : CallImporter(ctx, PriceListStore::current(ctx)) {}
    CallImporter(const Context& ctx, const PriceList& prices) : m_ctx(ctx), m_prices(prices) {}

    /// `device` open for reading. Refused (nothing changed) when cancelled or when the input
    /// is not call detail records.
    Result<CallImportReport> import(QIODevice* device, const CallImportOptions& options) const;
    /// The same import inside the caller's transaction (the demo generates an account and
    /// its calls in one): nothing is committed or announced; the caller commits and announces
    /// members, profiles, the company balance and the activity log. After an error the
    /// transaction must be rolled back.
    Result<CallImportReport> importInto(Transaction& tx, QIODevice* device,
                                        const CallImportOptions& options) const;
    Result<CallImportReport> importFile(const QString& path, CallImportOptions options) const;

private:
    const Context& m_ctx;
    const PriceList& m_prices;
};

} // namespace sb
