// The members-and-credit window, driven like a person would (after KeePassXC's TestGui):
// one MainWindow over a SQLite test database and a FixedClock, actions triggered by name,
// modal dialogs answered by objectName, table rows clicked on the viewport.
#include "ActivityModel.h"
#include "ActivityPage.h"
#include "CompanyService.h"
#include "Context.h"
#include "CreditService.h"
#include "FixedClock.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "MemberService.h"
#include "MembersModel.h"
#include "MembersPage.h"
#include "SettingsPage.h"
#include "TestDatabase.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace sb;
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
    void activityPageShowsWhatHappened();
    void languageSwitchToNorwegian();
    void settingsSwitchDatabase();
    void billingRunsOnDemandWithNews();
    void longWorkCanBeCancelled();
    void controlsHaveNamesAndActionsInContextMenu();
    void remembersLayoutAndLastPage();
    void welcomeDialogOpensDemoAccount();
    void screenshotOfBuiltBinary();

private:
    /// The action exists, is enabled, and is triggered.
    bool triggerAction(const QString& name);
    /// Arms a one-shot answer for the next modal dialog: it must be `objectName`; `answer`
    /// fills and confirms it. Whatever happens, the dialog is closed afterwards.
    void answerModal(const QString& objectName, std::function<void(QDialog*)> answer);
    void clickRow(QTableView* view, int row, Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    void selectAccounts(const QStringList& accounts);
    void clickOk(QDialog* dialog);
    void type(QDialog* dialog, const QString& field, const QString& text);
    QString writeFile(const QString& name, const QByteArray& content);
    /// With $SWITCHBOARD_GUI_SHOTS set to a folder, saves what the widget shows (for review).
    static void shoot(QWidget* widget, const QString& name);
    QString balanceText(const QString& account);
    Money memberBalance(const QString& account);
    Money companyBalance();
    qint64 memberCount();

    QTemporaryDir m_dir;
    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    /// A second connection for checking what the window wrote.
    std::unique_ptr<Context> m_verify;
    std::unique_ptr<MainWindow> m_window;
    MembersPage* m_members = nullptr;
    QString m_modalProblem;
    bool m_modalAnswered = false;
};

// ---- helpers ----------------------------------------------------------------------------

bool TestGui::triggerAction(const QString& name)
{
    auto* action = m_window->findChild<QAction*>(name);
    if (!action) {
        qWarning("no action %s", qPrintable(name));
        return false;
    }
    if (!action->isEnabled()) {
        qWarning("action %s is disabled", qPrintable(name));
        return false;
    }
    action->trigger();
    return true;
}

void TestGui::answerModal(const QString& objectName, std::function<void(QDialog*)> answer)
{
    m_modalProblem.clear();
    m_modalAnswered = false;
    QTimer::singleShot(0, this, [this, objectName, answer]() {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        auto closeAfter = qScopeGuard([dialog]() {
            if (dialog && dialog->isVisible())
                dialog->reject();
        });
        if (!dialog) {
            m_modalProblem = QStringLiteral("no modal dialog appeared (expected %1)").arg(objectName);
            return;
        }
        if (dialog->objectName() != objectName) {
            m_modalProblem = QStringLiteral("the modal dialog is %1, expected %2").arg(dialog->objectName(), objectName);
            return;
        }
        m_modalAnswered = true;
        answer(dialog);
    });
}

void TestGui::clickRow(QTableView* view, int row, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex index = view->model()->index(row, 0);
    QVERIFY(index.isValid());
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
}

void TestGui::selectAccounts(const QStringList& accounts)
{
    m_window->showPage(MainWindow::Members);
    QTableView* view = m_members->table();
    view->clearSelection();
    bool first = true;
    for (const QString& account : accounts) {
        const int row = m_members->model()->rowOfAccount(account);
        QVERIFY2(row >= 0, qPrintable(account));
        clickRow(view, row, first ? Qt::NoModifier : Qt::ControlModifier);
        first = false;
    }
    QStringList selected = m_members->selectedAccounts();
    selected.sort();
    QStringList expected = accounts;
    expected.sort();
    QCOMPARE(selected, expected);
}

void TestGui::clickOk(QDialog* dialog)
{
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QPushButton* ok = box->button(QDialogButtonBox::Ok);
    QVERIFY(ok);
    QTest::mouseClick(ok, Qt::LeftButton);
}

