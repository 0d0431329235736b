// The dashboard, driven as a person would: an empty account shows the first steps; an
// account with nothing due says so; on demo data the attention list names who owes and which
// profile has no credit, and following an entry opens its page with its row selected (a
// member far down the lazily fetched table, a SIP profile, a number).

#include "core/books/CompanyService.h"
#include "core/demo/DemoGenerator.h"
#include "core/profiles/ProfileService.h"
#include "core/reports/ChartData.h"
#include "models/members/MembersModel.h"
#include "models/reports/AttentionModel.h"
#include "models/reports/ChartTableModel.h"
#include "tests/support/GuiHarness.h"
#include "ui/charts/DashboardCharts.h"
#include "ui/members/MembersPage.h"
#include "ui/numbers/NumbersPage.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/DashboardPage.h"
#include "ui/shell/MainWindow.h"

#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace sb;
using sb::ui::MainWindow;

class TestGuiDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
        const QString problem = m_gui.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_dashboard = m_gui.window()->dashboardPage();
        QVERIFY(m_dashboard);
        m_gui.window()->showPage(QStringLiteral("dashboard"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->isReading(), 20000); // read on a worker thread
    }
    void cleanupTestCase() { m_gui.tearDown(); }

    void emptyAccountShowsTheFirstSteps()
    {
        auto* guide = m_gui.window()->findChild<QFrame*>(QStringLiteral("dashboardGuide"));
        QVERIFY(guide);
        QVERIFY(guide->isVisible());
        QVERIFY(m_dashboard->isGuideShown());
        QVERIFY(!guide->accessibleName().isEmpty());
        for (const char* name : {"topUpActionGuideButton", "addMemberActionGuideButton",
                                 "buyNumbersActionGuideButton"}) {
            auto* button = guide->findChild<QToolButton*>(QString::fromLatin1(name));
            QVERIFY2(button && button->isVisible() && button->isEnabled(), name);
            QVERIFY(!button->accessibleName().isEmpty());
        }
        // Five steps: top up, members, a SIP profile, numbers, call records.
        QCOMPARE(guide->findChildren<QToolButton*>().size(), 5);
        QVERIFY(
            !m_gui.window()->findChild<QTreeView*>(QStringLiteral("attentionList"))->isVisible());
        QVERIFY(!m_gui.window()
                     ->findChild<QWidget*>(QStringLiteral("recentActivityList"))
                     ->isVisible());
        // The cards keep their names and figures.
        QVERIFY(m_gui.window()
                    ->findChild<QLabel*>(QStringLiteral("dashboardBalanceLabel"))
                    ->isVisible());
        m_gui.shoot(m_gui.window(), QStringLiteral("dashboard-empty"));
    }

    void nothingDueSaysSo()
    {
        QVERIFY(
            CompanyService(m_gui.verify()).topUp(Money::fromCents(500000), QStringLiteral("T")));
        m_gui.window()->refreshPages();
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->isReading(), 20000); // read on a worker thread
        QVERIFY(!m_dashboard->isGuideShown());
        auto* empty = m_gui.window()->findChild<QLabel*>(QStringLiteral("attentionEmptyLabel"));
        QVERIFY(empty && empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("Nothing needs you today")));
        QVERIFY(!m_dashboard->attentionList()->isVisible());
    }

    void followEntriesOnDemoData()
    {
        const Context& ctx = m_gui.verify();
        DemoGenerator::Options options;
        options.members = 400; // more than a page of the members table
        options.profiles = 6;
        options.numbers = 40;
        options.calls = 2000;
        options.intoExistingAccount = true; // the harness has topped up already
        auto demo = DemoGenerator(ctx).generate(options);
        QVERIFY2(demo.ok(), demo ? "" : qPrintable(demo.error().message));
        // Last in the table's order, and owing more than any demo member: 6000 minutes.
        const QString owing =
            m_gui.addOwingMember(QStringLiteral("zz.owes"), QStringLiteral("Zed Owes"), 360000);
        QVERIFY2(owing.isEmpty(), qPrintable(owing));
        NewSipProfile p;
        p.name = QStringLiteral("Zeta Desk");
        p.auth = SipProfile::Auth::Ip;
        p.ip = QStringLiteral("8.8.4.4");
        QVERIFY(ProfileService(ctx).create(p));

        m_gui.window()->showPage(QStringLiteral("members"));
        m_gui.window()->refreshPages();
        m_gui.window()->showPage(QStringLiteral("dashboard"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->isReading(), 20000); // read on a worker thread
        QVERIFY(!m_dashboard->isGuideShown());
        QTreeView* list = m_dashboard->attentionList();
        QVERIFY(list->isVisible());
        QVERIFY(!list->accessibleName().isEmpty());
        AttentionModel* model = m_dashboard->attentionModel();
        QVERIFY(model->rowCount() > 0);
        m_gui.shoot(m_gui.window(), QStringLiteral("dashboard-attention"));

        // The charts below the list show the demo's spending: this month's bars add up to what
        // the summaries say was spent this month.
        auto* charts =
            m_gui.window()->findChild<ui::DashboardCharts*>(QStringLiteral("dashboardCharts"));
        QVERIFY(charts);
        using Chart = ui::DashboardCharts::Chart;
        charts->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!charts->isLoading() && !charts->isShowingText(Chart::Spending),
                                 20000);
        auto spending = ChartData(ctx).spendingByKind();
        QVERIFY(spending && !spending->isEmpty());
        const ChartTableModel* bars = charts->model(Chart::Spending);
        QCOMPARE(bars->rowCount(), int(spending->months.size()));
        const int thisMonth = bars->rowCount() - 1;
        qint64 shown = 0;
        for (int c = 0; c < bars->columnCount(); ++c)
            shown += bars->index(thisMonth, c).data(ChartTableModel::RawRole).toLongLong();
        QCOMPARE(shown, spending->monthTotal(thisMonth).cents());
        QVERIFY(shown > 0);
        QVERIFY(!charts->seriesSummary(Chart::Spending).isEmpty());

        const int owes = rowOf(model, AttentionItem::Kind::Owed, QStringLiteral("zz.owes"));
        QVERIFY(owes >= 0);
        // The most owed comes first of all.
        QCOMPARE(owes, 0);
        QVERIFY(model->index(owes, AttentionModel::Details)
                    .data()
                    .toString()
                    .contains(QStringLiteral("zz.owes")));
        const int desk = rowOf(model, AttentionItem::Kind::NoCredit, QStringLiteral("Zeta Desk"));
        QVERIFY(desk >= 0);

        // Not fetched yet: the members table shows its first page.
        ui::MembersPage* members = m_gui.window()->membersPage();
        QVERIFY(members->model()->rowOfAccount(QStringLiteral("zz.owes")) < 0);
        activate(owes);
        QCOMPARE(m_gui.window()->currentPage(),
                 MainWindow::pageFromName(QStringLiteral("members")));
        QCOMPARE(members->selectedAccounts(), QStringList{QStringLiteral("zz.owes")});

        m_gui.window()->showPage(QStringLiteral("dashboard"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->isReading(), 20000); // read on a worker thread
        activate(rowOf(model, AttentionItem::Kind::NoCredit, QStringLiteral("Zeta Desk")));
        QCOMPARE(m_gui.window()->currentPage(),
                 MainWindow::pageFromName(QStringLiteral("sip-profiles")));
        QCOMPARE(m_gui.window()->sipProfilesPage()->selectedProfile(), QStringLiteral("Zeta Desk"));

        // Three weeks on, the demo's numbers renew within the week: one entry for them all,
        // which opens the Numbers page on the first to renew.
        m_gui.clock()->set(QDateTime(QDate(2026, 12, 10), QTime(10, 0), Qt::UTC));
        m_gui.window()->refreshPages();
        m_gui.window()->showPage(QStringLiteral("dashboard"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->isReading(), 20000); // read on a worker thread
        int numbers = -1;
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->item(row).kind == AttentionItem::Kind::NumbersRenew)
                numbers = row;
        QVERIFY(numbers >= 0);
        const QString e164 = model->item(numbers).key;
        QVERIFY(e164.startsWith(QLatin1Char('+')));
        QVERIFY(model->item(numbers).covers);
        m_gui.shoot(m_gui.window(), QStringLiteral("dashboard-renewals"));
        activate(numbers);
        QCOMPARE(m_gui.window()->currentPage(),
                 MainWindow::pageFromName(QStringLiteral("numbers")));
        QCOMPARE(m_gui.window()->numbersPage()->selectedNumbers(), QStringList{e164});
        // MainWindow's own way in, for a number the list does not name and the page's
        // filter hides: the filters are reset.
        auto* status = m_gui.window()->numbersPage()->findChild<QComboBox*>(
            QStringLiteral("numbersStatusFilter"));
        QVERIFY(status);
        status->setCurrentIndex(status->count() - 1); // released only
        const QString last = lastNumber();
        QVERIFY(!m_gui.window()->numbersPage()->selectNumber(last));
        QVERIFY(m_gui.window()->showNumber(last));
        QCOMPARE(m_gui.window()->numbersPage()->selectedNumbers(), QStringList{last});
        QVERIFY(!m_gui.window()->showMember(QStringLiteral("nobody.here")));
    }

    // A change announced while the dashboard is hidden shows once it is in view again.
    void changesWhileHiddenShowWhenShown()
    {
        m_gui.window()->showPage(QStringLiteral("members"));
        NewSipProfile p;
        p.name = QStringLiteral("Omega Desk");
        p.auth = SipProfile::Auth::Ip;
        p.ip = QStringLiteral("8.8.4.4");
        QVERIFY(ProfileService(m_gui.window()->context()).create(p));
        AttentionModel* model = m_dashboard->attentionModel();
        QCOMPARE(rowOf(model, AttentionItem::Kind::NoCredit, QStringLiteral("Omega Desk")), -1);
        m_gui.window()->showPage(QStringLiteral("dashboard"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->isReading(), 20000); // read on a worker thread
        QVERIFY(rowOf(model, AttentionItem::Kind::NoCredit, QStringLiteral("Omega Desk")) >= 0);
    }

private:
    static int rowOf(AttentionModel* model, AttentionItem::Kind kind, const QString& key)
    {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->item(row).kind == kind && model->item(row).key == key)
                return row;
        return -1;
    }

    // As a person does: the row made current, then Enter.
    void activate(int row)
    {
        QVERIFY(row >= 0);
        QTreeView* list = m_dashboard->attentionList();
        list->setFocus();
        list->setCurrentIndex(list->model()->index(row, 0));
        QTest::keyClick(list, Qt::Key_Return);
    }

    QString lastNumber() const
    {
        auto q = m_gui.verify().db.runFirst(
            QStringLiteral("SELECT e164 FROM numbers WHERE status = 'active' ORDER BY e164 DESC"));
        return q ? q->value(0).toString() : QString();
    }

    test::GuiHarness m_gui;
    ui::DashboardPage* m_dashboard = nullptr;
};

SB_GUI_TEST_MAIN(TestGuiDashboard, "tst_gui_dashboard")
#include "tst_gui_dashboard.moc"
