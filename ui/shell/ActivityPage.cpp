#include "ui/shell/ActivityPage.h"

#include "models/books/ActivityModel.h"
#include "ui/widgets/EmptyState.h"
#include "ui/widgets/TablePage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
const QString kHeaderKey = QStringLiteral("activityPage/header");
}

ActivityPage::ActivityPage(const Context& ctx, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("activityPage"));
    m_model = new ActivityModel(ctx, this);
    m_model->setObjectName(QStringLiteral("activityModel"));
    m_title = TablePage::createTitle(this, QStringLiteral("activityTitle"));
    m_search = TablePage::createSearch(this, QStringLiteral("activitySearch"),
                                       [this]() { m_model->setSearch(m_search->text()); });
    m_table = TablePage::createTable(this, QStringLiteral("activityTable"), m_model,
                                     {.withActions = false});
    m_table->horizontalHeader()->setResizeContentsPrecision(ActivityModel::PageSize);

    connect(m_model, &ActivityModel::errorOccurred, this, &ActivityPage::statusMessage);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    m_empty = new EmptyState(m_table, nullptr, [this] { return m_search->text(); });
    retranslateUi();
}

void ActivityPage::refresh()
{
    m_model->refresh();
}

void ActivityPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ActivityPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_columnsFitted)
        return;
    // From the fetched rows only (a page at most), never the whole log.
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int c = 0; c < ActivityModel::Details; ++c) {
        m_table->resizeColumnToContents(c);
        // The action is a kind's whole name in the reader's language ("Rechargement du solde
        // de l'entreprise"), the column an admin scans: it gets more room than the others.
        const int most = c == ActivityModel::Action ? em * 26 : em * 18;
        m_table->setColumnWidth(c, qBound(em * 5, m_table->columnWidth(c) + em / 2, most));
    }
    m_columnsFitted = true;
}

void ActivityPage::saveSettings() const
{
    QSettings().setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
}

void ActivityPage::restoreSettings()
{
    const QByteArray state = QSettings().value(kHeaderKey).toByteArray();
    if (!state.isEmpty() && m_table->horizontalHeader()->restoreState(state))
        m_columnsFitted = true;
}

void ActivityPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ActivityPage::retranslateUi()
{
    m_empty->setTexts(
        tr("Nothing has happened yet"),
        tr("Every change to the account is logged here with who made it and when: top-ups, "
           "members, numbers, SIP profiles and billing."));
    setAccessibleName(tr("Activity"));
    m_title->setText(tr("Activity"));
    m_search->setPlaceholderText(tr("Search by who, action, account, profile or number (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search the activity"));
    m_table->setAccessibleName(tr("Activity"));
    m_model->retranslate();
}

} // namespace sb::ui
