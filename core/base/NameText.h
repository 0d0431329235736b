#pragma once

#include "core/base/Error.h"

#include <QString>

namespace sb {

/// The one treatment of names people give things (SIP profiles, members' display and account
/// names, departments), so that two names that read the same are stored the same, and two
/// that merely look the same can be refused where a name must be unique.
///
/// Invisible characters are REMOVED rather than refused: a name pasted from a document or a
/// chat often carries a zero-width space or a no-break space nobody can see or fix, and what
/// remains is the name the admin meant. Control characters (tab, line break, escape, C1) are
/// refused: they change how the name is shown and have no place in one. Nothing of a Latin
/// letter is merged with a digit ("0" and "O", "1" and "l" stay apart), and Latin letters are
/// never merged with each other ("I" and "l", "rn" and "m"): the skeleton is predictable.
class NameText
{
public:
    /// The name as stored: NFC; the default-ignorable characters removed (format characters,
    /// category Cf: zero-width space, joiners U+200B..U+200D, word joiner U+2060, BOM U+FEFF,
    /// soft hyphen, the bidi controls U+200E/F, U+202A..U+202E, U+2066..U+2069; also variation
    /// selectors, the combining grapheme joiner and the Hangul fillers, which show nothing);
    /// every run of Unicode spaces (U+0020, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000, and the blank Braille pattern U+2800) made one ASCII space;
    /// leading and trailing spaces gone. Control characters are left for accept() to refuse.
    static QString normalised(const QString& text);

    /// The key a unique name is found by regardless of case (a SIP profile's `name_key`):
    /// normalised, then case-folded, so that a name typed with a no-break space or a
    /// zero-width space finds the one stored without.
    static QString key(const QString& text);

    /// Whether `text` has a control character: C0 (tab and line breaks included), DEL, C1.
    static bool hasControlCharacters(const QString& text);

    /// normalised(text), or an Error::invalid with `controlMessage` when it has control
    /// characters, or with `emptyMessage` when nothing is left (only spaces, only a
    /// zero-width space).
    static Result<QString> accept(const QString& text, const QString& emptyMessage,
                                  const QString& controlMessage);

    /// What a name looks like, for refusing lookalikes: the normalised name decomposed, the
    /// Cyrillic and Greek letters that Unicode TR39 (confusables) lists as looking like a
    /// Latin letter replaced by it ("Ѕаlеѕ" → "Sales", "ΑΒΓ" → "ABΓ"), then
    /// SearchText::fold (case, accents, compatibility forms: "ＳＡＬＥＳ" and "Sålès" → "sales").
    /// Two names with one skeleton read alike; a digit never matches a letter.
    static QString skeleton(const QString& text);
};

} // namespace sb
