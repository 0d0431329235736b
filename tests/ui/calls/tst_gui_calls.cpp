// The Calls page, driven as a person would: import a generated Master.csv through
// importCallsAction (file dialog bypassed, the format dialog answered), the rows and the
// report of its problems; filter by profile, member, department and search; export the
// filtered calls to CSV and read it back; and Cancel in the progress dialog, which leaves
// the database exactly as it was.
#include "core/base/Csv.h"
#include "core/books/CompanyService.h"
#include "core/calls/CallHistory.h"
#include "core/calls/CdrReader.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "models/calls/CallsModel.h"
#include "tests/support/GuiHarness.h"
#include "ui/calls/CallsPage.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace sb;

namespace {

const QStringList kPayers{QStringLiteral("alice.smith"), QStringLiteral("bob.jones"),
                          QStringLiteral("Sales desk")};
const QStringList kDestinations{QStringLiteral("12125550142"), QStringLiteral("011442079460000"),
                                QStringLiteral("0114722334455"), QStringLiteral("2001")};

// `count` Asterisk records from `first` (unique ids call-N), one every 10 minutes from
// 2026-11-01 08:00 UTC; after the third record a malformed line; `ghosts` records of an
// unknown account code at the end.
QByteArray masterCsv(int first, int count, int ghosts = 0)
{
    QByteArray out;
    const auto t = [](const QDateTime& d) -> QByteArray {
        return d.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8();
    };
    const auto record = [&](const QString& account, int i) -> QByteArray {
        const QDateTime start =
            QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(qint64(i) * 600);
        const qint64 billsec = (i * 53) % 500;
        QByteArrayList f{'"' + account.toUtf8() + '"',
                         "\"1001\"",
                         '"' + kDestinations[i % kDestinations.size()].toUtf8() + '"',
                         "\"from-internal\"",
                         "\"\"\"Desk\"\" <1001>\"",
                         "\"PJSIP/1001\"",
                         "\"PJSIP/trunk\"",
                         "\"Dial\"",
                         "\"PJSIP/trunk,60\"",
                         '"' + t(start) + '"',
                         '"' + (billsec > 0 ? t(start.addSecs(3)) : QByteArray()) + '"',
                         '"' + t(start.addSecs(3 + billsec)) + '"',
                         QByteArray::number(billsec + 3),
                         QByteArray::number(billsec),
                         billsec > 0 ? "\"ANSWERED\"" : "\"NO ANSWER\"",
                         "\"DOCUMENTATION\"",
                         "\"call-" + QByteArray::number(i) + '"'};
        return f.join(',') + '\n';
    };
    for (int i = first; i < first + count; ++i) {
        out += record(kPayers[i % kPayers.size()], i);
        if (i == first + 2)
            out += "\"alice.smith\",\"1001\",\"not a record\"\n";
    }
    for (int g = 0; g < ghosts; ++g)
        out += record(QStringLiteral("ghost"), first + count + g);
    return out;
}

} // namespace

class TestGuiCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void importThroughThePage();
    void filterByProfileMemberDepartmentAndSearch();
    void exportTheFilteredCalls();
    void cancelLeavesTheDatabaseUnchanged();
    void notCallRecordsShowInline();

private:
    QString writeFile(const QString& name, const QByteArray& data);
    /// Triggers importCallsAction for `path`, answers the format dialog and waits for the end.
    void importFile(const QString& path);
    void resetFilters();
    qint64 callsInDatabase();
    QString snapshot();

    test::GuiHarness m_gui;
    ui::CallsPage* m_page = nullptr;
    static constexpr int kCalls = 300;
};

QString TestGuiCalls::writeFile(const QString& name, const QByteArray& data)
{
    const QString path = m_gui.tempPath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return {};
    return path;
}

