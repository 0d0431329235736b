#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

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
