#include "ui/shell/DashboardPage.h"

#include "core/base/DisplayFormat.h"
#include "ui/charts/DashboardCharts.h"
#include "ui/widgets/WorkerRead.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/members/MemberService.h"
#include "core/reports/AttentionService.h"
#include "models/base/BalanceDisplay.h"
#include "models/reports/AttentionModel.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPair>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <utility>

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
    // What members owe on its own line: beside millions of credit in the card's large type
    // it made the page wider than 1024 pixels in Norwegian, Dutch and Polish.
    cards->addWidget(
        makeCard(m_creditCaption, m_credit, QStringLiteral("dashboardMemberCreditLabel"), &m_owed));
    m_owed->setObjectName(QStringLiteral("dashboardMemberOwedLabel"));
    m_owed->hide();
    colourOwed();

    m_quick = new QHBoxLayout;
    m_quick->addStretch();

    // What needs the admin today, first: each row opens the row it speaks of.
    m_attentionCaption = new QLabel(this);
    QFont bold = m_attentionCaption->font();
    bold.setBold(true);
    m_attentionCaption->setFont(bold);
    m_attentionModel = new AttentionModel(m_ctx, this);
    m_attentionReader = std::make_unique<WorkerRead<AttentionRead>>(
        this, [this](const AttentionRead& read) { applyAttention(read); },
        [this]() { refreshAttention(); });
    m_attentionModel->setObjectName(QStringLiteral("attentionModel"));
    m_attention = new QTreeView(this);
    m_attention->setObjectName(QStringLiteral("attentionList"));
    m_attention->setModel(m_attentionModel);
    m_attention->setRootIsDecorated(false);
    m_attention->setUniformRowHeights(true);
    m_attention->setAllColumnsShowFocus(true);
    m_attention->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_attention->setSelectionMode(QAbstractItemView::SingleSelection);
    m_attention->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attention->setWordWrap(false);
    m_attention->setTextElideMode(Qt::ElideRight);
    m_attentionCaption->setBuddy(m_attention);
    m_attention->hide(); // until the first read: "Reading…" below
    // Enter, or a double click: the page opens with the row selected.
    connect(m_attention, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { openAttention(index.row()); });
    connect(m_attentionModel, &AttentionModel::errorOccurred, this, &DashboardPage::statusMessage);
    m_attentionEmpty = new QLabel(this);
    m_attentionEmpty->setObjectName(QStringLiteral("attentionEmptyLabel"));
    m_attentionEmpty->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The charts go here, below the attention list (ui/charts/DashboardCharts, placed by the
    // window); hidden with the lists while the first-steps guide shows.
    auto* chartsHost = new QWidget(this);
    chartsHost->setObjectName(QStringLiteral("dashboardChartsSlot"));
    m_chartsSlot = new QVBoxLayout(chartsHost);
    m_chartsSlot->setContentsMargins(0, 0, 0, 0);
    m_charts = new DashboardCharts(m_ctx, chartsHost);
    m_chartsSlot->addWidget(m_charts);

    m_guide = new QFrame(this);
    m_guide->setObjectName(QStringLiteral("dashboardGuide"));
    m_guide->setFrameShape(QFrame::StyledPanel);
    m_guideTitle = new QLabel(m_guide);
    m_guideTitle->setFont(bold);
    m_guideText = new QLabel(m_guide);
    m_guideText->setWordWrap(true);
    m_guideSteps = new QVBoxLayout;
    auto* guideLayout = new QVBoxLayout(m_guide);
    guideLayout->addWidget(m_guideTitle);
    guideLayout->addWidget(m_guideText);
    guideLayout->addLayout(m_guideSteps);
    guideLayout->addStretch();
    m_guide->hide();

    m_recentCaption = new QLabel(this);
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
    // A few dozen rows at most: measuring them (and the headers) is cheap.
    m_attention->header()->setSectionResizeMode(AttentionModel::Severity,
                                                QHeaderView::ResizeToContents);
    m_attention->header()->setSectionResizeMode(AttentionModel::Subject,
                                                QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(cards);
    layout->addLayout(m_quick);
    layout->addWidget(m_guide, 1);
    layout->addWidget(m_attentionCaption);
    layout->addWidget(m_attention, 2);
    layout->addWidget(m_attentionEmpty);
    // The charts and the recent activity share the rest of the page as tabs: at 1024×700
    // both at once would leave the attention list three rows.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    m_tabs->addTab(chartsHost, QString());
    auto* recentHost = new QWidget(m_tabs);
    auto* recentLayout = new QVBoxLayout(recentHost);
    recentLayout->addWidget(m_recent);
    m_tabs->addTab(recentHost, QString());
    m_recentCaption->hide(); // its text names the tab
    layout->addWidget(m_tabs, 5);
    retranslateUi(); // also fills the cards
    // Every change shows here: the balance, the members, their credit or the activity.
    // The attention list reads more than the figures (three months of spending summaries on
    // a big account): while the page is hidden it waits until it is shown.
    if (m_ctx.notifier)
        connect(m_ctx.notifier, &Notifier::changed, this, [this]() {
            refreshFigures();
            if (isVisible())
                refreshAttention();
            else
                m_attentionStale = true;
        });
}

QWidget* DashboardPage::makeCard(QLabel*& caption, QLabel*& value, const QString& name,
                                 QLabel** note)
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
    if (note) {
        *note = new QLabel(card);
        (*note)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        (*note)->setWordWrap(true);
        l->addWidget(*note);
    }
    l->addStretch(); // the figures line up when one card has a line more
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
    orderTabs();
}

