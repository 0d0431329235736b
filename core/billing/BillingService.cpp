#include "core/billing/BillingService.h"

#include "core/books/Ledger.h"
#include "core/books/LedgerSummary.h"
#include "core/books/UsualSpending.h"
#include "core/bundles/BundleService.h"
#include "core/credit/CreditService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace sb {

Result<BillingService::Report> BillingService::run() const
{
    const QString currentMonth = m_ctx.now().toUTC().toString(QStringLiteral("yyyy-MM"));
    QList<qint64> recharged;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Report> {
        const Database& db = tx.db();
        // A new month: every account's usual week of spending for the dashboard's low
        // balances (UsualSpending), before this run's entries (which follow it).
        if (auto u = UsualSpending::refresh(tx, m_ctx.now().toUTC().date()); !u)
            return u.error();
        // Only rows of an earlier month are due; the update below moves them to this month,
        // which is what makes a second run a no-op.
        auto q = db.run(
            QStringLiteral(
                "SELECT r.member_id, m.account_id, m.account_name, r.suspended_until FROM "
                "auto_recharge r"
                " JOIN members m ON m.id = r.member_id WHERE r.month < ? ORDER BY m.account_id"),
            {currentMonth});
        if (!q)
            return q.error();
        struct Due
        {
            qint64 memberId, accountId;
            QString account;
            bool suspended;
        };
        QList<Due> due;
        while (q->next())
            due.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                        !q->value(3).isNull()});
        q->finish();
        Report report;
        // Numbers first: renewals are paid before the month's recharges draw on the company.
        auto numbers = NumberService(m_ctx).processDue(tx);
        if (!numbers)
            return numbers.error();
        report.numbersRenewed = numbers->renewed;
        report.numbersReleased = numbers->released;
        report.numbersExpired = numbers->expiredUnpaid;
        report.numbersSpent = numbers->spent;
        report.messages += numbers->messages;
        auto channels = ProfileService(m_ctx).processDue(tx);
        if (!channels)
            return channels.error();
        report.channelsRenewed = channels->renewed;
        report.channelsLapsed = channels->lapsed;
        report.channelsSpent = channels->spent;
        report.messages += channels->messages;
        auto bundles = BundleService(m_ctx).processDue(tx);
        if (!bundles)
            return bundles.error();
        report.bundlesRenewed = bundles->renewedProfiles;
        report.bundlesLapsed = bundles->lapsedProfiles;
        report.bundlesSpent = bundles->spent;
        report.messages += bundles->messages;
        const Ledger ledger(m_ctx);
        const CreditService credit(m_ctx);
        if (!due.isEmpty()) {
            if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
                return l.error();
        }
        LedgerSummary rechargeSummary(tx); // flushed once, after every member
        for (const Due& d : std::as_const(due)) {
            if (auto l = ledger.lockBalances(tx, {d.accountId}); !l)
                return l.error();
            auto r =
                credit.applyAutoRecharge(tx, d.memberId, d.accountId, d.account, &rechargeSummary);
            if (!r)
                return r.error();
            ++report.autoRechargesReset;
            recharged.append(d.memberId);
            if (d.suspended)
                ++report.resumed;
            report.recharged += r->recharged;
            if (!r->message.isEmpty())
                report.messages.append(r->message);
        }
        if (auto f = rechargeSummary.flush(); !f)
            return f.error();
        return report;
    });
    if (done) {
        const Report& r = *done;
        const bool numbersLeft = r.numbersReleased > 0 || r.numbersExpired > 0;
        const bool channels = r.channelsRenewed > 0 || r.channelsLapsed > 0 ||
                              !r.bundlesRenewed.isEmpty() || !r.bundlesLapsed.isEmpty();
        Changes changes;
        changes.memberIds = recharged;
        // Released numbers leave their holders: which ones is not reported, so all rows.
        changes.allMembers = numbersLeft;
        changes.allNumbers = numbersLeft || r.numbersRenewed > 0;
        changes.allProfiles = numbersLeft || channels;
        changes.companyBalance =
            r.recharged.isPositive() || r.numbersSpent.isPositive() || r.channelsSpent.isPositive();
        changes.activity = !changes.isEmpty() || !r.messages.isEmpty();
        m_ctx.announce(changes);
    }
    return done;
}

} // namespace sb
