#include "print/StatementDocument.h"

#include "core/base/OutputFile.h"

#include <QAbstractTextDocumentLayout>
#include <QDate>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace sb {

namespace {

QString cell(const QString& text, bool number = false)
{
    return number ? QStringLiteral("<td align=\"right\" nowrap>%1</td>").arg(text)
                  : QStringLiteral("<td>%1</td>").arg(text);
}

QString headerRow(const QStringList& headers, int textColumns)
{
    QString row = QStringLiteral("<tr>");
    for (int i = 0; i < headers.size(); ++i)
        row += QStringLiteral("<th align=\"%1\">%2</th>")
                   .arg(i < textColumns ? QStringLiteral("left") : QStringLiteral("right"),
                        headers.at(i).toHtmlEscaped());
    return row + QStringLiteral("</tr>");
}

const QString kTableStart =
    QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");

} // namespace

StatementDocument::StatementDocument(MonthStatement statement, QLocale locale)
    : m_st(std::move(statement)), m_locale(std::move(locale))
{
}

void StatementDocument::addSection(const QString& heading, const QString& html)
{
    m_extra.append({heading, html});
}

QString StatementDocument::kindName(const QString& kind)
{
    if (kind == QLatin1String("topup"))
        return tr("Top-up");
    if (kind == QLatin1String("allocation"))
        return tr("Allocation");
    if (kind == QLatin1String("autorecharge"))
        return tr("Auto-recharge");
    if (kind == QLatin1String("return"))
        return tr("Credit returned");
    if (kind == QLatin1String("number"))
        return tr("Numbers");
    if (kind == QLatin1String("channels"))
        return tr("Channels");
    if (kind == QLatin1String("bundle"))
        return tr("Bundles");
    if (kind == QLatin1String("bundle-refund"))
        return tr("Bundle refunds");
    if (kind == QLatin1String("call"))
        return tr("Calls");
    if (kind == QLatin1String("charge"))
        return tr("Charges");
    return kind;
}

QString StatementDocument::money(Money m) const
{
    return m.toCurrencyString(m_locale).toHtmlEscaped().replace(QLatin1Char(' '),
                                                                QStringLiteral("&nbsp;"));
}

QString StatementDocument::title() const
{
    const QDate first = QDate::fromString(m_st.month + QStringLiteral("-01"), Qt::ISODate);
    //: %1 is the month and its year, "November 2026"
    return tr("Monthly statement, %1")
        .arg(m_locale.standaloneMonthName(first.month()) + QLatin1Char(' ') +
             m_locale.toString(first.year()).remove(m_locale.groupSeparator()));
}

QString StatementDocument::accountTable(const QList<StatementAccount>& accounts,
                                        bool balances) const
{
    QString h = kTableStart;
    if (balances)
        h += headerRow(
            {tr("Account"), tr("Department"), tr("Opening"), tr("In"), tr("Out"), tr("Closing")},
            2);
    else
        h += headerRow({tr("Account"), tr("Department"), tr("Numbers"), tr("Channels"),
                        tr("Bundles"), tr("Calls"), tr("Spent")},
                       2);
    for (const StatementAccount& a : accounts) {
        QString name = a.kind == StatementAccount::Kind::Company ? tr("Company") : a.name;
        if (a.kind == StatementAccount::Kind::Member && a.displayName != a.name)
            name = QStringLiteral("%1 (%2)").arg(a.displayName, a.name);
        h += QStringLiteral("<tr>") + cell(name.toHtmlEscaped()) +
             cell(a.department.toHtmlEscaped());
        if (balances)
            h += cell(money(a.opening), true) + cell(money(a.in), true) + cell(money(a.out), true) +
                 cell(money(a.closing), true);
        else
            h += cell(money(a.numbers), true) + cell(money(a.channels), true) +
                 cell(money(a.bundles), true) + cell(money(a.calls), true) +
                 cell(money(a.spending()), true);
        h += QStringLiteral("</tr>");
    }
    return h + QStringLiteral("</table>");
}

