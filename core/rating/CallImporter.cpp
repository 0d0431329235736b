#include "core/rating/CallImporter.h"

#include "core/base/NameText.h"
#include "core/base/UserText.h"
#include "core/base/UtcFields.h"
#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/books/LedgerBatch.h"
#include "core/books/LedgerSummary.h"
#include "core/bundles/BundleAllowance.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/rating/Rater.h"
#include "core/rating/RatingPipeline.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/IndexSetAside.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace sb {

namespace {

struct Payer
{
    bool known = false;
    qint64 memberId = 0; ///< set for a member
    /// Set for a member with auto-recharge only: CreditService charges it (a payer's Member
    /// is not kept otherwise, as a file may name 100,000 members).
    std::shared_ptr<const Member> recharging;
    qint64 profileId = 0; ///< set for a profile
    qint64 accountId = 0;
    /// calls.payer_key: the member's account key or the profile's name key, as stored.
    QString key;
    QString country; ///< the default region its dialled numbers are read in
    /// Kept here (its row is locked for the whole import; a member with auto-recharge as
    /// CreditService left it): below zero at the end = owed.
    Money balance;
    bool charged = false; ///< a call of this import was charged to it
};

/// A call read and rated, waiting in a batch to be stored.
struct PendingCall
{
    CallRecord record;
    RatedCall rated;
    qsizetype payer = -1; ///< index into the payers
    qint64 bundleMinutes = 0;
    Money charged; ///< what the ledger took (see the charge decision)
};

// Calls stored per batch: a batch's memory is all that grows with it, and its statements
// stay well under both engines' limits on bound values (21 per call).
constexpr int kBatch = 256;
constexpr int kImportCacheKiB = 32 * 1024;
// A line of Asterisk's Master.csv is about 250 to 300 bytes: the estimate of a file's records.
constexpr qint64 kBytesPerRecord = 256;

QString existingSql(int ids)
{
    QString sql = QStringLiteral("SELECT unique_id FROM calls WHERE unique_id IN (?");
    for (int i = 1; i < ids; ++i)
        sql += QStringLiteral(", ?");
    return sql + QLatin1Char(')');
}

// Without ON CONFLICT: the batch's new calls were looked up first, so a conflict means a
// concurrent import of the same records, and failing (rolling back) keeps the books exact.
QString insertSql(int rows)
{
    QString sql = QStringLiteral(
        "INSERT INTO calls (profile_id, member_id, started_at, source, destination, billsec,"
        " cost_cents, unique_id, account_code, answered_at, ended_at, destination_e164, prefix,"
        " duration, disposition, billed_minutes, bundle_minutes, rate_ten_thousandths,"
        " charged_cents, status, search_key, payer_key) VALUES ");
    const QString row =
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            sql += QStringLiteral(", ");
        sql += row;
    }
    return sql;
}

// Payers are looked up once per account code; unknown codes beyond this many are not kept.
constexpr qsizetype kMaxCachedPayers = 10000;

QVariant nullableId(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(id);
}

