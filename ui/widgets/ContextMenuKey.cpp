#include "ui/widgets/ContextMenuKey.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QWidget>

namespace sb::ui {

bool ContextMenuKey::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() != Qt::Key_F10 || key->modifiers() != Qt::ShiftModifier)
        return QObject::eventFilter(watched, event);
    // Only the widget with the focus: the key event also passes its parents' filters.
    QWidget* widget = QApplication::focusWidget();
    if (!widget || watched != widget || widget->contextMenuPolicy() == Qt::NoContextMenu ||
        widget->contextMenuPolicy() == Qt::PreventContextMenu)
        return QObject::eventFilter(watched, event);
    // Where the Menu key would put it: at the current row of a view, else inside the widget.
    QPoint pos(widget->width() / 2, widget->height() / 2);
    if (const auto* view = qobject_cast<QAbstractItemView*>(widget)) {
        const QRect rect = view->visualRect(view->currentIndex());
        if (rect.isValid() && view->viewport()->rect().intersects(rect))
            pos = view->viewport()->mapTo(widget, rect.center());
    } else {
        const QRect caret = widget->inputMethodQuery(Qt::ImCursorRectangle).toRect();
        if (caret.isValid())
            pos = caret.center();
    }
    QContextMenuEvent menu(QContextMenuEvent::Keyboard, pos, widget->mapToGlobal(pos),
                           key->modifiers());
    QApplication::sendEvent(widget, &menu);
    return true;
}

} // namespace sb::ui
