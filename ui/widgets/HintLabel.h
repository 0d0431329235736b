#pragma once

#include <QLabel>

namespace sb::ui {

/// The inline message of a dialog or page: a problem in red, a warning in amber, news in
/// the normal colour. Hidden while empty. A screen reader reaches the text itself (the
/// accessible name is "Problem: <text>") and hears each new message announced.
class HintLabel : public QLabel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Info,
        Warning,
        Error
    };

    explicit HintLabel(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    void showError(const QString& text) { showMessage(Kind::Error, text); }
    void showWarning(const QString& text) { showMessage(Kind::Warning, text); }
    void showInfo(const QString& text) { showMessage(Kind::Info, text); }
    void clearMessage();
    /// Shows `problem` as an error, or clears the message when there is none.
    void showProblem(const QString& problem)
    {
        if (problem.isEmpty())
            clearMessage();
        else
            showError(problem);
    }
    Kind kind() const { return m_kind; }

signals:
    /// A new message was handed to the screen reader (its accessible name).
    void announced(const QString& spoken);

protected:
    void changeEvent(QEvent* event) override;

private:
    void growDialogToFit();
    void updateAccessibleName();
    void announce();
    Kind m_kind = Kind::Info;
};

} // namespace sb::ui
