// StatementDocument: the monthly statement rendered with QPdfWriter, its text read back with
// pdftotext (Debian poppler-utils; skipped only when that is missing): the title, the
// company's balances, every top-up and allocation, the spending per department, profile and
// member and the totals, money and month in the language's locale; an extra section shows.

#include "tests/support/CoreTest.h"
#include "tests/support/StatementScenario.h"

#include "core/reports/MonthlyStatement.h"
#include "print/StatementDocument.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>

using namespace sb;

namespace {

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QStringLiteral("<pdftotext failed: %1>")
            .arg(QString::fromUtf8(p.readAllStandardError()));
    // One space between words, whatever the layout's columns.
    // Ligatures ("ﬁ") as their letters.
    return QString::fromUtf8(p.readAllStandardOutput())
        .normalized(QString::NormalizationForm_KC)
        .simplified();
}

} // namespace

class TestStatementDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SB_INIT_CORE_TEST();
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (Debian poppler-utils) is not installed");
    }

    void pdfHoldsTheStatement_data() { sbt::addEngineRows(); }
    void pdfHoldsTheStatement()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const QString problem = sbt::buildStatementScenario(env);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        auto st = MonthlyStatement(*env.ctx).compute(QStringLiteral("2026-03"));
        SB_VERIFY_OK(st);
        QVERIFY(st->entries.size() >= 2);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("statement.pdf"));
        StatementDocument doc(*st, QLocale(QLocale::English, QLocale::UnitedStates));
        doc.addSection(QStringLiteral("Advice"), QStringLiteral("<p>Buy 3 bundles.</p>"));
        SB_VERIFY_OK(doc.writePdf(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");

        const QString text = pdfText(path);
        for (const QString& expected :
             {QStringLiteral("Monthly statement, March 2026"), QStringLiteral("Balances"),
              QStringLiteral("Spending by department"), QStringLiteral("Spending by SIP profile"),
              QStringLiteral("Spending by member"), QStringLiteral("Top-ups and allocations"),
              QStringLiteral("Totals"), QStringLiteral("Office"),
              QStringLiteral("Alice Berg (alice.berg)"), QStringLiteral("Support"),
              QStringLiteral("=BANK-2"), QStringLiteral("$100.00"),
              QStringLiteral("Credit returned"), QStringLiteral("$15.00"),
              QStringLiteral("Bundle refunds"),
              st->company.closing.toCurrencyString(QLocale(QLocale::English)),
              st->company.opening.toCurrencyString(QLocale(QLocale::English)),
              st->totals.spending().toCurrencyString(QLocale(QLocale::English)),
              QStringLiteral("Buy 3 bundles.")})
            QVERIFY2(text.contains(expected),
                     qPrintable(QStringLiteral("\"%1\" not in: %2").arg(expected, text)));
        // The extra section comes last (a page number may stand between its heading and body).
        QVERIFY(text.lastIndexOf(QStringLiteral("Advice")) >
                text.indexOf(QStringLiteral("Totals")));
        QVERIFY(text.indexOf(QStringLiteral("Buy 3 bundles.")) >
                text.lastIndexOf(QStringLiteral("Advice")));
        // Temp was deleted in March, yet its month is in the statement.
        QVERIFY(text.contains(QStringLiteral("Temp (deleted)")));
    }

    void followsTheLocale_data() { sbt::addEngineRows(); }
    void followsTheLocale()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        const QString problem = sbt::buildStatementScenario(env);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        auto st = MonthlyStatement(*env.ctx).compute(QStringLiteral("2026-03"));
        SB_VERIFY_OK(st);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("statement.pdf"));
        const QLocale polish(QLocale::Polish, QLocale::Poland);
        SB_VERIFY_OK(StatementDocument(*st, polish).writePdf(path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(polish.standaloneMonthName(3) + QStringLiteral(" 2026")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("100,00")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("$100.00")), qPrintable(text));
    }

    void dataIsEscaped_data() { sbt::addEngineRows(); }
    void dataIsEscaped()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        SB_VERIFY_OK(CompanyService(*env.ctx).topUp(Money::fromCents(1000),
                                                    QStringLiteral("<b>not bold</b> & more")));
        auto st = MonthlyStatement(*env.ctx).compute(QStringLiteral("2026-03"));
        SB_VERIFY_OK(st);
        auto doc = StatementDocument(*st, QLocale(QLocale::English)).document();
        QVERIFY(doc->toPlainText().contains(QStringLiteral("<b>not bold</b> & more")));
    }

    void unwritablePathRefused_data() { sbt::addEngineRows(); }
    void unwritablePathRefused()
    {
        QFETCH(QString, engine);
        SB_ENV(env, engine);
        auto st = MonthlyStatement(*env.ctx).compute(QStringLiteral("2026-03"));
        SB_VERIFY_OK(st);
        QTemporaryDir dir;
        auto w = StatementDocument(*st, QLocale(QLocale::English))
                     .writePdf(dir.filePath(QStringLiteral("missing/statement.pdf")));
        QVERIFY(!w.ok());
        QVERIFY(w.error().message.contains(QStringLiteral("missing/statement.pdf")));
    }
};

QTEST_MAIN(TestStatementDocument)
#include "tst_statementdocument.moc"
