#pragma once

#include "core/calls/CdrReader.h"

#include <QDialog>
#include <QTimeZone>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace sb::ui {

/// How to read a call records file before importing it: its format (found from the file by
/// default) and the time zone of its times (UTC by default, as Asterisk's usegmtime=yes).
class ImportCallsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportCallsDialog(const QString& fileName, QWidget* parent = nullptr);

    CdrReader::Format format() const;
    /// Invalid for UTC.
    QTimeZone zone() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    QString m_fileName;
    QLabel* m_intro = nullptr;
    QLabel* m_formatLabel = nullptr;
    QLabel* m_zoneLabel = nullptr;
    QLabel* m_hint = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_zone = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace sb::ui