qint64 TestGuiCalls::callsInDatabase()
{
    QSqlQuery q(m_gui.verify().db.sql());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM calls")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// Everything an import may touch: calls, balances, the ledger, the activity log.
QString TestGuiCalls::snapshot()
{
    QStringList parts;
    for (const char* sql : {"SELECT COUNT(*) FROM calls", "SELECT COUNT(*) FROM ledger",
                            "SELECT COUNT(*) FROM activity",
                            "SELECT CAST(SUM(balance_cents) AS BIGINT) FROM accounts",
                            "SELECT MAX(id) FROM ledger"}) {
        QSqlQuery q(m_gui.verify().db.sql());
        if (!q.exec(QString::fromLatin1(sql)) || !q.next())
            return QStringLiteral("query failed: %1").arg(QString::fromLatin1(sql));
        parts << q.value(0).toString();
    }
    return parts.join(QLatin1Char('|'));
}

void TestGuiCalls::importFile(const QString& path)
{
    m_page->setFileDialogOverride([path]() { return path; });
    m_gui.answerModal(QStringLiteral("importCallsDialog"), [](QDialog* d) {
        auto* format = d->findChild<QComboBox*>(QStringLiteral("callsFormatCombo"));
        QVERIFY(format);
        format->setCurrentIndex(format->findData(int(CdrReader::Format::Asterisk)));
        auto* zone = d->findChild<QComboBox*>(QStringLiteral("callsTimeZoneCombo"));
        QVERIFY(zone);
        QCOMPARE(zone->currentText(), QStringLiteral("UTC"));
        test::GuiHarness::clickOk(d);
    });
    QSignalSpy finished(m_page, &ui::CallsPage::jobFinished);
    QVERIFY(m_gui.triggerAction(QStringLiteral("importCallsAction")));
    QVERIFY2(m_gui.modalAnswered(), qPrintable(m_gui.modalProblem()));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!m_page->isBusy());
}

void TestGuiCalls::resetFilters()
{
    m_page->findChild<QComboBox*>(QStringLiteral("callsProfileFilter"))->setCurrentIndex(0);
    m_page->findChild<QComboBox*>(QStringLiteral("callsDepartmentFilter"))->setCurrentIndex(0);
    m_page->findChild<QLineEdit*>(QStringLiteral("callsMemberFilter"))->clear();
    m_page->findChild<QLineEdit*>(QStringLiteral("callsSearch"))->clear();
    m_page->model()->setQuery({});
}

void TestGuiCalls::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Context& ctx = m_gui.verify();
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("INV-1")).ok());
    QVERIFY(MemberService(ctx)
                .add({QStringLiteral("alice.smith"),
                      QStringLiteral("Alice Smith"),
                      {},
                      QStringLiteral("Sales")})
                .ok());
    QVERIFY(MemberService(ctx)
                .add({QStringLiteral("bob.jones"),
                      QStringLiteral("Bob Jones"),
                      {},
                      QStringLiteral("Support")})
                .ok());
    QVERIFY(CreditService(ctx)
                .allocate(Money::fromCents(5000),
                          {QStringLiteral("alice.smith"), QStringLiteral("bob.jones")})
                .ok());
    NewSipProfile sales;
    sales.name = QStringLiteral("Sales desk");
    sales.department = QStringLiteral("Sales");
    QVERIFY(ProfileService(ctx).create(sales).ok());
    QVERIFY(ProfileService(ctx)
                .allocateCredit(QStringLiteral("Sales desk"), Money::fromCents(5000))
                .ok());
    m_page = m_gui.window()->findChild<ui::CallsPage*>(QStringLiteral("callsPage"));
    QVERIFY(m_page);
    m_gui.window()->refreshPages();
    m_gui.window()->showPage(QStringLiteral("calls"));
    QCOMPARE(m_page->model()->totalCount(), 0);
}

void TestGuiCalls::cleanupTestCase()
{
    m_gui.tearDown();
}

void TestGuiCalls::cleanup()
{
    m_gui.closeModals();
    QTRY_VERIFY(!m_page->isBusy());
    m_page->setFileDialogOverride({});
    m_page->setBeforeImportHook({});
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
}

