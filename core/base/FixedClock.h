#pragma once

#include "core/base/Clock.h"

namespace sb {

/// A clock that says what it is told; settable and advanceable for tests.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(const QDateTime& at) : m_at(at.toUTC()) {}
    QDateTime now() const override { return m_at; }
    void set(const QDateTime& at) { m_at = at.toUTC(); }
    void advanceSecs(qint64 secs) { m_at = m_at.addSecs(secs); }

private:
    QDateTime m_at;
};

} // namespace sb
