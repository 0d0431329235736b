// ActivityModel: the audit log newest first, lazy pages through ActivityLog::page, search in SQL.
#include "core/base/DisplayFormat.h"
#include "core/base/FixedClock.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/storage/Context.h"
#include "core/storage/Transaction.h"
#include "models/books/ActivityModel.h"
#include "tests/support/TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace sb;

class TestActivityModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void underModelTester();
    void fetchesLazilyNewestFirst();
    void searchFiltersInSql();
    void dataRoles();
    void refreshShowsNewEntries();

private:
    static constexpr int Entries = 600;
    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_ctx;
    QDateTime m_start;
};

void TestActivityModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_db = std::make_unique<test::TestDatabase>(QStringLiteral("sqlite"));
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_start = QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC);
    m_clock = std::make_unique<FixedClock>(m_start);
    m_ctx = std::make_unique<Context>(Context{m_db->db(), m_clock.get(), QStringLiteral("tester")});
    // One transaction for speed; each entry a minute after the one before.
    auto written = Transaction::run(m_ctx->db, [&](Transaction& tx) -> Result<int> {
        const ActivityLog log(*m_ctx);
        for (int i = 0; i < Entries; ++i) {
            m_clock->set(m_start.addSecs(60 * i));
            const bool topUp = i % 3 == 0;
            const QString entry = QStringLiteral("entry %1").arg(i);
            auto r = log.record(
                tx, topUp
                        ? ActivityEvent::companyTopUp(Money::fromCents(100 * (i + 1)), entry)
                        : ActivityEvent::memberAdded(
                              QStringLiteral("member.%1").arg(i, 4, 10, QLatin1Char('0')), entry));
            if (!r)
                return r.error();
        }
        return Entries;
    });
    QVERIFY2(written.ok(), written ? "" : qPrintable(written.error().message));
}

void TestActivityModel::underModelTester()
{
    ActivityModel model(*m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Qt 6.4.2's tester fetches more from inside its own modelReset handler before it has
    // closed the reset ("changeInFlight"): fetching is driven here instead, and every
    // insertion it makes is still checked by the tester.
    tester.setUseFetchMore(false);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QVERIFY(model.rowCount() >= Entries);
    model.setSearch(QStringLiteral("topup"));
    model.fetchMore({});
    model.retranslate(); // with a search: the kind names it matched may have changed
    model.setSearch(QString());
    model.retranslate();
    model.refresh();
}

void TestActivityModel::fetchesLazilyNewestFirst()
{
    ActivityModel model(*m_ctx);
    QCOMPARE(model.rowCount(), ActivityModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * ActivityModel::PageSize);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), Entries);
    QVERIFY(!model.canFetchMore({}));
    qint64 previousId = std::numeric_limits<qint64>::max();
    QDateTime previousAt = QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC);
    for (int row = 0; row < model.rowCount(); ++row) {
        const qint64 id = model.data(model.index(row, 0), ActivityModel::IdRole).toLongLong();
        const QDateTime at =
            model.data(model.index(row, ActivityModel::Time), ActivityModel::RawValueRole)
                .toDateTime();
        QVERIFY(id < previousId);
        QVERIFY(at <= previousAt);
        previousId = id;
        previousAt = at;
    }
    QCOMPARE(ActivityLog::describe(model.entry(0)),
             QStringLiteral("Added member entry %1 (member.0%1)").arg(Entries - 1));
    QCOMPARE(ActivityLog::describe(model.entry(Entries - 1)),
             QStringLiteral("Top-up of 1.00, reference entry 0"));
}

void TestActivityModel::searchFiltersInSql()
{
    ActivityModel model(*m_ctx);
    model.setSearch(QStringLiteral("COMPANY.TOPUP"));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), Entries / 3);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, ActivityModel::Action), ActivityModel::RawValueRole)
                     .toString(),
                 QStringLiteral("company.topup"));
    // By the kind's name in the reader's language.
    model.setSearch(QStringLiteral("company TOP-up"));
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), Entries / 3);
    model.setSearch(QStringLiteral("member.0043"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, ActivityModel::Subject)).toString(),
             QStringLiteral("member.0043"));
    model.setSearch(QStringLiteral("nothing like this"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestActivityModel::dataRoles()
{
    ActivityModel model(*m_ctx);
    model.setSearch(QStringLiteral("entry 3"));
    // "entry 3", "entry 30".."entry 39", "entry 300".."entry 399": the oldest is "entry 3".
    while (model.canFetchMore({}))
        model.fetchMore({});
    const int last = model.rowCount() - 1;
    QCOMPARE(model.entry(last).kind, ActivityKind::CompanyTopUp);
    const QDateTime at = m_start.addSecs(60 * 3);
    QCOMPARE(model.data(model.index(last, ActivityModel::Time), ActivityModel::RawValueRole)
                 .toDateTime(),
             at);
    QCOMPARE(model.data(model.index(last, ActivityModel::Time)).toString(),
             sb::shortDateTime(QLocale(), at.toLocalTime()));
    QCOMPARE(model.data(model.index(last, ActivityModel::Actor)).toString(),
             QStringLiteral("tester"));
    QCOMPARE(model.data(model.index(last, ActivityModel::Action)).toString(),
             ActivityLog::kindName(ActivityKind::CompanyTopUp));
    QCOMPARE(model.data(model.index(last, ActivityModel::Action)).toString(),
             QStringLiteral("Company top-up"));
    QCOMPARE(model.data(model.index(last, ActivityModel::Action), ActivityModel::RawValueRole)
                 .toString(),
             QStringLiteral("company.topup"));
    QCOMPARE(model.data(model.index(last, ActivityModel::Details)).toString(),
             QStringLiteral("Top-up of 4.00, reference entry 3"));
    QCOMPARE(model.data(model.index(last, ActivityModel::Details), ActivityModel::RawValueRole)
                 .toMap()
                 .value(QStringLiteral("amount_cents"))
                 .toLongLong(),
             400);
    QCOMPARE(model.headerData(ActivityModel::Actor, Qt::Horizontal).toString(),
             QStringLiteral("Who"));
    QCOMPARE(model.columnCount(), int(ActivityModel::ColumnCount));
}

void TestActivityModel::refreshShowsNewEntries()
{
    ActivityModel model(*m_ctx);
    m_clock->set(m_start.addDays(1));
    QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(4200), QStringLiteral("INV-42")).ok());
    QVERIFY(ActivityLog::describe(model.entry(0)) !=
            QStringLiteral("Top-up of 42.00, reference INV-42"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(ActivityLog::describe(model.entry(0)),
             QStringLiteral("Top-up of 42.00, reference INV-42"));
    QCOMPARE(model.entry(0).at, m_start.addDays(1));
}

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
