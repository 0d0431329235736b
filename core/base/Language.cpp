#include "core/base/Language.h"

namespace sb {

const QList<Language>& supportedLanguages()
{
    static const QList<Language> languages = {
        {QStringLiteral("en"), QStringLiteral("English"),
         QLocale(QLocale::English, QLocale::UnitedStates)},
        {QStringLiteral("nb"), QStringLiteral("Norsk bokmål"),
         QLocale(QLocale::NorwegianBokmal, QLocale::Norway)},
        {QStringLiteral("fr"), QStringLiteral("Français"),
         QLocale(QLocale::French, QLocale::France)},
        {QStringLiteral("nl"), QStringLiteral("Nederlands"),
         QLocale(QLocale::Dutch, QLocale::Netherlands)},
        {QStringLiteral("pl"), QStringLiteral("Polski"), QLocale(QLocale::Polish, QLocale::Poland)},
    };
    return languages;
}

std::optional<Language> findLanguage(const QString& code)
{
    for (const Language& l : supportedLanguages()) {
        if (l.code == code)
            return l;
    }
    return std::nullopt;
}

} // namespace sb
