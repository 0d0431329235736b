#pragma once

#include "core/reports/AttentionItem.h"
#include "core/storage/Context.h"

#include <QList>
#include <QPair>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QFrame;
class QHBoxLayout;
class QLabel;
class QModelIndex;
class QTabWidget;
class QTreeView;
class QTreeWidget;
class QVBoxLayout;

namespace sb {
class AttentionModel;
}

namespace sb::ui {

class DashboardCharts;
template<typename T> class WorkerRead;

/// The company at a glance: balance, members, the credit they hold, what needs the admin
/// today (the attention list, whose entries open the row they speak of), the charts
/// (DashboardCharts), recent activity;
/// read again whenever the context's Notifier announces a change. An empty account shows a
/// guide to the first steps instead of the empty lists.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RecentEntries = 12;

    explicit DashboardPage(const Context& ctx, QWidget* parent = nullptr);
    ~DashboardPage() override;

    /// Buttons for the everyday actions (top up, add member, import).
    void setQuickActions(const QList<QAction*>& actions);
    /// The first steps of the guide an empty account shows, a button each (top up, add
    /// members, create a SIP profile, buy numbers, import call records).
    void setGuideActions(const QList<QAction*>& actions);
    /// The same, asked of `provide` only when the guide is first shown: its actions belong to
    /// pages the window builds when needed.
    void setGuideActions(std::function<QList<QAction*>()> provide);

    AttentionModel* attentionModel() const { return m_attentionModel; }
    QTreeView* attentionList() const { return m_attention; }
    /// Where the dashboard's charts go (below the attention list): empty until the window
    /// puts its chart widget there.
    QVBoxLayout* chartsSlot() const { return m_chartsSlot; }
    /// Whether the first-steps guide is shown (the account is empty).
    bool isGuideShown() const;
    /// Whether the attention list or the charts are still being read on a worker thread
    /// (a screenshot waits for them).
    bool isReading() const;

public slots:
    void refresh();

    /// Opens what the attention entry of `row` speaks of (openRequested).
    void openAttention(int row);

signals:
    void statusMessage(const QString& text);
    /// The admin followed an attention entry: show `target`'s page and select `key` there
    /// (nothing selected when `key` is empty: an "… and N more" entry).
    void openRequested(sb::AttentionItem::Target target, const QString& key);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    /// Tab in reading order: the buttons (added after the lists were made) first, then the
    /// attention list, the tabs and the charts.
    void orderTabs();
    void retranslateGuide();
    /// The cards and the recent activity.
    void refreshFigures();
    /// The attention list, or the guide on an empty account, read on a worker thread with
    /// its own connection: on a big account it sums three months of spending summaries.
    void refreshAttention();
    struct AttentionRead;
    static AttentionRead readAttention(const Context& ctx, int perKind);
    void applyAttention(const AttentionRead& read);
    /// "Reading…" until the first read ends, then "Nothing needs you today."
    void retranslateAttentionEmpty();
    /// A card of a caption over a value in large type and, with `note`, a line of normal
    /// type below the value.
    QWidget* makeCard(QLabel*& caption, QLabel*& value, const QString& name,
                      QLabel** note = nullptr);
    void colourOwed();

    const Context& m_ctx;
    QLabel* m_title = nullptr;
    QLabel* m_balanceCaption = nullptr;
    QLabel* m_balance = nullptr;
    QLabel* m_membersCaption = nullptr;
    QLabel* m_members = nullptr;
    QLabel* m_creditCaption = nullptr;
    QLabel* m_credit = nullptr;
    /// Under the credit held, in the card's normal size: what members owe for calls (never
    /// netted from the credit); hidden when nobody owes.
    QLabel* m_owed = nullptr;
    QLabel* m_recentCaption = nullptr;
    QTreeWidget* m_recent = nullptr;
    QHBoxLayout* m_quick = nullptr;
    QLabel* m_attentionCaption = nullptr;
    AttentionModel* m_attentionModel = nullptr;
    QTreeView* m_attention = nullptr;
    QLabel* m_attentionEmpty = nullptr;
    /// The charts' place (issue 9, ui/charts/DashboardCharts): the integrator adds it here.
    QVBoxLayout* m_chartsSlot = nullptr;
    DashboardCharts* m_charts = nullptr;
    QTabWidget* m_tabs = nullptr;
    QFrame* m_guide = nullptr;
    QLabel* m_guideTitle = nullptr;
    QLabel* m_guideText = nullptr;
    QVBoxLayout* m_guideSteps = nullptr;
    /// Each step's explanation, by its action's objectName.
    QList<QPair<QString, QLabel*>> m_guideTexts;
    /// Changes came while the page was hidden.
    bool m_attentionStale = false;
    /// The first read has ended.
    bool m_attentionKnown = false;
    std::unique_ptr<WorkerRead<AttentionRead>> m_attentionReader;
    std::function<QList<QAction*>()> m_provideGuideActions;
};

} // namespace sb::ui
