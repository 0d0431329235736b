#pragma once

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
    int offset = 0;
    int limit = 256;
};

} // namespace sb
