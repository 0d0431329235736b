#include "core/reports/MonthlyStatement.h"

#include "core/base/FixedClock.h"
#include "core/base/UserText.h"
#include "core/books/Ledger.h"
#include "core/books/LedgerSummary.h"
#include "core/reports/AdviceService.h"
#include "core/secrets/ProtectedFiles.h"
#include "core/storage/RowReader.h"

#include <QDir>
#include <QFileInfo>

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace sb {

namespace {

/// Kinds whose money comes from outside the books (the provider or the bank): their entries
/// have no `from` account, so only the receiving side's `in_cents` counts them.
bool fromOutside(const QString& kind)
{
    return kind == QLatin1String("topup") || kind == QLatin1String("bundle-refund") ||
           kind == QLatin1String("channels-refund");
}

struct AccountInfo
{
    StatementAccount::Kind kind = StatementAccount::Kind::Member;
    QString name;
    QString displayName;
    QString department;
};

struct AccountMonth
{
    qint64 opening = 0;
    qint64 closing = 0;
    bool hasClosing = false;
    qint64 in = 0;
    qint64 out = 0;
    qint64 numbers = 0;
    qint64 channels = 0;
    qint64 bundles = 0;
    qint64 calls = 0;
    qint64 callCount = 0;
    qint64 billedMinutes = 0;
    bool active = false;
};

bool sameBytes(const QByteArray& a, QByteArrayView b)
{
    return a.size() == b.size() &&
           (b.isEmpty() || std::memcmp(a.constData(), b.data(), size_t(b.size())) == 0);
}

/// A stored UTC time ("2026-11-27T09:00:00Z") read without QDateTime's general parser:
/// a month's statement reads a hundred thousand of them.
QDateTime storedTime(const QString& t)
{
    if (t.size() >= 19 && t.at(4) == u'-' && t.at(10) == u'T') {
        const auto n = [&](int from, int len) { return QStringView(t).mid(from, len).toInt(); };
        const QDate d(n(0, 4), n(5, 2), n(8, 2));
        const QTime tm(n(11, 2), n(14, 2), n(17, 2));
        if (d.isValid() && tm.isValid())
            return QDateTime(d, tm, Qt::UTC);
    }
    return QDateTime::fromString(t, Qt::ISODate).toUTC();
}

/// The canonical path `path` has or would have: its folder's canonical path and its name
/// (after following it where it is a link).
} // namespace

Result<void> MonthlyStatement::validateOutputPath(const Database& db, const QString& path)
{
    if (path.trimmed().isEmpty())
        return Error::invalid(tr("Name the file to write the statement to."));
    return ProtectedFiles::checkOutput(db, path);
}

Result<void> MonthlyStatement::validateMonth(const QString& month)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])\\z"));
    if (!re.match(month).hasMatch())
        return Error::invalid(tr("\"%1\" is not a month; write it as YYYY-MM, such as 2026-11.")
                                  .arg(UserText::quoted(month)));
    return {};
}

QString MonthlyStatement::nextMonth(const QString& month)
{
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), Qt::ISODate);
    return first.addMonths(1).toString(QStringLiteral("yyyy-MM"));
}

