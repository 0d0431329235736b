#include "ui/widgets/Icons.h"

#include "ui/widgets/TintedSvgIconEngine.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QHash>
#include <QListWidget>
#include <QMenu>
#include <QPixmap>
#include <QPointer>
#include <QSet>
#include <QSvgRenderer>
#include <QToolBar>
#include <QWidget>

#include <iterator>

// The resource of a static library is linked only when something names it.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace sb::ui {

namespace {

/// One icon: the bundled drawing (resources/icons/<svg>.svg) and the freedesktop names to ask
/// the desktop theme for, best first, space-separated. No theme name where the naming
/// specification has nothing that means the same: a theme's "list-add" would say less than
/// the bundled banknote with a plus. Pairs (link/unlink) stay together in one source.
struct Entry
{
    const char* key;
    const char* svg;
    const char* theme;
};

// Side bar order, as registered in MainWindow.cpp.
constexpr Entry kPages[] = {
    {"dashboard", "dashboard", "go-home"},
    {"members", "members", "system-users x-office-address-book"},
    {"numbers", "numbers", "phone"},
    {"sip-profiles", "sip-profiles", "network-server"},
    {"calls", "calls", "call-start"},
    {"activity", "activity", "document-open-recent"},
    {"settings", "settings", "preferences-system"},
};

constexpr Entry kActions[] = {
    {"aboutAction", "about", "help-about"},
    {"addMemberAction", "member-add", "contact-new"},
    {"allocateCreditAction", "credit-allocate", ""},
    {"allocateProfileCreditAction", "credit-allocate", ""},
    {"autoRechargeAction", "auto-recharge", ""},
    {"topUpAction", "top-up", ""},
    {"buyNumbersAction", "numbers-buy", ""},
    {"buyNumbersForMembersAction", "numbers-buy", ""},
    {"buyNumberForProfileAction", "numbers-buy", ""},
    {"cancelNumbersAction", "numbers-cancel", ""},
    {"columnsAction", "columns", "view-list-details"},
    {"cancelNumbersOfMembersAction", "numbers-cancel", ""},
    {"reassignNumberAction", "number-reassign", ""},
    {"exportCallsAction", "export", "document-export document-save-as"},
    {"exportMembersAction", "export", "document-export document-save-as"},
    {"importCallsAction", "import", "document-import document-open"},
    {"importMembersAction", "import", "document-import document-open"},
    {"findAction", "find", "edit-find"},
    {"quitAction", "quit", "application-exit"},
    {"refreshAction", "refresh", "view-refresh"},
    {"runBillingAction", "billing-run", ""},
    {"statementAction", "statement", ""},
    {"createSipProfileAction", "profile-create", ""},
    {"renameSipProfileAction", "rename", "edit-rename"},
    {"changeChannelsAction", "channels", ""},
    {"linkAccountAction", "link", ""},
    {"unlinkAccountAction", "unlink", ""},
    {"deleteSipProfileAction", "delete", "edit-delete"},
    {"addBundlesAction", "bundles-add", ""},
    {"changeBundlesAction", "bundles-change", ""},
    {"cancelBundlesAction", "bundles-cancel", ""},
    {"extendBundlesAction", "bundles-extend", ""},
};

// In the order of Icons::State.
constexpr Entry kStates[] = {
    {"ok", "state-ok", ""},
    {"warning", "state-warning", "dialog-warning"},
    {"problem", "state-problem", "dialog-error"},
    {"owed", "state-owed", ""},
    {"low-balance", "state-low-balance", ""},
    {"cancelled", "state-cancelled", ""},
    {"lapsed", "state-lapsed", ""},
    {"expired", "state-expired", ""},
};
static_assert(std::size(kStates) == int(Icons::State::Expired) + 1);

/// "sip-profiles" -> "showSipProfilesAction", as Page::actionName names the View menu's
/// actions (ui/widgets may not include the shell).
QString showActionName(const char* pageId)
{
    QString name = QStringLiteral("show");
    for (const QString& part : QString::fromLatin1(pageId).split(QLatin1Char('-')))
        name += part.left(1).toUpper() + part.mid(1);
    return name + QStringLiteral("Action");
}

const Entry* findEntry(const QString& key, const Entry* begin, const Entry* end)
{
    for (const Entry* e = begin; e != end; ++e) {
        if (key == QLatin1String(e->key))
            return e;
    }
    return nullptr;
}

const Entry* pageEntry(const QString& pageId)
{
    return findEntry(pageId, std::begin(kPages), std::end(kPages));
}

const Entry* actionEntry(const QString& objectName)
{
    if (const Entry* e = findEntry(objectName, std::begin(kActions), std::end(kActions)))
        return e;
    for (const Entry& page : kPages) {
        if (objectName == showActionName(page.key))
            return &page;
    }
    return nullptr;
}

const Entry& stateEntry(Icons::State state)
{
    return kStates[int(state)];
}

/// The colours one bundled icon is drawn in: its normal colour, the disabled one and the one
/// on a selection (the side bar's current page).
using Tint = TintedSvgIconEngine::Colours;

Tint textTint(const QPalette& palette)
{
    return {palette.color(QPalette::Active, QPalette::WindowText),
            palette.color(QPalette::Disabled, QPalette::WindowText),
            palette.color(QPalette::Active, QPalette::HighlightedText)};
}

/// The bundled drawing `svg` in the tint's colours, drawn at a size when first shown at it
/// (TintedSvgIconEngine); kept by drawing and colours, so a palette switch draws anew and a
/// return to the old palette finds the old drawings.
QIcon bundled(const char* svg, const Tint& tint)
{
    static QHash<QString, QIcon> cache;
    const QString key = QLatin1String(svg) + QLatin1Char('/') + tint.normal.name(QColor::HexArgb) +
                        tint.disabled.name(QColor::HexArgb) + tint.selected.name(QColor::HexArgb);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;

    static const bool resourcesReady = (initIconResources(), true);
    Q_UNUSED(resourcesReady);
    QFile file(QStringLiteral(":/switchboard/icons/%1.svg").arg(QLatin1String(svg)));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Icons: no bundled drawing %s", svg);
        return {};
    }
    const QByteArray drawing = file.readAll();
    if (!QSvgRenderer(drawing).isValid()) {
        qWarning("Icons: the drawing %s does not parse", svg);
        return {};
    }
    const QIcon icon(new TintedSvgIconEngine(drawing, tint, Icons::sizes()));
    cache.insert(key, icon);
    return icon;
}

