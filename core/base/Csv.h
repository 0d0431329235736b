#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
///
/// Formula injection: a spreadsheet runs a cell that begins with =, +, -, @, a tab or a
/// carriage return as a formula. record() writes such a field with an apostrophe in front
/// ('=SUM(A1) — shown as text), and parse() takes one leading apostrophe off again, so a
/// round trip is exact. The rule, both ways:
///  - export: a field matching ^'*[=+\-@\t\r] gets one more apostrophe in front, except a
///    plain negative decimal number such as -12.50 (a number, not a formula, so a spreadsheet
///    still sums it);
///  - import: a field matching ^'+[=+\-@\t\r] loses one apostrophe.
/// Fields that already began with apostrophes before such a character gain one, so they too
/// come back as they were.
class Csv
{
public:
    struct Row
    {
        int line = 0; ///< 1-based line where the record starts
        QStringList fields;
    };
    /// Parses a whole document; `error` gets the line of an unterminated quote, if any.
    /// Records end with LF, CRLF or a CR alone (old Mac files); a CR or LF inside quotes is
    /// kept as written.
    static QList<Row> parse(const QString& text, int* unterminatedLine = nullptr);
    /// One record, quoting fields only where needed, ended with CRLF.
    static QString record(const QStringList& fields);

    /// The field as record() writes it, before quoting: neutralised if a spreadsheet would
    /// run it as a formula.
    static QString neutralise(const QString& field);
    /// The inverse of neutralise(), which parse() applies to every field.
    static QString restore(const QString& field);
};

} // namespace sb
