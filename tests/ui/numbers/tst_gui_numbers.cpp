// The Numbers window, driven as a person would: buy numbers for two members selected on the
// Members page, purchases the wizard refuses (terms not accepted, company balance too low,
// a refusal by the core), reassign with completion, cancel with the confirmation that lists
// each expiry date — asserting on what the window shows and on the database.
#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "models/members/MembersModel.h"
#include "models/numbers/NumbersModel.h"
#include "tests/support/GuiHarness.h"
#include "ui/members/MembersPage.h"
#include "ui/numbers/BuyNumbersWizard.h"
#include "ui/numbers/NumbersPage.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/HolderCompleter.h"
#include "ui/widgets/LanguageManager.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QWizard>

using namespace sb;
using sb::ui::MainWindow;

namespace sb {
inline char* toString(const Money& m)
{
    return qstrdup(m.toString().toUtf8().constData());
}
} // namespace sb

class TestGuiNumbers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void buyNumbersForTwoSelectedMembers();
    void pagesForwardNoChanges();
    void windowContextChangesReachTheWindow();
    void termsMustBeAcceptedAndBalanceMustCover();
    void refusalByTheCoreShowsInline();
    void reassignWithCompletion();
    void cancelListsExpiryDate();
    void searchFiltersAndSort();
    void actionsNamesAndContextMenu();
    void cancelNumbersOfSelectedMembers();
    void columnsKeepTheStatusInView();
    void countriesInNameOrder();

private:
    /// Where the status of `e164` is cut or out of view; empty when it reads whole.
    QString statusProblem(const QString& e164);
    void selectMembers(const QStringList& accounts);
    void selectNumber(const QString& e164);
    QString holderOf(const QString& e164);
    QStringList numbersOf(const QString& account);
    QString membersCell(const QString& account, int column);
    static QWizard* wizardOf(QDialog* d) { return qobject_cast<QWizard*>(d); }
    static void selectArea(QWizard* w, const QString& code);

    test::GuiHarness m_gui;
    ui::MembersPage* m_members = nullptr;
    ui::NumbersPage* m_numbers = nullptr;
    QString m_bobNumber;
    QString m_carolNumber;
};

// ---- helpers ----------------------------------------------------------------------------

void TestGuiNumbers::selectMembers(const QStringList& accounts)
{
    m_gui.window()->showPage(QStringLiteral("members"));
    QTableView* view = m_members->table();
    view->clearSelection();
    bool first = true;
    for (const QString& account : accounts) {
        const int row = m_members->model()->rowOfAccount(account);
        QVERIFY2(row >= 0, qPrintable(account));
        test::GuiHarness::clickRow(view, row, first ? Qt::NoModifier : Qt::ControlModifier);
        first = false;
    }
    QStringList selected = m_members->selectedAccounts();
    selected.sort();
    QStringList expected = accounts;
    expected.sort();
    QCOMPARE(selected, expected);
}

void TestGuiNumbers::selectNumber(const QString& e164)
{
    m_gui.window()->showPage(QStringLiteral("numbers"));
    QTableView* view = m_numbers->table();
    view->clearSelection();
    for (int row = 0; row < m_numbers->model()->rowCount(); ++row) {
        if (m_numbers->model()->number(row).e164 == e164) {
            test::GuiHarness::clickRow(view, row);
            QCOMPARE(m_numbers->selectedNumbers(), QStringList{e164});
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(e164)));
}

QString TestGuiNumbers::holderOf(const QString& e164)
{
    auto n = NumberService(m_gui.verify()).find(e164);
    return n ? n->holder.name : QStringLiteral("<%1>").arg(n.error().message);
}

QStringList TestGuiNumbers::numbersOf(const QString& account)
{
    auto m = MemberService(m_gui.verify()).find(account);
    return m ? m->numbers : QStringList{QStringLiteral("<no member>")};
}

QString TestGuiNumbers::membersCell(const QString& account, int column)
{
    const int row = m_members->model()->rowOfAccount(account);
    return row < 0 ? QStringLiteral("<no row>")
                   : m_members->model()->index(row, column).data().toString();
}

void TestGuiNumbers::selectArea(QWizard* w, const QString& code)
{
    auto* list = w->findChild<QListWidget*>(QStringLiteral("areaList"));
    QVERIFY(list);
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == code) {
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualItemRect(list->item(i)).center());
            QCOMPARE(list->currentItem(), list->item(i));
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no area %1").arg(code)));
}

// ---- set-up -----------------------------------------------------------------------------

