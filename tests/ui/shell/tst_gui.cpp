// The members-and-credit window, driven like a person would (after KeePassXC's TestGui):
// one MainWindow over a SQLite test database and a FixedClock, actions triggered by name,
// modal dialogs answered by objectName, table rows clicked on the viewport.
#include "core/base/DisplayFormat.h"
#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/Context.h"
#include "models/books/ActivityModel.h"
#include "models/members/MembersModel.h"
#include "tests/support/GuiHarness.h"
#include "tests/support/TestDatabase.h"
#include "ui/members/MembersPage.h"
#include "ui/shell/ActivityPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SettingsPage.h"
#include "ui/widgets/LanguageManager.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <sys/stat.h>

#include <functional>
#include <memory>

using namespace sb;
using sb::test::GuiHarness;
using sb::ui::MainWindow;
using sb::ui::MembersPage;

namespace sb {
inline char* toString(const Money& m)
{
    return qstrdup(m.toString().toUtf8().constData());
}
} // namespace sb

class TestGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void navigationSwitchesPages();
    void addMember();
    void addMemberDuplicateOrInvalidIsRefusedInline();
    void topUp();
    void allocateCreditToTwoMembers();
    void allocationLargerThanCompanyBalanceIsRefused();
    void allocationRefusedByCoreWhenBalanceFellMeanwhile();
    void autoRechargeBelowThresholdRechargesAtOnce();
    void autoRechargeLimitReachedShowsSuspension();
    void searchAsYouType();
    void sortByHeaderClick();
    void importCsvWithBadLinesWritesNothing();
    void importGoodCsv();
    void exportMembers();
    void exportMembersFailureIsShown();
    void activityPageShowsWhatHappened();
    void languageSwitchToNorwegian();
    void settingsSwitchDatabase();
    void billingRunsOnDemandWithNews();
    void billingNewsStaysShort();
    void billingAtStartRunsInTheBackground();
    void pagesAreBuiltWhenFirstNeeded();
    void longWorkCanBeCancelled();
    void controlsHaveNamesAndActionsInContextMenu();
    void remembersLayoutAndLastPage();
    void welcomeDialogOpensDemoAccount();
    void screenshotOfBuiltBinary();

private:
    void selectAccounts(const QStringList& accounts);
    QString writeFile(const QString& name, const QByteArray& content);
    QString balanceText(const QString& account);
    Money memberBalance(const QString& account);
    qint64 memberCount();

    /// The window over a test database, a FixedClock, a second connection for checking what
    /// the window wrote, and the moves of a person.
    test::GuiHarness m_gui;
    MainWindow* m_window = nullptr;
    const test::TestDatabase* m_db = nullptr;
    FixedClock* m_clock = nullptr;
    const Context* m_verify = nullptr;
    MembersPage* m_members = nullptr;
};

// ---- helpers ----------------------------------------------------------------------------

void TestGui::selectAccounts(const QStringList& accounts)
{
    m_window->showPage(QStringLiteral("members"));
    QTableView* view = m_members->table();
    view->clearSelection();
    bool first = true;
    for (const QString& account : accounts) {
        const int row = m_members->model()->rowOfAccount(account);
        QVERIFY2(row >= 0, qPrintable(account));
        GuiHarness::clickRow(view, row, first ? Qt::NoModifier : Qt::ControlModifier);
        first = false;
    }
    QStringList selected = m_members->selectedAccounts();
    selected.sort();
    QStringList expected = accounts;
    expected.sort();
    QCOMPARE(selected, expected);
}

QString TestGui::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_gui.tempPath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

QString TestGui::balanceText(const QString& account)
{
    const int row = m_members->model()->rowOfAccount(account);
    if (row < 0)
        return QStringLiteral("<no row for %1>").arg(account);
    return m_members->model()->index(row, MembersModel::Balance).data().toString();
}

Money TestGui::memberBalance(const QString& account)
{
    auto m = MemberService(*m_verify).find(account);
    return m ? m->balance : Money::fromCents(-1);
}

qint64 TestGui::memberCount()
{
    auto c = MemberService(*m_verify).count();
    return c ? *c : -1;
}

// ---- set-up -----------------------------------------------------------------------------

void TestGui::initTestCase()
{
    // SQLite by default; SWITCHBOARD_GUI_ENGINE=postgresql drives the same window over the
    // throw-away server of $SWITCHBOARD_TEST_PG. Billing runs at start, as for a person.
    const QString problem = m_gui.setUp(/*runBilling=*/true);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_window = m_gui.window();
    m_db = &m_gui.database();
    m_clock = m_gui.clock();
    m_verify = &m_gui.verify();
    QCOMPARE(m_window->objectName(), QStringLiteral("mainWindow"));
    m_members = m_window->membersPage();
    QVERIFY(m_members);
    // Billing ran at start and said so.
    QTRY_VERIFY(!m_window->statusBar()->currentMessage().isEmpty());
}

void TestGui::cleanupTestCase()
{
    m_gui.tearDown();
    m_window = nullptr;
}

void TestGui::init()
{
    m_gui.forgetModal();
}

void TestGui::cleanup()
{
    // Nothing a failed check left open may block the next test.
    m_gui.closeModals();
    QTRY_VERIFY(!m_members->isBusy());
    m_members->setFileDialogOverride({});
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
}

// ---- tests ------------------------------------------------------------------------------

