// The books under random work: one generator over every operation that moves money.
// Thousands of seeded random sequences of operations — company top-ups, new members,
// allocations to random subsets of members (many of them refused) and to SIP profiles,
// charges, call charges taken in full even below zero (owed), imports of generated call
// records (CdrLines.h) for members and profiles, auto-recharge settings, number purchases
// and cancellations, SIP profiles and their channel changes (with the pro-rata credit of
// the unused days), US minute bundles (add, change, cancel, extend), clock moves across days
// and month boundaries (and months skipped: catch-up billing), billing runs — and after
// every step:
//   * company + members + profiles + spent == topped up; every stored balance equals the
//     ledger's; the company's balance never below zero (a member's or a profile's only by a
//     call charge: owed); the ledger's summaries agree with the ledger;
//   * a refused operation changed nothing at all (and a refusal is a rule, never a storage
//     failure);
//   * a successful one moved exactly what it said it moved, to whom it said (a channel
//     change: the new month less the unused days of the old one, recomputed here; a bundle
//     change: the new period less the unused minutes);
//   * nothing is charged that was not delivered: each number's charges since its purchase
//     are its price times the periods recorded (and its expiry is that many periods after
//     its anchor); each profile's channel charges since its subscription started are its
//     monthly cost times the periods recorded; each profile's bundle charges are what its
//     bundle periods say was paid; the ledger's call charges are what the calls say was
//     charged, and each call was charged its cost; after a billing run nothing due is left
//     unpaid and unreleased;
//   * auto-recharge: what a member's row says was recharged this month is what the ledger
//     says; no recharge goes past the monthly limit; no recharge while suspended; no
//     suspension while another recharge would still fit under the limit; after a
//     save or a charge the member is not left below the threshold unless suspended or the
//     company could not pay.
// A negative control (wrongEntriesAreCaught) writes deliberately wrong entries and proves
// each check can fail.
//
// $SB_PROPERTY_SEED       the base seed (default: the current time; always printed)
// $SB_PROPERTY_SEQUENCES  sequences per engine (default: a short run, see randomSequences)
// $SB_PROPERTY_FROM       the first sequence number (default 0; PostgreSQL: rounded down to
//                         its batch): scripts/soak.sh runs slices side by side
// $SB_PROPERTY_STEPS      steps per sequence (default 25)
// $SB_PROPERTY_SEQUENCE   replay only this sequence number of the base seed (PostgreSQL
//                         replays its batch up to it: the sequences of a batch share a
//                         database). Every failure prints the two values that replay it.
// $SB_PROPERTY_VERBOSE=1   prints every step.
// The older SWITCHBOARD_PROPERTY_SEED/_RUNS/_STEPS/_SEQUENCE names are read too.
// scripts/soak.sh runs 10,000 sequences per engine.

#include "tests/support/CdrLines.h"
#include "tests/support/CoreTest.h"

#include "core/billing/BillingService.h"
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberRecord.h"
#include "core/numbers/NumberService.h"
#include "core/numbers/PriceList.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/Transaction.h"

#include <algorithm>

#include <QBuffer>
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
bool g_verbose = false; ///< $SB_PROPERTY_VERBOSE=1: every step's description

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

/// $SB_PROPERTY_<name>, else the older $SWITCHBOARD_PROPERTY_<old>.
int propertyEnv(const char* name, const char* old, int fallback)
{
    const QByteArray current = QByteArray("SB_PROPERTY_") + name;
    const QByteArray older = QByteArray("SWITCHBOARD_PROPERTY_") + old;
    return envInt(current.constData(), envInt(older.constData(), fallback));
}

/// What was bought in a database, to judge its charges by: the ledger's highest id before
/// each number's purchase and before each profile's channel subscription started. It
/// outlives a sequence: on PostgreSQL the sequences of a batch share a database.
struct Tracking
{
    QHash<QString, qint64> numberSince;   ///< e164 -> ledger id before its purchase
    QHash<QString, qint64> channelsSince; ///< profile name -> ledger id before it started
    qint64 cdrCounter = 0;
    QList<QByteArray> cdrLines; ///< imported so far (some are imported again: duplicates)
};

