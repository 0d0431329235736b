#pragma once

#include <QColor>
#include <QIcon>
#include <QList>
#include <QPalette>
#include <QString>
#include <QStringList>

class QWidget;

namespace sb::ui {

/// The window's icons: side bar pages, actions (by their fixed objectName, docs/AUTOMATION.md)
/// and the states a row can be in. Each comes from the desktop's icon theme under its
/// freedesktop name when a theme is set and has it; otherwise it is the bundled drawing
/// (resources/icons, 24×24 in `currentColor`), rendered in the palette's text colour at the
/// usual sizes for 1× and 2× screens, so it is crisp and right in a dark palette too.
///
/// Call from the UI thread only: the rendered icons are kept for the life of the program.
class Icons
{
public:
    /// What a member, a number, a SIP profile or a bundle is in; each has its own shape, so
    /// the colour is never the only sign.
    enum class State
    {
        Ok,         ///< active, paid, nothing to do
        Warning,    ///< something to look at soon
        Problem,    ///< something failed or is refused
        Owed,       ///< a balance below zero
        LowBalance, ///< a balance that will not last long
        Cancelled,  ///< cancelled by the admin (may still run until a date)
        Lapsed,     ///< a renewal the balance could not pay
        Expired,    ///< ended at its date
    };

    /// The icon of the action named `objectName` ("topUpAction", "showMembersAction"); a
    /// null icon for an action without one.
    static QIcon forAction(const QString& objectName);
    /// The side bar icon of the page `pageId` ("sip-profiles"); null for an unknown page.
    static QIcon forPage(const QString& pageId);
    /// The icon of `state`, in the state's colour (green, amber, red or the text colour)
    /// made light or dark to suit the palette.
    static QIcon forState(State state);

    /// Sets the icon of every QAction under `window` (menus, tool bars, pages) whose
    /// objectName has one, drawn for `window`'s palette. Call it again on
    /// QEvent::PaletteChange or QEvent::StyleChange to follow a switch to a dark palette.
    static void decorate(QWidget* window);

    /// Every action objectName with an icon, including the pages' "show…Action"s.
    static QStringList actionNames();
    /// Every page id with an icon, in side bar order.
    static QStringList pageIds();
    /// Every state, in declaration order.
    static QList<State> states();

    /// The icon sizes the bundled drawings are rendered at (each at 1× and 2×).
    static QList<int> sizes();
    /// The bundled drawing of the action, page or state, tinted for `palette`: what the
    /// functions above give without a desktop theme. Null for an unknown name.
    static QIcon bundledForAction(const QString& objectName, const QPalette& palette);
    static QIcon bundledForPage(const QString& pageId, const QPalette& palette);
    static QIcon bundledForState(State state, const QPalette& palette);
    /// The colour the bundled drawing of `state` is tinted for `palette`.
    static QColor stateColor(State state, const QPalette& palette);
};

} // namespace sb::ui
