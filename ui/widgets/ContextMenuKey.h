#pragma once

#include <QObject>

namespace sb::ui {

/// Shift+F10 opens the context menu of the focused widget, at its current item or caret, as
/// the Menu key does. Windows does this itself; X11, Wayland and macOS do not, and a keyboard
/// user there has no other way to a table's context menu. Installed on the application by
/// the main window.
class ContextMenuKey : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace sb::ui