void TestGui::navigationSwitchesPages()
{
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), int(MainWindow::pageNames().size()));
    const QStringList pages = {QStringLiteral("dashboardPage"), QStringLiteral("membersPage"),
                               QStringLiteral("numbersPage"),   QStringLiteral("sipProfilesPage"),
                               QStringLiteral("callsPage"),     QStringLiteral("activityPage"),
                               QStringLiteral("settingsPage")};
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(stack);
    for (int i = 0; i < navigation->count(); ++i) {
        QListWidgetItem* item = navigation->item(i);
        QVERIFY(!item->text().isEmpty());
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                          navigation->visualItemRect(item).center());
        QCOMPARE(stack->currentWidget()->objectName(), pages[i]);
        QVERIFY(stack->currentWidget()->isVisible());
        QVERIFY(!stack->currentWidget()->accessibleName().isEmpty());
        QCOMPARE(QSettings().value(QStringLiteral("mainWindow/page")).toString(),
                 MainWindow::pageNames().at(i));
    }
    // Calls & reports shows the call history.
    auto* calls = m_window->findChild<QWidget*>(QStringLiteral("callsPage"));
    QVERIFY(calls->findChild<QTableView*>(QStringLiteral("callsTable")));
    // The company balance is visible on every page.
    auto* balance = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QVERIFY(balance);
    QVERIFY(balance->isVisible());
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $0.00"));
    // Keyboard: Ctrl+2 shows the members.
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("membersPage"));
}

void TestGui::addMember()
{
    m_window->showPage(QStringLiteral("members"));
    m_gui.answerModal(QStringLiteral("addMemberDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // nothing typed yet
        GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("alice.smith"));
        GuiHarness::type(d, QStringLiteral("nameEdit"), QStringLiteral("Alice Smith"));
        GuiHarness::type(d, QStringLiteral("emailEdit"), QStringLiteral("alice@example.com"));
        GuiHarness::type(d, QStringLiteral("departmentEdit"), QStringLiteral("Sales"));
        // The country her dialled numbers are read in: US until another is chosen.
        auto* country = d->findChild<QComboBox*>(QStringLiteral("countryCombo"));
        QVERIFY(country);
        QCOMPARE(country->currentData().toString(), QStringLiteral("US"));
        QVERIFY(country->currentText().contains(QStringLiteral("(US)")));
        const int norway = country->findData(QStringLiteral("NO"));
        QVERIFY(norway >= 0);
        QVERIFY(country->itemText(norway).contains(QStringLiteral("Norway")));
        country->setCurrentIndex(norway);
        QVERIFY(ok->isEnabled());
        GuiHarness::clickOk(d);
        QVERIFY(!d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("addMemberAction")));
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
    QVERIFY(m_gui.modalAnswered());

    auto found = MemberService(*m_verify).find(QStringLiteral("alice.smith"));
    QVERIFY2(found.ok(), found ? "" : qPrintable(found.error().message));
    QCOMPARE(found->name, QStringLiteral("Alice Smith"));
    QCOMPARE(found->email, QStringLiteral("alice@example.com"));
    QCOMPARE(found->department, QStringLiteral("Sales"));
    QCOMPARE(found->country, QStringLiteral("NO"));
    // The table shows the new member, selected.
    const int row = m_members->model()->rowOfAccount(QStringLiteral("alice.smith"));
    QVERIFY(row >= 0);
    QCOMPARE(m_members->model()->index(row, MembersModel::Name).data().toString(),
             QStringLiteral("Alice Smith"));
    QCOMPARE(m_members->selectedAccounts(), QStringList{QStringLiteral("alice.smith")});
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("Added member Alice Smith")));
}

