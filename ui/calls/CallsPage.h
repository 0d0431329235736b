#pragma once

#include "core/storage/Context.h"
#include "ui/widgets/FileChooser.h"

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace sb {
class CallsModel;
struct CallImportReport;
} // namespace sb

namespace sb::ui {

class ColumnFitter;
class EmptyState;

class HintLabel;

/// The call history (lazy, filtered, searched and sorted in SQL, millions of rows) with the
/// totals of what the filters match, and the call records actions: import a PBX's file (on
/// a worker thread with its own connection, progress and Cancel), export the filtered
/// calls to CSV, and the monthly statement (PDF, CSV, print).
class CallsPage : public QWidget
{
    Q_OBJECT

public:
    explicit CallsPage(const Context& ctx, QWidget* parent = nullptr);

    CallsModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QList<QAction*> toolBarActions() const;
    QAction* importAction() const { return m_importAction; }
    QAction* exportAction() const { return m_exportAction; }
    QAction* statementAction() const { return m_statementAction; }
    /// True while an import or export runs.
    bool isBusy() const { return m_busy; }

    /// Replaces the file dialogs of import and export (tests, automation). The function
    /// returns the chosen path, or an empty string for "cancelled".
    void setFileDialogOverride(std::function<QString()> chooser)
    {
        m_files.setOverride(std::move(chooser));
    }
    /// Runs in the worker thread before an import reads its file (tests: hold the worker
    /// until Cancel was pressed).
    void setBeforeImportHook(std::function<void()> hook) { m_beforeImport = std::move(hook); }

    void saveSettings() const;
    void restoreSettings();

public slots:
    void importCalls();
    void exportCalls();
    /// Asks how to read `path` (format, time zone), then imports it.
    void importFromFile(const QString& path);
    void exportToFile(const QString& path);
    /// Opens the monthly statement (ui/reports/StatementDialog).
    void showStatement();
    void refresh();
    void focusSearch();

signals:
    /// Routine news for the status bar.
    void statusMessage(const QString& text);
    /// An import or export ended (whatever its outcome).
    void jobFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateActions();
    void updateTotals();
    void reloadChoices();
    void applyDates();
    void runImport(const QString& path, int format, const QByteArray& zone);
    void showImportReport(const QString& file, const CallImportReport& report);

    const Context& m_ctx;
    CallsModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    EmptyState* m_empty = nullptr;
    QLabel* m_profileLabel = nullptr;
    QComboBox* m_profile = nullptr;
    QLabel* m_memberLabel = nullptr;
    QLineEdit* m_member = nullptr;
    QTimer* m_memberDelay = nullptr;
    QLabel* m_departmentLabel = nullptr;
    QComboBox* m_department = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_toLabel = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_totals = nullptr;
    HintLabel* m_error = nullptr;
    HintLabel* m_report = nullptr;
    QTableView* m_table = nullptr;
    ColumnFitter* m_fitter = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_statementAction = nullptr;
    FileChooser m_files;
    std::function<void()> m_beforeImport;
    bool m_busy = false;
};

} // namespace sb::ui
