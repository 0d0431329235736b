#pragma once

#include "core/base/Money.h"

#include <QDate>
#include <QLatin1String>
#include <QString>
#include <QVariantMap>

namespace sb {

/// What happened, one per kind of line in the audit log. Stored as its key ("number.buy"):
/// the keys are stable across versions, the enumerators are not.
enum class ActivityKind
{
    Unknown, ///< a key this version does not know (written by a newer version or a test)
    CompanyTopUp,
    MemberAdded,
    MembersImported,
    CreditAllocated,
    MemberCharged, ///< written by early versions only
    AutoRechargeSet,
    AutoRechargeOff,
    AutoRecharged,
    AutoRechargeFailed,
    AutoRechargeSuspended,
    AutoRechargeResumed,
    DemoGenerated,
    NumberBought,
    NumberAssigned,
    NumberCancelled,
    NumberReleased,
    NumberExpired,
    NumberRenewed,
    ProfileCreated,
    ProfileRenamed,
    ProfileChannelsChanged,
    ProfileCreditAllocated,
    ProfileLinked,
    ProfileUnlinked,
    ProfileDeleted,
    ProfileChannelsLapsed,
    CallsImported,
    PricesImported,
    BundlesAdded,
    BundlesChanged,
    BundlesCancelled,
    BundlesExtended,
    BundlesRenewed,
    BundlesLapsed,
    MemberCountryChanged,
    ProfileCountryChanged,
    MailServerChanged,
    MailServerRemoved,
    CredentialsSent,
};

/// The stored key of a kind ("number.buy"); empty for Unknown.
QString activityKindKey(ActivityKind kind);
/// The kind of a stored key; Unknown for a key this version does not know.
ActivityKind activityKindFromKey(const QString& key);
/// Every known kind (not Unknown), in declaration order.
QList<ActivityKind> activityKinds();

/// The names of the structured values of an event (the keys of ActivityEvent::values, and of
/// "values" in `switchboardctl activity --json`). Amounts are integer cents, dates ISO 8601.
namespace ActivityValue {
inline constexpr QLatin1String Account("account");
inline constexpr QLatin1String Name("name");
inline constexpr QLatin1String Profile("profile");
inline constexpr QLatin1String OldName("old_name");
inline constexpr QLatin1String Number("number");
inline constexpr QLatin1String Holder("holder");
inline constexpr QLatin1String PreviousHolder("previous_holder");
inline constexpr QLatin1String AmountCents("amount_cents");
inline constexpr QLatin1String BalanceCents("balance_cents");
inline constexpr QLatin1String CompanyBalanceCents("company_balance_cents");
inline constexpr QLatin1String ThresholdCents("threshold_cents");
inline constexpr QLatin1String LimitCents("limit_cents");
inline constexpr QLatin1String PriceCents("price_cents");
inline constexpr QLatin1String Count("count");
inline constexpr QLatin1String Months("months");
inline constexpr QLatin1String Channels("channels");
inline constexpr QLatin1String OldChannels("old_channels");
inline constexpr QLatin1String Numbers("numbers");
inline constexpr QLatin1String Accounts("accounts");
inline constexpr QLatin1String Calls("calls");
inline constexpr QLatin1String File("file");
inline constexpr QLatin1String Duplicates("duplicates");
inline constexpr QLatin1String Countries("countries");
inline constexpr QLatin1String Rates("rates");
inline constexpr QLatin1String Problems("problems");
inline constexpr QLatin1String Date("date");
inline constexpr QLatin1String Reference("reference");
inline constexpr QLatin1String Extension("extension");
inline constexpr QLatin1String Auth("auth"); ///< "registration" or "ip"
inline constexpr QLatin1String Username("username");
inline constexpr QLatin1String Ip("ip");
inline constexpr QLatin1String Port("port");
inline constexpr QLatin1String OldCount("old_count");
inline constexpr QLatin1String RefundCents("refund_cents");
inline constexpr QLatin1String Country("country"); ///< ISO 3166 alpha-2, "NO"
inline constexpr QLatin1String OldCountry("old_country");
inline constexpr QLatin1String Host("host");
inline constexpr QLatin1String Security("security"); ///< "starttls", "tls" or "none"
inline constexpr QLatin1String From("from");
inline constexpr QLatin1String User("user");
inline constexpr QLatin1String Address("address"); ///< an e-mail address
/// The English sentence of a line written before events had values (schema 3 and older):
/// shown as it is, since its values are missing.
inline constexpr QLatin1String Text("text");
} // namespace ActivityValue

/// One event for the audit log: its kind and the values its sentence is written from when
/// it is shown (ActivityLog::describe), in the reader's language and locale.
/// The named constructors are the only way services make one.
struct ActivityEvent
{
    ActivityKind kind = ActivityKind::Unknown;
    /// What it concerned (an account, a SIP profile or a number), for the Subject column.
    QString subject;
    QVariantMap values;

