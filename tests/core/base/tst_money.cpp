// Money: exact cents, the machine format, locale input and output, overflow, proration.

#include "core/base/Money.h"

#include <QLocale>
#include <QTest>

#include <limits>

using sb::Money;

namespace sb {
inline char* toString(const Money& m)
{
    return qstrdup(m.toString().toUtf8().constData());
}
} // namespace sb

namespace {
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

// Named characters, so the expectations say what they mean.
const QChar kNbsp(0x00a0);  // no-break space: nb_NO and pl_PL group separator
const QChar kNnbsp(0x202f); // narrow no-break space: fr_FR group separator
const QChar kMinus(0x2212); // minus sign: nb_NO negative sign

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parse_data();
    void parse();
    void toStringFormat_data();
    void toStringFormat();
    void machineRoundTrip();
    void arithmetic();
    void times_data();
    void times();
    void prorate_data();
    void prorate();

    void localeSeparators_data();
    void localeSeparators();
    void parseLocale_data();
    void parseLocale();
    void toLocaleString_data();
    void toLocaleString();
    void localeRoundTrip_data();
    void localeRoundTrip();
    void everyLocaleRoundTrip();
};

void TestMoney::initTestCase()
{
    // What this machine's QLocale says; the locale expectations below depend on it.
    for (const char* name : {"en_US", "nb_NO", "fr_FR", "nl_NL", "pl_PL"}) {
        const QLocale l(QString::fromLatin1(name));
        qInfo("%s: group U+%04X, decimal '%s', negative U+%04X", name,
              l.groupSeparator().isEmpty() ? 0 : l.groupSeparator().at(0).unicode(),
              qPrintable(l.decimalPoint()), l.negativeSign().at(0).unicode());
    }
}

// The machine format of the CLI, JSON and CSV: optional '-', ASCII digits, optional '.'
// followed by one or two digits. Decided: ".5" is accepted as 0.50 (a leading zero is not
// required); "5." is refused (a dot promises decimals); surrounding blanks are trimmed.
void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("cents");

    QTest::newRow("zero") << s("0") << true << qint64(0);
    QTest::newRow("whole") << s("12") << true << qint64(1200);
    QTest::newRow("one decimal") << s("12.5") << true << qint64(1250);
    QTest::newRow("two decimals") << s("12.50") << true << qint64(1250);
    QTest::newRow("cents only") << s("0.05") << true << qint64(5);
    QTest::newRow("negative cents") << s("-0.05") << true << qint64(-5);
    QTest::newRow("negative") << s("-12.50") << true << qint64(-1250);
    QTest::newRow("negative zero") << s("-0") << true << qint64(0);
    QTest::newRow("trimmed") << s(" 7.25 ") << true << qint64(725);
    QTest::newRow("leading zeros") << s("007.10") << true << qint64(710);
    QTest::newRow("no leading digit") << s(".5") << true << qint64(50);
    QTest::newRow("max operation") << s("10000000.00") << true << qint64(1'000'000'000);
    QTest::newRow("large") << s("9000000000000.99") << true << qint64(900'000'000'000'099);

    QTest::newRow("empty") << s("") << false << qint64(0);
    QTest::newRow("blank") << s("   ") << false << qint64(0);
    QTest::newRow("letters") << s("abc") << false << qint64(0);
    QTest::newRow("three decimals") << s("1.234") << false << qint64(0);
    QTest::newRow("exponent") << s("1e5") << false << qint64(0);
    QTest::newRow("minus alone") << s("-") << false << qint64(0);
    QTest::newRow("dot alone") << s(".") << false << qint64(0);
    QTest::newRow("minus dot") << s("-.") << false << qint64(0);
    QTest::newRow("trailing dot") << s("5.") << false << qint64(0);
    QTest::newRow("comma decimal") << s("1,50") << false << qint64(0);
    QTest::newRow("grouping comma") << s("1,000.00") << false << qint64(0);
    QTest::newRow("grouping space") << s("1 000") << false << qint64(0);
    QTest::newRow("plus sign") << s("+5") << false << qint64(0);
    QTest::newRow("double minus") << s("--5") << false << qint64(0);
    QTest::newRow("two dots") << s("12.5.0") << false << qint64(0);
    QTest::newRow("hex") << s("0x10") << false << qint64(0);
    QTest::newRow("arabic-indic digits") << s("\u0661\u0662") << false << qint64(0);
    QTest::newRow("fullwidth digits") << s("\uff11\uff12") << false << qint64(0);
    QTest::newRow("nan") << s("NaN") << false << qint64(0);
    QTest::newRow("inf") << s("inf") << false << qint64(0);
    QTest::newRow("overflow") << s("99999999999999999999") << false << qint64(0);
    QTest::newRow("overflow negative") << s("-99999999999999999999.99") << false << qint64(0);
    QTest::newRow("currency") << s("$5") << false << qint64(0);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, cents);
    const std::optional<Money> m = Money::parse(text);
    QCOMPARE(m.has_value(), ok);
    if (ok)
        QCOMPARE(m->cents(), cents);
}

