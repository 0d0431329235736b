#include "ui/shell/MainWindow.h"

#include "core/base/Version.h"
#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/secrets/RememberedDatabase.h"
#include "models/members/MembersModel.h"
#include "ui/members/MembersPage.h"
#include "ui/numbers/NumbersPage.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/ActivityPage.h"
#include "ui/shell/DashboardPage.h"
#include "ui/shell/PlaceholderPage.h"
#include "ui/shell/SettingsPage.h"
#include "ui/shell/TopUpDialog.h"
#include "ui/shell/WelcomeDialog.h"
#include "ui/widgets/BackgroundJob.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

namespace sb::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kPageKey = QStringLiteral("mainWindow/page");
const QString kDatabaseKey = QStringLiteral("database");
constexpr int kBillingIntervalMs = 60 * 60 * 1000;
constexpr int kStatusTimeoutMs = 15000;
} // namespace

MainWindow::MainWindow(Context ctx, MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent), m_ctx(std::move(ctx)), m_options(options)
{
    setObjectName(QStringLiteral("mainWindow"));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSpacing(2);
    m_navigation->setMinimumWidth(150);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    for (int i = 0; i < PageCount; ++i) {
        auto* item = new QListWidgetItem(m_navigation);
        item->setData(Qt::UserRole, pageNames().at(i));
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 14));
    }

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_dashboardPage = new DashboardPage(m_ctx, m_pages);
    m_membersPage = new MembersPage(m_ctx, m_pages);
    m_numbersPage = new NumbersPage(m_ctx, m_pages);
    m_sipProfilesPage = new SipProfilesPage(m_ctx, m_pages);
    m_activityPage = new ActivityPage(m_ctx, m_pages);
    m_settingsPage = new SettingsPage(m_ctx, m_pages);
    m_pages->insertWidget(Dashboard, m_dashboardPage);
    m_pages->insertWidget(Members, m_membersPage);
    m_pages->insertWidget(Numbers, m_numbersPage);
    m_pages->insertWidget(SipProfiles, m_sipProfilesPage);
    m_pages->insertWidget(Calls, new PlaceholderPage(PlaceholderPage::Kind::Calls, m_pages));
    m_pages->insertWidget(Activity, m_activityPage);
    m_pages->insertWidget(Settings, m_settingsPage);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({190, 1090});
    setCentralWidget(m_splitter);

    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("companyBalanceLabel"));
    QFont balanceFont = m_balanceLabel->font();
    balanceFont.setBold(true);
    balanceFont.setPointSizeF(balanceFont.pointSizeF() * 1.15);
    m_balanceLabel->setFont(balanceFont);
    m_balanceLabel->setContentsMargins(12, 0, 12, 0);
    m_balanceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseStatusLabel"));
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addPermanentWidget(m_databaseLabel);

    createActions();
    createMenus();

    connect(m_membersPage, &MembersPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_activityPage, &ActivityPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_dashboardPage, &DashboardPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_membersPage, &MembersPage::databaseChanged, this, &MainWindow::refreshAll);
    connect(m_membersPage, &MembersPage::buyNumbersRequested, m_numbersPage,
            &NumbersPage::buyNumbersForMembers);
    connect(m_membersPage, &MembersPage::cancelNumbersRequested, m_numbersPage,
            &NumbersPage::cancelNumbersOfMembers);
    connect(m_numbersPage, &NumbersPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_numbersPage, &NumbersPage::databaseChanged, this, &MainWindow::refreshAll);
    connect(m_numbersPage, &NumbersPage::membersChanged, this, &MainWindow::refreshMembers);
    connect(m_numbersPage, &NumbersPage::profilesChanged, m_sipProfilesPage,
            &SipProfilesPage::refresh);
    connect(m_sipProfilesPage, &SipProfilesPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_sipProfilesPage, &SipProfilesPage::databaseChanged, this, &MainWindow::refreshAll);
    connect(m_sipProfilesPage, &SipProfilesPage::membersChanged, this, &MainWindow::refreshMembers);
    connect(m_sipProfilesPage, &SipProfilesPage::numbersChanged, m_numbersPage,
            &NumbersPage::refresh);
    connect(m_sipProfilesPage, &SipProfilesPage::buyNumbersRequested, m_numbersPage,
            &NumbersPage::buyNumbersFor);
    connect(m_settingsPage, &SettingsPage::statusMessage, this, &MainWindow::showStatus);
    connect(m_settingsPage, &SettingsPage::sipServersChanged, m_sipProfilesPage,
            &SipProfilesPage::refresh);
    connect(m_settingsPage, &SettingsPage::databaseRequested, this, &MainWindow::switchDatabase);
    m_settingsPage->setCurrentDatabase(m_ctx.db.displaySpec());

    m_billingTimer = new QTimer(this);
    m_billingTimer->setInterval(kBillingIntervalMs);
    connect(m_billingTimer, &QTimer::timeout, this, &MainWindow::runBilling);
    if (m_options.runBilling) {
        m_billingTimer->start();
        QTimer::singleShot(0, this, &MainWindow::runBilling);
    }

    resize(1280, 800);
    showPage(Members);
    if (m_options.restoreSettings)
        restoreSettings();
    // Connected only now, so that opening the window does not overwrite the remembered page.
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        showPageActions(row);
        if (m_options.saveSettings)
            QSettings().setValue(kPageKey, pageNames().value(row));
    });
    retranslateUi();
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::pageNames()
{
    return {QStringLiteral("dashboard"),    QStringLiteral("members"), QStringLiteral("numbers"),
            QStringLiteral("sip-profiles"), QStringLiteral("calls"),   QStringLiteral("activity"),
            QStringLiteral("settings")};
}

