#include "core/base/UserText.h"

namespace sb {

qsizetype UserText::length(const QString& text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

QString UserText::quoted(const QString& text, qsizetype most)
{
    qsizetype chars = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (chars == most)
            return text.left(i) + QChar(0x2026);
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++chars;
    }
    return text;
}

Result<void> UserText::checkSearch(const QString& search)
{
    const qsizetype n = length(search.trimmed());
    if (n <= MaxSearchLength)
        return {};
    return Error::invalid(tr("The search is %1 characters long; a search may have at most %2.")
                              .arg(n)
                              .arg(MaxSearchLength));
}

} // namespace sb
