#pragma once

#include "core/billing/BillingService.h"
#include "core/storage/Context.h"
#include "core/storage/Notifier.h"
#include "ui/shell/Page.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>
#include <vector>

namespace sb {
class LiveChanges;
}

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTimer;
class QToolBar;

namespace sb::ui {

class ActivityPage;
class BackgroundJob;
class DashboardPage;
class MembersPage;
class NumbersPage;
class SettingsPage;
class SipProfilesPage;

/// How the window starts.
struct MainWindowOptions
{
    /// Greet the admin on an empty database (off for tests, screenshots, --no-welcome).
    bool showWelcome = true;
    /// Run billing at start and hourly.
    bool runBilling = true;
    /// Restore size, layout and last page from QSettings.
    bool restoreSettings = true;
    /// Remember the page shown, size and layout in QSettings (off for screenshots, which
    /// change nothing).
    bool saveSettings = true;
    /// Show what other admins and switchboardctl commit to the same database as it happens
    /// (LiveChanges); off for screenshots and for the window tests that write behind the
    /// window's back.
    bool followOtherAdmins = true;
    /// The page shown first ("members" when empty; the remembered page wins when settings are
    /// restored). Only that page is built before the first paint.
    QString startPage;
    /// Builds the other pages one by one once the window is shown, so that their actions'
    /// shortcuts and menus are there soon after start; off for screenshots, which show one
    /// page and exit.
    bool buildOtherPagesLater = true;
};

/// The window: navigation side bar, pages, the always-visible company balance, menus and
/// tool bar with the actions, billing at start and hourly. Its pages come from one
/// registration (MainWindow.cpp); what the services commit reaches the models and labels
/// through the context's Notifier, which the window owns unless the context brings one.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Context ctx, MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The window's context: its database connection, clock and actor.
    Context& context() { return m_ctx; }

    /// The registered pages' ids in order: "dashboard", "members", "numbers", "sip-profiles",
    /// "calls", "activity", "settings".
    static QStringList pageNames();
    /// The page of a name, or -1.
    static int pageFromName(const QString& name);
    int pageCount() const { return static_cast<int>(m_pages.size()); }
    /// Builds every page not built yet (pages are built when first needed: shown, asked for
    /// by type, or after start; see MainWindowOptions::buildOtherPagesLater).
    void buildAllPages();
    /// Whether the page is built yet.
    bool isPageBuilt(int index) const;
    /// Which database to open: the command line's, else $SWITCHBOARD_DATABASE, else the one
    /// chosen in Settings, else the default file.
    static QString startupDatabaseSpec(const QString& fromCommandLine);
    /// The status bar's line for a billing run: its news, at most BillingNewsShown lines of
    /// it and how many more the Activity page lists (a run over 5,000 auto-recharges made a
    /// line of 5,000 sentences, laid out again at every paint of the status bar).
    static QString billingNews(const BillingService::Report& report);
    static constexpr int BillingNewsShown = 2;

    int currentPage() const;
    /// The page's widget, built if it was not yet.
    QWidget* page(int index) const;
    /// The registered page whose widget is a W (built if it was not yet), or null.
    template<typename W> W* pageWidget() const
    {
        const int index = pageIndexOf(&W::staticMetaObject);
        return index < 0 ? nullptr : qobject_cast<W*>(page(index));
    }
    MembersPage* membersPage() const;
    NumbersPage* numbersPage() const;
    SipProfilesPage* sipProfilesPage() const;
    ActivityPage* activityPage() const;
    DashboardPage* dashboardPage() const;
    SettingsPage* settingsPage() const;

