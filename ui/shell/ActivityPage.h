#pragma once

#include "core/storage/Context.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace sb {
class ActivityModel;
}

namespace sb::ui {

class EmptyState;

/// The audit log: who did what and when, newest first, searchable as you type.
class ActivityPage : public QWidget
{
    Q_OBJECT

public:
    explicit ActivityPage(const Context& ctx, QWidget* parent = nullptr);

    ActivityModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

    void saveSettings() const;
    void restoreSettings();

public slots:
    void refresh();
    void focusSearch();

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();

    ActivityModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    EmptyState* m_empty = nullptr;
    QTableView* m_table = nullptr;
    bool m_columnsFitted = false;
};

} // namespace sb::ui
