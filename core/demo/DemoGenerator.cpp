#include "core/demo/DemoGenerator.h"

#include "core/base/FixedClock.h"
#include "core/base/NameText.h"
#include "core/base/PhoneNumbers.h"
#include "core/base/SearchText.h"
#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/books/LedgerBatch.h"
#include "core/books/UsualSpending.h"
#include "core/bundles/BundleService.h"
#include "core/demo/DemoCallStream.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/storage/IndexSetAside.h"
#include "core/storage/MultiRowStatement.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>

#include <future>
#include <optional>

namespace sb {

namespace {

// The demo's bundles: bought three months ago and renewed three times: in their fourth month today.
constexpr int kDemoBundleMonths = 4;

// The page cache while the demo runs (SQLite), in KiB.
constexpr int kDemoCacheKiB = 128 * 1024;

// The demo members' auto-recharge: 10.00 when the balance falls below 5.00, at most 50.00 a month.
constexpr Money kDemoRecharge = Money::fromCents(1000);
constexpr Money kDemoRechargeThreshold = Money::fromCents(500);
constexpr Money kDemoRechargeLimit = Money::fromCents(5000);

struct NamePool
{
    QStringList first;
    QStringList last;
};

const QList<NamePool>& pools()
{
    // Names are separated by spaces; '_' is a space inside a name ("de_Vries").
    auto split = [](const char* s) {
        QStringList names = QString::fromUtf8(s).split(QLatin1Char(' '));
        for (QString& n : names)
            n.replace(QLatin1Char('_'), QLatin1Char(' '));
        return names;
    };
    static const QList<NamePool> p = {
        // English
        {split("Olivia Liam Emma Noah Amelia Oliver Ava Elijah Sophia James Harper William Grace "
               "Henry"),
         split(
             "Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Clark Walker Wright")},
        // Norsk bokmål
        {split(
             "Ingrid Ola Kari Håkon Solveig Øystein Åse Bjørn Sigrid Lars Tone Jørgen Marit Eirik"),
         split("Nordmann Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen "
               "Bråten Sæther Løvås Ødegård")},
        // Français
        {split("Élodie Benoît Chloé François Hélène Jérôme Léa Gaëlle Stéphane Cécile Noël Anaïs "
               "Loïc Zoé"),
         split("Martin Bernard Dubois Thomas Robert Richard Petit Durand Lefèvre Mercier Bérenger "
               "Gauthier Fontaine Garçon")},
        // Nederlands
        {split(
             "Sanne Daan Femke Bram Lotte Joris Anouk Thijs Fleur Sem Maaike Ruud IJsbrand Eline"),
         split("de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer "
               "Mulder de_Groot Bos Vos")},
        // Polski
        {split("Zofia Jakub Małgorzata Łukasz Agnieszka Paweł Katarzyna Michał Joanna Grzegorz "
               "Żaneta Wojciech Ewa Tomasz"),
         split("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
               "Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur")},
    };
    return p;
}

const QStringList& departments()
{
    static const QStringList d = {QStringLiteral("Sales"),           QStringLiteral("Support"),
                                  QStringLiteral("Engineering"),     QStringLiteral("Finance"),
                                  QStringLiteral("Marketing"),       QStringLiteral("Operations"),
                                  QStringLiteral("Human Resources"), QStringLiteral("Legal")};
    return d;
}

// "Łukasz Wójcik" -> "lukaszwojcik": the ASCII letters and digits of a name as search folds
// it (case, accents, ł, ø, æ), what an admin would choose for an account name.
QString asciiFold(const QString& s)
{
    QString out;
    for (QChar c : SearchText::fold(s)) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c;
    }
    return out;
}

const QStringList& cities()
{
    static const QStringList c = {
        QStringLiteral("New York"), QStringLiteral("Chicago"),   QStringLiteral("Boston"),
        QStringLiteral("Austin"),   QStringLiteral("Seattle"),   QStringLiteral("Denver"),
        QStringLiteral("Toronto"),  QStringLiteral("London"),    QStringLiteral("Berlin"),
        QStringLiteral("Paris"),    QStringLiteral("Amsterdam"), QStringLiteral("Oslo"),
        QStringLiteral("Warsaw"),   QStringLiteral("Miami")};
    return c;
}
} // namespace

