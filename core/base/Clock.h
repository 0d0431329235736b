#pragma once

#include <QDateTime>

namespace sb {

/// The one source of "now". Production uses SystemClock; tests and `--now` use FixedClock.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Current time in UTC.
    virtual QDateTime now() const = 0;
};

} // namespace sb
