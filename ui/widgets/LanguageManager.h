#pragma once

#include "core/base/Language.h"

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <array>

namespace sb::ui {

/// The languages of the window and their runtime switch: Switchboard's own translation
/// (embedded under :/i18n), Qt's own (qtbase_<code>.qm, the system's and the project's), and
/// the default QLocale, so that money and dates follow the language.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    using Language = sb::Language;
    static QList<Language> languages();
    static bool isSupported(const QString& code);
    static QLocale localeFor(const QString& code);

    /// The one instance, owned by the application.
    static LanguageManager* instance();

    /// The remembered choice, else the system's language if supported, else English.
    static QString initialLanguage();

    /// The files of Qt's own translation (qtbase_<code>.qm) for a language, in the order
    /// they are installed: the system's, then the project's, embedded under :/i18n (all of
    /// Norwegian; the gaps and corrections of the others), which wins where both translate.
    static QStringList qtCatalogues(const QString& code);

    /// Switches at runtime; `remember` stores the choice in QSettings. Returns false for an
    /// unknown code (nothing changes).
    bool apply(const QString& code, bool remember);
    QString current() const { return m_current; }

signals:
    void languageChanged(const QString& code);

private:
    explicit LanguageManager(QObject* parent);
    QTranslator m_app;
    /// Qt's own: the system's catalogue, then the project's (qtCatalogues()).
    std::array<QTranslator, 2> m_qt;
    bool m_appInstalled = false;
    QString m_current = QStringLiteral("en");
};

} // namespace sb::ui
