#pragma once

#include "core/base/Error.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>

namespace sb {

/// The database address the window remembers in QSettings, never with its password: a
/// PostgreSQL password (postgresql://user:password@host/db) goes to the keychain, or is
/// sealed with the key file (SecretVault), and `key` holds the address without it.
class RememberedDatabase
{
    Q_DECLARE_TR_FUNCTIONS(sb::RememberedDatabase)

public:
    /// Remembers `spec` under `key`; the password's token (if any) goes under secretKey(key).
    static Result<void> save(QSettings& settings, const QString& key, const QString& spec);
    /// The address remembered under `key` with its password filled back in; empty if none.
    /// An address an older version remembered with its password in the clear is
    /// remembered again without it.
    static Result<QString> load(QSettings& settings, const QString& key);
    static QString secretKey(const QString& key) { return key + QStringLiteral("Secret"); }
    /// `spec` without a PostgreSQL password (other specs as they are).
    static QString withoutPassword(const QString& spec);
    /// The PostgreSQL password in `spec`, decoded; empty if it holds none.
    static QString password(const QString& spec);
};

} // namespace sb
