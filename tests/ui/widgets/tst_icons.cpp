// The icon set (issue 13): every action and page has one, the bundled drawings are crisp at
// 1× and 2× and drawn in the palette's text colour, the desktop theme wins only when it has
// the icon, and decorate() keeps a window's actions dressed.
//
// A contact sheet of every icon, light and dark, 1× and 2×, for a person to look at:
//   SB_ICONS_CONTACT_SHEET=/tmp/icons.png ctest -R tst_icons
#include "ui/shell/Page.h"
#include "ui/widgets/DarkPalette.h"
#include "ui/widgets/Icons.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <algorithm>
#include <cmath>

using namespace sb;
using ui::Icons;

namespace {

QString sourcePath(const QString& relative)
{
    return QStringLiteral(SB_SOURCE_DIR "/") + relative;
}

QString readSource(const QString& relative)
{
    QFile file(sourcePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/// The actions of docs/AUTOMATION.md's table ("| `topUpAction` | …").
QStringList documentedActions()
{
    const QString doc = readSource(QStringLiteral("docs/AUTOMATION.md"));
    const QString section =
        doc.section(QStringLiteral("## Actions"), 1).section(QStringLiteral("\n## "), 0, 0);
    QStringList names;
    static const QRegularExpression name(QStringLiteral("`(\\w+Action)`"));
    for (const QString& line : section.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1Char('|')))
            continue;
        const QString firstCell = line.section(QLatin1Char('|'), 1, 1);
        for (auto it = name.globalMatch(firstCell); it.hasNext();)
            names << it.next().captured(1);
    }
    names.removeDuplicates();
    return names;
}

/// Every `setObjectName(QStringLiteral("…Action"))` in ui/.
QStringList actionsInSources()
{
    QStringList names;
    static const QRegularExpression name(
        QStringLiteral("setObjectName\\(QStringLiteral\\(\"(\\w+Action)\"\\)\\)"));
    QDirIterator it(sourcePath(QStringLiteral("ui")), {QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto m = name.globalMatch(text); m.hasNext();)
            names << m.next().captured(1);
    }
    names.removeDuplicates();
    return names;
}

/// The page ids MainWindow.cpp registers ("PageRegistration::of<MembersPage>("members", …").
QStringList registeredPageIds()
{
    const QString text = readSource(QStringLiteral("ui/shell/MainWindow.cpp"));
    static const QRegularExpression id(
        QStringLiteral("PageRegistration::of<\\w+>\\(\\s*\"([\\w-]+)\""));
    QStringList ids;
    for (auto m = id.globalMatch(text); m.hasNext();)
        ids << m.next().captured(1);
    return ids;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9e, 0x9e, 0x9e));
    return p;
}

/// How many pixels are drawn, and the mean luma (0..1) of those, weighed by their alpha.
struct Ink
{
    int pixels = 0;
    double luma = 0;
};

Ink inkOf(const QPixmap& pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    Ink ink;
    double weight = 0;
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            if (c.alpha() == 0)
                continue;
            ++ink.pixels;
            const double a = c.alphaF();
            sum += a * (0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF());
            weight += a;
        }
    }
    ink.luma = weight > 0 ? sum / weight : 0;
    return ink;
}

/// Every bundled icon as one named entry: the actions, pages and states.
struct Named
{
    QString name;
    std::function<QIcon(const QPalette&)> bundled;
};

QList<Named> everyIcon()
{
    QList<Named> all;
    for (const QString& id : Icons::pageIds())
        all.append({QStringLiteral("page ") + id,
                    [id](const QPalette& p) { return Icons::bundledForPage(id, p); }});
    for (const QString& name : Icons::actionNames())
        all.append({name, [name](const QPalette& p) { return Icons::bundledForAction(name, p); }});
    const char* const stateNames[] = {"ok",          "warning",   "problem", "owed",
                                      "low balance", "cancelled", "lapsed",  "expired"};
    for (Icons::State state : Icons::states())
        all.append({QStringLiteral("state ") + QLatin1String(stateNames[int(state)]),
                    [state](const QPalette& p) { return Icons::bundledForState(state, p); }});
    return all;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void everyActionHasAnIcon_data();
    void everyActionHasAnIcon();
    void everyPageHasAnIcon();
    void unknownNamesHaveNone();
    void bundledPixmapsAtEverySizeAndScale();
    void drawnInThePalettesTextColour_data();
    void drawnInThePalettesTextColour();
    void statesKeepTheirColourInBothPalettes();
    void stateIconsStandOutFromTheWindow();
    void followsTheApplicationPalette();
    void desktopThemeOnlyWhenItHasTheIcon();
    void decorateDressesAWindowAndFollowsItsPalette();
    void contactSheet();

private:
    QString m_themeName;
    QStringList m_themePaths;
    QPalette m_palette;
};

