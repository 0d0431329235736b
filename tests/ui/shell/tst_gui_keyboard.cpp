// The flows of the help pages (the seeds) done with the keyboard alone (issue 13): every key
// goes where a person's would, to the open popup menu, else the widget with the focus; focus
// moves with Tab, arrows, mnemonics and shortcuts; dialogs are confirmed with Enter and left
// with Escape. No mouse, no slot called, no text set on a widget. After each flow the
// database says it happened, and each dialog's Tab chain reaches every control in reading
// order.
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/members/MemberService.h"
#include "core/net/MailSettings.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Context.h"
#include "models/members/MembersModel.h"
#include "tests/support/CdrLines.h"
#include "tests/support/GuiHarness.h"
#include "ui/members/MembersPage.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/HolderCompleter.h"
#include "ui/widgets/LanguageManager.h"
#include "ui/widgets/TablePage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateTimeEdit>
#include <QDeadlineTimer>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QShortcut>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QWindow>
#include <QWizard>

#include <functional>

using namespace sb;

// ---- keys ----------------------------------------------------------------------------------

static QWindow* target()
{
    // A key from the keyboard reaches a window; the window gives it to the open popup, else
    // to its focus widget, after the shortcuts had their turn (the platform's own path).
    if (QWidget* popup = QApplication::activePopupWidget())
        return popup->windowHandle();
    if (QWidget* modal = QApplication::activeModalWidget()) {
        // A dialog under a closed one is active again (the window manager's part, as below):
        // its mnemonics and shortcuts work only in the active window.
        if (QApplication::activeWindow() != modal && modal->isVisible())
            QApplication::setActiveWindow(modal);
        return modal->windowHandle();
    }
    if (QWidget* active = QApplication::activeWindow())
        return active->windowHandle();
    // A closed dialog gives the activation back to the window under it: the window manager's
    // part, which the offscreen platform leaves out.
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && qobject_cast<QMainWindow*>(w)) {
            QApplication::setActiveWindow(w);
            return w->windowHandle();
        }
    }
    return QGuiApplication::focusWindow();
}

static void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier)
{
    QWindow* w = target();
    QVERIFY2(w, "no window takes keys");
    QTest::keyClick(w, k, m);
}

static void typeText(const QString& text)
{
    for (const QChar c : text) {
        QVERIFY2(c.unicode() < 128, "type ASCII only");
        QWindow* w = target();
        QVERIFY2(w, "no window takes keys");
        QTest::keyClick(w, char(c.unicode()));
    }
}

// The control a person sees focused: a spin box or combo box rather than its line edit.
static QWidget* controlOf(QWidget* w)
{
    if (!w)
        return nullptr;
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QComboBox*>(p))
            return p;
        if (p->isWindow())
            break;
    }
    return w;
}

static QWidget* focused()
{
    target(); // the window under a closed dialog is active again
    return controlOf(QApplication::focusWidget());
}

static QString nameOf(QWidget* w)
{
    return w ? w->objectName() : QStringLiteral("(no focus)");
}

static QString describe(QWidget* w)
{
    if (!w)
        return QStringLiteral("(nothing)");
    QString name = w->objectName();
    if (name.isEmpty())
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            name = QLatin1Char('"') + b->text() + QLatin1Char('"');
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(w->metaObject()->className()), name);
}

class TestGuiKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void sideBarReachesEveryPage();
    void topUp();
    void addMember();
    void allocateCredit();
    void autoRecharge();
    void buyNumberForMember();
    void createSipProfile();
    void changeChannels();
    void bundles();
    void importCalls();
    void exportMembers();
    void switchLanguage();
    void tablesOpenDetailsAndContextMenu();
    void escapeCancelsEveryDialog();
    void everyPageTabsRound();
    void otherDialogsByKeys();
    void importMembers();
    void unlinkAccount();
    void extendBundles();
    void saveStatement();
    void reassignNumberByCompletion();
    void mailSettings();
    void shortcutsAreShown();

private:
    /// Runs `answer` once the modal `name` is up (polls, so several can be armed in a row);
    /// the dialog is rejected afterwards if it is still open.
    void whenModal(const QString& name, std::function<void(QWidget*)> answer);
    /// Runs `answer` once a popup menu is open (QMenu::exec of a context menu blocks).
    void whenPopup(std::function<void(QMenu*)> answer);
    /// Opens the menu bar menu holding `action` by its mnemonic and walks to `action` with the
    /// arrow keys, then Enter.
    void triggerFromMenu(const QString& actionName);
    void showPageByKey(int index);
    qint64 scalar(const QString& sql);

    test::GuiHarness m_gui;
    ui::MainWindow* m_window = nullptr;
    QStringList m_modalProblems;
    QStringList m_answered;
};

void TestGuiKeyboard::whenModal(const QString& name, std::function<void(QWidget*)> answer)
{
    auto* timer = new QTimer(this);
    timer->setInterval(10);
    auto deadline = std::make_shared<QDeadlineTimer>(10000);
    connect(timer, &QTimer::timeout, this, [this, timer, deadline, name, answer]() {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal && modal->objectName() == name && modal->isVisible() &&
            QApplication::activeWindow() == modal) {
            timer->stop();
            timer->deleteLater();
            m_answered << name;
            QPointer<QWidget> guard(modal);
            answer(modal);
            if (guard && guard->isVisible()) {
                m_modalProblems << QStringLiteral("%1 stayed open").arg(name);
                if (auto* d = qobject_cast<QDialog*>(guard.data()))
                    d->reject();
                else
                    guard->close();
            }
            return;
        }
        if (deadline->hasExpired()) {
            timer->stop();
            timer->deleteLater();
            m_modalProblems
                << QStringLiteral("%1 never appeared (modal: %2)").arg(name, describe(modal));
            if (auto* d = qobject_cast<QDialog*>(modal))
                d->reject();
        }
    });
    timer->start();
}

void TestGuiKeyboard::whenPopup(std::function<void(QMenu*)> answer)
{
    auto* timer = new QTimer(this);
    timer->setInterval(10);
    auto deadline = std::make_shared<QDeadlineTimer>(5000);
    connect(timer, &QTimer::timeout, this, [this, timer, deadline, answer]() {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (menu && menu->isVisible()) {
            timer->stop();
            timer->deleteLater();
            m_answered << QStringLiteral("popup");
            QPointer<QMenu> guard(menu);
            answer(menu);
            if (guard && guard->isVisible()) {
                m_modalProblems << QStringLiteral("a popup menu stayed open");
                guard->close();
            }
            return;
        }
        if (deadline->hasExpired()) {
            timer->stop();
            timer->deleteLater();
            m_modalProblems << QStringLiteral("no popup menu appeared");
        }
    });
    timer->start();
}

static bool tabTo(QWidget* w, int max = 40)
{
    for (int i = 0; i < max; ++i) {
        if (focused() == w)
            return true;
        key(Qt::Key_Tab);
    }
    return focused() == w;
}

