#pragma once

#include "core/base/Error.h"
#include "core/base/ImportReport.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace sb::ui {

class HintLabel;

/// The result of an import's dry run: every problem with its line, and "Import N members"
/// only when there is none.
class ImportMembersDialog : public QDialog
{
    Q_OBJECT

public:
    ImportMembersDialog(const QString& path, const Result<ImportReport>& dryRun,
                        QWidget* parent = nullptr);

    QString path() const { return m_path; }
    bool canImport() const;
    int problemCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWidgets();

    QString m_path;
    Result<ImportReport> m_report;
    QLabel* m_summary = nullptr;
    QTableWidget* m_problems = nullptr;
    HintLabel* m_hint = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace sb::ui
