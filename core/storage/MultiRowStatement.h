#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"

#include <QString>
#include <QVariant>

#include <functional>
#include <map>
#include <memory>

namespace sb {

/// One statement over many rows of bound values: `head`, then up to `rowsPerStatement`
/// copies of `row` separated by commas, then `tail`. For bulk writes (the demo, imports,
/// the ledger's summaries), where one execution per row would cost a round trip and a
/// statement each: the rows go in chunks, each chunk size prepared once (the full one, and
/// the shorter last one at flush()).
///
///   MultiRowStatement insert(db, "INSERT INTO t (a, b) VALUES ", "(?, ?)", "", 128);
///   insert.add(1).add(x); insert.endRow(); ... insert.flush();
///
/// Keep rowsPerStatement × values per row well under both engines' limits (SQLite 32,766,
/// PostgreSQL 65,535), and for an upsert make each chunk's keys distinct (PostgreSQL
/// refuses to update one row twice in one statement).
class MultiRowStatement
{
public:
    MultiRowStatement(const Database& db, QString head, QString row, QString tail,
                      int rowsPerStatement);
    ~MultiRowStatement();
    MultiRowStatement(const MultiRowStatement&) = delete;
    MultiRowStatement& operator=(const MultiRowStatement&) = delete;

    MultiRowStatement& add(const QVariant& value)
    {
        m_values.append(value);
        return *this;
    }
    /// Ends a row; runs the statement when rowsPerStatement rows are waiting.
    Result<void> endRow();
    /// Runs the rows still waiting.
    Result<void> flush();
    /// Called after each execution with the rows it returned (`RETURNING id`), each its
    /// values in order.
    void onExecuted(std::function<Result<void>(const QList<QVariantList>&)> f)
    {
        m_onExecuted = std::move(f);
    }
    /// The rows the executions so far changed, together.
    qint64 rowsAffected() const { return m_rowsAffected; }
    int waitingRows() const { return m_rows; }

private:
    Result<void> run(int rows);

    Database m_db;
    QString m_head, m_row, m_tail;
    int m_rowsPerStatement;
    int m_rows = 0;
    QVariantList m_values;
    std::map<int, std::unique_ptr<Statement>> m_statements; // by rows
    std::function<Result<void>(const QList<QVariantList>&)> m_onExecuted;
    qint64 m_rowsAffected = 0;
};

} // namespace sb