/// Empty when nothing was charged that was not delivered (see the file comment); `today`
/// after a billing run also checks that nothing due is left unpaid and unreleased.
QString deliveredProblem(const sb::Database& db, const Tracking& tracking, const QDate& today,
                         bool afterBilling)
{
    // What the ledger charged for each number and each profile's channels since it was
    // bought or its subscription started (two queries, not two per number: PostgreSQL
    // batches hold hundreds).
    const auto chargedSince = [&](const char* kind, const QHash<QString, qint64>& since,
                                  QHash<QString, std::pair<qint64, qint64>>& out) -> QString {
        auto q = db.run(s("SELECT reference, id, amount_cents FROM ledger WHERE kind = ? AND"
                          " from_account = 1 AND to_account IS NULL"),
                        {QString::fromLatin1(kind)});
        if (!q)
            return q.error().message;
        while (q->next()) {
            const QString reference = q->value(0).toString();
            const auto it = since.constFind(reference);
            if (it == since.cend() || q->value(1).toLongLong() <= it.value())
                continue;
            auto& sum = out[reference];
            sum.first += q->value(2).toLongLong();
            sum.second += 1;
        }
        return {};
    };
    // Numbers: the price of each period recorded, nothing more.
    {
        QHash<QString, std::pair<qint64, qint64>> charged; // e164 -> (cents, entries)
        if (const QString e = chargedSince("number", tracking.numberSince, charged); !e.isEmpty())
            return e;
        auto n = db.run(s("SELECT e164, months, price_cents, anchor, periods, expires, status,"
                          " cancelled FROM numbers"));
        if (!n)
            return n.error().message;
        int seen = 0;
        while (n->next()) {
            const QString e164 = n->value(0).toString();
            if (!tracking.numberSince.contains(e164))
                continue;
            ++seen;
            const int months = n->value(1).toInt();
            const qint64 price = n->value(2).toLongLong();
            const QDate anchor = QDate::fromString(n->value(3).toString(), Qt::ISODate);
            const int periods = n->value(4).toInt();
            const QDate expires = QDate::fromString(n->value(5).toString(), Qt::ISODate);
            const QString status = n->value(6).toString();
            const bool cancelled = n->value(7).toInt() != 0;
            const auto paid = charged.value(e164);
            if (paid.first != price * periods || paid.second != periods)
                return QStringLiteral("number %1: charged %2 in %3 entries, but %4 periods at "
                                      "%5 are recorded")
                    .arg(e164)
                    .arg(paid.first)
                    .arg(paid.second)
                    .arg(periods)
                    .arg(price);
            const QDate end = sb::periodEnd(anchor, months, periods);
            if (expires != end)
                return QStringLiteral("number %1: %2 periods of %3 months from %4 end on %5, "
                                      "not %6")
                    .arg(e164)
                    .arg(periods)
                    .arg(months)
                    .arg(anchor.toString(Qt::ISODate), end.toString(Qt::ISODate),
                         expires.toString(Qt::ISODate));
            if (afterBilling && status == QLatin1String("active") && expires <= today)
                return QStringLiteral("number %1 (%2) still active after a billing run, "
                                      "expired %3")
                    .arg(e164, cancelled ? s("cancelled") : s("renewing"),
                         expires.toString(Qt::ISODate));
        }
        if (seen != tracking.numberSince.size())
            return QStringLiteral("%1 numbers bought, %2 rows")
                .arg(tracking.numberSince.size())
                .arg(seen);
    }
    // Channels: the monthly cost of each period of the subscription in force.
    {
        QHash<QString, std::pair<qint64, qint64>> charged; // name -> (cents, entries)
        if (const QString e = chargedSince("channels", tracking.channelsSince, charged);
            !e.isEmpty())
            return e;
        auto p = db.run(s("SELECT name, channels, channel_price_cents, channels_anchor,"
                          " channels_periods, channels_expires, channels_lapsed FROM profiles"));
        if (!p)
            return p.error().message;
        while (p->next()) {
            const QString name = p->value(0).toString();
            if (!tracking.channelsSince.contains(name))
                continue;
            const qint64 monthly = p->value(1).toLongLong() * p->value(2).toLongLong();
            const QDate anchor = QDate::fromString(p->value(3).toString(), Qt::ISODate);
            const int periods = p->value(4).toInt();
            const QDate expires = QDate::fromString(p->value(5).toString(), Qt::ISODate);
            const bool lapsed = p->value(6).toInt() != 0;
            const auto paid = charged.value(name);
            if (paid.first != monthly * periods || paid.second != periods)
                return QStringLiteral("channels of %1: charged %2 in %3 entries, but %4 periods "
                                      "at %5 are recorded")
                    .arg(name)
                    .arg(paid.first)
                    .arg(paid.second)
                    .arg(periods)
                    .arg(monthly);
            if (expires != anchor.addMonths(periods))
                return QStringLiteral("channels of %1: %2 periods from %3 end on %4")
                    .arg(name)
                    .arg(periods)
                    .arg(anchor.toString(Qt::ISODate), expires.toString(Qt::ISODate));
            if (afterBilling && !lapsed && expires <= today)
                return QStringLiteral("channels of %1 neither renewed nor lapsed: paid until %2")
                    .arg(name, expires.toString(Qt::ISODate));
        }
    }
    // Bundles: what each profile paid is what its periods say it paid, count × price each.
    {
        const QStringList wrongRows =
            sbt::rows(db, s("SELECT id, bundle_count, price_cents, paid_cents FROM bundle_periods"
                            " WHERE paid_cents <> bundle_count * price_cents"));
        if (!wrongRows.isEmpty())
            return QStringLiteral("bundle periods paid other than count x price: %1")
                .arg(wrongRows.join(QLatin1Char(' ')));
        const QStringList differ = sbt::rows(
            db, s("SELECT p.name, CAST(COALESCE((SELECT SUM(l.amount_cents) FROM ledger l WHERE"
                  " l.kind = 'bundle' AND l.from_account = p.account_id), 0) AS BIGINT),"
                  " CAST(COALESCE((SELECT SUM(b.paid_cents) FROM bundle_periods b WHERE"
                  " b.profile_id = p.id), 0) AS BIGINT) FROM profiles p ORDER BY p.id"));
        for (const QString& row : differ) {
            const QStringList f = row.split(QLatin1Char('|'));
            if (f.size() == 3 && f[1] != f[2])
                return QStringLiteral("bundles of %1: the ledger took %2, the periods say %3 "
                                      "was paid")
                    .arg(f[0], f[1], f[2]);
        }
        const QStringList minutes = sbt::rows(
            db, s("SELECT p.name, CAST(COALESCE((SELECT SUM(c.bundle_minutes) FROM calls c WHERE"
                  " c.profile_id = p.id), 0) AS BIGINT), CAST(COALESCE((SELECT"
                  " SUM(b.minutes_used) FROM bundle_periods b WHERE b.profile_id = p.id), 0)"
                  " AS BIGINT) FROM profiles p ORDER BY p.id"));
        for (const QString& row : minutes) {
            const QStringList f = row.split(QLatin1Char('|'));
            if (f.size() == 3 && f[1] != f[2])
                return QStringLiteral("bundles of %1: calls took %2 bundle minutes, the periods "
                                      "say %3 were used")
                    .arg(f[0], f[1], f[2]);
        }
    }
    // Calls: the ledger's call charges are the calls' charges, each call charged its cost.
    {
        // (The generator's direct call charges, without a call record, have no reference.)
        const QStringList calls =
            sbt::rows(db, s("SELECT CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT),"
                            " COUNT(CASE WHEN charged_cents > 0 THEN 1 END),"
                            " COUNT(CASE WHEN charged_cents <> cost_cents THEN 1 END) FROM calls"));
        const QStringList ledger = sbt::rows(
            db, s("SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT), COUNT(*) FROM ledger"
                  " WHERE kind = 'call' AND to_account IS NULL AND reference <> ''"));
        const QStringList f = calls.value(0).split(QLatin1Char('|'));
        const QStringList l = ledger.value(0).split(QLatin1Char('|'));
        if (f.value(2) != QLatin1String("0"))
            return QStringLiteral("%1 calls charged other than their cost").arg(f.value(2));
        if (f.value(0) != l.value(0) || f.value(1) != l.value(1))
            return QStringLiteral("the ledger took %1 in %2 entries for calls, the calls say %3 "
                                  "was charged for %4")
                .arg(l.value(0), l.value(1), f.value(0), f.value(1));
    }
    return {};
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
    QHash<QString, qint64> profiles;    // profile name -> cents
    qint64 ledgerMaxId = 0;
    sbt::Snapshot snapshot;
    QStringList others; // numbers, profiles, bundle periods, calls: what a refusal keeps
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
    q.exec(s("SELECT p.name, a.balance_cents FROM profiles p JOIN accounts a ON a.id = "
             "p.account_id"));
    while (q.next())
        st.profiles.insert(q.value(0).toString(), q.value(1).toLongLong());
    st.snapshot = sbt::snapshot(db);
    st.others
        << sbt::rows(db, s("SELECT id, e164, member_id, profile_id, months, periods,"
                           " expires, cancelled, status FROM numbers ORDER BY id"))
               .join(QLatin1Char(' '))
        << sbt::rows(db, s("SELECT id, channels, channels_anchor, channels_periods,"
                           " channels_expires, channels_lapsed FROM profiles ORDER BY id"))
               .join(QLatin1Char(' '))
        << sbt::rows(db, s("SELECT id, starts_on, ends_on, bundle_count, paid_cents,"
                           " minutes_used, state FROM bundle_periods ORDER BY id"))
               .join(QLatin1Char(' '))
        << sbt::rows(db, s("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM calls")).join(QString());
    return st;
}