// "2026-01-15T10:00:05Z", exactly as QDateTime::toString(Qt::ISODate) writes a UTC time,
// without its general formatting code: three per call add up over a million calls.
QString iso(const QDateTime& t)
{
    if (!t.isValid())
        return {};
    const UtcFields f = UtcFields::fromSecsSinceEpoch(t.toSecsSinceEpoch());
    if (f.year < 1000 || f.year > 9999)
        return t.toUTC().toString(Qt::ISODate);
    char16_t out[20];
    f.write(out, u'T');
    out[19] = u'Z';
    return QString(reinterpret_cast<const QChar*>(out), 20);
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
    // Not Transaction::run: a retry would need the device read again from the start.
    auto begun = Transaction::begin(m_ctx.db);
    if (!begun)
        return begun.error();
    Transaction& tx = begun.value();
    CallImportOptions sized = options;
    if (sized.expectedRecords <= 0 && device && !device->isSequential())
        sized.expectedRecords =
            std::max<qint64>(0, device->size() - device->pos()) / kBytesPerRecord;
    auto report = importInto(tx, device, sized);
    if (!report)
        return report;
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

Result<CallImportReport> CallImporter::importInto(Transaction& tx, QIODevice* device,
                                                  const CallImportOptions& options) const
{
    const auto cancelled = [&] {
        return options.cancel && options.cancel->load(std::memory_order_relaxed);
    };
    const auto cancelError = [] {
        return Error::refused(tr("The import was cancelled; nothing was changed."));
    };
    const Database& db = tx.db();
    // SQLite's default page cache (2 MiB) is far smaller than the indexes a million calls
    // touch: pages would go back and forth to the WAL file. A larger one for the import
    // only, bounded, so memory still does not grow with the file.
    std::optional<qint64> cacheBefore;
    if (!db.isPostgres()) {
        if (auto q = db.runFirst(QStringLiteral("PRAGMA cache_size")))
            cacheBefore = q->value(0).toLongLong();
        // Never smaller than the caller's (the demo sets a larger one for its whole work);
        // a positive size counts pages, of 4 KiB by default.
        if (cacheBefore && (*cacheBefore < 0 ? -*cacheBefore : *cacheBefore * 4) >= kImportCacheKiB)
            cacheBefore.reset();
        else if (auto q = db.run(QStringLiteral("PRAGMA cache_size = -%1").arg(kImportCacheKiB));
                 !q)
            return q.error();
    }
    const auto restoreCache = qScopeGuard([&] {
        if (cacheBefore)
            (void)db.run(QStringLiteral("PRAGMA cache_size = %1").arg(*cacheBefore));
    });
    // A large import into a smaller history: the calls' indexes are made again at the end
    // rather than updated for every call.
    auto aside = IndexSetAside::dropIfWorthIt(tx, QStringLiteral("calls"), options.expectedRecords);
    if (!aside)
        return aside.error();
    const Ledger ledger(m_ctx);
    // The company row first, as every writer locks it (ascending ids): auto-recharges move
    // money from it, and holding it keeps the payers' balances ours for the import.
    if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
        return l.error();

    CdrReader reader(device, options.format, options.zone);
    const Rater rater(m_prices);
    const MemberService members(m_ctx);
    const CreditService credit(m_ctx);
    LedgerBatch debits(m_ctx, tx);
    // The entries of members who recharge, charged one by one: summarised once, at the end.
    LedgerSummary rechargingEntries(tx);
    BundleAllowance bundles(m_ctx);
    CallSummaries summaries(db);
    CallImportReport report;
    // Payers by index, so a batch may point at them while more are added.
    std::vector<Payer> payers;
    QHash<QString, qsizetype> payerByKey; // by the code's case-folded key
    QHash<QString, int> unknownIndexByKey;

    // Looks up the payers of `codes` (not cached yet, distinct by their case-folded keys)
    // together, a few queries per few hundred codes of the member's and the profile's rows
    // alone, rather than each member read whole with its numbers and each profile with its
    // details (the demo's 70,000 paying members: 41% of its import). A code names a member's
    // account, else a profile's name, never both. Each is cached: a payer with its balance
    // locked; a code naming none (or both) as unknown, up to kMaxCachedPayers, so that a file
    // of ever new unknown codes does not fill memory (beyond it they are looked up again).
    const auto lookUp = [&](const QStringList& codes) -> Result<void> {
        constexpr qsizetype kChunk = 400;
        for (qsizetype from = 0; from < codes.size(); from += kChunk) {
            const QStringList chunk = codes.mid(from, kChunk);
            const QString marks = QStringList(chunk.size(), QStringLiteral("?")).join(u',');
            struct Row
            {
                qint64 id = 0, accountId = 0;
                QString name, country;
                bool recharging = false;
            };
            QHash<QString, Row> memberByKey, profileByKey;
            QVariantList memberKeys, profileKeys;
            for (const QString& code : chunk) {
                memberKeys << accountKey(code);
                profileKeys << NameText::key(code);
            }
            // Each payer's key, id, account, name, country and whether it has auto-recharge.
            const auto rowsByKey = [&](const QString& sql, const QVariantList& keys,
                                       QHash<QString, Row>* out) -> Result<void> {
                auto q = db.run(sql.arg(marks), keys);
                if (!q)
                    return q.error();
                while (q->next())
                    out->insert(q->value(0).toString(),
                                {q->value(1).toLongLong(), q->value(2).toLongLong(),
                                 q->value(3).toString(), q->value(4).toString(),
                                 q->value(5).toLongLong() > 0});
                return {};
            };
            if (auto r = rowsByKey(QStringLiteral("SELECT m.account_key, m.id, m.account_id,"
                                                  " m.account_name, m.country, (SELECT COUNT(*)"
                                                  " FROM auto_recharge r WHERE r.member_id ="
                                                  " m.id) FROM members m WHERE m.account_key IN"
                                                  " (%1)"),
                                   memberKeys, &memberByKey);
                !r)
                return r;
            if (auto r = rowsByKey(QStringLiteral("SELECT p.name_key, p.id, p.account_id, p.name,"
                                                  " p.country, 0 FROM profiles p WHERE"
                                                  " p.name_key IN (%1)"),
                                   profileKeys, &profileByKey);
                !r)
                return r;
            QList<qint64> accounts;
            std::vector<std::pair<QString, Payer>> found;
            for (qsizetype i = 0; i < chunk.size(); ++i) {
                const auto m = memberByKey.constFind(memberKeys[i].toString());
                const auto s = profileByKey.constFind(profileKeys[i].toString());
                const bool member = m != memberByKey.cend(), profile = s != profileByKey.cend();
                Payer p;
                p.known = member != profile;
                if (p.known && member) {
                    p.memberId = m->id;
                    p.accountId = m->accountId;
                    p.key = accountKey(m->name);
                    p.country = m->country;
                    if (m->recharging) {
                        auto whole = members.find(chunk[i]);
                        if (!whole)
                            return whole.error();
                        p.recharging = std::make_shared<const Member>(*whole);
                    }
                } else if (p.known) {
                    p.profileId = s->id;
                    p.accountId = s->accountId;
                    p.key = NameText::key(s->name);
                    p.country = s->country;
                }
                if (p.known)
                    accounts << p.accountId;
                found.emplace_back(chunk[i].toCaseFolded(), std::move(p));
            }
            auto balances = ledger.lockBalances(tx, accounts);
            if (!balances)
                return balances.error();
            qsizetype locked = 0;
            for (auto& [key, p] : found) {
                if (p.known)
                    p.balance = balances->at(locked++);
                else if (payers.size() >= size_t(kMaxCachedPayers))
                    continue;
                payers.push_back(std::move(p));
                payerByKey.insert(key, qsizetype(payers.size() - 1));
            }
        }
        return {};
    };

    // The payers of a batch's new account codes, looked up together.
    const auto prefetch = [&](const std::vector<RatingPipeline::Call>& calls) -> Result<void> {
        QStringList codes;
        QSet<QString> seen;
        for (const RatingPipeline::Call& c : calls) {
            const QString key = c.record.accountCode.toCaseFolded();
            if (payerByKey.contains(key) || seen.contains(key))
                continue;
            seen.insert(key);
            codes << c.record.accountCode;
        }
        return lookUp(codes);
    };

    // The payer of `code`, or -1 (counted and reported) when the code names none.
    const auto resolve = [&](const QString& code, qint64 line) -> Result<qsizetype> {
        const QString key = code.toCaseFolded();
        auto it = payerByKey.constFind(key);
        if (it == payerByKey.cend()) {
            if (auto l = lookUp({code}); !l)
                return l.error();
            it = payerByKey.constFind(key);
        }
        if (it != payerByKey.cend() && payers[size_t(*it)].known)
            return *it;
        ++report.unknownRecords;
        auto u = unknownIndexByKey.constFind(key);
        if (u != unknownIndexByKey.cend()) {
            ++report.unknownAccounts[*u].count;
        } else if (report.unknownAccounts.size() < CallImportReport::maxUnknownKept) {
            unknownIndexByKey.insert(key, static_cast<int>(report.unknownAccounts.size()));
            report.unknownAccounts.append({code, 1, line});
        }
        return qsizetype(-1);
    };

    const QString kind = QStringLiteral("call");

    // The one place a new call's charge is decided and booked. A profile's US calls use its
    // bundle minutes first; the rest is priced at the rate. Every call is charged in full,
    // also below zero (owed): `call.charged` is the price. A member with auto-recharge goes
    // through CreditService, which recharges between calls within its monthly limit; every
    // other payer's balance is kept in memory (its row is locked for the import) and its
    // debits are written in bulk (LedgerBatch), one entry per call.
    const auto charge = [&](PendingCall& call) -> Result<void> {
        Payer& p = payers[size_t(call.payer)];
        RatedCall& rated = call.rated;
        if (p.profileId != 0 && rated.charged() && rated.minutes > 0) {
            auto taken = bundles.take(p.profileId, call.record.start, rated.minutes, rated.e164);
            if (!taken)
                return taken.error();
            call.bundleMinutes = *taken;
            if (call.bundleMinutes > 0)
                rated.price =
                    Rater::price(rated.minutes - call.bundleMinutes, rated.perMinuteTenThousandths)
                        .value_or(rated.price);
        }
        const Money price = rated.price;
        if (!price.isPositive())
            return {};
        ++report.chargedCalls;
        if (p.recharging) {
            auto c = credit.chargeCall(tx, *p.recharging, price, kind, call.record.uniqueId,
                                       &rechargingEntries);
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
            if (auto d = debits.debit(p.accountId, price, kind, call.record.uniqueId); !d)
                return d.error();
            p.balance -= price;
        }
        call.charged = price;
        p.charged = true;
        report.charged += price;
        return {};
    };

    // Calls are stored in batches: one query finds those already in the history, then the
    // new ones are charged in file order and stored with multi-row INSERTs. Statements are
    // prepared once per size (powers of two), so each batch costs a handful of round trips.
    std::vector<PendingCall> batch;
    batch.reserve(kBatch);
    QSet<QString> inBatch;
    QSet<QString> existing;
    Statement findExisting(db, existingSql(kBatch));
    std::map<int, std::unique_ptr<Statement>> inserts; // by rows per INSERT
    const auto storeBatch = [&]() -> Result<void> {
        if (batch.empty())
            return {};
        for (size_t i = 0; i < size_t(kBatch); ++i) // a short batch repeats its last id
            findExisting.add(batch[std::min(i, batch.size() - 1)].record.uniqueId);
        if (auto f = findExisting.exec(); !f)
            return f;
        existing.clear();
        while (findExisting.query().next())
            existing.insert(findExisting.query().value(0).toString());
        inBatch.clear();
        std::vector<PendingCall*> fresh;
        fresh.reserve(batch.size());
        for (PendingCall& call : batch) {
            if (existing.contains(call.record.uniqueId) || inBatch.contains(call.record.uniqueId)) {
                ++report.duplicates;
                continue;
            }
            inBatch.insert(call.record.uniqueId);
            ++report.imported;
            const RatedCall& rated = call.rated;
            if (rated.status == RatedCall::Status::NoRate ||
                rated.status == RatedCall::Status::Invalid) {
                if (report.unrated.size() < CallImportReport::maxUnratedKept)
                    report.unrated.append(
                        {call.record.line, call.record.destination,
                         rated.status == RatedCall::Status::NoRate
                             ? tr("No rate in the price list for %1; the call was not charged.")
                                   .arg(rated.e164)
                             : tr("\"%1\" is not a valid phone number; the call was not "
                                  "charged.")
                                   .arg(UserText::quoted(call.record.destination))});
                ++report.unratedCount;
            }
            if (auto c = charge(call); !c)
                return c;
            fresh.push_back(&call);
        }
        for (size_t done = 0; done < fresh.size();) {
            int rows = kBatch;
            while (size_t(rows) > fresh.size() - done)
                rows /= 2;
            auto& insert = inserts[rows];
            if (!insert)
                insert = std::make_unique<Statement>(db, insertSql(rows), Statement::Kind::Writes);
            for (int i = 0; i < rows; ++i) {
                const PendingCall& c = *fresh[done + size_t(i)];
                const Payer& p = payers[size_t(c.payer)];
                const CallRecord& r = c.record;
                insert->add(nullableId(p.profileId))
                    .add(nullableId(p.memberId))
                    .add(iso(r.start))
                    .add(Database::text(r.source))
                    .add(Database::text(r.destination))
                    .add(r.billsec)
                    .add(c.rated.price.cents())
                    .add(r.uniqueId)
                    .add(Database::text(r.accountCode))
                    .add(r.answered() ? QVariant(iso(r.answer))
                                      : QVariant(QMetaType::fromType<QString>()))
                    .add(Database::text(iso(r.end)))
                    .add(Database::text(c.rated.e164))
                    .add(Database::text(c.rated.prefix))
                    .add(r.duration)
                    .add(Database::text(r.disposition))
                    .add(c.rated.minutes)
                    .add(c.bundleMinutes)
                    .add(c.rated.perMinuteTenThousandths)
                    .add(c.charged.cents())
                    .add(RatedCall::statusKey(c.rated.status))
                    .add(
                        Database::text(SearchIndex::callKey(c.rated.e164, r.destination, r.source)))
                    .add(Database::text(p.key));
            }
            if (auto e = insert->exec(); !e)
                return e;
            done += size_t(rows);
        }
        for (const PendingCall* c : fresh) {
            const Payer& p = payers[size_t(c->payer)];
            summaries.add({p.accountId, p.profileId, c->record.start.toSecsSinceEpoch(),
                           c->record.duration, c->rated.minutes, c->bundleMinutes,
                           c->charged.cents(), c->rated.price.cents(), c->rated.e164});
        }
        if (summaries.full()) {
            if (auto f = summaries.flush(); !f)
                return f;
        }
        batch.clear();
        return {};
    };

    // Reading and rating run a batch ahead on a thread of their own; resolving payers,
    // charging and storing stay here, on the connection's thread, in file order.
    {
        RatingPipeline pipeline(reader, rater, options.region,
                                std::clamp(options.batchSize, 1, kBatch));
        std::vector<RatingPipeline::Call> read;
        qint64 sinceProgress = 0;
        while (pipeline.next(read)) {
            sinceProgress += qint64(read.size());
            if (sinceProgress >= options.batchSize) {
                sinceProgress = 0;
                if (cancelled())
                    return cancelError(); // the pipeline stops (and cancels) as it goes
                if (options.progress)
                    options.progress(pipeline.bytesRead());
            }
            if (auto f = prefetch(read); !f)
                return f.error();
            for (RatingPipeline::Call& c : read) {
                auto payer = resolve(c.record.accountCode, c.record.line);
                if (!payer)
                    return payer.error();
                if (*payer < 0)
                    continue;
                PendingCall call;
                call.record = std::move(c.record);
                call.rated = std::move(c.rated);
                call.payer = *payer;
                // The pipeline rated with the import's region, before the payer was known;
                // the few payers of another country have their calls rated again here.
                if (const QString& country = payers[size_t(*payer)].country;
                    country != options.region)
                    call.rated = rater.rate(call.record, country);
                batch.push_back(std::move(call));
                if (batch.size() >= size_t(kBatch)) {
                    if (auto b = storeBatch(); !b)
                        return b.error();
                }
            }
        }
    }
    if (cancelled() || reader.isCancelled())
        return cancelError();
    if (auto b = storeBatch(); !b)
        return b.error();
    if (auto f = debits.flush(); !f)
        return f.error();
    if (auto f = rechargingEntries.flush(); !f)
        return f.error();
    if (auto f = summaries.flush(); !f)
        return f.error();
    if (reader.fatalError())
        return *reader.fatalError();
    if (auto b = bundles.save(tx); !b)
        return b.error();
    for (const Payer& p : payers) {
        if (p.charged && p.balance.isNegative()) {
            ++report.owingPayers;
            report.owed -= p.balance;
        }
    }
    if (auto r = aside->restore(tx); !r)
        return r.error();
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
    return report;
}

} // namespace sb
