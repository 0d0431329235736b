#pragma once

#include "core/base/Money.h"

#include <QString>
#include <QStringList>

namespace sb {

/// What AdviceService advises a SIP profile: the channels its busiest hour needs and the US
/// minute bundles that would have cost least. Plain values, for the CLI, the dialogs, the
/// dashboard and the statement.
struct ProfileAdvice
{
    /// Channels against the busiest hour of its calls (Erlang B at 1% blocking).
    struct Channels
    {
        int have = 0;
        /// ErlangB::channelsFor(busyHourErlangs, 1%); 0 while there are no calls.
        int need = 0;
        /// Seconds of calls in the busiest hour / 3600.
        double busyHourErlangs = 0;
        qint64 busyHourSeconds = 0;
        /// That hour, UTC, as `call_hours` holds it ("2026-11-27T09"); empty: no calls yet.
        QString busiestHour;

        bool known() const { return !busiestHour.isEmpty(); }
    };

    /// US minute bundles against the US minutes of the last full months with calls.
    struct Bundles
    {
        int have = 0;            ///< in force today (BundleSummary::count)
        int best = 0;            ///< 0..channels; the fewest among equally cheap counts
        Money monthlySaving;     ///< average cost with `have` − with `best`; never negative
        Money averageNow;        ///< average monthly cost of the months with `have` bundles
        Money averageBest;       ///< the same with `best`
        QStringList months;      ///< the months used ("2026-01"), oldest first; empty: no advice
        QList<qint64> usMinutes; ///< US minutes of each of `months`

        /// False when the profile has no call records of a full month yet.
        bool known() const { return !months.isEmpty(); }
    };

    qint64 profileId = 0;
    QString name;
    Channels channels;
    Bundles bundles;
};

} // namespace sb
