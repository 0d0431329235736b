#pragma once

#include "core/base/Error.h"
#include "core/reports/MonthlyStatement.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace sb {

/// The monthly statement as a paged document: an HTML table layout in a QTextDocument, with
/// headings in the current language and money and dates in `locale`, rendered onto any
/// QPagedPaintDevice — a QPdfWriter for a file, a QPrinter from the window's print dialog.
/// Needs a QGuiApplication (fonts).
///
/// Sections: balances (company, SIP profiles, members), spending by department, by SIP
/// profile and by member, top-ups and allocations, totals; addSection() appends one more.
class StatementDocument
{
    Q_DECLARE_TR_FUNCTIONS(sb::StatementDocument)

public:
    StatementDocument(MonthStatement statement, QLocale locale);

    /// One more section after the statement's own: a heading and its HTML body (escape what
    /// comes from the data with QString::toHtmlEscaped()).
    void addSection(const QString& heading, const QString& html);

    /// The title, "Monthly statement, November 2026".
    QString title() const;
    /// The whole document as HTML.
    QString html() const;
    /// A QTextDocument holding html(), laid out for `device`'s page when given.
    std::unique_ptr<QTextDocument> document() const;
    /// Renders the document onto `device`, page by page.
    void print(QPagedPaintDevice* device) const;
    /// Writes a PDF file (A4), replaced only once it is whole.
    Result<void> writePdf(const QString& path) const;

    /// The ledger kind as a person reads it ("Top-up", "Auto-recharge").
    static QString kindName(const QString& kind);

private:
    QString money(Money m) const;
    QString accountTable(const QList<StatementAccount>& accounts, bool balances) const;

    MonthStatement m_st;
    QLocale m_locale;
    QList<std::pair<QString, QString>> m_extra;
};

} // namespace sb
