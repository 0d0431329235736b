#pragma once

#include "core/reports/MonthlyStatement.h"
#include "core/storage/Context.h"
#include "ui/widgets/FileChooser.h"

#include <QDialog>

#include <functional>
#include <optional>

class QDateEdit;
class QLabel;
class QPushButton;
class QDialogButtonBox;

namespace sb::ui {

class HintLabel;

/// The monthly statement of a chosen month: the company's opening and closing balance and
/// the month's totals at a glance, saved as PDF or CSV (computed and written on a worker
/// thread with its own connection) or printed through the print dialog.
class StatementDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StatementDialog(const Context& ctx, QWidget* parent = nullptr);

    /// Replaces the file dialogs (tests, automation): returns the chosen path, or an empty
    /// string for "cancelled".
    void setFileDialogOverride(std::function<QString()> chooser)
    {
        m_files.setOverride(std::move(chooser));
    }
    /// The chosen month, "YYYY-MM".
    QString month() const;
    void setMonth(const QString& month);
    bool isBusy() const { return m_busy; }

public slots:
    void savePdf();
    void saveCsv();
    void print();
    void saveToFile(const QString& path, bool pdf);

signals:
    /// Routine news for the status bar.
    void statusMessage(const QString& text);
    /// A save ended (whatever its outcome).
    void jobFinished();

protected:
    void changeEvent(QEvent* event) override;
    void reject() override;

private:
    void retranslateUi();
    void updateSummary();
    void updateButtons();

    const Context& m_ctx;
    QLabel* m_monthLabel = nullptr;
    QDateEdit* m_month = nullptr;
    QLabel* m_summary = nullptr;
    HintLabel* m_error = nullptr;
    QPushButton* m_pdf = nullptr;
    QPushButton* m_csv = nullptr;
    QPushButton* m_print = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    FileChooser m_files{QStringLiteral("statement")};
    std::optional<MonthStatement> m_statement;
    bool m_busy = false;
};

} // namespace sb::ui
