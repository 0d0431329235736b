// DashboardCharts offscreen over a known account (tests/support/ChartAccount.h): the values
// each chart shows (its bar sets and lines), the by-department switch, the profile chooser,
// a redraw when the Notifier announces a change, the background read, texts instead of
// empty frames, the language and locale, accessible names and summaries; and a picture of
// it (saved where $SWITCHBOARD_GUI_SHOTS says).

#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/storage/Context.h"
#include "core/storage/Notifier.h"
#include "models/reports/ChartTableModel.h"
#include "tests/support/ChartAccount.h"
#include "tests/support/GuiHarness.h"
#include "tests/support/TestDatabase.h"
#include "ui/charts/DashboardCharts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>

#include <memory>

using namespace sb;
using Chart = ui::DashboardCharts::Chart;

namespace {

/// A database with the known account (or empty), a fixed clock and a Notifier.
struct Fixture
{
    explicit Fixture(const QString& engine) : t(engine), clock(sbt::chartUtc(2026, 3, 10, 12))
    {
        if (t.ok())
            ctx = std::make_unique<Context>(
                Context{t.db(), &clock, QStringLiteral("tester"), &notifier});
    }
    test::TestDatabase t;
    FixedClock clock;
    Notifier notifier;
    std::unique_ptr<Context> ctx;
};

QList<QBarSet*> barSets(QChartView* view)
{
    for (QAbstractSeries* s : view->chart()->series())
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(s))
            return bars->barSets();
    return {};
}

QBarSet* barSet(QChartView* view, const QString& label)
{
    for (QBarSet* set : barSets(view))
        if (set->label() == label)
            return set;
    return nullptr;
}

QStringList labels(QChartView* view)
{
    QStringList out;
    for (QBarSet* set : barSets(view))
        out << set->label();
    return out;
}

QLineSeries* line(QChartView* view)
{
    for (QAbstractSeries* s : view->chart()->series())
        if (auto* l = qobject_cast<QLineSeries*>(s))
            return l;
    return nullptr;
}

} // namespace

