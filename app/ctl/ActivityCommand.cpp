#include "app/ctl/ActivityCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/books/ActivityLog.h"

#include <QJsonArray>

namespace sb::ctl {

namespace {

QCommandLineOption limitOption()
{
    return {QStringLiteral("limit"),
            ActivityCommand::tr("How many entries, from 1 to 100000 (20 by default)."),
            QStringLiteral("N")};
}

} // namespace

QString ActivityCommand::description() const
{
    return tr("The audit log, newest first.");
}

QStringList ActivityCommand::forms() const
{
    return {QStringLiteral("activity [--limit N]")};
}

QList<QCommandLineOption> ActivityCommand::options() const
{
    return {limitOption()};
}

int ActivityCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().line(help());
        return Done;
    }
    OptionParser a({limitOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(tr("Usage: activity [--limit N]"));
    int limit = 20;
    if (a.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = a.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 100000)
            return s.refused(tr("--limit: \"%1\" is not a number from 1 to 100000.")
                                 .arg(a.value(QStringLiteral("limit"))));
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto page = ActivityLog(*ctx).page(0, limit);
    if (!page)
        return s.refused(page.error().message);
    QJsonArray list;
    for (const ActivityEntry& e : std::as_const(*page)) {
        if (s.json())
            list.append(QJsonObject{{QStringLiteral("at"), e.at.toString(Qt::ISODate)},
                                    {QStringLiteral("actor"), e.actor},
                                    {QStringLiteral("action"), e.action},
                                    {QStringLiteral("subject"), e.subject},
                                    {QStringLiteral("details"), e.details}});
        else
            s.out().line(QStringLiteral("%1  %2  %3  %4")
                             .arg(e.at.toString(Qt::ISODate), e.actor, e.action, e.details));
    }
    if (s.json())
        s.out().json({{QStringLiteral("activity"), list}});
    return Done;
}

} // namespace sb::ctl