Result<QList<DemoGenerator::PlannedProfile>>
DemoGenerator::planProfiles(QRandomGenerator& rng, int count, qint64 calls) const
{
    QList<PlannedProfile> out;
    if (count == 0)
        return out;
    QSet<QString> taken;
    // By look (NameText::skeleton), as ProfileService refuses them: an admin's "Ѕаlеѕ Oslo"
    // in Cyrillic letters takes "Sales Oslo" too.
    auto q = m_ctx.db.run(QStringLiteral("SELECT name FROM profiles"));
    if (!q)
        return q.error();
    while (q->next())
        taken.insert(NameText::skeleton(q->value(0).toString()));
    // Profiles make 40 % of the calls: their credit covers their share, and more.
    const qint64 expectedCents = calls * 4 / 10 * 12 / count;
    for (int i = 0; i < count; ++i) {
        PlannedProfile p;
        p.department = departments()[rng.bounded(int(departments().size()))];
        const QString city = cities()[rng.bounded(int(cities().size()))];
        const QString base = p.department + QLatin1Char(' ') + city;
        p.name = base;
        for (int n = 2; taken.contains(NameText::skeleton(p.name)); ++n)
            p.name = base + QLatin1Char(' ') + QString::number(n);
        taken.insert(NameText::skeleton(p.name));
        p.email = QStringLiteral("pbx%1@example.com").arg(out.size() + 1);
        // Documentation addresses (RFC 5737): never a real PBX.
        p.ip = QStringLiteral("203.0.113.%1").arg(rng.bounded(1, 255));
        const quint32 size = rng.bounded(100);
        p.channels = size < 50   ? int(rng.bounded(1, 3))
                     : size < 80 ? int(rng.bounded(3, 6))
                     : size < 95 ? int(rng.bounded(6, 11))
                                 : int(rng.bounded(11, 21));
        p.credit = Money::fromCents(rng.bounded(2, 21) * 2500 + expectedCents * 3 / 2);
        // Two profiles in five call the US enough for bundles (never more than channels);
        // their credit also pays the bundles' four months (see generate()).
        if (i % 5 < 2) {
            p.bundles = std::min(p.channels, int(rng.bounded(1, 4)));
            p.credit += m_prices.bundlePrice()
                            .times(qint64(p.bundles) * kDemoBundleMonths)
                            .value_or(Money());
        }
        out.append(p);
    }
    return out;
}

Result<QList<DemoGenerator::PlannedNumber>> DemoGenerator::planNumbers(QRandomGenerator& rng,
                                                                       int count) const
{
    QList<PlannedNumber> out;
    if (count == 0)
        return out;
    QSet<QString> used;
    auto q = m_ctx.db.run(QStringLiteral("SELECT e164 FROM numbers"));
    if (!q)
        return q.error();
    while (q->next())
        used.insert(q->value(0).toString());
    // Round robin over every area of every country the price list sells, so the numbers
    // spread across the catalogue.
    struct Pool
    {
        const NumberCatalogue::Country* country;
        const NumberCatalogue::Area* area;
        QStringList free;
        qsizetype next = 0;
    };
    QList<Pool> pools;
    const NumberCatalogue& catalogue = NumberCatalogue::builtIn();
    for (const NumberCatalogue::Country& c : catalogue.countries()) {
        if (!m_prices.numberPrice(c.code, 1))
            continue;
        for (const NumberCatalogue::Area& a : c.areas) {
            Pool pool{&c, &a, {}, 0};
            for (const QString& e164 : catalogue.numbers(c, a)) {
                if (!used.contains(e164))
                    pool.free.append(e164);
            }
            pools.append(pool);
        }
    }
    // The catalogue offers a few thousand numbers; a larger demo continues each area's block
    // past its end (never into another area: the national number keeps the area code),
    // keeping only numbers valid for their country, up to NumbersPerArea an area.
    qsizetype free = 0;
    for (const Pool& p : std::as_const(pools))
        free += p.free.size();
    if (free < count) {
        for (Pool& p : pools) {
            const qint64 first = p.area->first.toLongLong();
            for (qint64 k = p.area->count; k < NumbersPerArea; ++k) {
                const QString national = QString::number(first + k);
                if (!national.startsWith(p.area->code))
                    break;
                const QString e164 = PhoneNumbers::toE164(national, p.country->code);
                if (!e164.isEmpty() && !used.contains(e164) &&
                    PhoneNumbers::isValidForRegion(e164, p.country->code))
                    p.free.append(e164);
            }
        }
    }
    pools.removeIf([](const Pool& p) { return p.free.isEmpty(); });
    while (out.size() < count && !pools.isEmpty()) {
        for (qsizetype i = 0; i < pools.size() && out.size() < count;) {
            Pool& pool = pools[i];
            PlannedNumber n;
            n.e164 = pool.free[pool.next++];
            n.country = pool.country->code;
            n.area = pool.area->code;
            const quint32 term = rng.bounded(100);
            n.months = term < 60 ? 1 : term < 85 ? 3 : 12;
            auto price = m_prices.numberPrice(n.country, n.months);
            if (!price) {
                n.months = 1;
                price = m_prices.numberPrice(n.country, 1);
            }
            n.price = *price;
            out.append(n);
            if (pool.next >= pool.free.size())
                pools.removeAt(i);
            else
                ++i;
        }
    }
    return out;
}