void DashboardPage::setGuideActions(const QList<QAction*>& actions)
{
    for (QAction* a : actions) {
        auto* button = new QToolButton(m_guide);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setObjectName(a->objectName() + QStringLiteral("GuideButton"));
        button->setAccessibleName(a->text().remove(QLatin1Char('&')));
        connect(a, &QAction::changed, button,
                [button, a]() { button->setAccessibleName(a->text().remove(QLatin1Char('&'))); });
        auto* what = new QLabel(m_guide);
        what->setObjectName(a->objectName() + QStringLiteral("GuideText"));
        what->setWordWrap(true);
        what->setBuddy(button);
        m_guideTexts.append({a->objectName(), what});
        auto* row = new QHBoxLayout;
        row->addWidget(button);
        row->addWidget(what, 1);
        m_guideSteps->addLayout(row);
    }
    // The buttons line up: as wide as the widest.
    int widest = 0;
    for (auto* b : m_guide->findChildren<QToolButton*>())
        widest = std::max(widest, b->sizeHint().width());
    for (auto* b : m_guide->findChildren<QToolButton*>())
        b->setMinimumWidth(widest);
    retranslateGuide();
    orderTabs();
}

void DashboardPage::orderTabs()
{
    QList<QWidget*> order;
    for (int i = 0; i < m_quick->count(); ++i)
        if (QWidget* w = m_quick->itemAt(i)->widget())
            order << w;
    for (int i = 0; i < m_guideSteps->count(); ++i)
        if (QLayout* row = m_guideSteps->itemAt(i)->layout())
            if (row->count() > 0 && row->itemAt(0)->widget())
                order << row->itemAt(0)->widget();
    order << m_attention << m_tabs;
    // The charts in two rows of two, each caption's control above its chart.
    for (const char* name : {"spendingByDepartmentCheck", "spendingChart", "bundleMinutesChart",
                             "peakCallsProfileCombo", "peakCallsChart", "balanceChart"})
        if (auto* w = m_charts->findChild<QWidget*>(QLatin1String(name)))
            order << w;
    for (int i = 0; i + 1 < order.size(); ++i)
        QWidget::setTabOrder(order[i], order[i + 1]);
}

void DashboardPage::setGuideActions(std::function<QList<QAction*>()> provide)
{
    m_provideGuideActions = std::move(provide);
    if (!m_guide->isHidden())
        setGuideActions(std::exchange(m_provideGuideActions, {})());
}

