#include "app/ctl/ReportCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/reports/MonthlyStatement.h"
#include "core/reports/StatementCsv.h"
#include "print/StatementDocument.h"

#include <QJsonObject>

namespace sb::ctl {

namespace {

QCommandLineOption monthOption()
{
    return {QStringLiteral("month"), ReportCommand::tr("The calendar month (UTC), YYYY-MM."),
            QStringLiteral("YYYY-MM")};
}

QCommandLineOption pdfOption()
{
    return {QStringLiteral("pdf"), ReportCommand::tr("Write the statement to this PDF file."),
            QStringLiteral("FILE")};
}

QCommandLineOption csvOption()
{
    return {QStringLiteral("csv"), ReportCommand::tr("Write the statement to this CSV file."),
            QStringLiteral("FILE")};
}

} // namespace

QString ReportCommand::description() const
{
    return tr("Reports: the monthly statement as PDF or CSV.");
}

QStringList ReportCommand::forms() const
{
    return {tr("report statement --month YYYY-MM (--pdf FILE | --csv FILE)")};
}

QList<QCommandLineOption> ReportCommand::options() const
{
    return {monthOption(), pdfOption(), csvOption()};
}

bool ReportCommand::needsGui(const QStringList& arguments)
{
    if (!arguments.contains(QLatin1String("report")))
        return false;
    for (const QString& a : arguments)
        if (a == QLatin1String("--pdf") || a.startsWith(QLatin1String("--pdf=")))
            return true;
    return false;
}

int ReportCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(
            tr("Usage: report statement --month YYYY-MM (--pdf FILE | --csv FILE)"));
    const QString sub = w.first();
    if (sub == QLatin1String("statement"))
        return statement(w.mid(1), s);
    return s.usageError(tr("Unknown report '%1'.").arg(UserText::quoted(sub)));
}

int ReportCommand::statement(const QStringList& w, Session& s)
{
    OptionParser a({monthOption(), pdfOption(), csvOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    const QString usage = tr("Usage: report statement --month YYYY-MM (--pdf FILE | --csv FILE)");
    const bool pdf = a.isSet(QStringLiteral("pdf"));
    const bool csv = a.isSet(QStringLiteral("csv"));
    if (!a.positional().isEmpty() || !a.isSet(QStringLiteral("month")) || pdf == csv)
        return s.usageError(usage);
    const QString month = a.value(QStringLiteral("month")).trimmed();
    if (auto v = MonthlyStatement::validateMonth(month); !v)
        return s.refused(v.error().message);
    const QString path = a.value(pdf ? QStringLiteral("pdf") : QStringLiteral("csv"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    if (auto v = MonthlyStatement::validateOutputPath(ctx->db, path); !v)
        return s.refused(v.error().message);
    auto st = MonthlyStatement(*ctx).compute(month);
    if (!st)
        return s.refused(st.error().message);
    // The PDF speaks English like the rest of switchboardctl, with English amounts ($1,234.50).
    const Result<void> written =
        pdf ? StatementDocument(*st, QLocale(QLocale::English, QLocale::UnitedStates))
                  .writePdf(path)
            : StatementCsv::writeFile(*st, path);
    if (!written)
        return s.refused(written.error().message);
    if (s.json()) {
        QJsonObject totals;
        for (auto it = st->totals.byKind.cbegin(); it != st->totals.byKind.cend(); ++it)
            totals.insert(it.key(), it.value().toString());
        totals.insert(QStringLiteral("spending"), st->totals.spending().toString());
        s.out().json(
            {{QStringLiteral("month"), st->month},
             {QStringLiteral("file"), path},
             {QStringLiteral("format"), pdf ? QStringLiteral("pdf") : QStringLiteral("csv")},
             {QStringLiteral("company"),
              QJsonObject{{QStringLiteral("opening"), st->company.opening.toString()},
                          {QStringLiteral("closing"), st->company.closing.toString()}}},
             {QStringLiteral("totals"), totals}});
        return Done;
    }
    s.out().line(tr("Statement of %1 written to %2: company balance %3 at the start, %4 at the "
                    "end; spent %5.")
                     .arg(st->month, path, st->company.opening.toString(),
                          st->company.closing.toString(), st->totals.spending().toString()));
    return Done;
}

} // namespace sb::ctl
