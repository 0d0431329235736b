#pragma once

#include "core/base/Error.h"
#include "core/books/UsualSpending.h"
#include "core/reports/AttentionItem.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

namespace sb {

/// What needs the admin today (the injected clock's UTC date), for the dashboard.
///
/// Every kind is read with an indexed query (or from the summary table ledger_months), never
/// a scan of calls or of the ledger; each kind lists at most `perKind` entries and then one
/// entry whose `more` counts the rest. The kinds, each listed once per account:
/// - Owed: members and SIP profiles whose balance is below zero, most owed first.
/// - NoCredit: SIP profiles whose balance is exactly zero (those below zero are Owed).
/// - LowBalance: members (balance ≥ 0) and profiles (balance > 0) whose balance is below a
///   week of their usual spending. Usual spending: the `out_cents` of kinds call, charge and
///   bundle in ledger_months over the three full calendar months before the current one;
///   a week of it is that sum × 7 / the days of those three months, rounded half up to the
///   cent (Money::prorate). Accounts that spent nothing then are never low.
/// - RechargeSuspended: auto-recharges with suspended_until after today.
/// - NumbersRenew: active, not cancelled numbers whose period ends within 7 days (expires ≤
///   today + 7), in one entry: how many, by when, the cost at the price list in force
///   (NumberService's renewal price), keyed by the first to renew.
/// - ChannelsRenew: profiles whose channels renew within 7 days (channels × channel price).
///   Numbers and channels are paid by the company: `covers` says whether the company
///   balance pays everything of both kinds due within the 7 days.
/// - BundlesRenew: profiles whose newest bundle period is active and ends within 7 days
///   (bundles × bundle price), `covers` when the profile's own balance pays it.
/// - BundleLapsed: profiles whose newest bundle period lapsed (its renewal could not be paid)
///   in the last 30 days; buying bundles again clears it.
/// The list is ordered by severity (Critical, Warning, Info), then by kind.
class AttentionService
{
    Q_DECLARE_TR_FUNCTIONS(sb::AttentionService)

public:
    static constexpr int DefaultPerKind = 5;
    static constexpr int RenewalDays = 7;
    static constexpr int LapsedDays = 30;
    static constexpr int UsualSpendingMonths = UsualSpending::Months;

    explicit AttentionService(const Context& ctx, int perKind = DefaultPerKind)
        : m_ctx(ctx), m_perKind(perKind)
    {
    }

    Result<QList<AttentionItem>> list() const;

    /// Of `accountIds` (ledger accounts of members or profiles), those low by the LowBalance
    /// rule above today: for the state icons of a fetched page of a table. At most
    /// MaxAccountsPerRead ids a read; more are read in several.
    Result<QSet<qint64>> lowAmong(const QList<qint64>& accountIds) const;
    /// The ids of the profiles whose newest bundle period lapsed in the last LapsedDays days
    /// (the BundleLapsed rule above, without the per-kind limit).
    Result<QSet<qint64>> lapsedBundleProfiles() const;
    static constexpr int MaxAccountsPerRead = 256;

    /// No members, no SIP profiles, no active numbers and a company balance of zero: the
    /// dashboard shows its first-steps guide instead.
    Result<bool> accountIsEmpty() const;

private:
    Result<void> owed(QList<AttentionItem>& out) const;
    Result<void> noCredit(QList<AttentionItem>& out) const;
    Result<void> lowBalances(QList<AttentionItem>& out) const;
    Result<void> suspended(QList<AttentionItem>& out) const;
    Result<void> companyRenewals(QList<AttentionItem>& out) const;
    Result<void> bundleRenewals(QList<AttentionItem>& out) const;
    Result<void> lapsedBundles(QList<AttentionItem>& out) const;
    Result<void> advice(QList<AttentionItem>& out) const;
    void addMore(QList<AttentionItem>& out, AttentionItem::Kind kind,
                 AttentionItem::Severity severity, AttentionItem::Target target, qint64 rest) const;

    const Context& m_ctx;
    int m_perKind;
};

} // namespace sb
