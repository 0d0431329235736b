#include "ui/widgets/HintLabel.h"

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
    setVisible(!text.isEmpty());
    growDialogToFit();
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
    setVisible(false);
}

} // namespace sb::ui
