#include "core/profiles/ProfileService.h"

#include "core/base/DisplayFormat.h"
#include "core/base/NameText.h"
#include "core/base/SearchText.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProviderSettings.h"
#include "core/secrets/SealedSecret.h"
#include "core/secrets/SecretVault.h"
#include "core/storage/CallSummaries.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QHash>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

namespace sb {

namespace {
/// The members linked to a profile: their rows name it, their numbers route to it.
void noteLinked(const Context& ctx, const SipProfile& p, Changes& changes)
{
    QStringList accounts;
    for (const LinkedAccount& a : p.accounts)
        accounts.append(a.account);
    if (auto members = MemberService(ctx).findMany(accounts); members) {
        for (const Member& m : std::as_const(*members))
            changes.withMembers({m.id});
    } else {
        changes.allMembers = true;
    }
}

const QString kSelect = QStringLiteral("SELECT p.id, p.account_id, p.name, p.department, p.email, "
                                       "p.auth, p.ip, p.port, p.sip_username,"
                                       " a.balance_cents, p.channels, p.channel_price_cents, "
                                       "p.channels_expires, p.channels_lapsed, p.created_at,"
                                       " p.channels_anchor, p.channels_periods, p.secret, p.country"
                                       " FROM profiles p JOIN accounts a ON a.id = p.account_id");

SipProfile readProfile(const QSqlQuery& q)
{
    SipProfile p;
    p.id = q.value(0).toLongLong();
    p.accountId = q.value(1).toLongLong();
    p.name = q.value(2).toString();
    p.department = q.value(3).toString();
    p.email = q.value(4).toString();
    p.auth = q.value(5).toString() == QLatin1String("ip") ? SipProfile::Auth::Ip
                                                          : SipProfile::Auth::Registration;
    p.ip = q.value(6).toString();
    p.port = q.value(7).toInt();
    p.username = q.value(8).toString();
    p.balance = Money::fromCents(q.value(9).toLongLong());
    p.channels = q.value(10).toInt();
    p.channelPrice = Money::fromCents(q.value(11).toLongLong());
    p.channelsExpires = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    p.channelsLapsed = q.value(13).toInt() != 0;
    p.createdAt = QDateTime::fromString(q.value(14).toString(), Qt::ISODate);
    p.channelsPeriodStart = QDate::fromString(q.value(15).toString(), Qt::ISODate)
                                .addMonths(qMax(0, q.value(16).toInt() - 1));
    p.country = q.value(18).toString();
    return p;
}

QString nameKey(const QString& name)
{
    return NameText::key(name);
}

// "Sales – Oslo" -> "sales-oslo": a readable part of the generated SIP username.
QString slug(const QString& name)
{
    QString out;
    for (QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c.toLower();
        else if ((c.isSpace() || c == QLatin1Char('-') || c == QLatin1Char('_')) &&
                 !out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.left(16);
}
// Refuses `name` when another profile than `self` has it in another case, or a name that looks
// the same (NameText::skeleton: "Ѕаlеѕ" in Cyrillic letters beside "Sales"), naming that one.
// Both keys have a UNIQUE index: of two admins racing, the second one's INSERT fails.
Result<void> refuseTaken(const Database& db, const QString& name, qint64 self)
{
    auto dup = db.run(QStringLiteral("SELECT name, name_key FROM profiles"
                                     " WHERE (name_key = ? OR name_skeleton = ?) AND id <> ?"),
                      {nameKey(name), NameText::skeleton(name), self});
    if (!dup)
        return dup.error();
    if (!dup->next())
        return {};
    const QString existing = dup->value(0).toString();
    if (dup->value(1).toString() == nameKey(name))
        return Error::refused(
            ProfileService::tr("A SIP profile named \"%1\" already exists.").arg(existing));
    return Error::refused(ProfileService::tr("\"%1\" looks the same as the existing SIP profile "
                                             "\"%2\"; choose a name that reads differently.")
                              .arg(name, existing));
}

// " WHERE …" for the profiles whose search key (name, department) matches `search`
// (SearchIndex: a substring from three characters, the name's start below), or nothing.
QString searchCondition(const Database& db, const QString& search, QVariantList* binds)
{
    const QString needle = SearchText::fold(search.trimmed());
    if (needle.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + SearchIndex::predicate(db, QStringLiteral("profiles"),
                                                              QStringLiteral("p"), {needle}, binds);
}

} // namespace

Result<QString> ProfileService::normalisedName(const QString& name)
{
    auto n = NameText::accept(name, tr("The SIP profile needs a name."),
                              tr("The SIP profile name may not contain control characters."));
    if (!n)
        return n;
    if (UserText::length(*n) > 64)
        return Error::invalid(tr("The SIP profile name is too long (at most 64 characters)."));
    return n;
}

Result<void> ProfileService::validateName(const QString& name)
{
    if (auto n = normalisedName(name); !n)
        return n.error();
    return {};
}

Result<void> ProfileService::checkNameFree(const QString& name, qint64 except) const
{
    return refuseTaken(m_ctx.db, NameText::normalised(name), except);
}

Result<QStringList> ProfileService::validateIp(const QString& text)
{
    const QString ip = text.trimmed();
    static const QRegularExpression dotted(
        QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\z"));
    const auto m = dotted.match(ip);
    bool inRange = m.hasMatch();
    for (int i = 1; inRange && i <= 4; ++i) {
        const QString part = m.captured(i);
        inRange = part.toInt() <= 255 && !(part.size() > 1 && part.startsWith(QLatin1Char('0')));
    }
    QHostAddress address;
    if (!inRange || !address.setAddress(ip) || address.protocol() != QAbstractSocket::IPv4Protocol)
        return Error::invalid(
            tr("\"%1\" is not an IPv4 address such as 203.0.113.10.").arg(UserText::quoted(text)));
    // One whole sentence per kind of address, so that every language can build it.
    struct Range
    {
        const char* subnet;
        const char* warning;
    };
    static const Range ranges[] = {
        {"0.0.0.0/8",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a \"this network\" address (%2): the provider cannot reach it from the "
             "internet. Enter the public address of the PBX's internet connection.")},
        {"10.0.0.0/8",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a private address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
        {"100.64.0.0/10",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a carrier-grade NAT (shared) address (%2): the provider cannot reach it from "
             "the internet. Enter the public address of the PBX's internet connection.")},
        {"127.0.0.0/8",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a loopback address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
        {"169.254.0.0/16",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a link-local address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
        {"172.16.0.0/12",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a private address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
        {"192.0.0.0/24",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a reserved (IETF protocol) address (%2): the provider cannot reach it from the "
             "internet. Enter the public address of the PBX's internet connection.")},
        {"192.0.2.0/24",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a documentation address (%2): the provider cannot reach it from the internet. "
             "Enter the public address of the PBX's internet connection.")},
        {"192.168.0.0/16",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a private address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
        {"198.18.0.0/15",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a benchmarking address (%2): the provider cannot reach it from the internet. "
             "Enter the public address of the PBX's internet connection.")},
        {"198.51.100.0/24",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a documentation address (%2): the provider cannot reach it from the internet. "
             "Enter the public address of the PBX's internet connection.")},
        {"203.0.113.0/24",
         QT_TRANSLATE_NOOP(
             "sb::ProfileService",
             "%1 is a documentation address (%2): the provider cannot reach it from the internet. "
             "Enter the public address of the PBX's internet connection.")},
        {"224.0.0.0/4",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a multicast address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
        {"240.0.0.0/4",
         QT_TRANSLATE_NOOP("sb::ProfileService",
                           "%1 is a reserved address (%2): the provider cannot reach it from the "
                           "internet. Enter the public address of the PBX's internet connection.")},
    };
    QStringList warnings;
    for (const Range& r : ranges) {
        const auto subnet = QHostAddress::parseSubnet(QString::fromLatin1(r.subnet));
        if (address.isInSubnet(subnet)) {
            warnings << tr(r.warning).arg(ip, QString::fromLatin1(r.subnet));
            break;
        }
    }
    return warnings;
}

Result<void> ProfileService::validatePort(int port)
{
    if (port < 1 || port > 65535)
        return Error::invalid(
            tr("The UDP port must be from 1 to 65535 (usually 5060), not %1.").arg(port));
    return {};
}

Result<void> ProfileService::validateChannels(int channels)
{
    if (channels < MinChannels || channels > MaxChannels)
        return Error::invalid(tr("A SIP profile has from %1 to %2 channels, not %3.")
                                  .arg(MinChannels)
                                  .arg(MaxChannels)
                                  .arg(channels));
    return {};
}

Result<void> ProfileService::validateExtension(const QString& extension)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{0,20}\\z"));
    if (!digits.match(extension).hasMatch())
        return Error::invalid(tr("The extension \"%1\" may only contain digits (at most 20).")
                                  .arg(UserText::quoted(extension)));
    return {};
}

QString ProfileService::generatePassword(int length)
{
    // No characters that need quoting in PBX configuration files.
    static const QString alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.+");
    QString out;
    out.reserve(length);
    QRandomGenerator* rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out +=
            alphabet[static_cast<qsizetype>(rng->bounded(static_cast<quint32>(alphabet.size())))];
    return out;
}

Money ProfileService::creationCost(int channels) const
{
    return m_prices.channelPrice().times(channels).value_or(Money());
}

Result<void> ProfileService::loadDetails(SipProfile& p) const
{
    QList<SipProfile> one{std::move(p)};
    auto loaded = loadDetails(one);
    p = std::move(one.first());
    return loaded;
}

Result<void> ProfileService::loadDetails(QList<SipProfile>& profiles) const
{
    if (profiles.isEmpty())
        return {};
    QHash<qint64, qsizetype> at;
    QVariantList ids;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        at.insert(profiles[i].id, i);
        ids << profiles[i].id;
        profiles[i].accounts.clear();
        profiles[i].numbers.clear();
    }
    const QString marks = QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(','));
    const Database& db = m_ctx.db;
    auto q =
        db.run(QStringLiteral("SELECT l.profile_id, m.account_name, m.display_name,"
                              " l.extension FROM profile_links l"
                              " JOIN members m ON m.id = l.member_id WHERE l.profile_id IN (") +
                   marks + QStringLiteral(") ORDER BY l.profile_id, m.account_key"),
               ids);
    if (!q)
        return q.error();
    while (q->next())
        profiles[at.value(q->value(0).toLongLong())].accounts.append(
            {q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    auto n = db.run(QStringLiteral("SELECT profile_id, e164 FROM numbers WHERE status = 'active'"
                                   " AND profile_id IN (") +
                        marks + QStringLiteral(") ORDER BY profile_id, e164"),
                    ids);
    if (!n)
        return n.error();
    while (n->next())
        profiles[at.value(n->value(0).toLongLong())].numbers.append(n->value(1).toString());
    for (SipProfile& p : profiles) {
        p.accountCount = int(p.accounts.size());
        p.numberCount = int(p.numbers.size());
    }
    return {};
}

Result<SipProfile> ProfileService::find(const QString& name) const
{
    const Database& db = m_ctx.db;
    auto q = db.run(kSelect + QStringLiteral(" WHERE p.name_key = ?"), {nameKey(name)});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::notFound(
            tr("There is no SIP profile named \"%1\".").arg(UserText::quoted(name)));
    SipProfile p = readProfile(*q);
    q->finish();
    if (auto d = loadDetails(p); !d)
        return d.error();
    return p;
}

Result<SipProfile> ProfileService::findLocked(Transaction& tx, const QString& name) const
{
    auto p = find(name);
    if (!p)
        return p;
    if (auto l = Ledger(m_ctx).lockBalances(tx, {Ledger::CompanyAccount, p->accountId}); !l)
        return l.error();
    return find(name);
}

Result<QList<SipProfile>> ProfileService::listRows(const QString& search) const
{
    if (auto tooLong = UserText::checkSearch(search); !tooLong)
        return tooLong.error();
    const Database& db = m_ctx.db;
    QVariantList binds;
    const QString where = searchCondition(db, search, &binds);
    auto run = db.run(kSelect + where + QStringLiteral(" ORDER BY p.name_key"), binds);
    if (!run)
        return run.error();
    QSqlQuery& q = run.value();
    QList<SipProfile> out;
    while (q.next())
        out.append(readProfile(q));
    q.finish();
    return out;
}

Result<QList<SipProfile>> ProfileService::list(const QString& search) const
{
    auto rows = listRows(search);
    if (!rows)
        return rows;
    QList<SipProfile> out = std::move(rows).value();
    if (auto d = loadDetails(out); !d)
        return d.error();
    return out;
}

Result<QList<SipProfile>> ProfileService::listCounted(const QString& search) const
{
    auto rows = listRows(search);
    if (!rows || rows->isEmpty())
        return rows;
    QList<SipProfile> out = std::move(rows).value();
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < out.size(); ++i)
        at.insert(out[i].id, i);
    const Database& db = m_ctx.db;
    // Counted for every profile at once, from the indexes alone (profile_links_profile;
    // numbers_profile by profile and status, the status counted rather than tested so that
    // the planner reads that index rather than every number in force): a thousand rows.
    const auto count = [&](const QString& sql, int SipProfile::*field) -> Result<void> {
        auto c = db.run(sql);
        if (!c)
            return c.error();
        while (c->next()) {
            const auto it = at.constFind(c->value(0).toLongLong());
            if (it != at.constEnd())
                out[*it].*field = c->value(1).toInt();
        }
        return {};
    };
    if (auto c = count(QStringLiteral("SELECT profile_id, COUNT(*) FROM profile_links"
                                      " GROUP BY profile_id"),
                       &SipProfile::accountCount);
        !c)
        return c.error();
    if (auto c = count(QStringLiteral("SELECT profile_id, SUM(CASE WHEN status = 'active' THEN 1"
                                      " ELSE 0 END) FROM numbers WHERE profile_id IS NOT NULL"
                                      " GROUP BY profile_id"),
                       &SipProfile::numberCount);
        !c)
        return c.error();
    return out;
}

Result<ProfileService::Created> ProfileService::create(const NewSipProfile& in) const
{
    const auto normalName = normalisedName(in.name);
    if (!normalName)
        return normalName.error();
    const QString name = *normalName;
    if (auto v = MemberService::validateEmail(in.email.trimmed()); !v)
        return v.error();
    if (auto v = MemberService::validateDepartment(in.department); !v)
        return v.error();
    const QString department = NameText::normalised(in.department);
    if (auto v = validateChannels(in.channels); !v)
        return v.error();
    const QString country = MemberService::normalisedCountry(in.country);
    if (auto v = MemberService::validateCountry(in.country); !v)
        return v.error();
    QStringList warnings;
    if (in.auth == SipProfile::Auth::Ip) {
        auto ip = validateIp(in.ip);
        if (!ip)
            return ip.error();
        warnings = *ip;
        if (auto v = validatePort(in.port); !v)
            return v.error();
    }
    const QString username =
        in.auth == SipProfile::Auth::Registration
            ? QStringLiteral("sb-%1-%2")
                  .arg(slug(name).isEmpty() ? QStringLiteral("trunk") : slug(name))
                  .arg(QRandomGenerator::system()->generate() & 0xffffff, 6, 16, QLatin1Char('0'))
            : QString();
    const QString password =
        in.auth == SipProfile::Auth::Registration ? generatePassword() : QString();
    // The keychain is asked before the transaction (it may take seconds); a password it
    // does not take is sealed in the transaction, once the profile's id is known.
    const bool inKeychain = !password.isEmpty() && SecretVault::putInKeychain(username, password);
    const QString secretToken = inKeychain ? QStringLiteral("keychain:") : QString();
    const Money cost = creationCost(in.channels);
    auto created = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Created> {
        const Database& db = tx.db();
        if (auto taken = refuseTaken(db, name, 0); !taken)
            return taken.error();
        const Ledger ledger(m_ctx);
        auto company = ledger.lockBalances(tx, {Ledger::CompanyAccount});
        if (!company)
            return company.error();
        if (company->first() < cost)
            return Error::refused(
                tr("The company balance (%1) cannot pay %n channel(s) for the first month (%2). "
                   "No SIP profile was created.",
                   nullptr, in.channels)
                    .arg(company->first().display(), cost.display()));
        auto account = ledger.createAccount(tx, QStringLiteral("profile"));
        if (!account)
            return account.error();
        const QDate today = m_ctx.now().toUTC().date();
        auto q = db.runFirst(
            QStringLiteral(
                "INSERT INTO profiles (account_id, name, name_key, name_skeleton, department, "
                "email, "
                "auth, ip, port, "
                "sip_username, secret,"
                " channels, channel_price_cents, channels_anchor, channels_periods, "
                "channels_expires, "
                "created_at, country, search_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id"),
            {*account, name, nameKey(name), NameText::skeleton(name), Database::text(department),
             Database::text(in.email.trimmed()), SipProfile::authKey(in.auth),
             Database::text(in.auth == SipProfile::Auth::Ip ? in.ip.trimmed() : QString()),
             in.auth == SipProfile::Auth::Ip ? in.port : 5060, Database::text(username),
             Database::text(secretToken), in.channels, m_prices.channelPrice().cents(),
             today.toString(Qt::ISODate), today.addMonths(1).toString(Qt::ISODate), m_ctx.nowText(),
             country, SearchIndex::profileKey(name, department)});
        if (!q)
            return q.error();
        const qint64 id = q->value(0).toLongLong();
        q->finish();
        if (!password.isEmpty() && !inKeychain) {
            auto sealed = SealedSecret::seal(password, secretContext(id, username));
            if (!sealed)
                return sealed.error();
            if (auto u = db.run(QStringLiteral("UPDATE profiles SET secret = ? WHERE id = ?"),
                                {*sealed, id});
                !u)
                return u.error();
        }
        if (auto t =
                ledger.transfer(tx, Ledger::CompanyAccount, 0, cost, QStringLiteral("channels"),
                                name, tr("%n channel(s) for %1", nullptr, in.channels).arg(name));
            !t)
            return t.error();
        const QString ip = in.auth == SipProfile::Auth::Ip ? in.ip.trimmed() : QString();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::profileCreated(name, in.channels, cost, username, ip, in.port));
            !a)
            return a.error();
        auto p = find(name);
        if (!p)
            return p.error();
        return Created{*p, password, warnings, cost};
    });
    if (!created && inKeychain)
        SecretVault::remove(username, secretToken);
    if (created)
        m_ctx.announce(Changes().withAllProfiles().withCompanyBalance().withActivity());
    return created;
}

