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
};

void TestDisplayFormat::display_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("date");
    const QChar nbsp(0x00a0);
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("-1234.50")
                       << QStringLiteral("2026-02-01");
    QTest::newRow("en_US")
        << QStringLiteral("en_US") << QStringLiteral("-1,234.50")
        << QLocale(QStringLiteral("en_US")).toString(QDate(2026, 2, 1), QLocale::ShortFormat);
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

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