void TestGui::type(QDialog* dialog, const QString& field, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(field);
    QVERIFY2(edit, qPrintable(field));
    QVERIFY2(!edit->accessibleName().isEmpty(), qPrintable(field));
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

QString TestGui::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return path;
}

void TestGui::shoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("SWITCHBOARD_GUI_SHOTS");
    if (dir.isEmpty() || !widget)
        return;
    QCoreApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
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

Money TestGui::companyBalance()
{
    auto b = CompanyService(*m_verify).balance();
    return b ? *b : Money::fromCents(-1);
}

qint64 TestGui::memberCount()
{
    auto c = MemberService(*m_verify).count();
    return c ? *c : -1;
}

// ---- set-up -----------------------------------------------------------------------------

void TestGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    ui::LanguageManager::instance()->apply(QStringLiteral("en"), false);
    // SQLite by default; SWITCHBOARD_GUI_ENGINE=postgresql drives the same window over the
    // throw-away server of $SWITCHBOARD_TEST_PG.
    const QString engine = qEnvironmentVariable("SWITCHBOARD_GUI_ENGINE", QStringLiteral("sqlite"));
    m_db = std::make_unique<test::TestDatabase>(engine);
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
    m_verify = std::make_unique<Context>(Context{m_db->db(), m_clock.get(), QStringLiteral("other-admin")});

    auto opened = Database::open(m_db->spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.restoreSettings = false;
    m_window = std::make_unique<MainWindow>(Context{*opened, m_clock.get(), QStringLiteral("admin")}, options);
    QCOMPARE(m_window->objectName(), QStringLiteral("mainWindow"));
    m_window->resize(1280, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_members = m_window->membersPage();
    QVERIFY(m_members);
    // Billing ran at start and said so.
    QTRY_VERIFY(!m_window->statusBar()->currentMessage().isEmpty());
}

void TestGui::cleanupTestCase()
{
    m_window.reset();
}

void TestGui::init()
{
    m_modalProblem.clear();
    m_modalAnswered = false;
}

void TestGui::cleanup()
{
    // Nothing a failed check left open may block the next test.
    for (int i = 0; i < 5 && QApplication::activeModalWidget(); ++i) {
        QWidget* w = QApplication::activeModalWidget();
        if (auto* d = qobject_cast<QDialog*>(w))
            d->reject();
        else
            w->close();
        QCoreApplication::processEvents();
    }
    QTRY_VERIFY(!m_members->isBusy());
    m_members->setFileDialogOverride({});
    QVERIFY2(m_modalProblem.isEmpty(), qPrintable(m_modalProblem));
}

// ---- tests ------------------------------------------------------------------------------

void TestGui::navigationSwitchesPages()
{
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), int(MainWindow::PageCount));
    const QStringList pages = {QStringLiteral("dashboardPage"), QStringLiteral("membersPage"),
                               QStringLiteral("numbersPage"),   QStringLiteral("sipProfilesPage"),
                               QStringLiteral("callsPage"),     QStringLiteral("activityPage"),
                               QStringLiteral("settingsPage")};
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(stack);
    for (int i = 0; i < navigation->count(); ++i) {
        QListWidgetItem* item = navigation->item(i);
        QVERIFY(!item->text().isEmpty());
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(item).center());
        QCOMPARE(stack->currentWidget()->objectName(), pages[i]);
        QVERIFY(stack->currentWidget()->isVisible());
        QVERIFY(!stack->currentWidget()->accessibleName().isEmpty());
        QCOMPARE(QSettings().value(QStringLiteral("mainWindow/page")).toString(), MainWindow::pageNames().at(i));
    }
    // The page still to come says so.
    auto* calls = m_window->findChild<QWidget*>(QStringLiteral("callsPage"));
    auto* text = calls->findChild<QLabel*>(QStringLiteral("placeholderText"));
    QVERIFY(text);
    QVERIFY(text->text().contains(QStringLiteral("not available yet")));
    // The company balance is visible on every page.
    auto* balance = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QVERIFY(balance);
    QVERIFY(balance->isVisible());
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $0.00"));
    // Keyboard: Ctrl+2 shows the members.
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("membersPage"));
}