void TestIcons::initTestCase()
{
    m_themeName = QIcon::themeName();
    m_themePaths = QIcon::themeSearchPaths();
    m_palette = QApplication::palette();
    // The bundled drawings, whatever the machine's desktop has.
    QIcon::setThemeName(QString());
}

void TestIcons::cleanup()
{
    QIcon::setThemeSearchPaths(m_themePaths);
    QIcon::setThemeName(QString());
    QApplication::setPalette(m_palette);
}

void TestIcons::everyActionHasAnIcon_data()
{
    QTest::addColumn<QString>("name");
    QStringList names = documentedActions() + actionsInSources() + Icons::actionNames();
    for (const QString& id : registeredPageIds())
        names << ui::Page::actionName(id);
    names.removeDuplicates();
    QVERIFY2(names.size() >= 38, qPrintable(names.join(QLatin1Char(' '))));
    for (const QString& name : std::as_const(names))
        QTest::newRow(qPrintable(name)) << name;
}

void TestIcons::everyActionHasAnIcon()
{
    QFETCH(QString, name);
    QVERIFY2(!Icons::forAction(name).isNull(), qPrintable(name));
    QVERIFY(!Icons::bundledForAction(name, lightPalette()).isNull());
}

void TestIcons::everyPageHasAnIcon()
{
    const QStringList registered = registeredPageIds();
    QCOMPARE(registered.size(), 7);
    // The same pages in the side bar's order.
    QCOMPARE(Icons::pageIds(), registered);
    for (const QString& id : registered) {
        QVERIFY2(!Icons::forPage(id).isNull(), qPrintable(id));
        QVERIFY(Icons::actionNames().contains(ui::Page::actionName(id)));
        // The View menu's action shows the page's own icon.
        const QImage page = Icons::forPage(id).pixmap(QSize(24, 24), 1.0).toImage();
        const QImage show =
            Icons::forAction(ui::Page::actionName(id)).pixmap(QSize(24, 24), 1.0).toImage();
        QCOMPARE(show, page);
    }
}

void TestIcons::unknownNamesHaveNone()
{
    QVERIFY(Icons::forAction(QStringLiteral("noSuchAction")).isNull());
    QVERIFY(Icons::forAction(QString()).isNull());
    QVERIFY(Icons::forPage(QStringLiteral("no-such-page")).isNull());
    QVERIFY(
        Icons::bundledForAction(QStringLiteral("showNoSuchPageAction"), lightPalette()).isNull());
}

void TestIcons::bundledPixmapsAtEverySizeAndScale()
{
    for (const Named& icon : everyIcon()) {
        const QIcon bundled = icon.bundled(lightPalette());
        QVERIFY2(!bundled.isNull(), qPrintable(icon.name));
        const QList<QSize> available = bundled.availableSizes();
        for (int size : Icons::sizes()) {
            for (qreal ratio : {1.0, 2.0}) {
                const QString where =
                    QStringLiteral("%1 at %2 px, %3x").arg(icon.name).arg(size).arg(ratio);
                // Drawn at this very size, not scaled from another one.
                const int side = qRound(size * ratio);
                QVERIFY2(available.contains(QSize(side, side)), qPrintable(where));
                const QPixmap pixmap = bundled.pixmap(QSize(size, size), ratio);
                QCOMPARE(pixmap.size(), QSize(side, side));
                QCOMPARE(pixmap.devicePixelRatio(), ratio);
                QCOMPARE(pixmap.deviceIndependentSize(), QSizeF(size, size));
                const Ink ink = inkOf(pixmap);
                // Lines, not a blot and not nothing.
                QVERIFY2(ink.pixels > side * side / 20, qPrintable(where));
                QVERIFY2(ink.pixels < side * side * 3 / 4, qPrintable(where));
            }
        }
        // Disabled and selected (the side bar's current page) drawn too, not derived.
        QVERIFY(!bundled.pixmap(QSize(24, 24), 2.0, QIcon::Disabled).isNull());
        QVERIFY(!bundled.pixmap(QSize(24, 24), 2.0, QIcon::Selected).isNull());
    }
}

