// The books under random work. Thousands of seeded random sequences of operations — top-ups,
// new members, allocations to random subsets (many of them refused), charges, call charges
// taken in full even below zero (owed), auto-recharge
// settings, clock moves across days and month boundaries, billing runs — and after every
// step:
//   * company + members + spent == topped up; every stored balance equals the ledger's;
//     the company's balance never below zero (a member's only by a call charge: owed);
//   * a refused operation changed nothing at all (and a refusal is a rule, never a storage
//     failure);
//   * a successful one moved exactly what it said it moved, to whom it said;
//   * auto-recharge: what a member's row says was recharged this month is what the ledger
//     says; no recharge goes past the monthly limit; no recharge while suspended; no
//     suspension while another recharge would still fit under the limit; after a
//     save or a charge the member is not left below the threshold unless suspended or the
//     company could not pay.
//
// $SWITCHBOARD_PROPERTY_SEED   the base seed (default: the current time; always printed)
// $SWITCHBOARD_PROPERTY_RUNS   sequences per engine (default 2000 on SQLite, 150 on PostgreSQL)
// $SWITCHBOARD_PROPERTY_STEPS  steps per sequence (default 25)
// $SWITCHBOARD_PROPERTY_SEQUENCE  run only this sequence number (to replay a failure)

#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

using sb::Error;
using sb::Money;

