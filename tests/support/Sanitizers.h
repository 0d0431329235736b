#pragma once

namespace sbt {

/// Whether the process's resident memory tells what the code under test keeps: not under
/// AddressSanitizer, where freed blocks wait in a quarantine (256 MiB) and each allocation has
/// red zones and shadow memory. Memory bounds are asserted only when it does; the behaviour
/// around them (streaming, cancel) is tested either way.
inline constexpr bool residentMemoryMeaningful()
{
#if defined(__SANITIZE_ADDRESS__)
    return false;
#else
    return true;
#endif
}

} // namespace sbt
