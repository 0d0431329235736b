// The monthly statement in the window: statementAction on the Calls & reports page opens
// statementDialog; its summary shows the company's opening and closing balance and the
// month's totals; saveStatementCsvButton and saveStatementPdfButton write the files on a
// worker thread (file dialog bypassed); the database file is refused inline, nothing
// written; printStatementButton prints through the print dialog (answered with a PDF
// printer); a month without anything still opens with its balances.
#include "core/base/Csv.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "tests/support/GuiHarness.h"
#include "ui/calls/CallsPage.h"
#include "ui/reports/StatementDialog.h"
#include "ui/shell/MainWindow.h"

#include <QDateEdit>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace sb;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGuiStatement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_gui.tearDown(); }
    void cleanup() { m_gui.closeModals(); }

    void saveCsvAndPdf();
    void databaseFileRefusedInline();
    void printThroughThePrintDialog();

private:
    /// Opens the dialog through statementAction and runs `answer` in it.
    void withDialog(const std::function<void(ui::StatementDialog*)>& answer);

    test::GuiHarness m_gui;
};

void TestGuiStatement::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Context& ctx = m_gui.verify();
    // November 2026 (the harness's clock: the 15th).
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("INV-11")).ok());
    QVERIFY(MemberService(ctx)
                .add({QStringLiteral("alice.smith"),
                      QStringLiteral("Alice Smith"),
                      {},
                      QStringLiteral("Sales")})
                .ok());
    QVERIFY(
        CreditService(ctx).allocate(Money::fromCents(2500), {QStringLiteral("alice.smith")}).ok());
    m_gui.window()->refreshPages();
    m_gui.window()->showPage(QStringLiteral("calls"));
}

void TestGuiStatement::withDialog(const std::function<void(ui::StatementDialog*)>& answer)
{
    m_gui.answerModal(QStringLiteral("statementDialog"), [answer](QDialog* d) {
        auto* dialog = qobject_cast<ui::StatementDialog*>(d);
        QVERIFY(dialog);
        answer(dialog);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("statementAction")));
    QVERIFY2(m_gui.modalAnswered(), qPrintable(m_gui.modalProblem()));
}

void TestGuiStatement::saveCsvAndPdf()
{
    const QString csv = m_gui.tempPath(QStringLiteral("november.csv"));
    const QString pdf = m_gui.tempPath(QStringLiteral("november.pdf"));
    bool checked = false;
    withDialog([&](ui::StatementDialog* d) {
        auto* month = d->findChild<QDateEdit*>(QStringLiteral("statementMonth"));
        QVERIFY(month);
        // It opens on the last whole month: October, before anything happened.
        QCOMPARE(d->month(), QStringLiteral("2026-10"));
        auto* summary = d->findChild<QLabel*>(QStringLiteral("statementSummaryLabel"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("$0.00 at the start of the month, "
                                                         "$0.00 at its end")),
                 qPrintable(summary->text()));
        month->setDate(QDate(2026, 11, 1));
        QVERIFY2(summary->text().contains(QStringLiteral("$0.00 at the start of the month, "
                                                         "$975.00 at its end")),
                 qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("Topped up $1,000.00")),
                 qPrintable(summary->text()));
        QVERIFY(summary->text().contains(QStringLiteral("allocated $25.00")));

        QSignalSpy finished(d, &ui::StatementDialog::jobFinished);
        d->setFileDialogOverride([csv]() { return csv; });
        auto* saveCsv = d->findChild<QPushButton*>(QStringLiteral("saveStatementCsvButton"));
        QVERIFY(saveCsv && saveCsv->isEnabled());
        saveCsv->click();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(!d->isBusy());

        d->setFileDialogOverride([pdf]() { return pdf; });
        auto* savePdf = d->findChild<QPushButton*>(QStringLiteral("saveStatementPdfButton"));
        QVERIFY(savePdf && savePdf->isEnabled());
        savePdf->click();
        QTRY_COMPARE(finished.count(), 2);
        auto* error = d->findChild<QLabel*>(QStringLiteral("statementErrorLabel"));
        QVERIFY(error);
        QVERIFY2(error->text().isEmpty(), qPrintable(error->text()));
        checked = true;
    });
    QVERIFY(checked);
    QVERIFY(m_gui.statusText().contains(QStringLiteral("november.pdf")));

    const QList<Csv::Row> rows = Csv::parse(QString::fromUtf8(fileBytes(csv)));
    QStringList totals;
    QString companyClosing;
    for (const Csv::Row& r : rows) {
        if (r.fields.first() == QLatin1String("totals"))
            totals << r.fields.mid(1).join(QLatin1Char('='));
        if (r.fields.first() == QLatin1String("accounts") &&
            r.fields.at(1) == QLatin1String("company"))
            companyClosing = r.fields.at(8);
    }
    QCOMPARE(totals,
             QStringList({QStringLiteral("kind=amount"), QStringLiteral("allocation=25.00"),
                          QStringLiteral("topup=1000.00"), QStringLiteral("spending=0.00")}));
    QCOMPARE(companyClosing, QStringLiteral("975.00"));
    QVERIFY(fileBytes(pdf).startsWith("%PDF-"));
}

void TestGuiStatement::databaseFileRefusedInline()
{
    QString spec = m_gui.database().spec();
    if (spec.startsWith(QLatin1String("postgresql:")))
        QSKIP("the database is no file on PostgreSQL");
    if (spec.startsWith(QLatin1String("sqlite:")))
        spec = spec.mid(7);
    const QByteArray before = fileBytes(spec).left(16);
    withDialog([&](ui::StatementDialog* d) {
        QSignalSpy finished(d, &ui::StatementDialog::jobFinished);
        d->setFileDialogOverride([spec]() { return spec; });
        d->findChild<QPushButton*>(QStringLiteral("saveStatementCsvButton"))->click();
        auto* error = d->findChild<QLabel*>(QStringLiteral("statementErrorLabel"));
        QVERIFY(error->text().contains(QStringLiteral("open database")));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!d->isBusy());
    });
    QCOMPARE(fileBytes(spec).left(16), before);
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(97500));
}

void TestGuiStatement::printThroughThePrintDialog()
{
    const QString pdf = m_gui.tempPath(QStringLiteral("printed.pdf"));
    bool printed = false;
    withDialog([&](ui::StatementDialog* d) {
        d->setMonth(QStringLiteral("2026-11"));
        m_gui.answerModal(QStringLiteral("statementPrintDialog"), [pdf](QDialog* p) {
            auto* print = qobject_cast<QPrintDialog*>(p);
            QVERIFY(print);
            print->printer()->setOutputFormat(QPrinter::PdfFormat);
            print->printer()->setOutputFileName(pdf);
            // done(), not accept(): accept() would take the printer from the dialog's own
            // fields, and a test machine has no printer.
            print->done(QDialog::Accepted);
        });
        d->findChild<QPushButton*>(QStringLiteral("printStatementButton"))->click();
        QVERIFY2(m_gui.modalAnswered(), qPrintable(m_gui.modalProblem()));
        printed = true;
    });
    QVERIFY(printed);
    QVERIFY(fileBytes(pdf).startsWith("%PDF-"));
    QVERIFY(m_gui.statusText().contains(QStringLiteral("printer")));
}

SB_GUI_TEST_MAIN(TestGuiStatement, "switchboard-tst_gui_statement")
#include "tst_gui_statement.moc"