namespace {

QString s(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

quint32 g_seed = 0;

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

struct ArRow
{
    qint64 amount = 0, threshold = 0, limit = 0, recharged = 0;
    QString month, suspendedUntil;
};

// Everything a step is judged against.
struct State
{
    qint64 company = 0;
    QHash<QString, qint64> balances;    // account key -> cents
    QHash<QString, qint64> accountIds;  // account key -> ledger account
    QHash<QString, ArRow> autoRecharge; // account key -> row
    qint64 ledgerMaxId = 0;
    sbt::Snapshot snapshot;
};

State readState(const sb::Database& db)
{
    State st;
    QSqlQuery q(db.sql());
    q.exec(s("SELECT balance_cents FROM accounts WHERE id = 1"));
    if (q.next())
        st.company = q.value(0).toLongLong();
    q.exec(s("SELECT m.account_key, a.balance_cents, a.id FROM members m JOIN accounts a ON a.id = "
             "m.account_id"));
    while (q.next()) {
        st.balances.insert(q.value(0).toString(), q.value(1).toLongLong());
        st.accountIds.insert(q.value(0).toString(), q.value(2).toLongLong());
    }
    q.exec(
        s("SELECT m.account_key, r.amount_cents, r.threshold_cents, r.monthly_limit_cents, "
          "r.recharged_cents,"
          " r.month, r.suspended_until FROM auto_recharge r JOIN members m ON m.id = r.member_id"));
    while (q.next()) {
        ArRow r;
        r.amount = q.value(1).toLongLong();
        r.threshold = q.value(2).toLongLong();
        r.limit = q.value(3).toLongLong();
        r.recharged = q.value(4).toLongLong();
        r.month = q.value(5).toString();
        r.suspendedUntil = q.value(6).isNull() ? QString() : q.value(6).toString();
        st.autoRecharge.insert(q.value(0).toString(), r);
    }
    q.exec(s("SELECT COALESCE(MAX(id), 0) FROM ledger"));
    if (q.next())
        st.ledgerMaxId = q.value(0).toLongLong();
    st.snapshot = sbt::snapshot(db);
    return st;
}

struct Stats
{
    QHash<QString, int> ok, refused;
    int owed = 0; ///< call charges that left a member owing
    int recharges = 0, suspensions = 0, companyCouldNotPay = 0, monthsCrossed = 0;
};

class Sequence
{
public:
    Sequence(const sb::Context& ctx, sb::FixedClock& clock, quint32 seed, int number, Stats& stats)
        : m_ctx(ctx), m_clock(clock), m_rng(seed), m_number(number), m_stats(stats)
    {
    }

    /// Runs one random operation and checks it; empty or what went wrong.
    QString step()
    {
        const State before = readState(m_ctx.db);
        const QString currentMonthBefore = monthOf(m_clock.now());
        Outcome o = randomOperation(before);
        m_log << o.description;
        const State after = readState(m_ctx.db);
        if (o.kind == Outcome::Refused)
            return checkRefused(o, before, after);
        QString problem = checkSucceeded(o, before, after);
        if (problem.isEmpty())
            problem = checkInvariants(o, before, after, currentMonthBefore);
        return problem;
    }

    QString history() const
    {
        return m_log.mid(qMax<qsizetype>(0, m_log.size() - 12)).join(QLatin1Char('\n'));
    }

private:
    struct Outcome
    {
        enum Kind
        {
            Ok,
            Refused
        } kind = Ok;
        QString op;
        QString description;
        Error error;
        qint64 companyDelta = 0;
        QHash<QString, qint64> memberDelta; // exact changes expected (others unchanged)
        bool anyMemberMayRise = false;      // billing: recharges anywhere, total known
        qint64 totalRecharged = 0;
        QString target; // the member whose auto-recharge ran (charge, save)
        bool couldNotPay = false;
        bool clockMoved = false;
    };

    static QString monthOf(const QDateTime& t) { return t.toUTC().toString(s("yyyy-MM")); }

    int bounded(int lo, int hi)
    {
        return lo + int(m_rng.bounded(quint32(hi - lo + 1)));
    } // [lo, hi]
    bool chance(int percent) { return int(m_rng.bounded(100u)) < percent; }

    QString pickMember()
    {
        return m_members.isEmpty() ? s("nobody.here")
                                   : m_members[bounded(0, int(m_members.size()) - 1)];
    }

    qint64 badAmount()
    {
        switch (bounded(0, 2)) {
        case 0:
            return 0;
        case 1:
            return -bounded(1, 5000);
        default:
            return Money::MaxOperationCents + bounded(1, 1000);
        }
    }

    template<typename T> void noteResult(Outcome& o, const sb::Result<T>& r)
    {
        if (r.ok()) {
            m_stats.ok[o.op]++;
        } else {
            o.kind = Outcome::Refused;
            o.error = r.error();
            m_stats.refused[o.op]++;
            o.description += QStringLiteral(" -> refused (%1)").arg(r.error().message);
        }
    }

    void noteRecharge(Outcome& o, const sb::RechargeOutcome& r)
    {
        o.totalRecharged = r.recharged.cents();
        o.couldNotPay = r.companyCouldNotPay;
        m_stats.recharges += r.recharges;
        m_stats.companyCouldNotPay += r.companyCouldNotPay ? 1 : 0;
        m_stats.suspensions += r.suspendedUntil.isValid() && r.recharges > 0 ? 1 : 0;
        if (r.recharges > 0)
            o.description += QStringLiteral(" [recharged %1]").arg(r.recharged.toString());
    }

    Outcome randomOperation(const State& st)
    {
        Outcome o;
        int roll = m_members.size() < 2 ? 10 : bounded(0, 99);
        // Keep money moving: with nothing to spend, mostly fund first (refusals stay common).
        bool anyFunded = false;
        for (const QString& m : std::as_const(m_members))
            anyFunded = anyFunded || st.balances.value(m) > 0;
        if (roll >= 38 && roll < 63 && !anyFunded && chance(70))
            roll = st.company > 0 ? 20 : 0; // charge -> allocate or top-up
        if (roll >= 18 && roll < 38 && st.company == 0 && chance(70))
            roll = 0; // allocate -> top-up
        if (roll < 8)
            topUp(o);
        else if (roll < 18)
            addMember(o);
        else if (roll < 38)
            allocate(o, st);
        else if (roll < 63)
            charge(o, st);
        else if (roll < 75)
            setAutoRecharge(o);
        else if (roll < 79)
            disableAutoRecharge(o);
        else if (roll < 91)
            moveClock(o);
        else
            billing(o);
        return o;
    }

    void topUp(Outcome& o)
    {
        o.op = s("topup");
        const qint64 cents = chance(10) ? badAmount() : bounded(1, chance(70) ? 20000 : 200000);
        o.description = QStringLiteral("topup %1").arg(Money::fromCents(cents).toString());
        auto r = sb::CompanyService(m_ctx).topUp(Money::fromCents(cents),
                                                 QStringLiteral("P-%1").arg(m_number));
        noteResult(o, r);
        o.companyDelta = cents;
    }

    void addMember(Outcome& o)
    {
        o.op = s("add");
        QString account =
            QStringLiteral("p%1.m%2").arg(m_number, 5, 10, QLatin1Char('0')).arg(m_members.size());
        const int variant = bounded(0, 9);
        if (variant == 0 && !m_members.isEmpty())
            account = pickMember().toUpper(); // duplicate, other case
        else if (variant == 1)
            account = QStringLiteral("%1bad").arg(m_number); // digit first
        else if (variant == 2)
            account = s("ab"); // too short
        o.description = QStringLiteral("add %1").arg(account);
        auto r = sb::MemberService(m_ctx).add(
            {account, QStringLiteral("Member %1").arg(account), QString(), QString()});
        noteResult(o, r);
        if (r.ok())
            m_members << sb::accountKey(account);
    }

    void allocate(Outcome& o, const State& st)
    {
        o.op = s("allocate");
        QStringList targets;
        const int n = bounded(1, qMin(4, int(m_members.size())));
        QStringList pool = m_members;
        for (int i = 0; i < n && !pool.isEmpty(); ++i)
            targets << pool.takeAt(bounded(0, int(pool.size()) - 1));
        if (chance(8))
            targets << targets.first().toUpper(); // duplicate
        if (chance(8))
            targets.insert(bounded(0, int(targets.size())), s("nobody.here"));
        // Around what the company can pay for everyone: some fit, some do not.
        qint64 each =
            bounded(1, int(qMin<qint64>(
                           st.company * 5 / 4 / qMax<qsizetype>(1, targets.size()) + 100, 100000)));
        if (chance(8))
            each = badAmount();
        o.description = QStringLiteral("allocate %1 to %2")
                            .arg(Money::fromCents(each).toString(), targets.join(QLatin1Char(',')));
        auto r = sb::CreditService(m_ctx).allocate(Money::fromCents(each), targets);
        noteResult(o, r);
        if (r.ok()) {
            o.companyDelta = -each * targets.size();
            for (const QString& t : std::as_const(targets))
                o.memberDelta[sb::accountKey(t)] += each;
            if (r->companyBalance.cents() != st.company - each * targets.size())
                o.description += s(" !! reported company balance wrong");
        }
    }

    void charge(Outcome& o, const State& st)
    {
        o.op = s("charge");
        QString account = chance(3) ? s("nobody.here") : pickMember();
        QStringList funded;
        for (const QString& m : std::as_const(m_members)) {
            if (st.balances.value(m) > 0)
                funded << m;
        }
        if (!funded.isEmpty() && chance(80))
            account = funded[bounded(0, int(funded.size()) - 1)];
        const qint64 balance = st.balances.value(account);
        qint64 cents;
        const int variant = bounded(0, 9);
        if (variant < 6 && balance > 0)
            cents = bounded(1, int(qMin<qint64>(balance, 1'000'000'000)));
        else if (variant < 8)
            cents = balance > 0 ? balance : 1;
        else if (variant < 9)
            cents = balance + bounded(1, 1000);
        else
            cents = badAmount();
        o.description = QStringLiteral("charge %1 %2 (balance %3)")
                            .arg(account, Money::fromCents(cents).toString(),
                                 Money::fromCents(balance).toString());
        if (chance(30)) {
            // A call: charged in full, also past the balance (owed), then auto-recharge.
            o.op = s("call");
            if (chance(10))
                account = s("nobody.here"); // refused: the import reports unknown codes
            if (variant == 9 || chance(50))
                cents = balance + bounded(1, 5000);
            o.description = QStringLiteral("call %1 %2 (balance %3)")
                                .arg(account, Money::fromCents(cents).toString(),
                                     Money::fromCents(balance).toString());
            auto r = sb::Transaction::run(
                m_ctx.db, [&](sb::Transaction& tx) -> sb::Result<sb::CreditService::CallCharge> {
                    auto member = sb::MemberService(m_ctx).find(account);
                    if (!member)
                        return member.error();
                    if (auto l = sb::Ledger(m_ctx).lockBalances(
                            tx, {sb::Ledger::CompanyAccount, member->accountId});
                        !l)
                        return l.error();
                    return sb::CreditService(m_ctx).chargeCall(tx, *member, Money::fromCents(cents),
                                                               s("call"), QString());
                });
            noteResult(o, r);
            if (r.ok()) {
                noteRecharge(o, r->recharge);
                o.target = account;
                o.memberDelta[account] = -cents + o.totalRecharged;
                o.companyDelta = -o.totalRecharged;
                if (r->balance.cents() != balance - cents + o.totalRecharged)
                    o.description += s(" !! reported balance wrong");
                if (r->balance.isNegative())
                    m_stats.owed++;
            }
            return;
        }
        auto r = sb::CreditService(m_ctx).charge(account, Money::fromCents(cents), s("call"));
        noteResult(o, r);
        if (r.ok()) {
            noteRecharge(o, r->recharge);
            o.target = account;
            o.memberDelta[account] = -cents + o.totalRecharged;
            o.companyDelta = -o.totalRecharged;
            if (r->balance.cents() != balance - cents + o.totalRecharged)
                o.description += s(" !! reported balance wrong");
        }
    }

    void setAutoRecharge(Outcome& o)
    {
        o.op = s("autorecharge.set");
        const QString account = chance(3) ? s("nobody.here") : pickMember();
        qint64 amount = bounded(100, 3000);
        qint64 threshold = bounded(0, 4000);
        qint64 limit = amount * bounded(1, 5) + (chance(50) ? bounded(0, 999) : 0);
        switch (chance(12) ? bounded(0, 2) : -1) {
        case 0:
            limit = amount - 1;
            break;
        case 1:
            amount = 0;
            break;
        case 2:
            threshold = -1;
            break;
        default:
            break;
        }
        o.description =
            QStringLiteral("autorecharge %1 amount %2 below %3 limit %4")
                .arg(account, Money::fromCents(amount).toString(),
                     Money::fromCents(threshold).toString(), Money::fromCents(limit).toString());
        auto r = sb::CreditService(m_ctx).setAutoRecharge(account, Money::fromCents(amount),
                                                          Money::fromCents(threshold),
                                                          Money::fromCents(limit));
        noteResult(o, r);
        if (r.ok()) {
            noteRecharge(o, *r);
            o.target = account;
            o.memberDelta[account] = o.totalRecharged;
            o.companyDelta = -o.totalRecharged;
        }
    }

    void disableAutoRecharge(Outcome& o)
    {
        o.op = s("autorecharge.off");
        const QString account = pickMember();
        o.description = QStringLiteral("autorecharge off %1").arg(account);
        noteResult(o, sb::CreditService(m_ctx).disableAutoRecharge(account));
    }

    void moveClock(Outcome& o)
    {
        o.op = s("clock");
        o.clockMoved = true;
        const QDateTime now = m_clock.now();
        const QDate first(now.date().year(), now.date().month(), 1);
        const QDateTime nextMonth(first.addMonths(1), QTime(0, 0), Qt::UTC);
        switch (bounded(0, 5)) {
        case 0:
            m_clock.advanceSecs(bounded(1, 3600));
            break;
        case 1:
            m_clock.advanceSecs(qint64(bounded(1, 12)) * 86400);
            break;
        case 2:
            m_clock.set(nextMonth.addSecs(-1));
            break; // the last second of the month
        case 3:
            m_clock.set(nextMonth);
            break; // the first second of the next
        case 4:
            m_clock.set(nextMonth.addSecs(bounded(0, 86400 * 3)));
            break;
        default:
            m_clock.set(
                QDateTime(first.addMonths(bounded(2, 3)), QTime(bounded(0, 23), 0), Qt::UTC));
            break;
        }
        if (monthOf(m_clock.now()) != monthOf(now))
            m_stats.monthsCrossed++;
        o.description = QStringLiteral("clock %1").arg(m_clock.now().toString(Qt::ISODate));
        m_stats.ok[o.op]++;
    }

    void billing(Outcome& o)
    {
        o.op = s("billing");
        o.description =
            QStringLiteral("billing run at %1").arg(m_clock.now().toString(Qt::ISODate));
        auto r = sb::BillingService(m_ctx).run();
        noteResult(o, r);
        if (r.ok()) {
            o.anyMemberMayRise = true;
            o.totalRecharged = r->recharged.cents();
            o.companyDelta = -o.totalRecharged;
            if (r->recharged.isPositive())
                o.description += QStringLiteral(" [recharged %1]").arg(r->recharged.toString());
        }
    }

    QString checkRefused(const Outcome& o, const State& before, const State& after) const
    {
        if (o.error.kind == Error::Kind::Storage)
            return QStringLiteral("%1 failed in storage: %2").arg(o.op, o.error.message);
        if (o.error.message.isEmpty())
            return QStringLiteral("%1 refused without a message").arg(o.op);
        if (!(before.snapshot == after.snapshot))
            return QStringLiteral("refused %1 changed something: %2")
                .arg(o.op, before.snapshot.diff(after.snapshot));
        return {};
    }

    QString checkSucceeded(const Outcome& o, const State& before, const State& after) const
    {
        if (o.description.contains(s(" !! ")))
            return QStringLiteral("%1 reported a wrong figure").arg(o.op);
        if (after.company - before.company != o.companyDelta)
            return QStringLiteral("company moved by %1, expected %2")
                .arg(after.company - before.company)
                .arg(o.companyDelta);
        qint64 risen = 0;
        for (auto it = after.balances.cbegin(); it != after.balances.cend(); ++it) {
            const qint64 delta = it.value() - before.balances.value(it.key());
            if (o.anyMemberMayRise) {
                if (delta < 0)
                    return QStringLiteral("%1 lost %2 in a billing run").arg(it.key()).arg(delta);
                risen += delta;
            } else if (delta != o.memberDelta.value(it.key())) {
                return QStringLiteral("%1 moved by %2, expected %3")
                    .arg(it.key())
                    .arg(delta)
                    .arg(o.memberDelta.value(it.key()));
            }
        }
        if (o.anyMemberMayRise && risen != o.totalRecharged)
            return QStringLiteral("billing recharged %1 in all, reported %2")
                .arg(risen)
                .arg(o.totalRecharged);
        return {};
    }

    QString checkInvariants(const Outcome& o, const State& before, const State& after,
                            const QString& monthBefore) const
    {
        if (const QString books = sbt::booksProblem(m_ctx); !books.isEmpty())
            return books;
        const QString month = monthOf(m_clock.now());
        const QDate today = m_clock.now().toUTC().date();
        // Recharges made in this step, per member account.
        QHash<qint64, qint64> rechargedNow;
        {
            auto run =
                m_ctx.db.run(s("SELECT to_account, CAST(SUM(amount_cents) AS BIGINT) FROM ledger"
                               " WHERE id > ? AND kind = 'autorecharge' GROUP BY to_account"),
                             {before.ledgerMaxId});
            if (!run)
                return run.error().message;
            QSqlQuery& q = run.value();
            while (q.next())
                rechargedNow.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        }
        // What the ledger says each member with auto-recharge got in the row's month.
        QHash<QString, qint64> ledgerMonth;
        {
            auto run = m_ctx.db.run(
                s("SELECT m.account_key, CAST(COALESCE((SELECT SUM(l.amount_cents) FROM ledger l"
                  " WHERE l.to_account = m.account_id AND l.kind = 'autorecharge' AND SUBSTR(l.at, "
                  "1, 7) = r.month), 0)"
                  " AS BIGINT) FROM auto_recharge r JOIN members m ON m.id = r.member_id"));
            if (!run)
                return run.error().message;
            QSqlQuery& q = run.value();
            while (q.next())
                ledgerMonth.insert(q.value(0).toString(), q.value(1).toLongLong());
        }
        for (auto it = after.autoRecharge.cbegin(); it != after.autoRecharge.cend(); ++it) {
            const QString& account = it.key();
            const ArRow& row = it.value();
            const qint64 accountId = after.accountIds.value(account);
            if (ledgerMonth.value(account) != row.recharged)
                return QStringLiteral("%1: row says %2 recharged in %3, ledger says %4")
                    .arg(account)
                    .arg(row.recharged)
                    .arg(row.month)
                    .arg(ledgerMonth.value(account));
            const bool rechargedInStep = rechargedNow.contains(accountId);
            if (rechargedInStep && row.recharged > row.limit)
                return QStringLiteral("%1: recharged %2 this month, past the limit %3")
                    .arg(account)
                    .arg(row.recharged)
                    .arg(row.limit);
            // No recharge while suspended, unless the admin saved new settings for it.
            const ArRow was = before.autoRecharge.value(account);
            const bool suspendedBefore = before.autoRecharge.contains(account) &&
                                         was.month == monthBefore &&
                                         !was.suspendedUntil.isEmpty() && month == monthBefore;
            if (rechargedInStep && suspendedBefore &&
                !(o.op == s("autorecharge.set") && o.target == account))
                return QStringLiteral("%1 recharged while suspended until %2")
                    .arg(account, was.suspendedUntil);
            if (!row.suspendedUntil.isEmpty()) {
                const QDate until = QDate::fromString(row.suspendedUntil, Qt::ISODate);
                const QDate monthStart = QDate::fromString(row.month + s("-01"), Qt::ISODate);
                if (until != monthStart.addMonths(1))
                    return QStringLiteral("%1 suspended until %2 in month %3")
                        .arg(account, row.suspendedUntil, row.month);
                // Suspended only once another recharge would go past the limit: with room
                // left for one more, the member was cut off too early.
                if (row.recharged + row.amount <= row.limit)
                    return QStringLiteral("%1 suspended with %2 of %3 recharged, room for another"
                                          " %4")
                        .arg(account)
                        .arg(row.recharged)
                        .arg(row.limit)
                        .arg(row.amount);
            }
            // Saved or charged: not left below the threshold without a reason.
            if (account == o.target && row.month == month && row.suspendedUntil.isEmpty() &&
                !o.couldNotPay && after.balances.value(account) < row.threshold)
                return QStringLiteral("%1 left at %2, below the threshold %3")
                    .arg(account)
                    .arg(after.balances.value(account))
                    .arg(row.threshold);
            if (account == o.target && !row.suspendedUntil.isEmpty() &&
                QDate::fromString(row.suspendedUntil, Qt::ISODate) <= today)
                return QStringLiteral("%1 suspended until %2, which is not after today")
                    .arg(account, row.suspendedUntil);
        }
        // Recharges only go to members with auto-recharge.
        for (auto it = rechargedNow.cbegin(); it != rechargedNow.cend(); ++it) {
            if (!after.accountIds.values().contains(it.key()))
                return QStringLiteral("a recharge went to account %1, not a member").arg(it.key());
        }
        return {};
    }

    const sb::Context& m_ctx;
    sb::FixedClock& m_clock;
    QRandomGenerator m_rng;
    int m_number;
    Stats& m_stats;
    QStringList m_members; // account keys of this sequence
    QStringList m_log;
};

} // namespace

class TestLedgerProperty : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void randomSequences_data() { sbt::addEngineRows(); }
    void randomSequences();
};

void TestLedgerProperty::initTestCase()
{
    SB_INIT_CORE_TEST();
    // Read once, here in the test: the core never reads the time for itself.
    bool ok = false;
    const qulonglong fromEnv = qEnvironmentVariable("SWITCHBOARD_PROPERTY_SEED").toULongLong(&ok);
    g_seed = ok ? quint32(fromEnv) : quint32(QDateTime::currentMSecsSinceEpoch() & 0xffffffffu);
    qInfo("property seed %u (replay with SWITCHBOARD_PROPERTY_SEED=%u)", g_seed, g_seed);
}

void TestLedgerProperty::randomSequences()
{
    QFETCH(QString, engine);
    const bool pg = engine == QLatin1String("postgresql");
    const int runs = envInt("SWITCHBOARD_PROPERTY_RUNS", pg ? 150 : 2000);
    const int steps = envInt("SWITCHBOARD_PROPERTY_STEPS", 25);
    const int only = envInt("SWITCHBOARD_PROPERTY_SEQUENCE", -1);
    // SQLite: a fresh in-memory database per sequence. PostgreSQL: a fresh database per
    // batch of sequences, each sequence working on its own new members beside the earlier
    // ones (whose auto-recharges the billing runs keep processing).
    const int batch = pg ? 25 : 1;
    qInfo("%s: %d sequences x %d steps, seed %u", qPrintable(engine), runs, steps, g_seed);

    Stats stats;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<sb::test::TestDatabase> server;
    std::optional<sb::Database> db;
    sb::FixedClock clock(sbt::defaultNow());
    qint64 totalSteps = 0;
    for (int n = 0; n < runs; ++n) {
        if (only >= 0 && n != only)
            continue;
        if (n % batch == 0 || only >= 0 || !db) {
            db.reset();
            server.reset();
            if (pg) {
                server = std::make_unique<sb::test::TestDatabase>(engine);
                if (!server->ok()) {
                    if (sb::test::TestDatabase::postgresRequired())
                        QFAIL(qPrintable(server->error()));
                    QSKIP(qPrintable(server->error()));
                }
                db.emplace(server->db());
            } else {
                auto opened = sb::Database::open(s(":memory:"));
                QVERIFY2(opened.ok(), qPrintable(sbt::errorText(opened)));
                db.emplace(*opened);
            }
        }
        const quint32 seed = g_seed ^ (quint32(n + 1) * 0x9e3779b9u) ^ (pg ? 0x5bd1e995u : 0u);
        QRandomGenerator start(seed);
        if (!pg || n % batch == 0)
            clock.set(QDateTime(QDate(2026, int(start.bounded(1, 13)), int(start.bounded(1, 29))),
                                QTime(int(start.bounded(24)), 0), Qt::UTC));
        const sb::Context ctx{*db, &clock, QStringLiteral("prop")};
        Sequence sequence(ctx, clock, seed, n, stats);
        for (int i = 0; i < steps; ++i) {
            const QString problem = sequence.step();
            ++totalSteps;
            if (!problem.isEmpty())
                QFAIL(qPrintable(
                    QStringLiteral(
                        "%1, seed %2, sequence %3 (replay: SWITCHBOARD_PROPERTY_SEED=%2 "
                        "SWITCHBOARD_PROPERTY_SEQUENCE=%3), step %4: %5\nlast steps:\n%6")
                        .arg(engine)
                        .arg(g_seed)
                        .arg(n)
                        .arg(i)
                        .arg(problem, sequence.history())));
        }
    }
    auto line = [](const QHash<QString, int>& h) {
        QStringList parts;
        for (auto it = h.cbegin(); it != h.cend(); ++it)
            parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        parts.sort();
        return parts.join(QStringLiteral(", "));
    };
    qInfo("%s: %lld steps in %lld ms", qPrintable(engine), totalSteps, timer.elapsed());
    qInfo("  succeeded: %s", qPrintable(line(stats.ok)));
    qInfo("  refused:   %s", qPrintable(line(stats.refused)));
    qInfo("  recharges %d, suspensions %d, company could not pay %d, months crossed %d",
          stats.recharges, stats.suspensions, stats.companyCouldNotPay, stats.monthsCrossed);
    if (only < 0 && runs >= 100) {
        // The generator really exercises both sides of each rule.
        for (const char* op : {"allocate", "charge", "autorecharge.set", "add", "topup"}) {
            QVERIFY2(stats.ok.value(s(op)) > 0, op);
            QVERIFY2(stats.refused.value(s(op)) > 0, op);
        }
        QVERIFY(stats.ok.value(s("call")) > 0);
        QVERIFY(stats.refused.value(s("call")) > 0);
        QVERIFY(stats.owed > 0);
        QVERIFY(stats.recharges > 0);
        QVERIFY(stats.suspensions > 0);
        QVERIFY(stats.companyCouldNotPay > 0);
        QVERIFY(stats.monthsCrossed > 0);
    }
}

QTEST_GUILESS_MAIN(TestLedgerProperty)
#include "tst_ledgerproperty.moc"
