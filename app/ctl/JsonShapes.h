#pragma once

#include "core/bundles/BundleSummary.h"
#include "core/members/Member.h"
#include "core/numbers/NumberHolder.h"
#include "core/numbers/NumberRecord.h"
#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QJsonObject>
#include <QJsonValue>

namespace sb::ctl {

/// The JSON of the contract's <member>, number and <profile> (docs/CLI.md), in one place:
/// every command that prints one of them prints the same shape.
class JsonShapes
{
public:
    static QJsonObject member(const Member& m);
    /// null, {"member": ACCOUNT} or {"profile": NAME}.
    static QJsonValue holder(const NumberHolder& h);
    static QJsonObject number(const NumberRecord& n);
    /// With its US minute bundles and monthly cost, read through `ctx`.
    static QJsonObject profile(const SipProfile& p, const Context& ctx);
    /// The "bundles" of a <profile>: dates YYYY-MM-DD or null.
    static QJsonObject bundlesJson(const BundleSummary& b);
    /// null for "", else the text.
    static QJsonValue nullable(const QString& s);
};

} // namespace sb::ctl