void TestGui::addMember()
{
    m_window->showPage(MainWindow::Members);
    answerModal(QStringLiteral("addMemberDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // nothing typed yet
        type(d, QStringLiteral("accountEdit"), QStringLiteral("alice.smith"));
        type(d, QStringLiteral("nameEdit"), QStringLiteral("Alice Smith"));
        type(d, QStringLiteral("emailEdit"), QStringLiteral("alice@example.com"));
        type(d, QStringLiteral("departmentEdit"), QStringLiteral("Sales"));
        QVERIFY(ok->isEnabled());
        clickOk(d);
        QVERIFY(!d->isVisible());
    });
    QVERIFY(triggerAction(QStringLiteral("addMemberAction")));
    QVERIFY2(m_modalProblem.isEmpty(), qPrintable(m_modalProblem));
    QVERIFY(m_modalAnswered);

    auto found = MemberService(*m_verify).find(QStringLiteral("alice.smith"));
    QVERIFY2(found.ok(), found ? "" : qPrintable(found.error().message));
    QCOMPARE(found->name, QStringLiteral("Alice Smith"));
    QCOMPARE(found->email, QStringLiteral("alice@example.com"));
    QCOMPARE(found->department, QStringLiteral("Sales"));
    // The table shows the new member, selected.
    const int row = m_members->model()->rowOfAccount(QStringLiteral("alice.smith"));
    QVERIFY(row >= 0);
    QCOMPARE(m_members->model()->index(row, MembersModel::Name).data().toString(), QStringLiteral("Alice Smith"));
    QCOMPARE(m_members->selectedAccounts(), QStringList{QStringLiteral("alice.smith")});
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Added member Alice Smith")));
}

void TestGui::addMemberDuplicateOrInvalidIsRefusedInline()
{
    const qint64 before = memberCount();
    answerModal(QStringLiteral("addMemberDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint);
        type(d, QStringLiteral("accountEdit"), QStringLiteral("Alice.Smith"));
        type(d, QStringLiteral("nameEdit"), QStringLiteral("Another Alice"));
        QVERIFY(ok->isEnabled()); // well-formed: only the database knows it is taken
        clickOk(d);
        // The core's message, inline; the dialog stays open and OK waits for a change.
        QVERIFY(d->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), d);
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), QStringLiteral("A member with the account name \"Alice.Smith\" already exists."));
        shoot(d, QStringLiteral("addMemberDialog-duplicate"));
        QVERIFY(!ok->isEnabled());
        // Invalid names are explained as they are typed.
        type(d, QStringLiteral("accountEdit"), QStringLiteral("9lives.cat"));
        QVERIFY(hint->text().contains(QStringLiteral("must start with a letter")));
        QVERIFY(!ok->isEnabled());
        type(d, QStringLiteral("accountEdit"), QStringLiteral("abc"));
        QVERIFY(hint->text().contains(QStringLiteral("6 to 32")));
        QVERIFY(!ok->isEnabled());
        type(d, QStringLiteral("accountEdit"), QStringLiteral("good.name"));
        type(d, QStringLiteral("emailEdit"), QStringLiteral("not-an-address"));
        QVERIFY(hint->text().contains(QStringLiteral("is not an e-mail address")));
        QVERIFY(!ok->isEnabled());
        clickOk(d); // disabled: nothing happens
        QVERIFY(d->isVisible());
    });
    QVERIFY(triggerAction(QStringLiteral("addMemberAction")));
    QVERIFY(m_modalAnswered);
    QCOMPARE(memberCount(), before);
    QVERIFY(!MemberService(*m_verify).find(QStringLiteral("good.name")).ok());
    QCOMPARE(MemberService(*m_verify).find(QStringLiteral("alice.smith"))->name, QStringLiteral("Alice Smith"));
}

