#include "core/numbers/NumberService.h"

#include "core/base/DisplayFormat.h"
#include "core/base/NameText.h"
#include "core/base/PhoneNumbers.h"
#include "core/base/SearchText.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/members/MemberService.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace sb {

namespace {
/// The holder's row changes with its numbers.
void noteHolder(Changes& changes, const NumberHolder& holder, qint64 id)
{
    if (holder.kind == NumberHolder::Kind::Member)
        changes.withMembers({id});
    else if (holder.kind == NumberHolder::Kind::Profile)
        changes.withProfiles({id});
}

const QString kSelect =
    QStringLiteral("SELECT n.id, n.e164, n.country, n.area, m.account_name, p.name, n.months, "
                   "n.price_cents, n.anchor,"
                   " n.periods, n.expires, n.cancelled, n.status, n.bought_at, lp.name"
                   " FROM numbers n LEFT JOIN members m ON m.id = n.member_id LEFT JOIN profiles p "
                   "ON p.id = n.profile_id"
                   " LEFT JOIN profile_links l ON l.member_id = n.member_id LEFT JOIN profiles lp "
                   "ON lp.id = l.profile_id");

NumberRecord readNumber(const QSqlQuery& q)
{
    NumberRecord n;
    n.id = q.value(0).toLongLong();
    n.e164 = q.value(1).toString();
    n.country = q.value(2).toString();
    n.area = q.value(3).toString();
    if (!q.value(4).isNull())
        n.holder = NumberHolder::member(q.value(4).toString());
    else if (!q.value(5).isNull())
        n.holder = NumberHolder::profile(q.value(5).toString());
    n.months = q.value(6).toInt();
    n.price = Money::fromCents(q.value(7).toLongLong());
    n.anchor = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    n.periods = q.value(9).toInt();
    n.expires = QDate::fromString(q.value(10).toString(), Qt::ISODate);
    n.cancelled = q.value(11).toInt() != 0;
    n.status = q.value(12).toString();
    n.boughtAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODate);
    n.routesToProfile = q.value(14).toString();
    return n;
}

QString sortColumn(NumberQuery::Sort s)
{
    switch (s) {
    case NumberQuery::Sort::Number:
        return QStringLiteral("n.e164");
    case NumberQuery::Sort::Country:
        return QStringLiteral("n.country");
    case NumberQuery::Sort::Holder:
        // The member's account key or the profile's name key, kept by triggers (step 14).
        return QStringLiteral("n.holder_key");
    case NumberQuery::Sort::Expires:
        return QStringLiteral("n.expires");
    case NumberQuery::Sort::Status:
        return QStringLiteral("n.status");
    }
    return QStringLiteral("n.e164");
}

