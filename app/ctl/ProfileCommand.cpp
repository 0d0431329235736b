#include "app/ctl/ProfileCommand.h"

#include "app/ctl/JsonShapes.h"
#include "app/ctl/OptionParser.h"
#include "app/ctl/ProfileProbeCommand.h"
#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/bundles/BundleService.h"
#include "core/calls/CallHistory.h"
#include "core/net/MailSender.h"
#include "core/net/MailSettings.h"
#include "core/profiles/PbxConfig.h"
#include "core/profiles/ProfileService.h"

#include <QJsonArray>

namespace sb::ctl {

namespace {

QCommandLineOption ipOption()
{
    return {QStringLiteral("ip"),
            ProfileCommand::tr("IP authentication: the PBX's public address (create)."),
            QStringLiteral("ADDR")};
}

QCommandLineOption portOption()
{
    return {QStringLiteral("port"), ProfileCommand::tr("The PBX's UDP port, with --ip (create)."),
            QStringLiteral("N")};
}

QCommandLineOption channelsOption()
{
    return {QStringLiteral("channels"), ProfileCommand::tr("Simultaneous outgoing calls (create)."),
            QStringLiteral("N")};
}

QCommandLineOption departmentOption()
{
    return {QStringLiteral("department"), ProfileCommand::tr("The profile's department (create)."),
            QStringLiteral("D")};
}

QCommandLineOption emailOption()
{
    return {QStringLiteral("email"),
            ProfileCommand::tr("Where the profile's credentials go (create)."),
            QStringLiteral("E")};
}

QCommandLineOption countryOption()
{
    return {QStringLiteral("country"),
            ProfileCommand::tr("The profile's country, two letters (create; default US): numbers "
                               "its calls dial are read as dialled there."),
            QStringLiteral("CC")};
}

QCommandLineOption formatOption()
{
    return {QStringLiteral("format"),
            ProfileCommand::tr("The PBX: only \"asterisk\" (PJSIP) for now (pbx-config)."),
            QStringLiteral("asterisk")};
}

QCommandLineOption extensionOption()
{
    return {QStringLiteral("extension"),
            ProfileCommand::tr("The member's extension on the PBX (link)."),
            QStringLiteral("DIGITS")};
}

QCommandLineOption yesOption()
{
    return {QStringLiteral("yes"),
            ProfileCommand::tr("Really delete; without it, delete only says what it would do.")};
}

QCommandLineOption exportHistoryOption()
{
    return {QStringLiteral("export-history"),
            ProfileCommand::tr("Save the profile's call records to this CSV first (delete)."),
            QStringLiteral("FILE.csv")};
}

QStringList profileText(const SipProfile& p)
{
    QStringList lines{
        ProfileCommand::tr("SIP profile:   %1").arg(p.name),
        ProfileCommand::tr("Department:    %1").arg(p.department),
        ProfileCommand::tr("Country:       %1").arg(p.country),
        ProfileCommand::tr("Balance:       %1").arg(p.balance.toString()),
        p.auth == SipProfile::Auth::Ip
            ? ProfileCommand::tr("Authentication: IP %1, UDP port %2").arg(p.ip).arg(p.port)
            : ProfileCommand::tr("Authentication: registration as %1").arg(p.username),
        ProfileCommand::tr("Outgoing calls: %n channel(s), %1 a month; paid until %2%3", nullptr,
                           p.channels)
            .arg(p.monthlyChannelCost().toString(), p.channelsExpires.toString(Qt::ISODate),
                 p.channelsLapsed ? ProfileCommand::tr(" (renewal not paid: calls stopped)")
                                  : QString()),
    };
    for (const auto& a : p.accounts)
        lines << (a.extension.isEmpty() ? ProfileCommand::tr("Linked account: %1").arg(a.account)
                                        : ProfileCommand::tr("Linked account: %1, extension %2")
                                              .arg(a.account, a.extension));
    for (const auto& n : p.numbers)
        lines << ProfileCommand::tr("Number:        %1").arg(n);
    return lines;
}

} // namespace

QString ProfileCommand::description() const
{
    return tr("SIP profiles: a company PBX's trunk with its channels, accounts and numbers.");
}

QStringList ProfileCommand::forms() const
{
    return {
        tr("profile create NAME [--ip ADDR --port N] [--channels N] [--department D] [--email E] "
           "[--country CC]"),
        tr("profile show NAME | profile list"),
        tr("profile rename NAME NEWNAME | profile channels NAME N"),
        tr("profile country NAME CC                     the country its dialled numbers are read "
           "in"),
        tr("profile credentials NAME                    SIP username, password and servers"),
        tr("profile pbx-config NAME [--format asterisk] ready-to-paste PBX configuration"),
        tr("profile send-credentials NAME               mail the credentials to the profile's "
           "e-mail"),
        tr("profile link NAME ACCOUNT [--extension DIGITS] | profile unlink NAME ACCOUNT"),
        tr("profile delete NAME --yes [--export-history FILE.csv]"),
        tr("profile probe NAME [--timeout-ms N]          SIP OPTIONS to the PBX and the "
           "provider's servers"),
    };
}

QList<QCommandLineOption> ProfileCommand::options() const
{
    return {ipOption(),
            portOption(),
            channelsOption(),
            departmentOption(),
            emailOption(),
            countryOption(),
            formatOption(),
            extensionOption(),
            yesOption(),
            exportHistoryOption(),
            ProfileProbeCommand::timeoutOption()};
}

int ProfileCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: profile "
                               "create|show|list|rename|channels|country|credentials|pbx-config|"
                               "send-credentials|link|unlink|delete|probe ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (sub == QLatin1String("create"))
        return create(rest, s);
    if (sub == QLatin1String("list"))
        return list(rest, s);
    // Every other subcommand names a profile first.
    if (rest.isEmpty() || rest.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: profile %1 NAME ...").arg(sub));
    if (sub == QLatin1String("show"))
        return show(rest, s);
    if (sub == QLatin1String("rename"))
        return rename(rest, s);
    if (sub == QLatin1String("channels"))
        return channels(rest, s);
    if (sub == QLatin1String("country"))
        return country(rest, s);
    if (sub == QLatin1String("credentials") || sub == QLatin1String("pbx-config"))
        return credentials(w, s);
    if (sub == QLatin1String("send-credentials"))
        return sendCredentials(rest, s);
    if (sub == QLatin1String("link"))
        return link(rest, s);
    if (sub == QLatin1String("unlink"))
        return unlink(rest, s);
    if (sub == QLatin1String("delete"))
        return remove(rest, s);
    if (sub == QLatin1String("probe"))
        return ProfileProbeCommand().run(rest, s);
    return s.usageError(tr("Unknown profile command '%1'.").arg(UserText::quoted(sub)));
}

int ProfileCommand::create(const QStringList& w, Session& s)
{
    OptionParser a({ipOption(), portOption(), channelsOption(), departmentOption(), emailOption(),
                    countryOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(tr("Usage: profile create NAME [--ip ADDR --port N] [--channels N] "
                               "[--department D] [--email E] [--country CC]"));
    const QString ip = QStringLiteral("ip"), port = QStringLiteral("port"),
                  channels = QStringLiteral("channels");
    if (a.isSet(port) && !a.isSet(ip))
        return s.usageError(tr("--port goes with --ip (IP authentication)."));
    NewSipProfile p;
    p.name = a.positional().constFirst();
    p.department = a.value(QStringLiteral("department"));
    p.email = a.value(QStringLiteral("email"));
    if (a.isSet(QStringLiteral("country")))
        p.country = a.value(QStringLiteral("country"));
    if (a.isSet(ip)) {
        p.auth = SipProfile::Auth::Ip;
        p.ip = a.value(ip);
        if (a.isSet(port)) {
            const auto n = s.wholeNumber(a.value(port), QStringLiteral("--port"));
            if (!n)
                return Refused;
            p.port = *n;
        }
    }
    if (a.isSet(channels)) {
        const auto n = s.wholeNumber(a.value(channels), QStringLiteral("--channels"));
        if (!n)
            return Refused;
        p.channels = *n;
    }
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto created = ProfileService(*ctx).create(p);
    if (!created)
        return s.refused(created.error().message);
    for (const QString& warning : std::as_const(created->warnings))
        s.out().error(warning);
    // A registration profile with an e-mail gets its credentials when a mail server is set;
    // the profile stands whatever happens to the mail.
    QString sentTo, mailProblem;
    auto mailServer = MailSettings(*ctx).server();
    if (created->profile.auth == SipProfile::Auth::Registration &&
        !created->profile.email.trimmed().isEmpty() && mailServer && mailServer->has_value()) {
        MailSender sender(*ctx);
        auto sent = sender.sendCredentials(created->profile.name);
        if (sent)
            sentTo = *sent;
        else
            mailProblem = sent.error().message;
    }
    if (s.json()) {
        QJsonObject o = JsonShapes::profile(created->profile, *ctx);
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(created->warnings));
        o.insert(QStringLiteral("charged"), created->channelsCharged.toString());
        if (!created->password.isEmpty())
            o.insert(QStringLiteral("username"), created->profile.username);
        o.insert(QStringLiteral("credentialsSentTo"), JsonShapes::nullable(sentTo));
        if (!mailProblem.isEmpty())
            o.insert(QStringLiteral("credentialsProblem"), mailProblem);
        s.out().json(o);
    } else {
        s.out().line(tr("Created SIP profile %1 with %n channel(s); the company paid %2.", nullptr,
                        created->profile.channels)
                         .arg(created->profile.name, created->channelsCharged.toString()));
        if (!created->password.isEmpty())
            s.out().line(tr("SIP username %1. Show the password with: switchboardctl profile "
                            "credentials \"%2\"")
                             .arg(created->profile.username, created->profile.name));
        if (!sentTo.isEmpty())
            s.out().line(tr("The credentials were sent to %1.").arg(sentTo));
    }
    if (!mailProblem.isEmpty())
        s.out().error(tr("The credentials were not sent: %1").arg(mailProblem));
    return Done;
}

int ProfileCommand::sendCredentials(const QStringList& w, Session& s)
{
    if (w.size() != 1)
        return s.usageError(tr("Usage: profile send-credentials NAME"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    MailSender sender(*ctx);
    auto sent = sender.sendCredentials(w.first());
    if (!sent)
        return s.refused(sent.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("sentTo"), *sent}});
    else
        s.out().line(tr("The credentials of %1 were sent to %2.").arg(w.first(), *sent));
    return Done;
}

int ProfileCommand::list(const QStringList& w, Session& s)
{
    if (!w.isEmpty())
        return s.usageError(tr("Usage: profile list"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto list = ProfileService(*ctx).list();
    if (!list)
        return s.refused(list.error().message);
    QJsonArray out;
    for (const SipProfile& p : std::as_const(*list)) {
        if (s.json())
            out.append(JsonShapes::profile(p, *ctx));
        else
            s.out().formatted(
                QStringLiteral("%1\t%2\t%3\t%4"),
                {p.name, p.department, p.balance.toString(), QString::number(p.channels)});
    }
    if (s.json())
        s.out().json({{QStringLiteral("profiles"), out}});
    return Done;
}

int ProfileCommand::show(const QStringList& w, Session& s)
{
    if (w.size() != 1)
        return s.usageError(tr("Usage: profile show NAME"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto p = ProfileService(*ctx).find(w.first());
    if (!p)
        return s.refused(p.error().message);
    if (s.json()) {
        s.out().json(JsonShapes::profile(*p, *ctx));
        return Done;
    }
    s.out().lines(profileText(*p));
    auto b = BundleService(*ctx).summary(p->id);
    if (!b)
        return s.refused(b.error().message);
    if (!b->inForce())
        s.out().line(tr("US bundles:    none"));
    else
        s.out().line(
            tr("US bundles:    %1 at %2 each; %3 of %4 minutes used until %5; %6")
                .arg(QString::number(b->count), b->pricePaid.toString(),
                     QString::number(b->minutesUsed), QString::number(b->minutesIncluded),
                     b->periodEnd.toString(Qt::ISODate),
                     b->cancelled
                         ? tr("cancelled, usable until %1").arg(b->expires.toString(Qt::ISODate))
                         : tr("next payment %1").arg(b->nextPayment.toString(Qt::ISODate))));
    s.out().line(tr("Monthly cost:  %1 (channels %2, bundles %3)")
                     .arg((p->monthlyChannelCost() + b->monthlyCost()).toString(),
                          p->monthlyChannelCost().toString(), b->monthlyCost().toString()));
    return Done;
}

int ProfileCommand::rename(const QStringList& w, Session& s)
{
    if (w.size() != 2)
        return s.usageError(tr("Usage: profile rename NAME NEWNAME"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto p = ProfileService(*ctx).rename(w[0], w[1]);
    if (!p)
        return s.refused(p.error().message);
    if (s.json())
        s.out().json(JsonShapes::profile(*p, *ctx));
    else
        s.out().line(tr("Renamed to %1.").arg(p->name));
    return Done;
}

int ProfileCommand::country(const QStringList& w, Session& s)
{
    if (w.size() != 2)
        return s.usageError(tr("Usage: profile country NAME CC"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto p = ProfileService(*ctx).setCountry(w[0], w[1]);
    if (!p)
        return s.refused(p.error().message);
    if (s.json())
        s.out().json(JsonShapes::profile(*p, *ctx));
    else
        s.out().line(tr("The country of SIP profile %1 is now %2.").arg(p->name, p->country));
    return Done;
}

int ProfileCommand::channels(const QStringList& w, Session& s)
{
    if (w.size() != 2)
        return s.usageError(tr("Usage: profile channels NAME N"));
    const QString& name = w[0];
    const auto channelCount = s.wholeNumber(w[1], QStringLiteral("channels"));
    if (!channelCount)
        return Refused;
    const int n = *channelCount;
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto c = ProfileService(*ctx).setChannels(name, n);
    if (!c)
        return s.refused(c.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("channels"), c->to},
                      {QStringLiteral("previous"), c->from},
                      {QStringLiteral("cost"), c->charged.toString()},
                      {QStringLiteral("credited"), c->credited.toString()},
                      {QStringLiteral("net"), c->net().toString()},
                      {QStringLiteral("nextPayment"), c->nextPayment.toString(Qt::ISODate)}});
    else
        s.out().line(tr("%1 now has %n channel(s) (it had %2): paid %3, credited %4 for the unused "
                        "days of the old ones, next payment on %5.",
                        nullptr, c->to)
                         .arg(name)
                         .arg(c->from)
                         .arg(c->charged.toString(), c->credited.toString(),
                              c->nextPayment.toString(Qt::ISODate)));
    return Done;
}

// `w` starts with the subcommand: pbx-config is the credentials, written for the PBX.
int ProfileCommand::credentials(const QStringList& w, Session& s)
{
    const QString sub = w[0];
    const QString name = w[1];
    const bool pbx = sub == QLatin1String("pbx-config");
    OptionParser a(pbx ? QList<QCommandLineOption>{formatOption()} : QList<QCommandLineOption>{});
    if (const auto end = parse(a, w.mid(2), s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(tr("Usage: profile %1 NAME").arg(sub));
    const QString format = QStringLiteral("format");
    if (pbx && a.isSet(format) && a.value(format) != QLatin1String("asterisk"))
        return s.usageError(tr("--format: only \"asterisk\" (PJSIP) is available."));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const ProfileService profiles(*ctx);
    auto p = profiles.find(name);
    if (!p)
        return s.refused(p.error().message);
    auto c = profiles.credentials(name);
    if (!c)
        return s.refused(c.error().message);
    if (pbx) {
        const QString text = PbxConfig::asterisk(*p, c->servers, c->password);
        if (s.json())
            s.out().json({{QStringLiteral("format"), QStringLiteral("asterisk")},
                          {QStringLiteral("config"), text}});
        else
            s.out().block(text.trimmed());
        return Done;
    }
    if (s.json()) {
        QJsonObject o{{QStringLiteral("username"), JsonShapes::nullable(c->username)},
                      {QStringLiteral("password"), JsonShapes::nullable(c->password)},
                      {QStringLiteral("servers"), QJsonArray::fromStringList(c->servers)}};
        if (p->auth == SipProfile::Auth::Ip)
            o.insert(QStringLiteral("allowedIp"), QStringLiteral("%1:%2").arg(p->ip).arg(p->port));
        s.out().json(o);
    } else {
        if (p->auth == SipProfile::Auth::Ip)
            s.out().line(tr("IP authentication: the provider accepts calls from %1, UDP port %2.")
                             .arg(p->ip)
                             .arg(p->port));
        else
            s.out().formatted(tr("Username: %1\nPassword: %2"), {c->username, c->password});
        s.out().line(tr("SIP servers: %1").arg(c->servers.join(QStringLiteral(", "))));
    }
    return Done;
}

int ProfileCommand::link(const QStringList& w, Session& s)
{
    const QString name = w.first();
    OptionParser a({extensionOption()});
    if (const auto end = parse(a, w.mid(1), s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(tr("Usage: profile link NAME ACCOUNT [--extension DIGITS]"));
    const QString account = a.positional().constFirst();
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto p = ProfileService(*ctx).link(name, account, a.value(QStringLiteral("extension")));
    if (!p)
        return s.refused(p.error().message);
    if (s.json())
        s.out().json(JsonShapes::profile(*p, *ctx));
    else
        s.out().line(
            tr("Linked %1 to %2: its calls and numbers route to the PBX; sign-in is disabled.")
                .arg(account, p->name));
    return Done;
}

int ProfileCommand::unlink(const QStringList& w, Session& s)
{
    if (w.size() != 2)
        return s.usageError(tr("Usage: profile unlink NAME ACCOUNT"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto p = ProfileService(*ctx).unlink(w[0], w[1]);
    if (!p)
        return s.refused(p.error().message);
    if (s.json())
        s.out().json(JsonShapes::profile(*p, *ctx));
    else
        s.out().line(tr("Unlinked %1 from %2; sign-in is restored.").arg(w[1], p->name));
    return Done;
}

int ProfileCommand::remove(const QStringList& w, Session& s)
{
    const QString name = w.first();
    OptionParser a({exportHistoryOption(), yesOption()});
    if (const auto end = parse(a, w.mid(1), s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(tr("Usage: profile delete NAME --yes [--export-history FILE.csv]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const ProfileService profiles(*ctx);
    auto preview = profiles.deletionPreview(name);
    if (!preview)
        return s.refused(preview.error().message);
    if (!a.isSet(QStringLiteral("yes"))) {
        s.out().error(tr("Deleting %1 would: return to the company balance: %2; put numbers "
                         "back in the pool: %3; "
                         "unlink accounts: %4; delete call records: %5. Add --yes to delete.")
                          .arg(preview->name, preview->returnedCredit.toString())
                          .arg(preview->releasedNumbers.size())
                          .arg(preview->unlinkedAccounts.size())
                          .arg(preview->deletedCalls));
        return Usage;
    }
    const QString history = QStringLiteral("export-history");
    if (a.isSet(history)) {
        // The same export as `calls list --profile NAME --csv FILE`.
        CallQuery query;
        query.profile = name;
        auto exported = CallHistory(*ctx).exportCsvFile(query, a.value(history));
        if (!exported)
            return s.refused(exported.error().message);
    }
    auto d = profiles.remove(name);
    if (!d)
        return s.refused(d.error().message);
    if (s.json())
        s.out().json(
            {{QStringLiteral("returnedCredit"), d->returnedCredit.toString()},
             {QStringLiteral("releasedNumbers"), QJsonArray::fromStringList(d->releasedNumbers)},
             {QStringLiteral("unlinkedAccounts"), QJsonArray::fromStringList(d->unlinkedAccounts)},
             {QStringLiteral("deletedCalls"), d->deletedCalls}});
    else
        s.out().line(
            tr("Deleted %1. Returned to the company balance: %2; numbers back in the pool: %3; "
               "accounts unlinked: %4; call records deleted: %5.")
                .arg(d->name, d->returnedCredit.toString())
                .arg(d->releasedNumbers.size())
                .arg(d->unlinkedAccounts.size())
                .arg(d->deletedCalls));
    return Done;
}

} // namespace sb::ctl