// Where `w` lies in `top` with every scroll area scrolled to its start: Tab scrolls the area
// to the focused control, which must not make the order look different.
static QRect rectIn(QWidget* w, QWidget* top)
{
    for (QWidget* p = w->parentWidget(); p && p != top; p = p->parentWidget()) {
        auto* area = qobject_cast<QScrollArea*>(p);
        if (area && area->widget() && area->widget()->isAncestorOf(w)) {
            const QPoint inContent = w->mapTo(area->widget(), QPoint(0, 0));
            const QPoint origin = area->viewport()->mapTo(top, QPoint(0, 0));
            return QRect(origin + inContent, w->size());
        }
    }
    return QRect(w->mapTo(top, QPoint(0, 0)), w->size());
}

static void checkTabChain(QWidget* dialog, const QString& what)
{
    QWidget* start = focused();
    QVERIFY2(start && start->window() == dialog,
             qPrintable(QStringLiteral("%1: the focus is not in the dialog but on %2")
                            .arg(what, describe(start))));
    QList<QWidget*> chain{start};
    int sections = 0;
    for (int i = 0; i < 100; ++i) {
        key(Qt::Key_Tab);
        QWidget* w = focused();
        // A date edit takes Tab from one section to the next before it lets go.
        if (w == chain.last() && qobject_cast<QDateTimeEdit*>(w) && ++sections < 10)
            continue;
        sections = 0;
        if (w == start)
            break;
        QVERIFY2(
            w && w->window() == dialog,
            qPrintable(QStringLiteral("%1: Tab left the dialog for %2").arg(what, describe(w))));
        if (chain.contains(w)) {
            QStringList names;
            for (QWidget* c : chain)
                names << describe(c);
            QFAIL(qPrintable(
                QStringLiteral("%1: Tab is stuck in a loop at %2 and never returns to %3 (%4)")
                    .arg(what, describe(w), describe(start), names.join(QStringLiteral(" → ")))));
        }
        chain << w;
    }
    QCOMPARE(focused(), start);
    // Shift+Tab goes the other way.
    key(Qt::Key_Backtab);
    QVERIFY2(
        focused() == chain.last(),
        qPrintable(QStringLiteral("%1: Shift+Tab from %2 went to %3, not %4")
                       .arg(what, describe(start), describe(focused()), describe(chain.last()))));
    key(Qt::Key_Tab);
    QCOMPARE(focused(), start);

    // Every control a person can use is in the chain.
    QStringList missing;
    for (QWidget* c : dialog->findChildren<QWidget*>()) {
        if (!c->isVisible() || !c->isEnabled() || !(c->focusPolicy() & Qt::TabFocus) ||
            c->focusProxy() || controlOf(c) != c || c->window() != dialog)
            continue;
        if (!chain.contains(c))
            missing << describe(c);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1: Tab never reaches %2")
                                               .arg(what, missing.join(QStringLiteral(", ")))));

    // Reading order: from the control nearest the top left, each next one is below, or to the
    // right on the same line, or at the top of a column further right.
    int first = 0;
    for (int i = 1; i < chain.size(); ++i) {
        const QRect a = rectIn(chain[i], dialog), b = rectIn(chain[first], dialog);
        if (a.top() < b.top() - 2 || (qAbs(a.top() - b.top()) <= 2 && a.left() < b.left()))
            first = i;
    }
    QStringList order;
    for (int i = 0; i < chain.size(); ++i)
        order << describe(chain[(first + i) % chain.size()]);
    for (int i = 0; i + 1 < chain.size(); ++i) {
        QWidget* wa = chain[(first + i) % chain.size()];
        QWidget* wb = chain[(first + i + 1) % chain.size()];
        const QRect a = rectIn(wa, dialog), b = rectIn(wb, dialog);
        const bool above = b.bottom() < a.top() + 2 && b.center().y() < a.top();
        const bool sameLine = b.top() < a.bottom() && a.top() < b.bottom();
        const bool backLeft = sameLine && b.right() <= a.left();
        const bool newColumn = b.left() >= a.right() - 2;
        QVERIFY2(!(above && !newColumn) && !backLeft,
                 qPrintable(QStringLiteral("%1: Tab goes back from %2 to %3; the order is %4")
                                .arg(what, describe(wa), describe(wb),
                                     order.join(QStringLiteral(" → ")))));
    }
}

static void pressDefault()
{
    QWidget* w = QApplication::activeModalWidget();
    QVERIFY(w);
    QPushButton* def = nullptr;
    for (QPushButton* b : w->findChildren<QPushButton*>())
        if (b->isDefault() && b->isVisible())
            def = b;
    QVERIFY2(def, qPrintable(QStringLiteral("%1 has no default button").arg(w->objectName())));
    QVERIFY2(def->isEnabled(), qPrintable(QStringLiteral("%1: the default button %2 is disabled")
                                              .arg(w->objectName(), describe(def))));
    key(Qt::Key_Return);
}

// The arrow keys walk `menu` to `action`.
static void walkTo(QMenu* menu, QAction* action)
{
    for (int i = 0; i < 40 && menu->activeAction() != action; ++i)
        key(Qt::Key_Down);
    QVERIFY2(menu->activeAction() == action,
             qPrintable(
                 QStringLiteral("arrows never reach %1 in %2").arg(action->text(), menu->title())));
}

void TestGuiKeyboard::triggerFromMenu(const QString& actionName)
{
    auto* action = m_window->findChild<QAction*>(actionName);
    QVERIFY2(action, qPrintable(actionName));
    QVERIFY2(action->isEnabled(), qPrintable(actionName + QStringLiteral(" is disabled")));
    // The menu bar's menu holding the action, or holding the submenu that holds it.
    QMenu* menu = nullptr;
    QMenu* submenu = nullptr;
    for (QAction* top : m_window->menuBar()->actions()) {
        if (!top->menu())
            continue;
        if (top->menu()->actions().contains(action))
            menu = top->menu();
        for (QAction* inner : top->menu()->actions())
            if (inner->menu() && inner->menu()->actions().contains(action)) {
                menu = top->menu();
                submenu = inner->menu();
            }
    }
    QVERIFY2(menu, qPrintable(actionName + QStringLiteral(" is in no menu")));
    const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
    const auto m = mnemonic.match(menu->title());
    QVERIFY2(m.hasMatch(), qPrintable(menu->title()));
    const QChar letter = m.captured(1).at(0).toUpper();
    int sameLetter = 0;
    for (QAction* top : m_window->menuBar()->actions()) {
        const auto other = mnemonic.match(top->text());
        if (other.hasMatch() && other.captured(1).at(0).toUpper() == letter)
            ++sameLetter;
    }
    QVERIFY2(sameLetter == 1,
             qPrintable(QStringLiteral("menu mnemonic of %1 is not unique").arg(menu->title())));
    key(Qt::Key(letter.unicode()), Qt::AltModifier);
    QTRY_VERIFY2(QApplication::activePopupWidget() == menu,
                 qPrintable(QStringLiteral("Alt+%1 did not open %2").arg(letter, menu->title())));
    if (submenu) {
        walkTo(menu, submenu->menuAction());
        key(Qt::Key_Right);
        QTRY_VERIFY2(QApplication::activePopupWidget() == submenu,
                     qPrintable(QStringLiteral("Right did not open %1").arg(submenu->title())));
        menu = submenu;
    }
    walkTo(menu, action);
    key(Qt::Key_Return);
}

