#include "core/rating/CallImporter.h"

#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/bundles/BundleAllowance.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/Rater.h"
#include "core/storage/Transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlQuery>

#include <optional>

namespace sb {

namespace {

struct Payer
{
    bool known = false;
    std::optional<Member> member; ///< set for a member
    qint64 profileId = 0;         ///< set for a profile
    qint64 accountId = 0;
    /// Kept here (a profile's row is locked for the whole import; a member's as the charge
    /// left it): below zero at the end = owed.
    Money balance;
    bool charged = false;  ///< a call of this import was charged to it
    int unknownIndex = -1; ///< into the report's unknownAccounts when not known
};

// Payers are looked up once per account code; unknown codes beyond this many are not kept.
constexpr qsizetype kMaxCachedPayers = 10000;

QVariant nullableId(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(id);
}

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

Result<CallImportReport> CallImporter::importFile(const QString& path,
                                                  CallImportOptions options) const
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::notFound(tr("Cannot read %1: %2").arg(path, f.errorString()));
    if (options.fileName.isEmpty())
        options.fileName = QFileInfo(path).fileName();
    return import(&f, options);
}

Result<CallImportReport> CallImporter::import(QIODevice* device,
                                              const CallImportOptions& options) const
{
    const auto cancelled = [&] {
        return options.cancel && options.cancel->load(std::memory_order_relaxed);
    };
    const auto cancelError = [] {
        return Error::refused(tr("The import was cancelled; nothing was changed."));
    };
    // Not Transaction::run: a retry would need the device read again from the start.
    auto begun = Transaction::begin(m_ctx.db);
    if (!begun)
        return begun.error();
    Transaction& tx = begun.value();
    const Database& db = m_ctx.db;
    const Ledger ledger(m_ctx);
    // The company row first, as every writer locks it (ascending ids): auto-recharges move
    // money from it, and holding it keeps the payers' balances ours for the import.
    if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
        return l.error();

    CdrReader reader(device, options.format, options.zone);
    const Rater rater(m_prices);
    const MemberService members(m_ctx);
    const ProfileService profiles(m_ctx, m_prices);
    const CreditService credit(m_ctx);
    BundleAllowance bundles(m_ctx);
    CallImportReport report;
    QHash<QString, Payer> payers; // by the code's case-folded key
    Payer uncached;
    QHash<QString, int> unknownIndexByKey;

    const auto resolve = [&](const QString& code, qint64 line) -> Result<Payer*> {
        const QString key = code.toCaseFolded();
        auto it = payers.find(key);
        if (it == payers.end()) {
            Payer p;
            auto m = members.find(code);
            if (!m && m.error().kind == Error::Kind::Storage)
                return m.error();
            auto s = profiles.find(code);
            if (!s && s.error().kind == Error::Kind::Storage)
                return s.error();
            if (m && !s) {
                p.known = true;
                p.member = *m;
                p.accountId = m->accountId;
            } else if (s && !m) {
                p.known = true;
                p.profileId = s->id;
                p.accountId = s->accountId;
            }
            if (p.known) {
                auto l = ledger.lockBalances(tx, {p.accountId});
                if (!l)
                    return l.error();
                p.balance = l->first();
            }
            if (!p.known && payers.size() >= kMaxCachedPayers) {
                // A file of ever new unknown codes must not fill memory: look them up again.
                uncached = p;
                it = payers.end();
            } else {
                it = payers.insert(key, p);
            }
        }
        Payer* const found = it == payers.end() ? &uncached : &*it;
        if (!found->known) {
            ++report.unknownRecords;
            auto u = unknownIndexByKey.constFind(key);
            if (u != unknownIndexByKey.cend()) {
                ++report.unknownAccounts[*u].count;
            } else if (report.unknownAccounts.size() < CallImportReport::maxUnknownKept) {
                unknownIndexByKey.insert(key, static_cast<int>(report.unknownAccounts.size()));
                report.unknownAccounts.append({code, 1, line});
            }
        }
        return found;
    };

    const QString insertSql = QStringLiteral(
        "INSERT INTO calls (profile_id, member_id, started_at, source, destination, billsec,"
        " cost_cents, unique_id, account_code, answered_at, ended_at, destination_e164, prefix,"
        " duration, disposition, billed_minutes, bundle_minutes, rate_ten_thousandths,"
        " charged_cents, status)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (unique_id) DO NOTHING");
    const QString kind = QStringLiteral("call");

    CallRecord record;
    qint64 sinceBatch = 0;
    while (reader.next(record)) {
        if (++sinceBatch >= options.batchSize) {
            sinceBatch = 0;
            if (cancelled())
                return cancelError();
            if (options.progress)
                options.progress(reader.bytesRead());
        }
        auto payer = resolve(record.accountCode, record.line);
        if (!payer)
            return payer.error();
        if (!(*payer)->known)
            continue;
        Payer& p = **payer;
        RatedCall rated = rater.rate(record, options.region);
        // A profile's US calls use its bundle minutes first; the rest is priced at the rate.
        qint64 bundleMinutes = 0;
        if (p.profileId != 0 && rated.charged() && rated.minutes > 0) {
            auto taken = bundles.take(p.profileId, record.start, rated.minutes, rated.e164);
            if (!taken)
                return taken.error();
            bundleMinutes = *taken;
            if (bundleMinutes > 0)
                rated.price =
                    Rater::price(rated.minutes - bundleMinutes, rated.perMinuteTenThousandths)
                        .value_or(rated.price);
        }
        auto ins = db.run(insertSql, {nullableId(p.profileId),
                                      nullableId(p.member ? p.member->id : 0),
                                      iso(record.start),
                                      Database::text(record.source),
                                      Database::text(record.destination),
                                      record.billsec,
                                      rated.price.cents(),
                                      record.uniqueId,
                                      Database::text(record.accountCode),
                                      record.answered() ? QVariant(iso(record.answer))
                                                        : QVariant(QMetaType::fromType<QString>()),
                                      Database::text(iso(record.end)),
                                      Database::text(rated.e164),
                                      Database::text(rated.prefix),
                                      record.duration,
                                      Database::text(record.disposition),
                                      rated.minutes,
                                      bundleMinutes,
                                      rated.perMinuteTenThousandths,
                                      rated.price.cents(),
                                      RatedCall::statusKey(rated.status)});
        if (!ins)
            return ins.error();
        if (ins->numRowsAffected() != 1) {
            bundles.giveBack(p.profileId, record.start, bundleMinutes);
            ++report.duplicates;
            continue;
        }
        ++report.imported;
        if (rated.status == RatedCall::Status::NoRate ||
            rated.status == RatedCall::Status::Invalid) {
            if (report.unrated.size() < CallImportReport::maxUnratedKept)
                report.unrated.append(
                    {record.line, record.destination,
                     rated.status == RatedCall::Status::NoRate
                         ? tr("No rate in the price list for %1; the call was not charged.")
                               .arg(rated.e164)
                         : tr("\"%1\" is not a valid phone number; the call was not charged.")
                               .arg(record.destination)});
            ++report.unratedCount;
        }
        if (!rated.price.isPositive())
            continue;
        ++report.chargedCalls;
        // Charged in full, also below zero (owed): charged_cents stays the price.
        if (p.member) {
            auto c = credit.chargeCall(tx, *p.member, rated.price, kind, record.uniqueId);
            if (!c)
                return c.error();
            p.balance = c->balance;
            report.recharges += c->recharge.recharges;
            for (const QString& news : std::as_const(c->news)) {
                if (report.rechargeNews.size() < CallImportReport::maxUnknownKept &&
                    !report.rechargeNews.contains(news))
                    report.rechargeNews.append(news);
            }
        } else {
            if (auto t = ledger.charge(tx, p.accountId, rated.price, kind, record.uniqueId); !t)
                return t.error();
            p.balance -= rated.price;
        }
        p.charged = true;
        report.charged += rated.price;
    }
    if (cancelled() || reader.isCancelled())
        return cancelError();
    if (reader.fatalError())
        return *reader.fatalError();
    for (const Payer& p : std::as_const(payers)) {
        if (p.charged && p.balance.isNegative()) {
            ++report.owingPayers;
            report.owed -= p.balance;
        }
    }
    if (auto b = bundles.save(tx); !b)
        return b.error();
    report.problems = reader.problems();
    report.problemCount = reader.problemCount();
    if (options.progress)
        options.progress(reader.bytesRead());
    if (auto a = ActivityLog(m_ctx).record(
            tx, ActivityEvent::callsImported(options.fileName, report.imported, report.duplicates,
                                             report.problemCount + report.unknownRecords,
                                             report.charged));
        !a)
        return a.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    // Calls touch balances the importer does not list one by one: members and profiles are
    // read again whole, as after any import.
    m_ctx.announce(Changes()
                       .withAllMembers()
                       .withAllProfiles()
                       .withCompanyBalance()
                       .withActivity()
                       .withCalls());
    return report;
}

} // namespace sb
