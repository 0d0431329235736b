#include "app/ctl/NumberCommand.h"

#include "app/ctl/JsonShapes.h"
#include "app/ctl/OptionParser.h"
#include "app/ctl/Session.h"
#include "core/base/PhoneNumbers.h"
#include "core/base/UserText.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/NumberService.h"

#include <QJsonArray>

namespace sb::ctl {

namespace {

QCommandLineOption monthsOption()
{
    return {QStringLiteral("months"), NumberCommand::tr("The billing period: 1, 3 or 12 (buy)."),
            QStringLiteral("1|3|12")};
}

QCommandLineOption memberOption()
{
    return {QStringLiteral("member"),
            NumberCommand::tr("The member who holds the number (buy, assign)."),
            QStringLiteral("ACCOUNT")};
}

QCommandLineOption profileOption()
{
    return {QStringLiteral("profile"),
            NumberCommand::tr("The SIP profile that holds the number (buy, assign)."),
            QStringLiteral("NAME")};
}

QCommandLineOption acceptTermsOption()
{
    return {QStringLiteral("accept-terms"),
            NumberCommand::tr("Accept the country's terms where it has them (buy).")};
}

QCommandLineOption searchOption()
{
    return {QStringLiteral("search"), NumberCommand::tr("Only numbers matching TEXT (list)."),
            QStringLiteral("TEXT")};
}

QCommandLineOption countryOption()
{
    return {QStringLiteral("country"), NumberCommand::tr("Only numbers of this country (list)."),
            QStringLiteral("CC")};
}

// Exactly one of --member and --profile; a usage error otherwise.
std::optional<NumberHolder> holderFrom(const OptionParser& a, const Session& s)
{
    const bool member = a.isSet(QStringLiteral("member"));
    const bool profile = a.isSet(QStringLiteral("profile"));
    if (member == profile) {
        s.usageError(
            NumberCommand::tr("Name exactly one holder: --member ACCOUNT or --profile NAME."));
        return std::nullopt;
    }
    return member ? NumberHolder::member(a.value(QStringLiteral("member")))
                  : NumberHolder::profile(a.value(QStringLiteral("profile")));
}

} // namespace

QString NumberCommand::description() const
{
    return tr("Phone numbers: where to buy them, buying, assigning, cancelling and listing.");
}

QStringList NumberCommand::forms() const
{
    return {
        tr("number countries                            where numbers can be bought"),
        tr("number areas COUNTRY                        area codes with place names and numbers "
           "left"),
        tr("number prices COUNTRY                       price per billing period (1, 3, 12 "
           "months)"),
        tr("number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT | --profile NAME) "
           "[--accept-terms]"),
        tr("number assign E164 (--member ACCOUNT | --profile NAME)"),
        tr("number cancel E164                          usable until the end of its period, no "
           "refund"),
        tr("number list [--search TEXT] [--country CC]  every number the company has or had"),
    };
}

QList<QCommandLineOption> NumberCommand::options() const
{
    return {monthsOption(),      memberOption(), profileOption(),
            acceptTermsOption(), searchOption(), countryOption()};
}

int NumberCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: number countries|areas|prices|buy|assign|cancel|list ..."));
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (sub == QLatin1String("countries"))
        return countries(rest, s);
    if (sub == QLatin1String("areas") || sub == QLatin1String("prices"))
        return areasOrPrices(w, s);
    if (sub == QLatin1String("buy"))
        return buy(rest, s);
    if (sub == QLatin1String("assign"))
        return assign(rest, s);
    if (sub == QLatin1String("cancel"))
        return cancel(rest, s);
    if (sub == QLatin1String("list"))
        return list(rest, s);
    return s.usageError(tr("Unknown number command '%1'.").arg(UserText::quoted(sub)));
}

int NumberCommand::countries(const QStringList& w, Session& s)
{
    if (!w.isEmpty())
        return s.usageError(tr("Usage: number countries"));
    QJsonArray list;
    for (const auto& c : NumberCatalogue::builtIn().countries()) {
        if (s.json())
            list.append(QJsonObject{{QStringLiteral("code"), c.code},
                                    {QStringLiteral("name"), c.name},
                                    {QStringLiteral("termsRequired"), c.termsRequired}});
        else
            s.out().formatted(QStringLiteral("%1\t%2") +
                                  (c.termsRequired ? tr("\t(terms must be accepted)") : QString()),
                              {c.code, c.name});
    }
    if (s.json())
        s.out().json({{QStringLiteral("countries"), list}});
    return Done;
}

