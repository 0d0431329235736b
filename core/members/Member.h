#pragma once

#include "core/base/Money.h"
#include "core/members/AutoRechargeSettings.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace sb {

/// A member of the company account.
struct Member
{
    qint64 id = 0;
    qint64 accountId = 0; ///< the ledger account holding the member's credit
    QString account;      ///< unique account name
    QString name;         ///< display name
    QString email;
    QString department;
    QString status = QStringLiteral("active"); ///< "active" or "linked" (to a SIP profile)
    /// ISO 3166 alpha-2 ("US", "NO"): the default region of the numbers the member dials.
    QString country = QStringLiteral("US");
    QString profile;     ///< the SIP profile linked to, if any
    QStringList numbers; ///< E.164 numbers held
    Money balance;
    QDateTime createdAt;
    std::optional<AutoRechargeSettings> autoRecharge;
};

/// What a person types to create a member.
struct NewMember
{
    QString account;
    QString name;
    QString email;
    QString department;
    QString country = QStringLiteral("US"); ///< ISO 3166 alpha-2; "no" is read as "NO"
};

/// A new member as it is stored (MemberService::ready): normalised, with its keys.
struct ReadyMember
{
    NewMember member;   ///< MemberService::normalised, the country too
    QString accountKey; ///< accountKey()
    QString searchKey;  ///< SearchIndex::memberKey
};

} // namespace sb
