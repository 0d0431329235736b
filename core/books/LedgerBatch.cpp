#include "core/books/LedgerBatch.h"

#include "core/storage/Transaction.h"

#include <limits>

namespace sb {

namespace {

QString insertSql(int rows)
{
    QString sql = QStringLiteral("INSERT INTO ledger (at, from_account, to_account, amount_cents,"
                                 " kind, actor, reference, note, for_account) VALUES ");
    for (int i = 0; i < rows; ++i)
        sql += i == 0 ? QStringLiteral("(?, ?, NULL, ?, ?, ?, ?, '', ?)")
                      : QStringLiteral(", (?, ?, NULL, ?, ?, ?, ?, '', ?)");
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
    if (!amount.isPositive() || account == 0)
        return Error::invalid(tr("The amount must be greater than zero."));
    qint64& pending = m_debits[account];
    if (amount.cents() > std::numeric_limits<qint64>::max() - pending)
        return Error::invalid(tr("The amounts add up to more than can be moved at once."));
    pending += amount.cents();
    m_entries.append({account, amount.cents(), kind, reference, forAccount});
    m_summary.add(m_at, account, 0, amount.cents(), kind, forAccount);
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
            m_insertFull = std::make_unique<Statement>(db, insertSql(RowsPerInsert));
        insert = m_insertFull.get();
    } else {
        partial = std::make_unique<Statement>(db, insertSql(rows)); // once, at the end
        insert = partial.get();
    }
    const QVariant actor = Database::text(m_ctx.actor);
    for (const Entry& e : std::as_const(m_entries))
        insert->add(m_at)
            .add(e.account)
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
    if (m_debits.isEmpty())
        return m_summary.flush();
    // Call charges, as Ledger::charge: a member or a SIP profile may go below zero (owed),
    // the company never; the WHERE makes the debit and its check one statement.
    Statement update(m_tx.db(), QStringLiteral("UPDATE accounts SET balance_cents ="
                                               " balance_cents - ? WHERE id = ?"
                                               " AND (kind <> 'company' OR balance_cents >= ?)"));
    for (auto it = m_debits.cbegin(); it != m_debits.cend(); ++it) {
        if (it.value() == 0)
            continue;
        update.add(it.value()).add(it.key()).add(it.value());
        if (auto u = update.exec(); !u)
            return u;
        if (update.rowsAffected() != 1)
            return Error::refused(
                tr("The balance is too low for %1.").arg(Money::fromCents(it.value()).display()));
    }
    m_debits.clear();
    return m_summary.flush();
}

} // namespace sb
