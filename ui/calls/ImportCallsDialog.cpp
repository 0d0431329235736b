#include "ui/calls/ImportCallsDialog.h"

#include "ui/widgets/ButtonTextKeeper.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

ImportCallsDialog::ImportCallsDialog(const QString& fileName, QWidget* parent)
    : QDialog(parent), m_fileName(fileName)
{
    setObjectName(QStringLiteral("importCallsDialog"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("callsFormatCombo"));
    // The texts in retranslateUi(); the data says which format.
    m_format->addItem(QString(), int(CdrReader::Format::Auto));
    m_format->addItem(QString(), int(CdrReader::Format::Asterisk));
    m_format->addItem(QString(), int(CdrReader::Format::FreeSwitch));

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

    m_formatLabel = new QLabel(this);
    m_formatLabel->setBuddy(m_format);
    m_zoneLabel = new QLabel(this);
    m_zoneLabel->setBuddy(m_zone);
    auto* form = new QFormLayout;
    form->addRow(m_formatLabel, m_format);
    form->addRow(m_zoneLabel, m_zone);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_zone, &QComboBox::editTextChanged, this, [this](const QString& text) {
        m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(text.trimmed() == QLatin1String("UTC") ||
                         QTimeZone(text.trimmed().toUtf8()).isValid());
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
}

void ImportCallsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportCallsDialog::retranslateUi()
{
    setWindowTitle(tr("Import call records"));
    m_intro->setText(tr("Import the calls of %1, rate them and charge their payers.")
                         .arg(m_fileName.toHtmlEscaped()));
    m_format->setItemText(0, tr("Found from the file"));
    m_format->setItemText(1, tr("Asterisk (Master.csv)"));
    m_format->setItemText(2, tr("FreeSWITCH (mod_cdr_csv)"));
    m_format->setAccessibleName(tr("Format"));
    m_zone->setAccessibleName(tr("Time zone of the file's times"));
    m_formatLabel->setText(tr("&Format:"));
    m_zoneLabel->setText(tr("&Times are in:"));
    m_hint->setText(tr("PBXs usually log UTC; choose the PBX's time zone if it logs local time."));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
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