    static ActivityEvent companyTopUp(Money amount, const QString& reference);
    static ActivityEvent memberAdded(const QString& account, const QString& name);
    static ActivityEvent membersImported(int count);
    static ActivityEvent creditAllocated(const QString& account, Money amount, Money balance);
    static ActivityEvent autoRechargeSet(const QString& account, Money amount, Money threshold,
                                         Money monthlyLimit);
    static ActivityEvent autoRechargeOff(const QString& account);
    static ActivityEvent autoRecharged(const QString& account, Money amount, Money balance);
    static ActivityEvent autoRechargeFailed(const QString& account, Money amount,
                                            Money companyBalance);
    static ActivityEvent autoRechargeSuspended(const QString& account, Money monthlyLimit,
                                               const QDate& until);
    static ActivityEvent autoRechargeResumed(const QString& account);
    static ActivityEvent demoGenerated(int members);
    static ActivityEvent numberBought(const QString& e164, const QString& holder, int months,
                                      Money price, const QDate& renews);
    /// `previousHolder` empty: the number came from the company's pool.
    static ActivityEvent numberAssigned(const QString& e164, const QString& previousHolder,
                                        const QString& holder);
    static ActivityEvent numberCancelled(const QString& e164, const QDate& usableUntil);
    static ActivityEvent numberReleased(const QString& e164, const QDate& periodEnded);
    static ActivityEvent numberExpired(const QString& e164, Money companyBalance, Money price);
    static ActivityEvent numberRenewed(const QString& e164, Money price, const QDate& nextRenewal);
    /// IP authentication when `ip` is not empty, registration as `username` otherwise.
    static ActivityEvent profileCreated(const QString& profile, int channels, Money paid,
                                        const QString& username, const QString& ip, int port);
    static ActivityEvent profileRenamed(const QString& oldName, const QString& profile);
    static ActivityEvent profileChannelsChanged(const QString& profile, int oldChannels,
                                                int channels, Money paid, Money credited,
                                                const QDate& until);
    static ActivityEvent profileCreditAllocated(const QString& profile, Money amount,
                                                Money balance);
    static ActivityEvent profileLinked(const QString& account, const QString& profile,
                                       const QString& extension);
    static ActivityEvent profileUnlinked(const QString& account, const QString& profile);
    static ActivityEvent profileDeleted(const QString& profile, Money returned, int numbers,
                                        int accounts, qint64 calls);
    /// One line per import of call records: the file's name, calls added, duplicates
    /// skipped, lines not imported (malformed or of unknown account codes), money charged.
    static ActivityEvent callsImported(const QString& file, qint64 calls, qint64 duplicates,
                                       qint64 problems, Money charged);
    /// A price list imported in place of the one in force: the file's name, the countries
    /// with number prices and the per-minute rates it holds.
    static ActivityEvent pricesImported(const QString& file, int countries, int rates);
    static ActivityEvent profileChannelsLapsed(const QString& profile, Money companyBalance,
                                               Money cost);
    /// US minute bundles: `until` is the end of the period paid (the next renewal).
    static ActivityEvent bundlesAdded(const QString& profile, int count, Money paid,
                                      const QDate& until);
    static ActivityEvent bundlesChanged(const QString& profile, int oldCount, int count,
                                        Money refund, Money paid, const QDate& until);
    static ActivityEvent bundlesCancelled(const QString& profile, int count,
                                          const QDate& usableUntil);
    static ActivityEvent bundlesExtended(const QString& profile, int count, Money paid,
                                         const QDate& nextPayment);
    static ActivityEvent bundlesRenewed(const QString& profile, int count, Money paid,
                                        const QDate& until);
    static ActivityEvent bundlesLapsed(const QString& profile, int count, Money balance,
                                       Money cost);
    static ActivityEvent memberCountryChanged(const QString& account, const QString& oldCountry,
                                              const QString& country);
    static ActivityEvent profileCountryChanged(const QString& profile, const QString& oldCountry,
                                               const QString& country);
    /// The mail server set (never its password); `user` empty: no login.
    static ActivityEvent mailServerChanged(const QString& host, int port, const QString& security,
                                           const QString& from, const QString& user);
    static ActivityEvent mailServerRemoved(const QString& host);
    /// A profile's credentials accepted by the mail server for `address` (never the password).
    static ActivityEvent credentialsSent(const QString& profile, const QString& address);
};

} // namespace sb
