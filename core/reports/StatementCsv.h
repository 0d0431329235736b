#pragma once

#include "core/base/Error.h"
#include "core/reports/MonthlyStatement.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

class QIODevice;

namespace sb {

/// The monthly statement as CSV: one section after another, each a header line and its rows,
/// every line beginning with the section's name (so a spreadsheet's filter or a script picks
/// one section), an empty line between sections. Money in the machine format ("12.50"),
/// times in ISO 8601 UTC, headers as stable keys (like the call history's export), every
/// field through Csv's formula guard.
///
/// Sections: `statement` (the month), `accounts` (company, profiles, members: balances and
/// spending), `departments`, `entries` (top-ups and allocations), `totals` (per ledger kind).
/// A caller adds a section of its own by passing it to write() after sections().
class StatementCsv
{
    Q_DECLARE_TR_FUNCTIONS(sb::StatementCsv)

public:
    struct Section
    {
        QString name;
        QStringList header;
        QList<QStringList> rows;
    };

    /// The statement's sections, in the order they are written.
    static QList<Section> sections(const MonthStatement& statement);
    /// Writes the sections to `out`.
    static Result<void> write(const QList<Section>& sections, QIODevice* out);
    /// Writes the statement (and `extra` sections after its own) to `path`, replaced only
    /// once the whole file is written (QSaveFile).
    static Result<void> writeFile(const MonthStatement& statement, const QString& path,
                                  const QList<Section>& extra = {});

    /// "company", "profile" or "member".
    static QString kindKey(StatementAccount::Kind kind);
};

} // namespace sb
