#include "core/reports/ErlangB.h"

#include <cmath>

namespace sb {

double ErlangB::blocking(double erlangs, int channels)
{
    if (!std::isfinite(erlangs) || erlangs < 0 || channels < 0)
        return 0;
    double b = 1;
    for (int n = 1; n <= channels; ++n)
        b = erlangs * b / (n + erlangs * b);
    return b;
}

int ErlangB::channelsFor(double erlangs, double blocking)
{
    if (!std::isfinite(erlangs) || erlangs <= 0)
        return 0;
    if (!(blocking > 0 && blocking < 1))
        blocking = DefaultBlocking;
    // The same recurrence, stopped at the first N that meets the target.
    double b = 1;
    for (int n = 1; n <= MaxChannels; ++n) {
        b = erlangs * b / (n + erlangs * b);
        if (b <= blocking)
            return n;
    }
    return MaxChannels;
}

} // namespace sb