Result<QList<DemoGenerator::Holder>> DemoGenerator::existingHolders() const
{
    QList<Holder> out;
    for (const auto& [sql, profile] :
         {std::pair{QStringLiteral("SELECT id, account_id FROM members ORDER BY id LIMIT 100000"),
                    false},
          std::pair{QStringLiteral("SELECT id, account_id FROM profiles ORDER BY id LIMIT 100000"),
                    true}}) {
        auto q = m_ctx.db.run(sql);
        if (!q)
            return q.error();
        while (q->next())
            out.append({q->value(0).toLongLong(), q->value(1).toLongLong(), profile});
    }
    return out;
}

Result<std::pair<QStringList, QStringList>> DemoGenerator::existingPayers() const
{
    std::pair<QStringList, QStringList> out;
    auto m = m_ctx.db.run(
        QStringLiteral("SELECT m.account_name FROM members m JOIN accounts a ON a.id = m.account_id"
                       " WHERE a.balance_cents > 0 OR m.id IN (SELECT member_id FROM auto_recharge)"
                       " ORDER BY m.id LIMIT 1000000"));
    if (!m)
        return m.error();
    while (m->next())
        out.first.append(m->value(0).toString());
    auto p = m_ctx.db.run(QStringLiteral("SELECT name FROM profiles ORDER BY id LIMIT 100000"));
    if (!p)
        return p.error();
    while (p->next())
        out.second.append(p->value(0).toString());
    return out;
}

Result<QString> DemoGenerator::accountInUse() const
{
    auto held = m_ctx.db.run(QStringLiteral("SELECT (SELECT COUNT(*) FROM members), "
                                            "(SELECT COUNT(*) FROM profiles), "
                                            "(SELECT COUNT(*) FROM ledger)"));
    if (!held)
        return held.error();
    if (!held->next())
        return QString();
    const qint64 memberCount = held->value(0).toLongLong();
    const qint64 profileCount = held->value(1).toLongLong();
    const qint64 entryCount = held->value(2).toLongLong();
    if (memberCount + profileCount + entryCount == 0)
        return QString();
    // Each count after its label: "1 members" cannot happen, in any language.
    return tr("This database already holds an account (members: %1, SIP profiles: %2, ledger "
              "entries: %3): demo data would be mixed into it. Use an empty database for the demo.")
        .arg(memberCount)
        .arg(profileCount)
        .arg(entryCount);
}

