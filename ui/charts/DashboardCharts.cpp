#include "ui/charts/DashboardCharts.h"

#include "ui/widgets/WorkerRead.h"

#include "core/base/DisplayFormat.h"
#include "core/base/Money.h"
#include "models/reports/BalanceHistoryModel.h"
#include "models/reports/BundleMinutesModel.h"
#include "models/reports/PeakCallsModel.h"
#include "models/reports/SpendingChartModel.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QVBoxLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace sb::ui {

struct DashboardCharts::Snapshot
{
    ChartData::MonthlySpending byKind;
    ChartData::MonthlySpending byDepartment;
    ChartData::BundleUsage bundles;
    QList<ChartData::ProfileChoice> profiles;
    ChartData::PeakCalls peaks;
    ChartData::BalanceHistory balance;
    QString error; ///< the first read that failed, translated
};

namespace {

constexpr int kCharts = 4;

int indexOf(DashboardCharts::Chart c)
{
    return int(c);
}

// Money on an axis: whole units of the account currency, for drawing only.
qreal units(qint64 cents)
{
    return qreal(cents) / 100.0;
}

// A chart as the dashboard draws them: compact, no animation, the default locale's numbers.
QChart* newChart()
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    return chart;
}

QFont axisFont(const QChart* chart)
{
    return chart->legend()->font();
}

// A money axis from 0 (or below, for refunds) to a round top.
QValueAxis* moneyAxis(const QChart* chart, qint64 minCents, qint64 maxCents)
{
    auto* axis = new QValueAxis;
    axis->setLabelsFont(axisFont(chart));
    axis->setRange(qMin<qreal>(0, units(minCents)), qMax<qreal>(1, units(maxCents)));
    axis->applyNiceNumbers();
    axis->setLabelFormat(QStringLiteral("%.0f"));
    return axis;
}

QValueAxis* countAxis(const QChart* chart, qint64 max)
{
    auto* axis = new QValueAxis;
    axis->setLabelsFont(axisFont(chart));
    axis->setLabelFormat(QStringLiteral("%.0f"));
    if (max <= 5) {
        // Small counts: a tick per whole number, never "0.5 calls".
        const qint64 top = qMax<qint64>(1, max);
        axis->setRange(0, qreal(top));
        axis->setTickCount(int(top) + 1);
    } else {
        axis->setRange(0, qreal(max));
        axis->applyNiceNumbers();
    }
    return axis;
}

// Days on a value axis from -0.5 to n - 0.5, a label every `step` days counting back from
// the last (today), so that 30 or 90 days stay readable at a quarter of the dashboard.
QCategoryAxis* dayAxis(const QChart* chart, const ChartTableModel& model, int step)
{
    auto* axis = new QCategoryAxis;
    axis->setLabelsFont(axisFont(chart));
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int n = model.rowCount();
    axis->setRange(-0.5, n - 0.5);
    QList<int> shown;
    for (int i = n - 1; i >= 0; i -= step)
        shown.prepend(i);
    for (int i : shown)
        axis->append(model.rowLabel(i), i);
    axis->setGridLineVisible(false);
    return axis;
}

// Empties a chart for drawing again; its axes go with the series.
// Axis labels are short (months, days, round numbers): QtCharts would elide some of them
// to "…" on a small chart although they fit.
void keepLabels(QChart* chart)
{
    const QList<QAbstractAxis*> axes = chart->axes();
    for (QAbstractAxis* a : axes)
        a->setTruncateLabels(false);
}

void clear(QChart* chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis*> axes = chart->axes();
    for (QAbstractAxis* a : axes) {
        chart->removeAxis(a);
        delete a;
    }
    chart->setLocale(QLocale());
}

} // namespace

