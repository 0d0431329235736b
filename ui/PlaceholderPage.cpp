#include "PlaceholderPage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace sb::ui {

PlaceholderPage::PlaceholderPage(Kind kind, QWidget* parent) : QWidget(parent), m_kind(kind)
{
    switch (kind) {
    case Kind::Numbers: setObjectName(QStringLiteral("numbersPage")); break;
    case Kind::SipProfiles: setObjectName(QStringLiteral("sipProfilesPage")); break;
    case Kind::Calls: setObjectName(QStringLiteral("callsPage")); break;
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
    case Kind::Numbers:
        m_title->setText(tr("Numbers"));
        m_text->setText(tr("Coming here: buy phone numbers for members and SIP profiles — choose the country, "
                           "the area and 1, 3 or 12 months, each with its price — reassign them, and cancel "
                           "them at the end of their paid period.\n\nThis part of Switchboard is not "
                           "available yet."));
        break;
    case Kind::SipProfiles:
        m_title->setText(tr("SIP profiles"));
        m_text->setText(tr("Coming here: the SIP trunks that connect the office PBX — registration or IP "
                           "authentication, channels, their own credit, linked accounts for incoming calls, "
                           "US minute bundles and ready-to-paste PBX configuration.\n\nThis part of "
                           "Switchboard is not available yet."));
        break;
    case Kind::Calls:
        m_title->setText(tr("Calls & reports"));
        m_text->setText(tr("Coming here: import of the PBX's call records, rating, call history with filters, "
                           "reports and charts of what was spent, and advice on bundles and channels.\n\n"
                           "This part of Switchboard is not available yet."));
        break;
    }
    setAccessibleName(m_title->text());
    m_title->setAccessibleName(m_title->text());
    m_text->setAccessibleName(m_text->text());
}

} // namespace sb::ui