Result<SipProfile> ProfileService::rename(const QString& name, const QString& newNameIn) const
{
    const auto normalName = normalisedName(newNameIn);
    if (!normalName)
        return normalName.error();
    const QString newName = *normalName;
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<SipProfile> {
        auto p = find(name);
        if (!p)
            return p.error();
        // Its numbers and those of its members show the name.
        changes = Changes().withAllNumbers().withProfiles({p->id}).withActivity();
        noteLinked(m_ctx, *p, changes);
        const Database& db = m_ctx.db;
        if (newName == p->name)
            return Error::refused(
                tr("The SIP profile is already named \"%1\".").arg(UserText::quoted(newName)));
        // Its own name in another case, or written alike, stays its own.
        if (auto taken = refuseTaken(db, newName, p->id); !taken)
            return taken.error();
        auto q =
            db.run(QStringLiteral("UPDATE profiles SET name = ?, name_key = ?, name_skeleton = ?,"
                                  " search_key = ? WHERE id = ?"),
                   {newName, nameKey(newName), NameText::skeleton(newName),
                    SearchIndex::profileKey(newName, p->department), p->id});
        if (!q)
            return q.error();
        // The profile's numbers are found by its name.
        if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.profile_id = ?"), {p->id});
            !k)
            return k.error();
        if (auto a = ActivityLog(m_ctx).record(tx, ActivityEvent::profileRenamed(p->name, newName));
            !a)
            return a.error();
        return find(newName);
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<SipProfile> ProfileService::setCountry(const QString& name, const QString& countryIn) const
{
    const QString country = MemberService::normalisedCountry(countryIn);
    if (auto v = MemberService::validateCountry(countryIn); !v)
        return v.error();
    qint64 id = 0;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<SipProfile> {
        auto p = find(name);
        if (!p)
            return p;
        if (p->country == country)
            return Error::refused(
                tr("The country of SIP profile %1 is already %2.").arg(p->name, country));
        if (auto u = tx.db().run(QStringLiteral("UPDATE profiles SET country = ? WHERE id = ?"),
                                 {country, p->id});
            !u)
            return u.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::profileCountryChanged(p->name, p->country, country));
            !a)
            return a.error();
        id = p->id;
        p->country = country;
        return p;
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({id}).withActivity());
    return done;
}

