#pragma once

#include "core/calls/CdrReader.h"

#include <QDialog>
#include <QTimeZone>

class QComboBox;

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

private:
    QComboBox* m_format = nullptr;
    QComboBox* m_zone = nullptr;
};

} // namespace sb::ui
