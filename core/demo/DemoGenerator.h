#pragma once

#include "core/base/Error.h"
#include "core/storage/Context.h"
#include <QCoreApplication>

#include <functional>

namespace sb {

/// Fills a database with realistic generated members (names from the five languages'
/// staff, departments), a company top-up, allocated credit and some auto-recharges.
/// Reproducible from its seed.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(sb::DemoGenerator)

public:
    explicit DemoGenerator(const Context& ctx) : m_ctx(ctx) {}

    struct Options
    {
        int members = 200;
        quint32 seed = 1;
    };
    struct Summary
    {
        int members = 0;
        int autoRecharges = 0;
        qint64 creditAllocatedCents = 0;
    };
    /// Reports (done, total); returning false cancels and writes nothing.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    Result<Summary> generate(const Options& options, const Progress& progress = {}) const;

private:
    const Context& m_ctx;
};

} // namespace sb