Money ProfileService::unusedChannelCredit(const SipProfile& profile, const QDate& today)
{
    const QDate start = profile.channelsPeriodStart;
    const QDate end = profile.channelsExpires;
    if (profile.channelsLapsed || !start.isValid() || !end.isValid() || today >= end ||
        start >= end)
        return {};
    const qint64 days = start.daysTo(end);
    const qint64 unused = qMin(days, today.daysTo(end));
    const qint64 paid = profile.monthlyChannelCost().cents();
    // paid × unused / days, rounded half up, in integers.
    return Money::fromCents((2 * paid * unused + days) / (2 * days));
}

ProfileService::ChannelChange ProfileService::quoteChannels(const SipProfile& profile,
                                                            int channels) const
{
    const QDate today = m_ctx.now().toUTC().date();
    ChannelChange c;
    c.from = profile.channels;
    c.to = channels;
    c.charged = m_prices.channelPrice().times(channels).value_or(Money());
    c.credited = unusedChannelCredit(profile, today);
    c.nextPayment = today.addMonths(1);
    return c;
}

Result<ProfileService::ChannelChange> ProfileService::setChannels(const QString& name,
                                                                  int channels) const
{
    if (auto v = validateChannels(channels); !v)
        return v.error();
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<ChannelChange> {
        auto p = findLocked(tx, name);
        if (!p)
            return p.error();
        changes = Changes().withProfiles({p->id}).withCompanyBalance().withActivity();
        if (p->channels == channels && !p->channelsLapsed)
            return Error::refused(
                tr("%1 already has %n channel(s).", nullptr, channels).arg(p->name));
        // Bundles can never outnumber channels (SPEC "US minute bundles"). profiles/ sits
        // below bundles/ (the call importer needs bundles below rating), so the count in
        // force is read here with one query rather than through BundleService.
        const QString todayText = m_ctx.now().toUTC().date().toString(Qt::ISODate);
        auto b = m_ctx.db.runFirst(
            QStringLiteral("SELECT CAST(COALESCE(MAX(bundle_count), 0) AS BIGINT) FROM "
                           "bundle_periods WHERE profile_id = ? AND state IN "
                           "('active','cancelled') AND ends_on > ?"),
            {p->id, todayText});
        if (!b)
            return b.error();
        const int bundles = b->value(0).toInt();
        b->finish();
        if (channels < bundles)
            return Error::refused(
                tr("%1 has %n US minute bundle(s); it needs at least as many channels. Lower "
                   "the bundles first. The channels were not changed.",
                   nullptr, bundles)
                    .arg(p->name));
        const Money price = m_prices.channelPrice();
        const ChannelChange quote = quoteChannels(*p, channels);
        auto company = Ledger(m_ctx).balance(Ledger::CompanyAccount);
        if (!company)
            return company.error();
        if (*company + quote.credited < quote.charged)
            return Error::refused(
                tr("The company balance (%1) with the credit of %2 for unused days cannot pay %n "
                   "channel(s) for a month (%3). The channels were not changed.",
                   nullptr, channels)
                    .arg(company->toString(), quote.credited.display(), quote.charged.display()));
        // The old subscription ends now, its unused days credited; the new one starts today.
        const QDate today = m_ctx.now().toUTC().date();
        const Database& db = m_ctx.db;
        auto q = db.run(QStringLiteral("UPDATE profiles SET channels = ?, channel_price_cents = ?, "
                                       "channels_anchor = ?, channels_periods = 1,"
                                       " channels_expires = ?, channels_lapsed = 0 WHERE id = ?"),
                        {channels, price.cents(), today.toString(Qt::ISODate),
                         quote.nextPayment.toString(Qt::ISODate), p->id});
        if (!q)
            return q.error();
        if (quote.credited.isPositive()) {
            if (auto t = Ledger(m_ctx).transfer(
                    tx, 0, Ledger::CompanyAccount, quote.credited,
                    QStringLiteral("channels-refund"), p->name,
                    tr("Unused days of %n channel(s) for %1", nullptr, p->channels).arg(p->name));
                !t)
                return t.error();
        }
        if (auto t = Ledger(m_ctx).transfer(
                tx, Ledger::CompanyAccount, 0, quote.charged, QStringLiteral("channels"), p->name,
                tr("%n channel(s) for %1", nullptr, channels).arg(p->name));
            !t)
            return t.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx,
                ActivityEvent::profileChannelsChanged(p->name, p->channels, channels, quote.charged,
                                                      quote.credited, quote.nextPayment));
            !a)
            return a.error();
        ChannelChange done = quote;
        done.from = p->channels;
        return done;
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<SipProfile> ProfileService::allocateCredit(const QString& name, Money amount) const
{
    if (auto v = CompanyService::validateAmount(amount); !v)
        return v.error();
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<SipProfile> {
        auto p = findLocked(tx, name);
        if (!p)
            return p.error();
        auto company = Ledger(m_ctx).balance(Ledger::CompanyAccount);
        if (!company)
            return company.error();
        if (*company < amount)
            return Error::refused(
                tr("The company balance (%1) cannot cover %2 for %3. Nothing was allocated.")
                    .arg(company->toString(), amount.display(), p->name));
        if (auto t = Ledger(m_ctx).transfer(tx, Ledger::CompanyAccount, p->accountId, amount,
                                            QStringLiteral("allocation"));
            !t)
            return t.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::profileCreditAllocated(p->name, amount, p->balance + amount));
            !a)
            return a.error();
        return find(p->name);
    });
    if (done)
        m_ctx.announce(Changes().withProfiles({done->id}).withCompanyBalance().withActivity());
    return done;
}

