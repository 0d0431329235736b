#pragma once

#include "core/storage/Keyset.h"

#include <QString>

namespace sb {

/// A window onto the members table: filter, order and page, all done in SQL.
struct MemberQuery
{
    enum class Sort
    {
        Account,
        Name,
        Email,
        Department,
        Balance,
        Status
    };
    QString search; ///< case-insensitive substring of account, name, e-mail or department
    Sort sort = Sort::Name;
    bool ascending = true;
    /// The page starts after this row (MemberService::seekKey of the last row read).
    SeekKey after;
    int limit = 256;
};

} // namespace sb