void TestIcons::drawnInThePalettesTextColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestIcons::drawnInThePalettesTextColour()
{
    QFETCH(bool, dark);
    const QPalette palette = dark ? sb::ui::darkPalette() : lightPalette();
    for (const Named& icon : everyIcon()) {
        for (qreal ratio : {1.0, 2.0}) {
            const Ink ink = inkOf(icon.bundled(palette).pixmap(QSize(24, 24), ratio));
            const QString where =
                QStringLiteral("%1 at %2x: luma %3").arg(icon.name).arg(ratio).arg(ink.luma);
            if (dark)
                QVERIFY2(ink.luma > 0.55, qPrintable(where));
            else
                QVERIFY2(ink.luma < 0.45, qPrintable(where));
        }
        // Selected: the highlighted text's colour (white on the highlight in both).
        const Ink selected =
            inkOf(icon.bundled(palette).pixmap(QSize(24, 24), 1.0, QIcon::Selected));
        QVERIFY2(selected.luma > 0.9, qPrintable(icon.name));
    }
}

void TestIcons::statesKeepTheirColourInBothPalettes()
{
    using State = Icons::State;
    for (const QPalette& palette : {lightPalette(), sb::ui::darkPalette()}) {
        // Red, amber and green, each clearly its hue; the final states in the text colour.
        const QColor owed = Icons::stateColor(State::Owed, palette);
        const QColor low = Icons::stateColor(State::LowBalance, palette);
        const QColor ok = Icons::stateColor(State::Ok, palette);
        QVERIFY(owed.hslHue() < 15 || owed.hslHue() > 345);
        QVERIFY(low.hslHue() > 30 && low.hslHue() < 55);
        QVERIFY(ok.hslHue() > 100 && ok.hslHue() < 150);
        QCOMPARE(Icons::stateColor(State::Problem, palette), owed);
        QCOMPARE(Icons::stateColor(State::Cancelled, palette), palette.color(QPalette::WindowText));
        QCOMPARE(Icons::stateColor(State::Expired, palette), palette.color(QPalette::WindowText));
        // The drawing is in that colour.
        const QImage image =
            Icons::bundledForState(State::Owed, palette).pixmap(QSize(48, 48), 1.0).toImage();
        bool found = false;
        for (int x = 0; x < image.width() && !found; ++x)
            found = QColor::fromRgba(image.pixel(x, 24)).rgb() == owed.rgb();
        QVERIFY(found);
    }
    // Each state its own drawing, so colour is never the only sign.
    QSet<QByteArray> drawings;
    for (State state : Icons::states()) {
        const QImage image = Icons::bundledForState(state, lightPalette())
                                 .pixmap(QSize(24, 24), 1.0)
                                 .toImage()
                                 .convertToFormat(QImage::Format_Alpha8);
        drawings.insert(
            QByteArray(reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes()));
    }
    QCOMPARE(drawings.size(), Icons::states().size());
}