struct Stats
{
    QHash<QString, int> ok, refused;
    int owed = 0; ///< call charges that left a member owing
    int recharges = 0, suspensions = 0, companyCouldNotPay = 0, monthsCrossed = 0;
    int numbersRenewed = 0, numbersExpired = 0, numbersReleased = 0, channelsRenewed = 0,
        channelsLapsed = 0, channelCredits = 0, bundlesRenewed = 0, bundlesLapsed = 0,
        bundleRefunds = 0, callsImported = 0, callsDuplicate = 0, bundleMinuteCalls = 0;
};

class Sequence
{
public:
    Sequence(const sb::Context& ctx, sb::FixedClock& clock, quint32 seed, int number, Stats& stats,
             Tracking& tracking)
        : m_ctx(ctx), m_clock(clock), m_rng(seed), m_number(number), m_stats(stats),
          m_tracking(tracking)
    {
    }

    /// Runs one random operation and checks it; empty or what went wrong.
    QString step()
    {
        ++m_step;
        const State before = readState(m_ctx.db);
        const QString currentMonthBefore = monthOf(m_clock.now());
        Outcome o = randomOperation(before);
        m_log << o.description;
        if (g_verbose)
            qInfo("%d: %s", m_number, qPrintable(o.description));
        const State after = readState(m_ctx.db);
        if (o.kind == Outcome::Refused)
            return checkRefused(o, before, after);
        QString problem = checkSucceeded(o, before, after);
        if (problem.isEmpty())
            problem = checkInvariants(o, before, after, currentMonthBefore);
        if (problem.isEmpty())
            problem =
                deliveredProblem(m_ctx.db, m_tracking, m_clock.now().toUTC().date(), o.billingRun);
        return problem;
    }

    void setLength(int steps) { m_steps = steps; }

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
        QHash<QString, qint64> profileDelta; // exact changes expected (others unchanged)
        bool looseMembers = false;           // a call import: members move by calls and recharges
        bool looseProfiles = false;          // a call import: profiles move by their calls
        qint64 profilesTotal = 0;            // billing: what the profiles paid for bundles together
        bool billingRun = false;
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
        // The last third of a sequence lives through the months that follow: clock moves and
        // billing runs, so that what was bought is renewed, lapses, expires or is released.
        if (m_steps > 0 && m_step * 3 >= m_steps * 2 && chance(45)) {
            if (m_lastWasClock)
                billing(o);
            else
                moveClock(o);
            m_lastWasClock = o.clockMoved;
            return o;
        }
        m_lastWasClock = false;
        if (m_members.size() >= 2 && chance(40)) {
            if (st.company < 2000 && chance(50))
                topUp(o);
            else
                profileOperation(o, st);
            return o;
        }
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

    // --- SIP profiles, numbers, channels, bundles and imported calls ---

    QString pickProfile()
    {
        return m_profiles.isEmpty() || chance(4)
                   ? s("No Such Trunk")
                   : m_profiles[bounded(0, int(m_profiles.size()) - 1)];
    }

    void profileOperation(Outcome& o, const State& st)
    {
        const int roll = m_profiles.isEmpty() ? 0 : bounded(0, 99);
        if (roll < 8)
            createProfile(o, st);
        else if (roll < 18)
            creditProfile(o, st);
        else if (roll < 32)
            buyNumbers(o, st);
        else if (roll < 38 && !m_numbers.isEmpty())
            cancelNumber(o);
        else if (roll < 38)
            buyNumbers(o, st);
        else if (roll < 48)
            setChannels(o, st);
        else if (roll < 82)
            bundleOperation(o, st);
        else
            importCalls(o, st);
    }

