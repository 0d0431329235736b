#include "ui/calls/CallsPage.h"

#include "core/base/DisplayFormat.h"
#include "core/calls/CallHistory.h"
#include "core/rating/CallImporter.h"
#include "models/calls/CallsModel.h"
#include "ui/calls/ImportCallsDialog.h"
#include "ui/reports/StatementDialog.h"
#include "ui/widgets/BackgroundJob.h"
#include "ui/widgets/ColumnFitter.h"
#include "ui/widgets/EmptyState.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/TablePage.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>
#include <climits>
#include <memory>

namespace sb::ui {

namespace {
const QString kHeaderKey = QStringLiteral("callsPage/header");
const QString kDirKey = QStringLiteral("callsPage/directory");
// A QDateEdit cannot be empty: its lowest date stands for "no bound" and reads "Any".
const QDate kNoDate(2000, 1, 1);
constexpr int kListedProblems = 5;
// Progress every few hundred records: often enough for the dialog, cheap for a big file.
constexpr int kImportBatch = 200;

// A date edit showing its special value ("Any day") has no section for Tab to walk through and
// kept the focus forever: Tab and Shift+Tab leave it then, as from its last section.
class AnyDayTabLeaves : public QObject
{
public:
    explicit AnyDayTabLeaves(QDateEdit* edit) : QObject(edit), m_edit(edit) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_edit && event->type() == QEvent::KeyPress &&
            m_edit->date() == m_edit->minimumDate() && !m_edit->specialValueText().isEmpty()) {
            const auto* key = static_cast<QKeyEvent*>(event);
            const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
            if (tab && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
                // The parent moves the focus along the window's Tab chain.
                QKeyEvent copy(QEvent::KeyPress, key->key(), key->modifiers());
                QCoreApplication::sendEvent(m_edit->parentWidget(), &copy);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QDateEdit* m_edit;
};

} // namespace

CallsPage::CallsPage(const Context& ctx, QWidget* parent)
    : QWidget(parent), m_ctx(ctx), m_files(kDirKey)
{
    setObjectName(QStringLiteral("callsPage"));
    m_model = new CallsModel(m_ctx, this);
    m_model->setObjectName(QStringLiteral("callsModel"));

    m_title = TablePage::createTitle(this, QStringLiteral("callsTitle"));
    m_search = TablePage::createSearch(this, QStringLiteral("callsSearch"),
                                       [this]() { m_model->setSearch(m_search->text()); });

    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("callsProfileFilter"));
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profile->setMinimumContentsLength(12);
    m_member = new QLineEdit(this);
    m_member->setObjectName(QStringLiteral("callsMemberFilter"));
    m_member->setClearButtonEnabled(true);
    m_member->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 11);
    m_memberDelay = new QTimer(this);
    m_memberDelay->setSingleShot(true);
    m_memberDelay->setInterval(TablePage::SearchDebounceMs * 2);
    m_department = new QComboBox(this);
    m_department->setObjectName(QStringLiteral("callsDepartmentFilter"));
    m_department->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_department->setMinimumContentsLength(12);
    const auto makeDate = [this](const QString& name) {
        auto* edit = new QDateEdit(this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kNoDate);
        edit->setDate(kNoDate);
        edit->setDisplayFormat(shortDateFormat(QLocale()));
        edit->installEventFilter(new AnyDayTabLeaves(edit));
        return edit;
    };
    m_from = makeDate(QStringLiteral("callsFromDate"));
    m_to = makeDate(QStringLiteral("callsToDate"));
    m_profileLabel = new QLabel(this);
    m_profileLabel->setBuddy(m_profile);
    m_memberLabel = new QLabel(this);
    m_memberLabel->setBuddy(m_member);
    m_departmentLabel = new QLabel(this);
    m_departmentLabel->setBuddy(m_department);
    m_fromLabel = new QLabel(this);
    m_fromLabel->setBuddy(m_from);
    m_toLabel = new QLabel(this);
    m_toLabel->setBuddy(m_to);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("callsTotalsLabel"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A year of calls in Polish is longer than the room beside the dates at 1024 px: the
    // totals wrap rather than widen the window.
    m_totals->setWordWrap(true);
    m_error = new HintLabel(this);
    m_error->setObjectName(QStringLiteral("callsErrorLabel"));
    m_report = new HintLabel(this);
    m_report->setObjectName(QStringLiteral("callsImportReport"));

    m_table = TablePage::createTable(this, QStringLiteral("callsTable"), m_model);
    // Every column in view at 1024 pixels (the cells in view measured, never a page the
    // admin did not scroll to): the place, the payer and the destination give way (whole in
    // their tool tips) to the status, and then the place and the extension step out of view
    // (the header's menu shows them again).
    m_fitter = new ColumnFitter(m_table);
    m_fitter->setColumn(CallsModel::Time, 15);
    m_fitter->setColumn(CallsModel::Source, 8);
    m_fitter->setColumn(CallsModel::Duration, 7);
    m_fitter->setColumn(CallsModel::BilledMinutes, 6);
    m_fitter->setColumn(CallsModel::BundleMinutes, 6);
    m_fitter->setColumn(CallsModel::Price, 8);
    m_fitter->setColumn(CallsModel::Place, 12, 6);
    m_fitter->setColumn(CallsModel::Payer, 12, 7);
    m_fitter->setColumn(CallsModel::Destination, 12, 9);
    m_fitter->setOptional(CallsModel::Place);
    m_fitter->setOptional(CallsModel::Source);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSortIndicator(CallsModel::Time, Qt::DescendingOrder);
    m_table->setSortingEnabled(true);
    // The place cannot be ordered in SQL: the indicator stays where the order is.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int column, Qt::SortOrder) {
                if (CallsModel::isSortable(column))
                    return;
                const QSignalBlocker block(header);
                header->setSortIndicator(m_model->sortColumn(), m_model->query().ascending
                                                                    ? Qt::AscendingOrder
                                                                    : Qt::DescendingOrder);
            });

    connect(m_profile, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setProfile(m_profile->currentData().toString()); });
    connect(m_department, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setDepartment(m_department->currentData().toString()); });
    connect(m_member, &QLineEdit::textChanged, m_memberDelay, qOverload<>(&QTimer::start));
    connect(m_memberDelay, &QTimer::timeout, this,
            [this]() { m_model->setMember(m_member->text()); });
    connect(m_member, &QLineEdit::returnPressed, this, [this]() {
        m_memberDelay->stop();
        m_model->setMember(m_member->text());
    });
    connect(m_from, &QDateEdit::dateChanged, this, &CallsPage::applyDates);
    connect(m_to, &QDateEdit::dateChanged, this, &CallsPage::applyDates);

    m_importAction = new QAction(this);
    m_importAction->setObjectName(QStringLiteral("importCallsAction"));
    m_exportAction = new QAction(this);
    m_exportAction->setObjectName(QStringLiteral("exportCallsAction"));
    connect(m_importAction, &QAction::triggered, this, &CallsPage::importCalls);
    connect(m_exportAction, &QAction::triggered, this, &CallsPage::exportCalls);
    m_statementAction = new QAction(this);
    m_statementAction->setObjectName(QStringLiteral("statementAction"));
    connect(m_statementAction, &QAction::triggered, this, &CallsPage::showStatement);
    m_table->addActions(toolBarActions());
    TablePage::addColumnsAction(m_table);

    connect(m_model, &CallsModel::totalsChanged, this, &CallsPage::updateTotals);
    connect(m_model, &CallsModel::errorOccurred, this, &CallsPage::updateTotals);
    // New profiles and departments for the filters.
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
            if (changes.anyProfiles() || changes.allMembers)
                reloadChoices();
        });

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_search);
    auto* payers = new QHBoxLayout;
    payers->addWidget(m_profileLabel);
    payers->addWidget(m_profile);
    payers->addSpacing(12);
    payers->addWidget(m_memberLabel);
    payers->addWidget(m_member);
    payers->addSpacing(12);
    payers->addWidget(m_departmentLabel);
    payers->addWidget(m_department);
    payers->addStretch();
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_fromLabel);
    dates->addWidget(m_from);
    dates->addSpacing(12);
    dates->addWidget(m_toLabel);
    dates->addWidget(m_to);
    dates->addSpacing(24);
    dates->addWidget(m_totals, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(payers);
    layout->addLayout(dates);
    layout->addWidget(m_error);
    layout->addWidget(m_report);
    layout->addWidget(m_table, 1);

    reloadChoices();
    m_empty = new EmptyState(
        m_table, m_importAction, [this] { return m_search->text(); },
        [this] {
            return m_profile->currentIndex() > 0 || m_department->currentIndex() > 0 ||
                   !m_member->text().trimmed().isEmpty() || m_from->date() != kNoDate ||
                   m_to->date() != kNoDate;
        });
    retranslateUi();
    updateTotals();
    updateActions();
}

