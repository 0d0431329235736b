#pragma once

#include "core/storage/Context.h"

#include <QMainWindow>
#include <QStringList>

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
};

/// The window: navigation side bar, pages, the always-visible company balance, menus and
/// tool bar with the actions, billing at start and hourly.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page
    {
        Dashboard,
        Members,
        Numbers,
        SipProfiles,
        Calls,
        Activity,
        Settings,
        PageCount
    };

    explicit MainWindow(Context ctx, MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The window's context: its database connection, clock and actor.
    Context& context() { return m_ctx; }

    /// "dashboard", "members", "numbers", "sip-profiles", "calls", "activity", "settings".
    static QStringList pageNames();
    /// The page of a name, or -1.
    static int pageFromName(const QString& name);
    /// Which database to open: the command line's, else $SWITCHBOARD_DATABASE, else the one
    /// chosen in Settings, else the default file.
    static QString startupDatabaseSpec(const QString& fromCommandLine);

    int currentPage() const;
    QWidget* page(int index) const;
    MembersPage* membersPage() const { return m_membersPage; }
    NumbersPage* numbersPage() const { return m_numbersPage; }
    SipProfilesPage* sipProfilesPage() const { return m_sipProfilesPage; }
    ActivityPage* activityPage() const { return m_activityPage; }
    DashboardPage* dashboardPage() const { return m_dashboardPage; }
    SettingsPage* settingsPage() const { return m_settingsPage; }

    /// Renders a page to a PNG (for --screenshot). Returns an error message, empty on success.
    QString saveScreenshot(int page, const QString& path);

public slots:
    void showPage(int index);
    /// After any change: company balance, dashboard, activity.
    void refreshAll();
    void refreshCompanyBalance();
    /// Everything due up to now (renewals, monthly resets); news in the status bar.
    void runBilling();
    void topUp();
    /// Reopens the window on another database; the outcome shows in Settings.
    void switchDatabase(const QString& spec);
    /// The welcome dialog, if the account is empty.
    void offerWelcome();
    /// Fills the database with demo members, off the UI thread.
    void generateDemo(int members);
    void showStatus(const QString& text);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    /// The tool bar shows the company actions and those of the page in view.
    void showPageActions(int page);
    void refreshMembers(const QStringList& accounts);
    /// Every page's data again (after billing, a database switch, Refresh).
    void refreshPages();
    void saveSettings() const;
    void restoreSettings();
    bool accountIsEmpty() const;

    Context m_ctx;
    MainWindowOptions m_options;
    QSplitter* m_splitter = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    DashboardPage* m_dashboardPage = nullptr;
    MembersPage* m_membersPage = nullptr;
    NumbersPage* m_numbersPage = nullptr;
    SipProfilesPage* m_sipProfilesPage = nullptr;
    ActivityPage* m_activityPage = nullptr;
    SettingsPage* m_settingsPage = nullptr;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_balanceLabel = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_companyMenu = nullptr;
    QMenu* m_membersMenu = nullptr;
    QMenu* m_numbersMenu = nullptr;
    QMenu* m_profilesMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_topUpAction = nullptr;
    QAction* m_billingAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_refreshAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QList<QAction*> m_pageActions;
    QList<QList<QAction*>> m_toolBarActions; ///< per page
    QList<QAction*> m_toolBarShown;
    QAction* m_toolBarEnd = nullptr;
    QTimer* m_billingTimer = nullptr;
    bool m_shownOnce = false;
};

} // namespace sb::ui
