// The chart models over a known account (tests/support/ChartAccount.h) on both engines, under
// QAbstractItemModelTester: the series values each holds (RawRole, exact), the labels in the
// locale, the by-department split, the rest of the bundle profiles in one row.

#include "tests/support/CoreTest.h"

#include "core/reports/ChartData.h"
#include "models/reports/BalanceHistoryModel.h"
#include "models/reports/BundleMinutesModel.h"
#include "models/reports/PeakCallsModel.h"
#include "models/reports/SpendingChartModel.h"
#include "tests/support/ChartAccount.h"

#include <QAbstractItemModelTester>

using namespace sb;

namespace {

qint64 rawAt(const QAbstractItemModel& m, int row, int column)
{
    return m.data(m.index(row, column), ChartTableModel::RawRole).toLongLong();
}

} // namespace

class TestChartModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SB_REQUIRE_PG_IF_ASKED();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void spending_data() { sbt::addEngineRows(); }
    void spending()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        SpendingChartModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.isAllZero());
        SB_VERIFY_OK(model.load(ChartData(ctx), SpendingChartModel::Split::ByKind));
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.columnLabels(),
                 QStringList({QStringLiteral("Numbers"), QStringLiteral("Channels"),
                              QStringLiteral("Bundles"), QStringLiteral("Calls")}));
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("Apr 2025"));
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("May"));
        QCOMPARE(model.headerData(9, Qt::Vertical).toString(), QStringLiteral("Jan 2026"));
        QCOMPARE(model.headerData(11, Qt::Vertical, ChartTableModel::RawRole).toDate(),
                 QDate(2026, 3, 1));
        QCOMPARE(rawAt(model, 9, 0), 600);
        QCOMPARE(rawAt(model, 11, 0), 0);
        QCOMPARE(rawAt(model, 11, 1), 3475);
        QCOMPARE(rawAt(model, 11, 2), 9000);
        QCOMPARE(rawAt(model, 11, 3), 11);
        QCOMPARE(model.data(model.index(11, 2)).toString(), QStringLiteral("90.00"));
        QVERIFY(!model.isAllZero());

        SB_VERIFY_OK(model.load(ChartData(ctx), SpendingChartModel::Split::ByDepartment));
        QCOMPARE(model.columnLabels(),
                 QStringList({QStringLiteral("Front office"), QStringLiteral("Support"),
                              QStringLiteral("Sales")}));
        QCOMPARE(rawAt(model, 11, 0), 7390);
        QCOMPARE(rawAt(model, 11, 1), 5086);
        QCOMPARE(rawAt(model, 11, 2), 10);
        QCOMPARE(rawAt(model, 9, 2), 600);

        auto top = ChartData(ctx).spendingByDepartment(12, 1);
        SB_VERIFY_OK(top);
        model.setSpending(*top, SpendingChartModel::Split::ByDepartment);
        // "2 other department(s)" until the English catalogue gives the plural.
        QCOMPARE(model.columnLabels().first(), QStringLiteral("Front office"));
        QVERIFY(model.columnLabels().last().startsWith(QStringLiteral("2 other department")));
        QCOMPARE(rawAt(model, 11, 1), 5096);
    }

    void spendingRelabelsInTheLocale()
    {
        SpendingChartModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ChartData::MonthlySpending s;
        s.months = {QDate(2025, 12, 1), QDate(2026, 1, 1)};
        s.series = {QString()};
        s.amounts = {{Money::fromCents(123456), Money::fromCents(0)}};
        model.setSpending(s, SpendingChartModel::Split::ByDepartment);
        QCOMPARE(model.columnLabels(), QStringList{QStringLiteral("No department")});
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("1,234.56"));
        QLocale::setDefault(QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
        model.retranslate();
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(),
                 QLocale().standaloneMonthName(1, QLocale::ShortFormat) + QStringLiteral(" 2026"));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("1\u00a0234,56"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void bundleMinutes_data() { sbt::addEngineRows(); }
    void bundleMinutes()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        BundleMinutesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        SB_VERIFY_OK(model.load(ChartData(ctx)));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BundleMinutesModel::ColumnCount));
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("Front"));
        QCOMPARE(rawAt(model, 0, BundleMinutesModel::Used), 0);
        QCOMPARE(rawAt(model, 0, BundleMinutesModel::Included), 10000);
        QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("Desk"));
        QCOMPARE(rawAt(model, 1, BundleMinutesModel::Used), 42);
        QCOMPARE(model.data(model.index(0, BundleMinutesModel::Included)).toString(),
                 QStringLiteral("10,000"));

        auto one = ChartData(ctx).bundleUsage(1);
        SB_VERIFY_OK(one);
        model.setUsage(*one);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.headerData(1, Qt::Vertical)
                    .toString()
                    .startsWith(QStringLiteral("1 other profile")));
        QCOMPARE(rawAt(model, 1, BundleMinutesModel::Used), 42);
        QCOMPARE(rawAt(model, 1, BundleMinutesModel::Included), 5000);
    }

    void peakCalls_data() { sbt::addEngineRows(); }
    void peakCalls()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        PeakCallsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 desk =
            sbt::scalar(ctx.db, QStringLiteral("SELECT id FROM profiles WHERE name = 'Desk'"))
                .toLongLong();
        SB_VERIFY_OK(model.load(ChartData(ctx), desk));
        QCOMPARE(model.rowCount(), 30);
        QCOMPARE(model.headerData(29, Qt::Vertical, ChartTableModel::RawRole).toDate(),
                 QDate(2026, 3, 10));
        QCOMPARE(model.headerData(29, Qt::Vertical).toString(), QStringLiteral("3/10"));
        QCOMPARE(rawAt(model, 24, PeakCallsModel::Peak), 1);
        QCOMPARE(rawAt(model, 28, PeakCallsModel::Peak), 2);
        QCOMPARE(rawAt(model, 29, PeakCallsModel::Peak), 2);
        QCOMPARE(rawAt(model, 0, PeakCallsModel::Peak), 0);
        for (int r = 0; r < 30; ++r)
            QCOMPARE(rawAt(model, r, PeakCallsModel::Channels), 3);
        QVERIFY(!model.load(ChartData(ctx), 999).ok());
    }

    void balance_data() { sbt::addEngineRows(); }
    void balance()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const Context& ctx = *env.ctx;
        BalanceHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        SB_VERIFY_OK(model.load(ChartData(ctx)));
        QVERIFY(model.isAllZero());
        QVERIFY(model.history().isEmpty());
        QCOMPARE(sbt::buildChartAccount(ctx, env.clock), QString());
        SB_VERIFY_OK(model.load(ChartData(ctx)));
        QCOMPARE(model.rowCount(), 90);
        QCOMPARE(model.columnCount(), 1);
        QCOMPARE(rawAt(model, 0, BalanceHistoryModel::Balance), 0);
        QCOMPARE(rawAt(model, 35, BalanceHistoryModel::Balance), 49400); // 2026-01-15
        QCOMPARE(rawAt(model, 34, BalanceHistoryModel::Balance), 0);
        QCOMPARE(rawAt(model, 89, BalanceHistoryModel::Balance), 26925);
        QCOMPARE(model.data(model.index(89, 0)).toString(), QStringLiteral("269.25"));
    }
};

QTEST_GUILESS_MAIN(TestChartModels)
#include "tst_chartmodels.moc"
