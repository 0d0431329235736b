#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/NumberHolder.h"
#include "core/numbers/NumberQuery.h"
#include "core/numbers/NumberRecord.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>

namespace sb {

class Transaction;

/// Numbers: what can be bought where and at what price, buying for members or SIP
/// profiles (the company pays, all or nothing), reassigning, cancelling, and the renewals
/// and releases that billing runs.
class NumberService
{
    Q_DECLARE_TR_FUNCTIONS(sb::NumberService)

public:
    /// With the price list in force (PriceListStore::current).
    explicit NumberService(const Context& ctx) : NumberService(ctx, PriceListStore::current(ctx)) {}
    NumberService(const Context& ctx, const PriceList& prices,
                  const NumberCatalogue& catalogue = NumberCatalogue::builtIn())
        : m_ctx(ctx), m_prices(prices), m_catalogue(catalogue)
    {
    }

    struct AreaInfo
    {
        QString code;
        QString place; ///< in the requested language where the geocoder knows it
        int available = 0;
        int total = 0;
    };
    Result<const NumberCatalogue::Country*> country(const QString& code) const;
    Result<QList<AreaInfo>> areas(const QString& country,
                                  const QString& language = QStringLiteral("en")) const;
    Result<QMap<int, Money>> prices(const QString& country) const;

    struct BuyRequest
    {
        QString country;
        QString area;
        int months = 1;
        QList<NumberHolder> holders; ///< one number each
        bool acceptTerms = false;
    };
    struct Purchase
    {
        QString e164;
        Money price;
        QDate expires;
        NumberHolder holder;
    };
    /// Checks everything a purchase needs without buying: the price in total, or the reason not.
    Result<Money> quote(const BuyRequest& request) const;
    Result<QList<Purchase>> buy(const BuyRequest& request) const;
    Result<NumberRecord> assign(const QString& e164, const NumberHolder& to) const;
    Result<NumberRecord> cancel(const QString& e164) const;
    Result<NumberRecord> find(const QString& e164) const;
    /// Up to query.limit numbers after query.after, in the query's order (ties by id).
    Result<QList<NumberRecord>> page(const NumberQuery& query) const;
    /// Where the page after `n` starts in `sort` order (NumberQuery::after).
    static SeekKey seekKey(const NumberRecord& n, NumberQuery::Sort sort);
    Result<qint64> count(const NumberQuery& query) const;

    /// True if the country asks the holder to accept terms before buying.
    bool termsRequired(const QString& country) const;
    /// "+1 (212) 555-0100" -> "+12125550100"; empty if it is no E.164 number.
    static QString normalize(const QString& text);

    struct DueReport
    {
        int renewed = 0;       ///< periods paid: a number three periods behind counts three
        int released = 0;      ///< cancelled numbers whose period ended
        int expiredUnpaid = 0; ///< renewals the company could not pay
        Money spent;
        QStringList messages;
    };
    /// Inside the caller's transaction: renewals and releases due by now.
    Result<DueReport> processDue(Transaction& tx) const;

private:
    struct ResolvedHolder
    {
        NumberHolder holder;
        qint64 id = 0;
    };
    Result<ResolvedHolder> resolve(const NumberHolder& holder) const;
    Result<void> validate(const BuyRequest& r, const NumberCatalogue::Country** country,
                          Money* price) const;

    const Context& m_ctx;
    const PriceList& m_prices;
    const NumberCatalogue& m_catalogue;
};

} // namespace sb