    static sb::Money channelPrice() { return sb::PriceList::builtIn().channelPrice(); }

    void createProfile(Outcome& o, const State& st)
    {
        o.op = s("profile.create");
        QString name = QStringLiteral("Trunk %1-%2").arg(m_number).arg(m_profiles.size());
        int channels = bounded(1, 4);
        if (chance(8) && !m_profiles.isEmpty())
            name = m_profiles[bounded(0, int(m_profiles.size()) - 1)].toUpper(); // a duplicate
        if (chance(6))
            channels = chance(50) ? 0 : 301;
        o.description =
            QStringLiteral("profile create %1 with %2 channels").arg(name).arg(channels);
        sb::NewSipProfile p;
        p.name = name;
        p.auth = sb::SipProfile::Auth::Ip;
        p.ip = s("203.0.113.7");
        p.channels = channels;
        const qint64 ledgerBefore = st.ledgerMaxId;
        auto r = sb::ProfileService(m_ctx).create(p);
        noteResult(o, r);
        if (r.ok()) {
            m_profiles << r->profile.name;
            m_tracking.channelsSince.insert(r->profile.name, ledgerBefore);
            o.companyDelta = -channelPrice().cents() * channels;
            o.profileDelta[r->profile.name] = 0;
        }
    }

    void creditProfile(Outcome& o, const State& st)
    {
        o.op = s("profile.credit");
        const QString name = pickProfile();
        qint64 cents = bounded(1, int(qMin<qint64>(st.company + 500, 50000)));
        if (chance(8))
            cents = badAmount();
        o.description =
            QStringLiteral("credit profile %1 %2").arg(name, Money::fromCents(cents).toString());
        auto r = sb::ProfileService(m_ctx).allocateCredit(name, Money::fromCents(cents));
        noteResult(o, r);
        if (r.ok()) {
            o.companyDelta = -cents;
            o.profileDelta[r->name] = cents;
        }
    }

    void buyNumbers(Outcome& o, const State& st)
    {
        o.op = s("number.buy");
        static const QStringList areas{s("212"), s("213"), s("312"), s("415"), s("617")};
        sb::NumberService::BuyRequest r;
        r.country = s("US");
        r.area = chance(4) ? s("999") : areas[bounded(0, int(areas.size()) - 1)];
        static const int months[] = {1, 1, 1, 3, 12};
        r.months = chance(4) ? 2 : months[bounded(0, 4)];
        const int n = bounded(1, 3);
        QStringList names;
        for (int i = 0; i < n; ++i) {
            const bool member = m_profiles.isEmpty() || chance(60);
            const QString holder = member ? pickMember() : pickProfile();
            r.holders << (member ? sb::NumberHolder::member(holder)
                                 : sb::NumberHolder::profile(holder));
            names << holder;
        }
        o.description = QStringLiteral("number buy %1 %2 months for %3")
                            .arg(r.area)
                            .arg(r.months)
                            .arg(names.join(QLatin1Char(',')));
        auto bought = sb::NumberService(m_ctx).buy(r);
        noteResult(o, bought);
        if (bought.ok()) {
            const qint64 price =
                sb::PriceList::builtIn().numberPrice(r.country, r.months).value_or(Money()).cents();
            o.companyDelta = -price * bought->size();
            for (const auto& purchase : std::as_const(*bought)) {
                m_numbers << purchase.e164;
                m_tracking.numberSince.insert(purchase.e164, st.ledgerMaxId);
                if (purchase.price.cents() != price)
                    o.description += s(" !! price");
            }
        }
    }

    void cancelNumber(Outcome& o)
    {
        o.op = s("number.cancel");
        const QString e164 = m_numbers.isEmpty() || chance(5)
                                 ? s("+12125550199")
                                 : m_numbers[bounded(0, int(m_numbers.size()) - 1)];
        o.description = QStringLiteral("number cancel %1").arg(e164);
        noteResult(o, sb::NumberService(m_ctx).cancel(e164));
    }

    void setChannels(Outcome& o, const State& st)
    {
        o.op = s("channels");
        const QString name = pickProfile();
        auto before = sb::ProfileService(m_ctx).find(name);
        int channels = bounded(1, 5);
        if (chance(6))
            channels = chance(50) ? 0 : 301;
        else if (before && chance(10))
            channels = before->channels; // the same: refused unless lapsed
        o.description = QStringLiteral("profile channels %1 %2").arg(name).arg(channels);
        const qint64 ledgerBefore = st.ledgerMaxId;
        auto r = sb::ProfileService(m_ctx).setChannels(name, channels);
        noteResult(o, r);
        if (!r.ok())
            return;
        // The unused days of the old subscription, recomputed from its row: its monthly
        // cost × days left / days of the paid month, half up.
        const QDate today = m_clock.now().toUTC().date();
        qint64 credit = 0;
        const QDate start = before->channelsPeriodStart;
        const QDate end = before->channelsExpires;
        if (!before->channelsLapsed && today < end && start < end) {
            const qint64 days = start.daysTo(end);
            const qint64 unused = qMin(days, today.daysTo(end));
            const qint64 paid = before->monthlyChannelCost().cents();
            credit = (2 * paid * unused + days) / (2 * days);
        }
        const qint64 charged = channelPrice().cents() * channels;
        o.companyDelta = credit - charged;
        o.description +=
            QStringLiteral(" [charged %1, credited %2]")
                .arg(Money::fromCents(charged).toString(), Money::fromCents(credit).toString());
        if (r->charged.cents() != charged || r->credited.cents() != credit)
            o.description += s(" !! reported charge or credit wrong");
        if (credit > 0)
            m_stats.channelCredits++;
        m_tracking.channelsSince.insert(before->name, ledgerBefore);
    }