    /// Renders a page to a PNG (for --screenshot), once what it reads on worker threads is
    /// shown (at most ScreenshotReadingTimeoutMs). Returns an error message, empty on success.
    QString saveScreenshot(int page, const QString& path);
    static constexpr int ScreenshotReadingTimeoutMs = 60000;

public slots:
    void showPage(int index);
    /// The page of an id ("members"); nothing for an unknown one.
    void showPage(const QString& id);
    /// Every page's data and the company balance again (Refresh, another database, changes
    /// made by another program).
    void refreshPages();
    void refreshCompanyBalance();
    /// Everything due up to now (renewals, monthly resets), off the UI thread on a connection
    /// of its own; news in the status bar when it is done (billingFinished()). Asked while a
    /// run is going on, it runs once more after it.
    void runBilling();
    void topUp();
    /// Reopens the window on another database; the outcome shows in Settings.
    void switchDatabase(const QString& spec);
    /// The welcome dialog, if the account is empty.
    void offerWelcome();
    /// Fills the database with demo members, off the UI thread; refused on an account already
    /// there unless `intoExistingAccount`.
    void generateDemo(int members, bool intoExistingAccount = false);
    void showStatus(const QString& text);
    /// Shows the Members page with `account`'s row selected and in view, searching for it if
    /// it is not fetched; false (the page still shown) when there is no such member.
    bool showMember(const QString& account);
    /// Shows the SIP profiles page with `name` selected; false when there is no such profile.
    bool showProfile(const QString& name);
    /// Shows the Numbers page with `e164` selected and in view; false when there is none.
    bool showNumber(const QString& e164);

signals:
    /// A billing run ended and its news is in the status bar.
    void billingFinished();

public:
    bool isBillingRunning() const;

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    int pageIndexOf(const QMetaObject* type) const;
    /// The page, built first if needed (with its menus, links to other pages and settings).
    Page* ensurePage(int index);
    /// What a page brings to the window once built: its menu entries, its requests to other
    /// pages, its status news.
    void pageBuilt(int index);
    /// One more page built after start, then the next on a later turn of the event loop.
    void buildNextPageLater();
    void createActions();
    void createMenus();
    void retranslateUi();
    /// The tool bar shows the company actions and those of the page in view.
    void showPageActions(int page);
    /// Text beside icons while the tool bar has room, icons alone (the text in the tool tip)
    /// before it would overflow behind "»" in a narrow window or a long language.
    void fitToolBar();
    int measureToolBar() const;
    /// The company balance in the menu bar's corner: the sentence, or the amount alone.
    void fitCompanyBalance();
    void saveSettings() const;
    void restoreSettings();
    bool accountIsEmpty() const;
    /// Follows the context's database for other processes' changes (again, after a switch).
    void followOtherAdmins();
    void showBillingReport(const Result<BillingService::Report>& report);

    /// Announces what the services commit, unless the context came with a Notifier.
    Notifier m_ownNotifier;
    Context m_ctx;
    MainWindowOptions m_options;
    QSplitter* m_splitter = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    /// The registered pages, in order: the side bar rows, the stack and m_pageActions match.
    /// Null until built; the stack holds an empty placeholder for it until then.
    std::vector<std::unique_ptr<Page>> m_pages;
    /// Where the pages' own entries go in the menus (before these).
    QAction* m_fileMenuPageEnd = nullptr;
    QAction* m_membersMenuPageEnd = nullptr;
    QAction* m_profilesMenuBundles = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_companyMenu = nullptr;
    QMenu* m_membersMenu = nullptr;
    QMenu* m_numbersMenu = nullptr;
    QMenu* m_profilesMenu = nullptr;
    QMenu* m_callsMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_topUpAction = nullptr;
    QAction* m_billingAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QList<QAction*> m_pageActions;
    QList<QAction*> m_toolBarShown;
    QString m_balanceText;
    QString m_balanceShortText;
    QAction* m_toolBarEnd = nullptr;
    QTimer* m_billingTimer = nullptr;
    /// The billing run going on, if any (it deletes itself when done).
    BackgroundJob* m_billingJob = nullptr;
    bool m_billingAgain = false;
    /// What the tool bar's buttons want with their texts; -1 until measured.
    int m_toolBarWanted = -1;
    bool m_shownOnce = false;
    /// Set once the window restored its settings: pages built later restore theirs.
    bool m_settingsRestored = false;
    /// Last, so that it goes first: it announces to m_ctx's Notifier.
    std::unique_ptr<LiveChanges> m_live;
};

} // namespace sb::ui
