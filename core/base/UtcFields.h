#pragma once

#include <QtGlobal>

namespace sb {

/// The calendar fields of a UTC instant, computed without QDateTime: imports and the demo
/// format millions of times, and QDateTime's general code would be most of their work.
struct UtcFields
{
    qint64 year = 1970;
    unsigned month = 1, day = 1, hour = 0, minute = 0, second = 0;

    /// Seconds since 1970-01-01T00:00:00Z, before it too (Howard Hinnant's civil_from_days).
    static constexpr UtcFields fromSecsSinceEpoch(qint64 secs)
    {
        qint64 days = secs / 86400;
        qint64 rem = secs % 86400;
        if (rem < 0) {
            rem += 86400;
            --days;
        }
        days += 719468;
        const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
        const unsigned doe = unsigned(days - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        UtcFields f;
        f.day = doy - (153 * mp + 2) / 5 + 1;
        f.month = mp < 10 ? mp + 3 : mp - 9;
        f.year = qint64(yoe) + era * 400 + (f.month <= 2);
        f.hour = unsigned(rem / 3600);
        f.minute = unsigned(rem / 60 % 60);
        f.second = unsigned(rem % 60);
        return f;
    }

    /// Writes "YYYY-MM-DD?HH:MM:SS" (19 characters, `separator` between date and time) to
    /// `out`; only for years 1000–9999, which the caller checks.
    template<typename Char> constexpr void write(Char* out, Char separator) const
    {
        const auto two = [&](int at, unsigned v) {
            out[at] = Char('0' + v / 10);
            out[at + 1] = Char('0' + v % 10);
        };
        two(0, unsigned(year / 100));
        two(2, unsigned(year % 100));
        out[4] = Char('-');
        two(5, month);
        out[7] = Char('-');
        two(8, day);
        out[10] = separator;
        two(11, hour);
        out[13] = Char(':');
        two(14, minute);
        out[16] = Char(':');
        two(17, second);
    }
};

static_assert(UtcFields::fromSecsSinceEpoch(0).year == 1970);
static_assert(UtcFields::fromSecsSinceEpoch(951782400).month == 2); // 2000-02-29
static_assert(UtcFields::fromSecsSinceEpoch(951782400).day == 29);
static_assert(UtcFields::fromSecsSinceEpoch(-1).year == 1969);

} // namespace sb
