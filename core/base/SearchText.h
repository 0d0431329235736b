#pragma once

#include <QString>
#include <QStringList>

namespace sb {

/// The one folding of text for search, so that stored search keys and what the user types
/// compare alike: case- and accent-insensitive for English, Norwegian, French, Dutch and
/// Polish ("Øystein" is found by "oyst", "Łódź" by "lodz", "Ĳsselmeer" by "ijssel").
class SearchText
{
public:
    /// Case-folded, compatibility-decomposed (NFKD: "ĳ" → "ij", "ﬁ" → "fi"), combining marks
    /// dropped ("é" → "e", "å" → "a"), and the letters NFKD leaves whole replaced by their
    /// plain spelling ("ø" → "o", "æ" → "ae", "ł" → "l", "ß" → "ss", "œ" → "oe", "đ" → "d").
    static QString fold(const QString& text);

    /// A stored search key: each field folded, empty fields and fields contained in one kept
    /// before them left out (a substring of them is found there already), joined by U+001F,
    /// which no search contains, so a match never spans two fields.
    static QString key(const QStringList& fields);

    /// The digits of a search that looks like a phone number ("+1 (212) 555" → "1212555"), or
    /// empty when it has letters or no digits: "member.0150" is a name, not a number.
    static QString phoneDigits(const QString& search);
};

} // namespace sb
