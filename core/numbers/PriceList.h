#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb {

/// Prices in force: numbers per country and billing period, the US minute bundle, the
/// channel, and per-minute rates by destination prefix. Shipped as a resource.
class PriceList
{
    Q_DECLARE_TR_FUNCTIONS(sb::PriceList)

public:
    /// A per-minute rate in ten-thousandths of the currency (0.0230 → 230): finer than cents.
    struct Rate
    {
        QString prefix;
        qint64 perMinuteTenThousandths = 0;
        QString name;
    };

    /// The price list shipped with the program (resources/data/pricelist.json).
    static const PriceList& builtIn();
    static Result<PriceList> fromJson(const QByteArray& json);

    /// A price list file larger than this is refused before it is read.
    static constexpr qint64 MaxFileBytes = 1 << 20;
    /// The highest price (a number, the bundle, a channel) and per-minute rate (10.0000)
    /// an imported list may hold: more is a typing error, not a price.
    static constexpr qint64 MaxPriceCents = 1'000'000;
    static constexpr qint64 MaxRateTenThousandths = 100'000;

    /// Validates a price list file whole, as `prices import` takes it: UTF-8 JSON of at most
    /// MaxFileBytes; `currency` (if given) the account currency; `numbers` with a price for
    /// each billing period of every country of the number catalogue and no other; positive
    /// `bundle` and `channel` prices; `rates` with a unique prefix of digits and a rate
    /// ("0.0230", at most four decimals, 0 allowed) each; no unknown field anywhere; money
    /// as strings. The first problem is refused with a message naming it and where it is.
    static Result<PriceList> validated(const QByteArray& bytes);

    /// The list as the JSON of its file format (money and rates as strings: "30.00",
    /// "0.0230"): what `prices show --json` prints and what an imported list is stored as.
    QJsonObject toJson() const;
    /// The countries with number prices, sorted.
    QStringList countries() const;
    /// "0.0230" for 230 ten-thousandths.
    static QString rateText(qint64 tenThousandths);

    /// The price of a number in `country` for `months` (1, 3 or 12), if sold there.
    std::optional<Money> numberPrice(const QString& country, int months) const;
    Money bundlePrice() const { return m_bundle; }
    Money channelPrice() const { return m_channel; }
    const QList<Rate>& rates() const { return m_rates; }

    static const QList<int>& billingPeriods();

private:
    QHash<QString, QHash<int, Money>> m_numbers;
    Money m_bundle = Money::fromCents(3000);
    Money m_channel = Money::fromCents(695);
    QList<Rate> m_rates;
};

} // namespace sb