Result<DemoGenerator::Summary> DemoGenerator::generate(const Options& options,
                                                       const Progress& progress) const
{
    if (options.members < 0 || options.members > MaxMembers)
        return Error::invalid(
            tr("The number of demo members must be between 0 and %1.").arg(MaxMembers));
    if (options.profiles < 0 || options.profiles > MaxProfiles)
        return Error::invalid(
            tr("The number of demo SIP profiles must be between 0 and %1.").arg(MaxProfiles));
    if (options.numbers < 0 || options.numbers > MaxNumbers)
        return Error::invalid(
            tr("The number of demo numbers must be between 0 and %1.").arg(MaxNumbers));
    if (options.calls < 0 || options.calls > MaxCalls)
        return Error::invalid(
            tr("The number of demo calls must be between 0 and %1.").arg(MaxCalls));
    const qint64 total =
        qint64(options.members) + options.profiles + options.numbers + options.calls;
    const auto cancelled = [] {
        return Error::refused(tr("Generating the demo was cancelled; nothing was written."));
    };
    // SQLite's default page cache (2 MiB) is far smaller than what the demo's one transaction
    // writes: its pages would spill to the WAL file and be read back, over and over. A larger
    // one while the demo runs, bounded, then the connection's own again.
    // Temporary files stay files (temp_store FILE, the default): under temp_store MEMORY
    // SQLite's sorter allocates each record on its own, and making the members' indexes
    // again took 0.7 s rather than 0.3 s. The statement journals of the multi-row inserts
    // that then go to a temporary file cost no measurable time.
    std::optional<qint64> cacheBefore;
    if (!m_ctx.db.isPostgres()) {
        if (auto q = m_ctx.db.runFirst(QStringLiteral("PRAGMA cache_size")))
            cacheBefore = q->value(0).toLongLong();
        (void)m_ctx.db.run(QStringLiteral("PRAGMA cache_size = -%1").arg(kDemoCacheKiB));
    }
    const auto restoreCache = qScopeGuard([&] {
        if (cacheBefore)
            (void)m_ctx.db.run(QStringLiteral("PRAGMA cache_size = %1").arg(*cacheBefore));
    });
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Summary> {
        QRandomGenerator rng(options.seed);
        Summary summary;
        const MemberService members(m_ctx);
        const Ledger ledger(m_ctx);
        const Database& db = m_ctx.db;
        if (!options.intoExistingAccount) {
            // Invented members and a made-up top-up in a real account would be hard to tell
            // from the real ones afterwards.
            auto inUse = accountInUse();
            if (!inUse)
                return inUse.error();
            if (!inUse->isEmpty())
                return Error::refused(*inUse);
        }
        // Account names already taken, so a demo can be added to an existing database.
        QSet<QString> taken;
        {
            auto q = db.run(QStringLiteral("SELECT account_key FROM members"));
            if (!q)
                return q.error();
            while (q->next())
                taken.insert(q->value(0).toString());
        }
        const qint64 perMember = 2500; // 25.00 average credit
        const Money topUp = Money::fromCents(qMax<qint64>(100000, options.members * perMember * 2));
        if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
            return l.error();
        if (options.members > 0) {
            if (auto t =
                    ledger.transfer(tx, 0, Ledger::CompanyAccount, topUp, QStringLiteral("topup"),
                                    QStringLiteral("DEMO-%1").arg(options.seed));
                !t)
                return t.error();
            summary.topUpCents += topUp.cents();
        }
        // Members go in chunks, many rows per statement (MemberService::insertMany), and their
        // allocations through one LedgerBatch: the company's row is updated once, each
        // member's once, the entries and summaries written in bulk.
        QList<Holder> newMembers;  // to hold numbers
        QStringList payingMembers; // with credit or auto-recharge: they make the calls
        QList<qint64> payingAccounts;
        LedgerBatch allocations(m_ctx, tx);
        const QString allocation = QStringLiteral("allocation");
        MultiRowStatement insertRecharge(
            db,
            QStringLiteral("INSERT INTO auto_recharge (member_id, amount_cents, threshold_cents,"
                           " monthly_limit_cents, month, recharged_cents) VALUES "),
            QStringLiteral("(?, %1, %2, %3, ?, 0)")
                .arg(kDemoRecharge.cents())
                .arg(kDemoRechargeThreshold.cents())
                .arg(kDemoRechargeLimit.cents()),
            QString(), 256);
        const QString thisMonth = m_ctx.now().toUTC().toString(QStringLiteral("yyyy-MM"));
        // Account names: the next number to try after each name (a hundred thousand members
        // share a thousand names), and each name's ASCII form, folded once.
        QHash<QString, int> nextSuffix;
        QHash<QString, QString> foldedNames;
        // By value: a reference into the hash would dangle once the next name's insert
        // rehashes it (both are used in one expression below).
        const auto folded = [&](const QString& name) -> QString {
            auto it = foldedNames.find(name);
            if (it == foldedNames.end())
                it = foldedNames.insert(name, asciiFold(name));
            return *it;
        };
        struct Chunk
        {
            QList<ReadyMember> members;
            QList<std::pair<qint64, bool>> pays; // credit in cents, auto-recharge
        };
        const auto insertChunk = [&](const Chunk& chunk) -> Result<void> {
            auto added = members.insertMany(tx, chunk.members);
            if (!added)
                return added.error();
            for (qsizetype k = 0; k < added->size(); ++k) {
                const Member& m = added->at(k);
                const auto [credit, recharge] = chunk.pays[k];
                newMembers.append({m.id, m.accountId, false});
                if (credit > 0) {
                    if (auto t = allocations.transfer(Ledger::CompanyAccount, m.accountId,
                                                      Money::fromCents(credit), allocation);
                        !t)
                        return t;
                    summary.creditAllocatedCents += credit;
                }
                if (recharge) {
                    insertRecharge.add(m.id).add(thisMonth);
                    if (auto r = insertRecharge.endRow(); !r)
                        return r;
                    ++summary.autoRecharges;
                }
                if (credit > 0 || recharge) {
                    payingMembers.append(m.account);
                    payingAccounts.append(m.accountId);
                }
            }
            summary.members += int(added->size());
            return {};
        };
        // Many members into few: their tables' indexes are made once after, not kept up row
        // by row (IndexSetAside; unique ones stay, so account names are still checked).
        std::vector<IndexSetAside> memberIndexes;
        for (const char* table : {"members", "accounts"}) {
            auto aside =
                IndexSetAside::dropIfWorthIt(tx, QString::fromLatin1(table), options.members);
            if (!aside)
                return aside.error();
            memberIndexes.push_back(std::move(*aside));
        }
        taken.reserve(taken.size() + options.members);
        const auto makeChunk = [&](int size) {
            Chunk chunk;
            chunk.members.reserve(size);
            chunk.pays.reserve(size);
            for (int i = 0; i < size; ++i) {
                const NamePool& pool = pools()[rng.bounded(static_cast<int>(pools().size()))];
                const QString& first = pool.first[rng.bounded(static_cast<int>(pool.first.size()))];
                const QString& last = pool.last[rng.bounded(static_cast<int>(pool.last.size()))];
                QString base = folded(first) + QLatin1Char('.') + folded(last);
                base = base.left(26);
                while (base.size() < 6)
                    base += QLatin1Char('x');
                QString account = base;
                int& suffix = nextSuffix[base];
                if (suffix > 0 || taken.contains(account)) {
                    for (suffix = std::max(suffix, 2);
                         taken.contains(account = base + QString::number(suffix)); ++suffix) {
                    }
                    ++suffix;
                }
                taken.insert(account);
                chunk.members.append(MemberService::ready(
                    {account, first + QLatin1Char(' ') + last,
                     account + QStringLiteral("@example.com"),
                     departments()[rng.bounded(static_cast<int>(departments().size()))]}));
                // Most members get some credit; a few get auto-recharge. A member with
                // auto-recharge starts at or above its threshold, as an admin's save leaves it
                // (CreditService::setAutoRecharge recharges at once below it): one allocation of
                // what that recharge would have moved, not 5,000 recharges one by one.
                qint64 credit = rng.bounded(10) < 7 ? qint64(rng.bounded(1, 11)) * 500 : qint64(0);
                const bool recharge = rng.bounded(20) == 0;
                if (recharge && credit < kDemoRechargeThreshold.cents())
                    credit = kDemoRecharge.cents();
                chunk.pays.append({credit, recharge});
            }
            return chunk;
        };
        // The members are made (names, accounts, credit) and made ready to insert (their
        // search keys, MemberService::ready) on a second thread, a chunk ahead of the
        // inserts: some 0.4 s of 100,000 members' CPU time that then runs beside SQLite's.
        // One chunk is made at a time, so rng, taken and the name caches have one user at a
        // time (get() orders the thread's writes before what follows it here).
        constexpr int kChunk = 1000;
        std::future<Chunk> next;
        const auto startChunk = [&](int first) {
            if (first < options.members)
                next = std::async(std::launch::async, makeChunk,
                                  std::min(kChunk, options.members - first));
        };
        startChunk(0);
        for (int first = 0; first < options.members; first += kChunk) {
            const Chunk chunk = next.get();
            startChunk(first + kChunk);
            if (auto c = insertChunk(chunk); !c)
                return c.error();
            const int done = first + int(chunk.members.size());
            if (progress && !progress(done, total))
                return cancelled();
        }
        if (auto r = insertRecharge.flush(); !r)
            return r.error();
        if (auto f = allocations.flush(); !f)
            return f.error();
        for (IndexSetAside& aside : memberIndexes) {
            if (auto r = aside.restore(tx, IndexSetAside::SearchBuild::Fast); !r)
                return r.error();
        }
        qint64 doneSoFar = options.members;

        // Profiles and numbers: planned first, so that one top-up pays for all of them.
        auto profiles = planProfiles(rng, options.profiles, options.calls);
        if (!profiles)
            return profiles.error();
        auto numbers = planNumbers(rng, options.numbers);
        if (!numbers)
            return numbers.error();
        // Members who make calls get credit for about what their share of the calls costs
        // (some 12 cents a call on average), so that most calls are paid.
        Money extraEach;
        if (options.calls > 0 && !payingMembers.isEmpty()) {
            const qint64 memberCalls =
                options.profiles > 0 ? options.calls * 6 / 10 : options.calls;
            extraEach = Money::fromCents(memberCalls * 16 / payingMembers.size());
        }
        Money companyPays = extraEach.times(payingMembers.size()).value_or(Money());
        for (const PlannedProfile& p : std::as_const(*profiles))
            companyPays += m_prices.channelPrice().times(p.channels).value_or(Money()) + p.credit;
        for (const PlannedNumber& n : std::as_const(*numbers))
            companyPays += n.price;
        // And a cushion for the auto-recharges the calls set off.
        const Money needed = companyPays + Money::fromCents(options.calls > 0 ? 50000 : 0);
        if (needed.isPositive()) {
            if (auto t =
                    ledger.transfer(tx, 0, Ledger::CompanyAccount, needed, QStringLiteral("topup"),
                                    QStringLiteral("DEMO-%1-ACCOUNT").arg(options.seed));
                !t)
                return t.error();
            summary.topUpCents += needed.cents();
        }
        if (extraEach.isPositive()) {
            for (qint64 account : std::as_const(payingAccounts)) {
                if (auto t = allocations.transfer(Ledger::CompanyAccount, account, extraEach,
                                                  allocation);
                    !t)
                    return t.error();
                summary.creditAllocatedCents += extraEach.cents();
            }
            if (auto f = allocations.flush(); !f)
                return f.error();
        }
        LedgerBatch companyDebits(m_ctx, tx);
        LedgerBatch bundleDebits(m_ctx, tx);
        QList<Holder> profileHolders;
        QStringList profileNames;
        QList<std::pair<qint64, Money>> profileCredits;
        const QDate today = m_ctx.now().toUTC().date();
        for (const PlannedProfile& p : std::as_const(*profiles)) {
            auto account = ledger.createAccount(tx, QStringLiteral("profile"));
            if (!account)
                return account.error();
            auto q = db.runFirst(
                QStringLiteral(
                    "INSERT INTO profiles (account_id, name, name_key, name_skeleton,"
                    " department, email, auth, ip, port, sip_username, secret, channels,"
                    " channel_price_cents, channels_anchor, channels_periods,"
                    " channels_expires, created_at, search_key)"
                    " VALUES (?, ?, ?, ?, ?, ?, 'ip', ?, 5060, '', '', ?, ?, ?, 1, ?, ?, ?)"
                    " RETURNING id"),
                {*account, p.name, NameText::key(p.name), NameText::skeleton(p.name), p.department,
                 p.email, p.ip, p.channels, m_prices.channelPrice().cents(),
                 today.toString(Qt::ISODate), today.addMonths(1).toString(Qt::ISODate),
                 m_ctx.nowText(), SearchIndex::profileKey(p.name, p.department)});
            if (!q)
                return q.error();
            const qint64 id = q->value(0).toLongLong();
            q->finish();
            // Bundles bought three months ago and renewed each month since, so that the
            // calls of the last months use their minutes; paid from the profile's credit
            // (allocated below, hence a batch flushed after it).
            if (p.bundles > 0) {
                const QDate anchor = today.addMonths(1 - kDemoBundleMonths);
                const Money each = m_prices.bundlePrice();
                const Money paid = each.times(p.bundles).value_or(Money());
                for (int period = 1; period <= kDemoBundleMonths; ++period) {
                    if (auto b = BundleService::recordPeriod(m_ctx, id, anchor, period, p.bundles,
                                                             each, paid, QStringLiteral("active"));
                        !b)
                        return b.error();
                    if (auto d =
                            bundleDebits.debit(*account, paid, QStringLiteral("bundle"), p.name);
                        !d)
                        return d.error();
                }
                summary.bundles += p.bundles;
            }
            if (auto d =
                    companyDebits.debit(Ledger::CompanyAccount,
                                        m_prices.channelPrice().times(p.channels).value_or(Money()),
                                        QStringLiteral("channels"), p.name, *account);
                !d)
                return d.error();
            if (p.credit.isPositive()) {
                profileCredits.append({*account, p.credit});
                summary.creditAllocatedCents += p.credit.cents();
            }
            profileHolders.append({id, *account, true});
            profileNames.append(p.name);
            ++summary.profiles;
            summary.channels += p.channels;
            ++doneSoFar;
            if (progress && doneSoFar % 1000 == 0 && !progress(doneSoFar, total))
                return cancelled();
        }
        if (auto t = ledger.transferToMany(tx, Ledger::CompanyAccount, profileCredits,
                                           QStringLiteral("allocation"));
            !t)
            return t.error();
        if (auto f = bundleDebits.flush(); !f)
            return f.error();

        // Numbers go to the new members and profiles (a third to profiles), or to those
        // already in the database when this demo adds none.
        if (!numbers->isEmpty() && newMembers.isEmpty() && profileHolders.isEmpty()) {
            auto h = existingHolders();
            if (!h)
                return h.error();
            for (const Holder& holder : std::as_const(*h))
                (holder.profile ? profileHolders : newMembers).append(holder);
        }
        if (!numbers->isEmpty() && newMembers.isEmpty() && profileHolders.isEmpty())
            return Error::refused(tr("Demo numbers need members or SIP profiles to hold them."));
        MultiRowStatement insertNumber(
            db,
            QStringLiteral("INSERT INTO numbers (e164, country, area, member_id, profile_id,"
                           " months, price_cents, anchor, periods, expires, cancelled, status,"
                           " bought_at) VALUES "),
            QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, 'active', ?)"), QString(), 256);
        const QVariant noId(QMetaType::fromType<qlonglong>());
        const QString anchor = today.toString(Qt::ISODate);
        const QString boughtAt = m_ctx.nowText();
        for (const PlannedNumber& n : std::as_const(*numbers)) {
            const bool toProfile =
                !profileHolders.isEmpty() && (newMembers.isEmpty() || rng.bounded(3) == 0);
            const QList<Holder>& from = toProfile ? profileHolders : newMembers;
            const Holder& h = from[rng.bounded(int(from.size()))];
            insertNumber.add(n.e164)
                .add(n.country)
                .add(n.area)
                .add(h.profile ? noId : QVariant(h.id))
                .add(h.profile ? QVariant(h.id) : noId)
                .add(n.months)
                .add(n.price.cents())
                .add(anchor)
                .add(today.addMonths(n.months).toString(Qt::ISODate))
                .add(boughtAt);
            if (auto e = insertNumber.endRow(); !e)
                return e.error();
            if (auto d = companyDebits.debit(Ledger::CompanyAccount, n.price,
                                             QStringLiteral("number"), n.e164, h.accountId);
                !d)
                return d.error();
            ++summary.numbers;
            ++doneSoFar;
            if (progress && doneSoFar % 1000 == 0 && !progress(doneSoFar, total))
                return cancelled();
        }
        if (auto e = insertNumber.flush(); !e)
            return e.error();
        if (auto f = companyDebits.flush(); !f)
            return f.error();
        // The new numbers' search keys (digits and holder), in one pass.
        if (!numbers->isEmpty()) {
            if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.search_key = ''"), {});
                !k)
                return k.error();
        }

        // Calls, through the same import and rating as a PBX's file.
        if (options.calls > 0) {
            if (payingMembers.isEmpty() && profileNames.isEmpty()) {
                auto codes = existingPayers();
                if (!codes)
                    return codes.error();
                payingMembers = codes->first;
                profileNames = codes->second;
            }
            // Three months of calls, imported month by month as an office would: each
            // month's calls are booked at its end (the last, today), so the ledger, the
            // statements and the charts have a history.
            const QDateTime now = m_ctx.now().toUTC();
            const qint64 to = now.toSecsSinceEpoch();
            const qint64 from = now.addMonths(-3).toSecsSinceEpoch();
            QList<qint64> bounds{from};
            for (QDate d(now.addMonths(-2).date().year(), now.addMonths(-2).date().month(), 1);
                 d <= now.date(); d = d.addMonths(1)) {
                const qint64 b = QDateTime(d, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
                if (b > from && b < to)
                    bounds.append(b);
            }
            bounds.append(to);
            const QStringList memberCodes = payingMembers;
            payingMembers.clear();
            // Set aside once for all the months, not made again after each (the importer
            // finds none to set aside itself).
            auto aside = IndexSetAside::dropIfWorthIt(tx, QStringLiteral("calls"), options.calls);
            if (!aside)
                return aside.error();
            std::atomic<bool> stop{false};
            qint64 producedBefore = 0;
            const qint64 span = std::max<qint64>(1, to - from);
            for (qsizetype k = 0; k + 1 < bounds.size(); ++k) {
                const qint64 a = bounds[k], b = bounds[k + 1];
                const qint64 calls = k + 2 == bounds.size()
                                         ? options.calls - producedBefore
                                         : qint64((__int128(options.calls) * (b - a)) / span);
                if (calls <= 0)
                    continue;
                FixedClock monthEnd(k + 2 == bounds.size()
                                        ? now
                                        : QDateTime::fromSecsSinceEpoch(b - 1, QTimeZone::utc()));
                const Context monthCtx{m_ctx.db, &monthEnd, m_ctx.actor, nullptr};
                DemoCallStream stream(memberCodes, profileNames, calls, a, b, options.seed,
                                      producedBefore);
                CallImportOptions o;
                o.format = CdrReader::Format::Asterisk;
                o.fileName = QStringLiteral("demo");
                o.cancel = &stop;
                o.batchSize = 10000;
                if (progress)
                    o.progress = [&](qint64) {
                        if (!progress(doneSoFar + producedBefore + stream.produced(), total))
                            stop = true;
                    };
                auto imported = CallImporter(monthCtx, m_prices).importInto(tx, &stream, o);
                if (stop)
                    return cancelled();
                if (!imported)
                    return imported.error();
                producedBefore += calls;
                summary.calls.imported += imported->imported;
                summary.calls.duplicates += imported->duplicates;
                summary.calls.chargedCalls += imported->chargedCalls;
                summary.calls.charged += imported->charged;
                summary.calls.recharges += imported->recharges;
                summary.calls.unratedCount += imported->unratedCount;
                summary.calls.owingPayers = imported->owingPayers;
                summary.calls.owed = imported->owed;
            }
            if (auto r = aside->restore(tx); !r)
                return r.error();
        }
        // The usual weeks of spending the dashboard reads by index (billing keeps them).
        if (auto u = UsualSpending::refresh(tx, m_ctx.now().toUTC().date()); !u)
            return u.error();
        if (progress)
            progress(total, total);
        if (auto a = ActivityLog(m_ctx).record(tx, ActivityEvent::demoGenerated(summary.members));
            !a)
            return a.error();
        return summary;
    });
    if (done && m_ctx.db.isPostgres()) {
        // The planner's statistics: a live server's autovacuum gathers them a minute or so
        // after a bulk insert, and until then plans a middle page of 100,000 members by
        // status as a walk of the table, 170 ms instead of 5. The window opens on the demo at
        // once. The demo is committed either way: a failure here only leaves that to
        // autovacuum.
        (void)m_ctx.db.run(QStringLiteral("ANALYZE"));
    }
    if (done)
        m_ctx.announce(
            Changes().withAllMembers().withAllProfiles().withCompanyBalance().withActivity());
    return done;
}

} // namespace sb