void TestGui::topUp()
{
    answerModal(QStringLiteral("topUpDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        type(d, QStringLiteral("amountEdit"), QStringLiteral("abc"));
        QVERIFY(!ok->isEnabled());
        type(d, QStringLiteral("amountEdit"), QStringLiteral("1,000.00"));
        type(d, QStringLiteral("referenceEdit"), QStringLiteral("INV-2026-001"));
        QVERIFY(ok->isEnabled());
        auto* info = d->findChild<QLabel*>(QStringLiteral("balanceInfoLabel"));
        QVERIFY(info->text().contains(QStringLiteral("$1,000.00")));
        clickOk(d);
    });
    QVERIFY(triggerAction(QStringLiteral("topUpAction")));
    QVERIFY(m_modalAnswered);
    QCOMPARE(companyBalance(), Money::fromCents(100000));
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QCOMPARE(label->text(), QStringLiteral("Company balance: $1,000.00"));
    auto* dashboard = m_window->findChild<QLabel*>(QStringLiteral("dashboardBalanceLabel"));
    QVERIFY(dashboard);
    QCOMPARE(dashboard->text(), QStringLiteral("$1,000.00"));
}

void TestGui::allocateCreditToTwoMembers()
{
    QVERIFY(MemberService(*m_verify).add({QStringLiteral("bob.jones"), QStringLiteral("Bob Jones"), {}, QStringLiteral("Sales")}).ok());
    QVERIFY(MemberService(*m_verify).add({QStringLiteral("carol.white"), QStringLiteral("Carol White"), {}, QStringLiteral("Support")}).ok());
    m_members->refresh();
    selectAccounts({QStringLiteral("bob.jones"), QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    answerModal(QStringLiteral("allocateCreditDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        auto* members = d->findChild<QLabel*>(QStringLiteral("membersLabel"));
        QVERIFY(members->text().contains(QStringLiteral("2 members")));
        QVERIFY(members->text().contains(QStringLiteral("Bob Jones")));
        QVERIFY(members->text().contains(QStringLiteral("Carol White")));
        auto* warning = d->findChild<QLabel*>(QStringLiteral("warningLabel"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("cannot be taken back")));
        type(d, QStringLiteral("amountEdit"), QStringLiteral("25"));
        auto* total = d->findChild<QLabel*>(QStringLiteral("totalLabel"));
        QCOMPARE(total->text(), QStringLiteral("Total: $50.00 ($25.00 × 2 members)"));
        auto* balance = d->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"));
        QCOMPARE(balance->text(), QStringLiteral("Company balance: $1,000.00, after the allocation: $950.00."));
        QVERIFY(ok->isEnabled());
        QCOMPARE(ok->text(), QStringLiteral("Allocate $50.00"));
        shoot(d, QStringLiteral("allocateCreditDialog"));
        clickOk(d);
    });
    QVERIFY(triggerAction(QStringLiteral("allocateCreditAction")));
    QVERIFY(m_modalAnswered);
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(2500));
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(2500));
    QCOMPARE(companyBalance(), Money::fromCents(95000));
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
    answerModal(QStringLiteral("allocateCreditDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        type(d, QStringLiteral("amountEdit"), QStringLiteral("600"));
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("cannot cover")), qPrintable(hint->text()));
        QVERIFY(hint->text().contains(QStringLiteral("$1,200.00")));
        shoot(d, QStringLiteral("allocateCreditDialog-refused"));
        QVERIFY(!ok->isEnabled());
        clickOk(d);
        QVERIFY(d->isVisible());
    });
    QVERIFY(triggerAction(QStringLiteral("allocateCreditAction")));
    QVERIFY(m_modalAnswered);
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(2500));
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(2500));
    QCOMPARE(companyBalance(), Money::fromCents(95000));
}

void TestGui::allocationRefusedByCoreWhenBalanceFellMeanwhile()
{
    selectAccounts({QStringLiteral("bob.jones"), QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    answerModal(QStringLiteral("allocateCreditDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        type(d, QStringLiteral("amountEdit"), QStringLiteral("400"));
        QVERIFY(ok->isEnabled()); // 800.00 of 950.00: fine when the dialog opened
        // Another admin spends 900.00 meanwhile, on another connection.
        auto other = CreditService(*m_verify).allocate(Money::fromCents(90000), {QStringLiteral("alice.smith")});
        QVERIFY(other.ok());
        clickOk(d);
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(d->isVisible());
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("Nobody was given credit")), qPrintable(hint->text()));
        QVERIFY(!ok->isEnabled());
        // The dialog now shows the balance as it is.
        auto* balance = d->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"));
        QVERIFY2(balance->text().contains(QStringLiteral("$50.00")), qPrintable(balance->text()));
    });
    QVERIFY(triggerAction(QStringLiteral("allocateCreditAction")));
    QVERIFY(m_modalAnswered);
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(2500));
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(2500));
    QCOMPARE(companyBalance(), Money::fromCents(5000));
}

