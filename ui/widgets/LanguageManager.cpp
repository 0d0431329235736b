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

QStringList LanguageManager::qtCatalogues(const QString& code)
{
    // The system's first, the project's over it: the system's has most of Qt's texts for the
    // installed Qt, the project's fills in what it lacks and corrects what reads wrong (an
    // accelerator shared by two wizard buttons). Debian ships fr, nl and pl but no
    // qtbase_nb.qm, so Norwegian comes wholly from the project's.
    QStringList files;
    const QString system = QLibraryInfo::path(QLibraryInfo::TranslationsPath) +
                           QStringLiteral("/qtbase_%1.qm").arg(code);
    if (QFileInfo::exists(system))
        files << system;
    const QString own = QStringLiteral(":/i18n/qtbase_%1.qm").arg(code);
    if (QFileInfo::exists(own))
        files << own;
    return files;
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
    for (QTranslator& qt : m_qt) {
        if (QCoreApplication::removeTranslator(&qt))
            changedTranslators = true;
    }
    // English too: its translation holds the plural forms of "%n member(s)".
    if (m_app.load(QStringLiteral(":/i18n/switchboard_%1.qm").arg(code)))
        m_appInstalled = QCoreApplication::installTranslator(&m_app);
    changedTranslators = changedTranslators || m_appInstalled;
    if (code != QLatin1String("en")) {
        // Installed in order: a translator installed later is asked first.
        const QStringList files = qtCatalogues(code);
        for (qsizetype i = 0; i < files.size() && i < qsizetype(m_qt.size()); ++i) {
            if (m_qt[size_t(i)].load(files[i]) &&
                QCoreApplication::installTranslator(&m_qt[size_t(i)]))
                changedTranslators = true;
        }
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
