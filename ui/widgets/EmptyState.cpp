#include "ui/widgets/EmptyState.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::ui {

namespace {

// The action's "&Add member…" without its accelerator: the page's own controls have theirs.
QString withoutMnemonic(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

} // namespace

EmptyState::EmptyState(QAbstractItemView* view, QAction* action, std::function<QString()> search,
                       std::function<bool()> filtered)
    : QWidget(view->viewport()), m_view(view), m_action(action), m_search(std::move(search)),
      m_filtered(std::move(filtered))
{
    setObjectName(view->objectName() + QStringLiteral("EmptyState"));
    setAutoFillBackground(false);
    m_title = new QLabel(this);
    m_title->setObjectName(objectName() + QStringLiteral("Title"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_body = new QLabel(this);
    m_body->setObjectName(objectName() + QStringLiteral("Text"));
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_button = new QPushButton(this);
    m_button->setObjectName(objectName() + QStringLiteral("Button"));
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_action && m_action->isEnabled())
            m_action->trigger();
    });
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addSpacing(8);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    // The button is drawn over the table: Tab reaches it right after the table, not after
    // whatever the page made later.
    QWidget::setTabOrder(view, m_button);

    view->viewport()->installEventFilter(this);
    const auto later = [this] { QTimer::singleShot(0, this, &EmptyState::refresh); };
    if (QAbstractItemModel* model = view->model()) {
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::rowsRemoved, this, later);
        connect(model, &QAbstractItemModel::layoutChanged, this, later);
    }
    if (m_action)
        connect(m_action, &QAction::changed, this, later);
    later();
}

void EmptyState::setTexts(const QString& title, const QString& body)
{
    m_titleText = title;
    m_bodyText = body;
    refresh();
}

void EmptyState::refresh()
{
    const bool empty = m_view->model() && m_view->model()->rowCount() == 0;
    const QString search = m_search ? m_search().trimmed() : QString();
    const bool filtered = m_filtered && m_filtered();
    if (!search.isEmpty() || filtered) {
        m_title->setText(search.isEmpty() ? tr("Nothing matches the filters")
                                          : tr("Nothing matches “%1”").arg(search.left(60)));
        m_body->setText(tr("Check the spelling, or clear the search and the filters to see "
                           "everything."));
        m_button->setVisible(false);
    } else {
        m_title->setText(m_titleText);
        m_body->setText(m_bodyText);
        const bool usable = m_action && m_action->isVisible();
        m_button->setVisible(usable);
        if (usable) {
            m_button->setText(withoutMnemonic(m_action->text()));
            m_button->setAccessibleName(m_button->text());
            m_button->setEnabled(m_action->isEnabled());
            m_button->setToolTip(m_action->toolTip());
        }
    }
    setAccessibleName(m_title->text());
    // Hidden where the page has no first action (activity): still never an unnamed button.
    m_button->setAccessibleName(m_button->text().isEmpty() ? m_title->text() : m_button->text());
    place();
    setVisible(empty && !m_titleText.isEmpty());
}

void EmptyState::place()
{
    setGeometry(m_view->viewport()->rect());
    // A short table (the SIP profiles' above their details) keeps the title and the button;
    // the sentence would be cut.
    const int w = std::max(1, width() - 24);
    const int without = m_title->heightForWidth(w) +
                        (m_button->isHidden() ? 0 : m_button->sizeHint().height()) + 40;
    m_body->setVisible(height() >= without + m_body->heightForWidth(w));
}

bool EmptyState::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        place();
    return QWidget::eventFilter(watched, event);
}

} // namespace sb::ui