void TestGui::autoRechargeBelowThresholdRechargesAtOnce()
{
    QVERIFY(CompanyService(*m_verify).topUp(Money::fromCents(50000), QStringLiteral("INV-2")).ok());
    selectAccounts({QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    answerModal(QStringLiteral("autoRechargeDialog"), [this](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->text(), QStringLiteral("Save and enable"));
        auto* turnOff = d->findChild<QPushButton*>(QStringLiteral("turnOffButton"));
        QVERIFY(turnOff && !turnOff->isVisible()); // it is not on yet
        type(d, QStringLiteral("amountEdit"), QStringLiteral("10"));
        type(d, QStringLiteral("thresholdEdit"), QStringLiteral("50"));
        type(d, QStringLiteral("monthlyLimitEdit"), QStringLiteral("5"));
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY2(hint->text().contains(QStringLiteral("must be at least")), qPrintable(hint->text()));
        QVERIFY(!ok->isEnabled());
        type(d, QStringLiteral("monthlyLimitEdit"), QStringLiteral("100"));
        QVERIFY(ok->isEnabled());
        auto* preview = d->findChild<QLabel*>(QStringLiteral("previewLabel"));
        QVERIFY(preview->text().contains(QStringLiteral("as soon as you save")));
        shoot(d, QStringLiteral("autoRechargeDialog"));
        clickOk(d);
    });
    QVERIFY(triggerAction(QStringLiteral("autoRechargeAction")));
    QVERIFY(m_modalAnswered);
    // 25.00 is below 50.00: three recharges of 10.00 bring it to 55.00.
    QCOMPARE(memberBalance(QStringLiteral("carol.white")), Money::fromCents(5500));
    QCOMPARE(companyBalance(), Money::fromCents(55000 - 3000));
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
    answerModal(QStringLiteral("autoRechargeDialog"), [this](QDialog* d) {
        type(d, QStringLiteral("amountEdit"), QStringLiteral("10"));
        type(d, QStringLiteral("thresholdEdit"), QStringLiteral("100"));
        type(d, QStringLiteral("monthlyLimitEdit"), QStringLiteral("20"));
        clickOk(d);
    });
    QVERIFY(triggerAction(QStringLiteral("autoRechargeAction")));
    QVERIFY(m_modalAnswered);
    QCOMPARE(memberBalance(QStringLiteral("bob.jones")), Money::fromCents(4500));
    const int row = m_members->model()->rowOfAccount(QStringLiteral("bob.jones"));
    QCOMPARE(m_members->model()->index(row, MembersModel::AutoRecharge).data().toString(),
             QStringLiteral("Suspended until %1").arg(QLocale().toString(QDate(2026, 12, 1), QLocale::ShortFormat)));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(
                 QStringLiteral("suspended until %1").arg(QLocale().toString(QDate(2026, 12, 1), QLocale::ShortFormat))),
             qPrintable(m_window->statusBar()->currentMessage()));

    // Open again: the dialog says so, and offers to turn it off.
    selectAccounts({QStringLiteral("bob.jones")});
    answerModal(QStringLiteral("autoRechargeDialog"), [](QDialog* d) {
        auto* state = d->findChild<QLabel*>(QStringLiteral("stateLabel"));
        QVERIFY2(state->text().contains(QStringLiteral("suspended until")), qPrintable(state->text()));
        auto* turnOff = d->findChild<QPushButton*>(QStringLiteral("turnOffButton"));
        QVERIFY(turnOff->isVisible());
        shoot(d, QStringLiteral("autoRechargeDialog-suspended"));
        QTest::mouseClick(turnOff, Qt::LeftButton);
    });
    QVERIFY(triggerAction(QStringLiteral("autoRechargeAction")));
    QVERIFY(m_modalAnswered);
    QVERIFY(!MemberService(*m_verify).find(QStringLiteral("bob.jones"))->autoRecharge.has_value());
    QCOMPARE(m_members->model()->index(row, MembersModel::AutoRecharge).data().toString(), QStringLiteral("Off"));
}