bool DashboardPage::isGuideShown() const
{
    return !m_guide->isHidden();
}

void DashboardPage::openAttention(int row)
{
    if (row < 0 || row >= m_attentionModel->rowCount())
        return;
    const AttentionItem& item = m_attentionModel->item(row);
    if (item.target != AttentionItem::Target::None)
        emit openRequested(item.target, item.key);
}

void DashboardPage::refresh()
{
    refreshFigures();
    refreshAttention();
    // Refresh (and another database) reads the charts again too: they follow the Notifier
    // for this window's own changes, not what others did behind its back.
    m_charts->refresh();
}

struct DashboardPage::AttentionRead
{
    bool empty = false;
    QList<AttentionItem> items;
    QString error;
};

DashboardPage::~DashboardPage() = default;

DashboardPage::AttentionRead DashboardPage::readAttention(const Context& ctx, int perKind)
{
    AttentionRead read;
    const AttentionService service(ctx, perKind);
    // An empty account: the first steps instead of empty lists.
    const auto isEmpty = service.accountIsEmpty();
    read.empty = isEmpty && *isEmpty;
    auto items = service.list();
    if (items)
        read.items = std::move(*items);
    else
        read.error = items.error().message;
    return read;
}

void DashboardPage::refreshAttention()
{
    m_attentionStale = false;
    m_attentionReader->start(m_ctx, [perKind = m_attentionModel->perKind()](const Context& ctx) {
        return readAttention(ctx, perKind);
    });
}

void DashboardPage::applyAttention(const AttentionRead& read)
{
    if (read.empty && m_provideGuideActions)
        setGuideActions(std::exchange(m_provideGuideActions, {})());
    m_guide->setHidden(!read.empty);
    QWidget* chartsHost = m_chartsSlot->parentWidget();
    for (QWidget* w : {static_cast<QWidget*>(m_attentionCaption), static_cast<QWidget*>(m_tabs),
                       static_cast<QWidget*>(m_recent), chartsHost})
        w->setHidden(read.empty);
    if (read.error.isEmpty())
        m_attentionModel->setItems(read.items);
    else
        m_attentionModel->setItems(Error::storage(read.error));
    const bool nothing = m_attentionModel->rowCount() == 0;
    m_attention->setHidden(read.empty || nothing);
    m_attentionKnown = true;
    retranslateAttentionEmpty();
    m_attentionEmpty->setHidden(read.empty || !nothing);
}

void DashboardPage::retranslateAttentionEmpty()
{
    m_attentionEmpty->setText(m_attentionKnown ? tr("Nothing needs you today.") : tr("Reading…"));
    m_attentionEmpty->setAccessibleName(m_attentionEmpty->text());
}

bool DashboardPage::isReading() const
{
    return m_attentionReader->isReading() || m_charts->isLoading();
}

void DashboardPage::showEvent(QShowEvent* event)
{
    if (m_attentionStale)
        refreshAttention();
    QWidget::showEvent(event);
}