void TestGuiKeyboard::showPageByKey(int index)
{
    key(Qt::Key(Qt::Key_1 + index), Qt::ControlModifier);
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QTRY_COMPARE(stack->currentIndex(), index);
}

qint64 TestGuiKeyboard::scalar(const QString& sql)
{
    QSqlQuery q(m_gui.verify().db.sql());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// ---- set-up --------------------------------------------------------------------------------

void TestGuiKeyboard::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_window = m_gui.window();
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestGuiKeyboard::cleanupTestCase()
{
    m_gui.tearDown();
}

void TestGuiKeyboard::init()
{
    m_modalProblems.clear();
    m_answered.clear();
}

void TestGuiKeyboard::cleanup()
{
    if (QApplication::activePopupWidget())
        QApplication::activePopupWidget()->close();
    m_gui.closeModals();
    QVERIFY2(m_modalProblems.isEmpty(), qPrintable(m_modalProblems.join(QStringLiteral("; "))));
}

// ---- flows ---------------------------------------------------------------------------------

void TestGuiKeyboard::sideBarReachesEveryPage()
{
    auto* nav = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(nav && stack);
    // The window opens with the focus in the side bar, as a person finds it.
    QCOMPARE(focused(), nav);
    key(Qt::Key_Home);
    QTRY_COMPARE(stack->currentIndex(), 0);
    for (int i = 1; i < nav->count(); ++i) {
        key(Qt::Key_Down);
        QTRY_COMPARE(stack->currentIndex(), i);
        QCOMPARE(focused(), nav);
        // Tab leaves the side bar for the page, Shift+Tab comes back.
        key(Qt::Key_Tab);
        QWidget* into = focused();
        QVERIFY2(into && stack->currentWidget()->isAncestorOf(into),
                 qPrintable(QStringLiteral("Tab from the side bar on page %1 went to %2")
                                .arg(i)
                                .arg(describe(into))));
        for (int back = 0; back < 40 && focused() != nav; ++back)
            key(Qt::Key_Backtab);
        QCOMPARE(focused(), nav);
    }
    key(Qt::Key_Up);
    QTRY_COMPARE(stack->currentIndex(), nav->count() - 2);
    // Ctrl+1 … Ctrl+7 from anywhere.
    for (int i = 0; i < nav->count(); ++i)
        showPageByKey(i);
    showPageByKey(0);
}

void TestGuiKeyboard::topUp()
{
    const Money before = m_gui.companyBalance();
    whenModal(QStringLiteral("topUpDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("amountEdit"));
        checkTabChain(d, QStringLiteral("topUpDialog"));
        typeText(QStringLiteral("500"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("referenceEdit"));
        typeText(QStringLiteral("INV-KEY-1"));
        pressDefault();
    });
    key(Qt::Key_T, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("topUpDialog")));
    QCOMPARE(m_gui.companyBalance().cents(), before.cents() + 50000);
}

void TestGuiKeyboard::addMember()
{
    showPageByKey(1);
    whenModal(QStringLiteral("addMemberDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("accountEdit"));
        checkTabChain(d, QStringLiteral("addMemberDialog"));
        typeText(QStringLiteral("kari.nordmann"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("nameEdit"));
        typeText(QStringLiteral("Kari Nordmann"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("emailEdit"));
        typeText(QStringLiteral("kari@example.com"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("departmentEdit"));
        typeText(QStringLiteral("Sales"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("countryCombo"));
        // Back to a line edit, where Enter is the dialog's.
        key(Qt::Key_Backtab);
        pressDefault();
    });
    key(Qt::Key_N, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("addMemberDialog")));
    auto member = MemberService(m_gui.verify()).find(QStringLiteral("kari.nordmann"));
    QVERIFY2(member.ok(), "the member was not added");
    QCOMPARE(member->name, QStringLiteral("Kari Nordmann"));
    QCOMPARE(member->department, QStringLiteral("Sales"));
}

// As a person waits for the results: the search runs once typing paused (TablePage's debounce).
static void waitForSearch(QWidget* page)
{
    for (QTimer* t : page->findChildren<QTimer*>())
        if (t->isSingleShot() && t->interval() == ui::TablePage::SearchDebounceMs)
            QTRY_VERIFY(!t->isActive());
    QCoreApplication::processEvents();
}

// Ctrl+F, the account typed into the search, Tab to the table, Home selects the first row.
static void selectMemberByKeys(ui::MainWindow* window, const QString& account)
{
    auto* page = window->findChild<ui::MembersPage*>(QStringLiteral("membersPage"));
    QVERIFY(page);
    key(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(nameOf(focused()), QStringLiteral("membersSearch"));
    key(Qt::Key_A, Qt::ControlModifier);
    typeText(account);
    waitForSearch(page);
    QTRY_COMPARE(page->model()->rowCount(), 1);
    for (int i = 0; i < 10 && focused() != page->table(); ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focused(), page->table());
    key(Qt::Key_Home);
    QCOMPARE(page->selectedAccounts(), QStringList{account});
}

void TestGuiKeyboard::allocateCredit()
{
    showPageByKey(1);
    selectMemberByKeys(m_window, QStringLiteral("kari.nordmann"));
    whenModal(QStringLiteral("allocateCreditDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("amountEdit"));
        checkTabChain(d, QStringLiteral("allocateCreditDialog"));
        typeText(QStringLiteral("40"));
        pressDefault();
    });
    key(Qt::Key_G, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("allocateCreditDialog")));
    QCOMPARE(MemberService(m_gui.verify()).find(QStringLiteral("kari.nordmann"))->balance.cents(),
             4000);
}

void TestGuiKeyboard::autoRecharge()
{
    showPageByKey(1);
    selectMemberByKeys(m_window, QStringLiteral("kari.nordmann"));
    whenModal(QStringLiteral("autoRechargeDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("amountEdit"));
        checkTabChain(d, QStringLiteral("autoRechargeDialog"));
        typeText(QStringLiteral("20"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("thresholdEdit"));
        typeText(QStringLiteral("5"));
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("monthlyLimitEdit"));
        typeText(QStringLiteral("100"));
        pressDefault();
    });
    key(Qt::Key_R, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("autoRechargeDialog")));
    QCOMPARE(scalar(QStringLiteral("SELECT amount_cents FROM auto_recharge a JOIN members m ON "
                                   "m.id = a.member_id WHERE m.account_name = 'kari.nordmann'")),
             2000);
}

// Walks a wizard with Enter: `onPage` fills each page, then Enter is the default button.
static void walkWizard(QWizard* w, const std::function<void(const QString&)>& onPage,
                       const QString& lastPage)
{
    for (int step = 0; step < 8; ++step) {
        const QString page = w->currentPage()->objectName();
        onPage(page);
        if (QTest::currentTestFailed())
            return;
        if (page == lastPage)
            return;
        const int before = w->currentId();
        key(Qt::Key_Return);
        QTRY_VERIFY2(w->currentId() != before || !w->isVisible(),
                     qPrintable(QStringLiteral("Enter did not leave %1 (focus on %2)")
                                    .arg(page, describe(focused()))));
        if (!w->isVisible())
            return;
    }
}

void TestGuiKeyboard::buyNumberForMember()
{
    showPageByKey(1);
    selectMemberByKeys(m_window, QStringLiteral("kari.nordmann"));
    // The table's context menu, opened from the keyboard (QMenu::exec: answered from inside).
    auto* buy = m_window->findChild<QAction*>(QStringLiteral("buyNumbersForMembersAction"));
    QVERIFY(buy);
    whenPopup([buy](QMenu* menu) {
        QVERIFY(menu->actions().contains(buy));
        for (int i = 0; i < 30 && menu->activeAction() != buy; ++i)
            key(Qt::Key_Down);
        QCOMPARE(menu->activeAction(), buy);
        key(Qt::Key_Return);
    });
    whenModal(QStringLiteral("buyNumbersWizard"), [](QWidget* d) {
        auto* w = qobject_cast<QWizard*>(d);
        QVERIFY(w);
        walkWizard(
            w,
            [w](const QString& page) {
                checkTabChain(w, QStringLiteral("buyNumbersWizard ") + page);
                if (page == QLatin1String("countryPage")) {
                    auto* country = w->findChild<QComboBox*>(QStringLiteral("countryCombo"));
                    QVERIFY(tabTo(country));
                    // Typing the start of a country's name picks it, the arrows its neighbours.
                    // (By name: "United Kingdom" comes before "United States".)
                    typeText(QStringLiteral("United"));
                    for (int i = 0;
                         i < 6 && country->currentData().toString() != QLatin1String("US"); ++i)
                        key(Qt::Key_Down);
                    QCOMPARE(country->currentData().toString(), QStringLiteral("US"));
                } else if (page == QLatin1String("areaPage")) {
                    auto* areas = w->findChild<QListWidget*>(QStringLiteral("areaList"));
                    QVERIFY(tabTo(areas));
                    key(Qt::Key_Space);
                    QVERIFY(areas->currentItem() && areas->currentItem()->isSelected());
                } else if (page == QLatin1String("periodPage")) {
                    auto* one = w->findChild<QAbstractButton*>(QStringLiteral("period1Radio"));
                    QVERIFY(tabTo(one));
                    key(Qt::Key_Space);
                    QVERIFY(one->isChecked());
                }
            },
            QStringLiteral("periodPage"));
        // "Buy now" is the last page's default.
        pressDefault();
    });
    key(Qt::Key_F10, Qt::ShiftModifier);
    QVERIFY2(m_answered.contains(QStringLiteral("popup")),
             "Shift+F10 opened no context menu on the members table");
    QVERIFY(m_answered.contains(QStringLiteral("buyNumbersWizard")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM numbers n JOIN members m ON m.id = "
                                   "n.member_id WHERE m.account_name = 'kari.nordmann'")),
             1);
}

void TestGuiKeyboard::createSipProfile()
{
    showPageByKey(3);
    whenModal(QStringLiteral("createSipProfileWizard"), [](QWidget* d) {
        auto* w = qobject_cast<QWizard*>(d);
        QVERIFY(w);
        QCOMPARE(nameOf(focused()), QStringLiteral("nameEdit"));
        walkWizard(
            w,
            [w](const QString& page) {
                if (page == QLatin1String("namePage")) {
                    checkTabChain(w, QStringLiteral("createSipProfileWizard namePage"));
                    QVERIFY(tabTo(w->findChild<QWidget*>(QStringLiteral("nameEdit"))));
                    typeText(QStringLiteral("Oslo office"));
                    key(Qt::Key_Tab);
                    QCOMPARE(nameOf(focused()), QStringLiteral("departmentEdit"));
                    typeText(QStringLiteral("Sales"));
                    // The department's completion list takes the first Enter; Tab leaves it.
                    key(Qt::Key_Tab);
                    QCOMPARE(nameOf(focused()), QStringLiteral("emailEdit"));
                    typeText(QStringLiteral("oslo@example.com"));
                } else if (page == QLatin1String("connectionPage")) {
                    checkTabChain(w, QStringLiteral("createSipProfileWizard connectionPage"));
                    auto* channels =
                        w->findChild<QAbstractSpinBox*>(QStringLiteral("channelsSpin"));
                    QVERIFY(tabTo(channels));
                    key(Qt::Key_A, Qt::ControlModifier);
                    typeText(QStringLiteral("2"));
                } else if (page == QLatin1String("donePage")) {
                    checkTabChain(w, QStringLiteral("createSipProfileWizard donePage"));
                    pressDefault();
                }
            },
            QStringLiteral("donePage"));
    });
    key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_answered.contains(QStringLiteral("createSipProfileWizard")));
    QCOMPARE(scalar(QStringLiteral("SELECT channels FROM profiles WHERE name = 'Oslo office'")), 2);
}

// Ctrl+F on the SIP profiles page, the name typed, Tab to the table, Home.
static void selectProfileByKeys(ui::MainWindow* window, const QString& name)
{
    auto* page = window->findChild<ui::SipProfilesPage*>(QStringLiteral("sipProfilesPage"));
    QVERIFY(page);
    key(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(nameOf(focused()), QStringLiteral("sipProfilesSearch"));
    key(Qt::Key_A, Qt::ControlModifier);
    typeText(name);
    waitForSearch(page);
    QTRY_COMPARE(page->table()->model()->rowCount(), 1);
    for (int i = 0; i < 10 && focused() != page->table(); ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focused(), page->table());
    key(Qt::Key_Home);
    QVERIFY(page->table()->selectionModel()->hasSelection());
}

void TestGuiKeyboard::changeChannels()
{
    showPageByKey(3);
    selectProfileByKeys(m_window, QStringLiteral("Oslo office"));
    whenModal(QStringLiteral("changeChannelsDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("channelsSpin"));
        checkTabChain(d, QStringLiteral("changeChannelsDialog"));
        key(Qt::Key_A, Qt::ControlModifier);
        typeText(QStringLiteral("4"));
        pressDefault();
    });
    key(Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_answered.contains(QStringLiteral("changeChannelsDialog")));
    QCOMPARE(scalar(QStringLiteral("SELECT channels FROM profiles WHERE name = 'Oslo office'")), 4);
}

void TestGuiKeyboard::bundles()
{
    showPageByKey(3);
    // The bundles are paid from the profile's balance: credit first (Ctrl+Shift+G).
    selectProfileByKeys(m_window, QStringLiteral("Oslo office"));
    whenModal(QStringLiteral("allocateProfileCreditDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("amountEdit"));
        checkTabChain(d, QStringLiteral("allocateProfileCreditDialog"));
        typeText(QStringLiteral("200"));
        pressDefault();
    });
    key(Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_answered.contains(QStringLiteral("allocateProfileCreditDialog")));
    const QString count = QStringLiteral(
        "SELECT bundle_count FROM bundle_periods b JOIN profiles p ON p.id = b.profile_id "
        "WHERE p.name = 'Oslo office' AND b.state = '%1'");

    // Add.
    whenModal(QStringLiteral("addBundlesDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("bundleCountSpin"));
        checkTabChain(d, QStringLiteral("addBundlesDialog"));
        key(Qt::Key_A, Qt::ControlModifier);
        typeText(QStringLiteral("2"));
        pressDefault();
    });
    triggerFromMenu(QStringLiteral("addBundlesAction"));
    QVERIFY(m_answered.contains(QStringLiteral("addBundlesDialog")));
    QCOMPARE(scalar(count.arg(QStringLiteral("active"))), 2);

    // Change.
    whenModal(QStringLiteral("changeBundlesDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("bundleCountSpin"));
        checkTabChain(d, QStringLiteral("changeBundlesDialog"));
        key(Qt::Key_A, Qt::ControlModifier);
        typeText(QStringLiteral("3"));
        pressDefault();
    });
    triggerFromMenu(QStringLiteral("changeBundlesAction"));
    QVERIFY(m_answered.contains(QStringLiteral("changeBundlesDialog")));
    QCOMPARE(scalar(count.arg(QStringLiteral("active"))), 3);

    // Cancel: the confirmation's default keeps them; Tab to the button that cancels, Space.
    whenModal(QStringLiteral("cancelBundlesConfirmation"), [](QWidget* d) {
        auto* ok = d->findChild<QAbstractButton*>(QStringLiteral("okButton"));
        QVERIFY(ok);
        QVERIFY(tabTo(ok));
        key(Qt::Key_Space);
    });
    triggerFromMenu(QStringLiteral("cancelBundlesAction"));
    QVERIFY(m_answered.contains(QStringLiteral("cancelBundlesConfirmation")));
    QCOMPARE(scalar(count.arg(QStringLiteral("cancelled"))), 3);
}

void TestGuiKeyboard::importCalls()
{
    showPageByKey(4);
    QByteArray lines;
    for (int i = 0; i < 3; ++i)
        lines += sbt::asteriskLine(QStringLiteral("kari.nordmann"), QStringLiteral("4722334455"),
                                   QDateTime(QDate(2026, 11, 14), QTime(9, i), Qt::UTC), 60,
                                   QStringLiteral("key-%1").arg(i));
    const QString path = m_gui.tempPath(QStringLiteral("Master.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(lines);
    f.close();
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM calls"));
    whenModal(QStringLiteral("QFileDialog"), [path](QWidget*) {
        // The file name field has the focus: the path typed, Enter.
        QVERIFY2(qobject_cast<QLineEdit*>(focused()), qPrintable(describe(focused())));
        typeText(path);
        key(Qt::Key_Return);
    });
    whenModal(QStringLiteral("importCallsDialog"), [](QWidget* d) {
        checkTabChain(d, QStringLiteral("importCallsDialog"));
        pressDefault();
    });
    triggerFromMenu(QStringLiteral("importCallsAction"));
    QTRY_VERIFY(m_answered.contains(QStringLiteral("importCallsDialog")));
    QTRY_COMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM calls")), before + 3);
}

void TestGuiKeyboard::exportMembers()
{
    showPageByKey(1);
    const QString path = m_gui.tempPath(QStringLiteral("members-by-keys.csv"));
    whenModal(QStringLiteral("QFileDialog"), [path](QWidget*) {
        QVERIFY2(qobject_cast<QLineEdit*>(focused()), qPrintable(describe(focused())));
        key(Qt::Key_A, Qt::ControlModifier);
        typeText(path);
        key(Qt::Key_Return);
    });
    key(Qt::Key_E, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("QFileDialog")));
    const auto written = [path]() {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) && f.readAll().contains("kari.nordmann");
    };
    QTRY_VERIFY(written());
}

void TestGuiKeyboard::switchLanguage()
{
    showPageByKey(6);
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    auto* nav = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    // From the side bar, Tab into the page: the language is its first control.
    for (int i = 0; i < 40 && focused() != nav; ++i)
        key(Qt::Key_Backtab);
    QCOMPARE(focused(), nav);
    key(Qt::Key_Tab);
    QCOMPARE(focused(), combo);
    for (int i = 0; i < combo->count() && combo->currentData().toString() != QLatin1String("nb");
         ++i)
        key(Qt::Key_Down);
    QCOMPARE(ui::LanguageManager::instance()->current(), QStringLiteral("nb"));
    QCOMPARE(focused(), combo);
    key(Qt::Key_Home);
    QCOMPARE(ui::LanguageManager::instance()->current(), QStringLiteral("en"));
}

void TestGuiKeyboard::tablesOpenDetailsAndContextMenu()
{
    // Members: Enter on a row opens the credit dialog (the double click), the Menu key the
    // context menu.
    showPageByKey(1);
    selectMemberByKeys(m_window, QStringLiteral("kari.nordmann"));
    whenModal(QStringLiteral("allocateCreditDialog"), [](QWidget*) { key(Qt::Key_Escape); });
    key(Qt::Key_Return);
    QVERIFY2(m_answered.contains(QStringLiteral("allocateCreditDialog")),
             "Enter on a member does not open the credit dialog");
    QCOMPARE(nameOf(focused()), QStringLiteral("membersTable"));
    // The Menu key: the platform turns it into a keyboard context-menu event (xcb, Windows);
    // the offscreen platform does not, so the test sends that event as a platform would.
    whenPopup([](QMenu*) { key(Qt::Key_Escape); });
    {
        QWidget* w = QApplication::focusWidget();
        QContextMenuEvent menuKey(QContextMenuEvent::Keyboard, QPoint(5, 5),
                                  w->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(w, &menuKey);
    }
    QVERIFY2(m_answered.contains(QStringLiteral("popup")),
             "the Menu key opened no context menu on the members table");
    QCOMPARE(nameOf(focused()), QStringLiteral("membersTable"));

    // Numbers: Enter reassigns the number.
    showPageByKey(2);
    auto* numbers = m_window->findChild<QTableView*>(QStringLiteral("numbersTable"));
    QVERIFY(numbers);
    QTRY_VERIFY(numbers->model()->rowCount() >= 1);
    for (int i = 0; i < 20 && focused() != numbers; ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focused(), numbers);
    key(Qt::Key_Home);
    whenModal(QStringLiteral("reassignNumberDialog"), [](QWidget* d) {
        checkTabChain(d, QStringLiteral("reassignNumberDialog"));
        key(Qt::Key_Escape);
    });
    key(Qt::Key_Return);
    QVERIFY2(m_answered.contains(QStringLiteral("reassignNumberDialog")),
             "Enter on a number does not open the reassign dialog");
    m_answered.clear();
    whenPopup([](QMenu*) { key(Qt::Key_Escape); });
    key(Qt::Key_F10, Qt::ShiftModifier);
    QVERIFY2(m_answered.contains(QStringLiteral("popup")),
             "Shift+F10 opened no context menu on the numbers table");
    QCOMPARE(focused(), numbers);

    // SIP profiles: F2 renames; Enter takes the focus to the details.
    showPageByKey(3);
    selectProfileByKeys(m_window, QStringLiteral("Oslo office"));
    whenModal(QStringLiteral("renameSipProfileDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("nameEdit"));
        checkTabChain(d, QStringLiteral("renameSipProfileDialog"));
        key(Qt::Key_Escape);
    });
    key(Qt::Key_F2);
    QVERIFY(m_answered.contains(QStringLiteral("renameSipProfileDialog")));
    key(Qt::Key_Return);
    auto* details = m_window->findChild<QWidget*>(QStringLiteral("profileDetails"));
    QVERIFY(details);
    QVERIFY2(
        details->isAncestorOf(focused()),
        qPrintable(QStringLiteral("Enter on a SIP profile went to %1").arg(describe(focused()))));
}

void TestGuiKeyboard::escapeCancelsEveryDialog()
{
    const Money before = m_gui.companyBalance();
    showPageByKey(0);
    whenModal(QStringLiteral("topUpDialog"), [](QWidget*) {
        typeText(QStringLiteral("10"));
        key(Qt::Key_Escape);
    });
    key(Qt::Key_T, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("topUpDialog")));
    QCOMPARE(m_gui.companyBalance(), before);
    const qint64 members = scalar(QStringLiteral("SELECT COUNT(*) FROM members"));
    whenModal(QStringLiteral("addMemberDialog"), [](QWidget*) {
        typeText(QStringLiteral("ola"));
        key(Qt::Key_Escape);
    });
    key(Qt::Key_N, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("addMemberDialog")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM members")), members);
    whenModal(QStringLiteral("createSipProfileWizard"), [](QWidget*) { key(Qt::Key_Escape); });
    key(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_answered.contains(QStringLiteral("createSipProfileWizard")));
}

void TestGuiKeyboard::everyPageTabsRound()
{
    auto* nav = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    for (int page = 0; page < nav->count(); ++page) {
        showPageByKey(page);
        for (int i = 0; i < 60 && focused() != nav; ++i)
            key(Qt::Key_Tab);
        QCOMPARE(focused(), nav);
        checkTabChain(m_window, QStringLiteral("page %1").arg(page));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestGuiKeyboard::otherDialogsByKeys()
{
    // Link an account to the profile (Ctrl+L): the account typed, Enter.
    showPageByKey(3);
    selectProfileByKeys(m_window, QStringLiteral("Oslo office"));
    whenModal(QStringLiteral("linkAccountDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("accountEdit"));
        checkTabChain(d, QStringLiteral("linkAccountDialog"));
        typeText(QStringLiteral("kari.nordmann"));
        // The completion list takes the first Enter; Tab to the extension closes it.
        key(Qt::Key_Tab);
        QCOMPARE(nameOf(focused()), QStringLiteral("extensionEdit"));
        typeText(QStringLiteral("201"));
        pressDefault();
    });
    key(Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_answered.contains(QStringLiteral("linkAccountDialog")));
    QCOMPARE(MemberService(m_gui.verify()).find(QStringLiteral("kari.nordmann"))->profile,
             QStringLiteral("Oslo office"));

    // The delete dialog's default is Cancel: Enter keeps the profile.
    whenModal(QStringLiteral("deleteSipProfileDialog"), [](QWidget* d) {
        checkTabChain(d, QStringLiteral("deleteSipProfileDialog"));
        key(Qt::Key_Return);
    });
    key(Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_answered.contains(QStringLiteral("deleteSipProfileDialog")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM profiles WHERE name = 'Oslo office'")), 1);

    // The monthly statement from the File menu, closed with Escape.
    showPageByKey(4);
    whenModal(QStringLiteral("statementDialog"), [](QWidget* d) {
        QCOMPARE(nameOf(focused()), QStringLiteral("statementMonth"));
        // Tab walks the month's sections first, then the buttons.
        for (const char* name :
             {"saveStatementPdfButton", "saveStatementCsvButton", "printStatementButton"})
            QVERIFY2(tabTo(d->findChild<QWidget*>(QLatin1String(name)), 6), name);
        key(Qt::Key_Escape);
    });
    triggerFromMenu(QStringLiteral("statementAction"));
    QVERIFY(m_answered.contains(QStringLiteral("statementDialog")));

    // Cancel a number from the Numbers menu: the confirmation's default keeps it.
    showPageByKey(2);
    auto* numbers = m_window->findChild<QTableView*>(QStringLiteral("numbersTable"));
    for (int i = 0; i < 20 && focused() != numbers; ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focused(), numbers);
    whenModal(QStringLiteral("cancelNumbersConfirmation"), [](QWidget*) { key(Qt::Key_Return); });
    triggerFromMenu(QStringLiteral("cancelNumbersAction"));
    QVERIFY(m_answered.contains(QStringLiteral("cancelNumbersConfirmation")));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM numbers WHERE cancelled = 1")), 0);
}

// ---- flows set up behind the window's back ------------------------------------------------
// Each of these makes what it needs through the core (as another admin would), refreshes the
// window, and then does the flow itself by keys alone.

void TestGuiKeyboard::importMembers()
{
    showPageByKey(1);
    const QString path = m_gui.tempPath(QStringLiteral("members-by-keys-import.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("account,name,email,department\r\n"
                "nils.import,Nils Import,nils@example.com,Sales\r\n"
                "siri.import,Siri Import,,Finance\r\n");
    }
    const qint64 before = scalar(QStringLiteral("SELECT COUNT(*) FROM members"));
    whenModal(QStringLiteral("QFileDialog"), [path](QWidget*) {
        QVERIFY2(qobject_cast<QLineEdit*>(focused()), qPrintable(describe(focused())));
        typeText(path);
        key(Qt::Key_Return);
    });
    // The dry run's report: its default imports.
    whenModal(QStringLiteral("importMembersDialog"), [](QWidget* d) {
        checkTabChain(d, QStringLiteral("importMembersDialog"));
        pressDefault();
    });
    triggerFromMenu(QStringLiteral("importMembersAction"));
    QTRY_VERIFY(m_answered.contains(QStringLiteral("importMembersDialog")));
    QTRY_COMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM members")), before + 2);
    auto siri = MemberService(m_gui.verify()).find(QStringLiteral("siri.import"));
    QVERIFY2(siri.ok(), "siri.import was not imported");
    QCOMPARE(siri->department, QStringLiteral("Finance"));
    auto* page = m_window->findChild<ui::MembersPage*>(QStringLiteral("membersPage"));
    QTRY_VERIFY(!page->isBusy());
}

void TestGuiKeyboard::unlinkAccount()
{
    const Context& ctx = m_gui.verify();
    const QString profile = QStringLiteral("Bergen office");
    const QString problem = m_gui.addProfile(profile, 1, Money::fromCents(50000));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    NewMember m;
    m.account = QStringLiteral("ola.link");
    m.name = QStringLiteral("Ola Link");
    QVERIFY(MemberService(ctx).add(m).ok());
    QVERIFY(ProfileService(ctx).link(profile, m.account, QStringLiteral("301")).ok());
    m_window->refreshPages();

    showPageByKey(3);
    selectProfileByKeys(m_window, profile);
    // Enter takes the focus to the details; Tab to the linked accounts, Home selects one.
    key(Qt::Key_Return);
    auto* accounts = m_window->findChild<QTableView*>(QStringLiteral("linkedAccountsTable"));
    QVERIFY(accounts);
    QTRY_COMPARE(accounts->model()->rowCount(), 1);
    QVERIFY2(tabTo(accounts), qPrintable(describe(focused())));
    // Tab into the table selects the framed account, as in the pages' tables.
    QVERIFY2(accounts->selectionModel()->hasSelection(),
             "Tab into the linked accounts selects none: Unlink stays disabled");
    // Tab leaves the table rather than walking its cells.
    checkTabChain(m_window, QStringLiteral("SIP profiles page with a linked account"));
    QCOMPARE(focused(), accounts);
    // The confirmation's default keeps the link: Tab to Unlink, Space.
    whenModal(QStringLiteral("unlinkAccountConfirmation"), [](QWidget* d) {
        auto* ok = d->findChild<QAbstractButton*>(QStringLiteral("okButton"));
        QVERIFY(ok);
        QVERIFY(tabTo(ok));
        key(Qt::Key_Space);
    });
    key(Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(m_answered.contains(QStringLiteral("unlinkAccountConfirmation")),
             "Ctrl+Shift+L in the linked accounts opened no confirmation");
    QVERIFY(MemberService(ctx).find(m.account)->profile.isEmpty());
}

void TestGuiKeyboard::extendBundles()
{
    const Context& ctx = m_gui.verify();
    const QString profile = QStringLiteral("Tromso office");
    const QString problem =
        m_gui.addProfile(profile, 2, Money::fromCents(50000), Money::fromCents(20000));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // Bought today: paid for a month, which ends within the 30 days Extend needs.
    QVERIFY(BundleService(ctx).add(profile, 2).ok());
    m_window->refreshPages();
    const QString periods = QStringLiteral(
        "SELECT COUNT(*) FROM bundle_periods b JOIN profiles p ON p.id = b.profile_id "
        "WHERE p.name = 'Tromso office'");
    const qint64 before = scalar(periods);

    showPageByKey(3);
    selectProfileByKeys(m_window, profile);
    whenModal(QStringLiteral("extendBundlesConfirmation"), [](QWidget* d) {
        auto* ok = d->findChild<QAbstractButton*>(QStringLiteral("okButton"));
        QVERIFY(ok);
        QVERIFY(tabTo(ok));
        key(Qt::Key_Space);
    });
    triggerFromMenu(QStringLiteral("extendBundlesAction"));
    QVERIFY(m_answered.contains(QStringLiteral("extendBundlesConfirmation")));
    QCOMPARE(scalar(periods), before + 1);
    auto summary = BundleService(ctx).summary(profile);
    QVERIFY(summary.ok());
    QCOMPARE(summary->count, 2);
    QVERIFY(!summary->extendable);
}

void TestGuiKeyboard::saveStatement()
{
    showPageByKey(4);
    const QString csv = m_gui.tempPath(QStringLiteral("statement-by-keys.csv"));
    const QString pdf = m_gui.tempPath(QStringLiteral("statement-by-keys.pdf"));
    const auto written = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) && f.size() > 0;
    };
    const auto saveAs = [this](const QString& path) {
        whenModal(QStringLiteral("QFileDialog"), [path](QWidget*) {
            QVERIFY2(qobject_cast<QLineEdit*>(focused()), qPrintable(describe(focused())));
            key(Qt::Key_A, Qt::ControlModifier);
            typeText(path);
            key(Qt::Key_Return);
        });
    };
    whenModal(QStringLiteral("statementDialog"), [&](QWidget* d) {
        // CSV: Tab to its button, Space.
        auto* csvButton = d->findChild<QWidget*>(QStringLiteral("saveStatementCsvButton"));
        QVERIFY(tabTo(csvButton, 8));
        saveAs(csv);
        key(Qt::Key_Space);
        QTRY_VERIFY(written(csv));
        // PDF: its mnemonic.
        QTRY_VERIFY(d->findChild<QWidget*>(QStringLiteral("saveStatementPdfButton"))->isEnabled());
        saveAs(pdf);
        key(Qt::Key_P, Qt::AltModifier);
        QTRY_VERIFY(written(pdf));
        QTRY_VERIFY(csvButton->isEnabled());
        key(Qt::Key_Escape);
    });
    triggerFromMenu(QStringLiteral("statementAction"));
    QVERIFY(m_answered.contains(QStringLiteral("statementDialog")));
    QCOMPARE(m_answered.count(QStringLiteral("QFileDialog")), 2);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY2(f.readAll().contains("2026-10"), "the CSV is not the statement of October 2026");
    QFile p(pdf);
    QVERIFY(p.open(QIODevice::ReadOnly));
    QVERIFY(p.read(5) == "%PDF-");
}

void TestGuiKeyboard::reassignNumberByCompletion()
{
    const Context& ctx = m_gui.verify();
    QVERIFY(
        CompanyService(ctx).topUp(Money::fromCents(50000), QStringLiteral("INV-REASSIGN")).ok());
    for (const auto& [account, name] :
         {std::pair{"ingrid.berg", "Ingrid Berg"}, std::pair{"ingrid.dahl", "Ingrid Dahl"}}) {
        NewMember m;
        m.account = QLatin1String(account);
        m.name = QLatin1String(name);
        QVERIFY(MemberService(ctx).add(m).ok());
    }
    auto bought = NumberService(ctx).buy({QStringLiteral("US"),
                                          QStringLiteral("212"),
                                          1,
                                          {NumberHolder::member(QStringLiteral("ingrid.berg"))},
                                          false});
    QVERIFY2(bought.ok(), qPrintable(bought ? QString() : bought.error().message));
    const QString e164 = bought->first().e164;
    m_window->refreshPages();

    // Ctrl+F, the number's digits, Tab to the table, Home, Enter: the reassign dialog.
    showPageByKey(2);
    auto* numbers = m_window->findChild<QTableView*>(QStringLiteral("numbersTable"));
    QVERIFY(numbers);
    key(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(nameOf(focused()), QStringLiteral("numbersSearch"));
    key(Qt::Key_A, Qt::ControlModifier);
    typeText(e164.mid(1));
    waitForSearch(m_window->findChild<QWidget*>(QStringLiteral("numbersPage")));
    QTRY_COMPARE(numbers->model()->rowCount(), 1);
    QVERIFY(tabTo(numbers, 10));
    key(Qt::Key_Home);
    whenModal(QStringLiteral("reassignNumberDialog"), [](QWidget* d) {
        auto* holder = d->findChild<QLineEdit*>(QStringLiteral("holderEdit"));
        QVERIFY(holder && holder->completer());
        QVERIFY(tabTo(holder, 8));
        // Part of the name; the completion lists both Ingrids; Down to the second, Enter.
        typeText(QStringLiteral("Ingrid"));
        QAbstractItemView* popup = holder->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 2);
        for (int i = 0; i < 4 && popup->currentIndex().data(ui::HolderCompleter::NameRole) !=
                                     QStringLiteral("ingrid.dahl");
             ++i)
            key(Qt::Key_Down);
        QCOMPARE(popup->currentIndex().data(ui::HolderCompleter::NameRole).toString(),
                 QStringLiteral("ingrid.dahl"));
        key(Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(holder->text(), QStringLiteral("ingrid.dahl"));
        QCOMPARE(focused(), holder);
        // The dialog is still open: the next Enter is its default, Reassign.
        pressDefault();
    });
    key(Qt::Key_Return);
    QVERIFY(m_answered.contains(QStringLiteral("reassignNumberDialog")));
    QSqlQuery q(m_gui.verify().db.sql());
    q.prepare(QStringLiteral("SELECT m.account_name FROM numbers n JOIN members m ON m.id = "
                             "n.member_id WHERE n.e164 = ?"));
    q.addBindValue(e164);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ingrid.dahl"));
}

void TestGuiKeyboard::mailSettings()
{
    showPageByKey(6);
    auto* nav = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    for (int i = 0; i < 40 && focused() != nav; ++i)
        key(Qt::Key_Backtab);
    QCOMPARE(focused(), nav);
    auto* host = m_window->findChild<QLineEdit*>(QStringLiteral("mailServerEdit"));
    QVERIFY(host);
    QVERIFY(tabTo(host));
    typeText(QStringLiteral("smtp.example.net"));
    key(Qt::Key_Tab);
    QCOMPARE(nameOf(focused()), QStringLiteral("mailPortSpin"));
    key(Qt::Key_Tab);
    QCOMPARE(nameOf(focused()), QStringLiteral("mailSecurityCombo"));
    // TLS from the first byte: the port follows.
    key(Qt::Key_Down);
    QCOMPARE(
        m_window->findChild<QComboBox*>(QStringLiteral("mailSecurityCombo"))->currentData().toInt(),
        static_cast<int>(MailServer::Security::Tls));
    key(Qt::Key_Tab);
    QCOMPARE(nameOf(focused()), QStringLiteral("mailUserEdit"));
    typeText(QStringLiteral("office"));
    key(Qt::Key_Tab);
    QCOMPARE(nameOf(focused()), QStringLiteral("mailPasswordEdit"));
    typeText(QStringLiteral("s3cret-by-keys"));
    key(Qt::Key_Tab);
    QCOMPARE(nameOf(focused()), QStringLiteral("mailFromEdit"));
    typeText(QStringLiteral("office@example.com"));
    // Remove is disabled while nothing is saved: the next Tab is Save.
    key(Qt::Key_Tab);
    QCOMPARE(nameOf(focused()), QStringLiteral("saveMailButton"));
    key(Qt::Key_Space);
    auto server = MailSettings(m_gui.verify()).server();
    QVERIFY(server.ok());
    QVERIFY2(server->has_value(), "no mail server was saved");
    QCOMPARE((*server)->host, QStringLiteral("smtp.example.net"));
    QCOMPARE((*server)->port, 465);
    QCOMPARE((*server)->security, MailServer::Security::Tls);
    QCOMPARE((*server)->user, QStringLiteral("office"));
    QCOMPARE((*server)->from, QStringLiteral("office@example.com"));
    auto password = MailSettings(m_gui.verify()).password();
    QVERIFY(password.ok());
    QCOMPARE(*password, QStringLiteral("s3cret-by-keys"));
    // Saved, Save is disabled and the focus went on to the test address.
    QCOMPARE(nameOf(focused()), QStringLiteral("mailTestAddressEdit"));
    // A change to the saved server: Remove and Save both enabled, the Tab order still reads
    // right, and the empty password keeps the saved one.
    for (int i = 0; i < 4 && nameOf(focused()) != QLatin1String("mailFromEdit"); ++i)
        key(Qt::Key_Backtab);
    QCOMPARE(nameOf(focused()), QStringLiteral("mailFromEdit"));
    key(Qt::Key_A, Qt::ControlModifier);
    typeText(QStringLiteral("desk@example.com"));
    for (int i = 0; i < 60 && focused() != nav; ++i)
        key(Qt::Key_Tab);
    QCOMPARE(focused(), nav);
    checkTabChain(m_window, QStringLiteral("settings with a mail server"));
    auto* save = m_window->findChild<QWidget*>(QStringLiteral("saveMailButton"));
    QVERIFY(tabTo(save, 60));
    key(Qt::Key_Space);
    server = MailSettings(m_gui.verify()).server();
    QVERIFY(server.ok() && server->has_value());
    QCOMPARE((*server)->from, QStringLiteral("desk@example.com"));
    QCOMPARE(*MailSettings(m_gui.verify()).password(), QStringLiteral("s3cret-by-keys"));
}

void TestGuiKeyboard::shortcutsAreShown()
{
    // Shortcuts live on actions (so that menus show them), not on loose QShortcuts.
    QVERIFY(m_window->findChildren<QShortcut*>().isEmpty());
    QVERIFY(!QCoreApplication::testAttribute(Qt::AA_DontShowShortcutsInContextMenus));
    auto* bar = m_window->findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    auto* nav = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    QStringList problems;
    for (int page = 0; page < nav->count(); ++page) {
        showPageByKey(page);
        for (QAction* a : m_window->findChildren<QAction*>()) {
            if (a->shortcut().isEmpty())
                continue;
            const QString keys = a->shortcut().toString(QKeySequence::NativeText);
            if (!a->isShortcutVisibleInContextMenu() && !a->associatedObjects().isEmpty())
                problems << QStringLiteral("%1 hides %2 in menus").arg(a->objectName(), keys);
            bool inMenu = false;
            for (QObject* o : a->associatedObjects())
                inMenu = inMenu || qobject_cast<QMenu*>(o);
            if (!inMenu)
                problems << QStringLiteral("%1 (%2) is in no menu").arg(a->objectName(), keys);
        }
        for (QAction* a : bar->actions()) {
            if (a->shortcut().isEmpty() || !a->isVisible())
                continue;
            const QString keys = a->shortcut().toString(QKeySequence::NativeText);
            if (!a->toolTip().contains(keys))
                problems << QStringLiteral("tool tip of %1 on page %2 does not name %3: \"%4\"")
                                .arg(a->objectName())
                                .arg(page)
                                .arg(keys, a->toolTip());
        }
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

SB_GUI_TEST_MAIN(TestGuiKeyboard, "tst_gui_keyboard")

#include "tst_gui_keyboard.moc"
