#include "core/base/SystemClock.h"

namespace sb {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace sb
