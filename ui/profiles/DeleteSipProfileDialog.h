#pragma once

#include "core/profiles/ProfileService.h"
#include "core/storage/Context.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace sb::ui {

class HintLabel;

/// Deletes a SIP profile after listing what happens, with the actual figures: its credit
/// returns to the company balance, each number returns to the pool, its accounts are
/// unlinked, its call history (N calls) is deleted — with an offer to export that history
/// first. All of it happens in one transaction.
class DeleteSipProfileDialog : public QDialog
{
    Q_OBJECT

public:
    /// `chooseFile` returns the CSV path for the export, or empty for "cancelled".
    DeleteSipProfileDialog(const Context& ctx, const ProfileService::Deletion& preview,
                           std::function<QString()> chooseFile, QWidget* parent = nullptr);

    /// What was done (after accept()).
    const ProfileService::Deletion& deletion() const { return m_deletion; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void exportHistory();

    const Context& m_ctx;
    ProfileService::Deletion m_preview;
    ProfileService::Deletion m_deletion;
    std::function<QString()> m_chooseFile;
    Money m_companyBalance;
    QLabel* m_question = nullptr;
    QLabel* m_consequences = nullptr;
    QPushButton* m_export = nullptr;
    HintLabel* m_exportResult = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace sb::ui
