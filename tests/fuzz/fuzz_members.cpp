// Member import (MemberService::importCsvText) on an in-memory SQLite database. Any text is
// a report, never a crash. A dry run and a real import agree; an import is all or nothing
// (anything rejected: no member written; otherwise exactly the valid rows), and every
// member written passes the same validation a single `member add` does.

#include "core/base/FixedClock.h"
#include "core/members/MemberService.h"
#include "core/storage/Context.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QDateTime>

namespace {
sb::Context& freshContext()
{
    static sb::FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC));
    auto db = sb::Database::open(QStringLiteral(":memory:"));
    if (!db)
        sb::fuzz::broken("an in-memory database opens", db.error().message);
    // Never destroyed: at exit Qt's SQL registry may be gone before a static Context.
    return *new sb::Context{*db, &clock, QStringLiteral("fuzz"), nullptr};
}

qint64 memberCount(const sb::Context& ctx)
{
    auto n = sb::MemberService(ctx).count();
    SB_FUZZ_CHECK(n, n ? QString() : n.error().message);
    return *n;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    sb::fuzz::startQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // One database for the dry runs (they write nothing); a fresh one for each real import.
    static sb::Context& dry = freshContext();
    const QString text = sb::fuzz::text(data, size);
    const auto report = sb::MemberService(dry).importCsvText(text, true);
    SB_FUZZ_CHECK(report, report ? QString() : report.error().message);
    SB_FUZZ_CHECK(report->added == 0 && report->dryRun, text);
    SB_FUZZ_CHECK(memberCount(dry) == 0, text);
    for (const auto& p : report->rejected)
        SB_FUZZ_CHECK(p.line >= 1 && !p.reason.isEmpty(), p.reason);
    if (report->valid == 0 || !report->rejected.isEmpty())
        return 0;

    // The last one stays alive until exit (see freshContext).
    static sb::Context* real = nullptr;
    delete real;
    real = &freshContext();
    const auto imported = sb::MemberService(*real).importCsvText(text, false);
    SB_FUZZ_CHECK(imported, imported ? QString() : imported.error().message);
    SB_FUZZ_CHECK(imported->rejected.isEmpty() && imported->valid == report->valid &&
                      imported->added == report->valid,
                  text);
    SB_FUZZ_CHECK(memberCount(*real) == imported->added, text);
    sb::MemberQuery query;
    query.limit = 1000;
    const auto members = sb::MemberService(*real).page(query);
    SB_FUZZ_CHECK(members, members ? QString() : members.error().message);
    for (const sb::Member& m : *members) {
        const sb::NewMember again{m.account, m.name, m.email, m.department, m.country};
        const auto valid = sb::MemberService::validate(again);
        SB_FUZZ_CHECK(valid, m.account + QStringLiteral(": ") +
                                 (valid ? QString() : valid.error().message));
    }
    // A second import of the same file adds nobody: every account now exists.
    const auto twice = sb::MemberService(*real).importCsvText(text, false);
    SB_FUZZ_CHECK(twice && twice->added == 0, text);
    SB_FUZZ_CHECK(memberCount(*real) == imported->added, text);
    return 0;
}
