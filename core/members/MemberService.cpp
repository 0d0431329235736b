#include "core/members/MemberService.h"

#include "core/base/Csv.h"
#include "core/base/NameText.h"
#include "core/base/OutputFile.h"
#include "core/base/PhoneNumbers.h"
#include "core/base/SearchText.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/storage/MultiRowStatement.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace sb {

namespace {

QString searchKey(const NewMember& m)
{
    return SearchIndex::memberKey(m.account, m.name.trimmed(), m.email.trimmed(),
                                  m.department.trimmed());
}

// The members whose search key matches `search` (SearchIndex: a substring from three
// characters, the account's start below), as a condition on `m` and its values; how a page
// of them in `sort`'s order is best read in `*read`.
QString searchCondition(const Database& db, const QString& search, MemberQuery::Sort sort,
                        QVariantList* binds, Keyset::Read* read)
{
    // The key begins with the account, which begins like the name and the e-mail address.
    const bool inKeyOrder = sort == MemberQuery::Sort::Account || sort == MemberQuery::Sort::Name ||
                            sort == MemberQuery::Sort::Email;
    return SearchIndex::predicate(
        db, QStringLiteral("members"), QStringLiteral("m"), {SearchText::fold(search.trimmed())},
        binds, inKeyOrder ? SearchIndex::Use::PageInKeyOrder : SearchIndex::Use::Page, read);
}

const QString kSelect = QStringLiteral(
    "SELECT m.id, m.account_id, m.account_name, m.display_name, m.email, m.department, m.status,"
    " m.created_at, a.balance_cents, r.amount_cents, r.threshold_cents, r.monthly_limit_cents,"
    " r.month, r.recharged_cents, r.suspended_until, lp.name, m.country"
    " FROM members m JOIN accounts a ON a.id = m.account_id"
    " LEFT JOIN auto_recharge r ON r.member_id = m.id"
    " LEFT JOIN profile_links l ON l.member_id = m.id LEFT JOIN profiles lp ON lp.id = "
    "l.profile_id");

Member readMember(const QSqlQuery& q, const QDateTime& now)
{
    Member m;
    m.id = q.value(0).toLongLong();
    m.accountId = q.value(1).toLongLong();
    m.account = q.value(2).toString();
    m.name = q.value(3).toString();
    m.email = q.value(4).toString();
    m.department = q.value(5).toString();
    m.status = q.value(6).toString();
    m.createdAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
    m.balance = Money::fromCents(q.value(8).toLongLong());
    m.profile = q.value(15).toString();
    m.country = q.value(16).toString();
    if (!q.value(9).isNull()) {
        AutoRechargeSettings s;
        s.amount = Money::fromCents(q.value(9).toLongLong());
        s.threshold = Money::fromCents(q.value(10).toLongLong());
        s.monthlyLimit = Money::fromCents(q.value(11).toLongLong());
        s.month = q.value(12).toString();
        // A stored month other than the current one means the limit has reset already.
        if (s.month == now.toUTC().toString(QStringLiteral("yyyy-MM"))) {
            s.rechargedThisMonth = Money::fromCents(q.value(13).toLongLong());
            const QDate until = QDate::fromString(q.value(14).toString(), Qt::ISODate);
            if (until.isValid() && until > now.toUTC().date())
                s.suspendedUntil = until;
        }
        m.autoRecharge = s;
    }
    return m;
}

QString sortColumn(MemberQuery::Sort s)
{
    switch (s) {
    case MemberQuery::Sort::Account:
        return QStringLiteral("m.account_key");
    case MemberQuery::Sort::Name:
        return QStringLiteral("m.display_name");
    case MemberQuery::Sort::Email:
        return QStringLiteral("m.email");
    case MemberQuery::Sort::Department:
        return QStringLiteral("m.department");
    case MemberQuery::Sort::Balance:
        return QStringLiteral("a.balance_cents");
    case MemberQuery::Sort::Status:
        return QStringLiteral("m.status");
    }
    return QStringLiteral("m.display_name");
}

// The tie-breaker of a sort: one the sort column's index orders by too. A member's balance
// is its account's, indexed with the account's id (one account per member).
QString tieColumn(MemberQuery::Sort s)
{
    return s == MemberQuery::Sort::Balance ? QStringLiteral("a.id") : QStringLiteral("m.id");
}
} // namespace

