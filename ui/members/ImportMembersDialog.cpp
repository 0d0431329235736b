#include "ui/members/ImportMembersDialog.h"

#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sb::ui {

ImportMembersDialog::ImportMembersDialog(const QString& path, const Result<ImportReport>& dryRun,
                                         QWidget* parent)
    : QDialog(parent), m_path(path), m_report(dryRun)
{
    setObjectName(QStringLiteral("importMembersDialog"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_problems = new QTableWidget(this);
    m_problems->setObjectName(QStringLiteral("problemsTable"));
    m_problems->setColumnCount(2);
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->verticalHeader()->setVisible(false);
    m_problems->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->setWordWrap(false);
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    if (m_report) {
        const auto& rejected = m_report->rejected;
        m_problems->setRowCount(static_cast<int>(rejected.size()));
        for (int i = 0; i < rejected.size(); ++i) {
            auto* line = new QTableWidgetItem;
            line->setData(Qt::DisplayRole, rejected[i].line);
            line->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_problems->setItem(i, 0, line);
            m_problems->setItem(i, 1, new QTableWidgetItem(rejected[i].reason));
        }
    }
    m_problems->setVisible(problemCount() > 0);
    m_problems->setColumnWidth(0, 70);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    resize(640, problemCount() > 0 ? 420 : 200);
}

int ImportMembersDialog::problemCount() const
{
    return m_report ? static_cast<int>(m_report->rejected.size()) : 0;
}

bool ImportMembersDialog::canImport() const
{
    return m_report && m_report->rejected.isEmpty() && m_report->valid > 0;
}

void ImportMembersDialog::updateWidgets()
{
    const QString file = QFileInfo(m_path).fileName();
    if (!m_report) {
        m_summary->setText(tr("%1 cannot be imported.").arg(file));
        m_hint->showError(m_report.error().message);
    } else if (!m_report->rejected.isEmpty()) {
        m_summary->setText(
            tr("%1: %n problem(s) found. Nothing will be imported until every line is right; "
               "fix the file and import it again.",
               nullptr, problemCount())
                .arg(file));
        m_hint->clearMessage();
    } else if (m_report->valid == 0) {
        m_summary->setText(tr("%1 lists no members to import.").arg(file));
        m_hint->clearMessage();
    } else {
        m_summary->setText(
            tr("%1 is ready: %n member(s) can be imported.", nullptr, m_report->valid).arg(file));
        m_hint->clearMessage();
    }
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(canImport());
    ok->setText(m_report ? tr("Import %n member(s)", nullptr, m_report->valid) : tr("Import"));
    ok->setAccessibleName(ok->text());
}

void ImportMembersDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ImportMembersDialog::retranslateUi()
{
    setWindowTitle(tr("Import members"));
    setAccessibleName(tr("Import members"));
    m_summary->setAccessibleDescription(tr("Summary"));
    m_problems->setAccessibleName(tr("Problems by line"));
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("Problem")});
    m_buttons->button(QDialogButtonBox::Cancel)->setText(canImport() ? tr("Cancel") : tr("Close"));
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setAccessibleName(m_buttons->button(QDialogButtonBox::Cancel)->text());
    updateWidgets();
}

} // namespace sb::ui
