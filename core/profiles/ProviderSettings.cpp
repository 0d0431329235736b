#include "core/profiles/ProviderSettings.h"

#include "core/base/HostName.h"
#include "core/base/UserText.h"
#include "core/storage/Transaction.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace sb {

QStringList ProviderSettings::defaultSipServers()
{
    return {QStringLiteral("sip1.voice.example.net:5060"),
            QStringLiteral("sip2.voice.example.net:5060")};
}

Result<void> ProviderSettings::validateServer(const QString& server)
{
    static const QRegularExpression re(
        QStringLiteral("^(%1)(:(\\d{1,5}))?\\z").arg(HostName::pattern()));
    const auto m = re.match(server.trimmed());
    if (!m.hasMatch())
        return Error::invalid(tr("\"%1\" is not a server address such as sip.example.net:5060.")
                                  .arg(UserText::quoted(server)));
    if (!m.captured(3).isEmpty()) {
        const int port = m.captured(3).toInt();
        if (port < 1 || port > 65535)
            return Error::invalid(
                tr("The port of \"%1\" must be from 1 to 65535.").arg(UserText::quoted(server)));
    }
    return {};
}

Result<QString> ProviderSettings::value(const QString& key, const QString& fallback) const
{
    const Database& db = m_ctx.db;
    auto q = db.run(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : fallback;
}

Result<void> ProviderSettings::setValue(const QString& key, const QString& value) const
{
    return Transaction::run(
        m_ctx.db, [&](Transaction& tx) -> Result<void> { return setValue(tx, key, value); });
}

Result<void> ProviderSettings::setValue(Transaction& tx, const QString& key,
                                        const QString& value) const
{
    if (auto del = remove(tx, key); !del)
        return del;
    auto ins = tx.db().run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                           {key, Database::text(value)});
    if (!ins)
        return ins.error();
    return {};
}

Result<void> ProviderSettings::remove(Transaction& tx, const QString& key) const
{
    auto del = tx.db().run(QStringLiteral("DELETE FROM settings WHERE key = ?"), {key});
    if (!del)
        return del.error();
    return {};
}

Result<QStringList> ProviderSettings::sipServers() const
{
    auto v = value(QStringLiteral("provider.sipServers"));
    if (!v)
        return v.error();
    if (v->trimmed().isEmpty())
        return defaultSipServers();
    return v->split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

Result<void> ProviderSettings::setSipServers(const QStringList& servers) const
{
    QStringList clean;
    for (const QString& s : servers) {
        if (s.trimmed().isEmpty())
            continue;
        if (auto v = validateServer(s); !v)
            return v;
        clean << s.trimmed();
    }
    if (clean.isEmpty())
        return Error::invalid(tr("Name at least one SIP server."));
    auto done = setValue(QStringLiteral("provider.sipServers"), clean.join(QLatin1Char(' ')));
    // Every profile's PBX configuration names the servers.
    if (done)
        m_ctx.announce(Changes().withAllProfiles());
    return done;
}

} // namespace sb