void TestMoney::toStringFormat_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << s("0.00");
    QTest::newRow("cent") << qint64(1) << s("0.01");
    QTest::newRow("ten cents") << qint64(10) << s("0.10");
    QTest::newRow("negative cent") << qint64(-5) << s("-0.05");
    QTest::newRow("negative") << qint64(-100) << s("-1.00");
    QTest::newRow("no grouping") << qint64(123456789) << s("1234567.89");
    QTest::newRow("max") << kMax << s("92233720368547758.07");
}

void TestMoney::toStringFormat()
{
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(Money::fromCents(cents).toString(), text);
}

void TestMoney::machineRoundTrip()
{
    for (qint64 c : {qint64(0), qint64(1), qint64(-1), qint64(99), qint64(100), qint64(-123456),
                     qint64(1'000'000'000), qint64(123'456'789'012'345)}) {
        const auto back = Money::parse(Money::fromCents(c).toString());
        QVERIFY2(back.has_value(), qPrintable(Money::fromCents(c).toString()));
        QCOMPARE(back->cents(), c);
    }
}

void TestMoney::arithmetic()
{
    const Money a = Money::fromCents(1050);
    const Money b = Money::fromCents(-75);
    QCOMPARE((a + b).cents(), qint64(975));
    QCOMPARE((a - b).cents(), qint64(1125));
    QCOMPARE((-a).cents(), qint64(-1050));
    Money c = a;
    c += Money::fromCents(50);
    QCOMPARE(c.cents(), qint64(1100));
    c -= Money::fromCents(1100);
    QVERIFY(c.isZero());
    QVERIFY(!c.isPositive());
    QVERIFY(!c.isNegative());
    QVERIFY(b.isNegative());
    QVERIFY(a.isPositive());
    QVERIFY(b < a);
    QVERIFY(a == Money::fromCents(1050));
    QVERIFY(Money() == Money::fromCents(0));
    QCOMPARE(Money::MaxOperationCents, qint64(1'000'000'000));
}

void TestMoney::times_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("product");
    QTest::newRow("simple") << qint64(695) << qint64(3) << true << qint64(2085);
    QTest::newRow("negative") << qint64(-100) << qint64(3) << true << qint64(-300);
    QTest::newRow("by zero") << qint64(500) << qint64(0) << true << qint64(0);
    QTest::newRow("largest fitting") << kMax / 2 << qint64(2) << true << kMax - 1;
    QTest::newRow("overflow by two") << kMax << qint64(2) << false << qint64(0);
    QTest::newRow("overflow large count")
        << qint64(1'000'000'000) << qint64(10'000'000'000) << false << qint64(0);
    QTest::newRow("overflow negative") << kMin << qint64(-1) << false << qint64(0);
    QTest::newRow("overflow towards min") << kMin / 2 << qint64(3) << false << qint64(0);
}

void TestMoney::times()
{
    QFETCH(qint64, cents);
    QFETCH(qint64, count);
    QFETCH(bool, ok);
    QFETCH(qint64, product);
    const auto r = Money::fromCents(cents).times(count);
    QCOMPARE(r.has_value(), ok);
    if (ok)
        QCOMPARE(r->cents(), product);
}

// Refunds and prorations round half up to the cent; for negative amounts "half up" means
// away from zero, so that a refund and its reversal are mirror images.
void TestMoney::prorate_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<qint64>("expected");
    // The spec's example: 3000 unused minutes of a 30.00 bundle of 5000 minutes -> 18.00.
    QTest::newRow("bundle refund") << qint64(3000) << qint64(3000) << qint64(5000) << qint64(1800);
    QTest::newRow("exact") << qint64(4) << qint64(1) << qint64(2) << qint64(2);
    QTest::newRow("third down") << qint64(100) << qint64(1) << qint64(3) << qint64(33);
    QTest::newRow("two thirds up") << qint64(200) << qint64(1) << qint64(3) << qint64(67);
    QTest::newRow("half of a cent up") << qint64(1) << qint64(1) << qint64(2) << qint64(1);
    QTest::newRow("1.5 up") << qint64(3) << qint64(1) << qint64(2) << qint64(2);
    QTest::newRow("2.5 up") << qint64(5) << qint64(1) << qint64(2) << qint64(3);
    QTest::newRow("below half down") << qint64(1) << qint64(1) << qint64(3) << qint64(0);
    QTest::newRow("666.67") << qint64(1000) << qint64(2) << qint64(3) << qint64(667);
    QTest::newRow("1999.33") << qint64(2999) << qint64(2) << qint64(3) << qint64(1999);
    QTest::newRow("0.4999 down") << qint64(4999) << qint64(1) << qint64(10000) << qint64(0);
    QTest::newRow("0.5 up") << qint64(5000) << qint64(1) << qint64(10000) << qint64(1);
    QTest::newRow("negative half away") << qint64(-1) << qint64(1) << qint64(2) << qint64(-1);
    QTest::newRow("negative 2.5") << qint64(-5) << qint64(1) << qint64(2) << qint64(-3);
    QTest::newRow("negative third") << qint64(-100) << qint64(1) << qint64(3) << qint64(-33);
    QTest::newRow("negative two thirds") << qint64(-200) << qint64(1) << qint64(3) << qint64(-67);
    QTest::newRow("negative numerator") << qint64(5) << qint64(-1) << qint64(2) << qint64(-3);
    QTest::newRow("both negative") << qint64(-5) << qint64(-1) << qint64(2) << qint64(3);
    QTest::newRow("zero amount") << qint64(0) << qint64(5) << qint64(7) << qint64(0);
    QTest::newRow("zero numerator") << qint64(999) << qint64(0) << qint64(5) << qint64(0);
    QTest::newRow("no overflow whole") << kMax << qint64(3) << qint64(3) << kMax;
    QTest::newRow("no overflow half")
        << kMax << qint64(1) << qint64(2) << qint64(4611686018427387904);
    QTest::newRow("large minutes")
        << qint64(3000) << qint64(4'999'999'999) << qint64(5'000'000'000) << qint64(3000);
}

void TestMoney::prorate()
{
    QFETCH(qint64, cents);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, expected);
    QCOMPARE(Money::prorate(Money::fromCents(cents), numerator, denominator).cents(), expected);
}

// The separators this machine's CLDR data gives; every locale expectation below rests on them.
void TestMoney::localeSeparators_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QString>("negative");
    QTest::newRow("en_US") << s("en_US") << s(",") << s(".") << s("-");
    QTest::newRow("nb_NO") << s("nb_NO") << QString(kNbsp) << s(",") << QString(kMinus);
    QTest::newRow("fr_FR") << s("fr_FR") << QString(kNnbsp) << s(",") << s("-");
    QTest::newRow("nl_NL") << s("nl_NL") << s(".") << s(",") << s("-");
    QTest::newRow("pl_PL") << s("pl_PL") << QString(kNbsp) << s(",") << s("-");
}