void TestGuiCalls::importThroughThePage()
{
    const QString path = writeFile(QStringLiteral("Master.csv"), masterCsv(0, kCalls, 2));
    QVERIFY(!path.isEmpty());
    importFile(path);
    QVERIFY2(callsInDatabase() == kCalls,
             qPrintable(m_gui.statusText() + QLatin1Char('|') +
                        m_page->findChild<QLabel*>(QStringLiteral("callsImportReport"))->text()));
    // The page followed the import: rows, count and totals.
    CallsModel* model = m_page->model();
    QTRY_COMPARE(model->totalCount(), kCalls);
    QCOMPARE(model->rowCount(), CallsModel::PageSize);
    auto* totals = m_page->findChild<QLabel*>(QStringLiteral("callsTotalsLabel"));
    QVERIFY(totals->text().startsWith(QStringLiteral("300 call")));
    const auto dbTotals = CallHistory(m_gui.verify()).totals({});
    QVERIFY(dbTotals);
    QVERIFY2(totals->text().contains(dbTotals->price.toCurrencyString(QLocale())),
             qPrintable(totals->text()));
    // Newest first.
    QCOMPARE(model->call(0).startedAt,
             QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs((kCalls - 1) * 600));
    // Routine news in the status bar; the problems inline, by line.
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("Imported 300 call")),
             qPrintable(m_gui.statusText()));
    auto* report = m_page->findChild<QLabel*>(QStringLiteral("callsImportReport"));
    QVERIFY(report->isVisible());
    QVERIFY2(report->text().contains(QStringLiteral("line 4:")), qPrintable(report->text()));
    QVERIFY2(report->text().contains(QStringLiteral("\"ghost\" (2 record")),
             qPrintable(report->text()));

    // Again: all duplicates, nothing twice.
    importFile(path);
    QCOMPARE(callsInDatabase(), kCalls);
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("Imported 0 call")),
             qPrintable(m_gui.statusText()));
}

void TestGuiCalls::filterByProfileMemberDepartmentAndSearch()
{
    resetFilters();
    CallsModel* model = m_page->model();
    QTRY_COMPARE(model->totalCount(), kCalls);

    auto* profile = m_page->findChild<QComboBox*>(QStringLiteral("callsProfileFilter"));
    QVERIFY(profile);
    const int sales = profile->findText(QStringLiteral("Sales desk"));
    QVERIFY(sales > 0);
    profile->setCurrentIndex(sales);
    QCOMPARE(model->totalCount(), kCalls / 3);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->call(r).payer, QStringLiteral("Sales desk"));
    profile->setCurrentIndex(0);
    QCOMPARE(model->totalCount(), kCalls);

    // The member: typed, applied after a pause or on Return.
    auto* member = m_page->findChild<QLineEdit*>(QStringLiteral("callsMemberFilter"));
    member->setFocus();
    QTest::keyClicks(member, QStringLiteral("bob.jones"));
    QTRY_COMPARE(model->totalCount(), kCalls / 3);
    QCOMPARE(model->call(0).payer, QStringLiteral("bob.jones"));
    QTest::keyClicks(member, QStringLiteral("x"));
    QTest::keyClick(member, Qt::Key_Return);
    auto* error = m_page->findChild<QLabel*>(QStringLiteral("callsErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("bob.jonesx")));
    member->clear();
    QTest::keyClick(member, Qt::Key_Return);
    QCOMPARE(model->totalCount(), kCalls);
    QVERIFY(!error->isVisible());

    // The department: alice.smith's and the Sales desk's calls.
    auto* department = m_page->findChild<QComboBox*>(QStringLiteral("callsDepartmentFilter"));
    department->setCurrentIndex(department->findText(QStringLiteral("Sales")));
    QCOMPARE(model->totalCount(), 2 * kCalls / 3);
    department->setCurrentIndex(0);

    // Search as you type: the London number in any of its forms.
    auto* search = m_page->findChild<QLineEdit*>(QStringLiteral("callsSearch"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("+44 20 7946"));
    QTRY_COMPARE(model->totalCount(), kCalls / 4);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->call(r).e164, QStringLiteral("+442079460000"));
    QCOMPARE(model->index(0, CallsModel::Place).data().toString(),
             QStringLiteral("United Kingdom"));

    // Dates: the first day only (UTC here, as the harness runs).
    search->clear();
    QTRY_COMPARE(model->totalCount(), kCalls);
    auto* from = m_page->findChild<QDateEdit*>(QStringLiteral("callsFromDate"));
    auto* to = m_page->findChild<QDateEdit*>(QStringLiteral("callsToDate"));
    from->setDate(QDate(2026, 11, 2));
    to->setDate(QDate(2026, 11, 2));
    CallQuery day;
    day.from = QDate(2026, 11, 2);
    day.to = QDate(2026, 11, 2);
    QCOMPARE(model->totalCount(), CallHistory(m_gui.verify()).count(day).value());
    QVERIFY(model->totalCount() > 0 && model->totalCount() < kCalls);
    from->setDate(from->minimumDate());
    to->setDate(to->minimumDate());
    QCOMPARE(model->totalCount(), kCalls);
}

void TestGuiCalls::exportTheFilteredCalls()
{
    resetFilters();
    auto* profile = m_page->findChild<QComboBox*>(QStringLiteral("callsProfileFilter"));
    profile->setCurrentIndex(profile->findText(QStringLiteral("Sales desk")));
    const QString path = m_gui.tempPath(QStringLiteral("sales.csv"));
    m_page->setFileDialogOverride([path]() { return path; });
    QSignalSpy finished(m_page, &ui::CallsPage::jobFinished);
    QVERIFY(m_gui.triggerAction(QStringLiteral("exportCallsAction")));
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("Exported 100 call")),
             qPrintable(m_gui.statusText()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<Csv::Row> rows = Csv::parse(QString::fromUtf8(f.readAll()));
    QCOMPARE(rows.size(), kCalls / 3 + 1);
    QCOMPARE(rows.first().fields, CallHistory::csvHeader());
    for (int i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].fields.at(1), QStringLiteral("profile"));
        QCOMPARE(rows[i].fields.at(2), QStringLiteral("Sales desk"));
    }
    profile->setCurrentIndex(0);
}

