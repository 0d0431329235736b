#include "core/numbers/PriceList.h"

#include "core/base/UserText.h"
#include "core/numbers/NumberCatalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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
            return Error::invalid(tr("The price list has a malformed rate for prefix \"%1\".")
                                      .arg(UserText::quoted(prefix)));
        out.m_rates.append({prefix, *rate, o.value(QStringLiteral("name")).toString()});
    }
    return out;
}

namespace {

// The byte offset of the first byte that is not part of valid UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray& b)
{
    const auto* p = reinterpret_cast<const unsigned char*>(b.constData());
    const qsizetype n = b.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int more = 0;
        unsigned int cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            more = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            more = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            more = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + more >= n)
            return i;
        for (int k = 1; k <= more; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        static constexpr unsigned int minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[more] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
            return i;
        i += more + 1;
    }
    return -1;
}

// Line and column (from 1) of a byte offset, for messages.
std::pair<int, int> lineAndColumn(const QByteArray& b, qsizetype offset)
{
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < b.size(); ++i) {
        if (b.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(b.at(i)) & 0xc0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

std::optional<QString> unknownKey(const QJsonObject& o, const QStringList& known)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return it.key();
    }
    return std::nullopt;
}

} // namespace

Result<PriceList> PriceList::validated(const QByteArray& bytes)
{
    if (bytes.size() > MaxFileBytes)
        return Error::invalid(tr("The price list is too large (%1 bytes; at most %2).")
                                  .arg(bytes.size())
                                  .arg(MaxFileBytes));
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0) {
        const auto [line, column] = lineAndColumn(bytes, bad);
        return Error::invalid(
            tr("The price list is not UTF-8 text: the first bad byte is at line %1, column %2 "
               "(byte %3).")
                .arg(line)
                .arg(column)
                .arg(bad + 1));
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(bytes, err.offset);
        return Error::invalid(tr("The price list is not valid JSON: %1 at line %2, column %3.")
                                  .arg(err.errorString())
                                  .arg(line)
                                  .arg(column));
    }
    if (!doc.isObject())
        return Error::invalid(tr("The price list must be a JSON object with \"numbers\", "
                                 "\"bundle\", \"channel\" and \"rates\"."));
    const QJsonObject root = doc.object();
    if (auto k = unknownKey(root, {QStringLiteral("currency"), QStringLiteral("numbers"),
                                   QStringLiteral("bundle"), QStringLiteral("channel"),
                                   QStringLiteral("rates")}))
        return Error::invalid(
            tr("The price list has an unknown field \"%1\".").arg(UserText::quoted(*k)));
    if (root.contains(QStringLiteral("currency")) &&
        root.value(QStringLiteral("currency")).toString() != accountCurrency())
        return Error::invalid(
            tr("The price list's currency must be %1 (the account's).").arg(accountCurrency()));
    // A money field: a string in the machine format, above zero and not absurd.
    const auto price = [](const QJsonValue& v, const QString& where) -> Result<Money> {
        if (v.isUndefined() || v.isNull())
            return Error::invalid(tr("The price list has no %1.").arg(where));
        const auto m = v.isString() ? Money::parse(v.toString()) : std::nullopt;
        if (!m)
            return Error::invalid(
                tr("The price list's %1 must be an amount written as a string, like \"6.00\".")
                    .arg(where));
        if (!m->isPositive() || m->cents() > MaxPriceCents)
            return Error::invalid(
                tr("The price list's %1 (%2) must be above 0 and at most %3.")
                    .arg(where, v.toString(), Money::fromCents(MaxPriceCents).toString()));
        return *m;
    };

    PriceList out;
    const QJsonValue numbersValue = root.value(QStringLiteral("numbers"));
    if (!numbersValue.isObject())
        return Error::invalid(tr("The price list has no \"numbers\" object of number prices."));
    const QJsonObject numbers = numbersValue.toObject();
    QStringList known;
    for (const auto& c : NumberCatalogue::builtIn().countries())
        known << c.code;
    if (auto k = unknownKey(numbers, known))
        return Error::invalid(
            tr("The price list has number prices for \"%1\", which is not a country numbers are "
               "sold in (%2).")
                .arg(UserText::quoted(*k), known.join(QStringLiteral(", "))));
    QStringList periodKeys;
    for (int months : billingPeriods())
        periodKeys << QString::number(months);
    for (const QString& country : std::as_const(known)) {
        const QJsonValue c = numbers.value(country);
        if (!c.isObject())
            return Error::invalid(
                tr("The price list has no number prices for %1 (\"numbers\": {\"%1\": {\"1\": "
                   "…, \"3\": …, \"12\": …}}).")
                    .arg(country));
        const QJsonObject periods = c.toObject();
        if (auto k = unknownKey(periods, periodKeys))
            return Error::invalid(
                tr("The price list has a number price for \"%1\" months in %2; numbers are sold "
                   "for %3 months.")
                    .arg(UserText::quoted(*k), country, periodKeys.join(QStringLiteral(", "))));
        for (int months : billingPeriods()) {
            auto p = price(periods.value(QString::number(months)),
                           tr("%1-month number price for %2").arg(months).arg(country));
            if (!p)
                return p.error();
            out.m_numbers[country].insert(months, *p);
        }
    }
    auto bundle = price(root.value(QStringLiteral("bundle")), tr("bundle price"));
    if (!bundle)
        return bundle.error();
    auto channel = price(root.value(QStringLiteral("channel")), tr("channel price"));
    if (!channel)
        return channel.error();
    out.m_bundle = *bundle;
    out.m_channel = *channel;

    const QJsonValue ratesValue = root.value(QStringLiteral("rates"));
    if (!ratesValue.isArray() || ratesValue.toArray().isEmpty())
        return Error::invalid(tr("The price list has no \"rates\" list of per-minute rates."));
    QHash<QString, int> seen; // prefix → its entry (from 1)
    const QJsonArray rates = ratesValue.toArray();
    for (qsizetype i = 0; i < rates.size(); ++i) {
        const int n = static_cast<int>(i + 1);
        if (!rates.at(i).isObject())
            return Error::invalid(tr("Rate %1 of the price list is not an object with "
                                     "\"prefix\", \"rate\" and \"name\".")
                                      .arg(n));
        const QJsonObject o = rates.at(i).toObject();
        if (auto k = unknownKey(
                o, {QStringLiteral("prefix"), QStringLiteral("rate"), QStringLiteral("name")}))
            return Error::invalid(tr("Rate %1 of the price list has an unknown field \"%2\".")
                                      .arg(n)
                                      .arg(UserText::quoted(*k)));
        const QString prefix = o.value(QStringLiteral("prefix")).toString();
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,15}\\z"));
        if (!o.value(QStringLiteral("prefix")).isString() || !digits.match(prefix).hasMatch())
            return Error::invalid(tr("Rate %1 of the price list needs a \"prefix\" of 1 to 15 "
                                     "digits (the country code first, like \"447\").")
                                      .arg(n));
        if (const int first = seen.value(prefix); first > 0)
            return Error::invalid(tr("The prefix %1 is in the price list twice (rates %2 and %3).")
                                      .arg(prefix)
                                      .arg(first)
                                      .arg(n));
        seen.insert(prefix, n);
        const QJsonValue rv = o.value(QStringLiteral("rate"));
        const QString rateString = rv.toString();
        if (rv.isString() && rateString.startsWith(QLatin1Char('-')))
            return Error::invalid(
                tr("The rate for prefix %1 (rate %2 of the price list) is negative: %3.")
                    .arg(prefix)
                    .arg(n)
                    .arg(rateString));
        static const QRegularExpression rateForm(QStringLiteral("^[0-9]{1,6}(\\.[0-9]{1,4})?\\z"));
        const auto rate = rv.isString() && rateForm.match(rateString).hasMatch()
                              ? parseRate(rateString)
                              : std::nullopt;
        if (!rate)
            return Error::invalid(tr("The rate for prefix %1 (rate %2 of the price list) must "
                                     "be a string like \"0.0230\", with at most four decimals.")
                                      .arg(prefix)
                                      .arg(n));
        if (*rate > MaxRateTenThousandths)
            return Error::invalid(tr("The rate for prefix %1 (rate %2 of the price list) is %3 a "
                                     "minute; at most %4 is accepted.")
                                      .arg(prefix)
                                      .arg(n)
                                      .arg(rateText(*rate), rateText(MaxRateTenThousandths)));
        const QJsonValue name = o.value(QStringLiteral("name"));
        if (!name.isUndefined() && (!name.isString() || UserText::length(name.toString()) > 200))
            return Error::invalid(tr("The name of prefix %1 (rate %2 of the price list) must be "
                                     "text of at most 200 characters.")
                                      .arg(prefix)
                                      .arg(n));
        out.m_rates.append({prefix, *rate, name.toString()});
    }
    return out;
}

QJsonObject PriceList::toJson() const
{
    QJsonObject numbers;
    for (const QString& country : countries()) {
        QJsonObject periods;
        for (int months : billingPeriods()) {
            if (const auto p = numberPrice(country, months))
                periods.insert(QString::number(months), p->toString());
        }
        numbers.insert(country, periods);
    }
    QJsonArray rates;
    for (const Rate& r : m_rates)
        rates.append(QJsonObject{{QStringLiteral("prefix"), r.prefix},
                                 {QStringLiteral("rate"), rateText(r.perMinuteTenThousandths)},
                                 {QStringLiteral("name"), r.name}});
    return {{QStringLiteral("currency"), accountCurrency()},
            {QStringLiteral("numbers"), numbers},
            {QStringLiteral("bundle"), m_bundle.toString()},
            {QStringLiteral("channel"), m_channel.toString()},
            {QStringLiteral("rates"), rates}};
}

QStringList PriceList::countries() const
{
    QStringList out = m_numbers.keys();
    out.sort();
    return out;
}

QString PriceList::rateText(qint64 tenThousandths)
{
    return QStringLiteral("%1.%2")
        .arg(tenThousandths / 10000)
        .arg(tenThousandths % 10000, 4, 10, QLatin1Char('0'));
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
