#include "core/books/ActivityLog.h"

#include "core/storage/Keyset.h"

#include "core/base/DisplayFormat.h"
#include "core/base/Money.h"
#include "core/base/SearchText.h"
#include "core/base/UserText.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/Transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace sb {

namespace {

namespace V = ActivityValue;

// What search matches: the subject, the kind key, the actor and every text value (accounts,
// SIP profiles, numbers, references, ISO dates), folded (SearchText, the same on both engines).
QString searchKey(const QString& key, const QString& actor, const ActivityEvent& event)
{
    QStringList texts;
    for (auto it = event.values.cbegin(); it != event.values.cend(); ++it) {
        if (it->typeId() == QMetaType::QString)
            texts << it->toString();
    }
    return SearchIndex::activityKey(event.subject, key, actor, texts);
}

QString toJson(const QVariantMap& values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(values)).toJson(QJsonDocument::Compact));
}

QVariantMap fromJson(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object().toVariantMap();
}

} // namespace

Result<void> ActivityLog::record(Transaction& tx, const ActivityEvent& event) const
{
    const QString key = activityKindKey(event.kind);
    auto q = tx.db().run(
        QStringLiteral("INSERT INTO activity (at, actor, action, subject, details, search_key,"
                       " event_values) VALUES (?, ?, ?, ?, '', ?, ?)"),
        {m_ctx.nowText(), Database::text(m_ctx.actor), Database::text(key),
         Database::text(event.subject), Database::text(searchKey(key, m_ctx.actor, event)),
         toJson(event.values)});
    if (!q)
        return q.error();
    return {};
}

Result<QList<ActivityEntry>> ActivityLog::page(int limit, const QString& search,
                                               qint64 olderThan) const
{
    if (auto tooLong = UserText::checkSearch(search); !tooLong)
        return tooLong.error();
    QString where;
    QVariantList binds;
    if (!search.trimmed().isEmpty()) {
        where +=
            QStringLiteral(" WHERE ") + SearchIndex::predicate(m_ctx.db, QStringLiteral("activity"),
                                                               QStringLiteral("activity"),
                                                               {SearchText::fold(search.trimmed())},
                                                               &binds, SearchIndex::Use::Page);
        // The kinds whose name in the reader's language matches, by their stored keys.
        const QList<ActivityKind> kinds = kindsNamed(search);
        if (!kinds.isEmpty()) {
            QStringList marks;
            for (ActivityKind k : kinds) {
                marks << QStringLiteral("?");
                binds << activityKindKey(k);
            }
            where += QStringLiteral(" OR action IN (%1)").arg(marks.join(QStringLiteral(", ")));
        }
    }
    // The log has one order, by id: the seek is a range on the primary key.
    if (olderThan > 0) {
        where = Keyset::where(where, QStringLiteral("id < ?"));
        binds << olderThan;
    }
    const QString sql =
        QStringLiteral("SELECT id, at, actor, action, subject, event_values FROM activity") +
        where + QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << limit;
    auto q = m_ctx.db.run(sql, binds);
    if (!q)
        return q.error();
    QList<ActivityEntry> out;
    while (q->next()) {
        ActivityEntry e;
        e.id = q->value(0).toLongLong();
        e.at = QDateTime::fromString(q->value(1).toString(), Qt::ISODate);
        e.actor = q->value(2).toString();
        e.key = q->value(3).toString();
        e.kind = activityKindFromKey(e.key);
        e.subject = q->value(4).toString();
        e.values = fromJson(q->value(5).toString());
        out.append(e);
    }
    return out;
}

Result<qint64> ActivityLog::count() const
{
    auto q = m_ctx.db.runFirst(QStringLiteral("SELECT COUNT(*) FROM activity"));
    if (!q)
        return q.error();
    return q->value(0).toLongLong();
}

