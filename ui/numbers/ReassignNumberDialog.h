#pragma once

#include "core/numbers/NumberRecord.h"
#include "core/storage/Context.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sb::ui {

class HintLabel;
class HolderCompleter;

/// Gives a number to another member or SIP profile: the name is typed with completion on
/// both kinds (each entry says which), and the dialog reminds the admin that the number's
/// terms still apply — in stronger words where the country requires terms. A refusal
/// (unknown holder, already the holder) shows inline and changes nothing.
class ReassignNumberDialog : public QDialog
{
    Q_OBJECT

public:
    ReassignNumberDialog(const Context& ctx, const NumberRecord& number, QWidget* parent = nullptr);

    /// The number as it is after accept().
    const NumberRecord& result() const { return m_result; }
    NumberHolder typedHolder() const;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    const Context& m_ctx;
    NumberRecord m_number;
    NumberRecord m_result;
    bool m_termsRequired = false;
    QLabel* m_numberLabel = nullptr;
    QLabel* m_currentHolder = nullptr;
    QLabel* m_kindLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_holderLabel = nullptr;
    QLineEdit* m_holder = nullptr;
    HolderCompleter* m_completer = nullptr;
    HintLabel* m_terms = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_refusal;
};

} // namespace sb::ui
