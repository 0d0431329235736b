#include "ui/widgets/LanguageManager.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>

namespace sb::ui {

namespace {
const QString kSettingsKey = QStringLiteral("language");
}

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager* LanguageManager::instance()
{
    static LanguageManager* self = nullptr;
    if (!self)
        self = new LanguageManager(QCoreApplication::instance());
    return self;
}

QList<LanguageManager::Language> LanguageManager::languages()
{
    return supportedLanguages();
}

bool LanguageManager::isSupported(const QString& code)
{
    return findLanguage(code).has_value();
}

QLocale LanguageManager::localeFor(const QString& code)
{
    const auto language = findLanguage(code);
    return language ? language->locale : supportedLanguages().first().locale;
}

QString LanguageManager::initialLanguage()
{
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (isSupported(saved))
        return saved;
    const QLocale system = QLocale::system();
    switch (system.language()) {
    case QLocale::NorwegianBokmal:
        return QStringLiteral("nb");
    case QLocale::French:
        return QStringLiteral("fr");
    case QLocale::Dutch:
        return QStringLiteral("nl");
    case QLocale::Polish:
        return QStringLiteral("pl");
    default:
        return QStringLiteral("en");
    }
}

bool LanguageManager::apply(const QString& code, bool remember)
{
    if (!isSupported(code))
        return false;
    // The locale first: widgets retranslate on LanguageChange and format money with it.
    QLocale::setDefault(localeFor(code));
    bool changedTranslators = false;
    if (m_appInstalled) {
        QCoreApplication::removeTranslator(&m_app);
        m_appInstalled = false;
        changedTranslators = true;
    }
    if (m_qtInstalled) {
        QCoreApplication::removeTranslator(&m_qt);
        m_qtInstalled = false;
        changedTranslators = true;
    }
    // English too: its translation holds the plural forms of "%n member(s)".
    if (m_app.load(QStringLiteral(":/i18n/switchboard_%1.qm").arg(code)))
        m_appInstalled = QCoreApplication::installTranslator(&m_app);
    changedTranslators = changedTranslators || m_appInstalled;
    if (code != QLatin1String("en")) {
        // Qt's own strings (standard buttons, …) where the system ships them; Debian has
        // no qtbase_nb.qm.
        const QString qtFile = QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                               QStringLiteral("/qtbase_%1.qm").arg(code);
        if (QFileInfo::exists(qtFile) && m_qt.load(qtFile))
            m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
        changedTranslators = changedTranslators || m_qtInstalled;
    }
    m_current = code;
    if (!changedTranslators) {
        // No translator came or went, but the locale did: money and dates must follow.
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
    if (remember)
        QSettings().setValue(kSettingsKey, code);
    emit languageChanged(code);
    return true;
}

} // namespace sb::ui
