#pragma once

#include "core/reports/ChartData.h"
#include "core/storage/Context.h"

#include <QTimeZone>
#include <QWidget>

#include <memory>

class QCheckBox;
class QChartView;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace sb {
class BalanceHistoryModel;
class BundleMinutesModel;
class ChartTableModel;
class PeakCallsModel;
class SpendingChartModel;
} // namespace sb

namespace sb::ui {

template<typename T> class WorkerRead;

/// The dashboard's four charts in two rows of two (about 1000 × 350 px): spending per month
/// for the last twelve months stacked by kind or by department, US bundle minutes used
/// against included per profile, one SIP profile's peak simultaneous calls per day against
/// its channels, and the company balance over the last 90 days.
///
/// It reads ChartData through the chart models, again whenever the context's Notifier
/// announces a change (announcements that come while a read runs are gathered into one more
/// read). With Loading::Background the reads run on a worker thread with their own
/// connection, so a busy profile's calls never hold up the window; loaded() follows in the
/// UI thread. Labels follow the default locale and the language (QEvent::LanguageChange);
/// a chart without data shows a short text instead. Each chart view carries its
/// seriesSummary() as its accessible description.
class DashboardCharts : public QWidget
{
    Q_OBJECT

public:
    enum class Loading
    {
        Background, ///< reads on a worker thread (the window)
        Immediate   ///< reads in refresh() itself, on the context's connection (tests)
    };
    enum class Chart
    {
        Spending,
        BundleMinutes,
        PeakCalls,
        Balance
    };

    /// `ctx` must outlive the widget. Days are in `zone` (invalid: the system's time zone).
    explicit DashboardCharts(const Context& ctx, QWidget* parent = nullptr,
                             Loading loading = Loading::Background, const QTimeZone& zone = {});
    ~DashboardCharts() override;

    /// What the chart shows, in words: for a test and a screen reader.
    QString seriesSummary(Chart chart) const;
    QChartView* chartView(Chart chart) const;
    /// Whether the chart shows its text instead of a chart (no data, or a read failed).
    bool isShowingText(Chart chart) const;
    /// The text shown instead of the chart.
    QString text(Chart chart) const;
    const ChartTableModel* model(Chart chart) const;
    /// The SIP profile the peak calls chart shows (0: none).
    qint64 peakProfileId() const { return m_profileId; }
    /// A background read is under way (started, its result not shown yet).
    bool isLoading() const;

public slots:
    /// Reads everything again.
    void refresh();

signals:
    /// New data is on the charts.
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Snapshot;
    static Snapshot read(const Context& ctx, const QTimeZone& zone, qint64 profileId);
    void apply(const Snapshot& s);
    void retranslateUi();
    void showSpending();
    void redraw();
    void drawSpending();
    void drawBundles();
    void drawPeaks();
    void drawBalance();
    void setChartText(Chart chart, const QString& text);
    void announceSummary(Chart chart);
    QWidget* makePanel(Chart chart, QLabel*& caption, QWidget* control);

    const Context& m_ctx;
    Loading m_loading;
    QTimeZone m_zone;
    qint64 m_profileId = 0;
    QString m_error;

    SpendingChartModel* m_spending = nullptr;
    BundleMinutesModel* m_bundles = nullptr;
    PeakCallsModel* m_peaks = nullptr;
    BalanceHistoryModel* m_balance = nullptr;
    ChartData::MonthlySpending m_byKind;
    ChartData::MonthlySpending m_byDepartment;
    QList<ChartData::ProfileChoice> m_profiles;
    bool m_hasData = false;

    QLabel* m_captions[4] = {};
    QStackedWidget* m_stacks[4] = {};
    QChartView* m_views[4] = {};
    QLabel* m_texts[4] = {};
    QCheckBox* m_byDepartmentCheck = nullptr;
    QComboBox* m_profileCombo = nullptr;

    std::unique_ptr<WorkerRead<Snapshot>> m_reader; // Loading::Background
};

} // namespace sb::ui
