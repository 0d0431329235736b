#pragma once

#include "core/storage/Keyset.h"

#include <QDate>
#include <QString>
#include <QTimeZone>

namespace sb {

/// A window onto the call history, filtered and ordered in SQL (CallHistory).
///
/// The payer filters name a SIP profile or a member account (case-insensitively); only calls
/// that payer paid match, so a member linked to a profile keeps its own calls. The department
/// is the payer's: a member's or a profile's. Dates are whole days in `zone` — the admin's
/// days, not UTC ones — both ends included.
struct CallQuery
{
    enum class Sort
    {
        Time,
        Payer,
        Source,
        Destination,
        Duration,
        BilledMinutes,
        BundleMinutes,
        Price,
        Status
    };

    QString profile;    ///< SIP profile name, or empty for any payer
    QString member;     ///< member account, or empty for any payer
    QString department; ///< the payer's department, or empty for any
    QDate from;         ///< first day, or null for no lower bound
    QDate to;           ///< last day (included), or null for no upper bound
    QTimeZone zone;     ///< of `from` and `to`; invalid = the system's time zone
    /// A number or part of one: digits are matched anywhere in the source, the destination
    /// as dialled and its E.164 form ("+1 (212) 555" finds "12125550100"); anything else is
    /// matched as text against the source and the destination.
    QString search;
    Sort sort = Sort::Time;
    bool ascending = false; ///< newest first by default
    /// The page starts after this row (CallHistory::seekKey of the last row read).
    SeekKey after;
    int limit = 200;
};

} // namespace sb
