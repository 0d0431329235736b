#include "core/books/LedgerBatch.h"

#include "core/books/Ledger.h"
#include "core/storage/MultiRowStatement.h"
#include "core/storage/Transaction.h"

#include <limits>

namespace sb {

namespace {

QString insertSql(int rows)
{
    QString sql = QStringLiteral("INSERT INTO ledger (at, from_account, to_account, amount_cents,"
                                 " kind, actor, reference, note, for_account) VALUES ");
    for (int i = 0; i < rows; ++i)
        sql += i == 0 ? QStringLiteral("(?, ?, ?, ?, ?, ?, ?, '', ?)")
                      : QStringLiteral(", (?, ?, ?, ?, ?, ?, ?, '', ?)");
    return sql;
}

} // namespace

LedgerBatch::LedgerBatch(const Context& ctx, Transaction& tx)
    : m_ctx(ctx), m_tx(tx), m_at(ctx.nowText()), m_summary(tx)
{
    m_entries.reserve(RowsPerInsert);
}

LedgerBatch::~LedgerBatch() = default;

Result<void> LedgerBatch::debit(qint64 account, Money amount, const QString& kind,
                                const QString& reference, qint64 forAccount)
{
    if (account == 0)
        return Error::invalid(tr("The amount must be greater than zero."));
    return queue(account, 0, amount, kind, reference, forAccount);
}

Result<void> LedgerBatch::transfer(qint64 from, qint64 to, Money amount, const QString& kind,
                                   const QString& reference)
{
    if (from == 0 || to == 0 || from == to)
        return Error::invalid(tr("The amount must be greater than zero."));
    return queue(from, to, amount, kind, reference, 0);
}

Result<void> LedgerBatch::queue(qint64 from, qint64 to, Money amount, const QString& kind,
                                const QString& reference, qint64 forAccount)
{
    if (!amount.isPositive())
        return Error::invalid(tr("The amount must be greater than zero."));
    constexpr qint64 most = std::numeric_limits<qint64>::max();
    if (from != 0) {
        qint64& pending = m_debits[from];
        if (pending > 0 && amount.cents() > most - pending)
            return Error::invalid(tr("The amounts add up to more than can be moved at once."));
        pending += amount.cents();
    }
    if (to != 0) {
        qint64& pending = m_debits[to];
        if (pending < 0 && amount.cents() > most + pending)
            return Error::invalid(tr("The amounts add up to more than can be moved at once."));
        pending -= amount.cents();
    }
    m_entries.append({from, to, amount.cents(), kind, reference, forAccount});
    m_summary.add(m_at, from, to, amount.cents(), kind, forAccount);
    if (m_entries.size() >= RowsPerInsert)
        return writeEntries();
    return {};
}

Result<void> LedgerBatch::writeEntries()
{
    if (m_entries.isEmpty())
        return {};
    const Database& db = m_tx.db();
    const int rows = int(m_entries.size());
    std::unique_ptr<Statement> partial;
    Statement* insert = nullptr;
    if (rows == RowsPerInsert) {
        if (!m_insertFull)
            m_insertFull =
                std::make_unique<Statement>(db, insertSql(RowsPerInsert), Statement::Kind::Writes);
        insert = m_insertFull.get();
    } else {
        partial = std::make_unique<Statement>(db, insertSql(rows),
                                              Statement::Kind::Writes); // once, at the end
        insert = partial.get();
    }
    const QVariant actor = Database::text(m_ctx.actor);
    const QVariant none(QMetaType::fromType<qlonglong>());
    for (const Entry& e : std::as_const(m_entries))
        insert->add(m_at)
            .add(e.from == 0 ? none : QVariant(e.from))
            .add(e.to == 0 ? none : QVariant(e.to))
            .add(e.cents)
            .add(e.kind)
            .add(actor)
            .add(Database::text(e.reference))
            .add(e.forAccount == 0 ? QVariant(QMetaType::fromType<qlonglong>())
                                   : QVariant(e.forAccount));
    m_entries.clear();
    return insert->exec();
}

Result<void> LedgerBatch::flush()
{
    if (auto w = writeEntries(); !w)
        return w;
    // Call charges, as Ledger::charge: a member or a SIP profile may go below zero (owed),
    // the company never; the WHERE makes the debit and its check one statement. Many rows
    // per UPDATE (UPDATE … FROM, SQLite 3.33 and PostgreSQL), in ascending ids as every
    // writer locks accounts.
    MultiRowStatement update(
        m_tx.db(),
        QStringLiteral("UPDATE accounts SET balance_cents = accounts.balance_cents - v.column2"
                       " FROM (VALUES "),
        QStringLiteral("(CAST(? AS BIGINT), CAST(? AS BIGINT))"),
        QStringLiteral(") AS v WHERE accounts.id = v.column1 AND (accounts.kind <> 'company'"
                       " OR accounts.balance_cents >= v.column2)"),
        RowsPerInsert);
    qint64 rows = 0;
    for (const auto& [account, cents] : m_debits) {
        if (cents == 0)
            continue;
        update.add(account).add(cents);
        ++rows;
        if (auto u = update.endRow(); !u)
            return u;
    }
    if (auto u = update.flush(); !u)
        return u;
    if (update.rowsAffected() != rows) {
        // Only the company's debit has a condition that can fail.
        const auto company = m_debits.find(Ledger::CompanyAccount);
        return Error::refused(
            tr("The balance is too low for %1.")
                .arg(Money::fromCents(company == m_debits.end() ? 0 : company->second).display()));
    }
    m_debits.clear();
    return m_summary.flush();
}

} // namespace sb
