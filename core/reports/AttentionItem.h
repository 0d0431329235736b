#pragma once

#include "core/base/Money.h"

#include <QDate>
#include <QString>

namespace sb {

/// One entry of the dashboard's attention list (AttentionService::list): what it is about,
/// how urgent, the translated sentence with its figures, and what to open.
struct AttentionItem
{
    /// In the order the list shows them within a severity.
    enum class Kind
    {
        Owed,              ///< a member's or a profile's balance below zero
        NoCredit,          ///< a SIP profile at exactly zero (below zero is Owed)
        LowBalance,        ///< below a week of the account's usual spending
        RechargeSuspended, ///< auto-recharge suspended by its monthly limit
        NumbersRenew,      ///< numbers renewing within 7 days, grouped in one entry
        ChannelsRenew,     ///< a profile's channels renewing within 7 days
        BundlesRenew,      ///< a profile's US minute bundles renewing within 7 days
        BundleLapsed,      ///< a profile's bundles lapsed in the last 30 days
        ChannelsAdvice,    ///< a profile's busiest hour needs more channels than it has
        BundlesAdvice,     ///< another bundle count would have cost a profile less
    };
    enum class Severity
    {
        Info = 0,
        Warning = 1,
        Critical = 2
    };
    /// The page the entry opens and what `key` names there.
    enum class Target
    {
        None,
        Member,  ///< key: the member's account name
        Profile, ///< key: the SIP profile's name
        Number,  ///< key: the number's E.164
    };

    Kind kind = Kind::Owed;
    Severity severity = Severity::Info;
    Target target = Target::None;
    QString key;
    /// Who or what it speaks of, as shown (account, profile name, "12 numbers").
    QString subject;
    /// The translated sentence, in the language in force when the list was made.
    QString text;
    /// The figure that matters: the balance (Owed, NoCredit, LowBalance), the cost of a
    /// renewal, the monthly limit (RechargeSuspended), the monthly saving (BundlesAdvice);
    /// zero for BundleLapsed and ChannelsAdvice.
    Money amount;
    /// Renewal date, end of a suspension, date a bundle lapsed; invalid where none.
    QDate date;
    /// Renewals: whether the paying balance (the company's for numbers and channels, the
    /// profile's own for bundles) covers it. True for the other kinds.
    bool covers = true;
    /// More than the list shows of this kind: this entry stands for `more` others and has no
    /// key (it opens the kind's page without selecting a row).
    int more = 0;
};

} // namespace sb