int MainWindow::pageFromName(const QString& name)
{
    return static_cast<int>(pageNames().indexOf(name.trimmed().toLower()));
}

QString MainWindow::startupDatabaseSpec(const QString& fromCommandLine)
{
    if (!fromCommandLine.trimmed().isEmpty())
        return fromCommandLine.trimmed();
    if (!qEnvironmentVariableIsEmpty("SWITCHBOARD_DATABASE"))
        return Database::defaultSpec();
    // Remembered without its password, which comes back from the keychain or its seal.
    QSettings settings;
    auto chosen = RememberedDatabase::load(settings, kDatabaseKey);
    if (!chosen) {
        qWarning("switchboard: %s", qPrintable(chosen.error().message));
        return RememberedDatabase::withoutPassword(settings.value(kDatabaseKey).toString());
    }
    return chosen->isEmpty() ? Database::defaultSpec() : *chosen;
}

void MainWindow::createActions()
{
    m_topUpAction = new QAction(this);
    m_topUpAction->setObjectName(QStringLiteral("topUpAction"));
    m_topUpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_topUpAction, &QAction::triggered, this, &MainWindow::topUp);

    m_billingAction = new QAction(this);
    m_billingAction->setObjectName(QStringLiteral("runBillingAction"));
    connect(m_billingAction, &QAction::triggered, this, &MainWindow::runBilling);

    m_findAction = new QAction(this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this]() {
        switch (currentPage()) {
        case Activity:
            m_activityPage->focusSearch();
            break;
        case Numbers:
            m_numbersPage->focusSearch();
            break;
        case SipProfiles:
            m_sipProfilesPage->focusSearch();
            break;
        default:
            showPage(Members);
            m_membersPage->focusSearch();
            break;
        }
    });

    m_refreshAction = new QAction(this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshPages);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this]() {
        QMessageBox::about(
            this, tr("About Switchboard"),
            tr("Switchboard %1\n\nRuns a company's business calling account: the company "
               "balance, members and their credit, numbers and SIP profiles.")
                .arg(sb::version()));
    });

    const QStringList names = pageNames();
    for (int i = 0; i < PageCount; ++i) {
        auto* a = new QAction(this);
        QString camel = names[i];
        // "sip-profiles" -> "showSipProfilesAction"
        QString object = QStringLiteral("show");
        for (const QString& part : camel.split(QLatin1Char('-')))
            object += part.left(1).toUpper() + part.mid(1);
        a->setObjectName(object + QStringLiteral("Action"));
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i]() { showPage(i); });
        m_pageActions.append(a);
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_membersPage->importAction());
    m_fileMenu->addAction(m_membersPage->exportAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_companyMenu = menuBar()->addMenu(QString());
    m_companyMenu->setObjectName(QStringLiteral("companyMenu"));
    m_companyMenu->addAction(m_topUpAction);
    m_companyMenu->addAction(m_billingAction);

    m_membersMenu = menuBar()->addMenu(QString());
    m_membersMenu->setObjectName(QStringLiteral("membersMenu"));
    const QList<QAction*> memberActions = m_membersPage->memberActions();
    for (QAction* a : memberActions) {
        if (a->objectName() == QLatin1String("importMembersAction") || a->isSeparator())
            break;
        m_membersMenu->addAction(a);
    }
    m_membersMenu->addSeparator();
    m_membersMenu->addAction(m_findAction);

    m_numbersMenu = menuBar()->addMenu(QString());
    m_numbersMenu->setObjectName(QStringLiteral("numbersMenu"));
    m_numbersMenu->addActions(m_numbersPage->numberActions());

    m_profilesMenu = menuBar()->addMenu(QString());
    m_profilesMenu->setObjectName(QStringLiteral("sipProfilesMenu"));
    m_profilesMenu->addActions(m_sipProfilesPage->profileActions());
    m_profilesMenu->addSeparator();
    m_profilesMenu->addActions(m_sipProfilesPage->bundleActions());

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addActions(m_pageActions);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_refreshAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_topUpAction);
    m_toolBar->addSeparator();
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBarEnd = m_toolBar->addWidget(spacer);
    m_toolBar->addWidget(m_balanceLabel);
    // The tool bar follows the page: its own actions between the company's and the balance.
    m_toolBarActions.resize(PageCount);
    m_toolBarActions[Members] = memberActions;
    m_toolBarActions[Numbers] = m_numbersPage->numberActions();
    const QList<QAction*> profileActions = m_sipProfilesPage->profileActions();
    m_toolBarActions[SipProfiles] = profileActions.mid(0, 6);

    m_dashboardPage->setQuickActions(
        {m_topUpAction, m_membersPage->addMemberAction(), m_membersPage->importAction()});
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