void TestMoney::localeSeparators()
{
    QFETCH(QString, locale);
    QFETCH(QString, group);
    QFETCH(QString, decimal);
    QFETCH(QString, negative);
    const QLocale l(locale);
    QCOMPARE(l.groupSeparator(), group);
    QCOMPARE(l.decimalPoint(), decimal);
    QCOMPARE(l.negativeSign(), negative);
}

// What a person types. Group separators are accepted where the locale groups (en: ',' in
// groups of three; nl: '.' in groups of three; nb/fr/pl: any space, no-break or not); the
// machine '.' is accepted as the decimal mark where it cannot be a group separator (nb, fr,
// pl); an ambiguous or malformed entry is refused rather than guessed.
void TestMoney::parseLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("cents");

    auto row = [](const char* locale, const char* tag, const QString& text, bool ok, qint64 cents) {
        QTest::addRow("%s: %s", locale, tag) << s(locale) << text << ok << cents;
    };
    // en_US
    row("en_US", "grouped", s("1,234.50"), true, 123450);
    row("en_US", "plain", s("1234.50"), true, 123450);
    row("en_US", "grouped whole", s("1,234"), true, 123400);
    row("en_US", "two groups", s("1,234,567.89"), true, 123456789);
    row("en_US", "dollar", s("$1,234.50"), true, 123450);
    row("en_US", "code", s("12.50 USD"), true, 1250);
    row("en_US", "negative", s("-1,234.50"), true, -123450);
    row("en_US", "negative dollar", s("-$1,234.50"), true, -123450);
    row("en_US", "one decimal", s("0.5"), true, 50);
    row("en_US", "blanks", s("  12.50 "), true, 1250);
    row("en_US", "group of two", s("12,34"), false, 0);
    row("en_US", "trailing group of one", s("1,234,5"), false, 0);
    row("en_US", "european", s("1.234,50"), false, 0);
    // A group separator after the decimal mark is refused, not dropped ("1.2,3" is not 1.23).
    row("en_US", "group after decimal", s("1.2,3"), false, 0);
    row("en_US", "three decimals", s("1,234.567"), false, 0);
    row("en_US", "space grouping", s("1 234.50"), false, 0);
    row("en_US", "trailing dot", s("12."), false, 0);
    row("en_US", "empty", s(""), false, 0);
    row("en_US", "dollar alone", s("$"), false, 0);
    row("en_US", "letters", s("abc"), false, 0);
    // nb_NO: no-break space grouping, ',' decimal, U+2212 minus
    row("nb_NO", "nbsp grouped", s("1") + kNbsp + s("234,50"), true, 123450);
    row("nb_NO", "space grouped", s("1 234,50"), true, 123450);
    row("nb_NO", "narrow nbsp grouped", s("1") + kNnbsp + s("234,50"), true, 123450);
    row("nb_NO", "plain", s("1234,50"), true, 123450);
    row("nb_NO", "machine dot", s("1234.50"), true, 123450);
    row("nb_NO", "one decimal", s("12,5"), true, 1250);
    row("nb_NO", "minus sign", kMinus + s("12,50"), true, -1250);
    row("nb_NO", "hyphen minus", s("-12,50"), true, -1250);
    row("nb_NO", "code", s("1") + kNbsp + s("234,50") + kNbsp + s("USD"), true, 123450);
    row("nb_NO", "dot grouping", s("1.234,50"), false, 0);
    row("nb_NO", "english", s("1,234.50"), false, 0);
    row("nb_NO", "three decimals", s("12,345"), false, 0);
    row("nb_NO", "trailing comma", s("12,"), false, 0);
    row("nb_NO", "letters", s("tolv"), false, 0);
    // fr_FR: narrow no-break space grouping
    row("fr_FR", "narrow nbsp grouped", s("1") + kNnbsp + s("234,50"), true, 123450);
    row("fr_FR", "nbsp grouped", s("1") + kNbsp + s("234,50"), true, 123450);
    row("fr_FR", "space grouped", s("1 234,50"), true, 123450);
    row("fr_FR", "cents", s("0,05"), true, 5);
    row("fr_FR", "negative", s("-1 234,50"), true, -123450);
    row("fr_FR", "machine dot", s("3.5"), true, 350);
    row("fr_FR", "dot grouping", s("1.234,50"), false, 0);
    row("fr_FR", "three decimals", s("12,345"), false, 0);
    // nl_NL: '.' grouping, ',' decimal
    row("nl_NL", "grouped", s("1.234,50"), true, 123450);
    row("nl_NL", "plain", s("1234,50"), true, 123450);
    row("nl_NL", "two groups", s("1.234.567,89"), true, 123456789);
    row("nl_NL", "group after decimal", s("1,2.3"), false, 0);
    row("nl_NL", "grouped whole", s("12.345"), true, 1234500);
    row("nl_NL", "negative", s("-1.234,50"), true, -123450);
    row("nl_NL", "one decimal", s("0,5"), true, 50);
    row("nl_NL", "three decimals", s("12,345"), false, 0);
    row("nl_NL", "dot is a group, not a decimal", s("12.50"), false, 0);
    row("nl_NL", "english", s("1,234.50"), false, 0);
    row("nl_NL", "group after decimal", s("1,234.567"), false, 0);
    row("nl_NL", "short last group", s("1.234.50"), false, 0);
    // pl_PL: no-break space grouping (from five digits), ',' decimal
    row("pl_PL", "plain", s("1234,50"), true, 123450);
    row("pl_PL", "nbsp grouped", s("12") + kNbsp + s("345,50"), true, 1234550);
    row("pl_PL", "space grouped", s("12 345,50"), true, 1234550);
    row("pl_PL", "four digits grouped", s("1 234,50"), true, 123450);
    row("pl_PL", "machine dot", s("1234.5"), true, 123450);
    row("pl_PL", "negative cent", s("-0,01"), true, -1);
    row("pl_PL", "dot grouping", s("1.234,50"), false, 0);
    row("pl_PL", "three decimals", s("12,345"), false, 0);
}

