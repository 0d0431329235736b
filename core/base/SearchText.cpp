#include "core/base/SearchText.h"

namespace sb {

namespace {

// Letters of the five languages (and their neighbours) that NFKD does not decompose.
QString plainSpelling(char32_t c)
{
    switch (c) {
    case U'ø':
        return QStringLiteral("o");
    case U'æ':
        return QStringLiteral("ae");
    case U'œ':
        return QStringLiteral("oe");
    case U'ł':
        return QStringLiteral("l");
    case U'đ':
    case U'ð':
        return QStringLiteral("d");
    case U'þ':
        return QStringLiteral("th");
    case U'ß':
        return QStringLiteral("ss");
    case U'ı':
        return QStringLiteral("i");
    case U'ħ':
        return QStringLiteral("h");
    case U'ŋ':
        return QStringLiteral("n");
    case U'ŧ':
        return QStringLiteral("t");
    default:
        return {};
    }
}

bool isMark(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

} // namespace

QString SearchText::fold(const QString& text)
{
    // Most keys (accounts, numbers, e-mail addresses) are ASCII: lower case is their folding.
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii)
        return text.toLower();
    // Fold case before and after decomposing: NFKD may yield capitals ("ǅ" → "DŽ"), and case
    // folding may yield letters that decompose ("ẞ" → "ss" is fine, "İ" → "i̇").
    const QString decomposed = text.toCaseFolded().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (char32_t c : decomposed.toUcs4()) {
        if (isMark(c))
            continue;
        const QString plain = plainSpelling(c);
        if (!plain.isEmpty())
            out += plain;
        else
            out += QString::fromUcs4(&c, 1);
    }
    return out.toCaseFolded();
}

QString SearchText::key(const QStringList& fields)
{
    QStringList kept;
    for (const QString& field : fields) {
        const QString f = fold(field);
        bool contained = f.isEmpty();
        for (const QString& k : std::as_const(kept)) {
            if (contained)
                break;
            contained = k.contains(f);
        }
        // The first field stays even when empty: a short search matches the key's start.
        if (!contained || kept.isEmpty())
            kept << f;
    }
    return kept.join(QChar(0x1f));
}

QString SearchText::phoneDigits(const QString& search)
{
    QString digits;
    for (QChar c : search) {
        if (c.isDigit())
            digits += c;
        else if (!(c.isSpace() || c == QLatin1Char('+') || c == QLatin1Char('-') ||
                   c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('.')))
            return {};
    }
    return digits;
}

} // namespace sb