void TestGui::searchAsYouType()
{
    m_window->showPage(MainWindow::Members);
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
    m_window->showPage(MainWindow::Members);
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
            out.append(m_members->model()->index(row, MembersModel::Balance).data(MembersModel::RawValueRole).toLongLong());
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
    const QString path = writeFile(QStringLiteral("bad.csv"),
                                   "account,name,email,department\r\n"
                                   "dave.brown,Dave Brown,dave@example.com,Sales\r\n"
                                   "9lives,Nine Lives,,Sales\r\n"
                                   "bob.jones,Bob Again,,\r\n");
    QVERIFY(!path.isEmpty());
    m_members->setFileDialogOverride([path]() { return path; });
    QVERIFY(triggerAction(QStringLiteral("importMembersAction")));
    // The dry run runs off the UI thread; then the problems show, by line.
    QTRY_VERIFY(QApplication::activeModalWidget()
                && QApplication::activeModalWidget()->objectName() == QLatin1String("importMembersDialog"));
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
    shoot(dialog, QStringLiteral("importMembersDialog-problems"));
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
    QVERIFY(triggerAction(QStringLiteral("importMembersAction")));
    QTRY_VERIFY(QApplication::activeModalWidget()
                && QApplication::activeModalWidget()->objectName() == QLatin1String("importMembersDialog"));
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QCOMPARE(ok->text(), QStringLiteral("Import 3 members"));
    QCOMPARE(dialog->findChild<QTableWidget*>(QStringLiteral("problemsTable"))->rowCount(), 0);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(memberCount(), before + 3);
    QTRY_VERIFY(!m_members->isBusy());
    QCOMPARE(MemberService(*m_verify).find(QStringLiteral("frank.black"))->name, QStringLiteral("Black, Frank"));
    QTRY_VERIFY(m_members->model()->rowOfAccount(QStringLiteral("erin.green")) >= 0);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Imported 3 members")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestGui::exportMembers()
{
    const QString path = m_dir.filePath(QStringLiteral("export.csv"));
    m_members->setFileDialogOverride([path]() { return path; });
    QVERIFY(triggerAction(QStringLiteral("exportMembersAction")));
    QTRY_VERIFY(QFile::exists(path));
    QTRY_VERIFY(!m_members->isBusy());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArrayLiteral("account,name,email,department"));
    QCOMPARE(lines.size() - 2, int(memberCount())); // header, members, and the empty rest after the last CRLF
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Exported")));
}

void TestGui::activityPageShowsWhatHappened()
{
    m_window->showPage(MainWindow::Activity);
    auto* table = m_window->findChild<QTableView*>(QStringLiteral("activityTable"));
    QVERIFY(table && table->isVisible());
    QVERIFY(table->model()->rowCount() > 5);
    // Newest first: the import was the last change.
    QCOMPARE(table->model()->index(0, ActivityModel::Action).data(ActivityModel::RawValueRole).toString(),
             QStringLiteral("member.import"));
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("activitySearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("INV-2026-001"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, ActivityModel::Action).data().toString(), QStringLiteral("Company top-up"));
    QCOMPARE(table->model()->index(0, ActivityModel::Actor).data().toString(), QStringLiteral("admin"));
    search->clear();
    QTRY_VERIFY(table->model()->rowCount() > 5);
}

void TestGui::languageSwitchToNorwegian()
{
    m_window->showPage(MainWindow::Settings);
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 5);
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* balance = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QCOMPARE(navigation->item(MainWindow::Dashboard)->text(), QStringLiteral("Dashboard"));
    auto restore = qScopeGuard([combo]() {
        combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
        QCoreApplication::processEvents();
    });

    combo->setCurrentIndex(combo->findData(QStringLiteral("nb")));
    QCOMPARE(QLocale().language(), QLocale::NorwegianBokmal);
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("nb"));
    // The window retranslates on LanguageChange: a navigation item and the money format.
    QTRY_COMPARE(navigation->item(MainWindow::Dashboard)->text(), QStringLiteral("Oversikt"));
    QCOMPARE(navigation->item(MainWindow::Members)->text(), QStringLiteral("Medlemmer"));
    QTRY_VERIFY2(balance->text().contains(QStringLiteral("500,00")), qPrintable(balance->text()));
    m_window->showPage(MainWindow::Members);
    shoot(m_window.get(), QStringLiteral("mainWindow-nb"));
    m_window->showPage(MainWindow::Settings);
    QVERIFY(balance->text().contains(QStringLiteral("USD")));
    const int row = m_members->model()->rowOfAccount(QStringLiteral("carol.white"));
    QCOMPARE(m_members->model()->index(row, MembersModel::Balance).data().toString(), QStringLiteral("55,00"));

    restore.dismiss();
    combo->setCurrentIndex(combo->findData(QStringLiteral("en")));
    QTRY_COMPARE(navigation->item(MainWindow::Dashboard)->text(), QStringLiteral("Dashboard"));
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $500.00"));
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestGui::settingsSwitchDatabase()
{
    m_window->showPage(MainWindow::Settings);
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
    QVERIFY2(hint->text().contains(QStringLiteral("not a PostgreSQL address")), qPrintable(hint->text()));
    QCOMPARE(m_window->context().db.spec(), original);

    // Another file: reopened at once.
    const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
    edit->setText(other);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_window->context().db.spec(), other);
    QCOMPARE(m_members->model()->rowCount(), 0);
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $0.00"));
    QCOMPARE(QSettings().value(QStringLiteral("database")).toString(), other);
    QCOMPARE(MainWindow::startupDatabaseSpec(QString()), other);

    edit->setText(original);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_window->context().db.spec(), original);
    QCOMPARE(m_members->model()->rowCount(), int(memberCount()));
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $500.00"));
    QSettings().remove(QStringLiteral("database"));
}

