// Clock, FixedClock, SystemClock and Context: "now" comes from one injectable clock, always
// in UTC, and is stored as ISO 8601 with seconds.

#include "core/base/FixedClock.h"
#include "core/base/SystemClock.h"
#include "core/storage/Context.h"

#include <QTest>
#include <QTimeZone>

class TestClock : public QObject
{
    Q_OBJECT

private slots:
    void fixedClockIsUtc();
    void fixedClockSetAndAdvance();
    void systemClockIsUtcAndCurrent();
    void contextNowText();
    void currentOsUser();
};

void TestClock::fixedClockIsUtc()
{
    // 23:30 in New York on 31 January is already 1 February in UTC.
    const QDateTime local(QDate(2026, 1, 31), QTime(23, 30),
                          QTimeZone(QByteArrayLiteral("America/New_York")));
    sb::FixedClock clock(local);
    QCOMPARE(clock.now().timeSpec(), Qt::UTC);
    QCOMPARE(clock.now(), QDateTime(QDate(2026, 2, 1), QTime(4, 30), Qt::UTC));
    QCOMPARE(clock.now().date(), QDate(2026, 2, 1));
}

void TestClock::fixedClockSetAndAdvance()
{
    sb::FixedClock clock(QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC));
    clock.advanceSecs(1);
    QCOMPARE(clock.now(), QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC));
    clock.advanceSecs(-86400);
    QCOMPARE(clock.now(), QDateTime(QDate(2026, 12, 31), QTime(0, 0), Qt::UTC));
    clock.set(QDateTime(QDate(2028, 2, 29), QTime(12, 0), QTimeZone(3600)));
    QCOMPARE(clock.now(), QDateTime(QDate(2028, 2, 29), QTime(11, 0), Qt::UTC));
    QCOMPARE(clock.now().timeSpec(), Qt::UTC);
}

void TestClock::systemClockIsUtcAndCurrent()
{
    const sb::SystemClock clock;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = clock.now();
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(now.timeSpec(), Qt::UTC);
    QVERIFY(before <= now && now <= after);
}

void TestClock::contextNowText()
{
    sb::FixedClock clock(QDateTime(QDate(2026, 3, 1), QTime(0, 0, 5, 999), QTimeZone(-5 * 3600)));
    const sb::Context ctx{*sb::Database::open(QStringLiteral(":memory:")), &clock,
                          QStringLiteral("ewa")};
    QCOMPARE(ctx.now(), QDateTime(QDate(2026, 3, 1), QTime(5, 0, 5, 999), Qt::UTC));
    // Sortable text, seconds, 'Z': what every table stores.
    QCOMPARE(ctx.nowText(), QStringLiteral("2026-03-01T05:00:05Z"));
    QCOMPARE(ctx.actor, QStringLiteral("ewa"));
}

void TestClock::currentOsUser()
{
    const QByteArray user = qgetenv("USER");
    const QByteArray username = qgetenv("USERNAME");
    qputenv("USER", "sigrid");
    QCOMPARE(sb::currentOsUser(), QStringLiteral("sigrid"));
    qunsetenv("USER");
    qputenv("USERNAME", "joris");
    QCOMPARE(sb::currentOsUser(), QStringLiteral("joris"));
    qunsetenv("USERNAME");
    QCOMPARE(sb::currentOsUser(), QStringLiteral("admin"));
    if (!user.isNull())
        qputenv("USER", user);
    if (!username.isNull())
        qputenv("USERNAME", username);
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
