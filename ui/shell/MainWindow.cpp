#include "ui/shell/MainWindow.h"

#include "core/base/Version.h"
#include "core/billing/BillingService.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/secrets/ProtectedFiles.h"
#include "core/secrets/RememberedDatabase.h"
#include "core/storage/LiveChanges.h"
#include "ui/calls/CallsPage.h"
#include "ui/members/MembersPage.h"
#include "ui/numbers/NumbersPage.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/ActivityPage.h"
#include "ui/shell/DashboardPage.h"
#include "ui/shell/SettingsPage.h"
#include "ui/shell/TopUpDialog.h"
#include "ui/shell/WelcomeDialog.h"
#include "ui/widgets/BackgroundJob.h"
#include "ui/widgets/ContextMenuKey.h"
#include "ui/widgets/Icons.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDeadlineTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <utility>

namespace sb::ui {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kPageKey = QStringLiteral("mainWindow/page");
const QString kDatabaseKey = QStringLiteral("database");
constexpr int kBillingIntervalMs = 60 * 60 * 1000;
constexpr int kStatusTimeoutMs = 15000;

/// The window's pages, in side bar order (Ctrl+1, Ctrl+2, … follow it). A page is one line.
const QList<PageRegistration>& registeredPages()
{
    static const QList<PageRegistration> pages = {
        PageRegistration::of<DashboardPage>("dashboard",
                                            QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Dashboard")),
        PageRegistration::of<MembersPage>("members",
                                          QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Members")),
        PageRegistration::of<NumbersPage>("numbers",
                                          QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Numbers")),
        PageRegistration::of<SipProfilesPage>(
            "sip-profiles", QT_TRANSLATE_NOOP("sb::ui::MainWindow", "SIP profiles")),
        PageRegistration::of<CallsPage>("calls",
                                        QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Calls & reports")),
        PageRegistration::of<ActivityPage>("activity",
                                           QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Activity")),
        PageRegistration::of<SettingsPage>("settings",
                                           QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Settings")),
    };
    return pages;
}
} // namespace

MainWindow::MainWindow(Context ctx, MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent), m_ctx(std::move(ctx)), m_options(options)
{
    setObjectName(QStringLiteral("mainWindow"));
    // Shift+F10 opens the focused widget's context menu on every platform (see ContextMenuKey).
    qApp->installEventFilter(new ContextMenuKey(this));
    if (!m_ctx.notifier)
        m_ctx.notifier = &m_ownNotifier;

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSpacing(2);
    m_navigation->setMinimumWidth(150);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pages"));
    // Only the page shown first is built now (start-up time and memory on a big account);
    // the others when first needed.
    for (const PageRegistration& registration : registeredPages()) {
        m_pages.push_back(nullptr);
        m_stack->addWidget(new QWidget(m_stack));
        auto* item = new QListWidgetItem(m_navigation);
        item->setData(Qt::UserRole, QString::fromLatin1(registration.id));
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 14));
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_stack);
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
    // Icons for the side bar, the menus and the tool bar (the theme's, else our own drawn in
    // the palette's colour); actions of pages built later get theirs as they are shown.
    Icons::decorate(this);

    connect(m_ctx.notifier, &Notifier::changed, this, [this](const Changes& changes) {
        if (changes.companyBalance)
            refreshCompanyBalance();
    });
    if (m_options.followOtherAdmins) {
        m_live = std::make_unique<LiveChanges>(m_ctx.notifier);
        // The pages refresh through the Notifier; the status bar only says where it came
        // from, without covering the admin's own news.
        connect(m_live.get(), &LiveChanges::received, this, [this] {
            const QString note = tr("Updated by another admin.");
            const QString shown = statusBar()->currentMessage();
            if (shown.isEmpty() || shown == note)
                showStatus(note);
        });
        followOtherAdmins();
    }

    m_billingTimer = new QTimer(this);
    m_billingTimer->setInterval(kBillingIntervalMs);
    connect(m_billingTimer, &QTimer::timeout, this, &MainWindow::runBilling);
    if (m_options.runBilling) {
        m_billingTimer->start();
        QTimer::singleShot(0, this, &MainWindow::runBilling);
    }

    resize(1280, 800);
    int first = pageFromName(m_options.startPage);
    if (m_options.restoreSettings) {
        const int remembered = pageFromName(QSettings().value(kPageKey).toString());
        if (remembered >= 0)
            first = remembered;
    }
    showPage(first >= 0 ? first : pageFromName(QStringLiteral("members")));
    if (m_options.restoreSettings)
        restoreSettings();
    // Connected only now, so that opening the window does not overwrite the remembered page.
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        ensurePage(row);
        m_stack->setCurrentIndex(row);
        showPageActions(row);
        if (m_options.saveSettings)
            QSettings().setValue(kPageKey, pageNames().value(row));
    });
    // A screen reader's "select" action (AT-SPI Selection) selects a row without making it
    // current; the page follows whatever the side bar selects, however it was selected.
    connect(m_navigation, &QListWidget::itemSelectionChanged, this, [this] {
        const QList<QListWidgetItem*> selected = m_navigation->selectedItems();
        if (selected.size() == 1 &&
            m_navigation->row(selected.first()) != m_navigation->currentRow())
            m_navigation->setCurrentRow(m_navigation->row(selected.first()));
    });
    retranslateUi();
}

MainWindow::~MainWindow()
{
    // Work still running on a worker thread (billing, an import, the demo) announces to the
    // Notifier this window owns: it ends before the Notifier goes.
    m_billingAgain = false;
    qDeleteAll(findChildren<BackgroundJob*>());
}

void MainWindow::followOtherAdmins()
{
    if (!m_live)
        return;
    if (auto r = m_live->follow(m_ctx.db); !r)
        showStatus(
            tr("Changes by other admins do not show for now (tried again every 30 seconds): %1")
                .arg(r.error().message));
}

QStringList MainWindow::pageNames()
{
    QStringList names;
    for (const PageRegistration& registration : registeredPages())
        names.append(QString::fromLatin1(registration.id));
    return names;
}

MembersPage* MainWindow::membersPage() const
{
    return pageWidget<MembersPage>();
}

NumbersPage* MainWindow::numbersPage() const
{
    return pageWidget<NumbersPage>();
}

SipProfilesPage* MainWindow::sipProfilesPage() const
{
    return pageWidget<SipProfilesPage>();
}

ActivityPage* MainWindow::activityPage() const
{
    return pageWidget<ActivityPage>();
}

DashboardPage* MainWindow::dashboardPage() const
{
    return pageWidget<DashboardPage>();
}

SettingsPage* MainWindow::settingsPage() const
{
    return pageWidget<SettingsPage>();
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
        // The page's own search, or the members' on a page without one.
        const int current = currentPage();
        if (current >= 0 && ensurePage(current)->focusSearch())
            return;
        showPage(QStringLiteral("members"));
        membersPage()->focusSearch();
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

    for (int i = 0; i < pageCount(); ++i) {
        auto* a = new QAction(this);
        a->setObjectName(Page::actionName(QString::fromLatin1(registeredPages()[i].id)));
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i]() { showPage(i); });
        m_pageActions.append(a);
    }
}

