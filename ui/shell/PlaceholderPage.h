#pragma once

#include <QWidget>

class QLabel;

namespace sb::ui {

/// A page whose capability is still to come: says clearly what will be there.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        Calls
    };

    explicit PlaceholderPage(Kind kind, QWidget* parent = nullptr);
    Kind kind() const { return m_kind; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    Kind m_kind;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
};

} // namespace sb::ui