QString ActivityLog::describe(const ActivityEntry& entry)
{
    const QVariantMap& v = entry.values;
    // A line written before events had values keeps its English sentence.
    if (v.contains(V::Text))
        return v.value(V::Text).toString();
    const auto text = [&](QLatin1String name) { return v.value(name).toString(); };
    const auto count = [&](QLatin1String name) { return v.value(name).toInt(); };
    const auto number = [&](QLatin1String name) {
        return QString::number(v.value(name).toLongLong());
    };
    const auto money = [&](QLatin1String name) {
        return Money::fromCents(v.value(name).toLongLong()).display();
    };
    const auto date = [&](QLatin1String name) {
        return displayDate(QDate::fromString(text(name), Qt::ISODate));
    };
    switch (entry.kind) {
    case ActivityKind::CompanyTopUp:
        return v.contains(V::Reference)
                   ? tr("Top-up of %1, reference %2").arg(money(V::AmountCents), text(V::Reference))
                   : tr("Top-up of %1").arg(money(V::AmountCents));
    case ActivityKind::MemberAdded:
        return tr("Added member %1 (%2)").arg(text(V::Name), text(V::Account));
    case ActivityKind::MembersImported:
        return tr("Imported %n member(s)", nullptr, count(V::Count));
    case ActivityKind::CreditAllocated:
        return tr("Allocated %1 to %2; new balance %3")
            .arg(money(V::AmountCents), text(V::Account), money(V::BalanceCents));
    case ActivityKind::AutoRechargeSet:
        return tr("Auto-recharge for %1: %2 when the balance is below %3, at most %4 a month")
            .arg(text(V::Account), money(V::AmountCents), money(V::ThresholdCents),
                 money(V::LimitCents));
    case ActivityKind::AutoRechargeOff:
        return tr("Auto-recharge turned off for %1").arg(text(V::Account));
    case ActivityKind::AutoRecharged:
        return tr("Recharged %1 with %2; new balance %3")
            .arg(text(V::Account), money(V::AmountCents), money(V::BalanceCents));
    case ActivityKind::AutoRechargeFailed:
        return tr("The company balance (%1) cannot pay the auto-recharge of %2 for %3.")
            .arg(money(V::CompanyBalanceCents), money(V::AmountCents), text(V::Account));
    case ActivityKind::AutoRechargeSuspended:
        return tr("The monthly recharge limit of %1 for %2 is reached; auto-recharge is "
                  "suspended until %3.")
            .arg(money(V::LimitCents), text(V::Account), date(V::Date));
    case ActivityKind::AutoRechargeResumed:
        return tr("Auto-recharge of %1 resumed for the new month").arg(text(V::Account));
    case ActivityKind::DemoGenerated:
        return tr("Generated %n demo member(s)", nullptr, count(V::Count));
    case ActivityKind::NumberBought:
        return tr("Bought %1 for %2 (%n month(s), %3); renews on %4", nullptr, count(V::Months))
            .arg(text(V::Number), text(V::Holder), money(V::PriceCents), date(V::Date));
    case ActivityKind::NumberAssigned:
        return v.contains(V::PreviousHolder)
                   ? tr("Reassigned %1 from %2 to %3")
                         .arg(text(V::Number), text(V::PreviousHolder), text(V::Holder))
                   : tr("Assigned %1 from the company's pool to %2")
                         .arg(text(V::Number), text(V::Holder));
    case ActivityKind::NumberCancelled:
        return tr("Cancelled %1; usable until %2, then released, no refund")
            .arg(text(V::Number), date(V::Date));
    case ActivityKind::NumberReleased:
        return tr("%1 was cancelled; its period ended on %2 and it returned to the pool")
            .arg(text(V::Number), date(V::Date));
    case ActivityKind::NumberExpired:
        return tr("%1 could not be renewed: the company balance (%2) cannot pay %3. It expired "
                  "and returned to the pool.")
            .arg(text(V::Number), money(V::CompanyBalanceCents), money(V::PriceCents));
    case ActivityKind::NumberRenewed:
        return tr("Renewed %1 for %2; next renewal on %3")
            .arg(text(V::Number), money(V::PriceCents), date(V::Date));
    case ActivityKind::ProfileCreated: {
        const QString how =
            text(V::Auth) == QLatin1String("ip")
                ? tr("IP authentication from %1:%2").arg(text(V::Ip), number(V::Port))
                : tr("registration as %1").arg(text(V::Username));
        return tr("Created SIP profile %1 (%2) with %n channel(s), paid %3", nullptr,
                  count(V::Channels))
            .arg(text(V::Profile), how, money(V::AmountCents));
    }
    case ActivityKind::ProfileRenamed:
        return tr("Renamed SIP profile %1 to %2").arg(text(V::OldName), text(V::Profile));
    case ActivityKind::ProfileChannelsChanged:
        // Entries from before the credit for unused days have no refund value.
        if (v.value(V::RefundCents).toLongLong() > 0)
            return tr("Changed %1 from %2 to %3 channels; credited %4 for the unused days, paid "
                      "%5 until %6")
                .arg(text(V::Profile), number(V::OldChannels), number(V::Channels),
                     money(V::RefundCents), money(V::AmountCents), date(V::Date));
        return tr("Changed %1 from %2 to %3 channels; paid %4 until %5")
            .arg(text(V::Profile), number(V::OldChannels), number(V::Channels),
                 money(V::AmountCents), date(V::Date));
    case ActivityKind::ProfileCreditAllocated:
        return tr("Allocated %1 to SIP profile %2; new balance %3")
            .arg(money(V::AmountCents), text(V::Profile), money(V::BalanceCents));
    case ActivityKind::ProfileLinked:
        return v.contains(V::Extension)
                   ? tr("Linked %1 to SIP profile %2 at extension %3; sign-in disabled")
                         .arg(text(V::Account), text(V::Profile), text(V::Extension))
                   : tr("Linked %1 to SIP profile %2; sign-in disabled")
                         .arg(text(V::Account), text(V::Profile));
    case ActivityKind::ProfileUnlinked:
        return tr("Unlinked %1 from SIP profile %2; sign-in restored")
            .arg(text(V::Account), text(V::Profile));
    case ActivityKind::ProfileDeleted:
        return tr("Deleted SIP profile %1. Returned to the company: %2; numbers back in the "
                  "pool: %3; accounts unlinked: %4; call records deleted: %5")
            .arg(text(V::Profile), money(V::AmountCents), number(V::Numbers), number(V::Accounts),
                 number(V::Calls));
    case ActivityKind::ProfileChannelsLapsed:
        return tr("The channels of %1 could not be renewed: the company balance (%2) cannot pay "
                  "%3. Outgoing calls through it stop until the channels are paid.")
            .arg(text(V::Profile), money(V::CompanyBalanceCents), money(V::AmountCents));
    case ActivityKind::CallsImported:
        return tr("Imported %n call record(s) from %1 and charged %2; duplicates skipped: %3; "
                  "lines not imported: %4",
                  nullptr, count(V::Calls))
            .arg(text(V::File), money(V::AmountCents), number(V::Duplicates), number(V::Problems));
    case ActivityKind::PricesImported:
        return tr("Imported the price list %1 in place of the one in force: number prices for "
                  "%2 countries, %3 per-minute rates")
            .arg(text(V::File), number(V::Countries), number(V::Rates));
    case ActivityKind::BundlesAdded:
        return tr("Added %n US minute bundle(s) to %1; paid %2 until %3", nullptr, count(V::Count))
            .arg(text(V::Profile), money(V::AmountCents), date(V::Date));
    case ActivityKind::BundlesChanged:
        return tr("Changed the US minute bundles of %1 from %2 to %3; refunded %4 for unused "
                  "minutes, paid %5 until %6")
            .arg(text(V::Profile), number(V::OldCount), number(V::Count), money(V::RefundCents),
                 money(V::AmountCents), date(V::Date));
    case ActivityKind::BundlesCancelled:
        return tr("Cancelled %n US minute bundle(s) of %1; usable until %2", nullptr,
                  count(V::Count))
            .arg(text(V::Profile), date(V::Date));
    case ActivityKind::BundlesExtended:
        return tr("Extended %n US minute bundle(s) of %1 by a month; paid %2, next payment %3",
                  nullptr, count(V::Count))
            .arg(text(V::Profile), money(V::AmountCents), date(V::Date));
    case ActivityKind::BundlesRenewed:
        return tr("Renewed %n US minute bundle(s) of %1; paid %2 until %3", nullptr,
                  count(V::Count))
            .arg(text(V::Profile), money(V::AmountCents), date(V::Date));
    case ActivityKind::BundlesLapsed:
        return tr("The %n US minute bundle(s) of %1 lapsed: its balance (%2) cannot pay the "
                  "renewal (%3)",
                  nullptr, count(V::Count))
            .arg(text(V::Profile), money(V::BalanceCents), money(V::AmountCents));
    case ActivityKind::MemberCountryChanged:
        return tr("Changed the country of %1 from %2 to %3")
            .arg(text(V::Account), text(V::OldCountry), text(V::Country));
    case ActivityKind::ProfileCountryChanged:
        return tr("Changed the country of SIP profile %1 from %2 to %3")
            .arg(text(V::Profile), text(V::OldCountry), text(V::Country));
    case ActivityKind::MailServerChanged:
        return v.contains(V::User)
                   ? tr("Mail server set to %1, port %2 (%3), sender %4, login as %5")
                         .arg(text(V::Host), number(V::Port), text(V::Security), text(V::From),
                              text(V::User))
                   : tr("Mail server set to %1, port %2 (%3), sender %4, without login")
                         .arg(text(V::Host), number(V::Port), text(V::Security), text(V::From));
    case ActivityKind::MailServerRemoved:
        return tr("Mail server %1 removed").arg(text(V::Host));
    case ActivityKind::CredentialsSent:
        return tr("Sent the credentials of SIP profile %1 to %2")
            .arg(text(V::Profile), text(V::Address));
    case ActivityKind::MemberCharged:
    case ActivityKind::Unknown:
        break;
    }
    // No sentence for this kind: its name and what it concerned.
    return entry.subject.isEmpty() ? kindName(entry)
                                   : QStringLiteral("%1: %2").arg(kindName(entry), entry.subject);
}

