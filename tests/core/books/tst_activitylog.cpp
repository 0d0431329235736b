// ActivityLog: the audit log. Lines land with the caller's transaction, are listed newest
// first, paged, counted, and searched case-insensitively (also for non-ASCII names) on both
// engines alike.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/storage/Transaction.h"

using sb::ActivityEntry;
using sb::ActivityLog;

namespace {
QStringList subjects(const QList<ActivityEntry>& entries)
{
    QStringList out;
    for (const ActivityEntry& e : entries)
        out << e.subject;
    return out;
}

// record() only joins a caller's transaction: each line here is written in one of its own.
sb::Result<void> recordAlone(const ActivityLog& log, const sb::Database& db, const QString& action,
                             const QString& subject, const QString& details)
{
    return sb::Transaction::run(
        db, [&](sb::Transaction& tx) { return log.record(tx, action, subject, details); });
}
} // namespace

class TestActivityLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void recordWritesEverything_data() { sbt::addEngineRows(); }
    void recordWritesEverything();
    void recordJoinsTransaction_data() { sbt::addEngineRows(); }
    void recordJoinsTransaction();
    void pageNewestFirst_data() { sbt::addEngineRows(); }
    void pageNewestFirst();
    void search_data();
    void search();
    void actionNames();
};

void TestActivityLog::recordWritesEverything()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    e.open(QStringLiteral("kari.admin"));
    const ActivityLog log(*e.ctx);
    SB_VERIFY_OK(recordAlone(log, e.db(), QStringLiteral("member.add"),
                             QStringLiteral("ola.nordmann"),
                             QStringLiteral("Added member Ola Nordmann (ola.nordmann)")));
    auto count = log.count();
    SB_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
    auto page = log.page(0, 10);
    SB_VERIFY_OK(page);
    QCOMPARE(page->size(), 1);
    const ActivityEntry& a = page->first();
    QVERIFY(a.id > 0);
    QCOMPARE(a.at, sbt::defaultNow());
    QCOMPARE(a.at.timeSpec(), Qt::UTC);
    QCOMPARE(a.actor, QStringLiteral("kari.admin"));
    QCOMPARE(a.action, QStringLiteral("member.add"));
    QCOMPARE(a.subject, QStringLiteral("ola.nordmann"));
    QCOMPARE(a.details, QStringLiteral("Added member Ola Nordmann (ola.nordmann)"));
}

void TestActivityLog::recordJoinsTransaction()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const ActivityLog log(*e.ctx);
    {
        auto tx = sb::Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(log.record(tx.value(), QStringLiteral("a"), QString(), QString()));
    }
    QCOMPARE(*log.count(), qint64(0));
    {
        auto tx = sb::Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(log.record(tx.value(), QStringLiteral("a"), QString(), QString()));
        SB_VERIFY_OK(tx->commit());
    }
    QCOMPARE(*log.count(), qint64(1));
}

void TestActivityLog::pageNewestFirst()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const ActivityLog log(*e.ctx);
    for (int i = 0; i < 7; ++i) {
        SB_VERIFY_OK(
            recordAlone(log, e.db(), QStringLiteral("test"), QString::number(i), QString()));
        e.clock.advanceSecs(1);
    }
    QCOMPARE(subjects(*log.page(0, 3)),
             (QStringList{QStringLiteral("6"), QStringLiteral("5"), QStringLiteral("4")}));
    QCOMPARE(subjects(*log.page(3, 3)),
             (QStringList{QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));
    QCOMPARE(subjects(*log.page(6, 3)), QStringList{QStringLiteral("0")});
    QCOMPARE(subjects(*log.page(7, 3)), QStringList());
    QCOMPARE(*log.count(), qint64(7));
}

void TestActivityLog::search_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("expected"); // subjects, newest first
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        auto row = [&](const char* tag, const QString& needle, const QStringList& expected) {
            QTest::addRow("%s: %s", qPrintable(engine), tag) << engine << needle << expected;
        };
        row("action", QStringLiteral("TOPUP"), {QStringLiteral("s1")});
        row("subject", QStringLiteral("Kowalski"), {QStringLiteral("jan.kowalski")});
        row("details", QStringLiteral("new balance"),
            {QStringLiteral("jan.kowalski"), QStringLiteral("s1")});
        row("actor", QStringLiteral("ROBOT"), {QStringLiteral("robot-subject")});
        row("non-ascii upper finds lower", QStringLiteral("ØDEGÅRD"),
            {QStringLiteral("ingrid.odegard")});
        row("non-ascii lower finds upper", QStringLiteral("łukasz"), {QStringLiteral("lukasz.w")});
        row("polish upper", QStringLiteral("ŻANETA"), {QStringLiteral("lukasz.w")});
        row("percent is literal", QStringLiteral("100%"), {QStringLiteral("s1")});
        row("underscore is literal", QStringLiteral("a_b"), {QStringLiteral("robot-subject")});
        row("no match", QStringLiteral("zzz"), {});
        row("blank is everything", QStringLiteral("  "),
            {QStringLiteral("robot-subject"), QStringLiteral("lukasz.w"),
             QStringLiteral("ingrid.odegard"), QStringLiteral("jan.kowalski"),
             QStringLiteral("s1")});
    }
}

void TestActivityLog::search()
{
    QFETCH(QString, engine);
    QFETCH(QString, needle);
    QFETCH(QStringList, expected);
    SB_ENV(e, engine);
    {
        const ActivityLog log(*e.ctx);
        SB_VERIFY_OK(recordAlone(log, e.db(), QStringLiteral("company.topup"), QStringLiteral("s1"),
                                 QStringLiteral("Top-up of 100% of the order, new balance 5.00")));
        SB_VERIFY_OK(recordAlone(
            log, e.db(), QStringLiteral("credit.allocate"), QStringLiteral("jan.kowalski"),
            QStringLiteral("Allocated 1.00 to Jan Kowalski; new balance 1.00")));
        SB_VERIFY_OK(recordAlone(log, e.db(), QStringLiteral("member.add"),
                                 QStringLiteral("ingrid.odegard"),
                                 QStringLiteral("Added member Ingrid Ødegård (axb)")));
        SB_VERIFY_OK(recordAlone(log, e.db(), QStringLiteral("member.add"),
                                 QStringLiteral("lukasz.w"),
                                 QStringLiteral("Added member Łukasz Wójcik and Żaneta")));
    }
    e.open(QStringLiteral("Robot"));
    SB_VERIFY_OK(recordAlone(ActivityLog(*e.ctx), e.db(), QStringLiteral("demo.generate"),
                             QStringLiteral("robot-subject"),
                             QStringLiteral("a_b and 1000 calls")));
    auto found = ActivityLog(*e.ctx).page(0, 50, needle);
    SB_VERIFY_OK(found);
    QCOMPARE(subjects(*found), expected);
}

void TestActivityLog::actionNames()
{
    QCOMPARE(ActivityLog::actionName(QStringLiteral("company.topup")),
             QStringLiteral("Company top-up"));
    QCOMPARE(ActivityLog::actionName(QStringLiteral("autorecharge.failed")),
             QStringLiteral("Auto-recharge not paid"));
    QCOMPARE(ActivityLog::actionName(QStringLiteral("autorecharge.suspended")),
             QStringLiteral("Auto-recharge suspended"));
    QCOMPARE(ActivityLog::actionName(QStringLiteral("no.such.action")),
             QStringLiteral("no.such.action"));
}

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
