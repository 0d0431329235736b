#include "ui/profiles/PbxConfigView.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace sb::ui {

PbxConfigView::PbxConfigView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pbxConfigView"));
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("pbxConfigCaption"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("pbxConfigText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setMinimumHeight(m_text->fontMetrics().lineSpacing() * 16);
    m_caption->setBuddy(m_text);
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("copyPbxConfigButton"));
    // In the wizard's last page it may hold the focus: Enter is still the wizard's "Done", Space
    // copies.
    m_copy->setAutoDefault(false);
    m_feedback = new QTimer(this);
    m_feedback->setSingleShot(true);
    m_feedback->setInterval(2500);
    connect(m_feedback, &QTimer::timeout, this, [this]() {
        m_justCopied = false;
        retranslateUi();
    });
    connect(m_copy, &QPushButton::clicked, this, &PbxConfigView::copy);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_caption, 1);
    top->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
    // The button is drawn above the text: Tab reaches it first.
    QWidget::setTabOrder(m_copy, m_text);
    retranslateUi();
}

void PbxConfigView::setText(const QString& shown)
{
    m_text->setPlainText(shown);
    m_copy->setEnabled(!shown.isEmpty());
}

QString PbxConfigView::text() const
{
    return m_text->toPlainText();
}

void PbxConfigView::copy()
{
    const QString full = m_source ? m_source() : text();
    if (full.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(full);
    m_justCopied = true;
    retranslateUi();
    m_feedback->start();
    emit copied();
}

void PbxConfigView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void PbxConfigView::retranslateUi()
{
    m_caption->setText(tr("Asterisk PJSIP configuration (pjsip.conf):"));
    m_text->setAccessibleName(tr("Asterisk PJSIP configuration"));
    m_copy->setText(m_justCopied ? tr("Copied") : tr("Co&py configuration"));
    m_copy->setAccessibleName(tr("Copy the configuration"));
    m_copy->setToolTip(tr("Copy the whole block, with the password, to paste into the PBX"));
}

} // namespace sb::ui