QString ActivityLog::kindName(ActivityKind kind)
{
    switch (kind) {
    case ActivityKind::CompanyTopUp:
        return tr("Company top-up");
    case ActivityKind::MemberAdded:
        return tr("Member added");
    case ActivityKind::MembersImported:
        return tr("Members imported");
    case ActivityKind::CreditAllocated:
        return tr("Credit allocated");
    case ActivityKind::MemberCharged:
        return tr("Member charged");
    case ActivityKind::AutoRechargeSet:
        return tr("Auto-recharge enabled");
    case ActivityKind::AutoRechargeOff:
        return tr("Auto-recharge turned off");
    case ActivityKind::AutoRecharged:
        return tr("Auto-recharge");
    case ActivityKind::AutoRechargeFailed:
        return tr("Auto-recharge not paid");
    case ActivityKind::AutoRechargeSuspended:
        return tr("Auto-recharge suspended");
    case ActivityKind::AutoRechargeResumed:
        return tr("Auto-recharge resumed");
    case ActivityKind::DemoGenerated:
        return tr("Demo data generated");
    case ActivityKind::NumberBought:
        return tr("Bought a number");
    case ActivityKind::NumberAssigned:
        return tr("Number assigned");
    case ActivityKind::NumberCancelled:
        return tr("Number cancelled");
    case ActivityKind::NumberReleased:
        return tr("Number released");
    case ActivityKind::NumberExpired:
        return tr("Number expired");
    case ActivityKind::NumberRenewed:
        return tr("Number renewed");
    case ActivityKind::ProfileCreated:
        return tr("SIP profile created");
    case ActivityKind::ProfileRenamed:
        return tr("SIP profile renamed");
    case ActivityKind::ProfileChannelsChanged:
        return tr("Channels changed");
    case ActivityKind::ProfileCreditAllocated:
        return tr("Credit allocated to a SIP profile");
    case ActivityKind::ProfileLinked:
        return tr("Account linked");
    case ActivityKind::ProfileUnlinked:
        return tr("Account unlinked");
    case ActivityKind::ProfileDeleted:
        return tr("SIP profile deleted");
    case ActivityKind::ProfileChannelsLapsed:
        return tr("Channels not renewed");
    case ActivityKind::CallsImported:
        return tr("Call records imported");
    case ActivityKind::PricesImported:
        return tr("Price list imported");
    case ActivityKind::BundlesAdded:
        return tr("Bundles added");
    case ActivityKind::BundlesChanged:
        return tr("Bundles changed");
    case ActivityKind::BundlesCancelled:
        return tr("Bundles cancelled");
    case ActivityKind::BundlesExtended:
        return tr("Bundles extended");
    case ActivityKind::BundlesRenewed:
        return tr("Bundles renewed");
    case ActivityKind::BundlesLapsed:
        return tr("Bundles lapsed");
    case ActivityKind::MemberCountryChanged:
        return tr("Member's country changed");
    case ActivityKind::ProfileCountryChanged:
        return tr("SIP profile's country changed");
    case ActivityKind::MailServerChanged:
        return tr("Mail server set");
    case ActivityKind::MailServerRemoved:
        return tr("Mail server removed");
    case ActivityKind::CredentialsSent:
        return tr("Credentials sent");
    case ActivityKind::Unknown:
        break;
    }
    return {};
}

QString ActivityLog::kindName(const ActivityEntry& entry)
{
    return entry.kind == ActivityKind::Unknown ? entry.key : kindName(entry.kind);
}

QList<ActivityKind> ActivityLog::kindsNamed(const QString& search)
{
    const QString needle = SearchText::fold(search.trimmed());
    QList<ActivityKind> out;
    if (needle.isEmpty())
        return out;
    for (ActivityKind k : activityKinds()) {
        if (SearchText::fold(kindName(k)).contains(needle))
            out.append(k);
    }
    return out;
}

} // namespace sb