void MainWindow::createMenus()
{
    // The pages' own entries join these menus when the pages are built (pageBuilt()).
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenuPageEnd = m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_companyMenu = menuBar()->addMenu(QString());
    m_companyMenu->setObjectName(QStringLiteral("companyMenu"));
    m_companyMenu->addAction(m_topUpAction);
    m_companyMenu->addAction(m_billingAction);

    m_membersMenu = menuBar()->addMenu(QString());
    m_membersMenu->setObjectName(QStringLiteral("membersMenu"));
    m_membersMenuPageEnd = m_membersMenu->addSeparator();
    m_membersMenu->addAction(m_findAction);

    m_numbersMenu = menuBar()->addMenu(QString());
    m_numbersMenu->setObjectName(QStringLiteral("numbersMenu"));

    m_profilesMenu = menuBar()->addMenu(QString());
    m_profilesMenu->setObjectName(QStringLiteral("sipProfilesMenu"));
    m_profilesMenuBundles = m_profilesMenu->addSeparator();

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
    m_toolBar->installEventFilter(this);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_topUpAction);
    m_toolBar->addSeparator();
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBarEnd = m_toolBar->addWidget(spacer);
    // The company balance is always in sight (SPEC): in the menu bar's corner, where a tool
    // bar crowded by a page's actions in a long language cannot push it behind "»".
    menuBar()->setCornerWidget(m_balanceLabel, Qt::TopRightCorner);
}