Result<ProfileService::Credentials> ProfileService::credentials(const QString& name) const
{
    auto p = find(name);
    if (!p)
        return p.error();
    auto servers = ProviderSettings(m_ctx).sipServers();
    if (!servers)
        return servers.error();
    if (p->auth != SipProfile::Auth::Registration)
        return Credentials{QString(), QString(), *servers};
    const Database& db = m_ctx.db;
    auto q = db.runFirst(QStringLiteral("SELECT secret FROM profiles WHERE id = ?"), {p->id});
    if (!q)
        return q.error();
    auto password =
        SecretVault::get(p->username, q->value(0).toString(), secretContext(p->id, p->username));
    if (!password)
        return password.error();
    return Credentials{p->username, *password, *servers};
}

QByteArray ProfileService::secretContext(qint64 id, const QString& username)
{
    return QByteArrayLiteral("switchboard/sip-profile/") + QByteArray::number(id) + '/' +
           username.toUtf8();
}

Result<bool> ProfileService::guardKeyFile() const
{
    // Sealed tokens start "v1:" or "v2:": SIP passwords in profiles, the mail server's in
    // settings (no other setting starts so).
    auto q = m_ctx.db.run(QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM profiles WHERE secret LIKE 'v1:%' OR secret LIKE 'v2:%')"
        " + (SELECT COUNT(*) FROM settings WHERE value LIKE 'v1:%' OR value LIKE 'v2:%')"));
    if (!q)
        return q.error();
    const bool holds = q->next() && q->value(0).toLongLong() > 0;
    SealedSecret::allowKeyCreation(!holds);
    return holds;
}

