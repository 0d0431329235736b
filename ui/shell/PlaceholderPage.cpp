#include "ui/shell/PlaceholderPage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace sb::ui {

PlaceholderPage::PlaceholderPage(Kind kind, QWidget* parent) : QWidget(parent), m_kind(kind)
{
    switch (kind) {
    case Kind::Calls:
        setObjectName(QStringLiteral("callsPage"));
        break;
    }
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("placeholderTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("placeholderText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setMaximumWidth(720);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addSpacing(12);
    layout->addWidget(m_text);
    layout->addStretch();
    retranslateUi();
}

void PlaceholderPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PlaceholderPage::retranslateUi()
{
    switch (m_kind) {
    case Kind::Calls:
        m_title->setText(tr("Calls & reports"));
        m_text->setText(
            tr("Coming here: import of the PBX's call records, rating, call history with filters, "
               "reports and charts of what was spent, and advice on bundles and channels.\n\n"
               "This part of Switchboard is not available yet."));
        break;
    }
    setAccessibleName(m_title->text());
    m_title->setAccessibleName(m_title->text());
    m_text->setAccessibleName(m_text->text());
}

} // namespace sb::ui
