#include "app/ctl/SettingsCommand.h"

#include "app/ctl/JsonShapes.h"
#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/net/MailSender.h"
#include "core/net/MailSettings.h"
#include "core/profiles/ProviderSettings.h"

#include <QJsonArray>
#include <QTextStream>

#include <cstdio>

namespace sb::ctl {

namespace {

QCommandLineOption hostOption()
{
    return {QStringLiteral("host"), SettingsCommand::tr("The mail server's host name (mail)."),
            QStringLiteral("HOST")};
}

QCommandLineOption portOption()
{
    return {QStringLiteral("port"),
            SettingsCommand::tr("The mail server's port (mail; default 587 for starttls, 465 "
                                "for tls, 25 for none)."),
            QStringLiteral("N")};
}

QCommandLineOption securityOption()
{
    return {QStringLiteral("security"),
            SettingsCommand::tr("starttls, tls, or none for a server on this machine only (mail; "
                                "default starttls)."),
            QStringLiteral("starttls|tls|none")};
}

QCommandLineOption fromOption()
{
    return {QStringLiteral("from"),
            SettingsCommand::tr("The sender address of the messages (mail)."),
            QStringLiteral("ADDRESS")};
}

QCommandLineOption userOption()
{
    return {QStringLiteral("user"),
            SettingsCommand::tr("The user to log in as (mail); without it, no login."),
            QStringLiteral("USER")};
}

QCommandLineOption passwordStdinOption()
{
    return {QStringLiteral("password-stdin"),
            SettingsCommand::tr("Read the user's password from the first line of standard input "
                                "(mail); without it, the stored password is kept.")};
}

QJsonValue mailJson(const std::optional<MailServer>& m)
{
    if (!m)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("host"), m->host},
                       {QStringLiteral("port"), m->port},
                       {QStringLiteral("security"), MailServer::securityKey(m->security)},
                       {QStringLiteral("from"), m->from},
                       {QStringLiteral("user"), JsonShapes::nullable(m->user)}};
}

QString sipServersText(const QStringList& servers)
{
    return SettingsCommand::tr("SIP servers:  %1").arg(servers.join(QStringLiteral(", ")));
}

QString mailText(const std::optional<MailServer>& m)
{
    if (!m)
        return SettingsCommand::tr("Mail server:  none");
    const QString port = QString::number(m->port);
    const QString security = MailServer::securityKey(m->security);
    if (m->user.isEmpty())
        return SettingsCommand::tr("Mail server:  %1, port %2 (%3), sender %4, no login")
            .arg(m->host, port, security, m->from);
    return SettingsCommand::tr("Mail server:  %1, port %2 (%3), sender %4, login as %5")
        .arg(m->host, port, security, m->from, m->user);
}

} // namespace

QString SettingsCommand::description() const
{
    return tr("Settings every copy of the program shares: the provider's SIP servers and the "
              "mail server.");
}

QStringList SettingsCommand::forms() const
{
    return {
        tr("settings show                               the SIP servers and the mail server"),
        tr("settings sip-servers HOST:PORT[,HOST:PORT...] the provider's SIP servers"),
        tr("settings mail --host HOST --port N --security starttls|tls|none --from ADDRESS "
           "[--user USER --password-stdin]"),
        tr("settings mail test ADDRESS                  send a test message through the mail "
           "server"),
        tr("settings mail clear                         forget the mail server and its "
           "password"),
    };
}

QList<QCommandLineOption> SettingsCommand::options() const
{
    return {hostOption(), portOption(), securityOption(),
            fromOption(), userOption(), passwordStdinOption()};
}

int SettingsCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: settings show|sip-servers|mail ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (sub == QLatin1String("show"))
        return show(rest, s);
    if (sub == QLatin1String("sip-servers"))
        return sipServers(rest, s);
    if (sub == QLatin1String("mail")) {
        if (!rest.isEmpty() && rest.first() == QLatin1String("test"))
            return mailTest(rest.mid(1), s);
        if (!rest.isEmpty() && rest.first() == QLatin1String("clear"))
            return mailClear(rest.mid(1), s);
        return mail(rest, s);
    }
    return s.usageError(tr("Unknown settings command '%1'.").arg(UserText::quoted(sub)));
}

