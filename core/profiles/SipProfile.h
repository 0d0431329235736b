#pragma once

#include "core/base/Money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace sb {

/// An account linked to a SIP profile for incoming calls.
struct LinkedAccount
{
    QString account;
    QString name;
    QString extension; ///< digits, or empty
};

/// A SIP profile: one SIP trunk account with its own credit, channels, linked accounts
/// and numbers.
struct SipProfile
{
    enum class Auth
    {
        Registration,
        Ip
    };
    qint64 id = 0;
    qint64 accountId = 0;
    QString name;
    QString department;
    QString email;
    /// ISO 3166 alpha-2 ("US", "NO"): the default region of the numbers its calls dial.
    QString country = QStringLiteral("US");
    Auth auth = Auth::Registration;
    QString ip;       ///< the PBX's public IPv4 address (IP authentication)
    int port = 5060;  ///< the PBX's UDP port (IP authentication)
    QString username; ///< SIP username (registration)
    Money balance;
    int channels = 1;
    Money channelPrice;          ///< monthly price of one channel at the last payment
    QDate channelsExpires;       ///< end of the paid month; renewed then
    QDate channelsPeriodStart;   ///< first day of the paid month that channelsExpires ends
    bool channelsLapsed = false; ///< the company could not pay the renewal
    QList<LinkedAccount> accounts;
    QStringList numbers;
    /// How many accounts are linked and numbers route to it: the sizes of `accounts` and
    /// `numbers`, also where only the counts were read (ProfileService::listCounted).
    int accountCount = 0;
    int numberCount = 0;
    QDateTime createdAt;

    Money monthlyChannelCost() const { return channelPrice.times(channels).value_or(Money()); }
    static QString authKey(Auth a)
    {
        return a == Auth::Ip ? QStringLiteral("ip") : QStringLiteral("registration");
    }
};

/// What a person enters to create a profile.
struct NewSipProfile
{
    QString name;
    QString department;
    QString email;
    SipProfile::Auth auth = SipProfile::Auth::Registration;
    QString ip;
    int port = 5060;
    int channels = 1;
    QString country = QStringLiteral("US"); ///< ISO 3166 alpha-2; "no" is read as "NO"
};

} // namespace sb