// The WHERE clause of a query and its bound values, in order.
// The numbers whose search key (digits, holder's account and name or SIP profile's name)
// matches the search as text, or, when it looks like a phone number, its digits ("+47 22"
// finds 4722…; "member.0150" is a name, not "0150"). See SearchIndex for short searches.
QString searchCondition(const Database& db, const QString& search, QVariantList* binds,
                        SearchIndex::Use use, NumberQuery::Sort sort, Keyset::Read* read)
{
    const QStringList needles{SearchText::fold(search), SearchText::phoneDigits(search)};
    // One or two digits match the start of the key, which is the number's digits: the
    // numbers from "+<digits>" up to the next digits, a range of the E.164 index, in the
    // order of a page sorted by number. (The key's range was every match read and sorted,
    // or every number before them tested: "33" is France, half the numbers in.)
    if (use == SearchIndex::Use::Page && sort == NumberQuery::Sort::Number && !db.isPostgres()) {
        static const QRegularExpression shortDigits(QStringLiteral("^[0-9]{1,2}$"));
        QStringList ranges, seen;
        QVariantList rangeBinds;
        for (const QString& n : needles) {
            if (n.isEmpty() || seen.contains(n))
                continue;
            seen << n;
            if (!shortDigits.match(n).hasMatch()) {
                ranges.clear();
                break;
            }
            QString above = n;
            above.back() = QChar(above.back().unicode() + 1); // '9' + 1 is ':', above every digit
            ranges << QStringLiteral("(n.e164 >= ? AND n.e164 < ?)");
            rangeBinds << QString(QLatin1Char('+') + n) << QString(QLatin1Char('+') + above);
        }
        if (!ranges.isEmpty()) {
            *binds << rangeBinds;
            return QLatin1Char('(') + ranges.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
    }
    // The key begins with the number's digits, which begin with the country's code.
    if (use == SearchIndex::Use::Page &&
        (sort == NumberQuery::Sort::Number || sort == NumberQuery::Sort::Country))
        use = SearchIndex::Use::PageInKeyOrder;
    return SearchIndex::predicate(db, QStringLiteral("numbers"), QStringLiteral("n"), needles,
                                  binds, use, read);
}

// `*read` (when given): how a page is best read (SearchIndex::predicate).
QString whereClause(const Database& db, const NumberQuery& q, QVariantList* binds,
                    SearchIndex::Use use = SearchIndex::Use::Count, Keyset::Read* read = nullptr)
{
    QStringList parts;
    const QString search = q.search.trimmed();
    if (!search.isEmpty())
        parts << searchCondition(db, search, binds, use, q.sort, read);
    if (!q.country.isEmpty()) {
        parts << QStringLiteral("n.country = ?");
        *binds << q.country.toUpper();
    }
    if (q.holderKind == NumberHolder::Kind::Member)
        parts << QStringLiteral("n.member_id IS NOT NULL");
    else if (q.holderKind == NumberHolder::Kind::Profile)
        parts << QStringLiteral("n.profile_id IS NOT NULL");
    switch (q.status) {
    case NumberQuery::Status::Any:
        break;
    case NumberQuery::Status::Active:
        parts << QStringLiteral("n.status = 'active' AND n.cancelled = 0");
        break;
    case NumberQuery::Status::Cancelled:
        parts << QStringLiteral("n.status = 'active' AND n.cancelled = 1");
        break;
    case NumberQuery::Status::Released:
        parts << QStringLiteral("n.status = 'released'");
        break;
    }
    return parts.isEmpty() ? QString()
                           : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}
} // namespace

QString NumberService::normalize(const QString& text)
{
    QString out;
    for (QChar c : text.trimmed()) {
        if (c.isDigit())
            out += c;
        else if (c == QLatin1Char('+') && out.isEmpty())
            out += c;
        else if (!(c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('(') ||
                   c == QLatin1Char(')') || c == QLatin1Char('.')))
            return {};
    }
    if (!out.startsWith(QLatin1Char('+')) || out.size() < 8 || out.size() > 16)
        return {};
    return out;
}

bool NumberService::termsRequired(const QString& country) const
{
    const auto* c = m_catalogue.country(country);
    return c && c->termsRequired;
}

Result<const NumberCatalogue::Country*> NumberService::country(const QString& code) const
{
    const auto* c = m_catalogue.country(code.trimmed());
    if (!c)
        return Error::notFound(
            tr("Numbers are not sold in \"%1\". Countries: %2.").arg(UserText::quoted(code), [&] {
                QStringList codes;
                for (const auto& x : m_catalogue.countries())
                    codes << x.code;
                return codes.join(QStringLiteral(", "));
            }()));
    return c;
}

Result<QList<NumberService::AreaInfo>> NumberService::areas(const QString& code,
                                                            const QString& language) const
{
    auto c = country(code);
    if (!c)
        return c.error();
    const Database& db = m_ctx.db;
    auto q = db.run(QStringLiteral("SELECT area, COUNT(*) FROM numbers WHERE country = ? "
                                   "AND status = 'active' GROUP BY area"),
                    {(*c)->code});
    if (!q)
        return q.error();
    QHash<QString, int> used;
    while (q->next())
        used.insert(q->value(0).toString(), q->value(1).toInt());
    QList<AreaInfo> out;
    for (const auto& a : (*c)->areas) {
        const QString sample = PhoneNumbers::toE164(a.first, (*c)->code);
        // The geocoder's localized name where it knows this very place (its English name
        // matches the catalogue); otherwise it only knows the country, and the catalogue wins.
        QString place = a.place;
        if (language != QLatin1String("en") &&
            PhoneNumbers::placeName(sample, QStringLiteral("en")) == a.place) {
            const QString localized = PhoneNumbers::placeName(sample, language);
            if (!localized.isEmpty())
                place = localized;
        }
        out.append({a.code, place, qMax(0, a.count - used.value(a.code)), a.count});
    }
    return out;
}