DashboardCharts::DashboardCharts(const Context& ctx, QWidget* parent, Loading loading,
                                 const QTimeZone& zone)
    : QWidget(parent), m_ctx(ctx), m_loading(loading),
      m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{
    setObjectName(QStringLiteral("dashboardCharts"));
    m_spending = new SpendingChartModel(this);
    m_bundles = new BundleMinutesModel(this);
    m_peaks = new PeakCallsModel(this);
    m_balance = new BalanceHistoryModel(this);

    m_byDepartmentCheck = new QCheckBox(this);
    m_byDepartmentCheck->setObjectName(QStringLiteral("spendingByDepartmentCheck"));
    connect(m_byDepartmentCheck, &QCheckBox::toggled, this, [this]() {
        showSpending();
        drawSpending();
    });
    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(QStringLiteral("peakCallsProfileCombo"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_profileCombo, &QComboBox::activated, this, [this](int index) {
        const qint64 id = m_profileCombo->itemData(index).toLongLong();
        if (id != m_profileId) {
            m_profileId = id;
            refresh();
        }
    });

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    grid->addWidget(makePanel(Chart::Spending, m_captions[0], m_byDepartmentCheck), 0, 0);
    grid->addWidget(makePanel(Chart::BundleMinutes, m_captions[1], nullptr), 0, 1);
    grid->addWidget(makePanel(Chart::PeakCalls, m_captions[2], m_profileCombo), 1, 0);
    grid->addWidget(makePanel(Chart::Balance, m_captions[3], nullptr), 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    m_views[0]->setObjectName(QStringLiteral("spendingChart"));
    m_views[1]->setObjectName(QStringLiteral("bundleMinutesChart"));
    m_views[2]->setObjectName(QStringLiteral("peakCallsChart"));
    m_views[3]->setObjectName(QStringLiteral("balanceChart"));
    m_texts[0]->setObjectName(QStringLiteral("spendingChartText"));
    m_texts[1]->setObjectName(QStringLiteral("bundleMinutesChartText"));
    m_texts[2]->setObjectName(QStringLiteral("peakCallsChartText"));
    m_texts[3]->setObjectName(QStringLiteral("balanceChartText"));

    retranslateUi(); // also reads the data
    // Any committed change may move a chart: purchases, top-ups, imports, bundles.
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, &DashboardCharts::refresh);
}

DashboardCharts::~DashboardCharts() = default;

QWidget* DashboardCharts::makePanel(Chart chart, QLabel*& caption, QWidget* control)
{
    const int i = indexOf(chart);
    auto* panel = new QWidget(this);
    caption = new QLabel(panel);
    QFont bold = caption->font();
    bold.setBold(true);
    caption->setFont(bold);
    caption->setWordWrap(true);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(caption, 1);
    if (control)
        header->addWidget(control);

    m_stacks[i] = new QStackedWidget(panel);
    // Given its chart at construction: QChartView(parent) makes a default chart of its own,
    // which a later setChart() releases without deleting (LeakSanitizer found it).
    m_views[i] = new QChartView(newChart(), m_stacks[i]);
    m_views[i]->setRenderHint(QPainter::Antialiasing);
    m_views[i]->setMinimumSize(240, 130);
    m_views[i]->setFocusPolicy(Qt::TabFocus); // a screen reader reaches it and its summary
    m_texts[i] = new QLabel(m_stacks[i]);
    m_texts[i]->setAlignment(Qt::AlignCenter);
    m_texts[i]->setWordWrap(true);
    m_texts[i]->setFrameShape(QFrame::StyledPanel);
    m_stacks[i]->addWidget(m_views[i]);
    m_stacks[i]->addWidget(m_texts[i]);

    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_stacks[i], 1);
    return panel;
}

QChartView* DashboardCharts::chartView(Chart chart) const
{
    return m_views[indexOf(chart)];
}

bool DashboardCharts::isShowingText(Chart chart) const
{
    const int i = indexOf(chart);
    return m_stacks[i]->currentWidget() == m_texts[i];
}

QString DashboardCharts::text(Chart chart) const
{
    return m_texts[indexOf(chart)]->text();
}

