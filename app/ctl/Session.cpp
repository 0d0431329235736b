#include "app/ctl/Session.h"

#include "app/ctl/Command.h"
#include "core/base/UserText.h"
#include "core/profiles/ProfileService.h"

namespace sb::ctl {

Session::Session(QString databaseSpec, std::unique_ptr<Clock> clock, bool json)
    : m_out(json), m_spec(std::move(databaseSpec)), m_clock(std::move(clock))
{
}

Session::~Session() = default;

Context* Session::context()
{
    if (m_ctx)
        return m_ctx.get();
    auto db = Database::open(m_spec);
    if (!db) {
        m_out.error(db.error().message);
        return nullptr;
    }
    m_ctx = std::make_unique<Context>(Context{*db, m_clock.get(), currentOsUser()});
    // Passwords sealed in an older format are sealed again; one that cannot be opened is
    // left for the command that needs it to report.
    if (auto g = ProfileService(*m_ctx).guardKeyFile(); !g)
        m_out.error(g.error().message);
    if (auto r = ProfileService(*m_ctx).resealSecrets(); !r)
        m_out.error(r.error().message);
    return m_ctx.get();
}

int Session::usageError(const Output& out, const QString& message)
{
    out.error(message);
    out.error(tr("Try 'switchboardctl --help'."));
    return Command::Usage;
}

int Session::refused(const QString& message) const
{
    m_out.error(message);
    return Command::Refused;
}

std::optional<Money> Session::amount(const QString& text, const QString& what) const
{
    const auto m = Money::parse(text);
    if (!m) {
        refused(tr("%1: \"%2\" is not an amount; write it like 12.50.")
                    .arg(what, UserText::quoted(text)));
        return std::nullopt;
    }
    return m;
}

std::optional<int> Session::wholeNumber(const QString& text, const QString& what) const
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok) {
        refused(tr("%1: \"%2\" is not a whole number.").arg(what, UserText::quoted(text)));
        return std::nullopt;
    }
    return n;
}

} // namespace sb::ctl