void TestGuiNumbers::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Context& ctx = m_gui.verify();
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("INV-1")).ok());
    for (const auto& [account, name] :
         {std::pair{"alice.smith", "Alice Smith"}, std::pair{"bob.jones", "Bob Jones"},
          std::pair{"carol.white", "Carol White"}, std::pair{"dave.brown", "Dave Brown"}})
        QVERIFY(MemberService(ctx)
                    .add({QString::fromLatin1(account),
                          QString::fromLatin1(name),
                          {},
                          QStringLiteral("Sales")})
                    .ok());
    NewSipProfile sales;
    sales.name = QStringLiteral("Sales desk");
    QVERIFY(ProfileService(ctx).create(sales).ok()); // 6.95 for one channel
    m_members = m_gui.window()->membersPage();
    m_numbers = m_gui.window()->numbersPage();
    m_gui.window()->refreshPages();
    m_members->refresh();
    m_numbers->refresh();
    m_gui.window()->sipProfilesPage()->refresh();
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(100000 - 695));
}

void TestGuiNumbers::cleanupTestCase()
{
    m_gui.tearDown();
}

void TestGuiNumbers::cleanup()
{
    m_gui.closeModals();
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
}

QString TestGuiNumbers::statusProblem(const QString& e164)
{
    QTableView* table = m_numbers->table();
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, NumbersModel::Status);
        if (m_numbers->model()->number(row).e164 != e164)
            continue;
        table->scrollTo(index);
        QStyleOptionViewItem option;
        option.initFrom(table->viewport());
        option.font = table->font();
        option.fontMetrics = table->fontMetrics();
        const int needed = table->itemDelegateForIndex(index)->sizeHint(option, index).width();
        const int left = table->columnViewportPosition(NumbersModel::Status);
        if (needed <= table->columnWidth(NumbersModel::Status) &&
            left + needed <= table->viewport()->width())
            return {};
        QString columns;
        for (int c = 0; c < NumbersModel::ColumnCount; ++c)
            columns += QString::number(table->isColumnHidden(c) ? -1 : table->columnWidth(c)) +
                       QLatin1Char(' ');
        return QStringLiteral("\"%1\" needs %2 px at %3, has %4 px of a %5 px table (%6)")
            .arg(index.data().toString())
            .arg(needed)
            .arg(left)
            .arg(table->columnWidth(NumbersModel::Status))
            .arg(table->viewport()->width())
            .arg(columns);
    }
    return QStringLiteral("%1 is not in the table").arg(e164);
}

// ---- tests ------------------------------------------------------------------------------