const ChartTableModel* DashboardCharts::model(Chart chart) const
{
    switch (chart) {
    case Chart::Spending:
        return m_spending;
    case Chart::BundleMinutes:
        return m_bundles;
    case Chart::PeakCalls:
        return m_peaks;
    case Chart::Balance:
        return m_balance;
    }
    return nullptr;
}

bool DashboardCharts::isLoading() const
{
    return m_reader && m_reader->isReading();
}

DashboardCharts::Snapshot DashboardCharts::read(const Context& ctx, const QTimeZone& zone,
                                                qint64 profileId)
{
    Snapshot s;
    const ChartData data(ctx, zone);
    const auto keep = [&s](auto result, auto& into) {
        if (result)
            into = std::move(*result);
        else if (s.error.isEmpty())
            s.error = result.error().message;
    };
    keep(data.spendingByKind(), s.byKind);
    keep(data.spendingByDepartment(), s.byDepartment);
    keep(data.bundleUsage(), s.bundles);
    keep(data.profiles(), s.profiles);
    keep(data.companyBalance(), s.balance);
    // The profile chosen, while it is still there; else the first by name.
    const bool known = std::any_of(s.profiles.cbegin(), s.profiles.cend(),
                                   [profileId](const auto& p) { return p.id == profileId; });
    if (!known)
        profileId = s.profiles.isEmpty() ? 0 : s.profiles.first().id;
    if (profileId != 0)
        keep(data.peakCalls(profileId), s.peaks);
    return s;
}

void DashboardCharts::refresh()
{
    if (m_loading == Loading::Immediate) {
        apply(read(m_ctx, m_zone, m_profileId));
        return;
    }
    if (!m_reader)
        m_reader = std::make_unique<WorkerRead<Snapshot>>(
            this, [this](const Snapshot& s) { apply(s); }, [this]() { refresh(); });
    m_reader->start(m_ctx, [zone = m_zone, profileId = m_profileId](const Context& ctx) {
        return read(ctx, zone, profileId);
    });
}

void DashboardCharts::apply(const Snapshot& s)
{
    m_error = s.error;
    m_hasData = s.error.isEmpty();
    m_byKind = s.byKind;
    m_byDepartment = s.byDepartment;
    m_bundles->setUsage(s.bundles);
    m_peaks->setPeaks(s.peaks);
    m_balance->setHistory(s.balance);
    m_profiles = s.profiles;
    m_profileId = s.peaks.profileId;

    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    for (const auto& p : std::as_const(m_profiles))
        m_profileCombo->addItem(p.name, p.id);
    m_profileCombo->setCurrentIndex(m_profileCombo->findData(m_profileId));
    m_profileCombo->setEnabled(m_profiles.size() > 1);
    m_profileCombo->setVisible(!m_profiles.isEmpty());
    // The profile shown stays whole beside its title ("Engineering Amste…" in Polish at
    // 1024 pixels): the title wraps instead.
    QStyleOptionComboBox option;
    option.initFrom(m_profileCombo);
    option.currentText = m_profileCombo->currentText();
    const QFontMetrics metrics = m_profileCombo->fontMetrics();
    m_profileCombo->setMinimumWidth(
        m_profileCombo->style()
            ->sizeFromContents(
                QStyle::CT_ComboBox, &option,
                QSize(metrics.horizontalAdvance(option.currentText) + 4, metrics.height()),
                m_profileCombo)
            .width());

    showSpending();
    redraw();
    emit loaded();
}

void DashboardCharts::showSpending()
{
    if (m_byDepartmentCheck->isChecked())
        m_spending->setSpending(m_byDepartment, SpendingChartModel::Split::ByDepartment);
    else
        m_spending->setSpending(m_byKind, SpendingChartModel::Split::ByKind);
}