QWidget* MainWindow::page(int index) const
{
    return m_pages->widget(index);
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= PageCount)
        return;
    m_navigation->setCurrentRow(index);
    m_pages->setCurrentIndex(index);
    showPageActions(index);
}

void MainWindow::showPageActions(int page)
{
    const QList<QAction*> wanted = m_toolBarActions.value(page);
    if (wanted == m_toolBarShown)
        return;
    for (QAction* a : std::as_const(m_toolBarShown))
        m_toolBar->removeAction(a);
    m_toolBarShown = wanted;
    m_toolBar->insertActions(m_toolBarEnd, m_toolBarShown);
}

void MainWindow::refreshMembers(const QStringList& accounts)
{
    m_membersPage->model()->refreshAccounts(accounts);
}

void MainWindow::refreshPages()
{
    m_membersPage->refresh();
    m_numbersPage->refresh();
    m_sipProfilesPage->refresh();
    refreshAll();
}

void MainWindow::showStatus(const QString& text)
{
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

void MainWindow::refreshCompanyBalance()
{
    const auto balance = CompanyService(m_ctx).balance();
    if (balance)
        m_balanceLabel->setText(
            tr("Company balance: %1").arg(balance->toCurrencyString(QLocale())));
    else
        m_balanceLabel->setText(tr("Company balance: unknown (%1)").arg(balance.error().message));
    m_balanceLabel->setAccessibleName(m_balanceLabel->text());
    m_balanceLabel->setToolTip(
        tr("What the company can still give to members. Top up to add bought credit."));
}

void MainWindow::refreshAll()
{
    refreshCompanyBalance();
    m_dashboardPage->refresh();
    m_activityPage->refresh();
}

void MainWindow::runBilling()
{
    auto report = BillingService(m_ctx).run();
    if (!report) {
        showStatus(tr("Billing could not run: %1").arg(report.error().message));
        return;
    }
    if (!report->messages.isEmpty()) {
        showStatus(tr("Billing: %1").arg(report->messages.join(QLatin1Char(' '))));
    } else if (report->autoRechargesReset > 0) {
        showStatus(tr("Billing: %n monthly recharge limit(s) started afresh.", nullptr,
                      report->autoRechargesReset));
    } else {
        showStatus(tr("Billing: nothing was due."));
    }
    const bool changed =
        report->autoRechargesReset > 0 || report->resumed > 0 || report->recharged.isPositive() ||
        report->numbersRenewed > 0 || report->numbersReleased > 0 || report->numbersExpired > 0 ||
        report->channelsRenewed > 0 || report->channelsLapsed > 0 || !report->messages.isEmpty();
    if (changed)
        refreshPages();
}

void MainWindow::topUp()
{
    TopUpDialog dialog(m_ctx, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QLocale locale;
    showStatus(tr("Topped up %1. Company balance: %2.")
                   .arg(dialog.amount().toCurrencyString(locale),
                        dialog.newBalance().toCurrencyString(locale)));
    refreshAll();
}

void MainWindow::switchDatabase(const QString& spec)
{
    auto db = Database::open(spec);
    if (!db) {
        m_settingsPage->showDatabaseResult(false, db.error().message);
        return;
    }
    m_ctx.db = *db;
    if (auto r = ProfileService(m_ctx).resealSecrets(); !r)
        qWarning("switchboard: %s", qPrintable(r.error().message));
    QSettings settings;
    const auto remembered = RememberedDatabase::save(settings, kDatabaseKey, spec);
    m_settingsPage->setCurrentDatabase(m_ctx.db.displaySpec());
    if (remembered)
        m_settingsPage->showDatabaseResult(true, tr("Now using %1.").arg(m_ctx.db.displaySpec()));
    else
        m_settingsPage->showDatabaseResult(
            false, tr("Now using %1, but it will not be used at the next start: %2")
                       .arg(m_ctx.db.displaySpec(), remembered.error().message));
    m_databaseLabel->setText(m_ctx.db.displaySpec());
    refreshPages();
    if (m_options.runBilling)
        runBilling();
}

bool MainWindow::accountIsEmpty() const
{
    const auto members = MemberService(m_ctx).count();
    const auto balance = CompanyService(m_ctx).balance();
    const auto activity = ActivityLog(m_ctx).count();
    return members && *members == 0 && balance && balance->isZero() && activity && *activity == 0;
}

void MainWindow::offerWelcome()
{
    if (!accountIsEmpty())
        return;
    auto* dialog = new WelcomeDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this]() { generateDemo(WelcomeDialog::DemoMembers); });
    dialog->open();
}