void TestGuiNumbers::buyNumbersForTwoSelectedMembers()
{
    selectMembers({QStringLiteral("bob.jones"), QStringLiteral("carol.white")});
    if (QTest::currentTestFailed())
        return;
    const Money before = m_gui.companyBalance();
    m_gui.answerModal(QStringLiteral("buyNumbersWizard"), [](QDialog* d) {
        QWizard* w = wizardOf(d);
        QVERIFY(w);
        // The members come from the selection: the wizard starts at the country.
        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::CountryPage));
        auto* holders = w->findChild<QLabel*>(QStringLiteral("holdersLabel"));
        QVERIFY2(holders->text().contains(QStringLiteral("Bob Jones (bob.jones)")),
                 qPrintable(holders->text()));
        QVERIFY(holders->text().contains(QStringLiteral("Carol White (carol.white)")));
        auto* country = w->findChild<QComboBox*>(QStringLiteral("countryCombo"));
        country->setCurrentIndex(country->findData(QStringLiteral("US")));
        QCOMPARE(country->currentText(), QStringLiteral("United States"));
        auto* terms = w->findChild<QLabel*>(QStringLiteral("termsInfoLabel"));
        QVERIFY2(terms->text().contains(QStringLiteral("no extra terms")),
                 qPrintable(terms->text()));
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("pricesInfoLabel"))
                    ->text()
                    .contains(QStringLiteral("$6.00")));
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-country"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::AreaPage));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled()); // no area chosen yet
        auto* areas = w->findChild<QListWidget*>(QStringLiteral("areaList"));
        QVERIFY(areas->count() >= 3);
        QVERIFY2(areas->item(0)->text().contains(QStringLiteral("212 — New York")),
                 qPrintable(areas->item(0)->text()));
        QVERIFY(areas->item(0)->text().contains(QStringLiteral("100")));
        selectArea(w, QStringLiteral("212"));
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-area"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::PeriodPage));
        auto* one = w->findChild<QRadioButton*>(QStringLiteral("period1Radio"));
        auto* three = w->findChild<QRadioButton*>(QStringLiteral("period3Radio"));
        auto* twelve = w->findChild<QRadioButton*>(QStringLiteral("period12Radio"));
        QVERIFY(one->text().contains(QStringLiteral("$6.00")));
        QVERIFY(three->text().contains(QStringLiteral("$15.00")));
        QVERIFY(twelve->text().contains(QStringLiteral("$50.00")));
        three->click(); // a radio button is hit on its indicator and text, not its middle
        auto* total = w->findChild<QLabel*>(QStringLiteral("totalLabel"));
        QVERIFY2(total->text().startsWith(QStringLiteral("Total: $30.00 ($15.00 × 2 ")),
                 qPrintable(total->text()));
        auto* balance = w->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"));
        QCOMPARE(balance->text(),
                 QStringLiteral("Company balance: $993.05, after buying: $963.05."));
        // No terms in the United States: this is the last page, and it says what it pays.
        QPushButton* finish = qobject_cast<QPushButton*>(w->button(QWizard::FinishButton));
        QVERIFY(finish->isVisible());
        QVERIFY(finish->isEnabled());
        QCOMPARE(finish->text(), QStringLiteral("Buy and pay $30.00"));
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-period"));
        QTest::mouseClick(finish, Qt::LeftButton);
        QVERIFY(!w->isVisible());
        QCOMPARE(w->result(), int(QDialog::Accepted));
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("buyNumbersForMembersAction")));
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
    QVERIFY(m_gui.modalAnswered());
    if (QTest::currentTestFailed())
        return;

    // The database: one US number each, paid by the company for 3 months.
    const QStringList bob = numbersOf(QStringLiteral("bob.jones"));
    const QStringList carol = numbersOf(QStringLiteral("carol.white"));
    QCOMPARE(bob.size(), 1);
    QCOMPARE(carol.size(), 1);
    QVERIFY(bob.first().startsWith(QStringLiteral("+1212555")));
    QVERIFY(carol.first().startsWith(QStringLiteral("+1212555")));
    QVERIFY(bob.first() != carol.first());
    m_bobNumber = bob.first();
    m_carolNumber = carol.first();
    auto record = NumberService(m_gui.verify()).find(m_bobNumber);
    QVERIFY(record.ok());
    QCOMPARE(record->months, 3);
    QCOMPARE(record->expires, QDate(2027, 2, 15));
    QCOMPARE(m_gui.companyBalance(), before - Money::fromCents(3000));

    // The window: the company balance, the members' Numbers column (selection kept), the table.
    QCOMPARE(m_gui.companyBalanceText(), QStringLiteral("Company balance: $963.05"));
    QCOMPARE(membersCell(QStringLiteral("bob.jones"), MembersModel::Numbers),
             PhoneNumbers::formatInternational(m_bobNumber));
    QCOMPARE(membersCell(QStringLiteral("carol.white"), MembersModel::Numbers),
             PhoneNumbers::formatInternational(m_carolNumber));
    QCOMPARE(m_members->selectedAccounts().size(), 2);
    QCOMPARE(m_numbers->model()->totalCount(), 2);
    QStringList rows;
    for (int row = 0; row < m_numbers->model()->rowCount(); ++row)
        rows.append(m_numbers->model()->number(row).e164);
    rows.sort();
    QStringList bought{m_bobNumber, m_carolNumber};
    bought.sort();
    QCOMPARE(rows, bought);
    QVERIFY2(m_gui.statusText().startsWith(QStringLiteral("Bought 2 ")),
             qPrintable(m_gui.statusText()));
    QVERIFY(m_gui.statusText().contains(QStringLiteral("New York, NY (212)")));
    QVERIFY(m_gui.statusText().contains(QStringLiteral("$30.00")));
    QVERIFY(m_gui.statusText().contains(QStringLiteral("Company balance: $963.05")));
}

void TestGuiNumbers::pagesForwardNoChanges()
{
    // The Numbers table and the balance above followed the core's Notifier: no page tells
    // the window what changed.
    for (int i = 0; i < m_gui.window()->pageCount(); ++i) {
        const QMetaObject* meta = m_gui.window()->page(i)->metaObject();
        for (const char* signal : {"databaseChanged()", "membersChanged(QStringList)",
                                   "numbersChanged()", "profilesChanged()", "sipServersChanged()"})
            QVERIFY2(meta->indexOfSignal(signal) < 0,
                     qPrintable(QStringLiteral("%1::%2").arg(QString::fromLatin1(meta->className()),
                                                             QString::fromLatin1(signal))));
    }
}

void TestGuiNumbers::windowContextChangesReachTheWindow()
{
    // Changes through the window's context from no page at all: the company balance label
    // and the member's row follow (the company balance ends as it began).
    const Money before = m_gui.companyBalance();
    const Context& ctx = m_gui.window()->context();
    QVERIFY(ctx.notifier);
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(500), QStringLiteral("INV-N")).ok());
    QCOMPARE(
        m_gui.companyBalanceText(),
        QStringLiteral("Company balance: $%1").arg((before + Money::fromCents(500)).toString()));
    const int bob = m_members->model()->rowOfAccount(QStringLiteral("bob.jones"));
    QVERIFY(bob >= 0);
    const Money bobBefore = m_members->model()->member(bob).balance;
    QVERIFY(CreditService(ctx).allocate(Money::fromCents(500), {QStringLiteral("bob.jones")}).ok());
    QCOMPARE(m_members->model()->member(bob).balance, bobBefore + Money::fromCents(500));
    QCOMPARE(m_gui.companyBalance(), before);
    QCOMPARE(m_gui.companyBalanceText(),
             QStringLiteral("Company balance: $%1").arg(before.toString()));
}