Result<MonthStatement> MonthlyStatement::compute(const QString& monthIn) const
{
    const QString month = monthIn.trimmed();
    if (auto v = validateMonth(month); !v)
        return v.error();
    const Database& db = m_ctx.db;
    MonthStatement st;
    st.month = month;

    // Hashed, not ordered: a busy month touches a hundred thousand accounts three times each,
    // and the lists are sorted by name below anyway.
    std::unordered_map<qint64, AccountMonth> months;

    // Closing balances: each account's latest month up to this one. The opening follows from
    // the month's money below (closing − in + out): one pass over the balances, not two.
    // Most accounts listed have a row in this very month (index balance_months_month); only
    // the others are looked up again for their latest month before.
    {
        auto q = RowReader::open(
            db,
            QStringLiteral("SELECT account_id, closing_cents FROM balance_months WHERE month = ?"
                           " UNION ALL SELECT b.account_id, b.closing_cents FROM balance_months b"
                           " JOIN (SELECT account_id, MAX(month) AS m FROM balance_months WHERE"
                           " month <= ? GROUP BY account_id HAVING MAX(month) < ?) l"
                           " ON l.account_id = b.account_id AND l.m = b.month"),
            {month, month, month});
        if (!q)
            return q.error();
        while (q->next()) {
            AccountMonth& a = months[q->integer(0)];
            a.closing = q->integer(1);
            a.hasClosing = true;
        }
        if (auto done = q->finished(); !done)
            return done.error();
    }

    // The month's money, per account and kind.
    {
        auto q =
            RowReader::open(db,
                            QStringLiteral("SELECT account_id, kind, in_cents, out_cents, for_cents"
                                           " FROM ledger_months WHERE month = ?"),
                            {month});
        if (!q)
            return q.error();
        // A handful of kinds over a hundred thousand rows: each kind's spending looked up once.
        struct KindSum
        {
            QByteArray bytes;
            QString kind;
            LedgerSummary::Spending spending;
            qint64 in = 0;
            qint64 out = 0;
        };
        std::vector<KindSum> kinds;
        AccountMonth* a = nullptr;
        qint64 lastAccount = 0;
        while (q->next()) {
            const qint64 account = q->integer(0);
            const QByteArrayView kind = q->utf8(1);
            const qint64 in = q->integer(2);
            const qint64 out = q->integer(3);
            const qint64 forCents = q->integer(4);
            if (!a || account != lastAccount) { // rows come by account (the primary key)
                a = &months[account];
                lastAccount = account;
            }
            a->active = true;
            a->in += in;
            a->out += out;
            auto k = std::find_if(kinds.begin(), kinds.end(),
                                  [&](const KindSum& x) { return sameBytes(x.bytes, kind); });
            if (k == kinds.end()) {
                const QString name = QString::fromUtf8(kind);
                k = kinds.insert(kinds.end(),
                                 {kind.toByteArray(), name, LedgerSummary::spendingOf(name)});
            }
            k->in += in;
            k->out += out;
            // Numbers and channels are bought by the company for the account; bundles and
            // calls the account pays itself (a bundle refund comes in).
            switch (k->spending) {
            case LedgerSummary::Spending::Numbers:
                a->numbers += forCents;
                break;
            case LedgerSummary::Spending::Channels:
                a->channels += forCents;
                break;
            case LedgerSummary::Spending::Bundles:
                a->bundles += out - in;
                break;
            case LedgerSummary::Spending::Calls:
                a->calls += out - in;
                break;
            case LedgerSummary::Spending::None:
                break;
            }
        }
        if (auto done = q->finished(); !done)
            return done.error();
        // An entry between two accounts is counted on both sides; one with the outside on
        // one side: every kind has one direction only.
        for (const KindSum& k : kinds)
            st.totals.byKind.insert(k.kind, Money::fromCents(fromOutside(k.kind) ? k.in : k.out));
    }

    for (auto& [account, a] : months)
        a.opening = a.closing - a.in + a.out;

    // Calls started in the month.
    {
        auto q = RowReader::open(
            db,
            QStringLiteral("SELECT account_id, calls, billed_minutes FROM call_months"
                           " WHERE month = ?"),
            {month});
        if (!q)
            return q.error();
        while (q->next()) {
            AccountMonth& a = months[q->integer(0)];
            a.callCount += q->integer(1);
            a.billedMinutes += q->integer(2);
            if (a.callCount > 0)
                a.active = true;
        }
        if (auto done = q->finished(); !done)
            return done.error();
    }

    // Who the accounts are: the members and profiles among the month's accounts (every
    // account an entry of the month names has its row in ledger_months), the others' names
    // not even read.
    std::unordered_map<qint64, AccountInfo> info;
    info.reserve(months.size());
    for (const auto kind : {StatementAccount::Kind::Member, StatementAccount::Kind::Profile}) {
        const bool member = kind == StatementAccount::Kind::Member;
        auto q = RowReader::open(
            db,
            member ? QStringLiteral("SELECT account_id, account_name, display_name, department"
                                    " FROM members")
                   : QStringLiteral("SELECT account_id, name, department FROM profiles"),
            {});
        if (!q)
            return q.error();
        while (q->next()) {
            const qint64 id = q->integer(0);
            if (months.find(id) == months.end())
                continue;
            AccountInfo& i = info[id];
            i.kind = kind;
            i.name = q->text(1);
            i.displayName = member ? q->text(2) : i.name;
            i.department = q->text(member ? 3 : 2);
        }
        if (auto done = q->finished(); !done)
            return done.error();
    }

    std::map<qint64, QString> deleted;
    const auto deletedName = [&](qint64 id) -> QString {
        auto it = deleted.find(id);
        if (it != deleted.end())
            return it->second;
        QString name = tr("account %1").arg(id);
        auto q = db.run(QStringLiteral("SELECT reference FROM ledger WHERE from_account = ? AND"
                                       " kind = 'return' AND reference <> '' ORDER BY id DESC"),
                        {id});
        if (q && q->next())
            name = tr("%1 (deleted)").arg(q->value(0).toString());
        deleted.emplace(id, name);
        return name;
    };
    // An account outside the month's (which the summaries never leave an entry of the month
    // to): a member's or profile's found by itself, else a deleted profile's.
    const auto infoOf = [&](qint64 id) -> AccountInfo {
        AccountInfo i;
        auto q = db.run(QStringLiteral("SELECT account_name, display_name, department, 1"
                                       " FROM members WHERE account_id = ? UNION ALL"
                                       " SELECT name, name, department, 0 FROM profiles"
                                       " WHERE account_id = ?"),
                        {id, id});
        if (q && q->next()) {
            i.kind = q->value(3).toInt() == 1 ? StatementAccount::Kind::Member
                                              : StatementAccount::Kind::Profile;
            i.name = q->value(0).toString();
            i.displayName = q->value(1).toString();
            i.department = q->value(2).toString();
        } else {
            i.kind = StatementAccount::Kind::Profile;
            i.name = deletedName(id);
            i.displayName = i.name;
        }
        return i;
    };

    const auto accountOf = [&](qint64 id, const AccountMonth& a) {
        StatementAccount s;
        s.accountId = id;
        s.opening = Money::fromCents(a.opening);
        // An account without entries in the month keeps its opening balance.
        s.closing = Money::fromCents(a.hasClosing ? a.closing : a.opening);
        s.in = Money::fromCents(a.in);
        s.out = Money::fromCents(a.out);
        s.numbers = Money::fromCents(a.numbers);
        s.channels = Money::fromCents(a.channels);
        s.bundles = Money::fromCents(a.bundles);
        s.calls = Money::fromCents(a.calls);
        s.callCount = a.callCount;
        s.billedMinutes = a.billedMinutes;
        if (id == Ledger::CompanyAccount) {
            s.kind = StatementAccount::Kind::Company;
        } else if (auto it = info.find(id); it != info.end()) {
            s.kind = it->second.kind;
            s.name = it->second.name;
            s.displayName = it->second.displayName;
            s.department = it->second.department;
        } else {
            // A deleted SIP profile's account: its history stays in the books, its name in
            // the reference of the credit it returned on deletion.
            s.kind = StatementAccount::Kind::Profile;
            s.name = deletedName(id);
            s.displayName = s.name;
        }
        return s;
    };

    st.company = accountOf(Ledger::CompanyAccount, months[Ledger::CompanyAccount]);
    st.members.reserve(qsizetype(months.size()));
    for (const auto& [id, a] : months) {
        if (id == Ledger::CompanyAccount)
            continue;
        const qint64 closing = a.hasClosing ? a.closing : a.opening;
        if (!a.active && a.opening == 0 && closing == 0)
            continue;
        StatementAccount s = accountOf(id, a);
        (s.kind == StatementAccount::Kind::Member ? st.members : st.profiles).append(std::move(s));
    }
    // By name, case-insensitively: each name folded once, not at every comparison (a busy
    // office lists a hundred thousand members).
    // Each key carries its first twelve UTF-16 units as three numbers, so most comparisons
    // are settled without reading the names themselves (the order is QString::compare's).
    struct NameKey
    {
        std::array<quint64, 3> prefix;
        QString folded;
        qint64 accountId;
        qsizetype index;
    };
    const auto sortByName = [](QList<StatementAccount>& list) {
        std::vector<NameKey> keys;
        keys.reserve(size_t(list.size()));
        for (qsizetype i = 0; i < list.size(); ++i) {
            QString folded = list[i].name.toCaseFolded();
            std::array<quint64, 3> prefix{};
            for (qsizetype c = 0; c < 12; ++c) {
                quint64& w = prefix[size_t(c / 4)];
                w = (w << 16) | (c < folded.size() ? folded.at(c).unicode() : 0u);
            }
            keys.push_back({prefix, std::move(folded), list[i].accountId, i});
        }
        std::sort(keys.begin(), keys.end(), [](const NameKey& x, const NameKey& y) {
            if (x.prefix != y.prefix)
                return x.prefix < y.prefix;
            const int c = x.folded.compare(y.folded);
            return c != 0 ? c < 0 : x.accountId < y.accountId;
        });
        QList<StatementAccount> sorted;
        sorted.reserve(list.size());
        for (const NameKey& k : keys)
            sorted.append(std::move(list[k.index]));
        list = std::move(sorted);
    };
    sortByName(st.profiles);
    sortByName(st.members);

    // Departments as they were when the money was spent.
    {
        auto q = db.run(QStringLiteral("SELECT department, kind, cents FROM spending_months"
                                       " WHERE month = ? ORDER BY department"),
                        {month});
        if (!q)
            return q.error();
        QMap<QString, StatementDepartment> deps;
        while (q->next()) {
            const QString name = q->value(0).toString();
            const QString kind = q->value(1).toString();
            const Money cents = Money::fromCents(q->value(2).toLongLong());
            StatementDepartment& d = deps[name];
            d.name = name;
            switch (LedgerSummary::spendingOf(kind)) {
            case LedgerSummary::Spending::Numbers:
                d.numbers += cents;
                break;
            case LedgerSummary::Spending::Channels:
                d.channels += cents;
                break;
            case LedgerSummary::Spending::Bundles:
                d.bundles += cents;
                break;
            case LedgerSummary::Spending::Calls:
            case LedgerSummary::Spending::None: // spending_months holds spending kinds only
                d.calls += cents;
                break;
            }
        }
        st.departments = deps.values(); // QMap: sorted, the empty name first
    }

    // Top-ups, allocations, auto-recharges and returns of the month: one query per kind, each
    // in the order of the index ledger_kind_at (kind, at, id), merged here by time and id —
    // the database sorting a month of a hundred thousand allocations would cost more.
    {
        struct Read
        {
            QString at;
            qint64 id;
            StatementEntry entry;
        };
        std::vector<std::vector<Read>> byKind;
        std::vector<std::tuple<size_t, size_t, qint64>> unnamed; // kind, row, account
        for (const char* kind : {"topup", "allocation", "autorecharge", "return"}) {
            const QString k = QString::fromLatin1(kind);
            // The account on the other side than the company's (none for a top-up).
            auto q = RowReader::open(
                db,
                QStringLiteral("SELECT at, id, CASE WHEN to_account = ? THEN from_account"
                               " ELSE to_account END, amount_cents, actor, reference FROM ledger"
                               " WHERE kind = ? AND at >= ? AND at < ? ORDER BY at, id"),
                {Ledger::CompanyAccount, k, month, nextMonth(month)});
            if (!q)
                return q.error();
            std::vector<Read> rows;
            // Entries written together share their time and actor: each read, parsed and kept
            // once for a run of equal values (compared as the engine's bytes).
            QByteArray atBytes;
            QString lastAt;
            QDateTime lastTime;
            QByteArray actorBytes;
            QString lastActor;
            bool first = true;
            while (q->next()) {
                Read r;
                const QByteArrayView at = q->utf8(0);
                if (first || !sameBytes(atBytes, at)) {
                    atBytes = at.toByteArray();
                    lastAt = QString::fromUtf8(at);
                    lastTime = storedTime(lastAt);
                }
                r.at = lastAt;
                r.id = q->integer(1);
                StatementEntry& e = r.entry;
                e.at = lastTime;
                e.kind = k;
                const qint64 other = q->integer(2);
                if (other != 0 && other != Ledger::CompanyAccount) {
                    auto it = info.find(other);
                    e.accountKind =
                        it != info.end() ? it->second.kind : StatementAccount::Kind::Profile;
                    if (it != info.end())
                        e.account = it->second.name;
                    else // named once this query is done: nothing else runs while it reads
                        unnamed.push_back({byKind.size(), rows.size(), other});
                }
                e.amount = Money::fromCents(q->integer(3));
                const QByteArrayView actor = q->utf8(4);
                if (first || !sameBytes(actorBytes, actor)) {
                    actorBytes = actor.toByteArray();
                    lastActor = QString::fromUtf8(actor);
                }
                first = false;
                e.actor = lastActor;
                e.reference = q->text(5);
                rows.push_back(std::move(r));
            }
            if (auto done = q->finished(); !done)
                return done.error();
            byKind.push_back(std::move(rows));
        }
        for (const auto& [kind, row, account] : unnamed) {
            auto it = info.find(account);
            if (it == info.end())
                it = info.emplace(account, infoOf(account)).first;
            StatementEntry& e = byKind[kind][row].entry;
            e.accountKind = it->second.kind;
            e.account = it->second.name;
        }
        std::vector<size_t> next(byKind.size(), 0);
        size_t total = 0;
        for (const auto& rows : byKind)
            total += rows.size();
        st.entries.reserve(qsizetype(total));
        for (size_t n = 0; n < total; ++n) {
            size_t best = byKind.size();
            for (size_t k = 0; k < byKind.size(); ++k) {
                if (next[k] >= byKind[k].size())
                    continue;
                const Read& r = byKind[k][next[k]];
                if (best == byKind.size())
                    best = k;
                else {
                    const Read& b = byKind[best][next[best]];
                    if (r.at < b.at || (r.at == b.at && r.id < b.id))
                        best = k;
                }
            }
            st.entries.append(std::move(byKind[best][next[best]].entry));
            ++next[best];
        }
    }
    // The advice as the month ended: the three full months of calls up to this one.
    const QDateTime monthEnd =
        QDateTime(QDate::fromString(nextMonth(month) + QStringLiteral("-01"), Qt::ISODate),
                  QTime(0, 0), QTimeZone::utc());
    const FixedClock asOf(std::min(monthEnd, m_ctx.now().toUTC()));
    const Context then{m_ctx.db, &asOf, m_ctx.actor, nullptr};
    auto advice = AdviceService(then).all();
    if (!advice)
        return advice.error();
    st.advice = *advice;
    return st;
}

} // namespace sb
