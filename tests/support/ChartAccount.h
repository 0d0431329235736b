#pragma once

// A known account for the chart tests (core, models, GUI), built through the services at
// times the clock is set to; it ends with the clock at 2026-03-10 12:00 UTC. What the charts
// must show, worked out by hand:
// - 2026-01-15 10:00: company top-up 500.00; a US number (1 month, 6.00 in the shipped list)
//   for alice.smith (Sales).                          company 494.00
// - 2026-03-01 09:00: SIP profile Desk (Support, 3 channels × 6.95 = 20.85) and Front (Front
//   office, 2 channels = 13.90); 100.00 allocated to Desk, 80.00 to Front, 10.00 to alice;
//   Desk buys 1 bundle (30.00), Front 2 (60.00).      company 494.00 − 20.85 − 13.90 − 190.00
//                                                              = 269.25
// - 2026-03-10 12:00: calls imported (rate 0.01 a minute to +1, the test price list):
//   Desk, to US numbers (its bundle): 2026-03-09 09:00 600 s, 09:05 600 s, 09:10:05 60 s
//   (starts as the first ends), 23:50 1200 s (over midnight), 2026-03-10 00:05 60 s;
//   2026-03-05 10:00 not answered (5 s of ringing); 2026-01-20 08:00 60 s (before the
//   bundle: charged 0.01). Each call rings 5 s before its billsec (CdrLines).
//   alice.smith: 2026-03-02 10:00 600 s → 10 minutes, 0.10.
//   Bundle minutes of Desk: 10 + 10 + 1 + 20 + 1 = 42 of 5000; Front 0 of 10000.
//   Peaks of Desk: 03-05: 1, 03-09: 2, 03-10: 2 (the 23:50 call still going), else 0.
// Spending (booking month = when the money moved):
//   2026-01: numbers 6.00 (Sales)
//   2026-03: channels 34.75 (Support 20.85, Front office 13.90), bundles 90.00 (Support
//            30.00, Front office 60.00), calls 0.11 (Sales 0.10, Support 0.01)

#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/numbers/PriceList.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/Context.h"
#include "tests/support/CdrLines.h"

#include <QBuffer>
#include <QDateTime>

namespace sbt {

inline const sb::PriceList& chartPrices()
{
    static const sb::PriceList p = [] {
        auto r = sb::PriceList::fromJson(R"({"numbers": {}, "bundle": "30.00", "channel": "6.95",
            "rates": [{"prefix": "1", "rate": "0.0100", "name": "NANP"}]})");
        if (!r)
            qFatal("test price list: %s", qPrintable(r.error().message));
        return *r;
    }();
    return p;
}

inline QDateTime chartUtc(int y, int mo, int d, int h, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

/// Builds the account above; returns an error message, empty on success.
inline QString buildChartAccount(const sb::Context& ctx, sb::FixedClock& clock)
{
    using namespace sb;
    const auto fail = [](const Error& e) { return e.message; };
    clock.set(chartUtc(2026, 1, 15, 10));
    if (auto t = CompanyService(ctx).topUp(Money::fromCents(50000), QStringLiteral("T1")); !t)
        return fail(t.error());
    if (auto a = MemberService(ctx).add({QStringLiteral("alice.smith"), QStringLiteral("Alice"),
                                         QString(), QStringLiteral("Sales")});
        !a)
        return fail(a.error());
    if (auto b = NumberService(ctx).buy({QStringLiteral("US"),
                                         QStringLiteral("212"),
                                         1,
                                         {NumberHolder::member(QStringLiteral("alice.smith"))},
                                         true});
        !b)
        return fail(b.error());

    clock.set(chartUtc(2026, 3, 1, 9));
    const ProfileService profiles(ctx, chartPrices());
    const auto profile = [&](const QString& name, const QString& department, int channels,
                             qint64 credit, int bundles) -> QString {
        NewSipProfile p;
        p.name = name;
        p.department = department;
        p.auth = SipProfile::Auth::Ip;
        p.ip = QStringLiteral("8.8.4.4");
        p.channels = channels;
        if (auto c = profiles.create(p); !c)
            return fail(c.error());
        if (auto c = profiles.allocateCredit(name, Money::fromCents(credit)); !c)
            return fail(c.error());
        if (auto b = BundleService(ctx, chartPrices()).add(name, bundles); !b)
            return fail(b.error());
        return {};
    };
    if (QString e = profile(QStringLiteral("Desk"), QStringLiteral("Support"), 3, 10000, 1);
        !e.isEmpty())
        return e;
    if (QString e = profile(QStringLiteral("Front"), QStringLiteral("Front office"), 2, 8000, 2);
        !e.isEmpty())
        return e;
    if (auto a =
            CreditService(ctx).allocate(Money::fromCents(1000), {QStringLiteral("alice.smith")});
        !a)
        return fail(a.error());

    clock.set(chartUtc(2026, 3, 10, 12));
    const QString desk = QStringLiteral("Desk");
    const QString us = QStringLiteral("+12125550100");
    QBuffer file;
    file.setData(asteriskLine(desk, us, chartUtc(2026, 3, 9, 9), 600, QStringLiteral("d1")) +
                 asteriskLine(desk, us, chartUtc(2026, 3, 9, 9, 5), 600, QStringLiteral("d2")) +
                 asteriskLine(desk, us, chartUtc(2026, 3, 9, 9, 10, 5), 60, QStringLiteral("d3")) +
                 asteriskLine(desk, us, chartUtc(2026, 3, 9, 23, 50), 1200, QStringLiteral("d4")) +
                 asteriskLine(desk, us, chartUtc(2026, 3, 10, 0, 5), 60, QStringLiteral("d5")) +
                 asteriskLine(desk, us, chartUtc(2026, 3, 5, 10), 0, QStringLiteral("d6")) +
                 asteriskLine(desk, us, chartUtc(2026, 1, 20, 8), 60, QStringLiteral("d7")) +
                 asteriskLine(QStringLiteral("alice.smith"), us, chartUtc(2026, 3, 2, 10), 600,
                              QStringLiteral("a1")));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("buffer");
    if (auto r = CallImporter(ctx, chartPrices()).import(&file, {}); !r)
        return fail(r.error());
    return {};
}

} // namespace sbt