    struct BundleRow
    {
        qint64 id = 0;
        QString state;
        QDate starts, ends;
        int count = 0;
        qint64 price = 0, used = 0;
    };
    QList<BundleRow> bundleRows(qint64 profileId) const
    {
        QList<BundleRow> out;
        auto q = m_ctx.db.run(s("SELECT id, state, starts_on, ends_on, bundle_count, price_cents,"
                                " minutes_used FROM bundle_periods WHERE profile_id = ?"
                                " ORDER BY starts_on, id"),
                              {profileId});
        while (q && q->next())
            out.append({q->value(0).toLongLong(), q->value(1).toString(),
                        QDate::fromString(q->value(2).toString(), Qt::ISODate),
                        QDate::fromString(q->value(3).toString(), Qt::ISODate), q->value(4).toInt(),
                        q->value(5).toLongLong(), q->value(6).toLongLong()});
        return out;
    }

    void bundleOperation(Outcome& o, const State& st)
    {
        const QString name = pickProfile();
        // Bundles are paid from the profile's own balance: fund it first, often.
        if (st.profiles.value(name) < 9000 && st.company > 3000 && chance(60)) {
            o.op = s("profile.credit");
            const qint64 cents = bounded(3000, int(qMin<qint64>(st.company, 30000)));
            o.description = QStringLiteral("credit profile %1 %2 for bundles")
                                .arg(name, Money::fromCents(cents).toString());
            auto r = sb::ProfileService(m_ctx).allocateCredit(name, Money::fromCents(cents));
            noteResult(o, r);
            if (r.ok()) {
                o.companyDelta = -cents;
                o.profileDelta[r->name] = cents;
            }
            return;
        }
        auto p = sb::ProfileService(m_ctx).find(name);
        const sb::BundleService bundles(m_ctx);
        const QDate today = m_clock.now().toUTC().date();
        const QList<BundleRow> rowsBefore = p ? bundleRows(p->id) : QList<BundleRow>();
        QList<BundleRow> inForce;
        for (const BundleRow& b : rowsBefore) {
            if ((b.state == QLatin1String("active") || b.state == QLatin1String("cancelled")) &&
                b.ends > today)
                inForce << b;
        }
        const int channels = p ? p->channels : 1;
        int count = bounded(1, channels);
        if (chance(6))
            count = chance(50) ? 0 : channels + 1;
        // Mostly add to a profile without bundles, mostly change, cancel or extend others.
        const int roll = bounded(0, 99);
        qint64 delta = 0;
        bool ok = false;
        if (inForce.isEmpty() ? roll < 70 : roll < 10) {
            o.op = s("bundle.add");
            o.description = QStringLiteral("bundle add %1 %2").arg(name).arg(count);
            auto r = bundles.add(name, count);
            noteResult(o, r);
            ok = r.ok();
            if (ok) {
                delta = -bundles.cost(count).cents();
                if (r->cost.cents() != -delta)
                    o.description += s(" !! cost");
            }
        } else if (roll < 55) {
            o.op = s("bundle.change");
            o.description = QStringLiteral("bundle change %1 %2").arg(name).arg(count);
            auto r = bundles.change(name, count);
            noteResult(o, r);
            ok = r.ok();
            if (ok) {
                // The unused minutes of the periods in force, at the last one's price.
                qint64 unused = 0;
                for (const BundleRow& b : std::as_const(inForce))
                    unused +=
                        qMax<qint64>(0, b.count * sb::BundleService::MinutesPerBundle - b.used);
                const qint64 refund =
                    sb::BundleService::refundFor(unused, Money::fromCents(inForce.last().price))
                        .cents();
                delta = refund - bundles.cost(count).cents();
                o.description += QStringLiteral(" [refund %1 for %2 minutes]")
                                     .arg(Money::fromCents(refund).toString())
                                     .arg(unused);
                if (r->refund.cents() != refund)
                    o.description += s(" !! refund");
                if (refund > 0)
                    m_stats.bundleRefunds++;
            }
        } else if (roll < 72) {
            o.op = s("bundle.cancel");
            o.description = QStringLiteral("bundle cancel %1").arg(name);
            auto r = bundles.cancel(name);
            noteResult(o, r);
            ok = r.ok();
        } else {
            o.op = s("bundle.extend");
            o.description = QStringLiteral("bundle extend %1").arg(name);
            auto r = bundles.extend(name);
            noteResult(o, r);
            ok = r.ok();
            if (ok) {
                delta = -r->cost.cents();
                if (inForce.isEmpty() ||
                    r->cost.cents() != bundles.cost(inForce.last().count).cents())
                    o.description += s(" !! extension cost");
            }
        }
        if (ok)
            o.profileDelta[p->name] = delta;
        Q_UNUSED(st);
    }

