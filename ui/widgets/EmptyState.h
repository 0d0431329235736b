#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>

class QAbstractItemView;
class QAction;
class QLabel;
class QPushButton;

namespace sb::ui {

/// What an empty table says instead of a bare grid: what the page is for and its first
/// action as a button; or, while a search finds nothing, that nothing matches. It lies over
/// the table's viewport and shows itself whenever the model has no rows.
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    /// `search` returns the search in force (empty when none), `filtered` whether other
    /// filters narrow the table (may be empty); `action` may be null.
    EmptyState(QAbstractItemView* view, QAction* action, std::function<QString()> search,
               std::function<bool()> filtered = {});

    /// The page's own words, set again on a language change.
    void setTexts(const QString& title, const QString& body);
    /// Whether the table is empty and this is shown (for tests).
    bool isShown() const { return isVisible(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void place();
    QAbstractItemView* m_view;
    QPointer<QAction> m_action;
    std::function<QString()> m_search;
    std::function<bool()> m_filtered;
    QLabel* m_title;
    QLabel* m_body;
    QPushButton* m_button;
    QString m_titleText;
    QString m_bodyText;
};

} // namespace sb::ui
