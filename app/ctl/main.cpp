#include "app/ctl/CommandLine.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    // Messages keep machine formats (12.50, 2026-12-01) whatever the user's locale.
    QLocale::setDefault(QLocale::c());
    // Output stays English for scripts; the English catalogue only supplies plural forms.
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/switchboard_en.qm")))
        QCoreApplication::installTranslator(&plurals);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return sb::ctl::CommandLine().run(args);
}