Result<QMap<int, Money>> NumberService::prices(const QString& code) const
{
    auto c = country(code);
    if (!c)
        return c.error();
    QMap<int, Money> out;
    for (int months : PriceList::billingPeriods()) {
        const auto p = m_prices.numberPrice((*c)->code, months);
        if (p)
            out.insert(months, *p);
    }
    if (out.isEmpty())
        return Error::notFound(
            tr("The price list has no prices for numbers in %1.").arg((*c)->code));
    return out;
}

Result<NumberService::ResolvedHolder> NumberService::resolve(const NumberHolder& holder) const
{
    const Database& db = m_ctx.db;
    if (holder.kind == NumberHolder::Kind::Member) {
        auto q =
            db.run(QStringLiteral("SELECT id, account_name FROM members WHERE account_key = ?"),
                   {accountKey(holder.name)});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(tr("There is no member with the account name \"%1\".")
                                       .arg(UserText::quoted(holder.name)));
        return ResolvedHolder{NumberHolder::member(q->value(1).toString()),
                              q->value(0).toLongLong()};
    }
    if (holder.kind == NumberHolder::Kind::Profile) {
        auto q = db.run(QStringLiteral("SELECT id, name FROM profiles WHERE name_key = ?"),
                        {NameText::key(holder.name)});
        if (!q)
            return q.error();
        if (!q->next())
            return Error::notFound(
                tr("There is no SIP profile named \"%1\".").arg(UserText::quoted(holder.name)));
        return ResolvedHolder{NumberHolder::profile(q->value(1).toString()),
                              q->value(0).toLongLong()};
    }
    return Error::invalid(tr("Choose a member or a SIP profile to hold the number."));
}

Result<void> NumberService::validate(const BuyRequest& r,
                                     const NumberCatalogue::Country** countryOut,
                                     Money* priceOut) const
{
    auto c = country(r.country);
    if (!c)
        return c.error();
    const auto* area = (*c)->area(r.area.trimmed());
    if (!area) {
        QStringList codes;
        for (const auto& a : (*c)->areas)
            codes << a.code;
        return Error::notFound(tr("%1 has no area code \"%2\" on offer. Area codes: %3.")
                                   .arg(NumberCatalogue::countryName((*c)->code),
                                        UserText::quoted(r.area),
                                        codes.join(QStringLiteral(", "))));
    }
    if (!PriceList::billingPeriods().contains(r.months))
        return Error::invalid(
            tr("Numbers are billed for 1, 3 or 12 months, not %1.").arg(r.months));
    const auto price = m_prices.numberPrice((*c)->code, r.months);
    if (!price)
        return Error::notFound(tr("The price list has no %1-month price for numbers in %2.")
                                   .arg(r.months)
                                   .arg((*c)->code));
    if (r.holders.isEmpty())
        return Error::invalid(tr("Choose at least one member or SIP profile to receive a number."));
    QSet<QString> seen;
    for (const auto& h : r.holders) {
        const QString key = QString::number(int(h.kind)) + h.name.trimmed().toLower();
        if (seen.contains(key))
            return Error::invalid(
                tr("\"%1\" is chosen twice; each gets one number.").arg(UserText::quoted(h.name)));
        seen.insert(key);
    }
    if ((*c)->termsRequired && !r.acceptTerms)
        return Error::refused(
            tr("Numbers in %1 require the holder to accept the terms (for example a local "
               "address). Accept the terms to buy.")
                .arg(NumberCatalogue::countryName((*c)->code)));
    *countryOut = *c;
    *priceOut = *price;
    return {};
}

Result<Money> NumberService::quote(const BuyRequest& r) const
{
    const NumberCatalogue::Country* c = nullptr;
    Money price;
    if (auto v = validate(r, &c, &price); !v)
        return v.error();
    const auto total = price.times(r.holders.size());
    if (!total)
        return Error::invalid(tr("That is too many numbers at once."));
    return *total;
}

