#include "core/books/ActivityEvent.h"

#include <QList>

namespace sb {

namespace {

struct KindKey
{
    ActivityKind kind;
    const char* key;
};

// The stored keys: never change one (old lines keep theirs), only add.
constexpr KindKey kKeys[] = {
    {ActivityKind::CompanyTopUp, "company.topup"},
    {ActivityKind::MemberAdded, "member.add"},
    {ActivityKind::MembersImported, "member.import"},
    {ActivityKind::CreditAllocated, "credit.allocate"},
    {ActivityKind::MemberCharged, "member.charge"},
    {ActivityKind::AutoRechargeSet, "autorecharge.set"},
    {ActivityKind::AutoRechargeOff, "autorecharge.off"},
    {ActivityKind::AutoRecharged, "autorecharge.recharge"},
    {ActivityKind::AutoRechargeFailed, "autorecharge.failed"},
    {ActivityKind::AutoRechargeSuspended, "autorecharge.suspended"},
    {ActivityKind::AutoRechargeResumed, "autorecharge.resumed"},
    {ActivityKind::DemoGenerated, "demo.generate"},
    {ActivityKind::NumberBought, "number.buy"},
    {ActivityKind::NumberAssigned, "number.assign"},
    {ActivityKind::NumberCancelled, "number.cancel"},
    {ActivityKind::NumberReleased, "number.release"},
    {ActivityKind::NumberExpired, "number.expired"},
    {ActivityKind::NumberRenewed, "number.renew"},
    {ActivityKind::ProfileCreated, "profile.create"},
    {ActivityKind::ProfileRenamed, "profile.rename"},
    {ActivityKind::ProfileChannelsChanged, "profile.channels"},
    {ActivityKind::ProfileCreditAllocated, "credit.profile"},
    {ActivityKind::ProfileLinked, "profile.link"},
    {ActivityKind::ProfileUnlinked, "profile.unlink"},
    {ActivityKind::ProfileDeleted, "profile.delete"},
    {ActivityKind::ProfileChannelsLapsed, "profile.channelsLapsed"},
    {ActivityKind::CallsImported, "calls.import"},
    {ActivityKind::PricesImported, "prices.imported"},
    {ActivityKind::BundlesAdded, "bundle.add"},
    {ActivityKind::BundlesChanged, "bundle.change"},
    {ActivityKind::BundlesCancelled, "bundle.cancel"},
    {ActivityKind::BundlesExtended, "bundle.extend"},
    {ActivityKind::BundlesRenewed, "bundle.renew"},
    {ActivityKind::BundlesLapsed, "bundle.lapsed"},
    {ActivityKind::MemberCountryChanged, "member.country"},
    {ActivityKind::ProfileCountryChanged, "profile.country"},
    {ActivityKind::MailServerChanged, "mail.server"},
    {ActivityKind::MailServerRemoved, "mail.serverRemoved"},
    {ActivityKind::CredentialsSent, "profile.credentialsSent"},
};

namespace V = ActivityValue;

QString iso(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

ActivityEvent event(ActivityKind kind, const QString& subject, const QVariantMap& values)
{
    return ActivityEvent{kind, subject, values};
}

} // namespace

QString activityKindKey(ActivityKind kind)
{
    for (const KindKey& k : kKeys) {
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    }
    return {};
}

ActivityKind activityKindFromKey(const QString& key)
{
    for (const KindKey& k : kKeys) {
        if (key == QLatin1String(k.key))
            return k.kind;
    }
    return ActivityKind::Unknown;
}

QList<ActivityKind> activityKinds()
{
    QList<ActivityKind> out;
    for (const KindKey& k : kKeys)
        out.append(k.kind);
    return out;
}

ActivityEvent ActivityEvent::companyTopUp(Money amount, const QString& reference)
{
    QVariantMap v{{V::AmountCents, amount.cents()}};
    if (!reference.isEmpty())
        v.insert(V::Reference, reference);
    return event(ActivityKind::CompanyTopUp, {}, v);
}

ActivityEvent ActivityEvent::memberAdded(const QString& account, const QString& name)
{
    return event(ActivityKind::MemberAdded, account, {{V::Account, account}, {V::Name, name}});
}

ActivityEvent ActivityEvent::membersImported(int count)
{
    return event(ActivityKind::MembersImported, {}, {{V::Count, count}});
}

ActivityEvent ActivityEvent::creditAllocated(const QString& account, Money amount, Money balance)
{
    return event(ActivityKind::CreditAllocated, account,
                 {{V::Account, account},
                  {V::AmountCents, amount.cents()},
                  {V::BalanceCents, balance.cents()}});
}

ActivityEvent ActivityEvent::autoRechargeSet(const QString& account, Money amount, Money threshold,
                                             Money monthlyLimit)
{
    return event(ActivityKind::AutoRechargeSet, account,
                 {{V::Account, account},
                  {V::AmountCents, amount.cents()},
                  {V::ThresholdCents, threshold.cents()},
                  {V::LimitCents, monthlyLimit.cents()}});
}

ActivityEvent ActivityEvent::autoRechargeOff(const QString& account)
{
    return event(ActivityKind::AutoRechargeOff, account, {{V::Account, account}});
}

ActivityEvent ActivityEvent::autoRecharged(const QString& account, Money amount, Money balance)
{
    return event(ActivityKind::AutoRecharged, account,
                 {{V::Account, account},
                  {V::AmountCents, amount.cents()},
                  {V::BalanceCents, balance.cents()}});
}

ActivityEvent ActivityEvent::autoRechargeFailed(const QString& account, Money amount,
                                                Money companyBalance)
{
    return event(ActivityKind::AutoRechargeFailed, account,
                 {{V::Account, account},
                  {V::AmountCents, amount.cents()},
                  {V::CompanyBalanceCents, companyBalance.cents()}});
}

ActivityEvent ActivityEvent::autoRechargeSuspended(const QString& account, Money monthlyLimit,
                                                   const QDate& until)
{
    return event(
        ActivityKind::AutoRechargeSuspended, account,
        {{V::Account, account}, {V::LimitCents, monthlyLimit.cents()}, {V::Date, iso(until)}});
}

ActivityEvent ActivityEvent::autoRechargeResumed(const QString& account)
{
    return event(ActivityKind::AutoRechargeResumed, account, {{V::Account, account}});
}

ActivityEvent ActivityEvent::demoGenerated(int members)
{
    return event(ActivityKind::DemoGenerated, {}, {{V::Count, members}});
}

ActivityEvent ActivityEvent::numberBought(const QString& e164, const QString& holder, int months,
                                          Money price, const QDate& renews)
{
    return event(ActivityKind::NumberBought, holder,
                 {{V::Number, e164},
                  {V::Holder, holder},
                  {V::Months, months},
                  {V::PriceCents, price.cents()},
                  {V::Date, iso(renews)}});
}

ActivityEvent ActivityEvent::numberAssigned(const QString& e164, const QString& previousHolder,
                                            const QString& holder)
{
    QVariantMap v{{V::Number, e164}, {V::Holder, holder}};
    if (!previousHolder.isEmpty())
        v.insert(V::PreviousHolder, previousHolder);
    return event(ActivityKind::NumberAssigned, e164, v);
}

ActivityEvent ActivityEvent::numberCancelled(const QString& e164, const QDate& usableUntil)
{
    return event(ActivityKind::NumberCancelled, e164,
                 {{V::Number, e164}, {V::Date, iso(usableUntil)}});
}

ActivityEvent ActivityEvent::numberReleased(const QString& e164, const QDate& periodEnded)
{
    return event(ActivityKind::NumberReleased, e164,
                 {{V::Number, e164}, {V::Date, iso(periodEnded)}});
}

ActivityEvent ActivityEvent::numberExpired(const QString& e164, Money companyBalance, Money price)
{
    return event(ActivityKind::NumberExpired, e164,
                 {{V::Number, e164},
                  {V::CompanyBalanceCents, companyBalance.cents()},
                  {V::PriceCents, price.cents()}});
}

ActivityEvent ActivityEvent::numberRenewed(const QString& e164, Money price,
                                           const QDate& nextRenewal)
{
    return event(ActivityKind::NumberRenewed, e164,
                 {{V::Number, e164}, {V::PriceCents, price.cents()}, {V::Date, iso(nextRenewal)}});
}

ActivityEvent ActivityEvent::profileCreated(const QString& profile, int channels, Money paid,
                                            const QString& username, const QString& ip, int port)
{
    QVariantMap v{{V::Profile, profile}, {V::Channels, channels}, {V::AmountCents, paid.cents()}};
    if (ip.isEmpty()) {
        v.insert(V::Auth, QStringLiteral("registration"));
        v.insert(V::Username, username);
    } else {
        v.insert(V::Auth, QStringLiteral("ip"));
        v.insert(V::Ip, ip);
        v.insert(V::Port, port);
    }
    return event(ActivityKind::ProfileCreated, profile, v);
}

ActivityEvent ActivityEvent::profileRenamed(const QString& oldName, const QString& profile)
{
    return event(ActivityKind::ProfileRenamed, profile,
                 {{V::OldName, oldName}, {V::Profile, profile}});
}

ActivityEvent ActivityEvent::profileChannelsChanged(const QString& profile, int oldChannels,
                                                    int channels, Money paid, Money credited,
                                                    const QDate& until)
{
    return event(ActivityKind::ProfileChannelsChanged, profile,
                 {{V::Profile, profile},
                  {V::OldChannels, oldChannels},
                  {V::Channels, channels},
                  {V::AmountCents, paid.cents()},
                  {V::RefundCents, credited.cents()},
                  {V::Date, iso(until)}});
}

ActivityEvent ActivityEvent::profileCreditAllocated(const QString& profile, Money amount,
                                                    Money balance)
{
    return event(ActivityKind::ProfileCreditAllocated, profile,
                 {{V::Profile, profile},
                  {V::AmountCents, amount.cents()},
                  {V::BalanceCents, balance.cents()}});
}

ActivityEvent ActivityEvent::profileLinked(const QString& account, const QString& profile,
                                           const QString& extension)
{
    QVariantMap v{{V::Account, account}, {V::Profile, profile}};
    if (!extension.isEmpty())
        v.insert(V::Extension, extension);
    return event(ActivityKind::ProfileLinked, account, v);
}

ActivityEvent ActivityEvent::profileUnlinked(const QString& account, const QString& profile)
{
    return event(ActivityKind::ProfileUnlinked, account,
                 {{V::Account, account}, {V::Profile, profile}});
}

ActivityEvent ActivityEvent::profileDeleted(const QString& profile, Money returned, int numbers,
                                            int accounts, qint64 calls)
{
    return event(ActivityKind::ProfileDeleted, profile,
                 {{V::Profile, profile},
                  {V::AmountCents, returned.cents()},
                  {V::Numbers, numbers},
                  {V::Accounts, accounts},
                  {V::Calls, calls}});
}

ActivityEvent ActivityEvent::profileChannelsLapsed(const QString& profile, Money companyBalance,
                                                   Money cost)
{
    return event(ActivityKind::ProfileChannelsLapsed, profile,
                 {{V::Profile, profile},
                  {V::CompanyBalanceCents, companyBalance.cents()},
                  {V::AmountCents, cost.cents()}});
}

ActivityEvent ActivityEvent::pricesImported(const QString& file, int countries, int rates)
{
    return event(ActivityKind::PricesImported, file,
                 {{V::File, file}, {V::Countries, countries}, {V::Rates, rates}});
}

ActivityEvent ActivityEvent::callsImported(const QString& file, qint64 calls, qint64 duplicates,
                                           qint64 problems, Money charged)
{
    return event(ActivityKind::CallsImported, file,
                 {{V::File, file},
                  {V::Calls, calls},
                  {V::Duplicates, duplicates},
                  {V::Problems, problems},
                  {V::AmountCents, charged.cents()}});
}

ActivityEvent ActivityEvent::bundlesAdded(const QString& profile, int count, Money paid,
                                          const QDate& until)
{
    return event(ActivityKind::BundlesAdded, profile,
                 {{V::Profile, profile},
                  {V::Count, count},
                  {V::AmountCents, paid.cents()},
                  {V::Date, iso(until)}});
}

ActivityEvent ActivityEvent::bundlesChanged(const QString& profile, int oldCount, int count,
                                            Money refund, Money paid, const QDate& until)
{
    return event(ActivityKind::BundlesChanged, profile,
                 {{V::Profile, profile},
                  {V::OldCount, oldCount},
                  {V::Count, count},
                  {V::RefundCents, refund.cents()},
                  {V::AmountCents, paid.cents()},
                  {V::Date, iso(until)}});
}

ActivityEvent ActivityEvent::bundlesCancelled(const QString& profile, int count,
                                              const QDate& usableUntil)
{
    return event(ActivityKind::BundlesCancelled, profile,
                 {{V::Profile, profile}, {V::Count, count}, {V::Date, iso(usableUntil)}});
}

ActivityEvent ActivityEvent::bundlesExtended(const QString& profile, int count, Money paid,
                                             const QDate& nextPayment)
{
    return event(ActivityKind::BundlesExtended, profile,
                 {{V::Profile, profile},
                  {V::Count, count},
                  {V::AmountCents, paid.cents()},
                  {V::Date, iso(nextPayment)}});
}

ActivityEvent ActivityEvent::bundlesRenewed(const QString& profile, int count, Money paid,
                                            const QDate& until)
{
    return event(ActivityKind::BundlesRenewed, profile,
                 {{V::Profile, profile},
                  {V::Count, count},
                  {V::AmountCents, paid.cents()},
                  {V::Date, iso(until)}});
}

ActivityEvent ActivityEvent::bundlesLapsed(const QString& profile, int count, Money balance,
                                           Money cost)
{
    return event(ActivityKind::BundlesLapsed, profile,
                 {{V::Profile, profile},
                  {V::Count, count},
                  {V::BalanceCents, balance.cents()},
                  {V::AmountCents, cost.cents()}});
}

ActivityEvent ActivityEvent::memberCountryChanged(const QString& account, const QString& oldCountry,
                                                  const QString& country)
{
    return event(ActivityKind::MemberCountryChanged, account,
                 {{V::Account, account}, {V::OldCountry, oldCountry}, {V::Country, country}});
}

ActivityEvent ActivityEvent::profileCountryChanged(const QString& profile,
                                                   const QString& oldCountry,
                                                   const QString& country)
{
    return event(ActivityKind::ProfileCountryChanged, profile,
                 {{V::Profile, profile}, {V::OldCountry, oldCountry}, {V::Country, country}});
}

ActivityEvent ActivityEvent::mailServerChanged(const QString& host, int port,
                                               const QString& security, const QString& from,
                                               const QString& user)
{
    QVariantMap v{{V::Host, host}, {V::Port, port}, {V::Security, security}, {V::From, from}};
    if (!user.isEmpty())
        v.insert(V::User, user);
    return event(ActivityKind::MailServerChanged, host, v);
}

ActivityEvent ActivityEvent::mailServerRemoved(const QString& host)
{
    return event(ActivityKind::MailServerRemoved, host, {{V::Host, host}});
}

ActivityEvent ActivityEvent::credentialsSent(const QString& profile, const QString& address)
{
    return event(ActivityKind::CredentialsSent, profile,
                 {{V::Profile, profile}, {V::Address, address}});
}

} // namespace sb
