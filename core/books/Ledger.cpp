#include "core/books/Ledger.h"

#include "core/books/LedgerSummary.h"

#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace sb {

Result<QList<Money>> Ledger::lockBalances(Transaction& tx, QList<qint64> ids) const
{
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const Database& db = tx.db();
    QHash<qint64, Money> found;
    for (qint64 id : std::as_const(sorted)) {
        auto q = db.run(QStringLiteral("SELECT balance_cents FROM accounts WHERE id = ?") +
                            db.forUpdate(),
                        {id});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(tr("Account %1 does not exist.").arg(id));
        found.insert(id, Money::fromCents(q->value(0).toLongLong()));
    }
    QList<Money> out;
    out.reserve(ids.size());
    for (qint64 id : std::as_const(ids))
        out.append(found.value(id));
    return out;
}

Result<Money> Ledger::balance(qint64 accountId) const
{
    const Database& db = m_ctx.db;
    auto q = db.run(QStringLiteral("SELECT balance_cents FROM accounts WHERE id = ?"), {accountId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(tr("Account %1 does not exist.").arg(accountId));
    return Money::fromCents(q->value(0).toLongLong());
}

Result<void> Ledger::debit(Transaction& tx, qint64 account, Money amount) const
{
    // The WHERE makes the debit and its check one statement: no lost update, no overdraft.
    const Database& db = tx.db();
    auto q = db.run(QStringLiteral("UPDATE accounts SET balance_cents = balance_cents - ? "
                                   "WHERE id = ? AND balance_cents >= ?"),
                    {amount.cents(), account, amount.cents()});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::refused(tr("The balance is too low for %1.").arg(amount.display()));
    return {};
}

Result<void> Ledger::credit(Transaction& tx, qint64 account, Money amount) const
{
    const Database& db = tx.db();
    auto q =
        db.run(QStringLiteral("UPDATE accounts SET balance_cents = balance_cents + ? WHERE id = ?"),
               {amount.cents(), account});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::notFound(tr("Account %1 does not exist.").arg(account));
    return {};
}

Result<qint64> Ledger::purchasedFor(Transaction& tx, qint64 from, qint64 to, const QString& kind,
                                    const QString& reference) const
{
    // A number or channels bought by the company: the member or SIP profile they are for,
    // named by the entry's reference (a number's E.164, a profile's name).
    if (from != CompanyAccount || to != 0)
        return qint64(0);
    QString sql;
    if (kind == QLatin1String("number"))
        sql = QStringLiteral("SELECT COALESCE(m.account_id, p.account_id) FROM numbers n"
                             " LEFT JOIN members m ON m.id = n.member_id"
                             " LEFT JOIN profiles p ON p.id = n.profile_id WHERE n.e164 = ?");
    else if (kind == QLatin1String("channels"))
        sql = QStringLiteral("SELECT account_id FROM profiles WHERE name = ?");
    else
        return qint64(0);
    auto q = tx.db().run(sql, {reference});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<void> Ledger::writeEntry(Transaction& tx, qint64 from, qint64 to, Money amount,
                                const QString& kind, const QString& reference, const QString& note,
                                LedgerSummary* summary) const
{
    const Database& db = tx.db();
    auto forAccount = purchasedFor(tx, from, to, kind, reference);
    if (!forAccount)
        return forAccount.error();
    const auto id = [](qint64 account) {
        return account == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(account);
    };
    const QString at = m_ctx.nowText();
    auto q = db.run(QStringLiteral("INSERT INTO ledger (at, from_account, to_account, "
                                   "amount_cents, kind, actor, reference, note, for_account) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {at, id(from), id(to), amount.cents(), kind, Database::text(m_ctx.actor),
                     Database::text(reference), Database::text(note), id(*forAccount)});
    if (!q)
        return q.error();
    if (summary) {
        summary->add(at, from, to, amount.cents(), kind, *forAccount);
        return {};
    }
    LedgerSummary own(tx);
    own.add(at, from, to, amount.cents(), kind, *forAccount);
    return own.flush();
}

Result<void> Ledger::transfer(Transaction& tx, qint64 from, qint64 to, Money amount,
                              const QString& kind, const QString& reference, const QString& note,
                              LedgerSummary* summary) const
{
    if (!amount.isPositive())
        return Error::invalid(tr("The amount must be greater than zero."));
    if (from != 0) {
        if (auto d = debit(tx, from, amount); !d)
            return d;
    }
    if (to != 0) {
        if (auto c = credit(tx, to, amount); !c)
            return c;
    }
    return writeEntry(tx, from, to, amount, kind, reference, note, summary);
}

Result<void> Ledger::charge(Transaction& tx, qint64 account, Money amount, const QString& kind,
                            const QString& reference, LedgerSummary* summary) const
{
    if (!amount.isPositive())
        return Error::invalid(tr("The amount must be greater than zero."));
    // No balance condition here, unlike debit(): the kind condition keeps the company out
    // (its CHECK would refuse it too, but as a storage error rather than a clear message).
    const Database& db = tx.db();
    auto q = db.run(QStringLiteral("UPDATE accounts SET balance_cents = balance_cents - ? "
                                   "WHERE id = ? AND kind <> 'company'"),
                    {amount.cents(), account});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1)
        return Error::refused(
            tr("Account %1 cannot be charged: it is not a member's or a SIP profile's.")
                .arg(account));
    return writeEntry(tx, account, 0, amount, kind, reference, QString(), summary);
}

Result<void> Ledger::transferToMany(Transaction& tx, qint64 from,
                                    const QList<std::pair<qint64, Money>>& to,
                                    const QString& kind) const
{
    Money total;
    for (const auto& [account, amount] : to) {
        if (!amount.isPositive() || account == 0)
            return Error::invalid(tr("The amount must be greater than zero."));
        if (amount.cents() > std::numeric_limits<qint64>::max() - total.cents())
            return Error::invalid(tr("The amounts add up to more than can be moved at once."));
        total += amount;
    }
    if (to.isEmpty())
        return {};
    if (from != 0) {
        if (auto d = debit(tx, from, total); !d)
            return d;
    }
    LedgerSummary summary(tx);
    for (const auto& [account, amount] : to) {
        if (auto c = credit(tx, account, amount); !c)
            return c;
        if (auto e = writeEntry(tx, from, account, amount, kind, QString(), QString(), &summary);
            !e)
            return e;
    }
    return summary.flush();
}

Result<qint64> Ledger::createAccount(Transaction& tx, const QString& kind) const
{
    const Database& db = tx.db();
    auto q = db.runFirst(
        QStringLiteral("INSERT INTO accounts (kind, balance_cents) VALUES (?, 0) RETURNING id"),
        {kind});
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<Ledger::Totals> Ledger::totals() const
{
    const Database& db = m_ctx.db;
    Totals t;
    auto q = db.runFirst(QStringLiteral("SELECT CAST(COALESCE(SUM(CASE WHEN from_account IS "
                                        "NULL THEN amount_cents ELSE 0 END), 0) AS BIGINT),"
                                        " CAST(COALESCE(SUM(CASE WHEN to_account IS NULL THEN "
                                        "amount_cents ELSE 0 END), 0) AS BIGINT)"
                                        " FROM ledger"));
    if (!q)
        return q.error();
    t.toppedUp = Money::fromCents(q->value(0).toLongLong());
    t.spent = Money::fromCents(q->value(1).toLongLong());
    auto b = balanceTotals();
    if (!b)
        return b.error();
    t.balances = b->balances;
    t.owed = b->owed;
    return t;
}

Result<Ledger::Totals> Ledger::balanceTotals() const
{
    auto b = m_ctx.db.runFirst(QStringLiteral(
        "SELECT CAST(COALESCE(SUM(balance_cents), 0) AS BIGINT),"
        " CAST(COALESCE(SUM(CASE WHEN balance_cents < 0 THEN -balance_cents ELSE 0 END), 0)"
        " AS BIGINT) FROM accounts"));
    if (!b)
        return b.error();
    Totals t;
    t.balances = Money::fromCents(b->value(0).toLongLong());
    t.owed = Money::fromCents(b->value(1).toLongLong());
    return t;
}

Result<QList<qint64>> Ledger::inconsistentAccounts() const
{
    const Database& db = m_ctx.db;
    auto q = db.run(QStringLiteral("SELECT a.id FROM accounts a WHERE a.balance_cents <> "
                                   " CAST(COALESCE((SELECT SUM(amount_cents) FROM ledger "
                                   "WHERE to_account = a.id), 0) AS BIGINT)"
                                   " - CAST(COALESCE((SELECT SUM(amount_cents) FROM "
                                   "ledger WHERE from_account = a.id), 0) AS BIGINT)"));
    if (!q)
        return q.error();
    QList<qint64> out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

} // namespace sb