int MainWindow::pageIndexOf(const QMetaObject* type) const
{
    const QList<PageRegistration>& pages = registeredPages();
    for (int i = 0; i < pages.size(); ++i)
        if (pages[i].type == type)
            return i;
    return -1;
}

bool MainWindow::isPageBuilt(int index) const
{
    return index >= 0 && index < pageCount() && m_pages[index] != nullptr;
}

Page* MainWindow::ensurePage(int index)
{
    if (index < 0 || index >= pageCount())
        return nullptr;
    if (!m_pages[index]) {
        m_pages[index] = registeredPages()[index].create(m_ctx, m_stack);
        QWidget* placeholder = m_stack->widget(index);
        const bool current = m_stack->currentIndex() == index;
        m_stack->insertWidget(index, m_pages[index]->widget());
        m_stack->removeWidget(placeholder);
        delete placeholder;
        if (current)
            m_stack->setCurrentIndex(index);
        pageBuilt(index);
    }
    return m_pages[index].get();
}

void MainWindow::pageBuilt(int index)
{
    Page& built = *m_pages[index];
    built.onStatusMessage(this, [this](const QString& text) { showStatus(text); });
    QWidget* widget = built.widget();
    // Requests from one page to another go to the other page, built then if need be; what
    // changed reaches every page through the Notifier.
    if (auto* members = qobject_cast<MembersPage*>(widget)) {
        connect(
            members, &MembersPage::buyNumbersRequested, this,
            [this](const QStringList& accounts) { numbersPage()->buyNumbersForMembers(accounts); });
        connect(members, &MembersPage::cancelNumbersRequested, this,
                [this](const QStringList& accounts) {
                    numbersPage()->cancelNumbersOfMembers(accounts);
                });
        m_fileMenu->insertAction(m_fileMenuPageEnd, members->importAction());
        m_fileMenu->insertAction(m_fileMenuPageEnd, members->exportAction());
        for (QAction* a : members->memberActions()) {
            if (a->objectName() == QLatin1String("importMembersAction") || a->isSeparator())
                break;
            m_membersMenu->insertAction(m_membersMenuPageEnd, a);
        }
    } else if (auto* numbers = qobject_cast<NumbersPage*>(widget)) {
        m_numbersMenu->addActions(numbers->numberActions());
    } else if (auto* profiles = qobject_cast<SipProfilesPage*>(widget)) {
        connect(
            profiles, &SipProfilesPage::buyNumbersRequested, this,
            [this](const QList<NumberHolder>& holders) { numbersPage()->buyNumbersFor(holders); });
        m_profilesMenu->insertActions(m_profilesMenuBundles, profiles->profileActions());
        m_profilesMenu->addActions(profiles->bundleActions());
    } else if (auto* calls = qobject_cast<CallsPage*>(widget)) {
        // Tool bar buttons take no focus: the File menu is the keyboard's way to them.
        m_callsMenu = new QMenu(m_fileMenu);
        m_callsMenu->setObjectName(QStringLiteral("callsMenu"));
        m_callsMenu->addActions(calls->toolBarActions());
        m_callsMenu->setTitle(tr("&Call records"));
        m_fileMenu->insertMenu(m_fileMenuPageEnd, m_callsMenu);
    } else if (auto* settings = qobject_cast<SettingsPage*>(widget)) {
        connect(settings, &SettingsPage::databaseRequested, this, &MainWindow::switchDatabase);
        settings->setCurrentDatabase(m_ctx.db.displaySpec());
    } else if (auto* dashboard = qobject_cast<DashboardPage*>(widget)) {
        connect(dashboard, &DashboardPage::openRequested, this,
                [this](AttentionItem::Target target, const QString& key) {
                    switch (target) {
                    case AttentionItem::Target::Member:
                        showMember(key);
                        break;
                    case AttentionItem::Target::Profile:
                        showProfile(key);
                        break;
                    case AttentionItem::Target::Number:
                        showNumber(key);
                        break;
                    case AttentionItem::Target::None:
                        break;
                    }
                });
        dashboard->setQuickActions(
            {m_topUpAction, membersPage()->addMemberAction(), membersPage()->importAction()});
        // The guide shows on an empty account only: its pages are built when it does.
        dashboard->setGuideActions(std::function<QList<QAction*>()>([this]() {
            QList<QAction*> firstSteps{m_topUpAction, membersPage()->addMemberAction(),
                                       sipProfilesPage()->createAction(),
                                       numbersPage()->buyAction()};
            if (auto* calls = pageWidget<CallsPage>())
                firstSteps.append(calls->importAction());
            return firstSteps;
        }));
    }
    if (m_options.restoreSettings && m_settingsRestored)
        built.restoreSettings();
}