QString StatementDocument::html() const
{
    QString h = QStringLiteral("<html><body>");
    h += QStringLiteral("<h1>%1</h1>").arg(title().toHtmlEscaped());
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Company balance: %1 at the start of the month, %2 at its end (UTC).")
                      .arg(money(m_st.company.opening), money(m_st.company.closing)));

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Balances").toHtmlEscaped());
    h += accountTable(QList<StatementAccount>{m_st.company} + m_st.profiles + m_st.members, true);

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Spending by department").toHtmlEscaped());
    h += kTableStart + headerRow({tr("Department"), tr("Numbers"), tr("Channels"), tr("Bundles"),
                                  tr("Calls"), tr("Spent")},
                                 1);
    for (const StatementDepartment& d : m_st.departments)
        h += QStringLiteral("<tr>") +
             cell((d.name.isEmpty() ? tr("(no department)") : d.name).toHtmlEscaped()) +
             cell(money(d.numbers), true) + cell(money(d.channels), true) +
             cell(money(d.bundles), true) + cell(money(d.calls), true) +
             cell(money(d.spending()), true) + QStringLiteral("</tr>");
    h += QStringLiteral("</table>");

    if (!m_st.profiles.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2>").arg(tr("Spending by SIP profile").toHtmlEscaped());
        h += accountTable(m_st.profiles, false);
    }
    if (!m_st.members.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2>").arg(tr("Spending by member").toHtmlEscaped());
        h += accountTable(m_st.members, false);
    }

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Top-ups and allocations").toHtmlEscaped());
    if (m_st.entries.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(tr("None this month.").toHtmlEscaped());
    } else {
        h += kTableStart + headerRow({tr("Time (UTC)"), tr("What"), tr("To or from"), tr("By"),
                                      tr("Reference"), tr("Amount")},
                                     5);
        for (const StatementEntry& e : m_st.entries)
            h += QStringLiteral("<tr>") +
                 cell(m_locale.toString(e.at, QLocale::ShortFormat).toHtmlEscaped()) +
                 cell(kindName(e.kind).toHtmlEscaped()) +
                 cell((e.account.isEmpty() ? tr("Company") : e.account).toHtmlEscaped()) +
                 cell(e.actor.toHtmlEscaped()) + cell(e.reference.toHtmlEscaped()) +
                 cell(money(e.amount), true) + QStringLiteral("</tr>");
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>%1</h2>").arg(tr("Totals").toHtmlEscaped());
    h += kTableStart + headerRow({tr("What"), tr("Amount")}, 1);
    for (auto it = m_st.totals.byKind.cbegin(); it != m_st.totals.byKind.cend(); ++it)
        h += QStringLiteral("<tr>") + cell(kindName(it.key()).toHtmlEscaped()) +
             cell(money(it.value()), true) + QStringLiteral("</tr>");
    h += QStringLiteral("<tr>") +
         cell(QStringLiteral("<b>%1</b>").arg(tr("Spent").toHtmlEscaped())) +
         cell(QStringLiteral("<b>%1</b>").arg(money(m_st.totals.spending())), true) +
         QStringLiteral("</tr></table>");

    // What to buy: only the profiles the advice would change something for.
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Advice").toHtmlEscaped());
    QString adviceRows;
    for (const ProfileAdvice& a : m_st.advice) {
        const bool channels = a.channels.known() && a.channels.need != a.channels.have;
        const bool bundles = a.bundles.known() && a.bundles.best != a.bundles.have &&
                             a.bundles.monthlySaving.isPositive();
        if (!channels && !bundles)
            continue;
        QStringList says;
        if (channels)
            says << tr("%n channel(s) for the busiest hour (%1 erlangs at 1% blocking); it has %2",
                       nullptr, a.channels.need)
                        .arg(m_locale.toString(a.channels.busyHourErlangs, 'f', 1))
                        .arg(a.channels.have);
        if (bundles)
            says << tr("%n US minute bundle(s), saving %1 a month; it has %2", nullptr,
                       a.bundles.best)
                        .arg(money(a.bundles.monthlySaving))
                        .arg(a.bundles.have);
        adviceRows += QStringLiteral("<tr>") + cell(a.name.toHtmlEscaped()) +
                      cell(says.join(QStringLiteral("; ")).toHtmlEscaped()) +
                      QStringLiteral("</tr>");
    }
    if (adviceRows.isEmpty())
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("Every SIP profile has the channels and bundles its calls need.")
                          .toHtmlEscaped());
    else
        h += kTableStart + headerRow({tr("SIP profile"), tr("Advice")}, 2) + adviceRows +
             QStringLiteral("</table>");

    for (const auto& [heading, body] : m_extra)
        h += QStringLiteral("<h2>%1</h2>").arg(heading.toHtmlEscaped()) + body;
    return h + QStringLiteral("</body></html>");
}

std::unique_ptr<QTextDocument> StatementDocument::document() const
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setDocumentMargin(0);
    // Small enough for a member's name and account to share a line beside six amounts.
    QFont font = doc->defaultFont();
    font.setPointSizeF(8.5);
    doc->setDefaultFont(font);
    doc->setHtml(html());
    doc->setMetaInformation(QTextDocument::DocumentTitle, title());
    return doc;
}

void StatementDocument::print(QPagedPaintDevice* device) const
{
    document()->print(device);
}

Result<void> StatementDocument::writePdf(const QString& path) const
{
    OutputFile file(path);
    if (auto o = file.open(); !o)
        return o;
    {
        QPdfWriter writer(file.device());
        writer.setTitle(title());
        writer.setCreator(QStringLiteral("Switchboard"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        print(&writer);
    } // the writer finishes the file when it goes
    // commit() sees what the writer wrote through the device: a failed write, or a buffer
    // that will not flush, fails it.
    return file.commit();
}

} // namespace sb
