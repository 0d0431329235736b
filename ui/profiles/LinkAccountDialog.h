#pragma once

#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sb::ui {

class HintLabel;
class HolderCompleter;

/// Links a member's account to a SIP profile for incoming calls, with an optional
/// extension (digits). Says that the account can no longer sign in while linked.
class LinkAccountDialog : public QDialog
{
    Q_OBJECT

public:
    LinkAccountDialog(const Context& ctx, const SipProfile& profile, QWidget* parent = nullptr);

    /// The profile after accept().
    const SipProfile& profile() const { return m_profile; }
    QString account() const { return m_linked; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    const Context& m_ctx;
    SipProfile m_profile;
    QString m_linked;
    QLabel* m_intro = nullptr;
    QLabel* m_accountLabel = nullptr;
    QLineEdit* m_account = nullptr;
    HolderCompleter* m_completer = nullptr;
    QLabel* m_extensionLabel = nullptr;
    QLineEdit* m_extension = nullptr;
    HintLabel* m_info = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
};

} // namespace sb::ui
