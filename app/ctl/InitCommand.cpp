#include "app/ctl/InitCommand.h"

#include "app/ctl/Session.h"

namespace sb::ctl {

QString InitCommand::description() const
{
    return tr("Create or upgrade the database.");
}

QStringList InitCommand::forms() const
{
    return {QStringLiteral("init")};
}

int InitCommand::run(const QStringList& w, Session& s)
{
    if (asksForHelp(w, false)) {
        s.out().block(help());
        return Done;
    }
    if (!w.isEmpty())
        return s.usageError(tr("init takes no arguments."));
    Context* ctx = s.context();
    if (!ctx)
        return Refused;
    const int version = ctx->db.schemaVersion();
    if (s.json())
        s.out().json({{QStringLiteral("database"), ctx->db.displaySpec()},
                      {QStringLiteral("schema"), version}});
    else
        s.out().line(
            tr("Database %1 is ready (schema %2).").arg(ctx->db.displaySpec()).arg(version));
    return Done;
}

} // namespace sb::ctl
