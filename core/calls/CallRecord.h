#pragma once

#include <QDateTime>
#include <QString>

namespace sb {

/// One call as the PBX logged it in its call detail records (CDR), before rating.
struct CallRecord
{
    QString accountCode; ///< names the member account or SIP profile that pays
    QString source;      ///< the caller's number (Asterisk src, FreeSWITCH caller_id_number)
    QString destination; ///< the number dialled
    QDateTime start;     ///< UTC
    QDateTime answer;    ///< UTC; invalid (null) when the call was not answered
    QDateTime end;       ///< UTC
    qint64 duration = 0; ///< seconds from start to end
    qint64 billsec = 0;  ///< seconds from answer to end: what is billed
    QString disposition; ///< as logged: ANSWERED, NO ANSWER, BUSY, NORMAL_CLEARING, …
    /// The PBX's own id of the call (Asterisk uniqueid, FreeSWITCH uuid), or, when it logs
    /// none, a hash of the record's fields, so re-importing the same line finds the same id.
    QString uniqueId;
    bool uniqueIdIsHash = false;
    qint64 line = 0; ///< 1-based line of the file where the record starts

    bool answered() const { return answer.isValid(); }
    bool operator==(const CallRecord&) const = default;
};

} // namespace sb
