#include "core/storage/Notifier.h"

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
