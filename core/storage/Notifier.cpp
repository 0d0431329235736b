#include "core/storage/Notifier.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

namespace sb {

namespace {
template<typename T> void appendNew(QList<T>& to, const QList<T>& from)
{
    for (const T& v : from)
        if (!to.contains(v))
            to.append(v);
}
} // namespace

Changes& Changes::withMembers(const QList<qint64>& ids)
{
    appendNew(memberIds, ids);
    return *this;
}

Changes& Changes::withAllMembers()
{
    allMembers = true;
    return *this;
}

Changes& Changes::withNumbers(const QStringList& e164s)
{
    appendNew(numbers, e164s);
    return *this;
}

Changes& Changes::withAllNumbers()
{
    allNumbers = true;
    return *this;
}

Changes& Changes::withProfiles(const QList<qint64>& ids)
{
    appendNew(profileIds, ids);
    return *this;
}

Changes& Changes::withAllProfiles()
{
    allProfiles = true;
    return *this;
}

Changes& Changes::withCompanyBalance()
{
    companyBalance = true;
    return *this;
}

Changes& Changes::withActivity()
{
    activity = true;
    return *this;
}

Changes& Changes::withCalls()
{
    calls = true;
    return *this;
}

bool Changes::isEmpty() const
{
    return !anyMembers() && !anyNumbers() && !anyProfiles() && !companyBalance && !activity &&
           !calls;
}

Changes& Changes::operator+=(const Changes& other)
{
    appendNew(memberIds, other.memberIds);
    allMembers = allMembers || other.allMembers;
    appendNew(numbers, other.numbers);
    allNumbers = allNumbers || other.allNumbers;
    appendNew(profileIds, other.profileIds);
    allProfiles = allProfiles || other.allProfiles;
    companyBalance = companyBalance || other.companyBalance;
    activity = activity || other.activity;
    calls = calls || other.calls;
    return *this;
}

Changes Changes::everything()
{
    return Changes()
        .withAllMembers()
        .withAllNumbers()
        .withAllProfiles()
        .withCompanyBalance()
        .withActivity()
        .withCalls();
}

namespace {
const QLatin1String kMembers("members");
const QLatin1String kAllMembers("allMembers");
const QLatin1String kNumbers("numbers");
const QLatin1String kAllNumbers("allNumbers");
const QLatin1String kProfiles("profiles");
const QLatin1String kAllProfiles("allProfiles");
const QLatin1String kCompanyBalance("companyBalance");
const QLatin1String kActivity("activity");
const QLatin1String kCalls("calls");

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

// Ids travel as JSON numbers (doubles): exact up to 2^53, far beyond any row id.
bool readIds(const QJsonValue& v, QList<qint64>& out)
{
    if (v.isUndefined())
        return true;
    if (!v.isArray())
        return false;
    constexpr double kMaxExact = 9007199254740992.0;
    for (const QJsonValue& e : v.toArray()) {
        if (!e.isDouble())
            return false;
        const double d = e.toDouble();
        if (!(d >= 1 && d <= kMaxExact) || std::trunc(d) != d)
            return false;
        const auto id = static_cast<qint64>(d);
        if (!out.contains(id))
            out.append(id);
    }
    return true;
}

bool readFlag(const QJsonObject& o, QLatin1String key, bool& out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isBool())
        return false;
    out = v.toBool();
    return true;
}
} // namespace

QJsonObject Changes::toJson() const
{
    QJsonObject o;
    if (!memberIds.isEmpty())
        o.insert(kMembers, idArray(memberIds));
    if (allMembers)
        o.insert(kAllMembers, true);
    if (!numbers.isEmpty())
        o.insert(kNumbers, QJsonArray::fromStringList(numbers));
    if (allNumbers)
        o.insert(kAllNumbers, true);
    if (!profileIds.isEmpty())
        o.insert(kProfiles, idArray(profileIds));
    if (allProfiles)
        o.insert(kAllProfiles, true);
    if (companyBalance)
        o.insert(kCompanyBalance, true);
    if (activity)
        o.insert(kActivity, true);
    if (calls)
        o.insert(kCalls, true);
    return o;
}

std::optional<Changes> Changes::fromJson(const QJsonObject& o)
{
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{1,14}\\z"));
    Changes c;
    if (!readIds(o.value(kMembers), c.memberIds) || !readIds(o.value(kProfiles), c.profileIds))
        return std::nullopt;
    if (const QJsonValue v = o.value(kNumbers); !v.isUndefined()) {
        if (!v.isArray())
            return std::nullopt;
        for (const QJsonValue& e : v.toArray()) {
            if (!e.isString() || !e164.match(e.toString()).hasMatch())
                return std::nullopt;
            if (!c.numbers.contains(e.toString()))
                c.numbers.append(e.toString());
        }
    }
    if (!readFlag(o, kAllMembers, c.allMembers) || !readFlag(o, kAllNumbers, c.allNumbers) ||
        !readFlag(o, kAllProfiles, c.allProfiles) ||
        !readFlag(o, kCompanyBalance, c.companyBalance) || !readFlag(o, kActivity, c.activity) ||
        !readFlag(o, kCalls, c.calls))
        return std::nullopt;
    return c;
}

Notifier::Notifier(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<sb::Changes>();
}

void Notifier::announce(const Changes& changes)
{
    if (!changes.isEmpty())
        emit changed(changes);
}

} // namespace sb
