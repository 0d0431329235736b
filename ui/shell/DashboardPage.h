#pragma once

#include "core/storage/Context.h"

#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QTreeWidget;

namespace sb::ui {

/// The company at a glance: balance, members, the credit they hold, recent activity; read
/// again whenever the context's Notifier announces a change.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RecentEntries = 12;

    explicit DashboardPage(const Context& ctx, QWidget* parent = nullptr);

    /// Buttons for the everyday actions (top up, add member, import).
    void setQuickActions(const QList<QAction*>& actions);

public slots:
    void refresh();

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    QWidget* makeCard(QLabel*& caption, QLabel*& value, const QString& name);

    const Context& m_ctx;
    QLabel* m_title = nullptr;
    QLabel* m_balanceCaption = nullptr;
    QLabel* m_balance = nullptr;
    QLabel* m_membersCaption = nullptr;
    QLabel* m_members = nullptr;
    QLabel* m_creditCaption = nullptr;
    QLabel* m_credit = nullptr;
    QLabel* m_recentCaption = nullptr;
    QTreeWidget* m_recent = nullptr;
    QHBoxLayout* m_quick = nullptr;
};

} // namespace sb::ui
