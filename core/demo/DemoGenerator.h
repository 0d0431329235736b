#pragma once

#include "core/base/Error.h"
#include "core/numbers/PriceList.h"
#include "core/rating/CallImporter.h"
#include "core/storage/Context.h"
#include <QCoreApplication>

#include <QRandomGenerator>

#include <functional>

namespace sb {

/// Fills a database with a realistic generated account, reproducible from its seed, in ONE
/// transaction (a cancel or an error writes nothing):
/// - members (names from the five languages' staff, departments), a company top-up,
///   allocated credit and some auto-recharges;
/// - SIP profiles (IP-authenticated, 1–20 channels paid for a month by the company, credit);
/// - numbers across the catalogue's countries and areas, held by members and profiles and
///   paid by the company (the catalogue's free numbers, then its areas' blocks continued, up
///   to NumbersPerArea an area);
/// - call records over the last three months before the clock's now (DemoCallStream),
///   rated and charged through CallImporter like an imported Master.csv, so the books
///   balance as after any import. The company is topped up for everything it pays, and the
///   calls are made by members with credit or auto-recharge and by the profiles, so most
///   calls are paid.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(sb::DemoGenerator)

public:
    explicit DemoGenerator(const Context& ctx, const PriceList& prices = PriceList::builtIn())
        : m_ctx(ctx), m_prices(prices)
    {
    }

    static constexpr int MaxMembers = 1'000'000;
    static constexpr int MaxProfiles = 10'000;
    static constexpr int MaxNumbers = 1'000'000;
    static constexpr qint64 MaxCalls = 100'000'000;
    /// Numbers of an area the demo buys at most: the catalogue's block, continued past its
    /// end when more are asked for than the catalogue has free (valid numbers of the area only).
    static constexpr int NumbersPerArea = 2000;

    struct Options
    {
        int members = 200;
        quint32 seed = 1;
        int profiles = 0;
        int numbers = 0; ///< asked for; at most NumbersPerArea free ones an area are bought
        qint64 calls = 0;
        /// Invented members and money go only into an empty account unless this says the
        /// admin confirmed mixing them into the one there (switchboardctl demo --yes).
        bool intoExistingAccount = false;
    };
    struct Summary
    {
        int members = 0;
        int autoRecharges = 0;
        qint64 creditAllocatedCents = 0; ///< to members and profiles
        int profiles = 0;
        int channels = 0;
        int numbers = 0;
        int bundles = 0; ///< US minute bundles of the profiles, in force today
        qint64 topUpCents = 0;
        CallImportReport calls; ///< what importing the generated calls did
    };
    /// Reports (done, total); returning false cancels and writes nothing.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Refused (nothing written) when the database already holds members, SIP profiles or
    /// ledger entries, unless `options.intoExistingAccount`.
    Result<Summary> generate(const Options& options, const Progress& progress = {}) const;
    /// Why the demo would mix into an account already there; empty for an empty database.
    Result<QString> accountInUse() const;

private:
    struct PlannedProfile
    {
        QString name, department, email, ip;
        int channels = 1;
        int bundles = 0; ///< US minute bundles, bought three months ago and renewed since
        Money credit;
    };
    struct PlannedNumber
    {
        QString e164, country, area;
        int months = 1;
        Money price;
    };
    Result<QList<PlannedProfile>> planProfiles(QRandomGenerator& rng, int count,
                                               qint64 calls) const;
    Result<QList<PlannedNumber>> planNumbers(QRandomGenerator& rng, int count) const;
    /// (id, is a profile) of members and profiles already in the database.
    struct Holder
    {
        qint64 id; ///< the member's or the profile's
        qint64 accountId;
        bool profile;
    };
    Result<QList<Holder>> existingHolders() const;
    /// Members with credit or auto-recharge, and profiles, already in the database.
    Result<std::pair<QStringList, QStringList>> existingPayers() const;

    const Context& m_ctx;
    const PriceList& m_prices;
};

} // namespace sb
