#include "app/ctl/CommandLine.h"
#include "app/ctl/ReportCommand.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>

int main(int argc, char* argv[])
{
    // A PDF statement lays text out with fonts, which need a QGuiApplication; every other
    // command keeps the plain QCoreApplication (no platform plugin to load). On a server
    // without a display the offscreen platform serves, unless QT_QPA_PLATFORM names another.
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);
    std::unique_ptr<QCoreApplication> app;
    if (sb::ctl::ReportCommand::needsGui(raw)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
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