/// The desktop theme's icon for one of `names`, or `fallback`. Only a theme that is set and
/// has the icon: Qt's own fallback search would otherwise mix in whatever hicolor holds.
QIcon themed(const char* names, const QIcon& fallback)
{
    if (QIcon::themeName().isEmpty())
        return fallback;
    for (const QString& name :
         QString::fromLatin1(names).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (QIcon::hasThemeIcon(name))
            return QIcon::fromTheme(name, fallback);
    }
    return fallback;
}

QIcon forEntry(const Entry* entry, const QPalette& palette)
{
    if (!entry)
        return {};
    return themed(entry->theme, bundled(entry->svg, textTint(palette)));
}

QPalette applicationPalette()
{
    return QGuiApplication::palette();
}

/// Keeps a decorated window's icons right: draws them again when its palette or style
/// changes, and decorates actions that arrive later (a page built when first shown puts its
/// actions in the tool bar).
class Decorator final : public QObject
{
public:
    explicit Decorator(QWidget* window) : QObject(window), m_window(window)
    {
        window->installEventFilter(this);
    }

    void decorate()
    {
        m_pending = false;
        if (!m_window)
            return;
        const QPalette palette = m_window->palette();
        QList<QAction*> actions = m_window->findChildren<QAction*>();
        actions += m_window->actions();
        for (QAction* action : std::as_const(actions)) {
            if (const Entry* entry = actionEntry(action->objectName())) {
                // The same icon again would only repaint every tool button and menu.
                const QIcon icon = forEntry(entry, palette);
                if (action->icon().cacheKey() != icon.cacheKey())
                    action->setIcon(icon);
            }
        }
        // The side bar's items carry their page id (MainWindow).
        if (auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"))) {
            const QPalette listPalette = navigation->palette();
            for (int row = 0; row < navigation->count(); ++row) {
                QListWidgetItem* item = navigation->item(row);
                if (const Entry* entry = pageEntry(item->data(Qt::UserRole).toString())) {
                    const QIcon icon = forEntry(entry, listPalette);
                    if (item->icon().cacheKey() != icon.cacheKey())
                        item->setIcon(icon);
                }
            }
        }
        // Tool bars and menus made since the last time get watched too.
        for (QWidget* holder : m_window->findChildren<QWidget*>()) {
            if ((qobject_cast<QToolBar*>(holder) || qobject_cast<QMenu*>(holder)) &&
                !m_watched.contains(holder)) {
                m_watched.insert(holder);
                holder->installEventFilter(this);
                connect(holder, &QObject::destroyed, this,
                        [this, holder] { m_watched.remove(holder); });
            }
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        switch (event->type()) {
        case QEvent::ActionAdded:
            if (watched != m_window.data())
                later();
            break;
        case QEvent::PaletteChange:
        case QEvent::ApplicationPaletteChange:
        case QEvent::StyleChange:
        case QEvent::ThemeChange:
            if (watched == m_window.data())
                later();
            break;
        default:
            break;
        }
        return false;
    }

private:
    // Once for a burst (a page adds all its actions at once), after the burst.
    void later()
    {
        if (m_pending)
            return;
        m_pending = true;
        QMetaObject::invokeMethod(this, &Decorator::decorate, Qt::QueuedConnection);
    }

    QPointer<QWidget> m_window;
    QSet<QObject*> m_watched;
    bool m_pending = false;
};

} // namespace