Result<QList<NumberService::Purchase>> NumberService::buy(const BuyRequest& r) const
{
    const NumberCatalogue::Country* c = nullptr;
    Money price;
    if (auto v = validate(r, &c, &price); !v)
        return v.error();
    const auto total = price.times(r.holders.size());
    if (!total)
        return Error::invalid(tr("That is too many numbers at once."));
    const auto* area = c->area(r.area.trimmed());
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<QList<Purchase>> {
        changes = Changes().withCompanyBalance().withActivity();
        const Database& db = tx.db();
        QList<ResolvedHolder> holders;
        for (const auto& h : r.holders) {
            auto resolved = resolve(h);
            if (!resolved)
                return resolved.error();
            holders.append(*resolved);
        }
        const Ledger ledger(m_ctx);
        auto company = ledger.lockBalances(tx, {Ledger::CompanyAccount});
        if (!company)
            return company.error();
        if (company->first() < *total)
            return Error::refused(
                tr("The company balance (%1) cannot pay %n number(s) at %2 (%3 in all). Nothing "
                   "was bought.",
                   nullptr, static_cast<int>(holders.size()))
                    .arg(company->first().display(), price.display(), total->toString()));
        // Numbers in use in the area; the rest of the block is free.
        auto usedQ = db.run(
            QStringLiteral(
                "SELECT e164 FROM numbers WHERE country = ? AND area = ? AND status = 'active'") +
                db.forUpdate(),
            {c->code, area->code});
        if (!usedQ)
            return usedQ.error();
        QSet<QString> used;
        while (usedQ->next())
            used.insert(usedQ->value(0).toString());
        usedQ->finish();
        QStringList free;
        for (const QString& e164 : m_catalogue.numbers(*c, *area)) {
            if (!used.contains(e164))
                free.append(e164);
            if (free.size() == holders.size())
                break;
        }
        if (free.size() < holders.size())
            return Error::refused(tr("Not enough numbers are left in area %1 (%2): %3 left, %4 "
                                     "needed. Nothing was bought.")
                                      .arg(area->code, area->place)
                                      .arg(free.size())
                                      .arg(holders.size()));
        const QDate today = m_ctx.now().toUTC().date();
        const QDate expires = periodEnd(today, r.months, 1);
        const ActivityLog log(m_ctx);
        QList<Purchase> out;
        for (qsizetype i = 0; i < holders.size(); ++i) {
            const QString& e164 = free[i];
            const ResolvedHolder& h = holders[i];
            const bool isMember = h.holder.kind == NumberHolder::Kind::Member;
            // A released number keeps its row; buying it again brings the row back.
            auto del =
                db.run(QStringLiteral("DELETE FROM numbers WHERE e164 = ? AND status = 'released'"),
                       {e164});
            if (!del)
                return del.error();
            auto ins =
                db.run(QStringLiteral("INSERT INTO numbers (e164, country, area, member_id, "
                                      "profile_id, months, price_cents, anchor, periods,"
                                      " expires, cancelled, status, bought_at) VALUES (?, ?, "
                                      "?, ?, ?, ?, ?, ?, 1, ?, 0, 'active', ?)"),
                       {e164, c->code, area->code,
                        isMember ? QVariant(h.id) : QVariant(QMetaType::fromType<qlonglong>()),
                        isMember ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(h.id),
                        r.months, price.cents(), today.toString(Qt::ISODate),
                        expires.toString(Qt::ISODate), m_ctx.nowText()});
            if (!ins)
                return ins.error();
            if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.e164 = ?"), {e164}); !k)
                return k.error();
            if (auto t =
                    ledger.transfer(tx, Ledger::CompanyAccount, 0, price, QStringLiteral("number"),
                                    e164, tr("%1 for %n month(s)", nullptr, r.months).arg(e164));
                !t)
                return t.error();
            if (c->termsRequired) {
                auto terms = db.run(
                    QStringLiteral("INSERT INTO terms_acceptances (at, actor, country, e164, "
                                   "member_id, profile_id) VALUES (?, ?, ?, ?, ?, ?)"),
                    {m_ctx.nowText(), Database::text(m_ctx.actor), c->code, e164,
                     isMember ? QVariant(h.id) : QVariant(QMetaType::fromType<qlonglong>()),
                     isMember ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(h.id)});
                if (!terms)
                    return terms.error();
            }
            if (auto a = log.record(
                    tx, ActivityEvent::numberBought(e164, h.holder.name, r.months, price, expires));
                !a)
                return a.error();
            out.append({e164, price, expires, h.holder});
            changes.withNumbers({e164});
            noteHolder(changes, h.holder, h.id);
        }
        return out;
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<NumberRecord> NumberService::find(const QString& text) const
{
    const QString e164 = normalize(text);
    if (e164.isEmpty())
        return Error::invalid(
            tr("\"%1\" is not a phone number in international form, such as +12125550100.")
                .arg(UserText::quoted(text)));
    const Database& db = m_ctx.db;
    auto q = db.run(kSelect + QStringLiteral(" WHERE n.e164 = ? AND n.status = 'active'"), {e164});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(tr("The number %1 is not one of the company's numbers.").arg(e164));
    return readNumber(*q);
}

Result<NumberRecord> NumberService::assign(const QString& text, const NumberHolder& to) const
{
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<NumberRecord> {
        auto number = find(text);
        if (!number)
            return number.error();
        auto holder = resolve(to);
        if (!holder)
            return holder.error();
        changes = Changes().withNumbers({number->e164}).withActivity();
        noteHolder(changes, holder->holder, holder->id);
        if (auto was = resolve(number->holder); was)
            noteHolder(changes, was->holder, was->id);
        if (number->holder.kind == holder->holder.kind &&
            number->holder.name.compare(holder->holder.name, Qt::CaseInsensitive) == 0)
            return Error::refused(
                tr("%1 already holds %2.").arg(holder->holder.name, number->e164));
        const Database& db = m_ctx.db;
        const bool isMember = holder->holder.kind == NumberHolder::Kind::Member;
        auto q =
            db.run(QStringLiteral("UPDATE numbers SET member_id = ?, profile_id = ? WHERE id = ?"),
                   {isMember ? QVariant(holder->id) : QVariant(QMetaType::fromType<qlonglong>()),
                    isMember ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(holder->id),
                    number->id});
        if (!q)
            return q.error();
        if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.id = ?"), {number->id}); !k)
            return k.error();
        const QString previous = number->holder.isNone() ? QString() : number->holder.name;
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::numberAssigned(number->e164, previous, holder->holder.name));
            !a)
            return a.error();
        number->holder = holder->holder;
        return number.value();
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<NumberRecord> NumberService::cancel(const QString& text) const
{
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<NumberRecord> {
        auto number = find(text);
        if (!number)
            return number.error();
        if (number->cancelled)
            return Error::refused(tr("%1 is already cancelled; it stays usable until %2.")
                                      .arg(number->e164, displayDate(number->expires)));
        const Database& db = m_ctx.db;
        auto q =
            db.run(QStringLiteral("UPDATE numbers SET cancelled = 1 WHERE id = ?"), {number->id});
        if (!q)
            return q.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::numberCancelled(number->e164, number->expires));
            !a)
            return a.error();
        number->cancelled = true;
        return number.value();
    });
    if (done)
        m_ctx.announce(Changes().withNumbers({done->e164}).withActivity());
    return done;
}

