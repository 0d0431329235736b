#include "core/credit/CreditService.h"

#include "core/base/DisplayFormat.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace sb {

QDate CreditService::firstOfNextMonth(const QDate& day)
{
    return QDate(day.year(), day.month(), 1).addMonths(1);
}

Result<void> CreditService::validateAutoRecharge(Money amount, Money threshold, Money monthlyLimit)
{
    if (auto v = CompanyService::validateAmount(amount); !v)
        return Error::invalid(tr("Recharge amount: %1").arg(v.error().message));
    if (threshold.isNegative())
        return Error::invalid(tr("The threshold cannot be negative."));
    if (threshold.cents() > Money::MaxOperationCents)
        return Error::invalid(tr("The threshold %1 is too large.").arg(threshold.display()));
    if (auto v = CompanyService::validateAmount(monthlyLimit); !v)
        return Error::invalid(tr("Monthly limit: %1").arg(v.error().message));
    if (monthlyLimit < amount)
        return Error::invalid(
            tr("The monthly limit (%1) must be at least the recharge amount (%2).")
                .arg(monthlyLimit.display(), amount.display()));
    return {};
}

Result<CreditService::Allocation> CreditService::allocate(Money amount,
                                                          const QStringList& accounts) const
{
    if (auto v = CompanyService::validateAmount(amount); !v)
        return v.error();
    if (accounts.isEmpty())
        return Error::invalid(tr("Choose at least one member."));
    QSet<QString> seen;
    for (const QString& a : accounts) {
        if (seen.contains(accountKey(a)))
            return Error::invalid(
                tr("The member \"%1\" is listed more than once.").arg(UserText::quoted(a)));
        seen.insert(accountKey(a));
    }
    const auto total = amount.times(accounts.size());
    if (!total || total->cents() > Money::MaxOperationCents * 10)
        return Error::invalid(tr("%1 for each of %n members is more than one operation may move.",
                                 nullptr, static_cast<int>(accounts.size()))
                                  .arg(amount.display()));
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Allocation> {
        const MemberService members(m_ctx);
        auto found = members.findMany(accounts);
        if (!found)
            return found.error();
        QList<qint64> ids{Ledger::CompanyAccount};
        for (const Member& m : std::as_const(*found))
            ids.append(m.accountId);
        const Ledger ledger(m_ctx);
        auto balances = ledger.lockBalances(tx, ids);
        if (!balances)
            return balances.error();
        const Money company = balances->first();
        if (company < *total)
            return Error::refused(
                tr("The company balance (%1) cannot cover %2 for each of %n member(s) (%3 in all). "
                   "Nobody was given credit.",
                   nullptr, static_cast<int>(accounts.size()))
                    .arg(company.display(), amount.display(), total->toString()));
        Allocation out;
        out.each = amount;
        out.total = *total;
        // One debit of the company for everyone (see Ledger::transferToMany), one entry each.
        QList<std::pair<qint64, Money>> credits;
        credits.reserve(found->size());
        for (const Member& m : std::as_const(*found))
            credits.append({m.accountId, amount});
        if (auto t = ledger.transferToMany(tx, Ledger::CompanyAccount, credits,
                                           QStringLiteral("allocation"));
            !t)
            return t.error();
        const ActivityLog log(m_ctx);
        // The balances read under the lock: the ones findMany() read before it may already be
        // stale when other admins allocate to the same member at the same moment.
        for (qsizetype i = 0; i < found->size(); ++i) {
            Member m = found->at(i);
            m.balance = balances->at(i + 1) + amount;
            if (auto a =
                    log.record(tx, ActivityEvent::creditAllocated(m.account, amount, m.balance));
                !a)
                return a.error();
            out.members.append(m);
        }
        out.companyBalance = company - *total;
        return out;
    });
    if (done) {
        auto changes = Changes().withCompanyBalance().withActivity();
        for (const Member& m : std::as_const(done->members))
            changes.withMembers({m.id});
        m_ctx.announce(changes);
    }
    return done;
}

