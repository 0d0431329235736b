#pragma once

#include <QString>

namespace sb {

/// Who holds a number: a member (by account name) or a SIP profile (by name).
struct NumberHolder
{
    enum class Kind
    {
        None,
        Member,
        Profile
    };
    Kind kind = Kind::None;
    QString name;

    static NumberHolder member(const QString& account) { return {Kind::Member, account}; }
    static NumberHolder profile(const QString& name) { return {Kind::Profile, name}; }
    bool isNone() const { return kind == Kind::None; }
    bool operator==(const NumberHolder&) const = default;
};

} // namespace sb