Result<int> ProfileService::resealSecrets() const
{
    const Database& db = m_ctx.db;
    auto q = db.run(
        QStringLiteral("SELECT id, sip_username, secret FROM profiles WHERE secret LIKE 'v1:%'"));
    if (!q)
        return q.error();
    struct Old
    {
        qint64 id;
        QString username, token;
    };
    QList<Old> old;
    while (q->next())
        old.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString()});
    q->finish();
    if (old.isEmpty())
        return 0;
    return Transaction::run(db, [&](Transaction& tx) -> Result<int> {
        int resealed = 0;
        for (const Old& o : std::as_const(old)) {
            auto token = SecretVault::reseal(o.token, secretContext(o.id, o.username));
            if (!token)
                continue; // left for credentials() to report, e.g. a missing key file
            // Only if no one changed it meanwhile.
            auto u = tx.db().run(
                QStringLiteral("UPDATE profiles SET secret = ? WHERE id = ? AND secret = ?"),
                {*token, o.id, o.token});
            if (!u)
                return u.error();
            resealed += u->numRowsAffected() > 0 ? 1 : 0;
        }
        return resealed;
    });
}

Result<SipProfile> ProfileService::link(const QString& name, const QString& account,
                                        const QString& extension) const
{
    if (auto v = validateExtension(extension.trimmed()); !v)
        return v.error();
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<SipProfile> {
        auto p = find(name);
        if (!p)
            return p.error();
        auto m = MemberService(m_ctx).find(account);
        if (!m)
            return m.error();
        changes = Changes()
                      .withMembers({m->id})
                      .withNumbers(m->numbers)
                      .withProfiles({p->id})
                      .withActivity();
        if (!m->profile.isEmpty())
            return Error::refused(tr("The account %1 is already linked to the SIP profile %2; an "
                                     "account can be linked "
                                     "to one SIP profile only.")
                                      .arg(m->account, m->profile));
        const Database& db = m_ctx.db;
        // One extension rings one account: the PBX could not tell two apart.
        if (!extension.trimmed().isEmpty()) {
            auto taken = db.run(QStringLiteral("SELECT m.account_name FROM profile_links l JOIN "
                                               "members m ON m.id = l.member_id WHERE "
                                               "l.profile_id = ? AND l.extension = ?"),
                                {p->id, extension.trimmed()});
            if (!taken)
                return taken.error();
            if (taken->next())
                return Error::refused(
                    tr("The extension %1 of the SIP profile %2 already belongs to the account "
                       "%3; give each linked account its own extension.")
                        .arg(extension.trimmed(), p->name, taken->value(0).toString()));
        }
        auto q = db.run(QStringLiteral("INSERT INTO profile_links (member_id, profile_id, "
                                       "extension, linked_at) VALUES (?, ?, ?, ?)"),
                        {m->id, p->id, Database::text(extension.trimmed()), m_ctx.nowText()});
        if (!q)
            return q.error();
        auto s =
            db.run(QStringLiteral("UPDATE members SET status = 'linked' WHERE id = ?"), {m->id});
        if (!s)
            return s.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::profileLinked(m->account, p->name, extension.trimmed()));
            !a)
            return a.error();
        return find(p->name);
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<SipProfile> ProfileService::unlink(const QString& name, const QString& account) const
{
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<SipProfile> {
        auto p = find(name);
        if (!p)
            return p.error();
        auto m = MemberService(m_ctx).find(account);
        if (!m)
            return m.error();
        changes = Changes()
                      .withMembers({m->id})
                      .withNumbers(m->numbers)
                      .withProfiles({p->id})
                      .withActivity();
        if (m->profile.compare(p->name, Qt::CaseInsensitive) != 0)
            return Error::refused(
                tr("The account %1 is not linked to the SIP profile %2.").arg(m->account, p->name));
        const Database& db = m_ctx.db;
        auto q = db.run(QStringLiteral("DELETE FROM profile_links WHERE member_id = ?"), {m->id});
        if (!q)
            return q.error();
        auto s =
            db.run(QStringLiteral("UPDATE members SET status = 'active' WHERE id = ?"), {m->id});
        if (!s)
            return s.error();
        if (auto a =
                ActivityLog(m_ctx).record(tx, ActivityEvent::profileUnlinked(m->account, p->name));
            !a)
            return a.error();
        return find(p->name);
    });
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<ProfileService::Deletion> ProfileService::deletionPreview(const QString& name) const
{
    auto p = find(name);
    if (!p)
        return p.error();
    // An owed balance is not written off by deleting: the company would lose track of it
    // (the account stays with the ledger). The admin allocates what it owes first.
    if (p->balance.isNegative())
        return Error::refused(tr("The SIP profile %1 owes %2 for calls; allocate at least %2 to "
                                 "it before deleting it.")
                                  .arg(p->name, (-p->balance).display()));
    Deletion d;
    d.name = p->name;
    d.returnedCredit = p->balance;
    d.releasedNumbers = p->numbers;
    for (const auto& a : std::as_const(p->accounts))
        d.unlinkedAccounts << a.account;
    d.channels = p->channels;
    d.channelsPaidUntil = p->channelsExpires;
    const Database& db = m_ctx.db;
    auto q =
        db.runFirst(QStringLiteral("SELECT COUNT(*) FROM calls WHERE profile_id = ?"), {p->id});
    if (!q)
        return q.error();
    d.deletedCalls = q->value(0).toLongLong();
    return d;
}

