#include "app/ctl/JsonShapes.h"

#include "core/bundles/BundleService.h"

#include <QJsonArray>

namespace sb::ctl {

QJsonValue JsonShapes::holder(const NumberHolder& h)
{
    switch (h.kind) {
    case NumberHolder::Kind::Member:
        return QJsonObject{{QStringLiteral("member"), h.name}};
    case NumberHolder::Kind::Profile:
        return QJsonObject{{QStringLiteral("profile"), h.name}};
    case NumberHolder::Kind::None:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

QJsonObject JsonShapes::number(const NumberRecord& n)
{
    return {{QStringLiteral("number"), n.e164},
            {QStringLiteral("country"), n.country},
            {QStringLiteral("area"), n.area},
            {QStringLiteral("holder"), holder(n.holder)},
            {QStringLiteral("months"), n.months},
            {QStringLiteral("expires"), n.expires.toString(Qt::ISODate)},
            {QStringLiteral("cancelled"), n.cancelled},
            {QStringLiteral("status"), n.status}};
}

QJsonObject JsonShapes::profile(const SipProfile& p, const Context& ctx)
{
    QJsonArray accounts;
    for (const auto& a : p.accounts)
        accounts.append(QJsonObject{{QStringLiteral("account"), a.account},
                                    {QStringLiteral("extension"), a.extension}});
    // A profile read a moment ago: its bundles cannot fail to read but for a storage error,
    // shown then as none rather than losing the whole profile.
    auto summary = BundleService(ctx).summary(p.id);
    const BundleSummary b = summary ? *summary : BundleSummary();
    const Money channels = p.monthlyChannelCost();
    const Money bundles = b.monthlyCost();
    return {{QStringLiteral("name"), p.name},
            {QStringLiteral("department"), p.department},
            {QStringLiteral("country"), p.country},
            {QStringLiteral("balance"), p.balance.toString()},
            {QStringLiteral("owed"), p.balance.isNegative()},
            {QStringLiteral("channels"), p.channels},
            {QStringLiteral("auth"), SipProfile::authKey(p.auth)},
            {QStringLiteral("ip"),
             p.auth == SipProfile::Auth::Ip ? QJsonValue(p.ip) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("port"),
             p.auth == SipProfile::Auth::Ip ? QJsonValue(p.port) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("accounts"), accounts},
            {QStringLiteral("numbers"), QJsonArray::fromStringList(p.numbers)},
            {QStringLiteral("monthlyCost"),
             QJsonObject{{QStringLiteral("channels"), channels.toString()},
                         {QStringLiteral("bundles"), bundles.toString()},
                         {QStringLiteral("total"), (channels + bundles).toString()}}},
            {QStringLiteral("channelsPaidUntil"), p.channelsExpires.toString(Qt::ISODate)},
            {QStringLiteral("channelsLapsed"), p.channelsLapsed},
            {QStringLiteral("bundles"), bundlesJson(b)}};
}

QJsonObject JsonShapes::bundlesJson(const BundleSummary& b)
{
    const auto date = [](const QDate& d) {
        return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("count"), b.count},
            {QStringLiteral("pricePaid"), b.pricePaid.toString()},
            {QStringLiteral("minutesIncluded"), b.minutesIncluded},
            {QStringLiteral("minutesUsed"), b.minutesUsed},
            {QStringLiteral("periodEnd"), date(b.periodEnd)},
            {QStringLiteral("cancelled"), b.cancelled},
            {QStringLiteral("expires"), date(b.expires)},
            {QStringLiteral("nextPayment"), date(b.nextPayment)}};
}

QJsonValue JsonShapes::nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject JsonShapes::member(const Member& m)
{
    QJsonObject o{
        {QStringLiteral("account"), m.account},
        {QStringLiteral("name"), m.name},
        {QStringLiteral("email"), m.email},
        {QStringLiteral("department"), m.department},
        {QStringLiteral("country"), m.country},
        {QStringLiteral("balance"), m.balance.toString()},
        {QStringLiteral("owed"), m.balance.isNegative()},
        {QStringLiteral("status"), m.status},
        {QStringLiteral("profile"), nullable(m.profile)},
        {QStringLiteral("numbers"), QJsonArray::fromStringList(m.numbers)},
    };
    if (m.autoRecharge) {
        const AutoRechargeSettings& a = *m.autoRecharge;
        o.insert(
            QStringLiteral("autoRecharge"),
            QJsonObject{{QStringLiteral("amount"), a.amount.toString()},
                        {QStringLiteral("below"), a.threshold.toString()},
                        {QStringLiteral("monthlyLimit"), a.monthlyLimit.toString()},
                        {QStringLiteral("rechargedThisMonth"), a.rechargedThisMonth.toString()},
                        {QStringLiteral("suspendedUntil"),
                         a.suspendedUntil.isValid()
                             ? QJsonValue(a.suspendedUntil.toString(Qt::ISODate))
                             : QJsonValue(QJsonValue::Null)}});
    } else {
        o.insert(QStringLiteral("autoRecharge"), QJsonValue(QJsonValue::Null));
    }
    return o;
}

} // namespace sb::ctl
