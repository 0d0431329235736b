#include "ui/profiles/ChangeChannelsDialog.h"

#include "core/base/DisplayFormat.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/CompanyBalanceLabel.h"
#include "ui/widgets/HintLabel.h"

#include "core/reports/AdviceService.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::ui {

ChangeChannelsDialog::ChangeChannelsDialog(const Context& ctx, const SipProfile& profile,
                                           QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_service(ctx), m_profile(profile)
{
    setObjectName(QStringLiteral("changeChannelsDialog"));
    auto wrapping = [this](const QString& name) {
        auto* label = new QLabel(this);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        return label;
    };
    m_current = wrapping(QStringLiteral("currentChannelsLabel"));
    // Left without an accessible name: a screen reader then reads its text.
    m_adviceLabel = wrapping(QStringLiteral("channelAdviceLabel"));
    if (auto advice = AdviceService(ctx).forProfile(profile.id))
        m_advice = advice->channels;
    m_adviceLabel->setVisible(m_advice.has_value());
    m_channels = new QSpinBox(this);
    m_channels->setObjectName(QStringLiteral("channelsSpin"));
    m_channels->setRange(ProfileService::MinChannels, ProfileService::MaxChannels);
    m_channels->setValue(profile.channels);
    m_channels->setAccelerated(true);
    m_channelsLabel = new QLabel(this);
    m_channelsLabel->setBuddy(m_channels);
    m_cost = wrapping(QStringLiteral("costLabel"));
    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    m_explanation = wrapping(QStringLiteral("explanationLabel"));
    m_balanceInfo = new CompanyBalanceLabel(m_ctx, this);
    m_balanceInfo->setTextFormat(Qt::PlainText);
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_channelsLabel, m_channels);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_current);
    layout->addWidget(m_adviceLabel);
    layout->addLayout(form);
    layout->addWidget(m_cost);
    layout->addWidget(m_explanation);
    layout->addWidget(m_balanceInfo);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_channels, &QSpinBox::valueChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangeChannelsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ChangeChannelsDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(480);
}

void ChangeChannelsDialog::updateWidgets()
{
    const QLocale locale;
    const int n = m_channels->value();
    const ProfileService::ChannelChange quote = m_service.quoteChannels(m_profile, n);
    const Money cost = quote.charged;
    const Money net = quote.net();
    if (m_profile.channelsLapsed)
        m_current->setText(
            tr("%1 has %n channel(s), not paid since %2: outgoing calls are stopped.", nullptr,
               m_profile.channels)
                .arg(m_profile.name, shortDate(locale, m_profile.channelsExpires)));
    else
        m_current->setText(
            tr("%1 has %n channel(s) (%2 a month), paid until %3.", nullptr, m_profile.channels)
                .arg(m_profile.name, m_profile.monthlyChannelCost().toCurrencyString(locale),
                     shortDate(locale, m_profile.channelsExpires)));
    m_cost->setText(tr("%n channel(s): %1 a month", nullptr, n).arg(cost.toCurrencyString(locale)));
    m_cost->setAccessibleName(m_cost->text());
    if (quote.credited.isPositive())
        m_explanation->setText(
            tr("The current channel subscription ends now: its unused days, %1, go back to the "
               "company balance. The new one starts today: %2 is paid now, %3 in all, and it "
               "renews on %4.")
                .arg(quote.credited.toCurrencyString(locale), cost.toCurrencyString(locale),
                     net.toCurrencyString(locale), shortDate(locale, quote.nextPayment)));
    else
        m_explanation->setText(
            tr("The current channel subscription ends now (no days of it are left unused). The "
               "new one starts today: %1 is paid now from the company balance, and it renews on "
               "%2.")
                .arg(cost.toCurrencyString(locale), shortDate(locale, quote.nextPayment)));
    QString problem = m_refusal;
    const bool changed = n != m_profile.channels || m_profile.channelsLapsed;
    const Money balance = m_balanceInfo->balance();
    if (problem.isEmpty() && changed && net > balance)
        problem = tr("The company balance (%1) cannot pay %2 for %n channel(s).", nullptr, n)
                      .arg(balance.toCurrencyString(locale), net.toCurrencyString(locale));
    m_balanceInfo->showBalance(tr("Company balance: %1."),
                               tr("Company balance: %1, after the change: %2."),
                               net <= balance ? std::optional(net) : std::nullopt);
    m_hint->showProblem(problem);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(changed && problem.isEmpty());
    ok->setText(tr("Change to %n channel(s)", nullptr, n));
    ok->setAccessibleName(ok->text());
}

void ChangeChannelsDialog::accept()
{
    auto changed = m_service.setChannels(m_profile.name, m_channels->value());
    if (!changed) {
        m_refusal = changed.error().message;
        m_balanceInfo->refresh();
        updateWidgets();
        return;
    }
    m_change = *changed;
    QDialog::accept();
}

void ChangeChannelsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ChangeChannelsDialog::retranslateUi()
{
    setWindowTitle(tr("Change channels"));
    setAccessibleName(tr("Change channels"));
    m_channelsLabel->setText(tr("&Channels (simultaneous calls, %1–%2):")
                                 .arg(ProfileService::MinChannels)
                                 .arg(ProfileService::MaxChannels));
    m_channels->setAccessibleName(tr("Channels"));
    m_current->setAccessibleDescription(tr("Current channels"));
    m_explanation->setAccessibleDescription(tr("What happens"));
    m_balanceInfo->setAccessibleDescription(tr("Company balance"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateAdvice();
    updateWidgets();
}

void ChangeChannelsDialog::updateAdvice()
{
    if (!m_advice)
        return;
    const ProfileAdvice::Channels& a = *m_advice;
    if (!a.known()) {
        m_adviceLabel->setText(tr("Advice: no call records yet to size the channels by."));
        return;
    }
    const QLocale locale;
    // Below one erlang a tenth says too little: 0.93, not 0.9.
    const QString erlangs = locale.toString(a.busyHourErlangs, 'f', a.busyHourErlangs < 1 ? 2 : 1);
    m_adviceLabel->setText(
        tr("Advice: %n channel(s) for the busiest hour (%1 erlangs at 1% blocking)", nullptr,
           a.need)
            .arg(erlangs));
    // The hour is stored in UTC ("2026-11-27T09"); shown in the reader's time.
    const QDateTime hour =
        QDateTime::fromString(a.busiestHour + QStringLiteral(":00:00Z"), Qt::ISODate);
    if (hour.isValid())
        m_adviceLabel->setToolTip(tr("The busiest hour of its calls so far began %1.")
                                      .arg(shortDateTime(locale, hour.toLocalTime())));
}

} // namespace sb::ui
