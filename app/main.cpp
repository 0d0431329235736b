// The window's entry point: wiring only; the logic lives in ui/.
#include "core/base/SystemClock.h"
#include "core/base/Version.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/DarkPalette.h"
#include "ui/widgets/LanguageManager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QStyleFactory>

#include <cstdio>

namespace {

/// SWITCHBOARD_PALETTE=dark: the Fusion style in a dark palette, for screenshots and tests of
/// a dark desktop on machines (offscreen, CI) that have none.
void applyPaletteFromEnvironment()
{
    if (qEnvironmentVariable("SWITCHBOARD_PALETTE") != QLatin1String("dark"))
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(sb::ui::darkPalette());
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    applyPaletteFromEnvironment();
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationName(QStringLiteral("switchboard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Switchboard"));
    QApplication::setApplicationVersion(sb::version());
    // Ties the window to its launcher and icon (the Wayland app id); packaging/CMakeLists.txt
    // names the installed desktop file after this id.
    QApplication::setDesktopFileName(QStringLiteral(SWITCHBOARD_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Switchboard: the company's business calling account."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("SQLite file or postgresql://user[:pw]@host[:port]/db."),
        QStringLiteral("SPEC"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language: en, nb, fr, nl or pl."),
                                        QStringLiteral("CODE"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Render a page to a PNG file and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        QStringLiteral("Page for --screenshot: %1.")
            .arg(sb::ui::MainWindow::pageNames().join(QStringLiteral(", "))),
        QStringLiteral("NAME"), QStringLiteral("dashboard"));
    const QCommandLineOption noWelcomeOption(
        QStringLiteral("no-welcome"),
        QStringLiteral("Do not offer a demo account on an empty database."));
    parser.addOptions({databaseOption, langOption, screenshotOption, pageOption, noWelcomeOption});
    parser.process(app);

    const bool screenshot = parser.isSet(screenshotOption);
    auto* languages = sb::ui::LanguageManager::instance();
    if (parser.isSet(langOption)) {
        if (!languages->apply(parser.value(langOption), false)) {
            std::fprintf(stderr,
                         "switchboard: unknown language \"%s\" (use en, nb, fr, nl or pl)\n",
                         qPrintable(parser.value(langOption)));
            return 2;
        }
    } else {
        languages->apply(sb::ui::LanguageManager::initialLanguage(), false);
    }

    int page = -1;
    if (screenshot) {
        page = sb::ui::MainWindow::pageFromName(parser.value(pageOption));
        if (page < 0) {
            std::fprintf(stderr, "switchboard: unknown page \"%s\" (use %s)\n",
                         qPrintable(parser.value(pageOption)),
                         qPrintable(sb::ui::MainWindow::pageNames().join(QStringLiteral(", "))));
            return 2;
        }
    }

    const QString spec = sb::ui::MainWindow::startupDatabaseSpec(parser.value(databaseOption));
    auto db = sb::Database::open(spec);
    if (!db) {
        if (screenshot) {
            std::fprintf(stderr, "switchboard: %s\n", qPrintable(db.error().message));
        } else {
            QMessageBox::critical(nullptr,
                                  QCoreApplication::translate("main", "Switchboard cannot start"),
                                  db.error().message);
        }
        return 1;
    }

    static sb::SystemClock clock;
    const sb::Context ctx{*db, &clock, sb::currentOsUser()};
    // Passwords sealed in an older format are sealed again (a screenshot changes nothing).
    if (auto g = sb::ProfileService(ctx).guardKeyFile(); !g)
        std::fprintf(stderr, "switchboard: %s\n", qPrintable(g.error().message));
    if (!screenshot)
        if (auto r = sb::ProfileService(ctx).resealSecrets(); !r)
            std::fprintf(stderr, "switchboard: %s\n", qPrintable(r.error().message));
    sb::ui::MainWindowOptions options;
    options.showWelcome = !screenshot && !parser.isSet(noWelcomeOption);
    options.runBilling = !screenshot;
    options.restoreSettings = !screenshot;
    options.saveSettings = !screenshot;
    options.followOtherAdmins = !screenshot;
    // A screenshot builds only the page it shows.
    options.buildOtherPagesLater = !screenshot;
    if (screenshot)
        options.startPage = sb::ui::MainWindow::pageNames().value(page);
    sb::ui::MainWindow window(ctx, options);

    if (screenshot) {
        const QString error = window.saveScreenshot(page, parser.value(screenshotOption));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "switchboard: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }
    window.show();
    return app.exec();
}
