#include "ui/profiles/BundlesDialog.h"

#include "core/base/DisplayFormat.h"
#include "ui/widgets/ButtonTextKeeper.h"
#include "ui/widgets/HintLabel.h"

#include "core/reports/AdviceService.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace sb::ui {

BundlesDialog::BundlesDialog(const Context& ctx, Mode mode, const SipProfile& profile,
                             const BundleSummary& current, QWidget* parent)
    : QDialog(parent), m_ctx(ctx), m_service(ctx), m_mode(mode), m_profile(profile),
      m_current(current)
{
    setObjectName(mode == Mode::Add ? QStringLiteral("addBundlesDialog")
                                    : QStringLiteral("changeBundlesDialog"));
    auto wrapping = [this](const QString& name) {
        auto* label = new QLabel(this);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        return label;
    };
    m_intro = wrapping(QStringLiteral("bundlesIntroLabel"));
    // Left without an accessible name: a screen reader then reads its text.
    m_adviceLabel = wrapping(QStringLiteral("bundleAdviceLabel"));
    if (auto advice = AdviceService(ctx).forProfile(profile.id))
        m_advice = advice->bundles;
    m_adviceLabel->setVisible(m_advice.has_value());
    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("bundleCountSpin"));
    // Never more bundles than channels: the box cannot go above them.
    m_count->setRange(1, std::max(1, profile.channels));
    m_count->setValue(mode == Mode::Change ? std::clamp(current.count, 1, m_count->maximum()) : 1);
    m_countLabel = new QLabel(this);
    m_countLabel->setBuddy(m_count);
    m_cost = wrapping(QStringLiteral("bundleCostLabel"));
    QFont bold = m_cost->font();
    bold.setBold(true);
    m_cost->setFont(bold);
    m_refund = wrapping(QStringLiteral("bundleRefundLabel"));
    m_refund->setVisible(mode == Mode::Change);
    m_balance = wrapping(QStringLiteral("bundleBalanceLabel"));
    m_hint = new HintLabel(this);
    m_hint->setObjectName(QStringLiteral("hintLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_countLabel, m_count);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_adviceLabel);
    layout->addLayout(form);
    layout->addWidget(m_cost);
    layout->addWidget(m_refund);
    layout->addWidget(m_balance);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(m_buttons);
    // valueChanged comes with every key typed: the cost follows the count as it is typed.
    connect(m_count, &QSpinBox::valueChanged, this, [this]() {
        m_refusal.clear();
        updateWidgets();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BundlesDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BundlesDialog::reject);
    retranslateUi();
    ButtonTextKeeper::install(m_buttons, [this]() { retranslateUi(); });
    setMinimumWidth(480);
}

void BundlesDialog::updateWidgets()
{
    const QLocale locale;
    const int n = m_count->value();
    const Money cost = m_service.cost(n);
    const QDate today = m_ctx.now().toUTC().date();
    const QString renews = shortDate(locale, today.addMonths(1));
    if (m_mode == Mode::Add)
        m_intro->setText(tr("Each bundle gives %1 5000 minutes a month of calls to US mobiles and "
                            "landlines, paid from the profile's own balance. It has %n "
                            "channel(s): at most that many bundles.",
                            nullptr, m_profile.channels)
                             .arg(m_profile.name));
    else
        m_intro->setText(tr("%1 has %n bundle(s) at %2 each, %3 of %4 minutes used this period. "
                            "The current bundles are cancelled and their unused minutes "
                            "refunded to the profile's balance; the new count is bought at "
                            "today's price.",
                            nullptr, m_current.count)
                             .arg(m_profile.name, m_current.pricePaid.toCurrencyString(locale),
                                  locale.toString(m_current.minutesUsed),
                                  locale.toString(m_current.minutesIncluded)));
    m_cost->setText(tr("%n bundle(s): %1 a month, paid now; renewed on %2", nullptr, n)
                        .arg(cost.toCurrencyString(locale), renews));
    m_cost->setAccessibleName(m_cost->text());
    Money refund;
    QString problem = m_refusal;
    if (m_mode == Mode::Change) {
        auto preview = m_service.changePreview(m_profile.name, n);
        if (preview) {
            refund = preview->refund;
            const qint64 unused =
                std::max<qint64>(0, m_current.minutesIncluded - m_current.minutesUsed);
            m_refund->setText(tr("Refund for %1 unused minutes: %2. New cost: %3 a month.")
                                  .arg(locale.toString(unused), refund.toCurrencyString(locale),
                                       cost.toCurrencyString(locale)));
        } else {
            m_refund->clear();
            if (problem.isEmpty())
                problem = preview.error().message;
        }
        m_refund->setAccessibleName(m_refund->text());
        if (problem.isEmpty() && n == m_current.count && !m_current.cancelled)
            problem = tr("%1 already has %n bundle(s): choose another count.", nullptr, n)
                          .arg(m_profile.name);
    }
    const Money after = m_profile.balance + refund - cost;
    if (problem.isEmpty() && after.isNegative())
        problem = tr("The balance of %1 (%2) cannot pay %3 for %n bundle(s). Allocate credit to "
                     "the profile first.",
                     nullptr, n)
                      .arg(m_profile.name, (m_profile.balance + refund).toCurrencyString(locale),
                           cost.toCurrencyString(locale));
    m_balance->setText(
        after.isNegative()
            ? tr("Profile balance: %1.").arg(m_profile.balance.toCurrencyString(locale))
            : tr("Profile balance: %1, after buying: %2.")
                  .arg(m_profile.balance.toCurrencyString(locale), after.toCurrencyString(locale)));
    m_balance->setAccessibleName(m_balance->text());
    m_hint->showProblem(problem);
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
}

void BundlesDialog::accept()
{
    const int n = m_count->value();
    auto done = m_mode == Mode::Add ? m_service.add(m_profile.name, n)
                                    : m_service.change(m_profile.name, n);
    if (!done) {
        m_refusal = done.error().message;
        updateWidgets();
        return;
    }
    m_purchase = *done;
    QDialog::accept();
}

void BundlesDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void BundlesDialog::retranslateUi()
{
    const QString title =
        m_mode == Mode::Add ? tr("Add US minute bundles") : tr("Change US minute bundles");
    setWindowTitle(title);
    setAccessibleName(title);
    m_countLabel->setText(tr("&Bundles (1–%1):").arg(m_count->maximum()));
    m_count->setAccessibleName(tr("Number of bundles"));
    m_intro->setAccessibleDescription(tr("About the bundles"));
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Bu&y now"));
    ok->setAccessibleName(tr("Buy now"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    updateAdvice();
    updateWidgets();
}

void BundlesDialog::updateAdvice()
{
    if (!m_advice)
        return;
    const ProfileAdvice::Bundles& a = *m_advice;
    const QString saving = a.monthlySaving.toCurrencyString(QLocale());
    QString text;
    if (!a.known())
        text = tr("Advice: not enough call records yet (it needs a full month of calls).");
    else if (a.best == a.have && a.have == 0)
        text = tr("Advice: no bundles; they would not have paid off.");
    else if (a.best == a.have)
        text = tr("Advice: keep %n bundle(s)", nullptr, a.have);
    else if (a.best == 0)
        text = tr("Advice: no bundles, saves %1 a month").arg(saving);
    else
        text = tr("Advice: %n bundle(s), saves %1 a month", nullptr, a.best).arg(saving);
    m_adviceLabel->setText(text);
    if (a.known())
        m_adviceLabel->setToolTip(
            tr("From the US minutes of the last %n full month(s) with calls (%1 to %2) at "
               "today's prices.",
               nullptr, int(a.months.size()))
                .arg(a.months.first(), a.months.last()));
}

} // namespace sb::ui