class TestGuiCharts : public QObject
{
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsTheKnownAccount_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : test::TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }
    void showsTheKnownAccount()
    {
        QFETCH(QString, engine);
        Fixture f(engine);
        QVERIFY2(f.ctx, qPrintable(f.t.error()));
        QCOMPARE(sbt::buildChartAccount(*f.ctx, f.clock), QString());
        ui::DashboardCharts charts(*f.ctx, nullptr, ui::DashboardCharts::Loading::Immediate,
                                   QTimeZone::utc());
        charts.resize(1000, 350);
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        QCOMPARE(charts.objectName(), QStringLiteral("dashboardCharts"));

        // Spending by kind: March's bars.
        auto* spending = charts.findChild<QChartView*>(QStringLiteral("spendingChart"));
        QVERIFY(spending);
        QVERIFY(!charts.isShowingText(Chart::Spending));
        QVERIFY(qobject_cast<QStackedBarSeries*>(spending->chart()->series().value(0)));
        QCOMPARE(labels(spending),
                 QStringList({QStringLiteral("Numbers"), QStringLiteral("Channels"),
                              QStringLiteral("Bundles"), QStringLiteral("Calls")}));
        QCOMPARE(barSet(spending, QStringLiteral("Numbers"))->count(), 12);
        QCOMPARE(barSet(spending, QStringLiteral("Numbers"))->at(9), 6.00);
        QCOMPARE(barSet(spending, QStringLiteral("Channels"))->at(11), 34.75);
        QCOMPARE(barSet(spending, QStringLiteral("Bundles"))->at(11), 90.00);
        QCOMPARE(barSet(spending, QStringLiteral("Calls"))->at(11), 0.11);
        QCOMPARE(charts.seriesSummary(Chart::Spending),
                 QStringLiteral("Mar: Channels $34.75, Bundles $90.00, Calls $0.11. Twelve "
                                "months: $130.86."));
        QCOMPARE(spending->accessibleDescription(), charts.seriesSummary(Chart::Spending));
        QVERIFY(!spending->accessibleName().isEmpty());

        // By department: other series, the same money.
        auto* byDepartment =
            charts.findChild<QCheckBox*>(QStringLiteral("spendingByDepartmentCheck"));
        QVERIFY(byDepartment);
        byDepartment->click();
        QCOMPARE(labels(spending),
                 QStringList({QStringLiteral("Front office"), QStringLiteral("Support"),
                              QStringLiteral("Sales")}));
        QCOMPARE(barSet(spending, QStringLiteral("Front office"))->at(11), 73.90);
        QCOMPARE(barSet(spending, QStringLiteral("Support"))->at(11), 50.86);
        QCOMPARE(barSet(spending, QStringLiteral("Sales"))->at(9), 6.00);
        QVERIFY(charts.seriesSummary(Chart::Spending)
                    .endsWith(QStringLiteral("Twelve months: $130.86.")));
        byDepartment->click();
        QCOMPARE(labels(spending).first(), QStringLiteral("Numbers"));

        // Bundle minutes: the first profile on top (horizontal bars go from the bottom up).
        auto* bundles = charts.findChild<QChartView*>(QStringLiteral("bundleMinutesChart"));
        QVERIFY(bundles);
        QVERIFY(qobject_cast<QHorizontalBarSeries*>(bundles->chart()->series().value(0)));
        QBarSet* used = barSet(bundles, QStringLiteral("Minutes used"));
        QBarSet* included = barSet(bundles, QStringLiteral("Minutes included"));
        QVERIFY(used && included);
        QCOMPARE(used->count(), 2);
        QCOMPARE(used->at(0), 42.0); // Desk
        QCOMPARE(included->at(0), 5000.0);
        QCOMPARE(included->at(1), 10000.0); // Front
        QCOMPARE(charts.seriesSummary(Chart::BundleMinutes),
                 QStringLiteral("Front: 0 of 10,000 minutes used; Desk: 42 of 5,000 minutes "
                                "used."));

        // Peak calls of Desk (the first by name), against its 3 channels.
        auto* peaks = charts.findChild<QChartView*>(QStringLiteral("peakCallsChart"));
        auto* profile = charts.findChild<QComboBox*>(QStringLiteral("peakCallsProfileCombo"));
        QVERIFY(peaks && profile);
        QCOMPARE(profile->count(), 2);
        QCOMPARE(profile->currentText(), QStringLiteral("Desk"));
        QBarSet* most = barSet(peaks, QStringLiteral("Most calls at once"));
        QVERIFY(most);
        QCOMPARE(most->count(), 30);
        QCOMPARE(most->at(24), 1.0);
        QCOMPARE(most->at(28), 2.0);
        QCOMPARE(most->at(29), 2.0);
        QCOMPARE(most->sum(), 5.0);
        QVERIFY(line(peaks));
        QCOMPARE(line(peaks)->at(0).y(), 3.0);
        QCOMPARE(charts.seriesSummary(Chart::PeakCalls),
                 QStringLiteral("Desk (channels: 3): at most 2 calls at once, on Monday, March "
                                "9, 2026; all channels busy on 0 of 30 days."));
        // Front made no calls: a text instead of an empty chart.
        profile->setCurrentIndex(1);
        emit profile->activated(1);
        QCOMPARE(charts.peakProfileId(),
                 f.t.db()
                     .runFirst(QStringLiteral("SELECT id FROM profiles WHERE name = 'Front'"))
                     ->value(0)
                     .toLongLong());
        QVERIFY(charts.isShowingText(Chart::PeakCalls));
        QCOMPARE(charts.text(Chart::PeakCalls),
                 QStringLiteral("Front made no calls in the last 30 days."));
        QCOMPARE(peaks->accessibleDescription(), charts.text(Chart::PeakCalls));
        profile->setCurrentIndex(0);
        emit profile->activated(0);
        QVERIFY(!charts.isShowingText(Chart::PeakCalls));

        // The company balance, day by day.
        auto* balance = charts.findChild<QChartView*>(QStringLiteral("balanceChart"));
        QVERIFY(balance && line(balance));
        QCOMPARE(line(balance)->count(), 90);
        QCOMPARE(line(balance)->at(0).y(), 0.0);
        QCOMPARE(line(balance)->at(35).y(), 494.00);
        QCOMPARE(line(balance)->at(89).y(), 269.25);
        QVERIFY(charts.seriesSummary(Chart::Balance).contains(QStringLiteral("$269.25 now")));

        // The charts lay their legends out in the event loop, as the window does.
        QCoreApplication::processEvents();
        test::GuiHarness::shoot(&charts, QStringLiteral("dashboard-charts"));
        const QString shot = qEnvironmentVariable("SWITCHBOARD_CHARTS_PNG");
        if (!shot.isEmpty())
            QVERIFY(charts.grab().save(shot));
    }

    void redrawsWhenDataChanges()
    {
        Fixture f(QStringLiteral("sqlite"));
        QVERIFY2(f.ctx, qPrintable(f.t.error()));
        QCOMPARE(sbt::buildChartAccount(*f.ctx, f.clock), QString());
        ui::DashboardCharts charts(*f.ctx, nullptr, ui::DashboardCharts::Loading::Immediate,
                                   QTimeZone::utc());
        auto* balance = charts.findChild<QChartView*>(QStringLiteral("balanceChart"));
        QCOMPARE(line(balance)->at(89).y(), 269.25);
        // A top-up through the services: the Notifier tells the charts.
        QVERIFY(CompanyService(*f.ctx).topUp(Money::fromCents(10075), QStringLiteral("T2")).ok());
        QCOMPARE(line(balance)->at(89).y(), 370.00);
        QCOMPARE(line(balance)->at(88).y(), 269.25);
    }

    void readsInTheBackground()
    {
        Fixture f(QStringLiteral("sqlite"));
        QVERIFY2(f.ctx, qPrintable(f.t.error()));
        QCOMPARE(sbt::buildChartAccount(*f.ctx, f.clock), QString());
        ui::DashboardCharts charts(*f.ctx, nullptr, ui::DashboardCharts::Loading::Background,
                                   QTimeZone::utc());
        QSignalSpy loaded(&charts, &ui::DashboardCharts::loaded);
        QVERIFY(charts.isLoading());
        QVERIFY(charts.isShowingText(Chart::Spending));
        QVERIFY(loaded.wait(20000));
        QVERIFY(!charts.isShowingText(Chart::Spending));
        auto* spending = charts.findChild<QChartView*>(QStringLiteral("spendingChart"));
        QCOMPARE(barSet(spending, QStringLiteral("Bundles"))->at(11), 90.00);

        // Two announcements while a read runs: at most one more read after it, and the
        // last read sees both.
        QVERIFY(CompanyService(*f.ctx).topUp(Money::fromCents(100), QStringLiteral("T3")).ok());
        QVERIFY(charts.isLoading());
        QVERIFY(CompanyService(*f.ctx).topUp(Money::fromCents(100), QStringLiteral("T4")).ok());
        while (charts.isLoading())
            QVERIFY(loaded.wait(20000));
        QVERIFY2(loaded.count() == 2 || loaded.count() == 3,
                 qPrintable(QString::number(loaded.count())));
        auto* balance = charts.findChild<QChartView*>(QStringLiteral("balanceChart"));
        QCOMPARE(line(balance)->at(89).y(), 271.25);
    }

    void emptyAccountShowsTexts()
    {
        Fixture f(QStringLiteral("sqlite"));
        QVERIFY2(f.ctx, qPrintable(f.t.error()));
        ui::DashboardCharts charts(*f.ctx, nullptr, ui::DashboardCharts::Loading::Immediate,
                                   QTimeZone::utc());
        charts.resize(1000, 350);
        for (Chart c : {Chart::Spending, Chart::BundleMinutes, Chart::PeakCalls, Chart::Balance}) {
            QVERIFY(charts.isShowingText(c));
            QVERIFY(!charts.text(c).isEmpty());
            QCOMPARE(charts.seriesSummary(c), charts.text(c));
            QCOMPARE(charts.chartView(c)->accessibleDescription(), charts.text(c));
        }
        QVERIFY(
            !charts.findChild<QComboBox*>(QStringLiteral("peakCallsProfileCombo"))->isEnabled());
        QVERIFY(charts.findChild<QComboBox*>(QStringLiteral("peakCallsProfileCombo"))->isHidden());
        QCoreApplication::processEvents();
        test::GuiHarness::shoot(&charts, QStringLiteral("dashboard-charts-empty"));
        const QString shot = qEnvironmentVariable("SWITCHBOARD_CHARTS_EMPTY_PNG");
        if (!shot.isEmpty())
            QVERIFY(charts.grab().save(shot));
    }

    void followsTheLocale()
    {
        Fixture f(QStringLiteral("sqlite"));
        QVERIFY2(f.ctx, qPrintable(f.t.error()));
        QCOMPARE(sbt::buildChartAccount(*f.ctx, f.clock), QString());
        ui::DashboardCharts charts(*f.ctx, nullptr, ui::DashboardCharts::Loading::Immediate,
                                   QTimeZone::utc());
        charts.resize(1000, 350);
        const auto* model = charts.model(Chart::Spending);
        QCOMPARE(model->rowLabel(11), QStringLiteral("Mar"));
        const QLocale nb(QLocale::NorwegianBokmal, QLocale::Norway);
        QLocale::setDefault(nb);
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&charts, &change);
        QCOMPARE(model->rowLabel(11), nb.standaloneMonthName(3, QLocale::ShortFormat));
        QCOMPARE(charts.chartView(Chart::Spending)->chart()->locale(), nb);
        QVERIFY2(charts.seriesSummary(Chart::Balance).contains(QStringLiteral("269,25")),
                 qPrintable(charts.seriesSummary(Chart::Balance)));
        QCoreApplication::processEvents();
        test::GuiHarness::shoot(&charts, QStringLiteral("dashboard-charts-nb"));
        const QString shot = qEnvironmentVariable("SWITCHBOARD_CHARTS_NB_PNG");
        if (!shot.isEmpty())
            QVERIFY(charts.grab().save(shot));
    }
};

SB_GUI_TEST_MAIN(TestGuiCharts, "tst_gui_charts")
#include "tst_gui_charts.moc"