void TestMoney::parseLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(qint64, cents);
    const std::optional<Money> m = Money::parseLocale(text, QLocale(locale));
    QVERIFY2(m.has_value() == ok,
             qPrintable(QStringLiteral("\"%1\" -> %2")
                            .arg(text, m ? m->toString() : QStringLiteral("refused"))));
    if (ok)
        QCOMPARE(m->cents(), cents);
}

void TestMoney::toLocaleString_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("currency");
    const QString usd = kNbsp + s("USD");
    QTest::newRow("en_US") << s("en_US") << qint64(123450) << s("1,234.50") << s("$1,234.50");
    QTest::newRow("en_US negative")
        << s("en_US") << qint64(-123450) << s("-1,234.50") << s("-$1,234.50");
    QTest::newRow("en_US cents") << s("en_US") << qint64(5) << s("0.05") << s("$0.05");
    QTest::newRow("nb_NO") << s("nb_NO") << qint64(123450) << s("1") + kNbsp + s("234,50")
                           << s("1") + kNbsp + s("234,50") + usd;
    QTest::newRow("nb_NO negative")
        << s("nb_NO") << qint64(-123450) << kMinus + s("1") + kNbsp + s("234,50")
        << kMinus + s("1") + kNbsp + s("234,50") + usd;
    QTest::newRow("fr_FR") << s("fr_FR") << qint64(123450) << s("1") + kNnbsp + s("234,50")
                           << s("1") + kNnbsp + s("234,50") + usd;
    QTest::newRow("nl_NL") << s("nl_NL") << qint64(123450) << s("1.234,50") << s("1.234,50") + usd;
    QTest::newRow("nl_NL million")
        << s("nl_NL") << qint64(100000000) << s("1.000.000,00") << s("1.000.000,00") + usd;
    QTest::newRow("pl_PL four digits")
        << s("pl_PL") << qint64(123450) << s("1234,50") << s("1234,50") + usd;
    QTest::newRow("pl_PL five digits")
        << s("pl_PL") << qint64(1234550) << s("12") + kNbsp + s("345,50")
        << s("12") + kNbsp + s("345,50") + usd;
}

