#pragma once

// A password sealed by the v1 SealedSecret code (HMAC-SHA256 in counter mode,
// encrypt-then-MAC, bound to nothing) before libsodium replaced it, and the key file it was
// sealed with: kept to prove that such secrets still open and are resealed as v2.

#include <QByteArray>
#include <QString>

namespace sbt {

/// The contents of the key file (hex of 32 bytes).
inline const QByteArray kV1Key =
    QByteArrayLiteral("2e12049898036e9867e5bf3a791d64a093b392f822ba5863e4113ee5bf1f67f2");
inline const QString kV1Token =
    QStringLiteral("v1:wceBJP/mAFY5FKwpM7KUXBWVJJ6szJKB0AxZZa/+SEoatAtgAfGyiwSoM7JfrE+TVCwmcjUFuSyT"
                   "BW0BrAGfKI0liBXwMpw=");
inline const QString kV1Plaintext = QStringLiteral("zx2-MUHT8.MSxDC3+FCKQ7b");

} // namespace sbt