void DashboardPage::refreshFigures()
{
    const QLocale locale;
    const auto balance = CompanyService(m_ctx).balance();
    m_balance->setText(balance ? balance->toCurrencyString(locale) : tr("unknown"));
    const auto count = MemberService(m_ctx).count();
    m_members->setText(count ? locale.toString(*count) : tr("unknown"));
    const auto totals = Ledger(m_ctx).balanceTotals();
    if (totals && balance) {
        // Credit held counts the balances above zero; what the others owe for calls is said
        // beside it in words, never netted away.
        const QString held = (totals->balances - *balance + totals->owed).toCurrencyString(locale);
        m_credit->setText(held);
        const bool owed = totals->owed.isPositive();
        const QString owedAmount = totals->owed.toCurrencyString(locale);
        m_owed->setText(owed ? tr("Owed by members: %1").arg(owedAmount) : QString());
        m_owed->setVisible(owed);
        // A screen reader hears both figures from the credit held.
        m_credit->setAccessibleName(owed ? tr("%1 (owed: %2)").arg(held, owedAmount) : held);
    } else {
        m_credit->setText(tr("unknown"));
        m_credit->setAccessibleName(m_credit->text());
        m_owed->clear();
        m_owed->hide();
    }
    for (QLabel* l : {m_balance, m_members, m_owed})
        l->setAccessibleName(l->text());

    m_recent->clear();
    const auto recent = ActivityLog(m_ctx).page(RecentEntries);
    if (!recent) {
        emit statusMessage(recent.error().message);
        return;
    }
    QList<QTreeWidgetItem*> items;
    for (const ActivityEntry& e : *recent) {
        auto* item = new QTreeWidgetItem;
        item->setText(0, shortDateTime(locale, e.at.toLocalTime()));
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

void DashboardPage::colourOwed()
{
    // The owed red of the balances elsewhere, readable on this palette's window.
    QPalette p = palette();
    p.setColor(QPalette::WindowText, BalanceDisplay::owedColor(p, QPalette::Window));
    m_owed->setPalette(p);
}

void DashboardPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        colourOwed();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateGuide()
{
    for (const auto& [action, label] : std::as_const(m_guideTexts)) {
        QString text;
        if (action == QLatin1String("topUpAction"))
            text = tr("Put money on the company balance: everything is paid from it.");
        else if (action == QLatin1String("addMemberAction"))
            text = tr("Add the people who call, one by one or imported from a file.");
        else if (action == QLatin1String("createSipProfileAction"))
            text = tr("Create a SIP profile for each PBX or office line, with its channels.");
        else if (action == QLatin1String("buyNumbersAction"))
            text = tr("Buy phone numbers for members and SIP profiles.");
        else if (action == QLatin1String("importCallsAction"))
            text = tr("Import the PBX's call records to charge the calls.");
        label->setText(text);
        label->setAccessibleName(text);
    }
}

void DashboardPage::retranslateUi()
{
    setAccessibleName(tr("Dashboard"));
    m_title->setText(tr("Dashboard"));
    m_balanceCaption->setText(tr("Company balance"));
    m_membersCaption->setText(tr("Members"));
    m_creditCaption->setText(tr("Credit held by members"));
    m_recentCaption->setText(tr("Recent activity"));
    m_tabs->setTabText(0, tr("Charts"));
    m_tabs->setTabText(1, m_recentCaption->text());
    // Qt names the tab bar's scroll buttons once, when it makes them: named again here in
    // the new language from Qt's own catalogue (a variable context keeps lupdate out).
    static const char* const qtTabBar = "QTabBar";
    for (const auto& [name, text] : {std::pair{"ScrollLeftButton", "Scroll Left"},
                                     std::pair{"ScrollRightButton", "Scroll Right"}}) {
        if (auto* button = m_tabs->tabBar()->findChild<QWidget*>(QLatin1String(name)))
            button->setAccessibleName(QCoreApplication::translate(qtTabBar, text));
    }
    m_attentionCaption->setText(tr("&What needs you today"));
    m_attention->setAccessibleName(tr("What needs you today"));
    m_attention->setAccessibleDescription(
        tr("Press Enter on an entry to open the page it speaks of."));
    m_attention->setToolTip(tr("Double-click or press Enter to open the page it speaks of."));
    retranslateAttentionEmpty();
    m_guide->setAccessibleName(tr("First steps"));
    m_guideTitle->setText(tr("First steps"));
    retranslateGuide();
    m_guideText->setText(
        tr("The account is empty. Top up the company balance, add the members and the SIP "
           "profiles they call through, buy numbers, then import the PBX's call records."));
    m_recent->setHeaderLabels({tr("Time"), tr("Action"), tr("Details")});
    m_recent->setAccessibleName(tr("Recent activity"));

    // The figures and the attention list in the new language; the charts retranslate on
    // their own (DashboardCharts::changeEvent). The list's headers change now, its sentences
    // when the worker's read lands.
    refreshFigures();
    m_attentionModel->retranslate();
    refreshAttention();
}

} // namespace sb::ui
