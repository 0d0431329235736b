#pragma once

#include <QList>
#include <QLocale>
#include <QString>

#include <optional>

namespace sb {

/// A language Switchboard speaks: its code (the catalogue's suffix, `switchboard_nb.qm`), its
/// own name (never translated, so a person can always find theirs), and the locale its money
/// and dates follow. One list for the window and `switchboardctl activity --lang`.
struct Language
{
    QString code;       ///< "en", "nb", "fr", "nl", "pl"
    QString nativeName; ///< "Norsk bokmål"
    QLocale locale;
};

/// English first, then the languages of the help pages.
const QList<Language>& supportedLanguages();

/// The language of `code`, or nothing for one Switchboard does not speak.
std::optional<Language> findLanguage(const QString& code);

} // namespace sb
