#include "app/ctl/ActivityCommand.h"

#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/Language.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"

#include <QJsonArray>
#include <QLocale>
#include <QTranslator>

namespace sb::ctl {

namespace {

QCommandLineOption limitOption()
{
    return {QStringLiteral("limit"),
            ActivityCommand::tr("How many entries, from 1 to 100000 (20 by default)."),
            QStringLiteral("N")};
}

QCommandLineOption langOption()
{
    return {QStringLiteral("lang"),
            ActivityCommand::tr("The language of the sentences: en (default), nb, fr, nl or pl."),
            QStringLiteral("L")};
}

// `activity --lang CODE`: the sentences and kind names in that language (its catalogue is
// embedded like the window's), money and dates in its locale. Without it the output stays
// English with machine formats. False for a language Switchboard does not speak.
bool speakLanguage(const QString& code, QTranslator& translator)
{
    const auto language = findLanguage(code);
    if (!language)
        return false;
    QLocale::setDefault(language->locale);
    if (translator.load(QStringLiteral(":/i18n/switchboard_%1.qm").arg(code)))
        QCoreApplication::installTranslator(&translator);
    return true;
}

} // namespace

QString ActivityCommand::description() const
{
    return tr("The audit log, newest first.");
}

QStringList ActivityCommand::forms() const
{
    return {QStringLiteral("activity [--limit N] [--lang L]")};
}

QList<QCommandLineOption> ActivityCommand::options() const
{
    return {limitOption(), langOption()};
}

int ActivityCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().block(help());
        return Done;
    }
    OptionParser a({limitOption(), langOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(tr("Usage: activity [--limit N] [--lang en|nb|fr|nl|pl]"));
    int limit = 20;
    if (a.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = a.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 100000)
            return s.refused(tr("--limit: \"%1\" is not a number from 1 to 100000.")
                                 .arg(UserText::quoted(a.value(QStringLiteral("limit")))));
    }
    QTranslator translator; // removes itself when it goes
    if (a.isSet(QStringLiteral("lang")) &&
        !speakLanguage(a.value(QStringLiteral("lang")), translator))
        return s.refused(tr("--lang: \"%1\" is not one of en, nb, fr, nl, pl.")
                             .arg(UserText::quoted(a.value(QStringLiteral("lang")))));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto page = ActivityLog(*ctx).page(limit);
    if (!page)
        return s.refused(page.error().message);
    QJsonArray list;
    for (const ActivityEntry& e : std::as_const(*page)) {
        const QString text = ActivityLog::describe(e);
        if (s.json())
            list.append(
                QJsonObject{{QStringLiteral("at"), e.at.toString(Qt::ISODate)},
                            {QStringLiteral("actor"), e.actor},
                            {QStringLiteral("kind"), e.key},
                            {QStringLiteral("kindName"), ActivityLog::kindName(e)},
                            {QStringLiteral("subject"), e.subject},
                            {QStringLiteral("values"), QJsonObject::fromVariantMap(e.values)},
                            {QStringLiteral("text"), text},
                            // What the previous release's JSON had.
                            {QStringLiteral("action"), e.key},
                            {QStringLiteral("details"), text}});
        else
            s.out().line(
                QStringLiteral("%1  %2  %3  %4")
                    .arg(e.at.toString(Qt::ISODate), e.actor, ActivityLog::kindName(e), text));
    }
    if (s.json())
        s.out().json({{QStringLiteral("activity"), list}});
    return Done;
}

} // namespace sb::ctl
