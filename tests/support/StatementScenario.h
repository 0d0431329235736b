#pragma once

// A February and a March of a small office, for the monthly statement's tests: top-ups,
// allocations to members and SIP profiles, numbers, channels, US minute bundles (bought, then
// changed with a refund), calls imported from Asterisk lines, an auto-recharge, and a deleted
// profile's credit returned. Needs tests/support/CoreTest.h's Env.

#include "tests/support/CdrLines.h"
#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"

#include <QBuffer>

#include <tuple>

namespace sbt {

using namespace sb;

inline QString importCalls(const sb::Context& ctx, const QByteArray& lines)
{
    QBuffer buffer;
    buffer.setData(lines);
    buffer.open(QIODevice::ReadOnly);
    CallImportOptions o;
    o.fileName = QStringLiteral("Master.csv");
    auto r = CallImporter(ctx).import(&buffer, o);
    if (!r)
        return r.error().message;
    if (r->problemCount != 0 || !r->unknownAccounts.isEmpty())
        return QStringLiteral("import problems");
    return {};
}

/// February 2026 and March 2026 of a small office; returns a problem or empty.
inline QString buildStatementScenario(Env& env)
{
    const Context& ctx = *env.ctx;
    env.clock.set(sbt::utc(2026, 2, 3, 9));
    if (auto t = CompanyService(ctx).topUp(Money::fromCents(500000), QStringLiteral("BANK-1")); !t)
        return t.error().message;
    const MemberService members(ctx);
    for (const auto& [account, name, dep] : {std::tuple{"alice.berg", "Alice Berg", "Sales"},
                                             std::tuple{"bob.hansen", "Bob Hansen", "Support"},
                                             std::tuple{"carl.idle", "Carl Idle", "Sales"}}) {
        if (auto a = members.add({QString::fromUtf8(account), QString::fromUtf8(name), QString(),
                                  QString::fromUtf8(dep)});
            !a)
            return a.error().message;
    }
    const ProfileService profiles(ctx);
    for (const auto& [name, dep, ip, channels] :
         {std::tuple{"Office", "Support", "8.8.4.4", 2}, std::tuple{"Temp", "", "8.8.8.8", 1}}) {
        NewSipProfile p;
        p.name = QString::fromUtf8(name);
        p.department = QString::fromUtf8(dep);
        p.auth = SipProfile::Auth::Ip;
        p.ip = QString::fromUtf8(ip);
        p.channels = channels;
        if (auto c = profiles.create(p); !c)
            return c.error().message;
    }
    env.clock.set(sbt::utc(2026, 2, 4, 10));
    if (auto a = CreditService(ctx).allocate(
            Money::fromCents(5000), {QStringLiteral("alice.berg"), QStringLiteral("bob.hansen")});
        !a)
        return a.error().message;
    if (auto a = profiles.allocateCredit(QStringLiteral("Office"), Money::fromCents(20000)); !a)
        return a.error().message;
    if (auto a = profiles.allocateCredit(QStringLiteral("Temp"), Money::fromCents(1500)); !a)
        return a.error().message;
    if (auto b = NumberService(ctx).buy({QStringLiteral("US"),
                                         QStringLiteral("212"),
                                         1,
                                         {NumberHolder::member(QStringLiteral("alice.berg")),
                                          NumberHolder::profile(QStringLiteral("Office"))},
                                         false});
        !b)
        return b.error().message;
    if (auto b = BundleService(ctx).add(QStringLiteral("Office"), 1); !b)
        return b.error().message;
    if (auto r =
            CreditService(ctx).setAutoRecharge(QStringLiteral("bob.hansen"), Money::fromCents(2000),
                                               Money::fromCents(4999), Money::fromCents(10000));
        !r)
        return r.error().message;
    // Bob talks his balance below the threshold: auto-recharge.
    env.clock.set(sbt::utc(2026, 2, 20, 18));
    QByteArray feb;
    int n = 0;
    for (int i = 0; i < 6; ++i)
        feb += sbt::asteriskLine(QStringLiteral("bob.hansen"), QStringLiteral("00442071234567"),
                                 sbt::utc(2026, 2, 10, 9, i), 3600, QStringLiteral("f%1").arg(++n));
    feb += sbt::asteriskLine(QStringLiteral("alice.berg"), QStringLiteral("2125550199"),
                             sbt::utc(2026, 2, 11, 9), 125, QStringLiteral("f%1").arg(++n));
    feb += sbt::asteriskLine(QStringLiteral("Office"), QStringLiteral("2125550198"),
                             sbt::utc(2026, 2, 12, 9), 600, QStringLiteral("f%1").arg(++n));
    feb += sbt::asteriskLine(QStringLiteral("Office"), QStringLiteral("00442071234567"),
                             sbt::utc(2026, 2, 12, 10), 60, QStringLiteral("f%1").arg(++n));
    if (QString p = importCalls(ctx, feb); !p.isEmpty())
        return p;

    // March: another top-up, a bundle change (unused minutes refunded), Temp deleted (its
    // credit returned), calls at the turn of the month.
    env.clock.set(sbt::utc(2026, 3, 2, 8));
    if (auto t = CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("=BANK-2")); !t)
        return t.error().message;
    if (auto c = BundleService(ctx).change(QStringLiteral("Office"), 2); !c)
        return c.error().message;
    if (auto d = profiles.remove(QStringLiteral("Temp")); !d)
        return d.error().message;
    env.clock.set(sbt::utc(2026, 3, 5, 8));
    QByteArray mar;
    mar += sbt::asteriskLine(QStringLiteral("alice.berg"), QStringLiteral("00442071234567"),
                             sbt::utc(2026, 2, 28, 23, 59), 300, QStringLiteral("m%1").arg(++n));
    mar += sbt::asteriskLine(QStringLiteral("Office"), QStringLiteral("2125550198"),
                             sbt::utc(2026, 3, 3, 9), 120, QStringLiteral("m%1").arg(++n));
    if (QString p = importCalls(ctx, mar); !p.isEmpty())
        return p;
    return {};
}

} // namespace sbt