void MainWindow::buildAllPages()
{
    for (int i = 0; i < pageCount(); ++i)
        ensurePage(i);
}

void MainWindow::buildNextPageLater()
{
    // One page per turn of the event loop, after what is queued (a paint, a click).
    QTimer::singleShot(0, this, [this]() {
        for (int i = 0; i < pageCount(); ++i) {
            if (!m_pages[i]) {
                ensurePage(i);
                buildNextPageLater();
                return;
            }
        }
    });
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

QWidget* MainWindow::page(int index) const
{
    // Building a page on first use changes no state a caller could see but the page itself.
    Page* p = const_cast<MainWindow*>(this)->ensurePage(index);
    return p ? p->widget() : nullptr;
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= pageCount())
        return;
    ensurePage(index);
    m_navigation->setCurrentRow(index);
    m_stack->setCurrentIndex(index);
    showPageActions(index);
}

bool MainWindow::showMember(const QString& account)
{
    showPage(QStringLiteral("members"));
    return !account.isEmpty() && membersPage()->locateMember(account);
}

bool MainWindow::showProfile(const QString& name)
{
    showPage(QStringLiteral("sip-profiles"));
    return !name.isEmpty() && sipProfilesPage()->locateProfile(name);
}

bool MainWindow::showNumber(const QString& e164)
{
    showPage(QStringLiteral("numbers"));
    return !e164.isEmpty() && numbersPage()->locateNumber(e164);
}

void MainWindow::showPage(const QString& id)
{
    showPage(pageFromName(id));
}

void MainWindow::showPageActions(int page)
{
    // The tool bar follows the page: its own actions between the company's and the balance.
    const QList<QAction*> wanted =
        page >= 0 && page < pageCount() ? ensurePage(page)->toolBarActions() : QList<QAction*>();
    if (wanted == m_toolBarShown)
        return;
    for (QAction* a : std::as_const(m_toolBarShown))
        m_toolBar->removeAction(a);
    m_toolBarShown = wanted;
    m_toolBar->insertActions(m_toolBarEnd, m_toolBarShown);
    m_toolBarWanted = -1;
    fitToolBar();
}

