#pragma once

#include <QObject>

#include <functional>

class QDialogButtonBox;
class QEvent;

namespace sb::ui {

/// Keeps a dialog's own texts on its standard buttons ("Top up" on Ok, not "OK") across a
/// runtime language switch. A QDialogButtonBox puts Qt's default texts back on every
/// LanguageChange, and it gets the event after its dialog has retranslated (a widget's
/// children get it after the widget): the keeper lets the box have the event, then runs the
/// dialog's retranslation once more.
class ButtonTextKeeper : public QObject
{
    Q_OBJECT

public:
    /// Watches `box` (and goes with it); `retranslate` sets the dialog's texts again.
    static void install(QDialogButtonBox* box, std::function<void()> retranslate);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ButtonTextKeeper(QDialogButtonBox* box, std::function<void()> retranslate);
    std::function<void()> m_retranslate;
    bool m_forwarding = false;
};

} // namespace sb::ui
