#pragma once

#include "core/base/Error.h"
#include "core/storage/Context.h"

#include <QCoreApplication>
#include <QStringList>

namespace sb {

class Transaction;

/// Settings shared by every copy of the program on one database (kept in the database,
/// so the window and switchboardctl agree): the provider's SIP servers and the mail server.
class ProviderSettings
{
    Q_DECLARE_TR_FUNCTIONS(sb::ProviderSettings)

public:
    explicit ProviderSettings(const Context& ctx) : m_ctx(ctx) {}

    /// "host:port" entries; the defaults until the admin sets others.
    Result<QStringList> sipServers() const;
    Result<void> setSipServers(const QStringList& servers) const;
    static QStringList defaultSipServers();
    /// Checks "host[:port]" (port 1–65535).
    static Result<void> validateServer(const QString& server);

    Result<QString> value(const QString& key, const QString& fallback = {}) const;
    Result<void> setValue(const QString& key, const QString& value) const;
    /// The same inside the caller's transaction, for settings that change together.
    Result<void> setValue(Transaction& tx, const QString& key, const QString& value) const;
    /// Forgets a setting (value() then gives its fallback), inside the caller's transaction.
    Result<void> remove(Transaction& tx, const QString& key) const;

private:
    const Context& m_ctx;
};

} // namespace sb
