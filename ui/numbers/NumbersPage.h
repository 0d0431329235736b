#pragma once

#include "core/numbers/NumberHolder.h"
#include "core/storage/Context.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace sb {
class NumbersModel;
}

namespace sb::ui {

class ColumnFitter;
class EmptyState;

class HintLabel;

/// The company's numbers (lazy, searched, filtered and sorted in SQL) and the number
/// actions: buy (the wizard), reassign, cancel.
class NumbersPage : public QWidget
{
    Q_OBJECT

public:
    explicit NumbersPage(const Context& ctx, QWidget* parent = nullptr);

    NumbersModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLineEdit* searchEdit() const { return m_search; }

    /// Buy, reassign, cancel: for menus and tool bars.
    QList<QAction*> numberActions() const;
    /// What the window's tool bar shows while the page is in view: numberActions().
    QList<QAction*> toolBarActions() const { return numberActions(); }
    QAction* buyAction() const { return m_buyAction; }

    /// The E.164 numbers of the selected rows.
    QStringList selectedNumbers() const;
    /// Selects the fetched row of `e164` (if fetched) and scrolls to it.
    bool selectNumber(const QString& e164);
    /// Finds `e164` however far down the table it is: selects the fetched row, or clears
    /// the filters, searches for it (the search box shows it) and fetches until found.
    bool locateNumber(const QString& e164);

    void saveSettings() const;
    void restoreSettings();

public slots:
    /// The wizard, asking for the holders first.
    void buyNumbers();
    /// The wizard for these holders (members selected on the Members page, a SIP profile).
    void buyNumbersFor(const QList<sb::NumberHolder>& holders);
    void buyNumbersForMembers(const QStringList& accounts);
    void reassignNumber();
    /// The selected numbers: one confirmation listing each expiry date, then each is cancelled.
    void cancelNumbers();
    /// The same for the numbers these members hold (selected on the Members page).
    void cancelNumbersOfMembers(const QStringList& accounts);
    /// Reads the numbers again, keeping the selection (as after every change the Notifier
    /// announces).
    void refresh();
    void focusSearch();

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslateUi();
    void updateActions();
    void updateCount();
    /// The width the status column needs for the fetched rows from `firstRow` on.
    int statusWidth(int firstRow) const;
    void cancelNumberList(const QStringList& e164s);
    /// Selects the fetched rows of these numbers.
    void selectNumbers(const QStringList& e164s);

    const Context& m_ctx;
    NumbersModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    EmptyState* m_empty = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_countryLabel = nullptr;
    QComboBox* m_country = nullptr;
    QLabel* m_holderLabel = nullptr;
    QComboBox* m_holder = nullptr;
    QLabel* m_statusLabel = nullptr;
    QComboBox* m_status = nullptr;
    HintLabel* m_error = nullptr;
    QTableView* m_table = nullptr;
    /// The selection while the model is reset.
    QStringList m_keptSelection;
    QAction* m_buyAction = nullptr;
    QAction* m_reassignAction = nullptr;
    QAction* m_cancelAction = nullptr;
    ColumnFitter* m_fitter = nullptr;
};

} // namespace sb::ui