QList<QAction*> CallsPage::toolBarActions() const
{
    return {m_importAction, m_exportAction, m_statementAction};
}

void CallsPage::reloadChoices()
{
    const CallHistory history(m_ctx);
    const auto fill = [](QComboBox* combo, const QString& all, const QStringList& items) {
        const QString current = combo->currentData().toString();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(all, QString());
        for (const QString& i : items)
            combo->addItem(i, i);
        const int at = combo->findData(current);
        combo->setCurrentIndex(at < 0 ? 0 : at);
        return at >= 0 || current.isEmpty();
    };
    const auto profiles = history.profileNames();
    const auto departments = history.departments();
    const bool profileKept =
        fill(m_profile, tr("All SIP profiles"), profiles ? *profiles : QStringList());
    const bool departmentKept =
        fill(m_department, tr("All departments"), departments ? *departments : QStringList());
    // A chosen profile or department that went away: the filter goes too.
    if (!profileKept)
        m_model->setProfile(QString());
    if (!departmentKept)
        m_model->setDepartment(QString());
}

void CallsPage::applyDates()
{
    const QDate from = m_from->date() == kNoDate ? QDate() : m_from->date();
    const QDate to = m_to->date() == kNoDate ? QDate() : m_to->date();
    m_model->setDateRange(from, to);
}