Result<QList<NumberRecord>> NumberService::page(const NumberQuery& query) const
{
    if (auto tooLong = UserText::checkSearch(query.search); !tooLong)
        return tooLong.error();
    const Database& db = m_ctx.db;
    QVariantList filterBinds;
    Keyset::Read read = Keyset::Read::InOrder;
    const QString where = whereClause(m_ctx.db, query, &filterBinds, SearchIndex::Use::Page, &read);
    const QString key = sortColumn(query.sort);
    const QString id = QStringLiteral("n.id");
    return Keyset::page<NumberRecord>(
        db, kSelect, where, filterBinds, key, id, query.ascending, query.after, query.limit,
        [](const QSqlQuery& q) { return readNumber(q); }, QStringLiteral("numbers n"), read);
}

SeekKey NumberService::seekKey(const NumberRecord& n, NumberQuery::Sort sort)
{
    switch (sort) {
    case NumberQuery::Sort::Number:
        return SeekKey::past(n.e164, n.id);
    case NumberQuery::Sort::Country:
        return SeekKey::past(n.country, n.id);
    case NumberQuery::Sort::Holder:
        // As the triggers keep n.holder_key: the member's account key or the profile's name key.
        switch (n.holder.kind) {
        case NumberHolder::Kind::Member:
            return SeekKey::past(accountKey(n.holder.name), n.id);
        case NumberHolder::Kind::Profile:
            return SeekKey::past(n.holder.name.trimmed().toCaseFolded(), n.id);
        case NumberHolder::Kind::None:
            break;
        }
        return SeekKey::past(QString(), n.id);
    case NumberQuery::Sort::Expires:
        return SeekKey::past(n.expires.toString(Qt::ISODate), n.id);
    case NumberQuery::Sort::Status:
        return SeekKey::past(n.status, n.id);
    }
    return SeekKey::past(n.e164, n.id);
}

