#pragma once

#include "core/base/Error.h"

#include <QCoreApplication>
#include <QString>

namespace sb {

/// What the user typed or a file held, as limits and messages see it.
///
/// Limits count characters (Unicode code points), not QString's UTF-16 units: a name of 30
/// emoji is 30 characters, as the user counts them. Code points rather than grapheme
/// clusters, so that a "character" stacking a thousand combining marks is no way around a
/// limit.
///
/// A message quoting input shows quoted(), never the whole value: a 100,000-character cell or
/// argument would bury the reason under itself.
class UserText
{
    Q_DECLARE_TR_FUNCTIONS(sb::UserText)

public:
    /// The characters of `text` (code points; a surrogate pair is one).
    static qsizetype length(const QString& text);

    /// Enough of `text` to recognise it in a message: its first `most` characters followed by
    /// "…" when there are more. Never splits a surrogate pair.
    static QString quoted(const QString& text, qsizetype most = QuotedMost);
    static constexpr qsizetype QuotedMost = 40;

    /// The longest search accepted: longer than any name, e-mail address or number searched for.
    static constexpr qsizetype MaxSearchLength = 200;
    /// Refuses a search longer than MaxSearchLength characters with a message saying so.
    static Result<void> checkSearch(const QString& search);
};

} // namespace sb