void TestGuiNumbers::termsMustBeAcceptedAndBalanceMustCover()
{
    // Another admin spends most of the company balance first: 953.05 to dave.brown.
    QVERIFY(CreditService(m_gui.verify())
                .allocate(Money::fromCents(95305), {QStringLiteral("dave.brown")})
                .ok());
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(1000));
    m_gui.window()->showPage(QStringLiteral("numbers"));
    m_gui.answerModal(QStringLiteral("buyNumbersWizard"), [](QDialog* d) {
        QWizard* w = wizardOf(d);
        // Started from the Numbers page: first, who gets the numbers.
        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::HoldersPage));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        auto* edit = w->findChild<QLineEdit*>(QStringLiteral("holderEdit"));
        // Completion from the core as the admin types; the entry says what it is.
        test::GuiHarness::chooseCompletion(edit, QStringLiteral("ali"),
                                           QStringLiteral("alice.smith"));
        auto* list = w->findChild<QListWidget*>(QStringLiteral("holdersList"));
        QTRY_COMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Alice Smith (alice.smith)"));
        QVERIFY(edit->text().isEmpty());
        // An unknown name is refused inline.
        test::GuiHarness::type(w, QStringLiteral("holderEdit"), QStringLiteral("nobody.here"));
        QTest::keyClick(edit, Qt::Key_Return);
        auto* hint = w->findChild<QLabel*>(QStringLiteral("holdersHint"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("nobody.here")), qPrintable(hint->text()));
        QCOMPARE(list->count(), 1);
        edit->clear();
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-holders"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::CountryPage));
        auto* country = w->findChild<QComboBox*>(QStringLiteral("countryCombo"));
        country->setCurrentIndex(country->findData(QStringLiteral("DE")));
        auto* terms = w->findChild<QLabel*>(QStringLiteral("termsInfoLabel"));
        QVERIFY2(terms->text().contains(QStringLiteral("require the holder to accept terms")),
                 qPrintable(terms->text()));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        selectArea(w, QStringLiteral("30"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        // Twelve months (60.00) is more than the company has (10.00): said inline, no way on.
        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::PeriodPage));
        w->findChild<QRadioButton*>(QStringLiteral("period12Radio"))->click();
        auto* periodHint = w->findChild<QLabel*>(QStringLiteral("periodHint"));
        QVERIFY(periodHint->isVisible());
        QVERIFY2(periodHint->text().contains(QStringLiteral("cannot pay $60.00")),
                 qPrintable(periodHint->text()));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-balanceTooLow"));
        // One month (7.00) fits; Germany asks for terms, so the next page is the terms.
        w->findChild<QRadioButton*>(QStringLiteral("period1Radio"))->click();
        QVERIFY(!periodHint->isVisible());
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::TermsPage));
        auto* accept = w->findChild<QCheckBox*>(QStringLiteral("acceptTermsCheck"));
        QAbstractButton* finish = w->button(QWizard::FinishButton);
        QVERIFY(!accept->isChecked());
        QVERIFY(finish->isVisible());
        QVERIFY(!finish->isEnabled()); // not without the terms
        QTest::mouseClick(finish, Qt::LeftButton);
        QVERIFY(w->isVisible());
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("summaryLabel"))
                    ->text()
                    .contains(QStringLiteral("$7.00")));
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-terms"));
        accept->click();
        QVERIFY(finish->isEnabled());
        accept->click();
        QVERIFY(!finish->isEnabled());
        // Leave without buying.
        QTest::mouseClick(w->button(QWizard::CancelButton), Qt::LeftButton);
        QVERIFY(!w->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("buyNumbersAction")));
    QVERIFY(m_gui.modalAnswered());
    QVERIFY(numbersOf(QStringLiteral("alice.smith")).isEmpty());
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(1000));
    QCOMPARE(m_numbers->model()->totalCount(), 2);
}

