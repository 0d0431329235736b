#pragma once

#include "core/base/Error.h"
#include "core/storage/Database.h"
#include "core/storage/Notifier.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace sb {

/// How committed Changes travel between processes sharing a PostgreSQL database: each
/// process that commits sends them on one NOTIFY channel (Context::announce does, so the
/// window and switchboardctl both do), and the windows listen (LiveChanges). A payload is
/// `{"v": 1, "origin": TOKEN, "changes": {…Changes::toJson…}}`; the origin is unique to
/// the sending process, so a window skips what it announced itself already.
class ChangeChannel
{
public:
    /// PostgreSQL refuses a payload of 8000 bytes or more; a little is kept in hand.
    static constexpr int MaxPayloadBytes = 7900;

    /// The NOTIFY channel, "switchboard_changes" (channels are per database already).
    static QString name();
    /// This process's origin token: random, made once.
    static QString origin();

    /// The payload for `changes` from `origin`, at most MaxPayloadBytes: when the named rows
    /// would not fit, the longest list gives way to its "all" flag, then the next.
    static QByteArray payload(const Changes& changes,
                              const QString& origin = ChangeChannel::origin());

    struct Message
    {
        QString origin;
        Changes changes;
    };
    /// A payload read back; nullopt for anything that is not one (it may come from any
    /// client of the database).
    static std::optional<Message> parse(QByteArrayView payload);

    /// Sends `changes` on `db` when it is PostgreSQL (nothing on SQLite, whose windows watch
    /// the file). A failure is returned for the caller to log: the changes committed already.
    static Result<void> send(const Database& db, const Changes& changes,
                             const QString& origin = ChangeChannel::origin());
};

} // namespace sb
