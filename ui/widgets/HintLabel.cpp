#include "ui/widgets/HintLabel.h"

#include <QAccessible>
#include <QDialog>
#include <QLayout>

namespace sb::ui {

HintLabel::HintLabel(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
}

void HintLabel::showMessage(Kind kind, const QString& text)
{
    // Dialogs show their message again on every keystroke: a screen reader hears it once.
    const bool changed = kind != m_kind || text != this->text() || isHidden();
    m_kind = kind;
    QPalette p = palette();
    switch (kind) {
    case Kind::Error:
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
        break;
    case Kind::Warning:
        p.setColor(QPalette::WindowText, QColor(0x8a, 0x4b, 0x00));
        break;
    case Kind::Info:
        p = QPalette();
        break;
    }
    setPalette(p);
    setText(text);
    updateAccessibleName();
    setVisible(!text.isEmpty());
    growDialogToFit();
    if (changed)
        announce();
}

void HintLabel::updateAccessibleName()
{
    // The accessible name is what a screen reader reads for a label; it replaces the text, so
    // it must carry the text itself. The kind leads so that a problem is heard as one.
    if (text().isEmpty()) {
        setAccessibleName(QString());
        return;
    }
    switch (m_kind) {
    case Kind::Error:
        setAccessibleName(tr("Problem: %1").arg(text()));
        break;
    case Kind::Warning:
        setAccessibleName(tr("Warning: %1").arg(text()));
        break;
    case Kind::Info:
        setAccessibleName(text());
        break;
    }
}

void HintLabel::announce()
{
    if (text().isEmpty() || !isVisibleTo(window()))
        return;
    // Screen readers speak a changed name of the object in focus's window; an error is also
    // raised as an alert, which Orca reads even when the focus is elsewhere.
    QAccessibleEvent changed(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
    if (m_kind == Kind::Error) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
    emit announced(accessibleName());
}

void HintLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        updateAccessibleName();
}

void HintLabel::growDialogToFit()
{
    // A dialog does not grow by itself when a wrapped message appears: without this the last
    // line of a long message is cut off.
    auto* dialog = qobject_cast<QDialog*>(window());
    if (!dialog || !dialog->isVisible() || !dialog->layout())
        return;
    QLayout* layout = dialog->layout();
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                                   : layout->totalSizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

void HintLabel::clearMessage()
{
    setText(QString());
    setAccessibleName(QString());
    setVisible(false);
}

} // namespace sb::ui