int SettingsCommand::show(const QStringList& w, Session& s)
{
    if (!w.isEmpty())
        return s.usageError(tr("Usage: settings show"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto servers = ProviderSettings(*ctx).sipServers();
    if (!servers)
        return s.refused(servers.error().message);
    auto mail = MailSettings(*ctx).server();
    if (!mail)
        return s.refused(mail.error().message);
    if (s.json()) {
        s.out().json({{QStringLiteral("sipServers"), QJsonArray::fromStringList(*servers)},
                      {QStringLiteral("mail"), mailJson(*mail)}});
        return Done;
    }
    s.out().line(sipServersText(*servers));
    s.out().line(mailText(*mail));
    return Done;
}

int SettingsCommand::sipServers(const QStringList& w, Session& s)
{
    if (w.size() != 1 || w.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: settings sip-servers HOST:PORT[,HOST:PORT...]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const ProviderSettings settings(*ctx);
    if (auto done = settings.setSipServers(w.first().split(QLatin1Char(','))); !done)
        return s.refused(done.error().message);
    auto servers = settings.sipServers();
    if (!servers)
        return s.refused(servers.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("sipServers"), QJsonArray::fromStringList(*servers)}});
    else
        s.out().line(sipServersText(*servers));
    return Done;
}

int SettingsCommand::mail(const QStringList& w, Session& s)
{
    OptionParser a({hostOption(), portOption(), securityOption(), fromOption(), userOption(),
                    passwordStdinOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    const QString usage = tr("Usage: settings mail --host HOST --port N --security "
                             "starttls|tls|none --from ADDRESS [--user USER --password-stdin]");
    if (!a.positional().isEmpty() || !a.isSet(QStringLiteral("host")) ||
        !a.isSet(QStringLiteral("from")))
        return s.usageError(usage);
    const bool passwordStdin = a.isSet(QStringLiteral("password-stdin"));
    if (passwordStdin && !a.isSet(QStringLiteral("user")))
        return s.usageError(tr("--password-stdin goes with --user."));
    MailServer m;
    m.host = a.value(QStringLiteral("host"));
    m.from = a.value(QStringLiteral("from"));
    m.user = a.value(QStringLiteral("user"));
    if (a.isSet(QStringLiteral("security"))) {
        const auto sec = MailServer::securityFromKey(a.value(QStringLiteral("security")));
        if (!sec)
            return s.refused(tr("--security: \"%1\" is not starttls, tls or none.")
                                 .arg(UserText::quoted(a.value(QStringLiteral("security")))));
        m.security = *sec;
    }
    m.port = MailServer::defaultPort(m.security);
    if (a.isSet(QStringLiteral("port"))) {
        const auto port = s.wholeNumber(a.value(QStringLiteral("port")), QStringLiteral("--port"));
        if (!port)
            return Refused;
        m.port = *port;
    }
    std::optional<QString> password;
    if (passwordStdin) {
        // One line; the password never appears in the arguments, the output or the log.
        QTextStream in(stdin);
        password = in.readLine();
        if (password->isEmpty())
            return s.refused(tr("--password-stdin: standard input held no password."));
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const MailSettings settings(*ctx);
    if (auto done = settings.save(m, password); !done)
        return s.refused(done.error().message);
    auto saved = settings.server();
    if (!saved)
        return s.refused(saved.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("mail"), mailJson(*saved)}});
    else
        s.out().line(mailText(*saved));
    return Done;
}

int SettingsCommand::mailTest(const QStringList& w, Session& s)
{
    if (w.size() != 1 || w.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: settings mail test ADDRESS"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    MailSender sender(*ctx);
    auto sent = sender.sendTestMessage(w.first());
    if (!sent)
        return s.refused(sent.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("sentTo"), *sent}});
    else
        s.out().line(tr("The mail server accepted a test message to %1.").arg(*sent));
    return Done;
}

int SettingsCommand::mailClear(const QStringList& w, Session& s)
{
    if (!w.isEmpty())
        return s.usageError(tr("Usage: settings mail clear"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    if (auto done = MailSettings(*ctx).clear(); !done)
        return s.refused(done.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("mail"), QJsonValue::Null}});
    else
        s.out().line(mailText(std::nullopt));
    return Done;
}

} // namespace sb::ctl
