// UtcFields: the calendar fields of a UTC instant without QDateTime, checked against
// QDateTime itself over leap days, month ends, times before 1970 and many random instants.

#include "core/base/UtcFields.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

class TestUtcFields : public QObject
{
    Q_OBJECT

private slots:
    void matchesQDateTime_data();
    void matchesQDateTime();
    void matchesQDateTimeAtRandom();
    void writesIsoText();
};

namespace {

QString text(const sb::UtcFields& f)
{
    char16_t out[19];
    f.write(out, u'T');
    return QString(reinterpret_cast<const QChar*>(out), 19);
}

QString expected(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

} // namespace

void TestUtcFields::matchesQDateTime_data()
{
    QTest::addColumn<QDateTime>("at");
    const auto utc = [](int y, int m, int d, int h, int mi, int s) {
        return QDateTime(QDate(y, m, d), QTime(h, mi, s), Qt::UTC);
    };
    QTest::newRow("epoch") << utc(1970, 1, 1, 0, 0, 0);
    QTest::newRow("second before the epoch") << utc(1969, 12, 31, 23, 59, 59);
    QTest::newRow("leap day 2000") << utc(2000, 2, 29, 12, 0, 1);
    QTest::newRow("no leap day 2100: 1 March") << utc(2100, 3, 1, 0, 0, 0);
    QTest::newRow("leap day 2028, last second") << utc(2028, 2, 29, 23, 59, 59);
    QTest::newRow("31 December") << utc(2026, 12, 31, 23, 59, 59);
    QTest::newRow("1 January") << utc(2027, 1, 1, 0, 0, 0);
    QTest::newRow("1600") << utc(1600, 2, 29, 6, 7, 8);
    QTest::newRow("9999") << utc(9999, 12, 31, 23, 59, 59);
}

void TestUtcFields::matchesQDateTime()
{
    QFETCH(QDateTime, at);
    const sb::UtcFields f = sb::UtcFields::fromSecsSinceEpoch(at.toSecsSinceEpoch());
    QCOMPARE(f.year, qint64(at.date().year()));
    QCOMPARE(int(f.month), at.date().month());
    QCOMPARE(int(f.day), at.date().day());
    QCOMPARE(int(f.hour), at.time().hour());
    QCOMPARE(int(f.minute), at.time().minute());
    QCOMPARE(int(f.second), at.time().second());
}

void TestUtcFields::matchesQDateTimeAtRandom()
{
    QRandomGenerator rng(20261127);
    for (int i = 0; i < 20000; ++i) {
        // 1000-01-01 .. 9999-12-31
        const qint64 secs = qint64(rng.bounded(quint64(284012524800ULL))) - 30610224000LL;
        QCOMPARE(text(sb::UtcFields::fromSecsSinceEpoch(secs)), expected(secs));
    }
}

void TestUtcFields::writesIsoText()
{
    char out[19];
    sb::UtcFields::fromSecsSinceEpoch(1768471205).write(out, ' ');
    QCOMPARE(QByteArray(out, 19), QByteArrayLiteral("2026-01-15 10:00:05"));
}

QTEST_GUILESS_MAIN(TestUtcFields)
#include "tst_utcfields.moc"
