#include "ui/widgets/ButtonTextKeeper.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>

namespace sb::ui {

ButtonTextKeeper::ButtonTextKeeper(QDialogButtonBox* box, std::function<void()> retranslate)
    : QObject(box), m_retranslate(std::move(retranslate))
{
    box->installEventFilter(this);
}

void ButtonTextKeeper::install(QDialogButtonBox* box, std::function<void()> retranslate)
{
    new ButtonTextKeeper(box, std::move(retranslate));
}

bool ButtonTextKeeper::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::LanguageChange || m_forwarding)
        return QObject::eventFilter(watched, event);
    // The box first (it resets its standard buttons to Qt's texts), then the dialog's own.
    m_forwarding = true;
    QCoreApplication::sendEvent(watched, event);
    m_forwarding = false;
    m_retranslate();
    return true;
}

} // namespace sb::ui