void MainWindow::refreshPages()
{
    for (const auto& page : m_pages)
        if (page)
            page->refresh();
    refreshCompanyBalance();
}

void MainWindow::showStatus(const QString& text)
{
    statusBar()->showMessage(text, kStatusTimeoutMs);
}

void MainWindow::refreshCompanyBalance()
{
    const auto balance = CompanyService(m_ctx).balance();
    if (balance) {
        m_balanceText = tr("Company balance: %1").arg(balance->toCurrencyString(QLocale()));
        m_balanceShortText = balance->toCurrencyString(QLocale());
    } else {
        m_balanceText = tr("Company balance: unknown (%1)").arg(balance.error().message);
        m_balanceShortText = tr("unknown");
    }
    m_balanceLabel->setAccessibleName(m_balanceText);
    m_balanceLabel->setToolTip(
        tr("%1. What the company can still give to members. Top up to add bought credit.")
            .arg(m_balanceText));
    fitCompanyBalance();
}

void MainWindow::fitCompanyBalance()
{
    // The menu bar's corner keeps what its menus leave: the whole sentence where it fits
    // (English, most widths), else the amount alone, never a cut figure.
    int menusEnd = 0;
    for (QAction* a : menuBar()->actions())
        menusEnd = std::max(menusEnd, menuBar()->actionGeometry(a).right());
    const QMargins margins = m_balanceLabel->contentsMargins();
    const int room = width() - menusEnd - 16 - margins.left() - margins.right();
    const QFontMetrics metrics(m_balanceLabel->font());
    const QString text =
        metrics.horizontalAdvance(m_balanceText) <= room ? m_balanceText : m_balanceShortText;
    if (m_balanceLabel->text() != text) {
        m_balanceLabel->setText(text);
        menuBar()->adjustSize();
        menuBar()->updateGeometry();
    }
}

void MainWindow::runBilling()
{
    // One run at a time; a run asked for meanwhile follows it (billing is idempotent).
    if (m_billingJob) {
        m_billingAgain = true;
        return;
    }
    // Off the UI thread, on the job's own connection: on a big account billing writes for
    // seconds, and the window keeps painting. What it changed reaches the pages through the
    // Notifier; its news comes to the status bar.
    m_billingJob = BackgroundJob::run<BillingService::Report>(
        m_ctx, tr("Running billing…"), this,
        [](const Context& ctx, const BackgroundJob::Progress&) {
            return BillingService(ctx).run();
        },
        [this](Result<BillingService::Report> report) {
            m_billingJob = nullptr;
            showBillingReport(report);
            emit billingFinished();
            if (std::exchange(m_billingAgain, false))
                runBilling();
        },
        BackgroundJob::Feedback::Quiet);
}

bool MainWindow::isBillingRunning() const
{
    return m_billingJob != nullptr;
}

void MainWindow::showBillingReport(const Result<BillingService::Report>& report)
{
    if (!report) {
        showStatus(tr("Billing could not run: %1").arg(report.error().message));
        return;
    }
    showStatus(billingNews(*report));
}

QString MainWindow::billingNews(const BillingService::Report& report)
{
    if (!report.messages.isEmpty()) {
        const QString shown = report.messages.mid(0, BillingNewsShown).join(QLatin1Char(' '));
        const int more = int(report.messages.size()) - BillingNewsShown;
        return tr("Billing: %1")
            .arg(more > 0 ? tr("%1 … and %Ln more on the Activity page.", nullptr, more).arg(shown)
                          : shown);
    }
    if (report.bundlesRenewed.size() > BillingNewsShown)
        return tr("Billing: the US minute bundles of %Ln SIP profile(s) were renewed from their "
                  "balances.",
                  nullptr, int(report.bundlesRenewed.size()));
    if (!report.bundlesRenewed.isEmpty())
        return tr("Billing: the US minute bundles of %1 were renewed from their balances.")
            .arg(report.bundlesRenewed.join(QStringLiteral(", ")));
    if (report.autoRechargesReset > 0)
        return tr("Billing: %n monthly recharge limit(s) started afresh.", nullptr,
                  report.autoRechargesReset);
    return tr("Billing: nothing was due.");
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
}

