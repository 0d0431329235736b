#include "core/reports/AttentionService.h"

#include "core/reports/AdviceService.h"

#include "core/base/DisplayFormat.h"
#include "core/books/Ledger.h"
#include "core/books/UsualSpending.h"
#include "core/numbers/PriceListStore.h"

#include <QSqlQuery>

#include <algorithm>

namespace sb {

namespace {

using Kind = AttentionItem::Kind;
using Severity = AttentionItem::Severity;
using Target = AttentionItem::Target;

QString iso(const QDate& d)
{
    return d.toString(Qt::ISODate);
}

QDate dateOf(const QVariant& v)
{
    return QDate::fromString(v.toString().left(10), Qt::ISODate);
}

// Who the rule looks at: members not owing, profiles with credit (`a`: their account).
const QString kLowCandidates = QStringLiteral("((a.kind = 'member' AND a.balance_cents >= 0)"
                                              " OR (a.kind = 'profile' AND a.balance_cents > 0))");

// The rule's candidates with their usual week: rows of `account_id`, `balance_cents` and
// `week`. From the weeks the writers keep (UsualSpending) when `kept`: with no `ids`, only
// the few low ones, by index. Else summed from ledger_months, rounded alike, its values
// appended to `binds`. `ids` (marks) restricts it to a list of accounts, whose values the
// caller binds next.
QString candidateWeeks(const UsualSpending::Window& window, bool kept, const QString& ids,
                       QVariantList* binds)
{
    if (kept)
        return QStringLiteral("SELECT a.id AS account_id, a.balance_cents, a.usual_week_cents AS"
                              " week FROM accounts a WHERE a.usual_week_cents > 0 AND %1 AND %2")
            .arg(ids.isEmpty() ? QStringLiteral("a.usual_week_cents - a.balance_cents > 0")
                               : QStringLiteral("a.id IN (%1)").arg(ids),
                 kLowCandidates);
    *binds << window.binds();
    return QStringLiteral("SELECT s.account_id, a.balance_cents, s.week FROM (%1) s"
                          " JOIN accounts a ON a.id = s.account_id WHERE %2")
        .arg(ids.isEmpty()
                 ? UsualSpending::weeks()
                 : UsualSpending::weeks(QStringLiteral(" AND account_id IN (%1)").arg(ids),
                                        QStringLiteral("kind || ''")),
             kLowCandidates);
}

// The BundleLapsed rule: the newest bundle period of profile `b.profile_id` lapsed on or after
// the bound day.
const QString kNewestPeriodLapsed =
    QStringLiteral("b.state = 'lapsed' AND b.ends_on >= ? AND NOT EXISTS (SELECT 1"
                   " FROM bundle_periods n WHERE n.profile_id = b.profile_id AND n.id > b.id)");

Result<qint64> countOf(const Database& db, const QString& sql, const QVariantList& binds)
{
    auto q = db.runFirst(sql, binds);
    if (!q)
        return q.error();
    const qint64 n = q->value(0).toLongLong();
    q->finish();
    return n;
}

} // namespace

void AttentionService::addMore(QList<AttentionItem>& out, Kind kind, Severity severity,
                               Target target, qint64 rest) const
{
    if (rest <= 0)
        return;
    AttentionItem item;
    item.kind = kind;
    item.severity = severity;
    item.target = target;
    item.more = static_cast<int>(std::min<qint64>(rest, std::numeric_limits<int>::max()));
    item.text = tr("… and %n more.", nullptr, item.more);
    out.append(item);
}

Result<void> AttentionService::owed(QList<AttentionItem>& out) const
{
    // accounts_balance: the range below zero only.
    auto q =
        m_ctx.db.run(QStringLiteral("SELECT a.balance_cents, m.account_name, p.name FROM accounts a"
                                    " LEFT JOIN members m ON m.account_id = a.id"
                                    " LEFT JOIN profiles p ON p.account_id = a.id"
                                    " WHERE a.balance_cents < 0 AND a.kind IN ('member', 'profile')"
                                    " ORDER BY a.balance_cents, a.id LIMIT ?"),
                     {m_perKind});
    if (!q)
        return q.error();
    int listed = 0;
    while (q->next()) {
        AttentionItem item;
        item.kind = Kind::Owed;
        item.severity = Severity::Critical;
        item.amount = Money::fromCents(q->value(0).toLongLong());
        const bool member = !q->value(1).isNull();
        item.target = member ? Target::Member : Target::Profile;
        item.key = member ? q->value(1).toString() : q->value(2).toString();
        item.subject = item.key;
        item.text = member ? tr("%1 owes %2.").arg(item.key, (-item.amount).display())
                           : tr("SIP profile %1 owes %2.").arg(item.key, (-item.amount).display());
        out.append(item);
        ++listed;
    }
    q->finish();
    if (listed < m_perKind)
        return {};
    auto all = countOf(m_ctx.db,
                       QStringLiteral("SELECT COUNT(*) FROM accounts WHERE balance_cents < 0"
                                      " AND kind IN ('member', 'profile')"),
                       {});
    if (!all)
        return all.error();
    addMore(out, Kind::Owed, Severity::Critical, Target::Member, *all - listed);
    return {};
}

Result<void> AttentionService::noCredit(QList<AttentionItem>& out) const
{
    // From the profiles (a thousand at most), not from the zero balances of every member:
    // the unary plus keeps SQLite's planner off accounts_balance.
    auto q = m_ctx.db.run(QStringLiteral("SELECT p.name FROM profiles p"
                                         " JOIN accounts a ON a.id = p.account_id"
                                         " WHERE +a.balance_cents = 0 ORDER BY p.name_key"));
    if (!q)
        return q.error();
    int listed = 0;
    qint64 rest = 0;
    while (q->next()) {
        if (listed >= m_perKind) {
            ++rest;
            continue;
        }
        AttentionItem item;
        item.kind = Kind::NoCredit;
        item.severity = Severity::Critical;
        item.target = Target::Profile;
        item.key = q->value(0).toString();
        item.subject = item.key;
        item.text = tr("SIP profile %1 has no credit: its calls will be owed.").arg(item.key);
        out.append(item);
        ++listed;
    }
    q->finish();
    addMore(out, Kind::NoCredit, Severity::Critical, Target::Profile, rest);
    return {};
}

Result<void> AttentionService::lowBalances(QList<AttentionItem>& out) const
{
    const UsualSpending::Window window(m_ctx.now().toUTC().date());
    auto kept = UsualSpending::isCurrent(m_ctx.db, window);
    if (!kept)
        return kept.error();
    QVariantList binds;
    auto q = m_ctx.db.run(
        QStringLiteral("SELECT t.account_id, t.balance_cents, t.week, m.account_name, p.name"
                       " FROM (%1) t"
                       " LEFT JOIN members m ON m.account_id = t.account_id"
                       " LEFT JOIN profiles p ON p.account_id = t.account_id"
                       " WHERE t.balance_cents < t.week"
                       " ORDER BY t.week - t.balance_cents DESC, t.account_id")
            .arg(candidateWeeks(window, *kept, QString(), &binds)),
        binds);
    if (!q)
        return q.error();
    int listed = 0;
    qint64 rest = 0;
    while (q->next()) {
        const Money balance = Money::fromCents(q->value(1).toLongLong());
        const Money week = Money::fromCents(q->value(2).toLongLong());
        if (listed >= m_perKind) {
            ++rest;
            continue;
        }
        AttentionItem item;
        item.kind = Kind::LowBalance;
        item.severity = Severity::Warning;
        item.amount = balance;
        const bool member = !q->value(3).isNull();
        item.target = member ? Target::Member : Target::Profile;
        item.key = member ? q->value(3).toString() : q->value(4).toString();
        item.subject = item.key;
        item.text = member ? tr("%1 has %2 left, less than a usual week of spending (%3).")
                                 .arg(item.key, balance.display(), week.display())
                           : tr("SIP profile %1 has %2 left, less than a usual week of "
                                "spending (%3).")
                                 .arg(item.key, balance.display(), week.display());
        out.append(item);
        ++listed;
    }
    q->finish();
    addMore(out, Kind::LowBalance, Severity::Warning, Target::Member, rest);
    return {};
}

Result<QSet<qint64>> AttentionService::lowAmong(const QList<qint64>& accountIds) const
{
    QSet<qint64> low;
    const UsualSpending::Window window(m_ctx.now().toUTC().date());
    auto kept = UsualSpending::isCurrent(m_ctx.db, window);
    if (!kept)
        return kept.error();
    for (qsizetype from = 0; from < accountIds.size(); from += MaxAccountsPerRead) {
        const QList<qint64> chunk = accountIds.mid(from, MaxAccountsPerRead);
        const QString marks = QStringList(chunk.size(), QStringLiteral("?")).join(QLatin1Char(','));
        // The same rule as lowBalances(), over these accounts only.
        QVariantList binds;
        const QString weeks = candidateWeeks(window, *kept, marks, &binds);
        for (qint64 id : chunk)
            binds << id;
        auto q = m_ctx.db.run(
            QStringLiteral("SELECT t.account_id FROM (%1) t WHERE t.balance_cents < t.week")
                .arg(weeks),
            binds);
        if (!q)
            return q.error();
        while (q->next())
            low.insert(q->value(0).toLongLong());
        q->finish();
    }
    return low;
}

Result<QSet<qint64>> AttentionService::lapsedBundleProfiles() const
{
    const QDate today = m_ctx.now().toUTC().date();
    auto q = m_ctx.db.run(QStringLiteral("SELECT b.profile_id FROM bundle_periods b WHERE ") +
                              kNewestPeriodLapsed,
                          {iso(today.addDays(-LapsedDays))});
    if (!q)
        return q.error();
    QSet<qint64> ids;
    while (q->next())
        ids.insert(q->value(0).toLongLong());
    q->finish();
    return ids;
}

Result<void> AttentionService::suspended(QList<AttentionItem>& out) const
{
    const QString today = iso(m_ctx.now().toUTC().date());
    auto q = m_ctx.db.run(
        QStringLiteral("SELECT m.account_name, r.suspended_until, r.monthly_limit_cents"
                       " FROM auto_recharge r JOIN members m ON m.id = r.member_id"
                       " WHERE r.suspended_until IS NOT NULL AND r.suspended_until > ?"
                       " ORDER BY r.suspended_until, m.account_key LIMIT ?"),
        {today, m_perKind});
    if (!q)
        return q.error();
    int listed = 0;
    while (q->next()) {
        AttentionItem item;
        item.kind = Kind::RechargeSuspended;
        item.severity = Severity::Warning;
        item.target = Target::Member;
        item.key = q->value(0).toString();
        item.subject = item.key;
        item.date = dateOf(q->value(1));
        item.amount = Money::fromCents(q->value(2).toLongLong());
        item.text = tr("Auto-recharge of %1 is suspended until %2: its monthly limit of %3 is "
                       "reached.")
                        .arg(item.key, displayDate(item.date), item.amount.display());
        out.append(item);
        ++listed;
    }
    q->finish();
    if (listed < m_perKind)
        return {};
    auto all = countOf(m_ctx.db,
                       QStringLiteral("SELECT COUNT(*) FROM auto_recharge WHERE suspended_until"
                                      " IS NOT NULL AND suspended_until > ?"),
                       {today});
    if (!all)
        return all.error();
    addMore(out, Kind::RechargeSuspended, Severity::Warning, Target::Member, *all - listed);
    return {};
}

Result<void> AttentionService::companyRenewals(QList<AttentionItem>& out) const
{
    const QDate today = m_ctx.now().toUTC().date();
    const QString horizon = iso(today.addDays(RenewalDays));
    const PriceList& prices = PriceListStore::current(m_ctx);
    auto company = Ledger(m_ctx).balance(Ledger::CompanyAccount);
    if (!company)
        return company.error();

    // Numbers: numbers_due (status, expires), grouped by what decides the renewal price.
    auto n = m_ctx.db.run(QStringLiteral("SELECT country, months, COUNT(*),"
                                         " CAST(SUM(price_cents) AS BIGINT), MAX(expires)"
                                         " FROM numbers WHERE status = 'active' AND expires <= ?"
                                         " AND cancelled = 0 GROUP BY country, months"),
                          {horizon});
    if (!n)
        return n.error();
    qint64 numberCount = 0;
    Money numbersCost;
    QDate numbersBy;
    while (n->next()) {
        const qint64 count = n->value(2).toLongLong();
        const auto price = prices.numberPrice(n->value(0).toString(), n->value(1).toInt());
        numbersCost += price ? price->times(count).value_or(Money())
                             : Money::fromCents(n->value(3).toLongLong());
        numberCount += count;
        numbersBy = std::max(numbersBy, dateOf(n->value(4)));
    }
    n->finish();

    // Channels: a profile each, soonest first; the sum over all of them for the cover.
    auto c = m_ctx.db.run(QStringLiteral("SELECT name, channels, channels_expires FROM profiles"
                                         " WHERE channels_lapsed = 0 AND channels_expires <= ?"
                                         " ORDER BY channels_expires, name_key"),
                          {horizon});
    if (!c)
        return c.error();
    struct Due
    {
        QString name;
        int channels;
        QDate on;
        Money cost;
    };
    QList<Due> channels;
    Money channelsCost;
    while (c->next()) {
        const int count = c->value(1).toInt();
        const Money cost = prices.channelPrice().times(count).value_or(Money());
        channels.append({c->value(0).toString(), count, dateOf(c->value(2)), cost});
        channelsCost += cost;
    }
    c->finish();

    const Money due = numbersCost + channelsCost;
    const bool covers = !(*company < due);
    const Severity severity = covers ? Severity::Info : Severity::Critical;
    if (numberCount > 0) {
        AttentionItem item;
        item.kind = Kind::NumbersRenew;
        item.severity = severity;
        item.target = Target::Number;
        item.amount = numbersCost;
        item.date = numbersBy;
        item.covers = covers;
        item.subject = tr("%n number(s)", nullptr, static_cast<int>(numberCount));
        auto first = m_ctx.db.runFirst(
            QStringLiteral("SELECT e164 FROM numbers WHERE status = 'active' AND expires <= ?"
                           " AND cancelled = 0 ORDER BY expires, e164 LIMIT 1"),
            {horizon});
        if (!first)
            return first.error();
        item.key = first->value(0).toString();
        first->finish();
        const QString what =
            tr("%n number(s) renew by %1 for %2", nullptr, static_cast<int>(numberCount))
                .arg(displayDate(numbersBy), numbersCost.display());
        item.text = covers ? tr("%1; the company balance covers them.").arg(what)
                           : tr("%1; the company balance (%2) does not cover the %3 due this "
                                "week.")
                                 .arg(what, company->display(), due.display());
        out.append(item);
    }
    int listed = 0;
    for (const Due& d : std::as_const(channels)) {
        if (listed++ >= m_perKind)
            break;
        AttentionItem item;
        item.kind = Kind::ChannelsRenew;
        item.severity = severity;
        item.target = Target::Profile;
        item.key = d.name;
        item.subject = d.name;
        item.amount = d.cost;
        item.date = d.on;
        item.covers = covers;
        const QString what = tr("The %n channel(s) of %1 renew on %2 for %3", nullptr, d.channels)
                                 .arg(d.name, displayDate(d.on), d.cost.display());
        item.text = covers ? tr("%1; the company balance covers them.").arg(what)
                           : tr("%1; the company balance (%2) does not cover the %3 due this "
                                "week.")
                                 .arg(what, company->display(), due.display());
        out.append(item);
    }
    addMore(out, Kind::ChannelsRenew, severity, Target::Profile, channels.size() - m_perKind);
    return {};
}

Result<void> AttentionService::bundleRenewals(QList<AttentionItem>& out) const
{
    const QDate today = m_ctx.now().toUTC().date();
    const Money price = PriceListStore::current(m_ctx).bundlePrice();
    // The newest period of a profile decides, as in BundleService::processDue;
    // bundle_periods_due (state, ends_on) finds the candidates.
    auto q = m_ctx.db.run(
        QStringLiteral("SELECT p.name, b.bundle_count, b.ends_on, a.balance_cents"
                       " FROM bundle_periods b JOIN profiles p ON p.id = b.profile_id"
                       " JOIN accounts a ON a.id = p.account_id"
                       " WHERE b.state = 'active' AND b.ends_on <= ? AND NOT EXISTS (SELECT 1 FROM"
                       " bundle_periods n WHERE n.profile_id = b.profile_id AND n.id > b.id)"
                       " ORDER BY b.ends_on, p.name_key"),
        {iso(today.addDays(RenewalDays))});
    if (!q)
        return q.error();
    int listed = 0;
    qint64 rest = 0;
    while (q->next()) {
        if (listed >= m_perKind) {
            ++rest;
            continue;
        }
        AttentionItem item;
        item.kind = Kind::BundlesRenew;
        item.target = Target::Profile;
        item.key = q->value(0).toString();
        item.subject = item.key;
        const int count = q->value(1).toInt();
        item.amount = price.times(count).value_or(Money());
        item.date = dateOf(q->value(2));
        const Money balance = Money::fromCents(q->value(3).toLongLong());
        item.covers = !(balance < item.amount);
        item.severity = item.covers ? Severity::Info : Severity::Critical;
        const QString what =
            tr("The %n US minute bundle(s) of %1 renew on %2 for %3", nullptr, count)
                .arg(item.key, displayDate(item.date), item.amount.display());
        item.text =
            item.covers
                ? tr("%1; its balance covers them.").arg(what)
                : tr("%1; its balance (%2) does not cover them.").arg(what, balance.display());
        out.append(item);
        ++listed;
    }
    q->finish();
    addMore(out, Kind::BundlesRenew, Severity::Info, Target::Profile, rest);
    return {};
}

Result<void> AttentionService::lapsedBundles(QList<AttentionItem>& out) const
{
    const QDate today = m_ctx.now().toUTC().date();
    auto q = m_ctx.db.run(
        QStringLiteral("SELECT p.name, b.ends_on, b.bundle_count"
                       " FROM bundle_periods b JOIN profiles p ON p.id = b.profile_id WHERE ") +
            kNewestPeriodLapsed + QStringLiteral(" ORDER BY b.ends_on DESC, p.name_key"),
        {iso(today.addDays(-LapsedDays))});
    if (!q)
        return q.error();
    int listed = 0;
    qint64 rest = 0;
    while (q->next()) {
        if (listed >= m_perKind) {
            ++rest;
            continue;
        }
        AttentionItem item;
        item.kind = Kind::BundleLapsed;
        item.severity = Severity::Warning;
        item.target = Target::Profile;
        item.key = q->value(0).toString();
        item.subject = item.key;
        item.date = dateOf(q->value(1));
        item.text = tr("The %n US minute bundle(s) of %1 lapsed on %2: its balance could not pay "
                       "the renewal.",
                       nullptr, q->value(2).toInt())
                        .arg(item.key, displayDate(item.date));
        out.append(item);
        ++listed;
    }
    q->finish();
    addMore(out, Kind::BundleLapsed, Severity::Warning, Target::Profile, rest);
    return {};
}

Result<void> AttentionService::advice(QList<AttentionItem>& out) const
{
    auto all = AdviceService(m_ctx).all();
    if (!all)
        return all.error();
    QList<const ProfileAdvice*> channels, bundles;
    for (const ProfileAdvice& a : std::as_const(*all)) {
        if (a.channels.known() && a.channels.need > a.channels.have)
            channels.append(&a);
        if (a.bundles.known() && a.bundles.best != a.bundles.have &&
            a.bundles.monthlySaving.isPositive())
            bundles.append(&a);
    }
    // The biggest shortfall and the biggest saving first.
    std::stable_sort(channels.begin(), channels.end(), [](auto* a, auto* b) {
        return a->channels.need - a->channels.have > b->channels.need - b->channels.have;
    });
    std::stable_sort(bundles.begin(), bundles.end(), [](auto* a, auto* b) {
        return b->bundles.monthlySaving < a->bundles.monthlySaving;
    });
    const QLocale locale;
    for (qsizetype i = 0; i < channels.size() && i < m_perKind; ++i) {
        const ProfileAdvice& a = *channels[i];
        AttentionItem item;
        item.kind = Kind::ChannelsAdvice;
        item.severity = Severity::Warning;
        item.target = Target::Profile;
        item.key = a.name;
        item.subject = a.name;
        item.text = tr("%1 needs %n channel(s) for its busiest hour (%2 erlangs at 1% blocking); "
                       "it has %3.",
                       nullptr, a.channels.need)
                        .arg(a.name, locale.toString(a.channels.busyHourErlangs, 'f', 1))
                        .arg(a.channels.have);
        out.append(item);
    }
    addMore(out, Kind::ChannelsAdvice, Severity::Warning, Target::Profile,
            std::max<qsizetype>(0, channels.size() - m_perKind));
    for (qsizetype i = 0; i < bundles.size() && i < m_perKind; ++i) {
        const ProfileAdvice& a = *bundles[i];
        AttentionItem item;
        item.kind = Kind::BundlesAdvice;
        item.severity = Severity::Info;
        item.target = Target::Profile;
        item.key = a.name;
        item.subject = a.name;
        item.amount = a.bundles.monthlySaving;
        // Dropping every bundle is said as such: "0 US minute bundles would have saved"
        // read as if none could save anything.
        item.text = a.bundles.best == 0
                        ? tr("Advice for %1: without its %n US minute bundle(s) it would have "
                             "saved %2 a month.",
                             nullptr, a.bundles.have)
                              .arg(a.name, a.bundles.monthlySaving.display())
                        : tr("Advice for %1: %n US minute bundle(s) instead of %2 would have "
                             "saved %3 a month.",
                             nullptr, a.bundles.best)
                              .arg(a.name, locale.toString(a.bundles.have),
                                   a.bundles.monthlySaving.display());
        out.append(item);
    }
    addMore(out, Kind::BundlesAdvice, Severity::Info, Target::Profile,
            std::max<qsizetype>(0, bundles.size() - m_perKind));
    return {};
}

Result<QList<AttentionItem>> AttentionService::list() const
{
    QList<AttentionItem> items;
    for (auto part : {&AttentionService::owed, &AttentionService::noCredit,
                      &AttentionService::lowBalances, &AttentionService::suspended,
                      &AttentionService::companyRenewals, &AttentionService::bundleRenewals,
                      &AttentionService::lapsedBundles, &AttentionService::advice}) {
        if (auto r = (this->*part)(items); !r)
            return r.error();
    }
    // Stable: within a severity the kinds keep the order above, the rows their own.
    std::stable_sort(items.begin(), items.end(),
                     [](const AttentionItem& a, const AttentionItem& b) {
                         if (a.severity != b.severity)
                             return a.severity > b.severity;
                         return a.kind < b.kind;
                     });
    return items;
}

Result<bool> AttentionService::accountIsEmpty() const
{
    // EXISTS, not COUNT: a big account answers at its first row.
    auto q = m_ctx.db.runFirst(
        QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM members) THEN 1 ELSE 0 END,"
                       " CASE WHEN EXISTS (SELECT 1 FROM profiles) THEN 1 ELSE 0 END,"
                       " CASE WHEN EXISTS (SELECT 1 FROM numbers WHERE status = 'active')"
                       " THEN 1 ELSE 0 END,"
                       " (SELECT balance_cents FROM accounts WHERE id = ?)"),
        {Ledger::CompanyAccount});
    if (!q)
        return q.error();
    const bool empty = q->value(0).toLongLong() == 0 && q->value(1).toLongLong() == 0 &&
                       q->value(2).toLongLong() == 0 && q->value(3).toLongLong() == 0;
    q->finish();
    return empty;
}

} // namespace sb
