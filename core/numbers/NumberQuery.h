#pragma once

#include "core/numbers/NumberHolder.h"
#include "core/storage/Keyset.h"

#include <QString>

namespace sb {

/// A window onto the numbers table, filtered and ordered in SQL.
struct NumberQuery
{
    enum class Sort
    {
        Number,
        Country,
        Holder,
        Expires,
        Status
    };
    enum class Status
    {
        Any,
        Active,
        Cancelled,
        Released
    };
    QString search;  ///< substring of the number or the holder's name
    QString country; ///< ISO code or empty for all
    NumberHolder::Kind holderKind = NumberHolder::Kind::None; ///< None = any holder
    Status status = Status::Any;
    Sort sort = Sort::Number;
    bool ascending = true;
    /// The page starts after this row (NumberService::seekKey of the last row read).
    SeekKey after;
    int limit = 256;
};

} // namespace sb
