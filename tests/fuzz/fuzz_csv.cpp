// The CSV reader (core/base/Csv): any text parses without a crash, and every record it
// reads, written again with Csv::record, reads back as the same fields (formula
// neutralisation and quoting included).

#include "core/base/Csv.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    sb::fuzz::startQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = sb::fuzz::text(data, size);
    int unterminated = -1;
    const QList<sb::Csv::Row> rows = sb::Csv::parse(text, &unterminated);
    SB_FUZZ_CHECK(unterminated >= 0, QString::number(unterminated));
    // Lines as the reader counts them: LF, CRLF and a CR alone (old Mac files) each end one.
    const qsizetype lines = text.count(QLatin1Char('\n')) + text.count(QLatin1Char('\r')) -
                            text.count(QLatin1String("\r\n")) + 1;
    int previous = 0;
    QString written;
    for (const sb::Csv::Row& row : rows) {
        SB_FUZZ_CHECK(row.line > previous && row.line <= lines,
                      QStringLiteral("line %1 after %2").arg(row.line).arg(previous));
        previous = row.line;
        SB_FUZZ_CHECK(!row.fields.isEmpty(), QString());
        for (const QString& f : row.fields)
            SB_FUZZ_CHECK(sb::Csv::restore(sb::Csv::neutralise(f)) == f, f);
        written += sb::Csv::record(row.fields);
    }
    int again = -1;
    const QList<sb::Csv::Row> reread = sb::Csv::parse(written, &again);
    SB_FUZZ_CHECK(again == 0, written);
    SB_FUZZ_CHECK(
        reread.size() == rows.size(),
        QStringLiteral("%1 records, %2 after a round trip").arg(rows.size()).arg(reread.size()));
    for (qsizetype i = 0; i < rows.size(); ++i)
        SB_FUZZ_CHECK(reread[i].fields == rows[i].fields,
                      rows[i].fields.join(QLatin1Char('|')) + QStringLiteral(" became ") +
                          reread[i].fields.join(QLatin1Char('|')));
    return 0;
}