void TestGuiNumbers::refusalByTheCoreShowsInline()
{
    m_gui.window()->showPage(QStringLiteral("numbers"));
    m_gui.answerModal(QStringLiteral("buyNumbersWizard"), [this](QDialog* d) {
        QWizard* w = wizardOf(d);
        test::GuiHarness::type(w, QStringLiteral("holderEdit"), QStringLiteral("alice.smith"));
        // A typed name counts when the admin goes on.
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::CountryPage));
        auto* country = w->findChild<QComboBox*>(QStringLiteral("countryCombo"));
        country->setCurrentIndex(country->findData(QStringLiteral("GB")));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        selectArea(w, QStringLiteral("20"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        w->findChild<QRadioButton*>(QStringLiteral("period1Radio"))->click();
        QAbstractButton* finish = w->button(QWizard::FinishButton);
        QVERIFY(finish->isEnabled()); // 5.00 of 10.00
        // Meanwhile another admin spends 8.00: the core refuses, the wizard says so and stays.
        QVERIFY(CreditService(m_gui.verify())
                    .allocate(Money::fromCents(800), {QStringLiteral("dave.brown")})
                    .ok());
        QTest::mouseClick(finish, Qt::LeftButton);
        QVERIFY(w->isVisible());
        auto* hint = w->findChild<QLabel*>(QStringLiteral("periodHint"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("Nothing was bought")),
                 qPrintable(hint->text()));
        QVERIFY(!finish->isEnabled());
        test::GuiHarness::shoot(w, QStringLiteral("buyNumbersWizard-refused"));
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("buyNumbersAction")));
    QVERIFY(m_gui.modalAnswered());
    QVERIFY(numbersOf(QStringLiteral("alice.smith")).isEmpty());
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(200));
    QCOMPARE(NumberService(m_gui.verify()).count({}).value(), qint64(2));
    // Money back for the tests that follow.
    QVERIFY(CompanyService(m_gui.verify())
                .topUp(Money::fromCents(100000), QStringLiteral("INV-2"))
                .ok());
    m_gui.window()->refreshPages();
}

