#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/numbers/PriceList.h"
#include "core/numbers/PriceListStore.h"
#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace sb {

class Transaction;

/// SIP profiles: creation with registration or IP authentication, channels (paid monthly
/// by the company), credit, renaming, linking accounts for incoming calls, and deletion
/// with all its consequences in one transaction.
class ProfileService
{
    Q_DECLARE_TR_FUNCTIONS(sb::ProfileService)

public:
    static constexpr int MinChannels = 1;
    static constexpr int MaxChannels = 300;

    /// With the price list in force (PriceListStore::current).
    explicit ProfileService(const Context& ctx) : ProfileService(ctx, PriceListStore::current(ctx))
    {
    }
    ProfileService(const Context& ctx, const PriceList& prices) : m_ctx(ctx), m_prices(prices) {}

    /// The name as stored (NameText::normalised), or why it cannot be one: nothing visible
    /// left, control characters, more than 64 characters.
    static Result<QString> normalisedName(const QString& name);
    static Result<void> validateName(const QString& name);
    /// Refuses a malformed IPv4 address; returns warnings (translated) for addresses the
    /// provider cannot reach from the internet: private, loopback, link-local, multicast, …
    static Result<QStringList> validateIp(const QString& ip);
    static Result<void> validatePort(int port);
    static Result<void> validateChannels(int channels);
    static Result<void> validateExtension(const QString& extension);
    /// A strong password from the operating system's cryptographic random source.
    static QString generatePassword(int length = 20);

    struct Created
    {
        SipProfile profile;
        QString password;     ///< registration only; shown once here, again via credentials()
        QStringList warnings; ///< about the IP address
        Money channelsCharged;
    };
    /// What creating would cost the company now (channels for the first month).
    Money creationCost(int channels) const;
    /// Refuses `name` when another profile than the one of id `except` has it in any case,
    /// or a name that looks the same (NameText::skeleton), naming that profile: what create()
    /// and rename() refuse, for a form to say as the name is typed.
    Result<void> checkNameFree(const QString& name, qint64 except = 0) const;
    /// Refuses a name another profile has, in any case, or one that looks the same
    /// (NameText::skeleton); the name and the department are stored normalised.
    Result<Created> create(const NewSipProfile& p) const;
    Result<SipProfile> find(const QString& name) const;
    /// Profiles ordered by name; `search` matches name or department.
    Result<QList<SipProfile>> list(const QString& search = {}) const;
    /// list() with only the counts of linked accounts and numbers (accountCount,
    /// numberCount), not the lists: for the SIP profiles table, whose thousand profiles
    /// would otherwise bring every number that routes to any of them.
    Result<QList<SipProfile>> listCounted(const QString& search = {}) const;

    Result<SipProfile> rename(const QString& name, const QString& newName) const;
    /// Changes the country whose national forms the profile's dialled numbers are read in
    /// (calls imported from then on); validated as MemberService::validateCountry.
    Result<SipProfile> setCountry(const QString& name, const QString& country) const;

    struct ChannelChange
    {
        int from = 0;
        int to = 0;
        Money charged;  ///< the new subscription's first month
        Money credited; ///< the unused days of the old subscription, back to the company
        QDate nextPayment;
        /// What the company pays in all: charged less credited (negative when it gets back).
        Money net() const { return charged - credited; }
    };
    Money channelPrice() const { return m_prices.channelPrice(); }
    /// The unused part of a profile's paid channel subscription on `today`: its monthly cost
    /// pro rata by the days left of the paid month, rounded half up to the cent; nothing for
    /// a lapsed subscription or one that has ended.
    static Money unusedChannelCredit(const SipProfile& profile, const QDate& today);
    /// What changing to `channels` now would charge and credit; changes nothing.
    ChannelChange quoteChannels(const SipProfile& profile, int channels) const;
    /// Ends the old subscription today, crediting its unused days, and starts the new one.
    Result<ChannelChange> setChannels(const QString& name, int channels) const;
    Result<SipProfile> allocateCredit(const QString& name, Money amount) const;

    struct Credentials
    {
        QString username;
        QString password;
        QStringList servers;
    };
    Result<Credentials> credentials(const QString& name) const;
    /// What a profile's sealed password is bound to (its id and SIP username): a sealed
    /// password copied to another profile's row does not open there.
    static QByteArray secretContext(qint64 id, const QString& username);
    /// Seals again, in the current format, the passwords sealed in an older one; run where
    /// the window and switchboardctl open a database. Returns how many were resealed. A
    /// password that cannot be opened (its key file missing) is left as it is.
    Result<int> resealSecrets() const;
    /// Where a database is opened: a missing key file may be created only while the database
    /// holds no sealed secret (SealedSecret::allowKeyCreation). True when it holds some.
    Result<bool> guardKeyFile() const;

    Result<SipProfile> link(const QString& name, const QString& account,
                            const QString& extension) const;
    Result<SipProfile> unlink(const QString& name, const QString& account) const;

    struct Deletion
    {
        QString name;
        Money returnedCredit;
        QStringList releasedNumbers;
        QStringList unlinkedAccounts;
        qint64 deletedCalls = 0;
        int channels = 0;
        QDate channelsPaidUntil;
    };
    /// What delete() would do, with the actual figures, for the confirmation. Both refuse a
    /// profile that owes (balance below zero): allocate what it owes first.
    Result<Deletion> deletionPreview(const QString& name) const;
    Result<Deletion> remove(const QString& name) const;

    struct DueReport
    {
        int renewed = 0;
        int lapsed = 0;
        Money spent;
        QStringList messages;
    };
    /// Inside the caller's transaction: channel renewals due by now.
    Result<DueReport> processDue(Transaction& tx) const;

private:
    Result<SipProfile> findLocked(Transaction& tx, const QString& name) const;
    /// The profiles `search` matches, in name order, without their linked accounts and
    /// numbers (list() and listCounted() add those or their counts).
    Result<QList<SipProfile>> listRows(const QString& search) const;
    Result<void> loadDetails(SipProfile& p) const;
    /// loadDetails() of many profiles in two queries, not two per profile (a search that
    /// lists hundreds of them as one types).
    Result<void> loadDetails(QList<SipProfile>& profiles) const;
    const Context& m_ctx;
    const PriceList& m_prices;
};

} // namespace sb
