#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
class Csv
{
public:
    struct Row
    {
        int line = 0; ///< 1-based line where the record starts
        QStringList fields;
    };
    /// Parses a whole document; `error` gets the line of an unterminated quote, if any.
    static QList<Row> parse(const QString& text, int* unterminatedLine = nullptr);
    /// One record, quoting fields only where needed, ended with CRLF.
    static QString record(const QStringList& fields);
};

} // namespace sb
