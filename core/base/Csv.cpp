#include "core/base/Csv.h"

#include <QRegularExpression>

namespace sb {

namespace {
bool isFormulaStart(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
           c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// The first character after any leading apostrophes, and how many there were.
qsizetype apostrophes(const QString& field)
{
    qsizetype n = 0;
    while (n < field.size() && field[n] == QLatin1Char('\''))
        ++n;
    return n;
}
} // namespace

QString Csv::neutralise(const QString& field)
{
    const qsizetype n = apostrophes(field);
    if (n >= field.size() || !isFormulaStart(field[n]))
        return field;
    if (n == 0 && field.startsWith(QLatin1Char('-'))) {
        static const QRegularExpression negativeNumber(QStringLiteral("^-[0-9]+(\\.[0-9]+)?\\z"));
        if (negativeNumber.match(field).hasMatch())
            return field;
    }
    return QLatin1Char('\'') + field;
}

QString Csv::restore(const QString& field)
{
    const qsizetype n = apostrophes(field);
    if (n == 0 || n >= field.size() || !isFormulaStart(field[n]))
        return field;
    return field.mid(1);
}

QList<Csv::Row> Csv::parse(const QString& text, int* unterminatedLine)
{
    QList<Row> rows;
    Row row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    row.line = 1;
    auto endField = [&] {
        row.fields.append(restore(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        // A blank line is no record.
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows.append(row);
        row = Row{};
        row.line = line;
    };
    if (unterminatedLine)
        *unterminatedLine = 0;
    int quoteStart = 0;
    const auto crlf = [&](qsizetype i) {
        return i + 1 < text.size() && text[i + 1] == QLatin1Char('\n');
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n') || (c == QLatin1Char('\r') && !crlf(i)))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteStart = line;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') && crlf(i)) {
            // the CR of a CRLF: the LF ends the record
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            // LF (Unix, and Windows after its CR) or a CR alone (files saved by old Mac
            // programs, Excel's "CSV (Macintosh)")
            ++line;
            endRow();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted && unterminatedLine)
        *unterminatedLine = quoteStart;
    if (fieldStarted || !field.isEmpty() || !row.fields.isEmpty())
        endRow();
    return rows;
}

QString Csv::record(const QStringList& fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString& field : fields) {
        const QString f = neutralise(field);
        if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) ||
            f.contains(QLatin1Char('\n')) || f.contains(QLatin1Char('\r')) || f != f.trimmed()) {
            QString q = f;
            q.replace(QLatin1String("\""), QLatin1String("\"\""));
            out.append(QLatin1Char('"') + q + QLatin1Char('"'));
        } else {
            out.append(f);
        }
    }
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

} // namespace sb