void MainWindow::switchDatabase(const QString& spec)
{
    auto db = Database::open(spec);
    if (!db) {
        settingsPage()->showDatabaseResult(false, db.error().message);
        return;
    }
    m_ctx.db = *db;
    followOtherAdmins();
    if (auto g = ProfileService(m_ctx).guardKeyFile(); !g)
        qWarning("switchboard: %s", qPrintable(g.error().message));
    if (auto r = ProfileService(m_ctx).resealSecrets(); !r)
        qWarning("switchboard: %s", qPrintable(r.error().message));
    QSettings settings;
    const auto remembered = RememberedDatabase::save(settings, kDatabaseKey, spec);
    settingsPage()->setCurrentDatabase(m_ctx.db.displaySpec());
    if (remembered)
        settingsPage()->showDatabaseResult(true, tr("Now using %1.").arg(m_ctx.db.displaySpec()));
    else
        settingsPage()->showDatabaseResult(
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

void MainWindow::generateDemo(int members, bool intoExistingAccount)
{
    DemoGenerator::Options options;
    options.members = members;
    options.intoExistingAccount = intoExistingAccount;
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
            showPage(QStringLiteral("members"));
        });
}

QString MainWindow::saveScreenshot(int index, const QString& path)
{
    if (index < 0 || index >= pageCount())
        return tr("There is no such page.");
    if (auto guard = ProtectedFiles::checkOutput(m_ctx.db, path); !guard)
        return guard.error().message;
    showPage(index);
    if (!isVisible())
        show();
    // What the page reads on worker threads (the dashboard's list and charts) is shown
    // before the picture is taken; a timer wakes the wait in case nothing else does.
    QDeadlineTimer deadline(ScreenshotReadingTimeoutMs);
    QTimer wake;
    wake.start(20);
    while (ensurePage(index)->isReading() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    // A few rounds: the tool bar's style and the balance's text settle on the first resize
    // and post layout requests of their own.
    for (int round = 0; round < 4; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
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
    for (const auto& page : m_pages)
        if (page)
            page->saveSettings();
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
    // The remembered page was chosen in the constructor; pages built later restore their own
    // settings then.
    m_settingsRestored = true;
    for (const auto& p : m_pages)
        if (p)
            p->restoreSettings();
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
        if (m_options.buildOtherPagesLater)
            buildNextPageLater();
        if (m_options.showWelcome)
            QTimer::singleShot(0, this, &MainWindow::offerWelcome);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        QTimer::singleShot(0, this, [this] {
            m_toolBarWanted = -1;
            fitToolBar();
            fitCompanyBalance();
        });
    }
    QMainWindow::changeEvent(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // An action shown, hidden or renamed changes what the tool bar wants: measured again,
    // once, after the change settles.
    if (watched == m_toolBar &&
        (event->type() == QEvent::ActionChanged || event->type() == QEvent::ActionAdded ||
         event->type() == QEvent::ActionRemoved) &&
        m_toolBarWanted >= 0) {
        m_toolBarWanted = -1;
        QTimer::singleShot(0, this, &MainWindow::fitToolBar);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    fitToolBar();
    fitCompanyBalance();
}

int MainWindow::measureToolBar() const
{
    // The width the tool bar's buttons want with their texts, measured as the buttons
    // themselves would be: the layout's hint covers only what it currently shows.
    int wanted = 0;
    const int spacing = m_toolBar->layout() ? m_toolBar->layout()->spacing() : 0;
    QToolButton probe;
    probe.setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    probe.setIconSize(m_toolBar->iconSize());
    for (QAction* a : m_toolBar->actions()) {
        if (!a->isVisible())
            continue;
        if (a->isSeparator()) {
            wanted += 8;
            continue;
        }
        QWidget* w = m_toolBar->widgetForAction(a);
        if (auto* button = qobject_cast<QToolButton*>(w)) {
            probe.setFont(button->font());
            probe.setDefaultAction(a);
            wanted += probe.sizeHint().width() + spacing;
        } else if (w && a != m_toolBarEnd) {
            wanted += w->sizeHint().width() + spacing;
        }
    }
    return wanted;
}

void MainWindow::fitToolBar()
{
    if (!m_toolBar)
        return;
    // Measured once per page and language, not on every step of a resize.
    if (m_toolBarWanted < 0)
        m_toolBarWanted = measureToolBar();
    const QMargins margins = m_toolBar->contentsMargins();
    const int room = width() - margins.left() - margins.right() - 24;
    m_toolBar->setToolButtonStyle(m_toolBarWanted <= room ? Qt::ToolButtonTextBesideIcon
                                                          : Qt::ToolButtonIconOnly);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Switchboard"));
    setAccessibleName(tr("Switchboard"));
    for (int i = 0; i < pageCount(); ++i) {
        const QString title =
            QCoreApplication::translate("sb::ui::MainWindow", registeredPages()[i].title);
        QListWidgetItem* item = m_navigation->item(i);
        item->setText(title);
        item->setData(Qt::AccessibleTextRole, title);
        // A menu takes "&" for a mnemonic ("Calls & reports" read as "Calls  reports"): the
        // title's own ampersands are doubled to stay text.
        m_pageActions[i]->setText(QString(title).replace(QLatin1Char('&'), QLatin1String("&&")));
        m_pageActions[i]->setToolTip(
            tr("Show %1 (%2)")
                .arg(title, m_pageActions[i]->shortcut().toString(QKeySequence::NativeText)));
    }
    // The side bar as wide as its longest page name in this language beside its icon
    // ("Gesprekken en rapporten" was cut to "Gesprekken en rapp…"), measured by the style as
    // the view draws each item: the items' own size hints carry only their height.
    // No icon size of its own: the list view draws icons at the style's list size.
    const int iconSide =
        m_navigation->style()->pixelMetric(QStyle::PM_ListViewIconSize, nullptr, m_navigation);
    const QSize iconSize =
        m_navigation->iconSize().isValid() ? m_navigation->iconSize() : QSize(iconSide, iconSide);
    int widest = 0;
    for (int i = 0; i < m_navigation->count(); ++i) {
        const QListWidgetItem* item = m_navigation->item(i);
        QStyleOptionViewItem option;
        option.initFrom(m_navigation);
        option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
        option.text = item->text();
        option.icon = item->icon();
        option.decorationSize = iconSize;
        option.decorationPosition = QStyleOptionViewItem::Left;
        option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
        option.font = m_navigation->font();
        option.fontMetrics = m_navigation->fontMetrics();
        widest = std::max(
            widest, m_navigation->style()
                        ->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), m_navigation)
                        .width());
    }
    m_navigation->setMinimumWidth(
        std::max(150, widest + 2 * m_navigation->frameWidth() + 2 * m_navigation->spacing()));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_stack->setAccessibleName(tr("Pages"));
    m_fileMenu->setTitle(tr("&File"));
    m_companyMenu->setTitle(tr("&Company"));
    m_membersMenu->setTitle(tr("&Members"));
    m_numbersMenu->setTitle(tr("&Numbers"));
    m_profilesMenu->setTitle(tr("&SIP profiles"));
    if (m_callsMenu)
        m_callsMenu->setTitle(tr("&Call records"));
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
    m_databaseLabel->setAccessibleDescription(tr("Database: %1").arg(m_ctx.db.displaySpec()));
    refreshCompanyBalance();
}

} // namespace sb::ui