void DashboardCharts::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardCharts::retranslateUi()
{
    setAccessibleName(tr("Charts"));
    m_captions[0]->setText(tr("Spending per month (%1)").arg(accountCurrency()));
    m_captions[1]->setText(tr("US bundle minutes this period"));
    m_captions[2]->setText(tr("Most calls at once per day"));
    m_captions[3]->setText(tr("Company balance (%1)").arg(accountCurrency()));
    m_byDepartmentCheck->setText(tr("By department"));
    m_byDepartmentCheck->setAccessibleName(tr("Spending by department"));
    m_byDepartmentCheck->setToolTip(tr("Stack the spending by department instead of by kind"));
    m_profileCombo->setAccessibleName(tr("SIP profile of the calls chart"));
    for (int i = 0; i < kCharts; ++i)
        m_views[i]->setAccessibleName(m_captions[i]->text());
    for (ChartTableModel* model :
         std::initializer_list<ChartTableModel*>{m_spending, m_bundles, m_peaks, m_balance})
        model->retranslate();
    if (m_hasData || !m_error.isEmpty()) {
        redraw();
    } else {
        // The first time: read (in the background, the texts say so meanwhile).
        for (Chart c : {Chart::Spending, Chart::BundleMinutes, Chart::PeakCalls, Chart::Balance})
            setChartText(c, tr("Reading…"));
        refresh();
    }
}

void DashboardCharts::redraw()
{
    drawSpending();
    drawBundles();
    drawPeaks();
    drawBalance();
}

void DashboardCharts::setChartText(Chart chart, const QString& text)
{
    const int i = indexOf(chart);
    m_texts[i]->setText(text);
    m_stacks[i]->setCurrentWidget(text.isEmpty() ? static_cast<QWidget*>(m_views[i])
                                                 : static_cast<QWidget*>(m_texts[i]));
    announceSummary(chart);
}