void TestGuiCalls::cancelLeavesTheDatabaseUnchanged()
{
    resetFilters();
    const QString before = snapshot();
    const QString path = writeFile(QStringLiteral("more.csv"), masterCsv(1000, 600));
    // The worker waits until Cancel was pressed: no race with a quick import.
    QSemaphore gate;
    m_page->setBeforeImportHook([&gate]() { gate.acquire(); });
    auto releaseGate = qScopeGuard([&gate]() { gate.release(); });
    m_page->setFileDialogOverride([path]() { return path; });
    m_gui.answerModal(QStringLiteral("importCallsDialog"),
                      [](QDialog* d) { test::GuiHarness::clickOk(d); });
    QSignalSpy finished(m_page, &ui::CallsPage::jobFinished);
    QVERIFY(m_gui.triggerAction(QStringLiteral("importCallsAction")));
    QVERIFY(m_page->isBusy());
    QVERIFY(!m_page->importAction()->isEnabled());
    auto* progress = m_page->findChild<QProgressDialog*>(QStringLiteral("progressDialog"));
    QVERIFY(progress);
    QTest::mouseClick(progress->findChild<QPushButton*>(), Qt::LeftButton);
    releaseGate.dismiss();
    gate.release();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(snapshot(), before);
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("cancelled; nothing was changed")),
             qPrintable(m_gui.statusText()));
    QVERIFY(m_page->importAction()->isEnabled());
    QCOMPARE(m_page->model()->totalCount(), kCalls);
}

void TestGuiCalls::notCallRecordsShowInline()
{
    const QString before = snapshot();
    QByteArray letter;
    for (int i = 0; i < 100; ++i)
        letter += "Dear admin, this letter is not a call record.\n";
    importFile(writeFile(QStringLiteral("letter.txt"), letter));
    QCOMPARE(snapshot(), before);
    auto* report = m_page->findChild<QLabel*>(QStringLiteral("callsImportReport"));
    QVERIFY(report->isVisible());
    QVERIFY2(report->text().startsWith(QStringLiteral("Nothing was imported from letter.txt")),
             qPrintable(report->text()));
}

SB_GUI_TEST_MAIN(TestGuiCalls, "switchboard-tst_gui_calls")

#include "tst_gui_calls.moc"
