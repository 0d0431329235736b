#pragma once

#include "core/base/Clock.h"

namespace sb {

/// Reads the operating system's time: the only place in the program that does.
class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

} // namespace sb