void DashboardCharts::announceSummary(Chart chart)
{
    QChartView* view = m_views[indexOf(chart)];
    const QString summary = seriesSummary(chart);
    if (view->accessibleDescription() == summary)
        return;
    view->setAccessibleDescription(summary);
    m_texts[indexOf(chart)]->setAccessibleDescription(summary);
    QAccessibleEvent event(view, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

void DashboardCharts::drawSpending()
{
    QChart* chart = m_views[0]->chart();
    clear(chart);
    if (!m_error.isEmpty())
        return setChartText(Chart::Spending, tr("The charts could not be read: %1").arg(m_error));
    if (m_spending->isAllZero())
        return setChartText(Chart::Spending,
                            tr("Nothing spent in the last twelve months. Buy numbers or channels, "
                               "or import calls, and the spending shows here."));
    auto* series = new QStackedBarSeries;
    qint64 low = 0;
    qint64 high = 0;
    for (int r = 0; r < m_spending->rowCount(); ++r) {
        qint64 up = 0;
        qint64 down = 0;
        for (int c = 0; c < m_spending->columnCount(); ++c) {
            const qint64 v = m_spending->raw(r, c);
            (v >= 0 ? up : down) += v;
        }
        high = qMax(high, up);
        low = qMin(low, down);
    }
    for (int c = 0; c < m_spending->columnCount(); ++c) {
        auto* set = new QBarSet(m_spending->columnLabel(c));
        for (int r = 0; r < m_spending->rowCount(); ++r)
            set->append(units(m_spending->raw(r, c)));
        series->append(set);
    }
    chart->addSeries(series);
    auto* months = new QBarCategoryAxis;
    months->setLabelsFont(axisFont(chart));
    // The month's name only: twelve of them must fit under a quarter of the dashboard (the
    // year is in the table and the summary).
    QStringList labels;
    const QLocale locale;
    for (int r = 0; r < m_spending->rowCount(); ++r)
        labels << locale.standaloneMonthName(
            m_spending->headerData(r, Qt::Vertical, ChartTableModel::RawRole).toDate().month(),
            QLocale::ShortFormat);
    months->append(labels);
    chart->addAxis(months, Qt::AlignBottom);
    series->attachAxis(months);
    QValueAxis* money = moneyAxis(chart, low, high);
    chart->addAxis(money, Qt::AlignLeft);
    series->attachAxis(money);
    keepLabels(chart);
    setChartText(Chart::Spending, {});
}

void DashboardCharts::drawBundles()
{
    QChart* chart = m_views[1]->chart();
    clear(chart);
    if (!m_error.isEmpty())
        return setChartText(Chart::BundleMinutes, tr("The charts could not be read."));
    if (m_bundles->rowCount() == 0)
        return setChartText(Chart::BundleMinutes,
                            tr("No SIP profile has US minute bundles. Bundles are bought in a "
                               "profile's Bundles dialog."));
    auto* series = new QHorizontalBarSeries;
    qint64 high = 0;
    // The first profile on top: horizontal bars are drawn from the bottom up.
    for (int c : {int(BundleMinutesModel::Used), int(BundleMinutesModel::Included)}) {
        auto* set = new QBarSet(m_bundles->columnLabel(c));
        for (int r = m_bundles->rowCount() - 1; r >= 0; --r) {
            set->append(qreal(m_bundles->raw(r, c)));
            high = qMax(high, m_bundles->raw(r, c));
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto* profiles = new QBarCategoryAxis;
    profiles->setLabelsFont(axisFont(chart));
    for (int r = m_bundles->rowCount() - 1; r >= 0; --r)
        profiles->append(m_bundles->rowLabel(r));
    chart->addAxis(profiles, Qt::AlignLeft);
    series->attachAxis(profiles);
    QValueAxis* minutes = countAxis(chart, high);
    chart->addAxis(minutes, Qt::AlignBottom);
    series->attachAxis(minutes);
    keepLabels(chart);
    setChartText(Chart::BundleMinutes, {});
}

void DashboardCharts::drawPeaks()
{
    QChart* chart = m_views[2]->chart();
    clear(chart);
    if (!m_error.isEmpty())
        return setChartText(Chart::PeakCalls, tr("The charts could not be read."));
    if (m_profiles.isEmpty())
        return setChartText(Chart::PeakCalls, tr("No SIP profiles yet: create one on the SIP "
                                                 "profiles page, then import its calls."));
    const ChartData::PeakCalls& p = m_peaks->peaks();
    if (p.isEmpty())
        return setChartText(Chart::PeakCalls,
                            tr("%1 made no calls in the last %2 days.")
                                .arg(p.profile, QLocale().toString(p.days.size())));
    auto* bars = new QBarSeries;
    auto* set = new QBarSet(m_peaks->columnLabel(PeakCallsModel::Peak));
    for (int r = 0; r < m_peaks->rowCount(); ++r)
        set->append(qreal(m_peaks->raw(r, PeakCallsModel::Peak)));
    bars->append(set);
    bars->setBarWidth(0.7);
    chart->addSeries(bars);
    // The channels: a line across the whole window, the most calls the profile can hold.
    auto* channels = new QLineSeries;
    channels->setName(m_peaks->columnLabel(PeakCallsModel::Channels));
    channels->append(-0.5, p.channels);
    channels->append(m_peaks->rowCount() - 0.5, p.channels);
    QPen pen(QColor(0xc0, 0x39, 0x2b));
    pen.setWidthF(2);
    pen.setStyle(Qt::DashLine);
    channels->setPen(pen);
    chart->addSeries(channels);
    QCategoryAxis* days = dayAxis(chart, *m_peaks, 7);
    chart->addAxis(days, Qt::AlignBottom);
    bars->attachAxis(days);
    channels->attachAxis(days);
    QValueAxis* count = countAxis(chart, qMax(p.highest(), p.channels) + 1);
    chart->addAxis(count, Qt::AlignLeft);
    bars->attachAxis(count);
    channels->attachAxis(count);
    keepLabels(chart);
    setChartText(Chart::PeakCalls, {});
}

void DashboardCharts::drawBalance()
{
    QChart* chart = m_views[3]->chart();
    clear(chart);
    if (!m_error.isEmpty())
        return setChartText(Chart::Balance, tr("The charts could not be read."));
    if (m_balance->history().isEmpty())
        return setChartText(Chart::Balance, tr("The company balance has not moved yet: top it "
                                               "up to start."));
    auto* line = new QLineSeries;
    line->setName(m_balance->columnLabel(BalanceHistoryModel::Balance));
    qint64 low = 0;
    qint64 high = 0;
    for (int r = 0; r < m_balance->rowCount(); ++r) {
        const qint64 v = m_balance->raw(r, BalanceHistoryModel::Balance);
        line->append(r, units(v));
        low = qMin(low, v);
        high = qMax(high, v);
    }
    QPen pen(QColor(0x27, 0x6f, 0xbf));
    pen.setWidthF(2);
    line->setPen(pen);
    chart->addSeries(line);
    QCategoryAxis* days = dayAxis(chart, *m_balance, 14);
    chart->addAxis(days, Qt::AlignBottom);
    line->attachAxis(days);
    QValueAxis* money = moneyAxis(chart, low, high);
    chart->addAxis(money, Qt::AlignLeft);
    line->attachAxis(money);
    chart->legend()->setVisible(false);
    keepLabels(chart);
    setChartText(Chart::Balance, {});
}

QString DashboardCharts::seriesSummary(Chart chart) const
{
    const QLocale locale;
    const auto money = [&locale](qint64 cents) {
        return Money::fromCents(cents).toCurrencyString(locale);
    };
    const int i = indexOf(chart);
    if (isShowingText(chart))
        return m_texts[i]->text();
    switch (chart) {
    case Chart::Spending: {
        // This month's series, then the twelve months' total.
        const int last = m_spending->rowCount() - 1;
        QStringList parts;
        qint64 total = 0;
        for (int c = 0; c < m_spending->columnCount(); ++c) {
            for (int r = 0; r <= last; ++r)
                total += m_spending->raw(r, c);
            if (m_spending->raw(last, c) != 0)
                parts << tr("%1 %2").arg(m_spending->columnLabel(c),
                                         money(m_spending->raw(last, c)));
        }
        const QString month = m_spending->rowLabel(last);
        const QString now = parts.isEmpty() ? tr("%1: nothing spent.").arg(month)
                                            : tr("%1: %2.").arg(month, parts.join(tr(", ")));
        return tr("%1 Twelve months: %2.").arg(now, money(total));
    }
    case Chart::BundleMinutes: {
        QStringList parts;
        for (int r = 0; r < m_bundles->rowCount(); ++r)
            parts << tr("%1: %2 of %3 minutes used")
                         .arg(m_bundles->rowLabel(r),
                              locale.toString(m_bundles->raw(r, BundleMinutesModel::Used)),
                              locale.toString(m_bundles->raw(r, BundleMinutesModel::Included)));
        return parts.join(tr("; ")) + QLatin1Char('.');
    }
    case Chart::PeakCalls: {
        const ChartData::PeakCalls& p = m_peaks->peaks();
        int busiest = 0;
        int full = 0;
        for (int r = 0; r < p.peaks.size(); ++r) {
            if (p.peaks[r] > p.peaks[busiest])
                busiest = r;
            if (p.peaks[r] >= p.channels)
                ++full;
        }
        return tr("%1 (channels: %2): at most %3 calls at once, on %4; all channels busy on %5 "
                  "of %6 days.")
            .arg(p.profile, locale.toString(p.channels), locale.toString(p.highest()),
                 locale.toString(p.days.value(busiest), QLocale::LongFormat), locale.toString(full),
                 locale.toString(p.days.size()));
    }
    case Chart::Balance: {
        const auto& h = m_balance->history();
        if (h.closing.isEmpty())
            return {};
        const auto [lo, hi] = std::minmax_element(h.closing.cbegin(), h.closing.cend());
        return tr("From %1 to %2: %3 at the start, %4 now; lowest %5, highest %6.")
            .arg(shortDate(locale, h.days.first()), shortDate(locale, h.days.last()),
                 money(h.closing.first().cents()), money(h.closing.last().cents()),
                 money(lo->cents()), money(hi->cents()));
    }
    }
    return {};
}

} // namespace sb::ui