void MainWindow::generateDemo(int members)
{
    DemoGenerator::Options options;
    options.members = members;
    BackgroundJob::run<DemoGenerator::Summary>(
        m_ctx, tr("Creating the demo account…"), this,
        [options](const Context& ctx, const BackgroundJob::Progress& progress) {
            return DemoGenerator(ctx).generate(options, progress);
        },
        [this](Result<DemoGenerator::Summary> summary) {
            if (!summary)
                showStatus(summary.error().message);
            else
                showStatus(
                    tr("The demo account is ready: %Ln member(s).", nullptr, summary->members));
            refreshPages();
            showPage(Members);
        });
}

QString MainWindow::saveScreenshot(int index, const QString& path)
{
    if (index < 0 || index >= PageCount)
        return tr("There is no such page.");
    showPage(index);
    if (!isVisible())
        show();
    QCoreApplication::processEvents();
    const QPixmap pixmap = grab();
    if (pixmap.isNull())
        return tr("The window could not be rendered.");
    if (!pixmap.save(path, "PNG"))
        return tr("Cannot write %1.").arg(path);
    return {};
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kPageKey, pageNames().value(currentPage()));
    m_membersPage->saveSettings();
    m_numbersPage->saveSettings();
    m_sipProfilesPage->saveSettings();
    m_activityPage->saveSettings();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(kStateKey).toByteArray();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const int page = pageFromName(settings.value(kPageKey).toString());
    if (page >= 0)
        showPage(page);
    m_membersPage->restoreSettings();
    m_numbersPage->restoreSettings();
    m_sipProfilesPage->restoreSettings();
    m_activityPage->restoreSettings();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_options.saveSettings)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        if (m_options.showWelcome)
            QTimer::singleShot(0, this, &MainWindow::offerWelcome);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Switchboard"));
    setAccessibleName(tr("Switchboard"));
    const QStringList titles = {tr("Dashboard"),    tr("Members"),         tr("Numbers"),
                                tr("SIP profiles"), tr("Calls & reports"), tr("Activity"),
                                tr("Settings")};
    for (int i = 0; i < PageCount; ++i) {
        QListWidgetItem* item = m_navigation->item(i);
        item->setText(titles[i]);
        item->setData(Qt::AccessibleTextRole, titles[i]);
        m_pageActions[i]->setText(titles[i]);
        m_pageActions[i]->setToolTip(
            tr("Show %1 (%2)")
                .arg(titles[i], m_pageActions[i]->shortcut().toString(QKeySequence::NativeText)));
    }
    m_navigation->setAccessibleName(tr("Navigation"));
    m_pages->setAccessibleName(tr("Pages"));
    m_fileMenu->setTitle(tr("&File"));
    m_companyMenu->setTitle(tr("&Company"));
    m_membersMenu->setTitle(tr("&Members"));
    m_numbersMenu->setTitle(tr("&Numbers"));
    m_profilesMenu->setTitle(tr("&SIP profiles"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main tool bar"));
    m_toolBar->setAccessibleName(tr("Main tool bar"));
    m_topUpAction->setText(tr("&Top up…"));
    m_topUpAction->setToolTip(
        tr("Add bought credit to the company balance (%1)")
            .arg(m_topUpAction->shortcut().toString(QKeySequence::NativeText)));
    m_billingAction->setText(tr("Run &billing now"));
    m_billingAction->setToolTip(tr("Process everything due up to now: monthly limits, renewals"));
    m_findAction->setText(tr("&Find"));
    m_refreshAction->setText(tr("&Refresh"));
    m_quitAction->setText(tr("&Quit"));
    m_aboutAction->setText(tr("&About Switchboard"));
    for (QAction* a : {m_topUpAction, m_billingAction, m_findAction, m_refreshAction, m_quitAction,
                       m_aboutAction})
        a->setStatusTip(a->toolTip());
    m_databaseLabel->setText(m_ctx.db.displaySpec());
    m_databaseLabel->setToolTip(tr("The database in use"));
    m_databaseLabel->setAccessibleName(tr("Database: %1").arg(m_ctx.db.displaySpec()));
    refreshCompanyBalance();
}

} // namespace sb::ui
