#include "core/books/Ledger.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace sb {

Result<QList<Money>> Ledger::lockBalances(QList<qint64> ids) const
{
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const Database& db = m_ctx.db;
    QHash<qint64, Money> found;
    for (qint64 id : std::as_const(sorted)) {
        QSqlQuery q = db.prepare(QStringLiteral("SELECT balance_cents FROM accounts WHERE id = ?") +
                                 db.forUpdate());
        q.addBindValue(id);
        if (!db.exec(q))
            return Error::storage(db.lastErrorText());
        if (!q.next())
            return Error::notFound(tr("Account %1 does not exist.").arg(id));
        found.insert(id, Money::fromCents(q.value(0).toLongLong()));
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
    QSqlQuery q = db.prepare(QStringLiteral("SELECT balance_cents FROM accounts WHERE id = ?"));
    q.addBindValue(accountId);
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    if (!q.next())
        return Error::notFound(tr("Account %1 does not exist.").arg(accountId));
    return Money::fromCents(q.value(0).toLongLong());
}

Result<void> Ledger::debit(qint64 account, Money amount) const
{
    // The WHERE makes the debit and its check one statement: no lost update, no overdraft.
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(QStringLiteral("UPDATE accounts SET balance_cents = balance_cents - ? "
                                            "WHERE id = ? AND balance_cents >= ?"));
    q.addBindValue(amount.cents());
    q.addBindValue(account);
    q.addBindValue(amount.cents());
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    if (q.numRowsAffected() != 1)
        return Error::refused(tr("The balance is too low for %1.").arg(amount.display()));
    return {};
}

Result<void> Ledger::credit(qint64 account, Money amount) const
{
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(
        QStringLiteral("UPDATE accounts SET balance_cents = balance_cents + ? WHERE id = ?"));
    q.addBindValue(amount.cents());
    q.addBindValue(account);
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    if (q.numRowsAffected() != 1)
        return Error::notFound(tr("Account %1 does not exist.").arg(account));
    return {};
}

Result<void> Ledger::writeEntry(qint64 from, qint64 to, Money amount, const QString& kind,
                                const QString& reference, const QString& note) const
{
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO ledger (at, from_account, to_account, "
                                            "amount_cents, kind, actor, reference, note) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(m_ctx.nowText());
    q.addBindValue(from == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(from));
    q.addBindValue(to == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(to));
    q.addBindValue(amount.cents());
    q.addBindValue(kind);
    q.addBindValue(Database::text(m_ctx.actor));
    q.addBindValue(Database::text(reference));
    q.addBindValue(Database::text(note));
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    return {};
}

Result<void> Ledger::transfer(qint64 from, qint64 to, Money amount, const QString& kind,
                              const QString& reference, const QString& note) const
{
    if (!amount.isPositive())
        return Error::invalid(tr("The amount must be greater than zero."));
    if (from != 0) {
        if (auto d = debit(from, amount); !d)
            return d;
    }
    if (to != 0) {
        if (auto c = credit(to, amount); !c)
            return c;
    }
    return writeEntry(from, to, amount, kind, reference, note);
}

Result<void> Ledger::transferToMany(qint64 from, const QList<std::pair<qint64, Money>>& to,
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
        if (auto d = debit(from, total); !d)
            return d;
    }
    for (const auto& [account, amount] : to) {
        if (auto c = credit(account, amount); !c)
            return c;
        if (auto e = writeEntry(from, account, amount, kind, QString(), QString()); !e)
            return e;
    }
    return {};
}

Result<qint64> Ledger::createAccount(const QString& kind) const
{
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(
        QStringLiteral("INSERT INTO accounts (kind, balance_cents) VALUES (?, 0) RETURNING id"));
    q.addBindValue(kind);
    if (!db.exec(q) || !q.next())
        return Error::storage(db.lastErrorText());
    return q.value(0).toLongLong();
}

Result<Ledger::Totals> Ledger::totals() const
{
    const Database& db = m_ctx.db;
    Totals t;
    QSqlQuery q = db.prepare(QStringLiteral("SELECT CAST(COALESCE(SUM(CASE WHEN from_account IS "
                                            "NULL THEN amount_cents ELSE 0 END), 0) AS BIGINT),"
                                            " CAST(COALESCE(SUM(CASE WHEN to_account IS NULL THEN "
                                            "amount_cents ELSE 0 END), 0) AS BIGINT)"
                                            " FROM ledger"));
    if (!db.exec(q) || !q.next())
        return Error::storage(db.lastErrorText());
    t.toppedUp = Money::fromCents(q.value(0).toLongLong());
    t.spent = Money::fromCents(q.value(1).toLongLong());
    QSqlQuery b = db.prepare(
        QStringLiteral("SELECT CAST(COALESCE(SUM(balance_cents), 0) AS BIGINT) FROM accounts"));
    if (!db.exec(b) || !b.next())
        return Error::storage(db.lastErrorText());
    t.balances = Money::fromCents(b.value(0).toLongLong());
    return t;
}

Result<QList<qint64>> Ledger::inconsistentAccounts() const
{
    const Database& db = m_ctx.db;
    QSqlQuery q = db.prepare(QStringLiteral("SELECT a.id FROM accounts a WHERE a.balance_cents <> "
                                            " CAST(COALESCE((SELECT SUM(amount_cents) FROM ledger "
                                            "WHERE to_account = a.id), 0) AS BIGINT)"
                                            " - CAST(COALESCE((SELECT SUM(amount_cents) FROM "
                                            "ledger WHERE from_account = a.id), 0) AS BIGINT)"));
    if (!db.exec(q))
        return Error::storage(db.lastErrorText());
    QList<qint64> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

} // namespace sb
