// The window follows other admins: a `switchboardctl credit allocate` run as a separate
// process against the window's database shows in the members table and the company balance
// within a second, with a note in the status bar; after Settings switched to another
// database, the window follows that one. On both engines (NOTIFY on PostgreSQL, the file on
// SQLite).

#include "tests/support/CtlRunner.h"
#include "tests/support/GuiHarness.h"

#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "models/members/MembersModel.h"
#include "ui/members/MembersPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/LanguageManager.h"

#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace sb;
using sb::test::CtlRunner;
using sb::test::TestDatabase;

namespace {
constexpr int kWithinMs = 1000;

QString allocate(const QString& spec, const QString& amount)
{
    const auto r = CtlRunner(spec).run(
        {QStringLiteral("--now"), QStringLiteral("2026-11-15T10:00:00Z"), QStringLiteral("credit"),
         QStringLiteral("allocate"), amount, QStringLiteral("ann.admin")});
    return r.exitCode == 0 ? QString() : r.err + r.out;
}
} // namespace

class TestGuiLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void anotherAdminsCreditShows_data();
    void anotherAdminsCreditShows();

private:
    /// $100.00 in the company and a member "ann" with nothing.
    static QString prepare(const Context& ctx);
    std::unique_ptr<FixedClock> m_clock;
};

void TestGuiLive::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    ui::LanguageManager::instance()->apply(QStringLiteral("en"), false);
    QVERIFY2(!CtlRunner::program().isEmpty(), "SWITCHBOARD_CTL is not set");
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
}

QString TestGuiLive::prepare(const Context& ctx)
{
    if (auto r = CompanyService(ctx).topUp(Money::fromCents(10'000), QStringLiteral("T-1")); !r)
        return r.error().message;
    if (auto r =
            MemberService(ctx).add({QStringLiteral("ann.admin"), QStringLiteral("Ann"), {}, {}});
        !r)
        return r.error().message;
    return {};
}

void TestGuiLive::anotherAdminsCreditShows_data()
{
    QTest::addColumn<QString>("engine");
    for (const QString& e : TestDatabase::engines())
        QTest::newRow(qPrintable(e)) << e;
}

void TestGuiLive::anotherAdminsCreditShows()
{
    QFETCH(QString, engine);
    TestDatabase first(engine);
    TestDatabase second(engine);
    QVERIFY2(first.ok() && second.ok(), qPrintable(first.error() + second.error()));
    for (TestDatabase* t : {&first, &second})
        QCOMPARE(prepare(Context{t->db(), m_clock.get(), QStringLiteral("setup")}), QString());

    auto opened = Database::open(first.spec());
    QVERIFY(opened.ok());
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.runBilling = false;
    options.restoreSettings = false;
    options.saveSettings = false;
    options.followOtherAdmins = true;
    ui::MainWindow window(Context{*opened, m_clock.get(), QStringLiteral("admin")}, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* balance = window.findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    QVERIFY(balance);
    MembersModel* members = window.membersPage()->model();
    const auto annBalance = [members]() -> QString {
        const int row = members->rowOfAccount(QStringLiteral("ann.admin"));
        return row < 0 ? QString() : members->member(row).balance.toString();
    };
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $100.00"));
    QCOMPARE(annBalance(), QStringLiteral("0.00"));

    // Another admin's credit: the row and the balance, and a word in the status bar.
    QCOMPARE(allocate(first.spec(), QStringLiteral("12.50")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(annBalance(), QStringLiteral("12.50"), kWithinMs);
    QTRY_COMPARE_WITH_TIMEOUT(balance->text(), QStringLiteral("Company balance: $87.50"),
                              kWithinMs);
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Updated by another admin."));

    // Another database (Settings → Switch): followed instead of the first.
    window.switchDatabase(second.spec());
    QCOMPARE(window.context().db.spec(), second.spec());
    QCOMPARE(balance->text(), QStringLiteral("Company balance: $100.00"));
    QCOMPARE(allocate(second.spec(), QStringLiteral("30.00")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(annBalance(), QStringLiteral("30.00"), kWithinMs);
    QTRY_COMPARE_WITH_TIMEOUT(balance->text(), QStringLiteral("Company balance: $70.00"),
                              kWithinMs);
    QSettings().clear();
}

SB_GUI_TEST_MAIN(TestGuiLive, "tst_gui_live")
#include "tst_gui_live.moc"
