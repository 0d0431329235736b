#include "core/numbers/PriceList.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

static void initCoreResources()
{
    // Resources of a static library must be registered by name before first use.
    Q_INIT_RESOURCE(core_data);
}

namespace sb {

namespace {
// "0.0230" -> 230 ten-thousandths, without floating point.
std::optional<qint64> parseRate(const QString& text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? text : text.left(dot);
    QString frac = dot < 0 ? QString() : text.mid(dot + 1);
    if (frac.size() > 4)
        return std::nullopt;
    frac = frac.leftJustified(4, QLatin1Char('0'));
    bool ok1 = false, ok2 = false;
    const qint64 w = whole.toLongLong(&ok1);
    const qint64 f = frac.toLongLong(&ok2);
    if (!ok1 || !ok2 || w < 0)
        return std::nullopt;
    return w * 10000 + f;
}
} // namespace

const QList<int>& PriceList::billingPeriods()
{
    static const QList<int> p{1, 3, 12};
    return p;
}

const PriceList& PriceList::builtIn()
{
    static const PriceList list = [] {
        initCoreResources();
        QFile f(QStringLiteral(":/data/pricelist.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("The built-in price list is missing from the resources.");
        auto parsed = fromJson(f.readAll());
        if (!parsed)
            qFatal("The built-in price list is broken: %s", qPrintable(parsed.error().message));
        return parsed.value();
    }();
    return list;
}

Result<PriceList> PriceList::fromJson(const QByteArray& json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (doc.isNull() || !doc.isObject())
        return Error::invalid(tr("The price list is not valid JSON: %1").arg(err.errorString()));
    const QJsonObject root = doc.object();
    PriceList out;
    const QJsonObject numbers = root.value(QStringLiteral("numbers")).toObject();
    for (auto it = numbers.begin(); it != numbers.end(); ++it) {
        const QJsonObject periods = it.value().toObject();
        for (int months : billingPeriods()) {
            const QString text = periods.value(QString::number(months)).toString();
            const auto price = Money::parse(text);
            if (!price || !price->isPositive())
                return Error::invalid(tr("The price list has no valid %1-month price for %2.")
                                          .arg(months)
                                          .arg(it.key()));
            out.m_numbers[it.key()].insert(months, *price);
        }
    }
    const auto bundle = Money::parse(root.value(QStringLiteral("bundle")).toString());
    const auto channel = Money::parse(root.value(QStringLiteral("channel")).toString());
    if (!bundle || !bundle->isPositive() || !channel || !channel->isPositive())
        return Error::invalid(tr("The price list needs positive bundle and channel prices."));
    out.m_bundle = *bundle;
    out.m_channel = *channel;
    const QJsonArray rates = root.value(QStringLiteral("rates")).toArray();
    for (const QJsonValue& v : rates) {
        const QJsonObject o = v.toObject();
        const auto rate = parseRate(o.value(QStringLiteral("rate")).toString());
        const QString prefix = o.value(QStringLiteral("prefix")).toString();
        if (!rate || prefix.isEmpty())
            return Error::invalid(
                tr("The price list has a malformed rate for prefix \"%1\".").arg(prefix));
        out.m_rates.append({prefix, *rate, o.value(QStringLiteral("name")).toString()});
    }
    return out;
}

std::optional<Money> PriceList::numberPrice(const QString& country, int months) const
{
    const auto c = m_numbers.constFind(country.toUpper());
    if (c == m_numbers.cend())
        return std::nullopt;
    const auto p = c->constFind(months);
    if (p == c->cend())
        return std::nullopt;
    return *p;
}

} // namespace sb
