// Money::display() and displayDate(): amounts and dates inside messages for a person follow
// the default locale; in the C locale (switchboardctl) they are the machine formats.

#include "core/base/DisplayFormat.h"
#include "core/base/Money.h"

#include <QLocale>
#include <QTest>

class TestDisplayFormat : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void display_data();
    void display();
    void fourDigitYears_data();
    void fourDigitYears();
};

void TestDisplayFormat::display_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("date");
    const QChar nbsp(0x00a0);
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("-1234.50")
                       << QStringLiteral("2026-02-01");
    QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("-1,234.50")
                           << QStringLiteral("2/1/2026"); // four digits, never Qt's "2/1/26"
    QTest::newRow("nb_NO") << QStringLiteral("nb_NO")
                           << QString(QChar(0x2212)) + QStringLiteral("1") + nbsp +
                                  QStringLiteral("234,50")
                           << QStringLiteral("01.02.2026");
    QTest::newRow("nl_NL") << QStringLiteral("nl_NL") << QStringLiteral("-1.234,50")
                           << QStringLiteral("01-02-2026");
}

void TestDisplayFormat::display()
{
    QFETCH(QString, locale);
    QFETCH(QString, amount);
    QFETCH(QString, date);
    QLocale::setDefault(locale == QLatin1String("C") ? QLocale::c() : QLocale(locale));
    QCOMPARE(sb::Money::fromCents(-123450).display(), amount);
    QCOMPARE(sb::displayDate(QDate(2026, 2, 1)), date);
    // What is displayed reads back.
    QCOMPARE(sb::Money::parseLocale(amount, QLocale()).value_or(sb::Money()).cents(),
             qint64(-123450));
}

void TestDisplayFormat::fourDigitYears_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("date");
    QTest::newRow("en_US") << QStringLiteral("en_US") << QStringLiteral("2/27/2027");
    QTest::newRow("nb_NO") << QStringLiteral("nb_NO") << QStringLiteral("27.02.2027");
    QTest::newRow("fr_FR") << QStringLiteral("fr_FR") << QStringLiteral("27/02/2027");
    QTest::newRow("nl_NL") << QStringLiteral("nl_NL") << QStringLiteral("27-02-2027");
    QTest::newRow("pl_PL") << QStringLiteral("pl_PL") << QStringLiteral("27.02.2027");
}

// Tables and panes show dates through shortDate/shortDateTime: an account spans years, and
// English's own short format ("2/27/27") does not say which century.
void TestDisplayFormat::fourDigitYears()
{
    QFETCH(QString, locale);
    QFETCH(QString, date);
    const QLocale l(locale);
    QCOMPARE(sb::shortDate(l, QDate(2027, 2, 27)), date);
    const QString moment = sb::shortDateTime(l, QDateTime(QDate(2027, 2, 27), QTime(9, 5)));
    QVERIFY2(moment.startsWith(date + QLatin1Char(' ')), qPrintable(moment));
    QVERIFY2(moment.contains(QLatin1String("9")) && moment.contains(QLatin1String("05")),
             qPrintable(moment));
    QVERIFY(sb::shortDateFormat(l).contains(QLatin1String("yyyy")));
}

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