QString accountKey(const QString& account)
{
    return NameText::normalised(account).toLower();
}

Result<void> MemberService::validateAccountName(const QString& typed)
{
    const QString account = NameText::normalised(typed);
    if (account.isEmpty())
        return Error::invalid(tr("The account name is empty."));
    if (const qsizetype n = UserText::length(account); n < 6 || n > 32)
        return Error::invalid(tr("The account name \"%1\" must be 6 to 32 characters long.")
                                  .arg(UserText::quoted(account)));
    static const QRegularExpression first(QStringLiteral("^[A-Za-z]"));
    if (!first.match(account).hasMatch())
        return Error::invalid(
            tr("The account name \"%1\" must start with a letter.").arg(UserText::quoted(account)));
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z][A-Za-z0-9._-]*\\z"));
    if (!allowed.match(account).hasMatch())
        return Error::invalid(
            tr("The account name \"%1\" may only contain letters, digits, '.', '_' and '-'.")
                .arg(UserText::quoted(account)));
    return {};
}

Result<void> MemberService::validateDisplayName(const QString& typed)
{
    auto name = NameText::accept(typed, tr("The display name is empty."),
                                 tr("The display name may not contain control characters."));
    if (!name)
        return name.error();
    if (UserText::length(*name) > 100)
        return Error::invalid(tr("The display name is too long (at most 100 characters)."));
    return {};
}

Result<void> MemberService::validateEmail(const QString& email)
{
    if (email.isEmpty())
        return {};
    static const QRegularExpression re(
        QStringLiteral("^[^@\\s\\p{Cc}\\p{Z}]+@[^@\\s\\p{Cc}\\p{Z}.]+"
                       "(\\.[^@\\s\\p{Cc}\\p{Z}.]+)+\\z"));
    if (UserText::length(email) > 254 || !re.match(email).hasMatch())
        return Error::invalid(tr("\"%1\" is not an e-mail address.").arg(UserText::quoted(email)));
    return {};
}

Result<void> MemberService::validateDepartment(const QString& typed)
{
    const QString department = NameText::normalised(typed);
    if (NameText::hasControlCharacters(department))
        return Error::invalid(tr("The department may not contain control characters."));
    if (UserText::length(department) > 100)
        return Error::invalid(tr("The department is too long (at most 100 characters)."));
    return {};
}

Result<void> MemberService::validate(const NewMember& m)
{
    if (auto r = validateAccountName(m.account); !r)
        return r;
    if (auto r = validateDisplayName(m.name); !r)
        return r;
    if (auto r = validateEmail(m.email); !r)
        return r;
    if (auto r = validateDepartment(m.department); !r)
        return r;
    return validateCountry(m.country);
}

NewMember MemberService::normalised(const NewMember& in)
{
    NewMember m = in;
    m.account = NameText::normalised(in.account);
    m.name = NameText::normalised(in.name);
    m.email = in.email.trimmed();
    m.department = NameText::normalised(in.department);
    return m;
}

ReadyMember MemberService::ready(const NewMember& in)
{
    ReadyMember r;
    r.member = normalised(in);
    r.member.country = normalisedCountry(in.country);
    r.accountKey = accountKey(r.member.account);
    r.searchKey = searchKey(r.member);
    return r;
}

QString MemberService::normalisedCountry(const QString& country)
{
    return country.trimmed().toUpper();
}

