#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace sb::ui {

/// A ready-to-paste PBX configuration block (read-only, monospace) with a copy button.
/// What is shown may hide the password; what is copied comes from the copy source, so the
/// admin pastes a working block.
class PbxConfigView : public QWidget
{
    Q_OBJECT

public:
    explicit PbxConfigView(QWidget* parent = nullptr);

    void setText(const QString& shown);
    QString text() const;
    /// Supplies the full text at the moment of copying; empty text means "could not"
    /// (the source reports why through its own channel). Without a source the shown text is copied.
    void setCopySource(std::function<QString()> source) { m_source = std::move(source); }

signals:
    void copied();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void copy();

    QLabel* m_caption = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_copy = nullptr;
    QTimer* m_feedback = nullptr;
    std::function<QString()> m_source;
    bool m_justCopied = false;
};

} // namespace sb::ui
