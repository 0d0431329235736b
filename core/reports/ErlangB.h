#pragma once

namespace sb {

/// Erlang B: the chance that a call finds every channel busy, for traffic offered to a
/// group of channels with blocked calls lost (a SIP trunk that answers "busy" when full).
///
/// Traffic is in erlangs: channel-hours of calls in an hour (3600 busy seconds = 1 erlang).
class ErlangB
{
public:
    /// The blocking target advice uses: 1% of calls in the busiest hour find no channel.
    static constexpr double DefaultBlocking = 0.01;
    /// channelsFor() gives up above this many channels (far beyond what a profile may have).
    static constexpr int MaxChannels = 100000;

    /// B(E, N) by the stable recurrence B(E, 0) = 1, B(E, n) = E·B / (n + E·B): no factorials
    /// or powers, so it neither overflows nor loses precision for large E or N. 0 for negative
    /// or non-finite arguments.
    static double blocking(double erlangs, int channels);

    /// The fewest channels N with B(erlangs, N) <= `blocking`. No traffic (0 erlangs, or a
    /// negative or non-finite value) needs 0 channels; any traffic needs at least 1.
    /// A `blocking` outside (0, 1) is taken as DefaultBlocking.
    static int channelsFor(double erlangs, double blocking = DefaultBlocking);
};

} // namespace sb
