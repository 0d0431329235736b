#include "core/base/NameText.h"

#include "core/base/SearchText.h"

namespace sb {

namespace {

// Unicode's default-ignorable code points that are not format characters: they show nothing
// (U+3164 alone makes a name that looks empty).
bool isInvisible(char32_t c)
{
    if (QChar::category(c) == QChar::Other_Format)
        return true;
    return c == 0x034f                        // combining grapheme joiner
           || c == 0x115f || c == 0x1160      // Hangul choseong and jungseong fillers
           || c == 0x17b4 || c == 0x17b5      // Khmer inherent vowels
           || (c >= 0x180b && c <= 0x180f)    // Mongolian free variation selectors
           || c == 0x3164 || c == 0xffa0      // Hangul fillers
           || (c >= 0xfe00 && c <= 0xfe0f)    // variation selectors
           || (c >= 0xe0000 && c <= 0xe0fff); // tags and variation selectors supplement
}

// Spaces of every kind (not the control characters that also count as white space: those
// are refused, not folded into a space).
bool isBlank(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return c == 0x2800; // the blank Braille pattern, drawn as nothing
    }
}

// The Cyrillic and Greek letters Unicode TR39's confusables.txt maps to one Latin letter (or
// two for the ligatures). Where TR39 maps Cyrillic І, palochka and Greek Ι to "l", they go to
// "I" here: Latin "I" and "l" are kept apart, and these are capital i's in their scripts.
// Digits are not merged (TR39's З → 3, б → 6 are left out).
const char* latinLookalike(char32_t c)
{
    switch (c) {
    // Greek capitals
    case U'Α':
        return "A";
    case U'Β':
        return "B";
    case U'Ε':
        return "E";
    case U'Ζ':
        return "Z";
    case U'Η':
        return "H";
    case U'Ι':
        return "I";
    case U'Κ':
        return "K";
    case U'Μ':
        return "M";
    case U'Ν':
        return "N";
    case U'Ο':
        return "O";
    case U'Ρ':
        return "P";
    case U'Τ':
        return "T";
    case U'Υ':
        return "Y";
    case U'Χ':
        return "X";
    case U'Ϳ':
        return "J";
    case U'Ϲ':
        return "C";
    case U'ϒ':
        return "Y";
    case U'Ϝ':
        return "F";
    case U'Ϻ':
        return "M";
    // Greek small letters
    case U'α':
        return "a";
    case U'γ':
        return "y";
    case U'ι':
        return "i";
    case U'ν':
        return "v";
    case U'ο':
        return "o";
    case U'ρ':
        return "p";
    case U'σ':
        return "o";
    case U'υ':
        return "u";
    case U'ϱ':
        return "p";
    case U'ϲ':
        return "c";
    case U'ϳ':
        return "j";
    // Cyrillic capitals
    case U'А':
        return "A";
    case U'В':
        return "B";
    case U'Е':
        return "E";
    case U'К':
        return "K";
    case U'М':
        return "M";
    case U'Н':
        return "H";
    case U'О':
        return "O";
    case U'Р':
        return "P";
    case U'С':
        return "C";
    case U'Т':
        return "T";
    case U'У':
        return "Y";
    case U'Х':
        return "X";
    case U'Ѕ':
        return "S";
    case U'І':
        return "I";
    case U'Ј':
        return "J";
    case U'Ү':
        return "Y";
    case U'Һ':
        return "H";
    case U'Ӏ':
        return "I";
    case U'Ԍ':
        return "G";
    case U'Ԛ':
        return "Q";
    case U'Ԝ':
        return "W";
    case U'Ѵ':
        return "V";
    case U'Ь':
        return "b";
    case U'Ӕ':
        return "AE";
    // Cyrillic small letters
    case U'а':
        return "a";
    case U'г':
        return "r";
    case U'е':
        return "e";
    case U'о':
        return "o";
    case U'р':
        return "p";
    case U'с':
        return "c";
    case U'у':
        return "y";
    case U'х':
        return "x";
    case U'ѕ':
        return "s";
    case U'і':
        return "i";
    case U'ј':
        return "j";
    case U'ѡ':
        return "w";
    case U'ѵ':
        return "v";
    case U'ү':
        return "y";
    case U'һ':
        return "h";
    case U'ҽ':
        return "e";
    case U'ӏ':
        return "i";
    case U'ԁ':
        return "d";
    case U'ԛ':
        return "q";
    case U'ԝ':
        return "w";
    case U'ӕ':
        return "ae";
    default:
        return nullptr;
    }
}

} // namespace

QString NameText::normalised(const QString& text)
{
    // Most names (and every account name) are printable ASCII: only spaces to collapse.
    bool printableAscii = true;
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            printableAscii = false;
            break;
        }
    }
    if (printableAscii)
        return text.simplified();
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (char32_t c : text.toUcs4()) {
        if (isInvisible(c))
            continue;
        if (isBlank(c)) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out += QLatin1Char(' ');
            space = false;
        }
        out += QStringView(QChar::fromUcs4(c));
    }
    // After the removals: "e", a zero-width space and a combining acute compose only now.
    return out.normalized(QString::NormalizationForm_C);
}

QString NameText::key(const QString& text)
{
    return normalised(text).toCaseFolded();
}

bool NameText::hasControlCharacters(const QString& text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

Result<QString> NameText::accept(const QString& text, const QString& emptyMessage,
                                 const QString& controlMessage)
{
    QString name = normalised(text);
    if (hasControlCharacters(name))
        return Error::invalid(controlMessage);
    if (name.isEmpty())
        return Error::invalid(emptyMessage);
    return name;
}

QString NameText::skeleton(const QString& text)
{
    // Decomposed first, so that "Ё" is looked up as "Е" and its diaeresis (fold drops it).
    const QString decomposed = normalised(text).normalized(QString::NormalizationForm_D);
    QString mapped;
    mapped.reserve(decomposed.size());
    for (char32_t c : decomposed.toUcs4()) {
        if (const char* latin = latinLookalike(c))
            mapped += QLatin1String(latin);
        else
            mapped += QStringView(QChar::fromUcs4(c));
    }
    return SearchText::fold(mapped);
}

} // namespace sb