Result<ProfileService::Deletion> ProfileService::remove(const QString& name) const
{
    QString username, secret;
    Changes changes;
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Deletion> {
        auto p = findLocked(tx, name);
        if (!p)
            return p.error();
        changes =
            Changes().withNumbers(p->numbers).withAllProfiles().withCompanyBalance().withActivity();
        noteLinked(m_ctx, *p, changes);
        auto d = deletionPreview(p->name);
        if (!d)
            return d;
        const Database& db = m_ctx.db;
        const Ledger ledger(m_ctx);
        if (d->returnedCredit.isPositive()) {
            if (auto t = ledger.transfer(tx, p->accountId, Ledger::CompanyAccount,
                                         d->returnedCredit, QStringLiteral("return"), p->name,
                                         tr("Credit of deleted SIP profile %1").arg(p->name));
                !t)
                return t.error();
        }
        const QList<std::pair<QString, QString>> steps = {
            {QStringLiteral("UPDATE numbers SET profile_id = NULL WHERE profile_id = ?"), {}},
            {QStringLiteral("UPDATE members SET status = 'active' WHERE id IN (SELECT member_id "
                            "FROM profile_links WHERE profile_id = ?)"),
             {}},
            {QStringLiteral("DELETE FROM profile_links WHERE profile_id = ?"), {}},
            {QStringLiteral("DELETE FROM calls WHERE profile_id = ?"), {}},
            // The bundles' history goes with the profile (a table of bundles/, which sits
            // above profiles/, named here so the profile's row can go).
            {QStringLiteral("DELETE FROM bundle_periods WHERE profile_id = ?"), {}},
            // Its trunk probes (core/net, above profiles/) likewise.
            {QStringLiteral("DELETE FROM profile_probes WHERE profile_id = ?"), {}},
            {QStringLiteral("UPDATE terms_acceptances SET profile_id = NULL WHERE profile_id = ?"),
             {}},
        };
        // The profile's numbers are no longer found by its name.
        QVariantList numberIds;
        {
            auto n = db.run(QStringLiteral("SELECT id FROM numbers WHERE profile_id = ?"), {p->id});
            if (!n)
                return n.error();
            while (n->next())
                numberIds << n->value(0);
        }
        // Its calls leave the calls' totals as they leave the table.
        if (auto f = CallSummaries::forgetProfileCalls(db, p->id); !f)
            return f.error();
        for (const auto& step : steps) {
            auto q = db.run(step.first, {p->id});
            if (!q)
                return q.error();
        }
        for (const QVariant& id : std::as_const(numberIds)) {
            if (auto k = SearchIndex::refreshNumbers(db, QStringLiteral("n.id = ?"), {id}); !k)
                return k.error();
        }
        auto s = db.runFirst(
            QStringLiteral("SELECT sip_username, secret FROM profiles WHERE id = ?"), {p->id});
        if (!s)
            return s.error();
        username = s->value(0).toString();
        secret = s->value(1).toString();
        s->finish();
        auto del = db.run(QStringLiteral("DELETE FROM profiles WHERE id = ?"), {p->id});
        if (!del)
            return del.error();
        if (auto a = ActivityLog(m_ctx).record(
                tx, ActivityEvent::profileDeleted(
                        p->name, d->returnedCredit, int(d->releasedNumbers.size()),
                        int(d->unlinkedAccounts.size()), d->deletedCalls));
            !a)
            return a.error();
        return d;
    });
    if (done && !username.isEmpty())
        SecretVault::remove(username, secret);
    if (done)
        m_ctx.announce(changes);
    return done;
}