Result<void> MemberService::validateCountry(const QString& country)
{
    if (country.trimmed().isEmpty())
        return Error::invalid(tr("The country is empty: give its two-letter code, e.g. US."));
    if (!PhoneNumbers::isKnownRegion(normalisedCountry(country)))
        return Error::invalid(tr("\"%1\" is not a country code known for phone numbers "
                                 "(two letters, e.g. US or NO).")
                                  .arg(UserText::quoted(country.trimmed())));
    return {};
}

Result<bool> MemberService::accountExists(const QString& account) const
{
    const Database& db = m_ctx.db;
    auto q = db.run(QStringLiteral("SELECT 1 FROM members WHERE account_key = ?"),
                    {accountKey(account)});
    if (!q)
        return q.error();
    return q->next();
}

Result<Member> MemberService::insert(Transaction& tx, const NewMember& in) const
{
    const ReadyMember r = ready(in);
    const NewMember& m = r.member;
    const Database& db = tx.db();
    auto account = Ledger(m_ctx).createAccount(tx, QStringLiteral("member"));
    if (!account)
        return account.error();
    auto q = db.runFirst(
        QStringLiteral(
            "INSERT INTO members (account_id, account_name, account_key, display_name, email, "
            "department,"
            " status, search_key, created_at, country) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)"
            " RETURNING id"),
        {*account, m.account, r.accountKey, Database::text(m.name), Database::text(m.email),
         Database::text(m.department), r.searchKey, m_ctx.nowText(), m.country});
    if (!q)
        return q.error();
    Member out;
    out.id = q->value(0).toLongLong();
    out.accountId = *account;
    out.account = m.account;
    out.name = m.name;
    out.email = m.email;
    out.department = m.department;
    out.country = m.country;
    out.createdAt = m_ctx.now();
    return out;
}

Result<QList<Member>> MemberService::insertMany(Transaction& tx, const QList<ReadyMember>& in) const
{
    // As insert(), many rows per statement: the demo's hundred thousand members in a few
    // seconds rather than a few hundred statements' parsing per second.
    // Rows per statement: SQLite's parser takes time in the square of a statement's values.
    constexpr int kRows = 64;
    const Database& db = tx.db();
    const QString now = m_ctx.nowText();
    const QDateTime created = m_ctx.now();
    QList<Member> out;
    out.reserve(in.size());
    std::vector<qint64> accountIds;
    MultiRowStatement accounts(
        db, QStringLiteral("INSERT INTO accounts (kind, balance_cents) VALUES "),
        QStringLiteral("('member', 0)"), QStringLiteral(" RETURNING id"), kRows);
    accounts.onExecuted([&](const QList<QVariantList>& rows) -> Result<void> {
        for (const QVariantList& row : rows)
            accountIds.push_back(row.at(0).toLongLong());
        return {};
    });
    QHash<QString, qint64> idByKey;
    idByKey.reserve(kRows);
    MultiRowStatement members(
        db,
        QStringLiteral("INSERT INTO members (account_id, account_name, account_key, display_name,"
                       " email, department, status, search_key, created_at, country) VALUES "),
        QStringLiteral("(?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)"),
        QStringLiteral(" RETURNING id, account_key"), kRows);
    members.onExecuted([&](const QList<QVariantList>& rows) -> Result<void> {
        for (const QVariantList& row : rows)
            idByKey.insert(row.at(1).toString(), row.at(0).toLongLong());
        return {};
    });
    for (qsizetype first = 0; first < in.size(); first += kRows) {
        const qsizetype last = std::min(in.size(), first + kRows);
        accountIds.clear();
        for (qsizetype i = first; i < last; ++i) {
            if (auto a = accounts.endRow(); !a)
                return a.error();
        }
        if (auto a = accounts.flush(); !a)
            return a.error();
        if (qsizetype(accountIds.size()) != last - first)
            return Database::storageError(tr("accounts were not created."));
        // One INSERT gives its rows ascending ids in the order of its VALUES; which new, empty
        // account goes to which member does not matter anyway.
        std::sort(accountIds.begin(), accountIds.end());
        idByKey.clear();
        for (qsizetype i = first; i < last; ++i) {
            const ReadyMember& r = in[i];
            const NewMember& m = r.member;
            Member& o = out.emplace_back();
            o.accountId = accountIds[size_t(i - first)];
            o.account = m.account;
            o.name = m.name;
            o.email = m.email;
            o.department = m.department;
            o.country = m.country;
            o.createdAt = created;
            members.add(o.accountId)
                .add(m.account)
                .add(r.accountKey)
                .add(Database::text(o.name))
                .add(Database::text(o.email))
                .add(Database::text(o.department))
                .add(r.searchKey)
                .add(now)
                .add(o.country);
            if (auto r = members.endRow(); !r)
                return r.error();
        }
        if (auto r = members.flush(); !r)
            return r.error();
        for (qsizetype i = first; i < last; ++i) {
            const auto id = idByKey.constFind(in[i].accountKey);
            if (id == idByKey.cend())
                return Database::storageError(tr("a member was not created."));
            out[i].id = *id;
        }
    }
    return out;
}

