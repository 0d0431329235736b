#include "ui/shell/DashboardPage.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/members/MemberService.h"

#include <QAction>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb::ui {

DashboardPage::DashboardPage(const Context& ctx, QWidget* parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("dashboardTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* cards = new QHBoxLayout;
    cards->addWidget(
        makeCard(m_balanceCaption, m_balance, QStringLiteral("dashboardBalanceLabel")));
    cards->addWidget(
        makeCard(m_membersCaption, m_members, QStringLiteral("dashboardMemberCountLabel")));
    cards->addWidget(
        makeCard(m_creditCaption, m_credit, QStringLiteral("dashboardMemberCreditLabel")));

    m_quick = new QHBoxLayout;
    m_quick->addStretch();

    m_recentCaption = new QLabel(this);
    QFont bold = m_recentCaption->font();
    bold.setBold(true);
    m_recentCaption->setFont(bold);
    m_recent = new QTreeWidget(this);
    m_recent->setObjectName(QStringLiteral("recentActivityList"));
    m_recent->setRootIsDecorated(false);
    m_recent->setUniformRowHeights(true);
    m_recent->setColumnCount(3);
    m_recent->setSelectionMode(QAbstractItemView::NoSelection);
    m_recent->setFocusPolicy(Qt::NoFocus);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_recent->setColumnWidth(0, em * 10);
    m_recent->setColumnWidth(1, em * 12);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(cards);
    layout->addLayout(m_quick);
    layout->addSpacing(8);
    layout->addWidget(m_recentCaption);
    layout->addWidget(m_recent, 1);
    retranslateUi(); // also fills the cards
    // Every change shows here: the balance, the members, their credit or the activity.
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, &DashboardPage::refresh);
}

QWidget* DashboardPage::makeCard(QLabel*& caption, QLabel*& value, const QString& name)
{
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setObjectName(name + QStringLiteral("Card"));
    caption = new QLabel(card);
    value = new QLabel(card);
    value->setObjectName(name);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* l = new QVBoxLayout(card);
    l->addWidget(caption);
    l->addWidget(value);
    return card;
}

void DashboardPage::setQuickActions(const QList<QAction*>& actions)
{
    for (QAction* a : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(a->objectName() + QStringLiteral("Button"));
        button->setAccessibleName(a->text().remove(QLatin1Char('&')));
        // The action is retranslated by its owner; the button's name follows.
        connect(a, &QAction::changed, button,
                [button, a]() { button->setAccessibleName(a->text().remove(QLatin1Char('&'))); });
        m_quick->insertWidget(m_quick->count() - 1, button);
    }
}

void DashboardPage::refresh()
{
    const QLocale locale;
    const auto balance = CompanyService(m_ctx).balance();
    m_balance->setText(balance ? balance->toCurrencyString(locale) : tr("unknown"));
    const auto count = MemberService(m_ctx).count();
    m_members->setText(count ? locale.toString(*count) : tr("unknown"));
    const auto totals = Ledger(m_ctx).totals();
    if (totals && balance) {
        // Credit held counts the balances above zero; what the others owe for calls is said
        // beside it in words, never netted away.
        const QString held = (totals->balances - *balance + totals->owed).toCurrencyString(locale);
        m_credit->setText(totals->owed.isPositive()
                              ? tr("%1 (owed: %2)").arg(held, totals->owed.toCurrencyString(locale))
                              : held);
    } else
        m_credit->setText(tr("unknown"));
    for (QLabel* l : {m_balance, m_members, m_credit})
        l->setAccessibleName(l->text());

    m_recent->clear();
    const auto recent = ActivityLog(m_ctx).page(0, RecentEntries);
    if (!recent) {
        emit statusMessage(recent.error().message);
        return;
    }
    QList<QTreeWidgetItem*> items;
    for (const ActivityEntry& e : *recent) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, locale.toString(e.at.toLocalTime(), QLocale::ShortFormat));
        const QString text = ActivityLog::describe(e);
        item->setText(1, ActivityLog::kindName(e));
        item->setText(2, text);
        item->setToolTip(2, text);
        items.append(item);
    }
    if (items.isEmpty()) {
        auto* item = new QTreeWidgetItem;
        item->setText(2, tr("Nothing has happened yet."));
        items.append(item);
    }
    m_recent->addTopLevelItems(items);
    // A dozen rows: measuring them is cheap.
    m_recent->resizeColumnToContents(0);
    m_recent->resizeColumnToContents(1);
}

void DashboardPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    setAccessibleName(tr("Dashboard"));
    m_title->setText(tr("Dashboard"));
    m_balanceCaption->setText(tr("Company balance"));
    m_membersCaption->setText(tr("Members"));
    m_creditCaption->setText(tr("Credit held by members"));
    m_recentCaption->setText(tr("Recent activity"));
    m_recent->setHeaderLabels({tr("Time"), tr("Action"), tr("Details")});
    m_recent->setAccessibleName(tr("Recent activity"));

    refresh();
}

} // namespace sb::ui
