#include "ui/profiles/DeleteSipProfileDialog.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/books/CompanyService.h"
#include "core/calls/CallHistory.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

DeleteSipProfileDialog::DeleteSipProfileDialog(const Context& ctx,
                                               const ProfileService::Deletion& preview,
                                               std::function<QString()> chooseFile, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_preview(preview), m_chooseFile(std::move(chooseFile))
{
    setObjectName(QStringLiteral("deleteSipProfileDialog"));
    if (auto b = CompanyService(m_ctx).balance(); b)
        m_companyBalance = *b;
    m_question = new QLabel(this);
    m_question->setObjectName(QStringLiteral("questionLabel"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_consequences = new QLabel(this);
    m_consequences->setObjectName(QStringLiteral("consequencesLabel"));
    m_consequences->setWordWrap(true);
    m_consequences->setTextFormat(Qt::PlainText);
    m_consequences->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportHistoryButton"));
    m_exportResult = new HintLabel(this);
    m_exportResult->setObjectName(QStringLiteral("exportResultLabel"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    // Removing cannot be undone: Cancel is the default.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_export);
    exportRow->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addWidget(m_consequences);
    layout->addLayout(exportRow);
    layout->addWidget(m_exportResult);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);
    // Enter stays with Cancel, the default, while the focus is on this button; Space exports.
    m_export->setAutoDefault(false);
    connect(m_export, &QPushButton::clicked, this, &DeleteSipProfileDialog::exportHistory);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeleteSipProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DeleteSipProfileDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(540);
}

void DeleteSipProfileDialog::exportHistory()
{
    const QString path = m_chooseFile ? m_chooseFile() : QString();
    if (path.isEmpty())
        return;
    // The same export as the Calls page's, for this profile's calls.
    CallQuery query;
    query.profile = m_preview.name;
    auto written = CallHistory(m_ctx).exportCsvFile(query, path);
    if (!written)
        m_exportResult->showError(written.error().message);
    else
        m_exportResult->showInfo(
            tr("Exported %Ln call(s) to %1.", nullptr, static_cast<int>(*written))
                .arg(QDir::toNativeSeparators(path)));
}

void DeleteSipProfileDialog::accept()
{
    auto removed = ProfileService(m_ctx).remove(m_preview.name);
    if (!removed) {
        m_hint->showError(removed.error().message);
        return;
    }
    m_deletion = *removed;
    QDialog::accept();
}

void DeleteSipProfileDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void DeleteSipProfileDialog::retranslateUi()
{
    const QLocale locale;
    const ProfileService::Deletion& d = m_preview;
    setWindowTitle(tr("Delete SIP profile"));
    setAccessibleName(tr("Delete SIP profile"));
    m_question->setText(tr("Delete the SIP profile %1? This happens:").arg(d.name));
    m_question->setAccessibleName(m_question->text());

    QStringList lines;
    if (d.returnedCredit.isPositive())
        lines << tr("• Its credit of %1 returns to the company balance (%2 → %3).")
                     .arg(d.returnedCredit.toCurrencyString(locale),
                          m_companyBalance.toCurrencyString(locale),
                          (m_companyBalance + d.returnedCredit).toCurrencyString(locale));
    else
        lines << tr("• It has no credit left to return to the company balance.");
    if (d.releasedNumbers.isEmpty()) {
        lines << tr("• It holds no numbers.");
    } else {
        QStringList numbers;
        for (const QString& e164 : d.releasedNumbers)
            numbers << PhoneNumbers::formatInternational(e164);
        lines << tr("• %n number(s) return to the company's pool and can be reassigned (they stay "
                    "paid and renew "
                    "until cancelled): %1.",
                    nullptr, static_cast<int>(d.releasedNumbers.size()))
                     .arg(numbers.join(QStringLiteral(", ")));
    }
    if (d.unlinkedAccounts.isEmpty())
        lines << tr("• No account is linked to it.");
    else
        lines << tr("• %n account(s) are unlinked and can sign in again: %1.", nullptr,
                    static_cast<int>(d.unlinkedAccounts.size()))
                     .arg(d.unlinkedAccounts.join(QStringLiteral(", ")));
    lines << tr("• Its call history is deleted: %Ln call(s).", nullptr,
                static_cast<int>(d.deletedCalls));
    lines << tr("• Its %n channel(s), paid until %1, end now; there is no refund for them.",
                nullptr, d.channels)
                 .arg(shortDate(locale, d.channelsPaidUntil));
    m_consequences->setText(lines.join(QLatin1Char('\n')));
    m_consequences->setAccessibleDescription(tr("Consequences"));
    m_consequences->setAccessibleDescription(m_consequences->text());
    m_export->setText(tr("&Export call history first…"));
    m_export->setAccessibleName(tr("Export call history first"));
    m_export->setToolTip(tr("Save the profile's %Ln call(s) to a CSV file before they are deleted",
                            nullptr, static_cast<int>(d.deletedCalls)));
    m_exportResult->setAccessibleDescription(tr("Export"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Delete SIP profile"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Delete SIP profile"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
}

} // namespace sb::ui