void TestGuiNumbers::reassignWithCompletion()
{
    selectNumber(m_bobNumber);
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("reassignNumberDialog"), [this](QDialog* d) {
        auto* number = d->findChild<QLabel*>(QStringLiteral("numberLabel"));
        QVERIFY2(number->text().contains(m_bobNumber), qPrintable(number->text()));
        QVERIFY(number->text().contains(PhoneNumbers::formatNational(m_bobNumber)));
        QVERIFY(d->findChild<QLabel*>(QStringLiteral("currentHolderLabel"))
                    ->text()
                    .contains(QStringLiteral("bob.jones")));
        auto* terms = d->findChild<QLabel*>(QStringLiteral("termsReminderLabel"));
        QVERIFY(terms->isVisible());
        QVERIFY2(terms->text().contains(QStringLiteral("still apply")), qPrintable(terms->text()));
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        auto* edit = d->findChild<QLineEdit*>(QStringLiteral("holderEdit"));
        test::GuiHarness::chooseCompletion(edit, QStringLiteral("dav"),
                                           QStringLiteral("dave.brown"));
        QCOMPARE(edit->text(), QStringLiteral("dave.brown"));
        QCOMPARE(d->findChild<QComboBox*>(QStringLiteral("holderKindCombo"))->currentData().toInt(),
                 int(NumberHolder::Kind::Member));
        QVERIFY(ok->isEnabled());
        test::GuiHarness::shoot(d, QStringLiteral("reassignNumberDialog"));
        test::GuiHarness::clickOk(d);
        QVERIFY(!d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("reassignNumberAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(holderOf(m_bobNumber), QStringLiteral("dave.brown"));
    QVERIFY(numbersOf(QStringLiteral("bob.jones")).isEmpty());
    QCOMPARE(numbersOf(QStringLiteral("dave.brown")), QStringList{m_bobNumber});
    // The table shows the new holder, the row still selected; the Members page too.
    QCOMPARE(m_numbers->selectedNumbers(), QStringList{m_bobNumber});
    const int row = m_numbers->table()->selectionModel()->selectedRows().first().row();
    QCOMPARE(m_numbers->model()->index(row, NumbersModel::Holder).data().toString(),
             QStringLiteral("dave.brown"));
    QCOMPARE(membersCell(QStringLiteral("bob.jones"), MembersModel::Numbers), QString());
    QCOMPARE(membersCell(QStringLiteral("dave.brown"), MembersModel::Numbers),
             PhoneNumbers::formatInternational(m_bobNumber));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("from bob.jones to dave.brown")),
             qPrintable(m_gui.statusText()));

    // To a SIP profile: the completion entry says so, and the kind follows.
    selectNumber(m_carolNumber);
    m_gui.answerModal(QStringLiteral("reassignNumberDialog"), [](QDialog* d) {
        auto* edit = d->findChild<QLineEdit*>(QStringLiteral("holderEdit"));
        test::GuiHarness::chooseCompletion(edit, QStringLiteral("sales d"),
                                           QStringLiteral("Sales desk"));
        QCOMPARE(d->findChild<QComboBox*>(QStringLiteral("holderKindCombo"))->currentData().toInt(),
                 int(NumberHolder::Kind::Profile));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("reassignNumberAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(holderOf(m_carolNumber), QStringLiteral("Sales desk"));
    auto p = ProfileService(m_gui.verify()).find(QStringLiteral("Sales desk"));
    QCOMPARE(p->numbers, QStringList{m_carolNumber});

    // A refusal (already the holder) stays in the dialog and changes nothing.
    selectNumber(m_carolNumber);
    m_gui.answerModal(QStringLiteral("reassignNumberDialog"), [](QDialog* d) {
        auto* kind = d->findChild<QComboBox*>(QStringLiteral("holderKindCombo"));
        kind->setCurrentIndex(kind->findData(int(NumberHolder::Kind::Profile)));
        test::GuiHarness::type(d, QStringLiteral("holderEdit"), QStringLiteral("Sales desk"));
        test::GuiHarness::clickOk(d);
        QVERIFY(d->isVisible());
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("already holds")), qPrintable(hint->text()));
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("reassignNumberAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(holderOf(m_carolNumber), QStringLiteral("Sales desk"));
}

void TestGuiNumbers::cancelListsExpiryDate()
{
    selectNumber(m_bobNumber);
    if (QTest::currentTestFailed())
        return;
    const Money before = m_gui.companyBalance();
    const QString until = sb::shortDate(QLocale(), QDate(2027, 2, 15));
    m_gui.answerModal(QStringLiteral("cancelNumbersConfirmation"), [this, until](QDialog* d) {
        auto* box = qobject_cast<QMessageBox*>(d);
        QVERIFY(box);
        const QString details = box->informativeText();
        QVERIFY2(details.contains(PhoneNumbers::formatInternational(m_bobNumber)),
                 qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("usable until %1, then released").arg(until)),
                 qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("no refund")));
        QVERIFY(details.contains(QStringLiteral("dave.brown")));
        test::GuiHarness::shoot(d, QStringLiteral("cancelNumbersConfirmation"));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("cancelNumbersAction")));
    QVERIFY(m_gui.modalAnswered());
    auto n = NumberService(m_gui.verify()).find(m_bobNumber);
    QVERIFY(n.ok());
    QVERIFY(n->cancelled);
    QCOMPARE(n->expires, QDate(2027, 2, 15));
    QCOMPARE(n->holder.name, QStringLiteral("dave.brown")); // usable until then
    QCOMPARE(m_gui.companyBalance(), before);               // no charge, no refund
    QCOMPARE(m_numbers->selectedNumbers(), QStringList{m_bobNumber});
    const int row = m_numbers->table()->selectionModel()->selectedRows().first().row();
    QCOMPARE(m_numbers->model()->index(row, NumbersModel::Status).data().toString(),
             QStringLiteral("Cancelled: usable until %1").arg(until));
    QVERIFY2(m_gui.statusText().contains(until), qPrintable(m_gui.statusText()));
    // Nothing left to cancel in the selection.
    QVERIFY(
        !m_gui.window()->findChild<QAction*>(QStringLiteral("cancelNumbersAction"))->isEnabled());

    // Keep them: nothing changes.
    selectNumber(m_carolNumber);
    m_gui.answerModal(QStringLiteral("cancelNumbersConfirmation"), [](QDialog* d) {
        QTest::mouseClick(d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("cancelNumbersAction")));
    QVERIFY(m_gui.modalAnswered());
    QVERIFY(!NumberService(m_gui.verify()).find(m_carolNumber)->cancelled);
}

void TestGuiNumbers::searchFiltersAndSort()
{
    m_gui.window()->showPage(QStringLiteral("numbers"));
    NumbersModel* model = m_numbers->model();
    auto* search = m_gui.window()->findChild<QLineEdit*>(QStringLiteral("numbersSearch"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("dave"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->number(0).e164, m_bobNumber);
    search->clear();
    QTRY_COMPARE(model->rowCount(), 2);

    auto* holder = m_gui.window()->findChild<QComboBox*>(QStringLiteral("numbersHolderFilter"));
    holder->setCurrentIndex(holder->findData(int(NumberHolder::Kind::Profile)));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, NumbersModel::Holder).data().toString(),
             QStringLiteral("SIP profile Sales desk"));
    holder->setCurrentIndex(0);
    auto* status = m_gui.window()->findChild<QComboBox*>(QStringLiteral("numbersStatusFilter"));
    status->setCurrentIndex(status->findData(int(NumberQuery::Status::Cancelled)));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->number(0).e164, m_bobNumber);
    status->setCurrentIndex(0);
    auto* country = m_gui.window()->findChild<QComboBox*>(QStringLiteral("numbersCountryFilter"));
    QCOMPARE(country->itemText(0), QStringLiteral("All countries"));
    country->setCurrentIndex(country->findData(QStringLiteral("DE")));
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(
        m_gui.window()->findChild<QLabel*>(QStringLiteral("numbersCountLabel"))->text().left(2),
        QStringLiteral("0 "));
    country->setCurrentIndex(0);
    QCOMPARE(model->rowCount(), 2);

    // A header click orders in SQL.
    QHeaderView* header = m_numbers->table()->horizontalHeader();
    const int x = header->sectionViewportPosition(NumbersModel::Holder) +
                  header->sectionSize(NumbersModel::Holder) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(model->query().sort, NumberQuery::Sort::Holder);
    m_numbers->table()->sortByColumn(NumbersModel::Number, Qt::AscendingOrder);
    QCOMPARE(model->query().sort, NumberQuery::Sort::Number);
}

void TestGuiNumbers::actionsNamesAndContextMenu()
{
    m_gui.window()->showPage(QStringLiteral("numbers"));
    QTableView* table = m_numbers->table();
    QCOMPARE(table->selectionMode(), QAbstractItemView::ExtendedSelection);
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    for (const char* name : {"buyNumbersAction", "reassignNumberAction", "cancelNumbersAction"}) {
        auto* action = m_gui.window()->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(table->actions().contains(action), name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        QVERIFY2(!action->text().isEmpty(), name);
        QVERIFY2(!action->toolTip().isEmpty(), name);
    }
    // Enabled from the selection: one active number can be reassigned; several cancelled.
    table->clearSelection();
    auto* reassign = m_gui.window()->findChild<QAction*>(QStringLiteral("reassignNumberAction"));
    auto* cancel = m_gui.window()->findChild<QAction*>(QStringLiteral("cancelNumbersAction"));
    QVERIFY(!reassign->isEnabled());
    QVERIFY(!cancel->isEnabled());
    table->selectAll();
    QVERIFY(!reassign->isEnabled());
    QVERIFY(cancel->isEnabled());
    // A selection on a hidden page is not acted on.
    m_gui.window()->showPage(QStringLiteral("members"));
    QVERIFY(!cancel->isEnabled());
    QVERIFY(m_gui.window()->findChild<QAction*>(QStringLiteral("buyNumbersAction"))->isEnabled());
    m_gui.window()->showPage(QStringLiteral("numbers"));
    QVERIFY(cancel->isEnabled());
    test::GuiHarness::shoot(m_gui.window(), QStringLiteral("numbersPage"));

    QStringList unnamed;
    const QList<QWidget*> widgets = m_numbers->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w);
        if (control && !w->objectName().isEmpty() &&
            !w->objectName().startsWith(QLatin1String("qt_")) && w->accessibleName().isEmpty())
            unnamed << w->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestGuiNumbers::cancelNumbersOfSelectedMembers()
{
    // The seed's way: tick the members, "Cancel numbers".
    auto bought = NumberService(m_gui.verify())
                      .buy({QStringLiteral("NL"),
                            QStringLiteral("20"),
                            12,
                            {NumberHolder::member(QStringLiteral("alice.smith"))},
                            false});
    QVERIFY(bought.ok());
    const QString e164 = bought->first().e164;
    m_members->refresh();
    selectMembers({QStringLiteral("alice.smith")});
    if (QTest::currentTestFailed())
        return;
    auto* action =
        m_gui.window()->findChild<QAction*>(QStringLiteral("cancelNumbersOfMembersAction"));
    QVERIFY(action && action->isEnabled());
    QVERIFY(m_members->table()->actions().contains(action));
    const QString until = sb::shortDate(QLocale(), QDate(2027, 11, 15));
    m_gui.answerModal(QStringLiteral("cancelNumbersConfirmation"), [e164, until](QDialog* d) {
        const QString details = qobject_cast<QMessageBox*>(d)->informativeText();
        QVERIFY2(details.contains(PhoneNumbers::formatInternational(e164) +
                                  QStringLiteral(" (alice.smith): usable until ") + until),
                 qPrintable(details));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("cancelNumbersOfMembersAction")));
    QVERIFY(m_gui.modalAnswered());
    QVERIFY(NumberService(m_gui.verify()).find(e164)->cancelled);
    QVERIFY2(m_gui.statusText().contains(until), qPrintable(m_gui.statusText()));
    // Selected members without numbers: nothing to cancel.
    selectMembers({QStringLiteral("bob.jones")});
    QVERIFY(!action->isEnabled());
}

void TestGuiNumbers::columnsKeepTheStatusInView()
{
    // A cancelled number's status with its last day stays whole and in view however the
    // window is sized and whatever the language: the holder, the country and then the area
    // give way. Bob's number was cancelled above.
    QVERIFY(NumberService(m_gui.verify()).find(m_bobNumber)->cancelled);
    MainWindow* w = m_gui.window();
    w->showPage(QStringLiteral("numbers"));
    QHeaderView* header = m_numbers->table()->horizontalHeader();
    const auto settle = [] { QTest::qWait(5); };
    for (const char* language : {"pl", "nl", "en"}) {
        QVERIFY(ui::LanguageManager::instance()->apply(QString::fromLatin1(language), false));
        for (const QSize size : {QSize(1024, 700), QSize(1280, 800), QSize(1024, 700)}) {
            w->resize(size);
            // Once the window has followed the language and the size (a busy machine takes
            // more than a few milliseconds to retranslate it all).
            QString problem;
            (void)QTest::qWaitFor([&] { return (problem = statusProblem(m_bobNumber)).isEmpty(); },
                                  3000);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1 %2×%3: %4")
                                                       .arg(QString::fromLatin1(language))
                                                       .arg(size.width())
                                                       .arg(size.height())
                                                       .arg(problem)));
        }
    }
    // Polish at 1024 pixels: no room for the area (in the number itself); at 1280 there is.
    // (Measured on the first rows.)
    m_numbers->table()->scrollToTop();
    QVERIFY(ui::LanguageManager::instance()->apply(QStringLiteral("pl"), false));
    QTRY_VERIFY(header->isSectionHidden(NumbersModel::Area));
    w->resize(1280, 800);
    QTRY_VERIFY(!header->isSectionHidden(NumbersModel::Area));
    w->resize(1024, 700);
    QTRY_VERIFY(header->isSectionHidden(NumbersModel::Area));
    QVERIFY2(statusProblem(m_bobNumber).isEmpty(), qPrintable(statusProblem(m_bobNumber)));

    // The header's menu shows it again, in the current language; the admin's choice stays.
    bool chosen = false;
    QTimer::singleShot(0, this, [&chosen] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QCOMPARE(menu->objectName(), QStringLiteral("columnsMenu"));
        for (QAction* action : menu->actions()) {
            if (action->text() == QStringLiteral("Numer kierunkowy")) {
                QVERIFY(!action->isChecked());
                action->trigger();
                chosen = true;
            }
        }
        menu->close();
    });
    emit header->customContextMenuRequested(QPoint(10, 5));
    QVERIFY(chosen);
    settle();
    QVERIFY(!header->isSectionHidden(NumbersModel::Area));
    w->resize(1030, 700);
    settle();
    QVERIFY(!header->isSectionHidden(NumbersModel::Area));

    // The same menu for a keyboard user: "Columns" ends the table's context menu (Shift+F10).
    QAction* columns = m_numbers->table()->actions().constLast();
    QCOMPARE(columns->objectName(), QStringLiteral("columnsAction"));
    QCOMPARE(columns->text(), QStringLiteral("Kolumny"));
    QVERIFY(columns->menu());
    emit columns->menu()->aboutToShow();
    QAction* area = nullptr;
    for (QAction* a : columns->menu()->actions())
        if (a->text() == QStringLiteral("Numer kierunkowy"))
            area = a;
    QVERIFY(area && area->isChecked());
    area->trigger();
    QTRY_VERIFY(header->isSectionHidden(NumbersModel::Area));
    emit columns->menu()->aboutToShow();
    for (QAction* a : columns->menu()->actions())
        if (a->text() == QStringLiteral("Numer kierunkowy"))
            a->trigger();
    QTRY_VERIFY(!header->isSectionHidden(NumbersModel::Area));

    // A divider dragged by hand: the admin's widths stay however the window changes.
    QVERIFY(ui::LanguageManager::instance()->apply(QStringLiteral("en"), false));
    w->resize(1280, 800);
    settle();
    QWidget* bar = header->viewport();
    const int edge = header->sectionViewportPosition(NumbersModel::Number) +
                     header->sectionSize(NumbersModel::Number) - 1;
    const int before = header->sectionSize(NumbersModel::Number);
    QTest::mousePress(bar, Qt::LeftButton, Qt::NoModifier, QPoint(edge, 5));
    QTest::mouseMove(bar, QPoint(edge + 40, 5));
    QTest::mouseRelease(bar, Qt::LeftButton, Qt::NoModifier, QPoint(edge + 40, 5));
    QTRY_VERIFY(header->sectionSize(NumbersModel::Number) > before + 20);
    const int dragged = header->sectionSize(NumbersModel::Number);
    const int holder = header->sectionSize(NumbersModel::Holder);
    w->resize(1024, 700);
    settle();
    QCOMPARE(header->sectionSize(NumbersModel::Number), dragged);
    QCOMPARE(header->sectionSize(NumbersModel::Holder), holder);
}

void TestGuiNumbers::countriesInNameOrder()
{
    // The country filter lists "All countries", then the countries by name in the language
    // shown; the one chosen stays chosen when the language changes the order.
    auto* filter = m_numbers->findChild<QComboBox*>(QStringLiteral("numbersCountryFilter"));
    QVERIFY(filter);
    QVERIFY(filter->count() > 3);
    filter->setCurrentIndex(filter->findData(QStringLiteral("NO")));
    for (const char* language : {"nb", "fr", "en"}) {
        QVERIFY(ui::LanguageManager::instance()->apply(QString::fromLatin1(language), false));
        QCollator collator{QLocale()};
        for (int i = 2; i < filter->count(); ++i)
            QVERIFY2(collator.compare(filter->itemText(i - 1), filter->itemText(i)) <= 0,
                     qPrintable(QStringLiteral("%1: %2 before %3")
                                    .arg(QString::fromLatin1(language), filter->itemText(i - 1),
                                         filter->itemText(i))));
        QCOMPARE(filter->currentData().toString(), QStringLiteral("NO"));
        QCOMPARE(filter->itemData(0).toString(), QString());
    }
    filter->setCurrentIndex(0);
}

SB_GUI_TEST_MAIN(TestGuiNumbers, "switchboard-tst_gui_numbers")

#include "tst_gui_numbers.moc"