void TestGui::billingRunsOnDemandWithNews()
{
    // A new month: carol's monthly recharge limit starts afresh.
    const QDateTime before = m_clock->now();
    auto restoreClock = qScopeGuard([&]() { m_clock->set(before); });
    m_clock->set(QDateTime(QDate(2026, 12, 2), QTime(8, 0), Qt::UTC));
    QVERIFY(triggerAction(QStringLiteral("runBillingAction")));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("1 monthly recharge limit started afresh")),
             qPrintable(m_window->statusBar()->currentMessage()));
    // Idempotent: nothing is due the second time.
    QVERIFY(triggerAction(QStringLiteral("runBillingAction")));
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Billing: nothing was due."));
}

void TestGui::longWorkCanBeCancelled()
{
    const qint64 before = memberCount();
    const Money company = companyBalance();
    m_window->generateDemo(200000);
    // The progress dialog comes after a moment; its Cancel stops the work, which writes nothing.
    QTRY_VERIFY(m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog"))
                && m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog"))->isVisible());
    auto* progress = m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog"));
    QVERIFY(!progress->labelText().isEmpty());
    auto* cancel = progress->findChild<QPushButton*>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")), 20000);
    QTRY_VERIFY(!m_window->findChild<QProgressDialog*>(QStringLiteral("progressDialog")));
    QCOMPARE(memberCount(), before);
    QCOMPARE(companyBalance(), company);
}

void TestGui::controlsHaveNamesAndActionsInContextMenu()
{
    // Every control a person can use: a stable objectName and an accessible name.
    const QList<QWidget*> widgets = m_window->findChildren<QWidget*>();
    QStringList unnamed;
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)
                             || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w);
        if (!control || w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        if (w->accessibleName().isEmpty())
            unnamed.append(w->objectName());
        QVERIFY2(w->objectName().front().isLower(), qPrintable(w->objectName()));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    for (const char* name : {"addMemberAction", "allocateCreditAction", "autoRechargeAction", "importMembersAction",
                             "exportMembersAction", "topUpAction"}) {
        auto* action = m_window->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        QVERIFY2(!action->text().isEmpty(), name);
    }
    QTableView* table = m_members->table();
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(table->actions().contains(m_window->findChild<QAction*>(QStringLiteral("allocateCreditAction"))));
    QVERIFY(table->actions().contains(m_window->findChild<QAction*>(QStringLiteral("autoRechargeAction"))));
    QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
    QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
}