    void importCalls(Outcome& o, const State& st)
    {
        o.op = s("calls.import");
        o.looseMembers = true;
        o.looseProfiles = true;
        QByteArray file;
        const int lines = bounded(1, 6);
        for (int i = 0; i < lines; ++i) {
            if (!m_tracking.cdrLines.isEmpty() && chance(8)) {
                file += m_tracking.cdrLines[bounded(0, int(m_tracking.cdrLines.size()) - 1)];
                continue;
            }
            QString payer;
            const int who = bounded(0, 99);
            if (who < 50)
                payer = pickMember();
            else if (who < 95 && !m_profiles.isEmpty())
                payer = pickProfile();
            else
                payer = s("nobody.here");
            QString dst;
            const int where = bounded(0, 9);
            if (where < 6)
                dst = QStringLiteral("+1212555%1").arg(bounded(0, 9999), 4, 10, QLatin1Char('0'));
            else if (where < 9)
                dst = QStringLiteral("+4420%1").arg(bounded(10000000, 99999999));
            else
                dst = s("*97");
            const qint64 billsec = chance(15) ? 0 : bounded(1, chance(10) ? 20000 : 900);
            const QString id = QStringLiteral("p%1-c%2").arg(m_number).arg(m_tracking.cdrCounter++);
            const QByteArray line = sbt::asteriskLine(
                payer, dst, m_clock.now().addSecs(-bounded(60, 3 * 86400)), billsec, id);
            m_tracking.cdrLines << line;
            file += line;
        }
        o.description = QStringLiteral("calls import of %1 lines").arg(lines);
        const qint64 callsBefore =
            sbt::scalar(m_ctx.db, s("SELECT COALESCE(MAX(id), 0) FROM calls")).toLongLong();
        QBuffer buffer(&file);
        buffer.open(QIODevice::ReadOnly);
        auto r = sb::CallImporter(m_ctx).import(&buffer, sb::CallImportOptions());
        noteResult(o, r);
        if (!r.ok())
            return;
        m_stats.callsImported += int(r->imported);
        m_stats.callsDuplicate += int(r->duplicates);
        o.description += QStringLiteral(" [imported %1, duplicates %2, charged %3]")
                             .arg(r->imported)
                             .arg(r->duplicates)
                             .arg(r->charged.toString());
        // The company moves only by the recharges the charges set off.
        auto rec = m_ctx.db.runFirst(s("SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT)"
                                       " FROM ledger WHERE id > ? AND kind = 'autorecharge'"),
                                     {st.ledgerMaxId});
        o.companyDelta = rec ? -rec->value(0).toLongLong() : 0;
        // What the new calls say was charged is what the import reports.
        auto newCalls = m_ctx.db.runFirst(
            s("SELECT CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT),"
              " COUNT(CASE WHEN bundle_minutes > 0 THEN 1 END) FROM calls WHERE id > ?"),
            {callsBefore});
        if (newCalls && newCalls->value(0).toLongLong() != r->charged.cents())
            o.description += s(" !! charged");
        if (newCalls)
            m_stats.bundleMinuteCalls += newCalls->value(1).toInt();
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
            o.billingRun = true;
            o.totalRecharged = r->recharged.cents();
            o.companyDelta = -o.totalRecharged - r->numbersSpent.cents() - r->channelsSpent.cents();
            o.profilesTotal = r->bundlesSpent.cents();
            if (r->recharged.isPositive())
                o.description += QStringLiteral(" [recharged %1]").arg(r->recharged.toString());
            o.description += QStringLiteral(" [numbers %1 renewed %2 expired %3 released;"
                                            " channels %4 renewed %5 lapsed; bundles %6 renewed"
                                            " %7 lapsed]")
                                 .arg(r->numbersRenewed)
                                 .arg(r->numbersExpired)
                                 .arg(r->numbersReleased)
                                 .arg(r->channelsRenewed)
                                 .arg(r->channelsLapsed)
                                 .arg(r->bundlesRenewed.size())
                                 .arg(r->bundlesLapsed.size());
            m_stats.numbersRenewed += r->numbersRenewed;
            m_stats.numbersExpired += r->numbersExpired;
            m_stats.numbersReleased += r->numbersReleased;
            m_stats.channelsRenewed += r->channelsRenewed;
            m_stats.channelsLapsed += r->channelsLapsed;
            m_stats.bundlesRenewed += int(r->bundlesRenewed.size());
            m_stats.bundlesLapsed += int(r->bundlesLapsed.size());
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
        if (before.others != after.others)
            return QStringLiteral("refused %1 changed numbers, profiles, bundles or calls")
                .arg(o.op);
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
        qint64 profilesMoved = 0;
        for (auto it = after.profiles.cbegin(); it != after.profiles.cend(); ++it) {
            const qint64 delta = it.value() - before.profiles.value(it.key());
            profilesMoved += delta;
            if (!o.looseProfiles && !o.billingRun && delta != o.profileDelta.value(it.key()))
                return QStringLiteral("profile %1 moved by %2, expected %3")
                    .arg(it.key())
                    .arg(delta)
                    .arg(o.profileDelta.value(it.key()));
        }
        if (o.billingRun && profilesMoved != -o.profilesTotal)
            return QStringLiteral("billing took %1 from the profiles, reported %2")
                .arg(-profilesMoved)
                .arg(o.profilesTotal);
        for (auto it = after.balances.cbegin(); it != after.balances.cend(); ++it) {
            const qint64 delta = it.value() - before.balances.value(it.key());
            if (o.looseMembers)
                continue;
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
    Tracking& m_tracking;
    int m_step = 0;
    int m_steps = 0; ///< the sequence's length, for its last third
    bool m_lastWasClock = false;
    QStringList m_members;  // account keys of this sequence
    QStringList m_profiles; // profile names of this sequence
    QStringList m_numbers;  // numbers bought in this sequence
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
    void wrongEntriesAreCaught_data();
    void wrongEntriesAreCaught();
};

void TestLedgerProperty::initTestCase()
{
    SB_INIT_CORE_TEST();
    // Read once, here in the test: the core never reads the time for itself.
    bool ok = false;
    qulonglong fromEnv = qEnvironmentVariable("SB_PROPERTY_SEED").toULongLong(&ok);
    if (!ok)
        fromEnv = qEnvironmentVariable("SWITCHBOARD_PROPERTY_SEED").toULongLong(&ok);
    g_seed = ok ? quint32(fromEnv) : quint32(QDateTime::currentMSecsSinceEpoch() & 0xffffffffu);
    g_verbose = qEnvironmentVariable("SB_PROPERTY_VERBOSE") == QLatin1String("1");
    qInfo("property seed %u (replay with SB_PROPERTY_SEED=%u)", g_seed, g_seed);
}

void TestLedgerProperty::randomSequences()
{
    QFETCH(QString, engine);
    const bool pg = engine == QLatin1String("postgresql");
    // The short run CI makes (under a minute per engine on two quiet cores; a few on busy ones);
    // scripts/soak.sh asks for 10,000 per engine.
    const int runs = propertyEnv("SEQUENCES", "RUNS", pg ? 25 : 300);
    const int steps = propertyEnv("STEPS", "STEPS", 25);
    const int only = propertyEnv("SEQUENCE", "SEQUENCE", -1);
    const int from = std::max(0, propertyEnv("FROM", "FROM", 0));
    // SQLite: a fresh in-memory database per sequence. PostgreSQL: a fresh database per
    // batch of sequences, each sequence working on its own new members and profiles beside
    // the earlier ones (whose auto-recharges, numbers, channels and bundles the billing runs
    // keep processing).
    const int batch = pg ? 25 : 1;
    const int first = only >= 0 ? only - only % batch : from - from % batch;
    const int end = only >= 0 ? only + 1 : first + runs;
    qInfo("%s: %d sequences x %d steps from %d, seed %u", qPrintable(engine), end - first, steps,
          first, g_seed);

    Stats stats;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<sb::test::TestDatabase> server;
    std::optional<sb::Database> db;
    std::optional<Tracking> tracking;
    sb::FixedClock clock(sbt::defaultNow());
    qint64 totalSteps = 0;
    int sequences = 0;
    for (int n = first; n < end; ++n) {
        if (n % batch == 0 || !db) {
            db.reset();
            server.reset();
            tracking.emplace();
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
        if (only < 0 && n > first && (n - first) % 250 == 0)
            qInfo("%s: %d sequences in %lld s", qPrintable(engine), n, timer.elapsed() / 1000);
        Sequence sequence(ctx, clock, seed, n, stats, *tracking);
        sequence.setLength(steps);
        ++sequences;
        for (int i = 0; i < steps; ++i) {
            const QString problem = sequence.step();
            ++totalSteps;
            if (!problem.isEmpty())
                QFAIL(qPrintable(
                    QStringLiteral("%1, seed %2, sequence %3 (replay: SB_PROPERTY_SEED=%2 "
                                   "SB_PROPERTY_SEQUENCE=%3), step %4: %5\nlast steps:\n%6")
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
    qInfo("%s: %d sequences, %lld steps in %lld ms", qPrintable(engine), sequences, totalSteps,
          timer.elapsed());
    qInfo("  succeeded: %s", qPrintable(line(stats.ok)));
    qInfo("  refused:   %s", qPrintable(line(stats.refused)));
    qInfo("  recharges %d, suspensions %d, company could not pay %d, months crossed %d",
          stats.recharges, stats.suspensions, stats.companyCouldNotPay, stats.monthsCrossed);
    qInfo("  numbers: %d periods renewed, %d expired unpaid, %d released; channels: %d renewed,"
          " %d lapsed, %d changes credited unused days; bundles: %d renewed, %d lapsed, %d "
          "refunds; calls: %d imported (%d on bundle minutes), %d duplicates",
          stats.numbersRenewed, stats.numbersExpired, stats.numbersReleased, stats.channelsRenewed,
          stats.channelsLapsed, stats.channelCredits, stats.bundlesRenewed, stats.bundlesLapsed,
          stats.bundleRefunds, stats.callsImported, stats.bundleMinuteCalls, stats.callsDuplicate);
    if (only < 0 && runs >= 300) {
        // The generator really exercises both sides of each rule (the short run: the common
        // ones; the long run: every one).
        QStringList bothSides{s("allocate"), s("charge"),    s("autorecharge.set"), s("add"),
                              s("topup"),    s("call"),      s("profile.create"),   s("number.buy"),
                              s("channels"), s("bundle.add")};
        if (runs >= 1000)
            bothSides << s("profile.credit") << s("number.cancel") << s("bundle.change")
                      << s("bundle.cancel") << s("bundle.extend");
        for (const QString& op : std::as_const(bothSides)) {
            QVERIFY2(stats.ok.value(op) > 0, qPrintable(op));
            QVERIFY2(stats.refused.value(op) > 0, qPrintable(op));
        }
        QVERIFY(stats.ok.value(s("calls.import")) > 0);
        QVERIFY(stats.owed > 0);
        QVERIFY(stats.recharges > 0);
        QVERIFY(stats.suspensions > 0);
        QVERIFY(stats.companyCouldNotPay > 0);
        QVERIFY(stats.monthsCrossed > 0);
        QVERIFY(stats.numbersRenewed > 0);
        QVERIFY(stats.channelsRenewed > 0);
        QVERIFY(stats.channelCredits > 0);
        QVERIFY(stats.callsImported > 0);
        if (runs >= 1000) {
            QVERIFY(stats.numbersReleased > 0);
            QVERIFY(stats.numbersExpired > 0);
            QVERIFY(stats.channelsLapsed > 0);
            QVERIFY(stats.bundlesRenewed > 0);
            QVERIFY(stats.bundleRefunds > 0);
            QVERIFY(stats.callsDuplicate > 0);
            QVERIFY(stats.bundleMinuteCalls > 0);
        }
    }
}

void TestLedgerProperty::wrongEntriesAreCaught_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("wrong");
    const QStringList wrongs{s("entry-without-balance"), s("balance-without-entry"),
                             s("renewal-not-recorded"),  s("channels-charged-twice"),
                             s("bundle-without-period"), s("call-not-recorded"),
                             s("call-charged-twice")};
    for (const QString& e : sb::test::TestDatabase::engines()) {
        for (const QString& w : wrongs)
            QTest::newRow(qPrintable(e + QLatin1Char('/') + w)) << e << w;
    }
}

// The negative control: a database in which every check holds, then one deliberately wrong
// ledger entry (or balance), and the same checks the random sequences run must name it.
void TestLedgerProperty::wrongEntriesAreCaught()
{
    QFETCH(QString, engine);
    QFETCH(QString, wrong);
    SB_ENV(env, engine);
    env.skipBooksCheck();
    const sb::Context& ctx = *env.ctx;
    Tracking tracking;
    const auto ledgerMax = [&] {
        return sbt::scalar(ctx.db, s("SELECT COALESCE(MAX(id), 0) FROM ledger")).toLongLong();
    };
    SB_VERIFY_OK(sb::CompanyService(ctx).topUp(Money::fromCents(100000), s("control")));
    SB_VERIFY_OK(sb::MemberService(ctx).add({s("anna.berg"), s("Anna Berg"), {}, {}}));
    SB_VERIFY_OK(sb::CreditService(ctx).allocate(Money::fromCents(2000), {s("anna.berg")}));
    sb::NewSipProfile np;
    np.name = s("Control Trunk");
    np.auth = sb::SipProfile::Auth::Ip;
    np.ip = s("203.0.113.7");
    np.channels = 2;
    tracking.channelsSince.insert(np.name, ledgerMax());
    auto profile = sb::ProfileService(ctx).create(np);
    SB_VERIFY_OK(profile);
    SB_VERIFY_OK(sb::ProfileService(ctx).allocateCredit(np.name, Money::fromCents(10000)));
    SB_VERIFY_OK(sb::BundleService(ctx).add(np.name, 1));
    sb::NumberService::BuyRequest buy;
    buy.country = s("US");
    buy.area = s("212");
    buy.holders << sb::NumberHolder::member(s("anna.berg"));
    const qint64 beforeBuy = ledgerMax();
    auto bought = sb::NumberService(ctx).buy(buy);
    SB_VERIFY_OK(bought);
    const QString e164 = bought->first().e164;
    tracking.numberSince.insert(e164, beforeBuy);
    QByteArray cdr = sbt::asteriskLine(s("anna.berg"), s("+442071234567"),
                                       env.clock.now().addSecs(-3600), 300, s("control-1"));
    QBuffer buffer(&cdr);
    buffer.open(QIODevice::ReadOnly);
    auto imported = sb::CallImporter(ctx).import(&buffer, sb::CallImportOptions());
    SB_VERIFY_OK(imported);
    QCOMPARE(imported->imported, qint64(1));
    QVERIFY(imported->charged.isPositive());
    // A renewal: the checks hold over billing too.
    env.clock.set(env.clock.now().addMonths(1).addDays(1));
    SB_VERIFY_OK(sb::BillingService(ctx).run());
    const QDate today = env.clock.now().toUTC().date();
    SB_VERIFY_BOOKS(ctx);
    QCOMPARE(deliveredProblem(ctx.db, tracking, today, true), QString());

    const qint64 member = sbt::scalar(ctx.db, s("SELECT account_id FROM members")).toLongLong();
    const qint64 trunk = profile->profile.accountId;
    const auto transfer = [&](qint64 from, qint64 to, qint64 cents, const QString& kind,
                              const QString& reference) {
        return sb::Transaction::run(ctx.db, [&](sb::Transaction& tx) -> sb::Result<void> {
            if (kind == QLatin1String("call"))
                return sb::Ledger(ctx).charge(tx, from, Money::fromCents(cents), kind, reference);
            return sb::Ledger(ctx).transfer(tx, from, to, Money::fromCents(cents), kind, reference);
        });
    };
    const QString at = ctx.nowText();
    if (wrong == QLatin1String("entry-without-balance")) {
        // Money leaves the company in the ledger, but its balance stays.
        auto r = ctx.db.run(s("INSERT INTO ledger (at, from_account, to_account, amount_cents,"
                              " kind, actor) VALUES (?, 1, NULL, 100, 'charge', 'control')"),
                            {at});
        QVERIFY2(r.ok(), qPrintable(sbt::errorText(r)));
    } else if (wrong == QLatin1String("balance-without-entry")) {
        auto r = ctx.db.run(s("UPDATE accounts SET balance_cents = balance_cents + 1 WHERE id = ?"),
                            {member});
        QVERIFY2(r.ok(), qPrintable(sbt::errorText(r)));
    } else if (wrong == QLatin1String("renewal-not-recorded")) {
        // A second renewal charged (the books balance: the company paid the provider), but
        // no period recorded for it.
        SB_VERIFY_OK(transfer(sb::Ledger::CompanyAccount, 0, 600, s("number"), e164));
    } else if (wrong == QLatin1String("channels-charged-twice")) {
        SB_VERIFY_OK(transfer(sb::Ledger::CompanyAccount, 0, 1390, s("channels"), np.name));
    } else if (wrong == QLatin1String("bundle-without-period")) {
        SB_VERIFY_OK(transfer(trunk, 0, 3000, s("bundle"), np.name));
    } else if (wrong == QLatin1String("call-not-recorded")) {
        SB_VERIFY_OK(transfer(member, 0, 25, s("call"), s("no-such-call")));
    } else {
        // The imported call charged a second time under its own reference.
        SB_VERIFY_OK(transfer(member, 0, imported->charged.cents(), s("call"), s("control-1")));
    }
    QString problem = sbt::booksProblem(ctx);
    if (problem.isEmpty())
        problem = deliveredProblem(ctx.db, tracking, today, true);
    qInfo("%s caught: %s", qPrintable(wrong), qPrintable(problem));
    QVERIFY2(!problem.isEmpty(), qPrintable(wrong + s(" went unnoticed")));
    // The wrong balance or entry is caught by the check that is about it.
    if (wrong.endsWith(QLatin1String("-balance")) || wrong.startsWith(QLatin1String("balance")))
        QVERIFY(!sbt::booksProblem(ctx).isEmpty());
    else
        QVERIFY(sbt::booksProblem(ctx).isEmpty());
}

QTEST_GUILESS_MAIN(TestLedgerProperty)
#include "tst_ledgerproperty.moc"