Result<qint64> NumberService::count(const NumberQuery& query) const
{
    if (auto tooLong = UserText::checkSearch(query.search); !tooLong)
        return tooLong.error();
    const Database& db = m_ctx.db;
    QVariantList binds;
    const QString sql =
        QStringLiteral("SELECT COUNT(*) FROM numbers n") + whereClause(m_ctx.db, query, &binds);
    auto q = db.runFirst(sql, binds);
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

namespace {
// The periods paid so far, the expiry they reach and the price of the last one.
Result<void> storePeriods(const Database& db, const NumberRecord& n, Money price)
{
    auto u = db.run(
        QStringLiteral("UPDATE numbers SET periods = ?, expires = ?, price_cents = ? WHERE id = ?"),
        {n.periods, n.expires.toString(Qt::ISODate), price.cents(), n.id});
    if (!u)
        return u.error();
    return {};
}
} // namespace

Result<NumberService::DueReport> NumberService::processDue(Transaction& tx) const
{
    const Database& db = tx.db();
    const QDate today = m_ctx.now().toUTC().date();
    auto q = db.run(
        kSelect + QStringLiteral(
                      " WHERE n.status = 'active' AND n.expires <= ? ORDER BY n.expires, n.id"),
        {today.toString(Qt::ISODate)});
    if (!q)
        return q.error();
    QList<NumberRecord> due;
    while (q->next())
        due.append(readNumber(*q));
    q->finish();
    DueReport report;
    if (due.isEmpty())
        return report;
    const Ledger ledger(m_ctx);
    if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
        return l.error();
    const ActivityLog log(m_ctx);
    auto release = [&](const NumberRecord& n, const ActivityEvent& event) -> Result<void> {
        auto u = db.run(
            QStringLiteral(
                "UPDATE numbers SET status = 'released', member_id = NULL, profile_id = NULL,"
                " cancelled = 0 WHERE id = ?"),
            {n.id});
        if (!u)
            return u.error();
        if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.id = ?"), {n.id}); !k)
            return k.error();
        return log.record(tx, event);
    };
    for (NumberRecord n : std::as_const(due)) {
        if (n.cancelled) {
            if (auto r = release(n, ActivityEvent::numberReleased(n.e164, n.expires)); !r)
                return r.error();
            ++report.released;
            continue;
        }
        const auto price = m_prices.numberPrice(n.country, n.months).value_or(n.price);
        // Catch up every period that ended, each paid at today's price and recorded as a
        // renewal with its new expiry; at the first period the company cannot pay the number
        // expires, keeping the periods it did pay for (issue 12, item 3: it was charged for
        // them but they were forgotten).
        int paid = 0;
        bool expired = false;
        while (n.expires <= today) {
            auto company = ledger.balance(Ledger::CompanyAccount);
            if (!company)
                return company.error();
            if (*company < price) {
                expired = true;
                if (paid > 0) {
                    if (auto u = storePeriods(db, n, price); !u)
                        return u.error();
                }
                const QString text =
                    tr("%1 could not be renewed: the company balance (%2) cannot pay %3. "
                       "It expired and returned to the pool.")
                        .arg(n.e164, company->toString(), price.display());
                if (auto r = release(n, ActivityEvent::numberExpired(n.e164, *company, price)); !r)
                    return r.error();
                report.messages.append(text);
                ++report.expiredUnpaid;
                break;
            }
            if (auto t =
                    ledger.transfer(tx, Ledger::CompanyAccount, 0, price, QStringLiteral("number"),
                                    n.e164, tr("Renewal of %1").arg(n.e164));
                !t)
                return t.error();
            report.spent += price;
            ++n.periods;
            n.expires = periodEnd(n.anchor, n.months, n.periods);
            if (auto a = log.record(tx, ActivityEvent::numberRenewed(n.e164, price, n.expires)); !a)
                return a.error();
            ++report.renewed;
            ++paid;
        }
        if (!expired) {
            if (auto u = storePeriods(db, n, price); !u)
                return u.error();
        }
    }
    return report;
}

} // namespace sb