void TestGui::remembersLayoutAndLastPage()
{
    m_window->showPage(MainWindow::Activity);
    m_window->resize(1100, 760);
    QVERIFY(m_window->close()); // saves size, layout and page
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    auto opened = Database::open(m_db->spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.runBilling = false;
    MainWindow again(Context{*opened, m_clock.get(), QStringLiteral("admin")}, options);
    QCOMPARE(again.currentPage(), int(MainWindow::Activity));
    QCOMPARE(again.size(), QSize(1100, 760));
    m_window->resize(1280, 900);
    m_window->showPage(MainWindow::Members);
}

void TestGui::welcomeDialogOpensDemoAccount()
{
    test::TestDatabase empty(QStringLiteral("sqlite"));
    auto opened = Database::open(empty.spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.restoreSettings = false;
    options.runBilling = false;
    MainWindow window(Context{*opened, m_clock.get(), QStringLiteral("admin")}, options);
    window.resize(1000, 700);
    window.show();
    QTRY_VERIFY(QApplication::activeModalWidget()
                && QApplication::activeModalWidget()->objectName() == QLatin1String("welcomeDialog"));
    QPointer<QWidget> welcome = QApplication::activeModalWidget();
    auto closeAfter = qScopeGuard([welcome]() {
        if (welcome && welcome->isVisible())
            welcome->close();
    });
    auto* demo = welcome->findChild<QPushButton*>(QStringLiteral("demoButton"));
    QVERIFY(demo);
    shoot(welcome, QStringLiteral("welcomeDialog"));
    QVERIFY(welcome->findChild<QPushButton*>(QStringLiteral("startEmptyButton")));
    QTest::mouseClick(demo, Qt::LeftButton);
    // Generated off the UI thread on its own connection; the window then shows it.
    Context check{empty.db(), m_clock.get(), QStringLiteral("tester")};
    QTRY_COMPARE_WITH_TIMEOUT(MemberService(check).count().value(), qint64(500), 20000);
    QTRY_COMPARE(window.membersPage()->model()->totalCount(), qint64(500));
    QTRY_VERIFY(window.findChild<QLabel*>(QStringLiteral("companyBalanceLabel"))->text() != QStringLiteral("Company balance: $0.00"));
    QCOMPARE(window.currentPage(), int(MainWindow::Members));
}

void TestGui::screenshotOfBuiltBinary()
{
    const QString app = qEnvironmentVariable("SWITCHBOARD_APP");
    if (app.isEmpty())
        QSKIP("SWITCHBOARD_APP is not set (run through ctest)");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
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
    const QString png = m_dir.filePath(QStringLiteral("members.png"));
    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--screenshot"), png,
                  QStringLiteral("--page"), QStringLiteral("members")}),
             0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800);
    QVERIFY(image.height() >= 500);

    const QString nb = m_dir.filePath(QStringLiteral("settings-nb.png"));
    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--lang"), QStringLiteral("nb"),
                  QStringLiteral("--screenshot"), nb, QStringLiteral("--page"), QStringLiteral("sip-profiles")}),
             0);
    QVERIFY(!QImage(nb).isNull());

    QCOMPARE(run({QStringLiteral("--database"), m_db->spec(), QStringLiteral("--screenshot"), png,
                  QStringLiteral("--page"), QStringLiteral("nowhere")}),
             2);

    // A database of a newer schema is refused, untouched, with the reason on stderr.
    test::TestDatabase newer(QStringLiteral("sqlite"));
    QVERIFY(newer.db().execDirect(QStringLiteral("UPDATE schema_meta SET value = '999' WHERE key = 'version'")));
    QString err;
    QCOMPARE(run({QStringLiteral("--database"), newer.spec(), QStringLiteral("--screenshot"), png}, &err), 1);
    QVERIFY2(err.contains(QStringLiteral("switchboard:")), qPrintable(err));
}

int main(int argc, char** argv)
{
    // A 1280×900 screen for the offscreen platform, and a private runtime directory.
    QTemporaryDir platformDir;
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.isEmpty() || platform == "offscreen") {
        const QString config = platformDir.filePath(QStringLiteral("screen.json"));
        QFile f(config);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(R"({"screens":[{"name":"ci","x":0,"y":0,"width":1280,"height":900,"logicalDpi":96}]})");
            f.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
        }
    }
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = platformDir.filePath(QStringLiteral("runtime"));
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationName(QStringLiteral("switchboard-tst_gui"));
    QTEST_SET_MAIN_SOURCE_PATH
    TestGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui.moc"
