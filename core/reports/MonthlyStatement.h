#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/reports/ProfileAdvice.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace sb {

/// One account's month in the statement: its balance at both ends, the money that moved
/// through it, and what was spent for it (numbers and channels are paid by the company for
/// the member or profile; bundles and calls from its own balance).
struct StatementAccount
{
    enum class Kind
    {
        Company,
        Profile,
        Member
    };
    Kind kind = Kind::Company;
    qint64 accountId = 0;
    QString name;        ///< the member's account name or the profile's name; empty: company
    QString displayName; ///< the member's display name (profiles: their name)
    QString department;
    Money opening;
    Money in;
    Money out;
    Money closing;
    Money numbers;
    Money channels;
    Money bundles;            ///< bundles bought minus bundle refunds
    Money calls;              ///< call charges and manual charges
    qint64 callCount = 0;     ///< calls started in the month (call_months)
    qint64 billedMinutes = 0; ///< their billed minutes

    Money spending() const { return numbers + channels + bundles + calls; }
};

/// Spending of one department in the month, as the department was when the money went out.
struct StatementDepartment
{
    QString name; ///< empty: no department
    Money numbers;
    Money channels;
    Money bundles;
    Money calls;

    Money spending() const { return numbers + channels + bundles + calls; }
};

/// A top-up, allocation, auto-recharge or return of the month, as the ledger has it.
struct StatementEntry
{
    QDateTime at;
    QString kind;    ///< the ledger kind: topup, allocation, autorecharge, return
    QString account; ///< the member's or profile's name (allocations, returns); empty: top-up
    StatementAccount::Kind accountKind = StatementAccount::Kind::Company;
    QString actor;
    Money amount;
    QString reference;
};

/// The month's totals: every ledger kind's sum, as SUM(amount_cents) GROUP BY kind over the
/// month's entries would give it.
struct StatementTotals
{
    QMap<QString, Money> byKind;

    Money of(const QString& kind) const { return byKind.value(kind); }
    Money topUps() const { return of(QStringLiteral("topup")); }
    Money allocations() const
    {
        return of(QStringLiteral("allocation")) + of(QStringLiteral("autorecharge"));
    }
    Money returns() const { return of(QStringLiteral("return")); }
    Money numbers() const { return of(QStringLiteral("number")); }
    Money channels() const
    {
        return of(QStringLiteral("channels")) - of(QStringLiteral("channels-refund"));
    }
    Money bundles() const
    {
        return of(QStringLiteral("bundle")) - of(QStringLiteral("bundle-refund"));
    }
    Money calls() const { return of(QStringLiteral("call")) + of(QStringLiteral("charge")); }
    /// Money spent with the provider (refunds taken off).
    Money spending() const { return numbers() + channels() + bundles() + calls(); }
};

/// The statement of one calendar month (UTC).
struct MonthStatement
{
    QString month; ///< "YYYY-MM"
    StatementAccount company;
    QList<StatementAccount> profiles;       ///< by name
    QList<StatementAccount> members;        ///< by account name
    QList<StatementDepartment> departments; ///< by name, no department first
    QList<StatementEntry> entries;          ///< top-ups and allocations, in time order
    StatementTotals totals;
    /// AdviceService's advice for each SIP profile as it stood at the month's end (its
    /// last three full months of calls up to this one), or now for the current month.
    QList<ProfileAdvice> advice;
};

/// Computes a month's statement from the summaries (ledger_months, balance_months,
/// spending_months, call_months) and the month's top-up and allocation entries (index
/// ledger_kind_at): never a scan of the calls or the whole ledger, so a month of a busy
/// office takes as long as a quiet one.
///
/// Accounts listed: the company, and each SIP profile and member with money moved or spent
/// for it in the month, calls in it, or a balance other than zero. The opening balance is the
/// closing balance of the account's latest month before (0 if none), so opening + in − out =
/// closing for every account, and the totals equal the ledger's for the month.
class MonthlyStatement
{
    Q_DECLARE_TR_FUNCTIONS(sb::MonthlyStatement)

public:
    explicit MonthlyStatement(const Context& ctx) : m_ctx(ctx) {}

    /// `month` as "YYYY-MM"; anything else is refused (Error::invalid).
    Result<MonthStatement> compute(const QString& month) const;

    /// Whether `month` is a month as compute() takes it; an error saying how to write it.
    static Result<void> validateMonth(const QString& month);
    /// The month after "YYYY-MM".
    static QString nextMonth(const QString& month);

    /// Refuses an output file that is the open SQLite database, its -wal or -shm file, or the
    /// key file of sealed secrets (compared as canonical paths, so a symbolic link or "../"
    /// does not hide them): writing the statement there would destroy it.
    static Result<void> validateOutputPath(const Database& db, const QString& path);

private:
    const Context& m_ctx;
};

} // namespace sb