Result<RechargeOutcome> CreditService::applyAutoRecharge(Transaction& tx, qint64 memberId,
                                                         qint64 accountId, const QString& account,
                                                         LedgerSummary* summary) const
{
    const Database& db = tx.db();
    RechargeOutcome out;
    auto q = db.run(QStringLiteral("SELECT amount_cents, threshold_cents, monthly_limit_cents, "
                                   "month, recharged_cents, suspended_until"
                                   " FROM auto_recharge WHERE member_id = ?") +
                        db.forUpdate(),
                    {memberId});
    if (!q)
        return q.error();
    if (!q->next())
        return out;
    const Money amount = Money::fromCents(q->value(0).toLongLong());
    const Money threshold = Money::fromCents(q->value(1).toLongLong());
    const Money limit = Money::fromCents(q->value(2).toLongLong());
    QString month = q->value(3).toString();
    Money recharged = Money::fromCents(q->value(4).toLongLong());
    QDate suspended = QDate::fromString(q->value(5).toString(), Qt::ISODate);
    q->finish();

    const QDate today = m_ctx.now().toUTC().date();
    const QString currentMonth = m_ctx.now().toUTC().toString(QStringLiteral("yyyy-MM"));
    const bool wasSuspended = suspended.isValid();
    if (month != currentMonth) {
        month = currentMonth;
        recharged = Money();
        suspended = QDate();
    }
    // Suspended in the month that counts: a suspension that a new month just ended does not
    // make a new one in this month old news.
    const bool suspendedThisMonth = suspended.isValid();
    const Ledger ledger(m_ctx);
    const ActivityLog log(m_ctx);
    if (wasSuspended && !suspended.isValid()) {
        if (auto a = log.record(tx, ActivityEvent::autoRechargeResumed(account)); !a)
            return a.error();
    }
    auto balance = ledger.balance(accountId);
    if (!balance)
        return balance.error();
    Money memberBalance = *balance;
    while (!suspended.isValid() && memberBalance < threshold) {
        if (recharged + amount > limit) {
            suspended = firstOfNextMonth(today);
            break;
        }
        auto company = ledger.balance(Ledger::CompanyAccount);
        if (!company)
            return company.error();
        if (*company < amount) {
            out.companyCouldNotPay = true;
            out.message = tr("The company balance (%1) cannot pay the auto-recharge of %2 for %3.")
                              .arg(company->toString(), amount.display(), account);
            if (auto a =
                    log.record(tx, ActivityEvent::autoRechargeFailed(account, amount, *company));
                !a)
                return a.error();
            break;
        }
        if (auto t = ledger.transfer(tx, Ledger::CompanyAccount, accountId, amount,
                                     QStringLiteral("autorecharge"), {}, {}, summary);
            !t)
            return t.error();
        recharged += amount;
        memberBalance += amount;
        out.recharged += amount;
        ++out.recharges;
        if (auto a = log.record(tx, ActivityEvent::autoRecharged(account, amount, memberBalance));
            !a)
            return a.error();
        // The limit counts as reached once another recharge would go past it.
        if (recharged + amount > limit)
            suspended = firstOfNextMonth(today);
    }
    if (suspended.isValid() && !suspendedThisMonth) {
        out.suspendedUntil = suspended;
        out.suspendedNow = true;
        // A call charge may have left the member owing: the news says so, in words.
        const QString text =
            memberBalance.isNegative()
                ? tr("The monthly recharge limit of %1 for %2 is reached; auto-recharge is "
                     "suspended until %3, and %2 owes %4.")
                      .arg(limit.display(), account, displayDate(suspended),
                           (-memberBalance).display())
                : tr("The monthly recharge limit of %1 for %2 is reached; auto-recharge is "
                     "suspended until %3.")
                      .arg(limit.display(), account, displayDate(suspended));
        if (auto a =
                log.record(tx, ActivityEvent::autoRechargeSuspended(account, limit, suspended));
            !a)
            return a.error();
        if (out.message.isEmpty())
            out.message = text;
    } else if (suspended.isValid()) {
        out.suspendedUntil = suspended;
    }
    if (out.message.isEmpty() && out.recharges > 0)
        out.message = tr("Recharged %1 with %2.").arg(account, out.recharged.display());

    auto u = db.run(QStringLiteral("UPDATE auto_recharge SET month = ?, recharged_cents = "
                                   "?, suspended_until = ? WHERE member_id = ?"),
                    {month, recharged.cents(),
                     suspended.isValid() ? QVariant(suspended.toString(Qt::ISODate))
                                         : QVariant(QMetaType::fromType<QString>()),
                     memberId});
    if (!u)
        return u.error();
    return out;
}

