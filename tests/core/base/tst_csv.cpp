// Csv: RFC 4180 reading (quotes, doubled quotes, line breaks in fields, CRLF, line numbers,
// unterminated quotes) and writing that reads back unchanged.

#include "core/base/Csv.h"

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
    void unterminatedQuote();
    void record_data();
    void record();
    void roundTrip();
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

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