QIcon Icons::forAction(const QString& objectName)
{
    return forEntry(actionEntry(objectName), applicationPalette());
}

QIcon Icons::forPage(const QString& pageId)
{
    return forEntry(pageEntry(pageId), applicationPalette());
}

QIcon Icons::forState(State state)
{
    const QPalette palette = applicationPalette();
    return themed(stateEntry(state).theme, bundledForState(state, palette));
}

void Icons::decorate(QWidget* window)
{
    if (!window)
        return;
    // Decorator has no meta-object of its own, so findChild could not tell it from any child.
    Decorator* decorator = nullptr;
    for (QObject* child : window->children()) {
        if ((decorator = dynamic_cast<Decorator*>(child)))
            break;
    }
    if (!decorator)
        decorator = new Decorator(window);
    decorator->decorate();
}

QStringList Icons::actionNames()
{
    QStringList names;
    for (const Entry& e : kActions)
        names << QLatin1String(e.key);
    for (const Entry& page : kPages)
        names << showActionName(page.key);
    return names;
}

QStringList Icons::pageIds()
{
    QStringList ids;
    for (const Entry& e : kPages)
        ids << QLatin1String(e.key);
    return ids;
}

QList<Icons::State> Icons::states()
{
    QList<State> all;
    for (int i = 0; i <= int(State::Expired); ++i)
        all << State(i);
    return all;
}

QList<int> Icons::sizes()
{
    return {16, 22, 24, 32, 48};
}

QIcon Icons::bundledForAction(const QString& objectName, const QPalette& palette)
{
    const Entry* entry = actionEntry(objectName);
    return entry ? bundled(entry->svg, textTint(palette)) : QIcon();
}

QIcon Icons::bundledForPage(const QString& pageId, const QPalette& palette)
{
    const Entry* entry = pageEntry(pageId);
    return entry ? bundled(entry->svg, textTint(palette)) : QIcon();
}

QIcon Icons::bundledForState(State state, const QPalette& palette)
{
    Tint tint = textTint(palette);
    tint.normal = stateColor(state, palette);
    return bundled(stateEntry(state).svg, tint);
}

QColor Icons::stateColor(State state, const QPalette& palette)
{
    // A dark palette is one whose text is lighter than its background; there the colours
    // are the light variants, so they stand out as much as in a light one.
    const bool dark = palette.color(QPalette::WindowText).lightnessF() >
                      palette.color(QPalette::Window).lightnessF();
    switch (state) {
    case State::Ok:
        return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
    case State::Warning:
    case State::LowBalance:
    case State::Lapsed:
        return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case State::Problem:
    case State::Owed:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case State::Cancelled:
    case State::Expired:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

} // namespace sb::ui
