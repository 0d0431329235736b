#pragma once

#include "core/storage/Context.h"
#include "ui/widgets/FileChooser.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;

namespace sb {
class MembersModel;
}

namespace sb::ui {

class ColumnFitter;
class EmptyState;

class HintLabel;

/// The members table (lazy, searched and sorted in SQL) and the member actions: add,
/// allocate credit, auto-recharge, import and export.
class MembersPage : public QWidget
{
    Q_OBJECT

public:
    explicit MembersPage(const Context& ctx, QWidget* parent = nullptr);

    /// The members table's model, its first page read (the page reads it when first shown).
    MembersModel* model() const;
    QTableView* table() const { return m_table; }
    QLineEdit* searchEdit() const { return m_search; }

    /// Add, allocate credit, auto-recharge, buy numbers, separator, import, export: for menus
    /// and tool bars.
    QList<QAction*> memberActions() const;
    /// What the window's tool bar shows while the page is in view: memberActions().
    QList<QAction*> toolBarActions() const { return memberActions(); }
    QAction* addMemberAction() const { return m_addAction; }
    QAction* importAction() const { return m_importAction; }
    QAction* exportAction() const { return m_exportAction; }
    QAction* buyNumbersAction() const { return m_buyNumbersAction; }
    QAction* cancelNumbersAction() const { return m_cancelNumbersAction; }

    QStringList selectedAccounts() const;
    /// Selects the fetched row of `account` (if fetched) and scrolls to it.
    bool selectAccount(const QString& account);
    /// Finds `account` however far down the table it is: selects the fetched row, or
    /// searches for it (the search box shows the account) and fetches until it is found.
    /// False when no such member exists.
    bool locateMember(const QString& account);
    /// True while an import or export runs.
    bool isBusy() const { return m_busy; }

    /// Replaces the file dialogs of import and export (tests, automation). The function
    /// returns the chosen path, or an empty string for "cancelled".
    void setFileDialogOverride(std::function<QString()> chooser)
    {
        m_files.setOverride(std::move(chooser));
    }

    void saveSettings() const;
    void restoreSettings();

public slots:
    void addMember();
    void allocateCredit();
    void autoRecharge();
    /// Asks for the Buy numbers wizard for the selected members (buyNumbersRequested).
    void buyNumbers();
    /// Asks to cancel the selected members' numbers (cancelNumbersRequested).
    void cancelNumbers();
    void importMembers();
    void exportMembers();
    /// Dry run off the UI thread, then the problems dialog, then the import with progress.
    void importFromFile(const QString& path);
    /// Export with progress, off the UI thread.
    void exportToFile(const QString& path);
    /// Reads the members again from the first page.
    void refresh();
    void focusSearch();

signals:
    /// The admin wants numbers for these members: the Numbers page runs the wizard.
    void buyNumbersRequested(const QStringList& accounts);
    /// The admin wants these members' numbers cancelled: the Numbers page confirms and does it.
    void cancelNumbersRequested(const QStringList& accounts);
    /// Routine news for the status bar.
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void updateActions();
    void updateCount();
    void runImport(const QString& path);
    /// Column widths from the fetched rows (a page at most, never the whole table).

    const Context& m_ctx;
    MembersModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    EmptyState* m_empty = nullptr;
    QLabel* m_count = nullptr;
    HintLabel* m_error = nullptr;
    QTableView* m_table = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_allocateAction = nullptr;
    QAction* m_autoRechargeAction = nullptr;
    QAction* m_buyNumbersAction = nullptr;
    QAction* m_cancelNumbersAction = nullptr;
    QAction* m_separator = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportAction = nullptr;
    FileChooser m_files;
    bool m_busy = false;
    ColumnFitter* m_fitter = nullptr;
};

} // namespace sb::ui