void TestIcons::stateIconsStandOutFromTheWindow()
{
    // WCAG relative luminance; graphics need 3:1 against what is behind them.
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const auto contrast = [&](const QColor& a, const QColor& b) {
        const double la = luminance(a);
        const double lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    for (const bool dark : {false, true}) {
        const QPalette palette = dark ? sb::ui::darkPalette() : lightPalette();
        for (Icons::State state : Icons::states()) {
            const QIcon icon = Icons::bundledForState(state, palette);
            for (qreal ratio : {1.0, 2.0}) {
                const QImage image = icon.pixmap(QSize(16, 16), ratio)
                                         .toImage()
                                         .convertToFormat(QImage::Format_ARGB32);
                QCOMPARE(image.devicePixelRatio(), ratio);
                // The most opaque pixels are the drawing's colour: they must stand out from
                // the window and from the views' base, whatever the palette.
                double best = 1;
                int drawn = 0;
                for (int y = 0; y < image.height(); ++y) {
                    for (int x = 0; x < image.width(); ++x) {
                        const QColor c = image.pixelColor(x, y);
                        if (c.alpha() < 128)
                            continue;
                        ++drawn;
                        best = std::max(best, std::min(contrast(c, palette.color(QPalette::Window)),
                                                       contrast(c, palette.color(QPalette::Base))));
                    }
                }
                const QString where =
                    QStringLiteral("state %1, %2 palette, %3x: contrast %4")
                        .arg(int(state))
                        .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"))
                        .arg(ratio)
                        .arg(best);
                QVERIFY2(drawn > 0, qPrintable(where)); // not blank at 1× nor at 2×
                QVERIFY2(best >= 3.0, qPrintable(where));
            }
        }
    }
}

void TestIcons::followsTheApplicationPalette()
{
    QApplication::setPalette(sb::ui::darkPalette());
    QVERIFY(inkOf(Icons::forAction(QStringLiteral("topUpAction")).pixmap(QSize(22, 22), 2.0)).luma >
            0.55);
    QVERIFY(inkOf(Icons::forPage(QStringLiteral("members")).pixmap(QSize(16, 16), 1.0)).luma >
            0.55);
    QApplication::setPalette(lightPalette());
    QVERIFY(inkOf(Icons::forAction(QStringLiteral("topUpAction")).pixmap(QSize(22, 22), 2.0)).luma <
            0.45);
    QVERIFY(inkOf(Icons::forState(Icons::State::Owed).pixmap(QSize(16, 16), 1.0)).luma < 0.45);
}

void TestIcons::desktopThemeOnlyWhenItHasTheIcon()
{
    // A theme with only edit-find.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("tiny/24x24/actions")));
    QFile index(root.filePath(QStringLiteral("tiny/index.theme")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=Tiny\nDirectories=24x24/actions\n\n"
                "[24x24/actions]\nSize=24\nType=Fixed\n");
    index.close();
    QImage red(24, 24, QImage::Format_ARGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(root.filePath(QStringLiteral("tiny/24x24/actions/edit-find.png"))));

    // No theme set: the bundled drawing even though a theme directory is there.
    QIcon::setThemeSearchPaths({dir.path()});
    QIcon::setThemeName(QString());
    QVERIFY(Icons::forAction(QStringLiteral("findAction")).name().isEmpty());

    QIcon::setThemeName(QStringLiteral("tiny"));
    const QIcon find = Icons::forAction(QStringLiteral("findAction"));
    QCOMPARE(find.name(), QStringLiteral("edit-find"));
    QCOMPARE(find.pixmap(QSize(24, 24), 1.0).toImage().pixelColor(12, 12), QColor(Qt::red));
    // The theme lacks application-exit: the bundled one, not a blank.
    const QIcon quit = Icons::forAction(QStringLiteral("quitAction"));
    QVERIFY(quit.name().isEmpty());
    QVERIFY(inkOf(quit.pixmap(QSize(24, 24), 1.0)).pixels > 0);
}

void TestIcons::decorateDressesAWindowAndFollowsItsPalette()
{
    QApplication::setPalette(lightPalette());
    QMainWindow window;
    QMenu* file = window.menuBar()->addMenu(QStringLiteral("File"));
    auto* quit = file->addAction(QStringLiteral("Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    auto* other = file->addAction(QStringLiteral("Other"));
    other->setObjectName(QStringLiteral("otherAction"));
    QToolBar* toolBar = window.addToolBar(QStringLiteral("Main"));
    auto* topUp = new QAction(QStringLiteral("Top up"), &window);
    topUp->setObjectName(QStringLiteral("topUpAction"));
    toolBar->addAction(topUp);
    auto* showMembers = new QAction(QStringLiteral("Members"), &window);
    showMembers->setObjectName(QStringLiteral("showMembersAction"));
    window.addAction(showMembers);
    auto* navigation = new QListWidget(&window);
    navigation->setObjectName(QStringLiteral("navigation"));
    for (const char* id : {"dashboard", "members"}) {
        auto* item = new QListWidgetItem(QString::fromLatin1(id), navigation);
        item->setData(Qt::UserRole, QString::fromLatin1(id));
    }
    window.setCentralWidget(navigation);

    QVERIFY(quit->icon().isNull());
    Icons::decorate(&window);
    QVERIFY(!quit->icon().isNull());
    QVERIFY(!topUp->icon().isNull());
    QVERIFY(!showMembers->icon().isNull());
    QVERIFY(other->icon().isNull());
    QVERIFY(!navigation->item(0)->icon().isNull());
    QVERIFY(!navigation->item(1)->icon().isNull());
    QVERIFY(inkOf(topUp->icon().pixmap(QSize(24, 24), 1.0)).luma < 0.45);

    // A page built later puts its actions in the tool bar: they get theirs too.
    auto* addBundles = new QAction(QStringLiteral("Add bundles"), &window);
    addBundles->setObjectName(QStringLiteral("addBundlesAction"));
    toolBar->addAction(addBundles);
    QCoreApplication::sendPostedEvents();
    QVERIFY(!addBundles->icon().isNull());

    // A switch to a dark palette draws them again, light.
    window.setPalette(sb::ui::darkPalette());
    QCoreApplication::sendPostedEvents();
    QVERIFY(inkOf(topUp->icon().pixmap(QSize(24, 24), 1.0)).luma > 0.55);
    QVERIFY(inkOf(quit->icon().pixmap(QSize(16, 16), 2.0)).luma > 0.55);
    QVERIFY(inkOf(navigation->item(1)->icon().pixmap(QSize(16, 16), 1.0)).luma > 0.55);

    // Again is harmless: one watcher per window.
    const qsizetype children = window.children().size();
    Icons::decorate(&window);
    QCOMPARE(window.children().size(), children);
}

void TestIcons::contactSheet()
{
    const QString path = qEnvironmentVariable("SB_ICONS_CONTACT_SHEET");
    if (path.isEmpty())
        QSKIP("set SB_ICONS_CONTACT_SHEET to a PNG path to draw every icon");
    // One row per drawing (the show…Actions repeat the pages): name, then light and dark
    // panels, each 16 and 24 px at 1× and 2× (2× shown at its real pixels) and 48 px.
    QList<Named> icons;
    QSet<QString> seen;
    for (const Named& icon : everyIcon()) {
        const QImage key = icon.bundled(lightPalette()).pixmap(QSize(24, 24), 1.0).toImage();
        const QString bits = QString::fromLatin1(
            QByteArray(reinterpret_cast<const char*>(key.constBits()), key.sizeInBytes())
                .toBase64());
        if (seen.contains(bits))
            continue;
        seen.insert(bits);
        icons.append(icon);
    }
    const int rowHeight = 56;
    const int nameWidth = 200;
    const int panelWidth = 16 + 24 + 32 + 48 + 48 + 6 * 10;
    const int columns = 2;
    const int rows = int((icons.size() + columns - 1) / columns);
    const int columnWidth = nameWidth + 2 * panelWidth;
    QImage sheet(columns * columnWidth, rows * rowHeight, QImage::Format_ARGB32);
    sheet.fill(Qt::white);
    QPainter painter(&sheet);
    for (int i = 0; i < icons.size(); ++i) {
        const int x0 = (i / rows) * columnWidth;
        const int y0 = (i % rows) * rowHeight;
        painter.fillRect(x0, y0, nameWidth, rowHeight,
                         i % 2 ? QColor(0xf8, 0xf8, 0xf8) : Qt::white);
        painter.setPen(Qt::black);
        painter.drawText(QRect(x0 + 6, y0, nameWidth - 6, rowHeight), Qt::AlignVCenter,
                         icons[i].name);
        for (bool dark : {false, true}) {
            const QPalette palette = dark ? sb::ui::darkPalette() : lightPalette();
            const int px = x0 + nameWidth + (dark ? panelWidth : 0);
            painter.fillRect(px, y0, panelWidth, rowHeight, palette.color(QPalette::Window));
            const QIcon icon = icons[i].bundled(palette);
            int x = px + 10;
            const std::pair<int, qreal> shots[] = {
                {16, 1.0}, {24, 1.0}, {16, 2.0}, {24, 2.0}, {48, 1.0}};
            for (const auto& [size, ratio] : shots) {
                QPixmap pixmap = icon.pixmap(QSize(size, size), ratio);
                pixmap.setDevicePixelRatio(1.0);
                painter.drawPixmap(x, y0 + (rowHeight - pixmap.height()) / 2, pixmap);
                x += pixmap.width() + 10;
            }
        }
    }
    painter.end();
    QVERIFY(sheet.save(path));
    qInfo("contact sheet: %s", qPrintable(path));
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