Result<CreditService::Charge> CreditService::charge(const QString& account, Money amount,
                                                    const QString& note) const
{
    if (auto v = CompanyService::validateAmount(amount); !v)
        return v.error();
    auto changes = Changes().withCompanyBalance().withActivity();
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Charge> {
        auto member = MemberService(m_ctx).find(account);
        if (!member)
            return member.error();
        changes.memberIds = {member->id};
        const Ledger ledger(m_ctx);
        auto balances = ledger.lockBalances(tx, {Ledger::CompanyAccount, member->accountId});
        if (!balances)
            return balances.error();
        if ((*balances)[1] < amount)
            return Error::refused(
                tr("The balance of %1 (%2) is too low for a charge of %3.")
                    .arg(member->account, (*balances)[1].display(), amount.display()));
        if (auto t = ledger.transfer(tx, member->accountId, 0, amount, QStringLiteral("charge"),
                                     QString(), note);
            !t)
            return t.error();
        Charge out;
        auto r = applyAutoRecharge(tx, member->id, member->accountId, member->account);
        if (!r)
            return r.error();
        out.recharge = *r;
        auto b = ledger.balance(member->accountId);
        if (!b)
            return b.error();
        out.balance = *b;
        return out;
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<CreditService::CallCharge> CreditService::chargeCall(Transaction& tx, const Member& member,
                                                            Money amount, const QString& kind,
                                                            const QString& reference,
                                                            LedgerSummary* summary) const
{
    CallCharge out;
    const Ledger ledger(m_ctx);
    if (auto t = ledger.charge(tx, member.accountId, amount, kind, reference, summary); !t)
        return t.error();
    out.charged = amount;
    if (member.autoRecharge) { // (as read inside this transaction)
        auto r = applyAutoRecharge(tx, member.id, member.accountId, member.account, summary);
        if (!r)
            return r.error();
        out.recharge = *r;
        if ((r->companyCouldNotPay || r->suspendedNow) && !r->message.isEmpty())
            out.news.append(r->message);
    }
    auto b = ledger.balance(member.accountId);
    if (!b)
        return b.error();
    out.balance = *b;
    return out;
}

Result<RechargeOutcome> CreditService::setAutoRecharge(const QString& account, Money amount,
                                                       Money threshold, Money monthlyLimit) const
{
    if (auto v = validateAutoRecharge(amount, threshold, monthlyLimit); !v)
        return v.error();
    auto changes = Changes().withCompanyBalance().withActivity();
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<RechargeOutcome> {
        auto member = MemberService(m_ctx).find(account);
        if (!member)
            return member.error();
        changes.memberIds = {member->id};
        const Ledger ledger(m_ctx);
        if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount, member->accountId}); !l)
            return l.error();
        const Database& db = m_ctx.db;
        const QDate today = m_ctx.now().toUTC().date();
        const QString currentMonth = m_ctx.now().toUTC().toString(QStringLiteral("yyyy-MM"));
        auto sel = db.run(
            QStringLiteral("SELECT month, recharged_cents FROM auto_recharge WHERE member_id = ?") +
                db.forUpdate(),
            {member->id});
        if (!sel)
            return sel.error();
        const bool exists = sel->next();
        sel->finish();
        // What was already recharged this month still counts against a changed limit, also
        // when auto-recharge was turned off and on again meanwhile: the ledger remembers.
        auto sum = db.runFirst(
            QStringLiteral(
                "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger"
                " WHERE to_account = ? AND kind = 'autorecharge' AND at >= ? AND at < ?"),
            {member->accountId, QDate(today.year(), today.month(), 1).toString(Qt::ISODate),
             firstOfNextMonth(today).toString(Qt::ISODate)});
        if (!sum)
            return sum.error();
        const Money already = Money::fromCents(sum->value(0).toLongLong());
        sum->finish();
        auto w = db.run(
            exists
                ? QStringLiteral("UPDATE auto_recharge SET amount_cents = ?, threshold_cents = ?,"
                                 " monthly_limit_cents = ?, month = ?, recharged_cents = ?,"
                                 " suspended_until = NULL WHERE member_id = ?")
                : QStringLiteral("INSERT INTO auto_recharge (amount_cents, threshold_cents,"
                                 " monthly_limit_cents, month, recharged_cents, member_id)"
                                 " VALUES (?, ?, ?, ?, ?, ?)"),
            {amount.cents(), threshold.cents(), monthlyLimit.cents(), currentMonth, already.cents(),
             member->id});
        if (!w)
            return w.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx,
                ActivityEvent::autoRechargeSet(member->account, amount, threshold, monthlyLimit));
            !a)
            return a.error();
        return applyAutoRecharge(tx, member->id, member->accountId, member->account);
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<void> CreditService::disableAutoRecharge(const QString& account) const
{
    auto changes = Changes().withActivity();
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<void> {
        auto member = MemberService(m_ctx).find(account);
        if (!member)
            return member.error();
        changes.memberIds = {member->id};
        if (!member->autoRecharge)
            return Error::refused(tr("Auto-recharge is not on for %1.").arg(member->account));
        const Database& db = m_ctx.db;
        auto q =
            db.run(QStringLiteral("DELETE FROM auto_recharge WHERE member_id = ?"), {member->id});
        if (!q)
            return q.error();
        return ActivityLog(m_ctx).record(tx, ActivityEvent::autoRechargeOff(member->account));
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

} // namespace sb
