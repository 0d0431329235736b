#include "ui/shell/WelcomeDialog.h"
#include "ui/widgets/ButtonTextKeeper.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sb::ui {

WelcomeDialog::WelcomeDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("welcomeDialog"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("textLabel"));
    m_text->setWordWrap(true);
    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_demo = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_demo->setObjectName(QStringLiteral("demoButton"));
    m_empty = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_empty->setObjectName(QStringLiteral("startEmptyButton"));
    m_empty->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(520);
}

void WelcomeDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void WelcomeDialog::retranslateUi()
{
    setWindowTitle(tr("Welcome to Switchboard"));
    setAccessibleName(tr("Welcome to Switchboard"));
    m_title->setText(tr("Welcome to Switchboard"));
    m_text->setText(
        tr("Switchboard keeps your company's calling account: the company balance, the members "
           "and the credit you give them.\n\n"
           "This account is still empty. You can look around in a demo account with %n made-up "
           "member(s) first, or start with your own members right away.",
           nullptr, DemoMembers));
    m_title->setAccessibleName(m_title->text());
    m_text->setAccessibleDescription(tr("Introduction"));
    m_demo->setText(tr("Open a &demo account"));
    m_demo->setAccessibleName(tr("Open a demo account"));
    m_empty->setText(tr("&Start empty"));
    m_empty->setAccessibleName(tr("Start empty"));
}

} // namespace sb::ui