Result<Member> MemberService::add(const NewMember& in) const
{
    const NewMember m = normalised(in);
    if (auto v = validate(m); !v)
        return v.error();
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Member> {
        auto exists = accountExists(m.account);
        if (!exists)
            return exists.error();
        if (*exists)
            return Error::refused(tr("A member with the account name \"%1\" already exists.")
                                      .arg(UserText::quoted(m.account)));
        auto added = insert(tx, m);
        if (!added)
            return added;
        if (auto a = ActivityLog(m_ctx).record(tx, ActivityEvent::memberAdded(m.account, m.name));
            !a)
            return a.error();
        return added;
    });
    if (done)
        m_ctx.announce(Changes().withAllMembers().withActivity());
    return done;
}

Result<Member> MemberService::setCountry(const QString& account, const QString& countryIn) const
{
    const QString country = normalisedCountry(countryIn);
    if (auto v = validateCountry(countryIn); !v)
        return v.error();
    qint64 id = 0;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Member> {
        auto m = find(account);
        if (!m)
            return m;
        if (m->country == country)
            return Error::refused(tr("The country of %1 is already %2.").arg(m->account, country));
        if (auto u = tx.db().run(QStringLiteral("UPDATE members SET country = ? WHERE id = ?"),
                                 {country, m->id});
            !u)
            return u.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::memberCountryChanged(m->account, m->country, country));
            !a)
            return a.error();
        id = m->id;
        m->country = country;
        return m;
    });
    if (done)
        m_ctx.announce(Changes().withMembers({id}).withActivity());
    return done;
}