void CallsPage::updateTotals()
{
    const CallTotals& t = m_model->totals();
    const QLocale locale;
    if (!m_model->totalsKnown())
        m_totals->setText(tr("More than %1 calls match · type more of the number for their totals")
                              .arg(locale.toString(CallHistory::SearchTotalsLimit)));
    else
        m_totals->setText(tr("%Ln call(s) · %1 billed min. · %2 bundle min. · %3", nullptr,
                             int(qMin<qint64>(t.calls, INT_MAX)))
                              .arg(locale.toString(t.billedMinutes),
                                   locale.toString(t.bundleMinutes),
                                   t.price.toCurrencyString(locale)));
    m_totals->setAccessibleName(m_totals->text());
    if (m_model->lastError().isEmpty())
        m_error->clearMessage();
    else
        m_error->showError(tr("The calls cannot be shown: %1").arg(m_model->lastError()));
}

void CallsPage::updateActions()
{
    m_importAction->setEnabled(!m_busy);
    m_exportAction->setEnabled(!m_busy);
}

void CallsPage::refresh()
{
    reloadChoices();
    m_model->refresh();
}

void CallsPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void CallsPage::importCalls()
{
    const QString path = m_files.openFile(this, tr("Import call records"),
                                          tr("Call records (*.csv *.log);;All files (*)"));
    if (!path.isEmpty())
        importFromFile(path);
}

