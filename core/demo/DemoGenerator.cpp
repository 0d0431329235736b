#include "core/demo/DemoGenerator.h"

#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>

namespace sb {

namespace {

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

// "Łukasz Wójcik" -> "lukasz.wojcik": what an admin would choose as an account name.
QString asciiFold(const QString& s)
{
    QString out;
    for (QChar c : s.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        switch (c.unicode()) {
        case 0x0141:
            out += QLatin1Char('L');
            break; // Ł
        case 0x0142:
            out += QLatin1Char('l');
            break; // ł
        case 0x00d8:
            out += QLatin1Char('O');
            break; // Ø
        case 0x00f8:
            out += QLatin1Char('o');
            break; // ø
        case 0x00c6:
            out += QStringLiteral("AE");
            break;
        case 0x00e6:
            out += QStringLiteral("ae");
            break;
        default:
            if (c.unicode() < 128 && (c.isLetterOrNumber()))
                out += c;
        }
    }
    return out.toLower();
}
} // namespace

Result<DemoGenerator::Summary> DemoGenerator::generate(const Options& options,
                                                       const Progress& progress) const
{
    if (options.members < 0 || options.members > 1'000'000)
        return Error::invalid(tr("The number of demo members must be between 0 and 1000000."));
    QRandomGenerator rng(options.seed);
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Summary> {
        Summary summary;
        const MemberService members(m_ctx);
        const Ledger ledger(m_ctx);
        const Database& db = m_ctx.db;
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
        if (options.members > 0) {
            if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
                return l.error();
            if (auto t =
                    ledger.transfer(tx, 0, Ledger::CompanyAccount, topUp, QStringLiteral("topup"),
                                    QStringLiteral("DEMO-%1").arg(options.seed));
                !t)
                return t.error();
        }
        // Allocations are paid in chunks and auto-recharges applied once everyone is in, so
        // that the company's row is updated a few hundred times rather than once per member
        // (see Ledger::transferToMany).
        QList<std::pair<qint64, Money>> credits;
        struct Recharging
        {
            qint64 memberId, accountId;
            QString account;
        };
        QList<Recharging> recharging;
        auto payCredits = [&]() -> Result<void> {
            auto t = ledger.transferToMany(tx, Ledger::CompanyAccount, credits,
                                           QStringLiteral("allocation"));
            credits.clear();
            return t;
        };
        for (int i = 0; i < options.members; ++i) {
            const NamePool& pool = pools()[rng.bounded(static_cast<int>(pools().size()))];
            const QString first = pool.first[rng.bounded(static_cast<int>(pool.first.size()))];
            const QString last = pool.last[rng.bounded(static_cast<int>(pool.last.size()))];
            QString base =
                asciiFold(first) + QLatin1Char('.') + asciiFold(last).remove(QLatin1Char(' '));
            base = base.left(26);
            while (base.size() < 6)
                base += QLatin1Char('x');
            QString account = base;
            for (int n = 2; taken.contains(account); ++n)
                account = base + QString::number(n);
            taken.insert(account);
            NewMember m{account, first + QLatin1Char(' ') + last,
                        account + QStringLiteral("@example.com"),
                        departments()[rng.bounded(static_cast<int>(departments().size()))]};
            auto added = members.insert(tx, m);
            if (!added)
                return added.error();
            ++summary.members;
            // Most members get some credit; a few get auto-recharge.
            if (rng.bounded(10) < 7) {
                const Money credit = Money::fromCents((rng.bounded(1, 11)) * 500);
                credits.append({added->accountId, credit});
                summary.creditAllocatedCents += credit.cents();
            }
            if (rng.bounded(20) == 0) {
                auto q = db.run(
                    QStringLiteral("INSERT INTO auto_recharge (member_id, amount_cents, "
                                   "threshold_cents, monthly_limit_cents,"
                                   " month, recharged_cents) VALUES (?, 1000, 500, 5000, ?, 0)"),
                    {added->id, m_ctx.now().toUTC().toString(QStringLiteral("yyyy-MM"))});
                if (!q)
                    return q.error();
                recharging.append({added->id, added->accountId, account});
                ++summary.autoRecharges;
            }
            if (credits.size() >= 1000) {
                if (auto t = payCredits(); !t)
                    return t.error();
            }
            if (progress && (i + 1) % 1000 == 0 && !progress(i + 1, options.members))
                return Error::refused(
                    tr("Generating the demo was cancelled; nothing was written."));
        }
        if (auto t = payCredits(); !t)
            return t.error();
        // As if saved by an admin: below the threshold, it recharges at once.
        for (const Recharging& r : std::as_const(recharging)) {
            if (auto a =
                    CreditService(m_ctx).applyAutoRecharge(tx, r.memberId, r.accountId, r.account);
                !a)
                return a.error();
        }
        if (progress)
            progress(options.members, options.members);
        if (auto a = ActivityLog(m_ctx).record(tx, ActivityEvent::demoGenerated(summary.members));
            !a)
            return a.error();
        return summary;
    });
    if (done)
        m_ctx.announce(Changes().withAllMembers().withCompanyBalance().withActivity());
    return done;
}

} // namespace sb