Result<Member> MemberService::find(const QString& account) const
{
    const Database& db = m_ctx.db;
    auto q = db.run(kSelect + QStringLiteral(" WHERE m.account_key = ?"), {accountKey(account)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(
            tr("There is no member with the account name \"%1\".").arg(UserText::quoted(account)));
    QList<Member> one{readMember(*q, m_ctx.now())};
    q->finish();
    if (auto r = attachNumbers(one); !r)
        return r.error();
    return one.first();
}

Result<QList<Member>> MemberService::findMany(const QStringList& accounts) const
{
    QList<Member> out;
    out.reserve(accounts.size());
    for (const QString& a : accounts) {
        auto m = find(a);
        if (!m)
            return m.error();
        out.append(*m);
    }
    return out;
}

Result<QList<Member>> MemberService::findIds(const QList<qint64>& ids) const
{
    QList<Member> out;
    const QDateTime now = m_ctx.now();
    // In chunks: a statement's bound values are limited (SQLite 32766, PostgreSQL 65535).
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        const QList<qint64> chunk = ids.mid(from, kChunk);
        QStringList marks(chunk.size(), QStringLiteral("?"));
        QVariantList binds;
        binds.reserve(chunk.size());
        for (qint64 id : chunk)
            binds << id;
        auto q = m_ctx.db.run(kSelect + QStringLiteral(" WHERE m.id IN (") +
                                  marks.join(QLatin1Char(',')) + QLatin1Char(')'),
                              binds);
        if (!q)
            return q.error();
        while (q->next())
            out.append(readMember(*q, now));
    }
    if (auto r = attachNumbers(out); !r)
        return r.error();
    return out;
}

Result<QList<Member>> MemberService::page(const MemberQuery& query) const
{
    if (auto tooLong = UserText::checkSearch(query.search); !tooLong)
        return tooLong.error();
    const Database& db = m_ctx.db;
    QString where;
    QVariantList filterBinds;
    Keyset::Read read = Keyset::Read::InOrder;
    if (!query.search.trimmed().isEmpty())
        where = QStringLiteral(" WHERE ") +
                searchCondition(db, query.search, query.sort, &filterBinds, &read);
    const QString key = sortColumn(query.sort);
    const QString id = tieColumn(query.sort);
    const QDateTime now = m_ctx.now();
    auto out = Keyset::page<Member>(
        db, kSelect, where, filterBinds, key, id, query.ascending, query.after, query.limit,
        [&](const QSqlQuery& q) { return readMember(q, now); },
        query.sort == MemberQuery::Sort::Balance
            ? QStringLiteral("members m JOIN accounts a ON a.id = m.account_id")
            : QStringLiteral("members m"),
        read);
    if (!out)
        return out.error();
    if (auto r = attachNumbers(out.value()); !r)
        return r.error();
    return out;
}

SeekKey MemberService::seekKey(const Member& m, MemberQuery::Sort sort)
{
    switch (sort) {
    case MemberQuery::Sort::Account:
        return SeekKey::past(accountKey(m.account), m.id);
    case MemberQuery::Sort::Name:
        return SeekKey::past(m.name, m.id);
    case MemberQuery::Sort::Email:
        return SeekKey::past(m.email, m.id);
    case MemberQuery::Sort::Department:
        return SeekKey::past(m.department, m.id);
    case MemberQuery::Sort::Balance:
        return SeekKey::past(m.balance.cents(), m.accountId);
    case MemberQuery::Sort::Status:
        return SeekKey::past(m.status, m.id);
    }
    return SeekKey::past(m.name, m.id);
}

Result<void> MemberService::attachNumbers(QList<Member>& members) const
{
    QList<qint64> ids;
    ids.reserve(members.size());
    for (const Member& m : std::as_const(members))
        ids.append(m.id);
    auto numbers = activeNumbersOf(ids);
    if (!numbers)
        return numbers.error();
    for (Member& m : members) {
        QStringList list = numbers->values(m.id);
        list.sort();
        m.numbers = list;
    }
    return {};
}

Result<QMultiHash<qint64, QString>> MemberService::activeNumbersOf(const QList<qint64>& ids) const
{
    QMultiHash<qint64, QString> out;
    if (ids.isEmpty())
        return out;
    const Database& db = m_ctx.db;
    QStringList marks(ids.size(), QStringLiteral("?"));
    QVariantList binds;
    binds.reserve(ids.size());
    for (qint64 id : ids)
        binds << id;
    // By member (numbers_member) and the status read with each row: with `status = ?` in the
    // condition SQLite's planner walked every number in force instead (10 ms for a page of
    // members among 50,000 numbers, against under one).
    auto q =
        db.run(QStringLiteral("SELECT member_id, e164, status FROM numbers WHERE member_id IN (") +
                   marks.join(QLatin1Char(',')) + QStringLiteral(")"),
               binds);
    if (!q)
        return q.error();
    while (q->next()) {
        if (q->value(2).toString() == QLatin1String("active"))
            out.insert(q->value(0).toLongLong(), q->value(1).toString());
    }
    return out;
}

Result<qint64> MemberService::count(const QString& search) const
{
    if (auto tooLong = UserText::checkSearch(search); !tooLong)
        return tooLong.error();
    const Database& db = m_ctx.db;
    if (!search.trimmed().isEmpty())
        return SearchIndex::count(db, QStringLiteral("members"),
                                  {SearchText::fold(search.trimmed())});
    auto q = db.runFirst(QStringLiteral("SELECT COUNT(*) FROM members"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

Result<QStringList> MemberService::departments() const
{
    const Database& db = m_ctx.db;
    auto q = db.run(QStringLiteral(
        "SELECT DISTINCT department FROM members WHERE department <> '' ORDER BY department"));
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<ImportReport> MemberService::importCsv(const QString& path, bool dryRun,
                                              const Progress& progress) const
{
    // Outside input is hostile: a device (/dev/zero never ends), a file bigger than any
    // member list, one line the size of a file, or text that is not UTF-8 is refused before
    // anything is parsed, and nothing is written.
    const QFileInfo info(path);
    if (!info.exists())
        return Error::invalid(tr("%1 does not exist.").arg(path));
    if (!info.isFile())
        return Error::invalid(
            tr("%1 is not a regular file: only a CSV file can be imported.").arg(path));
    const auto tooBig = [&]() {
        return Error::invalid(tr("%1 is larger than %2 MB, more than any member list; split it.")
                                  .arg(path)
                                  .arg(MaxImportBytes / (1024 * 1024)));
    };
    if (info.size() > MaxImportBytes)
        return tooBig();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::invalid(tr("Cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray bytes = f.read(MaxImportBytes + 1);
    if (bytes.size() > MaxImportBytes)
        return tooBig(); // it grew while being read
    // Lines end as Csv::parse ends them (LF, CRLF or a CR alone), so that the line named is
    // the line the import names too.
    qsizetype lineStart = 0;
    for (int line = 1; lineStart < bytes.size() || line == 1; ++line) {
        qsizetype end = lineStart;
        while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        const qsizetype next =
            end + (end + 1 < bytes.size() && bytes[end] == '\r' && bytes[end + 1] == '\n' ? 2 : 1);
        const QByteArrayView text(bytes.constData() + lineStart, end - lineStart);
        if (text.size() > MaxImportLineBytes)
            return Error::invalid(tr("Line %1 of %2 is longer than %3 characters: this is not a "
                                     "member list.")
                                      .arg(line)
                                      .arg(path)
                                      .arg(MaxImportLineBytes));
        if (!text.isValidUtf8())
            return Error::invalid(tr("Line %1 of %2 is not UTF-8 text (perhaps Latin-1 or "
                                     "Windows-1252): save the file as UTF-8 and import it again.")
                                      .arg(line)
                                      .arg(path));
        lineStart = next;
        if (end >= bytes.size())
            break;
    }
    return importCsvText(QString::fromUtf8(bytes), dryRun, progress);
}

Result<ImportReport> MemberService::importCsvText(const QString& textIn, bool dryRun,
                                                  const Progress& progress) const
{
    QString text = textIn;
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    ImportReport report;
    report.dryRun = dryRun;
    int unterminated = 0;
    const QList<Csv::Row> rows = Csv::parse(text, &unterminated);
    if (unterminated)
        report.rejected.append({unterminated, tr("A quoted field is never closed.")});
    if (rows.isEmpty()) {
        report.rejected.append(
            {1, tr("The file is empty: it needs the header line account,name,email,department.")});
        return report;
    }
    const QStringList header = rows.first().fields;
    QHash<QString, int> col;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed().toLower();
        // Two "email" columns: which one holds the address is a guess, so none is made.
        if (!name.isEmpty() && col.contains(name)) {
            report.rejected.append(
                {rows.first().line,
                 tr("The first line names the column \"%1\" twice (columns %2 and %3); name each "
                    "column once.")
                     .arg(UserText::quoted(header[i].trimmed()))
                     .arg(col.value(name) + 1)
                     .arg(i + 1)});
            return report;
        }
        col.insert(name, i);
    }
    if (!col.contains(QStringLiteral("account")) || !col.contains(QStringLiteral("name"))) {
        report.rejected.append(
            {rows.first().line,
             tr("The first line must name the columns: account,name,email,department.")});
        return report;
    }
    auto field = [&](const Csv::Row& r, const char* name) {
        const int i = col.value(QString::fromLatin1(name), -1);
        return i >= 0 && i < r.fields.size() ? r.fields[i] : QString();
    };
    QList<std::pair<int, NewMember>> valid;
    QSet<QString> seen;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const Csv::Row& r = rows[i];
        if (r.fields.size() != header.size()) {
            report.rejected.append(
                {r.line,
                 tr("Expected %1 fields, found %2.").arg(header.size()).arg(r.fields.size())});
            continue;
        }
        NewMember m = normalised(
            {field(r, "account"), field(r, "name"), field(r, "email"), field(r, "department")});
        // Files written before members had a country (or a cell left empty) mean US.
        if (const QString country = field(r, "country").trimmed(); !country.isEmpty())
            m.country = country;
        if (auto v = validate(m); !v) {
            report.rejected.append({r.line, v.error().message});
            continue;
        }
        const QString key = accountKey(m.account);
        if (seen.contains(key)) {
            report.rejected.append(
                {r.line, tr("The account name \"%1\" appears more than once in the file.")
                             .arg(UserText::quoted(m.account))});
            continue;
        }
        seen.insert(key);
        auto exists = accountExists(m.account);
        if (!exists)
            return exists.error();
        if (*exists) {
            report.rejected.append(
                {r.line, tr("A member with the account name \"%1\" already exists.")
                             .arg(UserText::quoted(m.account))});
            continue;
        }
        valid.append({r.line, m});
    }
    report.valid = static_cast<int>(valid.size());
    if (dryRun || !report.rejected.isEmpty() || valid.isEmpty())
        return report;
    auto written = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<int> {
        int done = 0;
        for (const auto& [line, m] : valid) {
            auto added = insert(tx, m);
            if (!added)
                return added.error();
            ++done;
            if (progress && done % 500 == 0 && !progress(done, valid.size()))
                return Error::refused(tr("The import was cancelled; nothing was imported."));
        }
        if (auto a = ActivityLog(m_ctx).record(tx, ActivityEvent::membersImported(done)); !a)
            return a.error();
        return done;
    });
    if (!written)
        return written.error();
    m_ctx.announce(Changes().withAllMembers().withActivity());
    report.added = *written;
    return report;
}

Result<qint64> MemberService::exportCsv(const QString& path, const Progress& progress) const
{
    OutputFile f(path);
    if (auto o = f.open(); !o)
        return o.error();
    auto total = count();
    if (!total)
        return total.error();
    if (!f.write(
            Csv::record({QStringLiteral("account"), QStringLiteral("name"), QStringLiteral("email"),
                         QStringLiteral("department"), QStringLiteral("country")})
                .toUtf8()))
        return f.writeError();
    MemberQuery query;
    query.sort = MemberQuery::Sort::Account;
    query.limit = 2000;
    qint64 written = 0;
    for (;;) {
        auto page = this->page(query);
        if (!page)
            return page.error();
        QByteArray chunk;
        for (const Member& m : std::as_const(*page))
            chunk += Csv::record({m.account, m.name, m.email, m.department, m.country}).toUtf8();
        if (!f.write(chunk))
            return f.writeError(); // the full disk says so now, not after the last page
        written += page->size();
        if (progress && !progress(written, *total)) {
            f.cancel();
            return Error::refused(tr("The export was cancelled; no file was written."));
        }
        if (page->size() < query.limit)
            break;
        query.after = seekKey(page->last(), query.sort);
    }
    if (auto c = f.commit(); !c)
        return c.error();
    return written;
}

} // namespace sb