void TestGui::addMemberDuplicateOrInvalidIsRefusedInline()
{
    const qint64 before = memberCount();
    m_gui.answerModal(QStringLiteral("addMemberDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint);
        GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("Alice.Smith"));
        GuiHarness::type(d, QStringLiteral("nameEdit"), QStringLiteral("Another Alice"));
        QVERIFY(ok->isEnabled()); // well-formed: only the database knows it is taken
        GuiHarness::clickOk(d);
        // The core's message, inline; the dialog stays open and OK waits for a change.
        QVERIFY(d->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), d);
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(),
                 QStringLiteral("A member with the account name \"Alice.Smith\" already exists."));
        GuiHarness::shoot(d, QStringLiteral("addMemberDialog-duplicate"));
        QVERIFY(!ok->isEnabled());
        // Invalid names are explained as they are typed.
        GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("9lives.cat"));
        QVERIFY(hint->text().contains(QStringLiteral("must start with a letter")));
        QVERIFY(!ok->isEnabled());
        GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("abc"));
        QVERIFY(hint->text().contains(QStringLiteral("6 to 32")));
        QVERIFY(!ok->isEnabled());
        GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("good.name"));
        GuiHarness::type(d, QStringLiteral("emailEdit"), QStringLiteral("not-an-address"));
        QVERIFY(hint->text().contains(QStringLiteral("is not an e-mail address")));
        QVERIFY(!ok->isEnabled());
        GuiHarness::clickOk(d); // disabled: nothing happens
        QVERIFY(d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("addMemberAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(memberCount(), before);
    QVERIFY(!MemberService(*m_verify).find(QStringLiteral("good.name")).ok());
    QCOMPARE(MemberService(*m_verify).find(QStringLiteral("alice.smith"))->name,
             QStringLiteral("Alice Smith"));
}

void TestGui::topUp()
{
    m_gui.answerModal(QStringLiteral("topUpDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("abc"));
        QVERIFY(!ok->isEnabled());
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("1,000.00"));
        GuiHarness::type(d, QStringLiteral("referenceEdit"), QStringLiteral("INV-2026-001"));
        QVERIFY(ok->isEnabled());
        auto* info = d->findChild<QLabel*>(QStringLiteral("balanceInfoLabel"));
        QVERIFY(info->text().contains(QStringLiteral("$1,000.00")));
        GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("topUpAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(100000));
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QCOMPARE(label->text(), QStringLiteral("Company balance: $1,000.00"));
    auto* dashboard = m_window->findChild<QLabel*>(QStringLiteral("dashboardBalanceLabel"));
    QVERIFY(dashboard);
    QCOMPARE(dashboard->text(), QStringLiteral("$1,000.00"));
}

void TestGui::allocateCreditToTwoMembers()
{
    QVERIFY(MemberService(*m_verify)
                .add({QStringLiteral("bob.jones"),
                      QStringLiteral("Bob Jones"),
                      {},
                      QStringLiteral("Sales")})
                .ok());
    QVERIFY(MemberService(*m_verify)
                .add({QStringLiteral("carol.white"),
                      QStringLiteral("Carol White"),
                      {},
                      QStringLiteral("Support")})
                .ok());
    m_members->refresh();
    selectAccounts({QStringLiteral("bob.jones"), QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("allocateCreditDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        auto* members = d->findChild<QLabel*>(QStringLiteral("membersLabel"));
        QVERIFY(members->text().contains(QStringLiteral("2 members")));
        QVERIFY(members->text().contains(QStringLiteral("Bob Jones")));
        QVERIFY(members->text().contains(QStringLiteral("Carol White")));
        auto* warning = d->findChild<QLabel*>(QStringLiteral("warningLabel"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("cannot be taken back")));
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("25"));
        auto* total = d->findChild<QLabel*>(QStringLiteral("totalLabel"));
        QCOMPARE(total->text(), QStringLiteral("Total: $50.00 ($25.00 × 2 members)"));
        auto* balance = d->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"));
        QCOMPARE(balance->text(),
                 QStringLiteral("Company balance: $1,000.00, after the allocation: $950.00."));
        QVERIFY(ok->isEnabled());
        QCOMPARE(ok->text(), QStringLiteral("Allocate $50.00"));
        GuiHarness::shoot(d, QStringLiteral("allocateCreditDialog"));
        GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("allocateCreditAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(2500));
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(2500));
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(95000));
    QCOMPARE(balanceText(QStringLiteral("bob.jones")), QStringLiteral("25.00"));
    QCOMPARE(balanceText(QStringLiteral("carol.white")), QStringLiteral("25.00"));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"))->text(),
             QStringLiteral("Company balance: $950.00"));
    // The selection survives: the rows were updated in place.
    QCOMPARE(m_members->selectedAccounts().size(), 2);
}

void TestGui::allocationLargerThanCompanyBalanceIsRefused()
{
    selectAccounts({QStringLiteral("bob.jones"), QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("allocateCreditDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("600"));
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("cannot cover")), qPrintable(hint->text()));
        QVERIFY(hint->text().contains(QStringLiteral("$1,200.00")));
        GuiHarness::shoot(d, QStringLiteral("allocateCreditDialog-refused"));
        QVERIFY(!ok->isEnabled());
        GuiHarness::clickOk(d);
        QVERIFY(d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("allocateCreditAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(2500));
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(2500));
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(95000));
}

void TestGui::allocationRefusedByCoreWhenBalanceFellMeanwhile()
{
    selectAccounts({QStringLiteral("bob.jones"), QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("allocateCreditDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("400"));
        QVERIFY(ok->isEnabled()); // 800.00 of 950.00: fine when the dialog opened
        // Another admin spends 900.00 meanwhile, on another connection.
        auto other = CreditService(*m_verify).allocate(Money::fromCents(90000),
                                                       {QStringLiteral("alice.smith")});
        QVERIFY(other.ok());
        GuiHarness::clickOk(d);
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(d->isVisible());
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("Nobody was given credit")),
                 qPrintable(hint->text()));
        QVERIFY(!ok->isEnabled());
        // The dialog now shows the balance as it is.
        auto* balance = d->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"));
        QVERIFY2(balance->text().contains(QStringLiteral("$50.00")), qPrintable(balance->text()));
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("allocateCreditAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(2500));
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(2500));
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(5000));
}

void TestGui::autoRechargeBelowThresholdRechargesAtOnce()
{
    QVERIFY(CompanyService(*m_verify).topUp(Money::fromCents(50000), QStringLiteral("INV-2")).ok());
    selectAccounts({QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("autoRechargeDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->text(), QStringLiteral("Save and enable"));
        auto* turnOff = d->findChild<QPushButton*>(QStringLiteral("turnOffButton"));
        QVERIFY(turnOff && !turnOff->isVisible()); // it is not on yet
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("10"));
        GuiHarness::type(d, QStringLiteral("thresholdEdit"), QStringLiteral("50"));
        GuiHarness::type(d, QStringLiteral("monthlyLimitEdit"), QStringLiteral("5"));
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY2(hint->text().contains(QStringLiteral("must be at least")),
                 qPrintable(hint->text()));
        QVERIFY(!ok->isEnabled());
        GuiHarness::type(d, QStringLiteral("monthlyLimitEdit"), QStringLiteral("100"));
        QVERIFY(ok->isEnabled());
        auto* preview = d->findChild<QLabel*>(QStringLiteral("previewLabel"));
        QVERIFY(preview->text().contains(QStringLiteral("as soon as you save")));
        GuiHarness::shoot(d, QStringLiteral("autoRechargeDialog"));
        GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("autoRechargeAction")));
    QVERIFY(m_gui.modalAnswered());
    // 25.00 is below 50.00: three recharges of 10.00 bring it to 55.00.
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(5500));
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(55000 - 3000));
    QCOMPARE(balanceText(QStringLiteral("carol.white")), QStringLiteral("55.00"));
    const int row = m_members->model()->rowOfAccount(QStringLiteral("carol.white"));
    QCOMPARE(m_members->model()->index(row, MembersModel::AutoRecharge).data().toString(),
             QStringLiteral("10.00 below 50.00, limit 100.00"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Recharged")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"))->text(),
             QStringLiteral("Company balance: $520.00"));
}

void TestGui::autoRechargeLimitReachedShowsSuspension()
{
    selectAccounts({QStringLiteral("bob.jones")});
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("autoRechargeDialog"), [this](QDialog* d) {
        GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("10"));
        GuiHarness::type(d, QStringLiteral("thresholdEdit"), QStringLiteral("100"));
        GuiHarness::type(d, QStringLiteral("monthlyLimitEdit"), QStringLiteral("20"));
        GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("autoRechargeAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(4500));
    const int row = m_members->model()->rowOfAccount(QStringLiteral("bob.jones"));
    QCOMPARE(
        m_members->model()->index(row, MembersModel::AutoRecharge).data().toString(),
        QStringLiteral("Suspended until %1").arg(sb::shortDate(QLocale(), QDate(2026, 12, 1))));
    QVERIFY2(
        m_window->statusBar()->currentMessage().contains(
            QStringLiteral("suspended until %1").arg(sb::shortDate(QLocale(), QDate(2026, 12, 1)))),
        qPrintable(m_window->statusBar()->currentMessage()));

    // Open again: the dialog says so, and offers to turn it off.
    selectAccounts({QStringLiteral("bob.jones")});
    m_gui.answerModal(QStringLiteral("autoRechargeDialog"), [](QDialog* d) {
        auto* state = d->findChild<QLabel*>(QStringLiteral("stateLabel"));
        QVERIFY2(state->text().contains(QStringLiteral("suspended until")),
                 qPrintable(state->text()));
        auto* turnOff = d->findChild<QPushButton*>(QStringLiteral("turnOffButton"));
        QVERIFY(turnOff->isVisible());
        GuiHarness::shoot(d, QStringLiteral("autoRechargeDialog-suspended"));
        QTest::mouseClick(turnOff, Qt::LeftButton);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("autoRechargeAction")));
    QVERIFY(m_gui.modalAnswered());
    QVERIFY(!MemberService(*m_verify).find(QStringLiteral("bob.jones"))->autoRecharge.has_value());
    QCOMPARE(m_members->model()->index(row, MembersModel::AutoRecharge).data().toString(),
             QStringLiteral("Off"));
}

void TestGui::searchAsYouType()
{
    m_window->showPage(QStringLiteral("members"));
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("membersSearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("carol"));
    QTRY_COMPARE(m_members->model()->rowCount(), 1);
    QCOMPARE(m_members->model()->member(0).account, QStringLiteral("carol.white"));
    QCOMPARE(m_members->model()->search(), QStringLiteral("carol"));
    search->clear();
    QTRY_COMPARE(m_members->model()->rowCount(), int(memberCount()));
}

void TestGui::sortByHeaderClick()
{
    m_window->showPage(QStringLiteral("members"));
    QTableView* view = m_members->table();
    QHeaderView* header = view->horizontalHeader();
    auto clickHeader = [&](int column) {
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    };
    clickHeader(MembersModel::Balance);
    QCOMPARE(m_members->model()->sortColumn(), int(MembersModel::Balance));
    auto balances = [&]() {
        QList<qint64> out;
        for (int row = 0; row < m_members->model()->rowCount(); ++row)
            out.append(m_members->model()
                           ->index(row, MembersModel::Balance)
                           .data(MembersModel::RawValueRole)
                           .toLongLong());
        return out;
    };
    QList<qint64> first = balances();
    QList<qint64> sorted = first;
    std::sort(sorted.begin(), sorted.end());
    if (m_members->model()->sortOrder() == Qt::DescendingOrder)
        std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(first, sorted);
    const Qt::SortOrder order = m_members->model()->sortOrder();
    clickHeader(MembersModel::Balance);
    QVERIFY(m_members->model()->sortOrder() != order);
    QList<qint64> second = balances();
    std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(second, sorted);
    // The auto-recharge summary cannot be sorted in SQL: the order stays.
    clickHeader(MembersModel::AutoRecharge);
    QCOMPARE(m_members->model()->sortColumn(), int(MembersModel::Balance));
    QCOMPARE(header->sortIndicatorSection(), int(MembersModel::Balance));
    view->sortByColumn(MembersModel::Name, Qt::AscendingOrder);
    QCOMPARE(m_members->model()->sortColumn(), int(MembersModel::Name));
}

void TestGui::importCsvWithBadLinesWritesNothing()
{
    const qint64 before = memberCount();
    const QString path =
        writeFile(QStringLiteral("bad.csv"), "account,name,email,department\r\n"
                                             "dave.brown,Dave Brown,dave@example.com,Sales\r\n"
                                             "9lives,Nine Lives,,Sales\r\n"
                                             "bob.jones,Bob Again,,\r\n");
    QVERIFY(!path.isEmpty());
    m_members->setFileDialogOverride([path]() { return path; });
    QVERIFY(m_gui.triggerAction(QStringLiteral("importMembersAction")));
    // The dry run runs off the UI thread; then the problems show, by line.
    QTRY_VERIFY(QApplication::activeModalWidget() &&
                QApplication::activeModalWidget()->objectName() ==
                    QLatin1String("importMembersDialog"));
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    auto closeAfter = qScopeGuard([dialog]() { dialog->reject(); });
    auto* problems = dialog->findChild<QTableWidget*>(QStringLiteral("problemsTable"));
    QVERIFY(problems);
    QCOMPARE(problems->rowCount(), 2);
    QCOMPARE(problems->item(0, 0)->text(), QStringLiteral("3"));
    QVERIFY(problems->item(0, 1)->text().contains(QStringLiteral("must start with a letter")));
    QCOMPARE(problems->item(1, 0)->text(), QStringLiteral("4"));
    QVERIFY(problems->item(1, 1)->text().contains(QStringLiteral("already exists")));
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    GuiHarness::shoot(dialog, QStringLiteral("importMembersDialog-problems"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QTest::mouseClick(box->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(memberCount(), before);
    QVERIFY(!MemberService(*m_verify).find(QStringLiteral("dave.brown")).ok());
}

void TestGui::importGoodCsv()
{
    const qint64 before = memberCount();
    const QString path = writeFile(QStringLiteral("good.csv"),
                                   "account,name,email,department\r\n"
                                   "dave.brown,Dave Brown,dave@example.com,Sales\r\n"
                                   "erin.green,Erin Green,,Finance\r\n"
                                   "frank.black,\"Black, Frank\",frank@example.com,Legal\r\n");
    m_members->setFileDialogOverride([path]() { return path; });
    QVERIFY(m_gui.triggerAction(QStringLiteral("importMembersAction")));
    QTRY_VERIFY(QApplication::activeModalWidget() &&
                QApplication::activeModalWidget()->objectName() ==
                    QLatin1String("importMembersDialog"));
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QCOMPARE(ok->text(), QStringLiteral("Import 3 members"));
    QCOMPARE(dialog->findChild<QTableWidget*>(QStringLiteral("problemsTable"))->rowCount(), 0);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(memberCount(), before + 3);
    QTRY_VERIFY(!m_members->isBusy());
    QCOMPARE(MemberService(*m_verify).find(QStringLiteral("frank.black"))->name,
             QStringLiteral("Black, Frank"));
    QTRY_VERIFY(m_members->model()->rowOfAccount(QStringLiteral("erin.green")) >= 0);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Imported 3 members")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestGui::exportMembers()
{
    const QString path = m_gui.tempPath(QStringLiteral("export.csv"));
    m_members->setFileDialogOverride([path]() { return path; });
    QVERIFY(m_gui.triggerAction(QStringLiteral("exportMembersAction")));
    QTRY_VERIFY(QFile::exists(path));
    QTRY_VERIFY(!m_members->isBusy());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArrayLiteral("account,name,email,department,country"));
    QCOMPARE(lines.size() - 2,
             int(memberCount())); // header, members, and the empty rest after the last CRLF
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Exported")));
}

void TestGui::exportMembersFailureIsShown()
{
    // A target that is not a regular file (a pipe here; /dev/full likewise) is refused by
    // core, and the window shows why above the table instead of "Exported".
    const QString path = m_gui.tempPath(QStringLiteral("export.fifo"));
    QFile::remove(path);
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    m_members->setFileDialogOverride([path]() { return path; });
    QVERIFY(m_gui.triggerAction(QStringLiteral("exportMembersAction")));
    QTRY_VERIFY(!m_members->isBusy());
    auto* error = m_window->findChild<QLabel*>(QStringLiteral("membersErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY2(error->text().contains(QStringLiteral("not a regular file")),
                 qPrintable(error->text()));
    QVERIFY(!QFileInfo(path).isFile());
    QFile::remove(path);
}

void TestGui::activityPageShowsWhatHappened()
{
    m_window->showPage(QStringLiteral("activity"));
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("activityTable"));
    QVERIFY(table && table->isVisible());
    QVERIFY(table->model()->rowCount() > 5);
    // Newest first: the import was the last change.
    QCOMPARE(table->model()
                 ->index(0, ActivityModel::Action)
                 .data(ActivityModel::RawValueRole)
                 .toString(),
             QStringLiteral("member.import"));
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("activitySearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("INV-2026-001"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ActivityModel::Action).data().toString(),
             QStringLiteral("Company top-up"));
    QCOMPARE(table->model()->index(0, ActivityModel::Actor).data().toString(),
             QStringLiteral("admin"));
    search->clear();
    QTRY_VERIFY(table->model()->rowCount() > 5);
}

void TestGui::languageSwitchToNorwegian()
{
    m_window->showPage(QStringLiteral("settings"));
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 5);
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* balance = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QCOMPARE(navigation->item(MainWindow::pageFromName(QStringLiteral("dashboard")))->text(),
             QStringLiteral("Dashboard"));
    auto restore = qScopeGuard([combo]() {
        combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
        QCoreApplication::processEvents();
    });

    combo->setCurrentIndex(combo->findData(QStringLiteral("nb")));
    QCOMPARE(QLocale().language(), QLocale::NorwegianBokmal);
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("nb"));
    // The window retranslates on LanguageChange: a navigation item and the money format.
    QTRY_COMPARE(navigation->item(MainWindow::pageFromName(QStringLiteral("dashboard")))->text(),
                 QStringLiteral("Oversikt"));
    QCOMPARE(navigation->item(MainWindow::pageFromName(QStringLiteral("members")))->text(),
             QStringLiteral("Medlemmer"));
    QTRY_VERIFY2(balance->text().contains(QStringLiteral("500,00")), qPrintable(balance->text()));
    m_window->showPage(QStringLiteral("members"));
    GuiHarness::shoot(m_window, QStringLiteral("mainWindow-nb"));
    m_window->showPage(QStringLiteral("settings"));
    QVERIFY(balance->text().contains(QStringLiteral("USD")));
    const int row = m_members->model()->rowOfAccount(QStringLiteral("carol.white"));
    QCOMPARE(m_members->model()->index(row, MembersModel::Balance).data().toString(),
             QStringLiteral("55,00"));
    // The activity log reads in Norwegian, money as nb writes it, and is searched by the
    // Norwegian names of its kinds.
    auto* activity = m_window->findChild<QTableView*>(QStringLiteral("activityTable"));
    auto* activitySearch = m_window->findChild<QLineEdit*>(QStringLiteral("activitySearch"));
    QVERIFY(activity && activitySearch);
    activitySearch->setText(QStringLiteral("INV-2026-001"));
    QTRY_COMPARE(activity->model()->rowCount(), 1);
    QCOMPARE(activity->model()->index(0, ActivityModel::Action).data().toString(),
             QString::fromUtf8("Påfyll av firmasaldo"));
    const QString topUpText = activity->model()->index(0, ActivityModel::Details).data().toString();
    QVERIFY2(topUpText.startsWith(QString::fromUtf8("Påfyll på ")) &&
                 topUpText.contains(QStringLiteral(",00, referanse INV-2026-001")),
             qPrintable(topUpText));
    activitySearch->setText(QString::fromUtf8("PÅFYLL AV FIRMA"));
    QTRY_VERIFY(activity->model()->rowCount() >= 1);
    for (int r = 0; r < activity->model()->rowCount(); ++r)
        QCOMPARE(activity->model()
                     ->index(r, ActivityModel::Action)
                     .data(ActivityModel::RawValueRole)
                     .toString(),
                 QStringLiteral("company.topup"));
    activitySearch->setText(QStringLiteral("INV-2026-001"));
    QTRY_COMPARE(activity->model()->rowCount(), 1);

    restore.dismiss();
    combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
    QTRY_COMPARE(navigation->item(MainWindow::pageFromName(QStringLiteral("dashboard")))->text(),
                 QStringLiteral("Dashboard"));
    // Back in English: the same line, written again.
    QTRY_COMPARE(activity->model()->index(0, ActivityModel::Action).data().toString(),
                 QStringLiteral("Company top-up"));
    QVERIFY(activity->model()
                ->index(0, ActivityModel::Details)
                .data()
                .toString()
                .startsWith(QStringLiteral("Top-up of ")));
    activitySearch->clear();
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $500.00"));
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestGui::settingsSwitchDatabase()
{
    m_window->showPage(QStringLiteral("settings"));
    auto* edit = m_window->findChild<QLineEdit*>(QStringLiteral("databaseEdit"));
    auto* apply = m_window->findChild<QPushButton*>(QStringLiteral("applyDatabaseButton"));
    auto* hint = m_window->findChild<QLabel*>(QStringLiteral("databaseHint"));
    auto* balance = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QVERIFY(edit && apply && hint);
    const QString original = m_window->context().db.spec();
    QCOMPARE(edit->text(), original);
    QVERIFY(!apply->isEnabled()); // already in use

    // A malformed address: said inline, the window stays on its database.
    edit->setText(QStringLiteral("postgresql://"));
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("not a PostgreSQL address")),
             qPrintable(hint->text()));
    QCOMPARE(m_window->context().db.spec(), original);

    // Another file: reopened at once.
    const QString other = m_gui.tempPath(QStringLiteral("other.sqlite"));
    edit->setText(other);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_window->context().db.spec(), other);
    QCOMPARE(m_members->model()->rowCount(), 0);
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $0.00"));
    QCOMPARE(QSettings().value(QStringLiteral("database")).toString(), other);
    QCOMPARE(MainWindow::startupDatabaseSpec(QString()), other);

    // A PostgreSQL address with a password: the password is never remembered in the clear
    // (keychain or sealed), and comes back at the next start.
    if (test::TestDatabase::engines().contains(QStringLiteral("postgresql"))) {
        test::TestDatabase pg(QStringLiteral("postgresql"));
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        QUrl url(pg.spec());
        url.setPassword(QStringLiteral("Gui-Secret-42")); // the test server trusts loopback
        const QString typed = url.toString();
        edit->setText(typed);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(m_window->context().db.spec(), typed);
        QVERIFY2(!hint->text().contains(QStringLiteral("will not")), qPrintable(hint->text()));
        QSettings settings;
        settings.sync();
        QCOMPARE(settings.value(QStringLiteral("database")).toString(),
                 url.adjusted(QUrl::RemovePassword).toString());
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        QVERIFY(!file.readAll().contains("Gui-Secret-42"));
        QCOMPARE(MainWindow::startupDatabaseSpec(QString()), typed);
    }

    edit->setText(original);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_window->context().db.spec(), original);
    QCOMPARE(m_members->model()->rowCount(), int(memberCount()));
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $500.00"));
    QSettings().remove(QStringLiteral("database"));
    QSettings().remove(QStringLiteral("databaseSecret"));
}

void TestGui::billingRunsOnDemandWithNews()
{
    // A new month: carol's monthly recharge limit starts afresh.
    const QDateTime before = m_clock->now();
    auto restoreClock = qScopeGuard([&]() { m_clock->set(before); });
    m_clock->set(QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC));
    m_window->statusBar()->clearMessage();
    QVERIFY(m_gui.triggerAction(QStringLiteral("runBillingAction")));
    // Off the UI thread: the news comes when the run is done.
    QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(
                     QStringLiteral("1 monthly recharge limit started afresh")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    QTRY_VERIFY(!m_window->isBillingRunning());
    // Idempotent: nothing is due the second time.
    m_window->statusBar()->clearMessage();
    QVERIFY(m_gui.triggerAction(QStringLiteral("runBillingAction")));
    QTRY_COMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Billing: nothing was due."));
    QTRY_VERIFY(!m_window->isBillingRunning());
}

void TestGui::billingNewsStaysShort()
{
    // 5,000 auto-recharges are 5,000 sentences: the status bar shows two and a count.
    BillingService::Report report;
    for (int i = 0; i < 5000; ++i)
        report.messages << QStringLiteral("Recharged member%1 with $5.00.").arg(i);
    const QString many = ui::MainWindow::billingNews(report);
    QCOMPARE(many, QStringLiteral("Billing: Recharged member0 with $5.00. Recharged member1 "
                                  "with $5.00. … and 4,998 more on the Activity page."));
    report.messages.resize(2);
    QCOMPARE(ui::MainWindow::billingNews(report),
             QStringLiteral("Billing: Recharged member0 with $5.00. Recharged member1 with "
                            "$5.00."));
    report.messages.clear();
    report.bundlesRenewed = {QStringLiteral("Oslo"), QStringLiteral("Bergen")};
    QCOMPARE(ui::MainWindow::billingNews(report),
             QStringLiteral("Billing: the US minute bundles of Oslo, Bergen were renewed from "
                            "their balances."));
    report.bundlesRenewed << QStringLiteral("Trondheim");
    QCOMPARE(ui::MainWindow::billingNews(report),
             QStringLiteral("Billing: the US minute bundles of 3 SIP profiles were renewed "
                            "from their balances."));
}

void TestGui::billingAtStartRunsInTheBackground()
{
    // A new month: something is due when the window opens.
    const QDateTime before = m_clock->now();
    auto restoreClock = qScopeGuard([&]() { m_clock->set(before); });
    m_clock->set(QDateTime(QDate(2027, 1, 3), QTime(8, 0), Qt::UTC));
    const bool sqlite = !m_db->spec().startsWith(QLatin1String("postgresql:"));
    // Another connection holds the write lock (SQLite): billing waits for it on its worker
    // thread while the window opens, shows its pages and answers.
    auto blocker = Database::open(m_db->spec());
    QVERIFY(blocker.ok());
    bool locked = false;
    auto unlock = qScopeGuard([&]() {
        if (locked)
            (void)blocker->run(QStringLiteral("ROLLBACK"));
    });
    if (sqlite) {
        auto begun = blocker->run(QStringLiteral("BEGIN IMMEDIATE"));
        QVERIFY2(begun.ok(), qPrintable(begun.ok() ? QString() : begun.error().message));
        locked = true;
    }
    auto opened = Database::open(m_db->spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.restoreSettings = false;
    options.saveSettings = false;
    options.followOtherAdmins = false;
    options.runBilling = true;
    MainWindow window(Context{*opened, m_clock, QStringLiteral("admin")}, options);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (locked) {
        QTRY_VERIFY(window.isBillingRunning());
        // The UI thread is free: pages switch and paint while billing waits.
        window.showPage(QStringLiteral("activity"));
        QCOMPARE(window.currentPage(), MainWindow::pageFromName(QStringLiteral("activity")));
        QVERIFY(!window.grab().isNull());
        QVERIFY(!window.statusBar()->currentMessage().startsWith(QLatin1String("Billing")));
        QVERIFY(window.isBillingRunning());
        QVERIFY(blocker->run(QStringLiteral("ROLLBACK")).ok());
        locked = false;
    }
    // Its news arrives in the status bar, and what it changed reaches the pages.
    QTRY_VERIFY_WITH_TIMEOUT(
        window.statusBar()->currentMessage().startsWith(QLatin1String("Billing")), 20000);
    QVERIFY2(!window.statusBar()->currentMessage().contains(QLatin1String("could not")),
             qPrintable(window.statusBar()->currentMessage()));
    QTRY_VERIFY(!window.isBillingRunning());
}

void TestGui::pagesAreBuiltWhenFirstNeeded()
{
    auto opened = Database::open(m_db->spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.restoreSettings = false;
    options.saveSettings = false;
    options.followOtherAdmins = false;
    options.runBilling = false;
    options.buildOtherPagesLater = false;
    options.startPage = QStringLiteral("activity");
    MainWindow window(Context{*opened, m_clock, QStringLiteral("admin")}, options);
    const int activity = MainWindow::pageFromName(QStringLiteral("activity"));
    const int calls = MainWindow::pageFromName(QStringLiteral("calls"));
    QCOMPARE(window.currentPage(), activity);
    QVERIFY(window.isPageBuilt(activity));
    QVERIFY(!window.isPageBuilt(calls));
    QVERIFY(!window.findChild<QWidget*>(QStringLiteral("callsPage")));
    // Shown through the side bar: built then, under its fixed name.
    window.findChild<QListWidget*>(QStringLiteral("navigation"))->setCurrentRow(calls);
    QVERIFY(window.isPageBuilt(calls));
    QCOMPARE(window.currentPage(), calls);
    QCOMPARE(window.page(calls)->objectName(), QStringLiteral("callsPage"));
    // Asked for by type: built; its actions join the menus.
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("buyNumbersAction")));
    QVERIFY(window.numbersPage());
    auto* buy = window.findChild<QAction*>(QStringLiteral("buyNumbersAction"));
    QVERIFY(buy);
    QVERIFY(window.findChild<QMenu*>(QStringLiteral("numbersMenu"))->actions().contains(buy));
    // After start, the rest follow on their own.
    MainWindow later(Context{*opened, m_clock, QStringLiteral("admin")}, [&] {
        auto o = options;
        o.buildOtherPagesLater = true;
        return o;
    }());
    later.show();
    QTRY_VERIFY(later.isPageBuilt(calls) && later.isPageBuilt(0) &&
                later.isPageBuilt(later.pageCount() - 1));
    QVERIFY(later.findChild<QAction*>(QStringLiteral("addMemberAction")));
}

void TestGui::longWorkCanBeCancelled()
{
    const qint64 before = memberCount();
    const Money company = m_gui.companyBalance();
    // Into the account the other tests built: confirmed, as only a test would.
    m_window->generateDemo(200000, true);
    // The progress dialog comes after a moment; its Cancel stops the work, which writes nothing.
    QTRY_VERIFY(
        m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog")) &&
        m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog"))->isVisible());
    auto* progress = m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog"));
    QVERIFY(!progress->labelText().isEmpty());
    auto* cancel = progress->findChild<QPushButton*>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")), 20000);
    QTRY_VERIFY(!m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog")));
    QCOMPARE(memberCount(), before);
    QCOMPARE(m_gui.companyBalance(), company);
}

void TestGui::controlsHaveNamesAndActionsInContextMenu()
{
    // Every control a person can use: a stable objectName and an accessible name.
    const QList<QWidget*> widgets = m_window->findChildren<QWidget*>();
    QStringList unnamed;
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w);
        // A tab bar's own scroll buttons (ScrollLeftButton) are Qt's, like its qt_ children.
        if (!control || w->objectName().isEmpty() ||
            w->objectName().startsWith(QLatin1String("qt_")) ||
            qobject_cast<QTabBar*>(w->parentWidget()))
            continue;
        if (w->accessibleName().isEmpty())
            unnamed.append(w->objectName());
        QVERIFY2(w->objectName().front().isLower(), qPrintable(w->objectName()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    for (const char* name : {"addMemberAction", "allocateCreditAction", "autoRechargeAction",
                             "importMembersAction", "exportMembersAction", "topUpAction"}) {
        auto* action = m_window->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        QVERIFY2(!action->text().isEmpty(), name);
    }
    QTableView* table = m_members->table();
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(table->actions().contains(
        m_window->findChild<QAction*>(QStringLiteral("allocateCreditAction"))));
    QVERIFY(table->actions().contains(
        m_window->findChild<QAction*>(QStringLiteral("autoRechargeAction"))));
    QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
    QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
}

void TestGui::remembersLayoutAndLastPage()
{
    m_window->showPage(QStringLiteral("activity"));
    m_window->resize(1100, 760);
    QVERIFY(m_window->close()); // saves size, layout and page
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));

    auto opened = Database::open(m_db->spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.runBilling = false;
    MainWindow again(Context{*opened, m_clock, QStringLiteral("admin")}, options);
    QCOMPARE(again.currentPage(), MainWindow::pageFromName(QStringLiteral("activity")));
    QCOMPARE(again.size(), QSize(1100, 760));
    m_window->resize(1280, 900);
    m_window->showPage(QStringLiteral("members"));
}

void TestGui::welcomeDialogOpensDemoAccount()
{
    test::TestDatabase empty(QStringLiteral("sqlite"));
    auto opened = Database::open(empty.spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.restoreSettings = false;
    options.runBilling = false;
    MainWindow window(Context{*opened, m_clock, QStringLiteral("admin")}, options);
    window.resize(1000, 700);
    window.show();
    QTRY_VERIFY(QApplication::activeModalWidget() &&
                QApplication::activeModalWidget()->objectName() == QLatin1String("welcomeDialog"));
    QPointer<QWidget> welcome = QApplication::activeModalWidget();
    auto closeAfter = qScopeGuard([welcome]() {
        if (welcome && welcome->isVisible())
            welcome->close();
    });
    auto* demo = welcome->findChild<QPushButton*>(QStringLiteral("demoButton"));
    QVERIFY(demo);
    GuiHarness::shoot(welcome, QStringLiteral("welcomeDialog"));
    QVERIFY(welcome->findChild<QPushButton*>(QStringLiteral("startEmptyButton")));
    QTest::mouseClick(demo, Qt::LeftButton);
    // Generated off the UI thread on its own connection; the window then shows it.
    Context check{empty.db(), m_clock, QStringLiteral("tester")};
    QTRY_COMPARE_WITH_TIMEOUT(MemberService(check).count().value(), qint64(500), 20000);
    QTRY_COMPARE(window.membersPage()->model()->totalCount(), qint64(500));
    QTRY_VERIFY(window.findChild<QLabel*>(QStringLiteral("companyBalanceLabel"))->text() !=
                QStringLiteral("Company balance: $0.00"));
    QCOMPARE(window.currentPage(), MainWindow::pageFromName(QStringLiteral("members")));
}

void TestGui::screenshotOfBuiltBinary()
{
    const QString app = qEnvironmentVariable("SWITCHBOARD_APP");
    if (app.isEmpty())
        QSKIP("SWITCHBOARD_APP is not set (run through ctest)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_gui.tempPath(QStringLiteral("config")));
    auto run = [&](const QStringList& args, QString* err = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(app, args);
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        if (err)
            *err = QString::fromLocal8Bit(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    };
    const QString png = m_gui.tempPath(QStringLiteral("members.png"));
    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--screenshot"), png,
                  QStringLiteral("--page"), QStringLiteral("members")}),
             0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800);
    QVERIFY(image.height() >= 500);

    // A screenshot changes nothing: no settings file appears, and one that exists keeps
    // every byte (the page it rendered is not remembered as the window's last page).
    const QString conf = m_gui.tempPath(QStringLiteral("config/Switchboard/switchboard.conf"));
    QVERIFY2(!QFile::exists(conf), qPrintable(conf));
    QVERIFY(QDir().mkpath(QFileInfo(conf).absolutePath()));
    const QByteArray remembered =
        QByteArrayLiteral("[General]\nlanguage=en\n\n[mainWindow]\npage=dashboard\n");
    {
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(remembered);
    }
    const QString settingsPng = m_gui.tempPath(QStringLiteral("settings.png"));
    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--screenshot"),
                  settingsPng, QStringLiteral("--page"), QStringLiteral("settings")}),
             0);
    QVERIFY(!QImage(settingsPng).isNull());
    {
        QFile f(conf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), remembered);
    }
    QCOMPARE(QDir(QFileInfo(conf).absolutePath()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("switchboard.conf")});

    const QString nb = m_gui.tempPath(QStringLiteral("settings-nb.png"));
    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--lang"),
                  QStringLiteral("nb"), QStringLiteral("--screenshot"), nb,
                  QStringLiteral("--page"), QStringLiteral("sip-profiles")}),
             0);
    QVERIFY(!QImage(nb).isNull());

    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--screenshot"), png,
                  QStringLiteral("--page"), QStringLiteral("nowhere")}),
             2);

    // A database of a newer schema is refused, untouched, with the reason on stderr.
    test::TestDatabase newer(QStringLiteral("sqlite"));
    QVERIFY(newer.db().run(
        QStringLiteral("UPDATE schema_meta SET value = '999' WHERE key = 'version'")));
    QString err;
    QCOMPARE(run({QStringLiteral("--database"), newer.spec(), QStringLiteral("--screenshot"), png},
                 &err),
             1);
    QVERIFY2(err.contains(QStringLiteral("switchboard:")), qPrintable(err));
}

SB_GUI_TEST_MAIN(TestGui, "switchboard-tst_gui")

#include "tst_gui.moc"
