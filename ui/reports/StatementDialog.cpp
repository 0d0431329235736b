#include "ui/reports/StatementDialog.h"

#include "core/reports/StatementCsv.h"
#include "print/StatementDocument.h"
#include "ui/widgets/BackgroundJob.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

StatementDialog::StatementDialog(const Context& ctx, QWidget* parent) : QDialog(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("statementDialog"));
    m_month = new QDateEdit(this);
    m_month->setObjectName(QStringLiteral("statementMonth"));
    m_month->setDisplayFormat(QStringLiteral("MMMM yyyy"));
    // The last whole month: the statement an office sends on.
    const QDate today = ctx.now().toUTC().date();
    m_month->setDate(QDate(today.year(), today.month(), 1).addMonths(-1));
    m_month->setMaximumDate(QDate(today.year(), today.month(), 1).addMonths(1).addDays(-1));
    m_monthLabel = new QLabel(this);
    m_monthLabel->setBuddy(m_month);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("statementSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_error = new HintLabel(this);
    m_error->setObjectName(QStringLiteral("statementErrorLabel"));
    m_pdf = new QPushButton(this);
    m_pdf->setObjectName(QStringLiteral("saveStatementPdfButton"));
    m_csv = new QPushButton(this);
    m_csv->setObjectName(QStringLiteral("saveStatementCsvButton"));
    m_print = new QPushButton(this);
    m_print->setObjectName(QStringLiteral("printStatementButton"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttons->addButton(m_pdf, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_csv, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_print, QDialogButtonBox::ActionRole);

    auto* form = new QFormLayout;
    form->addRow(m_monthLabel, m_month);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_month, &QDateEdit::dateChanged, this, &StatementDialog::updateSummary);
    connect(m_pdf, &QPushButton::clicked, this, &StatementDialog::savePdf);
    connect(m_csv, &QPushButton::clicked, this, &StatementDialog::saveCsv);
    connect(m_print, &QPushButton::clicked, this, &StatementDialog::print);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StatementDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    updateSummary();
}

QString StatementDialog::month() const
{
    return m_month->date().toString(QStringLiteral("yyyy-MM"));
}

void StatementDialog::setMonth(const QString& month)
{
    m_month->setDate(QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate));
}

void StatementDialog::updateSummary()
{
    // From the summaries: as quick for a busy month as for a quiet one.
    auto st = MonthlyStatement(m_ctx).compute(month());
    if (!st) {
        m_statement.reset();
        m_summary->clear();
        m_error->showError(st.error().message);
        updateButtons();
        return;
    }
    m_statement = *st;
    m_error->clearMessage();
    const QLocale locale;
    const StatementTotals& t = st->totals;
    m_summary->setText(
        tr("Company balance: %1 at the start of the month, %2 at its end.\n"
           "Topped up %3; allocated %4 (auto-recharges included); returned %5.\n"
           "Spent %6: numbers %7, channels %8, bundles %9, calls %10.\n"
           "%Ln SIP profile(s) and %11 in the statement.",
           nullptr, int(st->profiles.size()))
            .arg(st->company.opening.toCurrencyString(locale),
                 st->company.closing.toCurrencyString(locale), t.topUps().toCurrencyString(locale),
                 t.allocations().toCurrencyString(locale), t.returns().toCurrencyString(locale),
                 t.spending().toCurrencyString(locale), t.numbers().toCurrencyString(locale),
                 t.channels().toCurrencyString(locale), t.bundles().toCurrencyString(locale))
            .arg(t.calls().toCurrencyString(locale),
                 tr("%Ln member(s)", nullptr, int(st->members.size()))));
    updateButtons();
}

void StatementDialog::updateButtons()
{
    const bool ready = m_statement.has_value() && !m_busy;
    m_pdf->setEnabled(ready);
    m_csv->setEnabled(ready);
    m_print->setEnabled(ready);
    m_month->setEnabled(!m_busy);
}

void StatementDialog::savePdf()
{
    const QString path =
        m_files.saveFile(this, tr("Save the statement as PDF"), tr("statement-%1.pdf").arg(month()),
                         tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        saveToFile(path, true);
}

void StatementDialog::saveCsv()
{
    const QString path =
        m_files.saveFile(this, tr("Save the statement as CSV"), tr("statement-%1.csv").arg(month()),
                         tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        saveToFile(path, false);
}

void StatementDialog::saveToFile(const QString& path, bool pdf)
{
    if (m_busy)
        return;
    if (auto v = MonthlyStatement::validateOutputPath(m_ctx.db, path); !v) {
        m_error->showError(v.error().message);
        return;
    }
    m_error->clearMessage();
    m_busy = true;
    updateButtons();
    const QString month = this->month();
    const QLocale locale;
    // The statement is computed again on the worker's connection: what is written is the
    // month as the database has it now.
    BackgroundJob::run<bool>(
        m_ctx, tr("Writing %1…").arg(QFileInfo(path).fileName()), this,
        [path, pdf, month, locale](const Context& ctx,
                                   const BackgroundJob::Progress&) -> Result<bool> {
            auto st = MonthlyStatement(ctx).compute(month);
            if (!st)
                return st.error();
            const Result<void> w = pdf ? StatementDocument(*st, locale).writePdf(path)
                                       : StatementCsv::writeFile(*st, path);
            if (!w)
                return w.error();
            return true;
        },
        [this, path](Result<bool> written) {
            m_busy = false;
            updateButtons();
            if (!written)
                m_error->showError(written.error().message);
            else
                emit statusMessage(
                    tr("Statement saved to %1.").arg(QDir::toNativeSeparators(path)));
            emit jobFinished();
        });
}

void StatementDialog::print()
{
    if (!m_statement || m_busy)
        return;
    QPrinter printer(QPrinter::HighResolution);
    StatementDocument doc(*m_statement, QLocale());
    printer.setDocName(doc.title());
    QPrintDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("statementPrintDialog"));
    dialog.setWindowTitle(tr("Print the statement"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    doc.print(&printer);
    emit statusMessage(tr("“%1” sent to the printer.").arg(doc.title()));
}

void StatementDialog::reject()
{
    // The worker writes into this dialog's job; closing waits until it is done.
    if (!m_busy)
        QDialog::reject();
}

void StatementDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void StatementDialog::retranslateUi()
{
    setWindowTitle(tr("Monthly statement"));
    // The month's name in the new language: a date edit keeps the locale it was shown with.
    m_month->setLocale(QLocale());
    m_monthLabel->setText(tr("&Month (UTC):"));
    m_pdf->setText(tr("Save &PDF…"));
    m_csv->setText(tr("Save &CSV…"));
    m_print->setText(tr("P&rint…"));
    if (m_statement)
        updateSummary();
}

} // namespace sb::ui