void TestMoney::toLocaleString()
{
    QFETCH(QString, locale);
    QFETCH(qint64, cents);
    QFETCH(QString, plain);
    QFETCH(QString, currency);
    const QLocale l(locale);
    QCOMPARE(Money::fromCents(cents).toLocaleString(l), plain);
    QCOMPARE(Money::fromCents(cents).toCurrencyString(l), currency);
}

void TestMoney::localeRoundTrip_data()
{
    QTest::addColumn<QString>("locale");
    for (const char* name : {"en_US", "nb_NO", "fr_FR", "nl_NL", "pl_PL"})
        QTest::newRow(name) << s(name);
}

// Whatever the program prints in a locale, a person can paste back and get the same amount.
void TestMoney::localeRoundTrip()
{
    QFETCH(QString, locale);
    const QLocale l(locale);
    const qint64 amounts[] = {0,           1,      5,       99,         100,
                              1000,        123450, 1234550, 100000000,  1000000000,
                              99999999999, -1,     -123450, -1000000000};
    for (qint64 c : amounts) {
        const Money m = Money::fromCents(c);
        for (const QString& text : {m.toLocaleString(l), m.toCurrencyString(l)}) {
            const auto back = Money::parseLocale(text, l);
            QVERIFY2(back.has_value(),
                     qPrintable(QStringLiteral("%1 refused \"%2\"").arg(locale, text)));
            QCOMPARE(back->cents(), c);
        }
    }
}

// The same in every locale Qt knows, also those writing other digits than 0-9 (Arabic,
// Bengali, …) or whose zero digit lies outside the BMP (found by tests/fuzz/fuzz_money).
void TestMoney::everyLocaleRoundTrip()
{
    const QList<QLocale> all =
        QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    QVERIFY(all.size() > 300);
    QStringList failures;
    for (const QLocale& l : all) {
        for (qint64 c : {qint64(0), qint64(5), qint64(123450), qint64(-1234567890)}) {
            const Money m = Money::fromCents(c);
            for (const QString& text : {m.toLocaleString(l), m.toCurrencyString(l)}) {
                const auto back = Money::parseLocale(text, l);
                if (!back || back->cents() != c)
                    failures << QStringLiteral("%1: \"%2\"").arg(l.name(), text);
            }
        }
    }
    QVERIFY2(failures.isEmpty(),
             qPrintable(QStringLiteral("%1 failures, e.g. %2")
                            .arg(failures.size())
                            .arg(failures.mid(0, 5).join(QStringLiteral("; ")))));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
