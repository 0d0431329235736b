#pragma once

#include <QList>
#include <QString>

namespace sb {

/// What an import did, or would do on a dry run: every problem with its line.
struct ImportReport
{
    struct Problem
    {
        int line = 0;
        QString reason;
    };
    int added = 0; ///< members written (0 on a dry run or when anything was rejected)
    int valid = 0; ///< rows that would be added
    QList<Problem> rejected;
    bool dryRun = false;
};

} // namespace sb
