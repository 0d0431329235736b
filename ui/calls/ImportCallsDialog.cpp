#include "ui/calls/ImportCallsDialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

ImportCallsDialog::ImportCallsDialog(const QString& fileName, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("importCallsDialog"));
    setWindowTitle(tr("Import call records"));
    auto* intro = new QLabel(tr("Import the calls of %1, rate them and charge their payers.")
                                 .arg(fileName.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("callsFormatCombo"));
    m_format->addItem(tr("Found from the file"), int(CdrReader::Format::Auto));
    m_format->addItem(tr("Asterisk (Master.csv)"), int(CdrReader::Format::Asterisk));
    m_format->addItem(tr("FreeSWITCH (mod_cdr_csv)"), int(CdrReader::Format::FreeSwitch));

    m_zone = new QComboBox(this);
    m_zone->setObjectName(QStringLiteral("callsTimeZoneCombo"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItem(QStringLiteral("UTC"));
    const QByteArray local = QTimeZone::systemTimeZoneId();
    if (!local.isEmpty() && local != "UTC")
        m_zone->addItem(QString::fromUtf8(local));
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        if (id.contains('/'))
            m_zone->addItem(QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCaseSensitivity(Qt::CaseInsensitive);

    m_format->setAccessibleName(tr("Format"));
    m_zone->setAccessibleName(tr("Time zone of the file's times"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Times are in:"), m_zone);
    auto* hint = new QLabel(tr("PBXs usually log UTC; choose the PBX's time zone if it logs "
                               "local time."),
                            this);
    hint->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_zone, &QComboBox::editTextChanged, this, [this, buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(text.trimmed() == QLatin1String("UTC") ||
                         QTimeZone(text.trimmed().toUtf8()).isValid());
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

CdrReader::Format ImportCallsDialog::format() const
{
    return static_cast<CdrReader::Format>(m_format->currentData().toInt());
}

QTimeZone ImportCallsDialog::zone() const
{
    const QString id = m_zone->currentText().trimmed();
    if (id.isEmpty() || id == QLatin1String("UTC"))
        return {};
    return QTimeZone(id.toUtf8());
}

} // namespace sb::ui
