#include "app/ctl/PricesCommand.h"

#include "app/ctl/Session.h"
#include "core/base/UserText.h"
#include "core/numbers/PriceListStore.h"

#include <QJsonObject>

namespace sb::ctl {

QString PricesCommand::description() const
{
    return tr("The price list in force: showing it, and importing one in its place.");
}

QStringList PricesCommand::forms() const
{
    return {
        tr("prices show                                 bundle, channel and number prices, "
           "per-minute rates"),
        tr("prices import FILE                          replace the price list with FILE (JSON, "
           "validated whole)"),
    };
}

int PricesCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, true)) {
        s.out().block(help());
        return Done;
    }
    if (w.isEmpty())
        return s.usageError(tr("Usage: prices show|import ..."));
    const QString sub = w.first();
    if (sub == QLatin1String("show"))
        return show(w.mid(1), s);
    if (sub == QLatin1String("import"))
        return import(w.mid(1), s);
    return s.usageError(tr("Unknown prices command '%1'.").arg(UserText::quoted(sub)));
}

int PricesCommand::show(const QStringList& w, Session& s)
{
    if (!w.isEmpty())
        return s.usageError(tr("Usage: prices show"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const PriceListStore store(*ctx);
    auto imported = store.isImported();
    if (!imported)
        return s.refused(imported.error().message);
    const PriceList& prices = PriceListStore::current(*ctx);
    const QString source = *imported ? QStringLiteral("imported") : QStringLiteral("built-in");
    if (s.json()) {
        QJsonObject o = prices.toJson();
        o.insert(QStringLiteral("source"), source);
        s.out().json(o);
        return Done;
    }
    s.out().line(*imported ? tr("Price list in force: imported")
                           : tr("Price list in force: "
                                "built-in"));
    s.out().line(tr("US minute bundle (5000 minutes a month): %1 %2")
                     .arg(prices.bundlePrice().toString(), accountCurrency()));
    s.out().line(
        tr("Channel (a month): %1 %2").arg(prices.channelPrice().toString(), accountCurrency()));
    s.out().line(tr("Numbers (1, 3 and 12 months):"));
    for (const QString& country : prices.countries()) {
        QStringList cells{country};
        QString pattern = QStringLiteral("  %1");
        for (int months : PriceList::billingPeriods()) {
            cells << prices.numberPrice(country, months).value_or(Money()).toString();
            pattern += QStringLiteral("\t%") + QString::number(cells.size());
        }
        s.out().formatted(pattern, cells);
    }
    s.out().line(tr("Per-minute rates (prefix, rate, destination):"));
    for (const PriceList::Rate& r : prices.rates())
        s.out().formatted(QStringLiteral("  %1\t%2\t%3"),
                          {r.prefix, PriceList::rateText(r.perMinuteTenThousandths), r.name});
    return Done;
}

int PricesCommand::import(const QStringList& w, Session& s)
{
    if (w.size() != 1)
        return s.usageError(tr("Usage: prices import FILE"));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    auto done = PriceListStore(*ctx).importFile(w.first());
    if (!done)
        return s.refused(done.error().message);
    if (s.json())
        s.out().json({{QStringLiteral("file"), done->file},
                      {QStringLiteral("countries"), done->countries},
                      {QStringLiteral("rates"), done->rates}});
    else
        s.out().line(tr("Imported the price list %1: number prices for %2 countries, %3 "
                        "per-minute rates. It is in force now.")
                         .arg(done->file)
                         .arg(done->countries)
                         .arg(done->rates));
    return Done;
}

} // namespace sb::ctl