Result<ProfileService::DueReport> ProfileService::processDue(Transaction& tx) const
{
    const Database& db = tx.db();
    const QDate today = m_ctx.now().toUTC().date();
    auto q =
        db.run(QStringLiteral("SELECT id, name, channels, channels_anchor, channels_periods, "
                              "channels_expires FROM profiles"
                              " WHERE channels_lapsed = 0 AND channels_expires <= ? ORDER BY id"),
               {today.toString(Qt::ISODate)});
    if (!q)
        return q.error();
    struct Due
    {
        qint64 id;
        QString name;
        int channels;
        QDate anchor;
        int periods;
        QDate expires;
    };
    QList<Due> due;
    while (q->next())
        due.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toInt(),
                    QDate::fromString(q->value(3).toString(), Qt::ISODate), q->value(4).toInt(),
                    QDate::fromString(q->value(5).toString(), Qt::ISODate)});
    q->finish();
    DueReport report;
    if (due.isEmpty())
        return report;
    const Ledger ledger(m_ctx);
    if (auto l = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !l)
        return l.error();
    const Money price = m_prices.channelPrice();
    for (Due d : std::as_const(due)) {
        const Money cost = price.times(d.channels).value_or(Money());
        bool lapsed = false;
        while (d.expires <= today) {
            auto company = ledger.balance(Ledger::CompanyAccount);
            if (!company)
                return company.error();
            if (*company < cost) {
                const QString text =
                    tr("The channels of %1 could not be renewed: the company balance (%2) cannot "
                       "pay %3. "
                       "Outgoing calls through it stop until the channels are paid.")
                        .arg(d.name, company->toString(), cost.display());
                report.messages << text;
                if (auto a = ActivityLog(m_ctx).record(
                        tx, ActivityEvent::profileChannelsLapsed(d.name, *company, cost));
                    !a)
                    return a.error();
                ++report.lapsed;
                lapsed = true;
                break;
            }
            if (auto t = ledger.transfer(
                    tx, Ledger::CompanyAccount, 0, cost, QStringLiteral("channels"), d.name,
                    tr("Renewal of %n channel(s) for %1", nullptr, d.channels).arg(d.name));
                !t)
                return t.error();
            report.spent += cost;
            ++d.periods;
            d.expires = d.anchor.addMonths(d.periods);
        }
        auto u = db.run(
            QStringLiteral("UPDATE profiles SET channels_periods = ?, channels_expires = ?, "
                           "channels_lapsed = ?,"
                           " channel_price_cents = ? WHERE id = ?"),
            {d.periods, d.expires.toString(Qt::ISODate), lapsed ? 1 : 0, price.cents(), d.id});
        if (!u)
            return u.error();
        if (!lapsed)
            ++report.renewed;
    }
    return report;
}

} // namespace sb
