#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace sb::ui {

/// Greets the admin on the first start with an empty database: open a demo account (accept)
/// or start empty (reject).
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    /// How many members the demo account gets.
    static constexpr int DemoMembers = 500;

    explicit WelcomeDialog(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_demo = nullptr;
    QPushButton* m_empty = nullptr;
};

} // namespace sb::ui