void CallsPage::importFromFile(const QString& path)
{
    if (m_busy)
        return;
    ImportCallsDialog dialog(QFileInfo(path).fileName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QTimeZone zone = dialog.zone();
    runImport(path, int(dialog.format()), zone.isValid() ? zone.id() : QByteArray());
}

void CallsPage::runImport(const QString& path, int format, const QByteArray& zone)
{
    m_busy = true;
    updateActions();
    m_report->clearMessage();
    const QString file = QFileInfo(path).fileName();
    const qint64 size = QFileInfo(path).size();
    const std::function<void()> before = m_beforeImport;
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    BackgroundJob::run<CallImportReport>(
        m_ctx, tr("Importing %1…").arg(file), this,
        [path, format, zone, size, before, cancelled](const Context& ctx,
                                                      const BackgroundJob::Progress& progress) {
            if (before)
                before();
            // The importer reads its own flag; the dialog's Cancel reaches it through the
            // progress callback, which says whether to go on.
            CallImportOptions options;
            options.format = static_cast<CdrReader::Format>(format);
            if (!zone.isEmpty())
                options.zone = QTimeZone(zone);
            options.batchSize = kImportBatch;
            options.cancel = cancelled.get();
            options.progress = [&](qint64 bytes) {
                if (!progress(bytes, qMax(size, bytes)))
                    *cancelled = true;
            };
            return CallImporter(ctx).importFile(path, options);
        },
        [this, file, cancelled](Result<CallImportReport> report) {
            m_busy = false;
            updateActions();
            if (!report) {
                if (cancelled->load()) {
                    // Routine: the admin asked for it, and nothing changed.
                    emit statusMessage(
                        tr("The import of %1 was cancelled; nothing was changed.").arg(file));
                } else {
                    m_report->showError(
                        tr("Nothing was imported from %1: %2").arg(file, report.error().message));
                }
            } else {
                showImportReport(file, *report);
            }
            emit jobFinished();
        });
}

void CallsPage::showImportReport(const QString& file, const CallImportReport& r)
{
    const QLocale locale;
    emit statusMessage(
        tr("Imported %Ln call(s) from %1 (%2 already there); charged %3.", nullptr,
           int(qMin<qint64>(r.imported, INT_MAX)))
            .arg(file, locale.toString(r.duplicates), r.charged.toCurrencyString(locale)));
    QStringList problems;
    if (r.problemCount > 0) {
        QStringList lines;
        for (const auto& p : r.problems.mid(0, kListedProblems))
            lines << tr("line %1: %2").arg(p.line).arg(p.reason);
        QString text = tr("%Ln line(s) could not be read and were skipped:", nullptr,
                          int(qMin<qint64>(r.problemCount, INT_MAX))) +
                       QLatin1Char(' ') + lines.join(QStringLiteral("; "));
        if (r.problemCount > lines.size())
            text +=
                QLatin1Char(' ') + tr("(and %Ln more)", nullptr,
                                      int(qMin<qint64>(r.problemCount - lines.size(), INT_MAX)));
        problems << text;
    }
    if (!r.unknownAccounts.isEmpty()) {
        QStringList codes;
        for (const auto& u : r.unknownAccounts.mid(0, kListedProblems))
            codes << tr("\"%1\" (%Ln record(s), first on line %2)", nullptr,
                        int(qMin<qint64>(u.count, INT_MAX)))
                         .arg(u.code)
                         .arg(u.firstLine);
        QString text = tr("%Ln record(s) name no member account and no SIP profile and were "
                          "not imported:",
                          nullptr, int(qMin<qint64>(r.unknownRecords, INT_MAX))) +
                       QLatin1Char(' ') + codes.join(QStringLiteral(", "));
        if (r.unknownAccounts.size() > codes.size())
            text += QLatin1Char(' ') + tr("(and %Ln more code(s))", nullptr,
                                          int(r.unknownAccounts.size() - codes.size()));
        problems << text;
    }
    if (r.unratedCount > 0 && !r.unrated.isEmpty())
        problems << tr("%Ln call(s) were kept without a charge: no rate for their destination, "
                       "the first on line %1 (%2).",
                       nullptr, int(qMin<qint64>(r.unratedCount, INT_MAX)))
                        .arg(r.unrated.first().line)
                        .arg(r.unrated.first().destination);
    if (r.owingPayers > 0)
        problems << tr("%Ln payer(s) now owe %1 together: their balances went below zero.", nullptr,
                       int(qMin<qint64>(r.owingPayers, INT_MAX)))
                        .arg(r.owed.toCurrencyString(locale));
    for (const QString& news : r.rechargeNews)
        problems << news;
    if (problems.isEmpty())
        m_report->clearMessage();
    else
        m_report->showWarning(tr("Imported from %1 with problems.").arg(file) + QLatin1Char('\n') +
                              problems.join(QLatin1Char('\n')));
}

void CallsPage::exportCalls()
{
    const QString path = m_files.saveFile(this, tr("Export calls"), QStringLiteral("calls.csv"),
                                          tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportToFile(path);
}

void CallsPage::exportToFile(const QString& path)
{
    if (m_busy)
        return;
    m_busy = true;
    updateActions();
    const CallQuery query = m_model->query();
    BackgroundJob::run<qint64>(
        m_ctx, tr("Exporting to %1…").arg(QFileInfo(path).fileName()), this,
        [path, query](const Context& ctx, const BackgroundJob::Progress& progress) {
            return CallHistory(ctx).exportCsvFile(query, path, progress);
        },
        [this, path](Result<qint64> written) {
            m_busy = false;
            updateActions();
            if (!written)
                emit statusMessage(written.error().message);
            else
                emit statusMessage(
                    tr("Exported %Ln call(s) to %1.", nullptr, int(qMin<qint64>(*written, INT_MAX)))
                        .arg(QDir::toNativeSeparators(path)));
            emit jobFinished();
        });
}

void CallsPage::showStatement()
{
    StatementDialog dialog(m_ctx, this);
    connect(&dialog, &StatementDialog::statusMessage, this, &CallsPage::statusMessage);
    dialog.exec();
}

void CallsPage::saveSettings() const
{
    QSettings settings;
    m_fitter->saveState(settings, kHeaderKey);
}

void CallsPage::restoreSettings()
{
    m_fitter->restoreState(QSettings(), kHeaderKey);
}

void CallsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CallsPage::retranslateUi()
{
    m_empty->setTexts(
        tr("No calls yet"),
        tr("Import the call records of the PBX (Asterisk Master.csv or FreeSWITCH CSV): each "
           "call is rated and charged to its member or SIP profile."));
    setAccessibleName(tr("Calls & reports"));
    m_title->setText(tr("Calls"));
    m_search->setPlaceholderText(tr("Search by number (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search calls by number"));
    m_profileLabel->setText(tr("&Profile:"));
    m_memberLabel->setText(tr("M&ember:"));
    m_member->setPlaceholderText(tr("Any account"));
    m_member->setAccessibleName(tr("Member account"));
    m_profile->setAccessibleName(tr("Paid by the SIP profile"));
    m_departmentLabel->setText(tr("&Department:"));
    m_department->setAccessibleName(tr("Paid by the department"));
    m_from->setAccessibleName(tr("From the day"));
    m_to->setAccessibleName(tr("To the day (included)"));
    m_fromLabel->setText(tr("F&rom:"));
    m_toLabel->setText(tr("&To:"));
    m_from->setSpecialValueText(tr("Any day"));
    m_to->setSpecialValueText(tr("Any day"));
    m_profile->setItemText(0, tr("All SIP profiles"));
    m_department->setItemText(0, tr("All departments"));
    // "All …" whole in every language; longer profile names are elided, never the choice
    // the page opens with.
    for (QComboBox* combo : {m_profile, m_department})
        TablePage::keepChoicesWhole(combo, 1);
    m_table->setAccessibleName(tr("Calls"));
    m_importAction->setText(tr("&Import call records…"));
    m_importAction->setToolTip(
        tr("Import a PBX's call records (Asterisk Master.csv or FreeSWITCH CSV), rate and "
           "charge them"));
    m_exportAction->setText(tr("E&xport calls…"));
    m_exportAction->setToolTip(tr("Export the calls the filters show to a CSV file"));
    m_statementAction->setText(tr("Monthly &statement…"));
    m_statementAction->setToolTip(
        tr("A month's balances, spending, top-ups and allocations as PDF or CSV, or printed"));
    m_model->retranslate();
    updateTotals();
}

} // namespace sb::ui
