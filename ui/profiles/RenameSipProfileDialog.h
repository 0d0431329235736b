#pragma once

#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sb::ui {

class HintLabel;

/// Edits a SIP profile's name; a name in use or an empty one is refused inline.
class RenameSipProfileDialog : public QDialog
{
    Q_OBJECT

public:
    RenameSipProfileDialog(const Context& ctx, const QString& name, QWidget* parent = nullptr);

    /// The profile after accept().
    const SipProfile& profile() const { return m_profile; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    const Context& m_ctx;
    QString m_oldName;
    SipProfile m_profile;
    QLabel* m_intro = nullptr;
    QLabel* m_nameLabel = nullptr;
    QLineEdit* m_name = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
};

} // namespace sb::ui