// `w` starts with the subcommand: the two share their form and differ in what they print.
int NumberCommand::areasOrPrices(const QStringList& w, Session& s)
{
    const QString sub = w.first();
    const QStringList rest = w.mid(1);
    if (rest.size() != 1 || rest.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: number %1 COUNTRY").arg(sub));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const NumberService numbers(*ctx);
    if (sub == QLatin1String("areas")) {
        auto areas = numbers.areas(rest.first());
        if (!areas)
            return s.refused(areas.error().message);
        QJsonArray list;
        for (const auto& a : std::as_const(*areas)) {
            if (s.json())
                list.append(QJsonObject{{QStringLiteral("code"), a.code},
                                        {QStringLiteral("place"), a.place},
                                        {QStringLiteral("available"), a.available}});
            else
                s.out().formatted(tr("%1\t%2\t%n available", nullptr, a.available),
                                  {a.code, a.place});
        }
        if (s.json())
            s.out().json({{QStringLiteral("areas"), list}});
        return Done;
    }
    auto prices = numbers.prices(rest.first());
    if (!prices)
        return s.refused(prices.error().message);
    QJsonObject o;
    for (auto it = prices->cbegin(); it != prices->cend(); ++it) {
        o.insert(QString::number(it.key()), it.value().toString());
        if (!s.json())
            s.out().line(tr("%n month(s): %1", nullptr, it.key()).arg(it.value().toString()));
    }
    if (s.json())
        s.out().json({{QStringLiteral("prices"), o}});
    return Done;
}

int NumberCommand::buy(const QStringList& w, Session& s)
{
    OptionParser a({monthsOption(), memberOption(), profileOption(), acceptTermsOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 2 || !a.isSet(QStringLiteral("months")))
        return s.usageError(tr("Usage: number buy COUNTRY AREA --months 1|3|12 (--member ACCOUNT "
                               "| --profile NAME) "
                               "[--accept-terms]"));
    const auto holder = holderFrom(a, s);
    if (!holder)
        return Usage;
    bool ok = false;
    const int months = a.value(QStringLiteral("months")).toInt(&ok);
    if (!ok)
        return s.refused(tr("--months: \"%1\" is not 1, 3 or 12.")
                             .arg(UserText::quoted(a.value(QStringLiteral("months")))));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    NumberService::BuyRequest r{a.positional()[0],
                                a.positional()[1],
                                months,
                                {*holder},
                                a.isSet(QStringLiteral("accept-terms"))};
    auto bought = NumberService(*ctx).buy(r);
    if (!bought)
        return s.refused(bought.error().message);
    const auto& p = bought->first();
    if (s.json())
        s.out().json({{QStringLiteral("number"), p.e164},
                      {QStringLiteral("price"), p.price.toString()},
                      {QStringLiteral("expires"), p.expires.toString(Qt::ISODate)}});
    else
        s.out().line(tr("Bought %1 (%2) for %3, paid %4; it renews on %5.")
                         .arg(p.e164, PhoneNumbers::formatNational(p.e164), p.holder.name,
                              p.price.toString(), p.expires.toString(Qt::ISODate)));
    return Done;
}

int NumberCommand::assign(const QStringList& w, Session& s)
{
    OptionParser a({memberOption(), profileOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (a.positional().size() != 1)
        return s.usageError(tr("Usage: number assign E164 (--member ACCOUNT | --profile NAME)"));
    const auto holder = holderFrom(a, s);
    if (!holder)
        return Usage;
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const NumberService numbers(*ctx);
    auto n = numbers.assign(a.positional().constFirst(), *holder);
    if (!n)
        return s.refused(n.error().message);
    const QString reminder =
        numbers.termsRequired(n->country)
            ? tr("Reminder: the terms of numbers in %1 (for example a local address) still "
                 "apply "
                 "to the new holder.")
                  .arg(NumberCatalogue::countryName(n->country))
            : tr("Reminder: the number's terms still apply to the new holder.");
    if (s.json()) {
        QJsonObject o = JsonShapes::number(*n);
        o.insert(QStringLiteral("reminder"), reminder);
        s.out().json(o);
    } else {
        s.out().line(tr("%1 now belongs to %2.").arg(n->e164, n->holder.name));
        s.out().line(reminder);
    }
    return Done;
}

int NumberCommand::cancel(const QStringList& w, Session& s)
{
    if (w.size() != 1 || w.first().startsWith(QLatin1String("--")))
        return s.usageError(tr("Usage: number cancel E164"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto n = NumberService(*ctx).cancel(w.first());
    if (!n)
        return s.refused(n.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("number"), n->e164},
                      {QStringLiteral("expires"), n->expires.toString(Qt::ISODate)}});
    else
        s.out().line(tr("%1 is cancelled: usable until %2, then released. No refund.")
                         .arg(n->e164, n->expires.toString(Qt::ISODate)));
    return Done;
}

int NumberCommand::list(const QStringList& w, Session& s)
{
    OptionParser a({searchOption(), countryOption()});
    if (const auto end = parse(a, w, s))
        return *end;
    if (!a.positional().isEmpty())
        return s.usageError(tr("Usage: number list [--search TEXT] [--country CC]"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    NumberQuery q;
    q.search = a.value(QStringLiteral("search"));
    q.country = a.value(QStringLiteral("country"));
    q.limit = 2000;
    const NumberService numbers(*ctx);
    QJsonArray list;
    for (;;) {
        auto page = numbers.page(q);
        if (!page)
            return s.refused(page.error().message);
        for (const NumberRecord& n : std::as_const(*page)) {
            if (s.json())
                list.append(JsonShapes::number(n));
            else
                s.out().formatted(QStringLiteral("%1\t%2\t%3\t%4\t%5"),
                                  {n.e164, n.holder.isNone() ? QStringLiteral("-") : n.holder.name,
                                   n.expires.toString(Qt::ISODate), n.status,
                                   n.cancelled ? tr("cancelled") : QString()});
        }
        if (page->size() < q.limit)
            break;
        q.after = NumberService::seekKey(page->last(), q.sort);
    }
    if (s.json())
        s.out().json({{QStringLiteral("numbers"), list}});
    return Done;
}

} // namespace sb::ctl
