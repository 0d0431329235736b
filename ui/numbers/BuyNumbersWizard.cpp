#include "ui/numbers/BuyNumbersWizard.h"

#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/PriceList.h"
#include "core/profiles/ProfileService.h"
#include "ui/widgets/Choices.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/HolderCompleter.h"
#include "ui/widgets/LanguageManager.h"
#include "ui/widgets/WizardPage.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
constexpr int kNamesShown = 6;
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

QString holderKey(const NumberHolder& h)
{
    return (h.kind == NumberHolder::Kind::Profile ? QStringLiteral("p:") : QStringLiteral("m:")) +
           h.name.toCaseFolded();
}

QLabel* wrappingLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

BuyNumbersWizard::BuyNumbersWizard(const Context& ctx, const QList<NumberHolder>& holders,
                                   QWidget* parent)
    : QWizard(parent), m_ctx(ctx), m_service(ctx)
{
    setObjectName(QStringLiteral("buyNumbersWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    readCompanyBalance();

    buildHoldersPage();
    buildCountryPage();
    buildAreaPage();
    buildPeriodPage();
    buildTermsPage();

    // Holders chosen on another page (members selected, a SIP profile shown): start at the country.
    for (const NumberHolder& h : holders)
        addHolder(h);
    if (!m_holders.isEmpty())
        setStartId(CountryPage);

    connect(this, &QWizard::currentIdChanged, this, &BuyNumbersWizard::showPageData);
    button(QWizard::BackButton)->setObjectName(QStringLiteral("backButton"));
    button(QWizard::NextButton)->setObjectName(QStringLiteral("nextButton"));
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("finishButton"));
    button(QWizard::CancelButton)->setObjectName(QStringLiteral("cancelButton"));
    // Spending cannot be undone: Enter must not buy by accident.
    if (auto* b = qobject_cast<QPushButton*>(button(QWizard::FinishButton)))
        b->setAutoDefault(false);
    retranslateUi();
    setMinimumSize(640, 480);
}

// ---- pages ------------------------------------------------------------------------------

void BuyNumbersWizard::buildHoldersPage()
{
    m_holdersPage = new WizardPage(this);
    m_holdersPage->setObjectName(QStringLiteral("holdersPage"));
    m_holdersIntro = wrappingLabel(m_holdersPage, QStringLiteral("holdersIntroLabel"));
    m_holderKind = new QComboBox(m_holdersPage);
    m_holderKind->setObjectName(QStringLiteral("holderKindCombo"));
    m_holderKind->addItem(QString(), static_cast<int>(NumberHolder::Kind::Member));
    m_holderKind->addItem(QString(), static_cast<int>(NumberHolder::Kind::Profile));
    m_holderEdit = new QLineEdit(m_holdersPage);
    m_holderEdit->setObjectName(QStringLiteral("holderEdit"));
    m_holderEdit->setClearButtonEnabled(true);
    m_completer = new HolderCompleter(m_ctx, HolderCompleter::Members, m_holderEdit);
    m_addHolder = new QPushButton(m_holdersPage);
    m_addHolder->setObjectName(QStringLiteral("addHolderButton"));
    m_holdersList = new QListWidget(m_holdersPage);
    m_holdersList->setObjectName(QStringLiteral("holdersList"));
    m_holdersList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_removeHolder = new QPushButton(m_holdersPage);
    m_removeHolder->setObjectName(QStringLiteral("removeHolderButton"));
    m_holdersHint = new HintLabel(m_holdersPage);
    m_holdersHint->setObjectName(QStringLiteral("holdersHint"));
    m_holderKindLabel = new QLabel(m_holdersPage);
    m_holderKindLabel->setBuddy(m_holderKind);
    m_holderEditLabel = new QLabel(m_holdersPage);
    m_holderEditLabel->setBuddy(m_holderEdit);

    auto* editRow = new QHBoxLayout;
    editRow->addWidget(m_holderEdit, 1);
    editRow->addWidget(m_addHolder);
    auto* form = new QFormLayout;
    form->addRow(m_holderKindLabel, m_holderKind);
    form->addRow(m_holderEditLabel, editRow);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_holdersList, 1);
    auto* listButtons = new QVBoxLayout;
    listButtons->addWidget(m_removeHolder);
    listButtons->addStretch();
    listRow->addLayout(listButtons);
    auto* layout = new QVBoxLayout(m_holdersPage);
    layout->addWidget(m_holdersIntro);
    layout->addLayout(form);
    layout->addLayout(listRow, 1);
    layout->addWidget(m_holdersHint);

    connect(m_holderKind, &QComboBox::currentIndexChanged, this, [this]() {
        const auto kind = static_cast<NumberHolder::Kind>(m_holderKind->currentData().toInt());
        m_completer->setKinds(kind == NumberHolder::Kind::Profile ? HolderCompleter::Profiles
                                                                  : HolderCompleter::Members);
        m_holdersHint->clearMessage();
        retranslateUi();
    });
    connect(m_holderEdit, &QLineEdit::textChanged, this, [this]() {
        m_holdersHint->clearMessage();
        updateHolders();
    });
    connect(m_holderEdit, &QLineEdit::returnPressed, this, [this]() { addTypedHolder(); });
    connect(m_addHolder, &QPushButton::clicked, this, [this]() { addTypedHolder(); });
    // The completer sets the edit's text after telling us: add once it has.
    connect(m_completer, &HolderCompleter::holderChosen, this, [this](const NumberHolder& h) {
        QTimer::singleShot(0, this, [this, h]() {
            if (addHolder(h))
                m_holderEdit->clear();
        });
    });
    connect(m_removeHolder, &QPushButton::clicked, this, [this]() {
        const QList<QListWidgetItem*> items = m_holdersList->selectedItems();
        for (QListWidgetItem* item : items) {
            const NumberHolder h{static_cast<NumberHolder::Kind>(item->data(kKindRole).toInt()),
                                 item->data(kNameRole).toString()};
            m_holders.removeAll(h);
            delete item;
        }
        updateHolders();
    });
    connect(m_holdersList, &QListWidget::itemSelectionChanged, this,
            &BuyNumbersWizard::updateHolders);
    m_holdersPage->setCompleteRule(
        [this]() { return !m_holders.isEmpty() || !m_holderEdit->text().trimmed().isEmpty(); });
    setPage(HoldersPage, m_holdersPage);
}

void BuyNumbersWizard::buildCountryPage()
{
    m_countryPage = new WizardPage(this);
    m_countryPage->setObjectName(QStringLiteral("countryPage"));
    m_holdersLabel = wrappingLabel(m_countryPage, QStringLiteral("holdersLabel"));
    m_country = new QComboBox(m_countryPage);
    m_country->setObjectName(QStringLiteral("countryCombo"));
    for (const auto& c : NumberCatalogue::builtIn().countries())
        m_country->addItem(QString(), c.code);
    m_countryLabel = new QLabel(m_countryPage);
    m_countryLabel->setBuddy(m_country);
    m_termsInfo = wrappingLabel(m_countryPage, QStringLiteral("termsInfoLabel"));
    m_pricesInfo = wrappingLabel(m_countryPage, QStringLiteral("pricesInfoLabel"));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(m_countryLabel, m_country);
    auto* layout = new QVBoxLayout(m_countryPage);
    layout->addWidget(m_holdersLabel);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_pricesInfo);
    layout->addWidget(m_termsInfo);
    layout->addStretch();
    connect(m_country, &QComboBox::currentIndexChanged, this, [this]() {
        m_refusal.clear();
        updateCountry();
    });
    m_countryPage->setCompleteRule([this]() { return m_country->currentIndex() >= 0; });
    setPage(CountryPage, m_countryPage);
}

void BuyNumbersWizard::buildAreaPage()
{
    m_areaPage = new WizardPage(this);
    m_areaPage->setObjectName(QStringLiteral("areaPage"));
    m_areaList = new QListWidget(m_areaPage);
    m_areaList->setObjectName(QStringLiteral("areaList"));
    m_areaList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_areaList->setUniformItemSizes(true);
    m_areaHint = new HintLabel(m_areaPage);
    m_areaHint->setObjectName(QStringLiteral("areaHint"));
    auto* layout = new QVBoxLayout(m_areaPage);
    layout->addWidget(m_areaList, 1);
    layout->addWidget(m_areaHint);
    // A click makes the item current first and selects it afterwards: follow both.
    connect(m_areaList, &QListWidget::currentItemChanged, this, [this]() {
        m_refusal.clear();
        m_areaPage->refresh();
    });
    connect(m_areaList, &QListWidget::itemSelectionChanged, m_areaPage, &WizardPage::refresh);
    connect(m_areaList, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        if (item && (item->flags() & Qt::ItemIsEnabled))
            next();
    });
    m_areaPage->setCompleteRule([this]() {
        const QListWidgetItem* item = m_areaList->currentItem();
        return item && item->isSelected() && (item->flags() & Qt::ItemIsEnabled);
    });
    setPage(AreaPage, m_areaPage);
}

void BuyNumbersWizard::buildPeriodPage()
{
    m_periodPage = new WizardPage(this);
    m_periodPage->setObjectName(QStringLiteral("periodPage"));
    m_periods = new QButtonGroup(m_periodPage);
    m_period1 = new QRadioButton(m_periodPage);
    m_period1->setObjectName(QStringLiteral("period1Radio"));
    m_period3 = new QRadioButton(m_periodPage);
    m_period3->setObjectName(QStringLiteral("period3Radio"));
    m_period12 = new QRadioButton(m_periodPage);
    m_period12->setObjectName(QStringLiteral("period12Radio"));
    m_periods->addButton(m_period1, 1);
    m_periods->addButton(m_period3, 3);
    m_periods->addButton(m_period12, 12);
    m_period1->setChecked(true);
    m_total = wrappingLabel(m_periodPage, QStringLiteral("totalLabel"));
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_balanceInfo = wrappingLabel(m_periodPage, QStringLiteral("companyBalanceInfoLabel"));
    m_renewalInfo = wrappingLabel(m_periodPage, QStringLiteral("renewalInfoLabel"));
    m_periodHint = new HintLabel(m_periodPage);
    m_periodHint->setObjectName(QStringLiteral("periodHint"));
    auto* layout = new QVBoxLayout(m_periodPage);
    layout->addWidget(m_period1);
    layout->addWidget(m_period3);
    layout->addWidget(m_period12);
    layout->addSpacing(12);
    layout->addWidget(m_total);
    layout->addWidget(m_balanceInfo);
    layout->addWidget(m_renewalInfo);
    layout->addWidget(m_periodHint);
    layout->addStretch();
    connect(m_periods, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        m_refusal.clear();
        updatePeriod();
    });
    m_periodPage->setCompleteRule([this]() {
        const auto total = quote();
        return m_refusal.isEmpty() && m_periods->checkedId() > 0 && total &&
               *total <= m_companyBalance;
    });
    setPage(PeriodPage, m_periodPage);
}

void BuyNumbersWizard::buildTermsPage()
{
    m_termsPage = new WizardPage(this);
    m_termsPage->setObjectName(QStringLiteral("termsPage"));
    m_termsText = wrappingLabel(m_termsPage, QStringLiteral("termsTextLabel"));
    m_acceptTerms = new QCheckBox(m_termsPage);
    m_acceptTerms->setObjectName(QStringLiteral("acceptTermsCheck"));
    m_summary = wrappingLabel(m_termsPage, QStringLiteral("summaryLabel"));
    m_termsHint = new HintLabel(m_termsPage);
    m_termsHint->setObjectName(QStringLiteral("termsHint"));
    auto* layout = new QVBoxLayout(m_termsPage);
    layout->addWidget(m_termsText);
    layout->addSpacing(8);
    layout->addWidget(m_acceptTerms);
    layout->addSpacing(12);
    layout->addWidget(m_summary);
    layout->addWidget(m_termsHint);
    layout->addStretch();
    connect(m_acceptTerms, &QCheckBox::toggled, this, [this]() {
        m_refusal.clear();
        updateTerms();
    });
    m_termsPage->setCompleteRule(
        [this]() { return m_refusal.isEmpty() && m_acceptTerms->isChecked(); });
    setPage(TermsPage, m_termsPage);
}

// ---- navigation -------------------------------------------------------------------------

int BuyNumbersWizard::nextId() const
{
    switch (currentId()) {
    case HoldersPage:
        return CountryPage;
    case CountryPage:
        return AreaPage;
    case AreaPage:
        return PeriodPage;
    case PeriodPage:
        return termsRequired() ? TermsPage : -1;
    default:
        return -1;
    }
}

void BuyNumbersWizard::initializePage(int id)
{
    QWizard::initializePage(id);
    // Terms are accepted anew each time the page is reached.
    if (id == TermsPage)
        m_acceptTerms->setChecked(false);
}

void BuyNumbersWizard::showPageData(int id)
{
    // Forward or back: a refusal belongs to the choice that caused it, and the figures
    // (numbers left, company balance) are read again.
    m_refusal.clear();
    switch (id) {
    case CountryPage:
        updateCountry();
        break;
    case AreaPage:
        fillAreas();
        break;
    case PeriodPage:
        readCompanyBalance();
        updatePeriod();
        break;
    case TermsPage:
        updateTerms();
        break;
    default:
        break;
    }
}

bool BuyNumbersWizard::validateCurrentPage()
{
    switch (currentId()) {
    case HoldersPage:
        if (!m_holderEdit->text().trimmed().isEmpty() && !addTypedHolder())
            return false;
        return !m_holders.isEmpty();
    case PeriodPage: {
        // The core checks everything it can before the last step.
        if (auto total = quote(); !total) {
            m_periodHint->showError(total.error().message);
            return false;
        }
        if (!termsRequired())
            return buy(m_periodHint);
        return true;
    }
    case TermsPage:
        return buy(m_termsHint);
    default:
        return QWizard::validateCurrentPage();
    }
}

// ---- holders ----------------------------------------------------------------------------

QString BuyNumbersWizard::holderText(const NumberHolder& h) const
{
    const QString known = m_holderNames.value(holderKey(h));
    if (!known.isEmpty())
        return known;
    return h.kind == NumberHolder::Kind::Profile ? tr("SIP profile %1").arg(h.name) : h.name;
}

bool BuyNumbersWizard::addHolder(const NumberHolder& wanted)
{
    NumberHolder h = wanted;
    QString shown;
    if (h.kind == NumberHolder::Kind::Profile) {
        auto p = ProfileService(m_ctx).find(h.name);
        if (!p) {
            m_holdersHint->showError(p.error().message);
            return false;
        }
        h.name = p->name;
        shown = tr("SIP profile %1").arg(p->name);
    } else {
        auto m = MemberService(m_ctx).find(h.name);
        if (!m) {
            m_holdersHint->showError(m.error().message);
            return false;
        }
        h.name = m->account;
        shown = tr("%1 (%2)").arg(m->name, m->account);
    }
    if (m_holders.contains(h)) {
        m_holdersHint->showError(tr("%1 is already in the list: each gets one number.").arg(shown));
        return false;
    }
    m_holders.append(h);
    m_holderNames.insert(holderKey(h), shown);
    auto* item = new QListWidgetItem(shown, m_holdersList);
    item->setData(kKindRole, static_cast<int>(h.kind));
    item->setData(kNameRole, h.name);
    m_holdersHint->clearMessage();
    updateHolders();
    return true;
}

bool BuyNumbersWizard::addTypedHolder()
{
    const QString name = m_holderEdit->text().trimmed();
    if (name.isEmpty())
        return false;
    const auto kind = static_cast<NumberHolder::Kind>(m_holderKind->currentData().toInt());
    if (!addHolder(NumberHolder{kind, name}))
        return false;
    m_holderEdit->clear();
    return true;
}

void BuyNumbersWizard::updateHolders()
{
    m_removeHolder->setEnabled(!m_holdersList->selectedItems().isEmpty());
    m_addHolder->setEnabled(!m_holderEdit->text().trimmed().isEmpty());
    m_holdersPage->refresh();
}

QString BuyNumbersWizard::holdersSummary() const
{
    const int n = static_cast<int>(m_holders.size());
    QStringList names;
    for (int i = 0; i < n && i < kNamesShown; ++i)
        names.append(holderText(m_holders[i]));
    QString list = names.join(QStringLiteral(", "));
    if (n > kNamesShown)
        list = tr("%1 and %n more", nullptr, n - kNamesShown).arg(list);
    return tr("One number for each of %n holder(s): %1", nullptr, n).arg(list);
}

// ---- country, area, period, terms -------------------------------------------------------

QString BuyNumbersWizard::countryCode() const
{
    return m_country->currentData().toString();
}

QString BuyNumbersWizard::areaCode() const
{
    const QListWidgetItem* item = m_areaList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

int BuyNumbersWizard::months() const
{
    return qMax(1, m_periods->checkedId());
}

bool BuyNumbersWizard::termsRequired() const
{
    return m_service.termsRequired(countryCode());
}

QString BuyNumbersWizard::areaDescription() const
{
    for (const auto& a : m_areas) {
        if (a.code == areaCode())
            return tr("%1 (%2)").arg(a.place, a.code);
    }
    return areaCode();
}

NumberService::BuyRequest BuyNumbersWizard::request() const
{
    NumberService::BuyRequest r;
    r.country = countryCode();
    r.area = areaCode();
    r.months = months();
    r.holders = m_holders;
    r.acceptTerms = !termsRequired() || (m_acceptTerms && m_acceptTerms->isChecked());
    return r;
}

Result<Money> BuyNumbersWizard::quote() const
{
    NumberService::BuyRequest r = request();
    // Terms are asked on their own page; everything else is checked here.
    r.acceptTerms = true;
    return m_service.quote(r);
}

void BuyNumbersWizard::readCompanyBalance()
{
    if (auto b = CompanyService(m_ctx).balance(); b)
        m_companyBalance = *b;
}

void BuyNumbersWizard::updateCountry()
{
    const QLocale locale;
    m_holdersLabel->setText(holdersSummary());
    const QString code = countryCode();
    const QString country = NumberCatalogue::countryName(code);
    if (termsRequired())
        m_termsInfo->setText(
            tr("Numbers in %1 require the holder to accept terms (for example a local address "
               "in %1). You will be asked to accept them before buying.")
                .arg(country));
    else
        m_termsInfo->setText(tr("Numbers in %1: no extra terms apply.").arg(country));
    if (auto prices = m_service.prices(code); prices && !prices->isEmpty()) {
        QStringList parts;
        for (auto it = prices->cbegin(); it != prices->cend(); ++it)
            parts.append(
                tr("%n month(s): %1", nullptr, it.key()).arg(it.value().toCurrencyString(locale)));
        m_pricesInfo->setText(tr("Prices per number: %1.").arg(parts.join(QStringLiteral("; "))));
    } else {
        m_pricesInfo->setText(prices ? QString() : prices.error().message);
    }
    m_countryPage->refresh();
}

void BuyNumbersWizard::fillAreas()
{
    const QString previous = areaCode();
    m_areaList->clear();
    m_areaHint->clearMessage();
    auto areas = m_service.areas(countryCode(), LanguageManager::instance()->current());
    if (!areas) {
        m_areas.clear();
        m_areaHint->showError(areas.error().message);
        m_areaPage->refresh();
        return;
    }
    m_areas = *areas;
    const int needed = static_cast<int>(m_holders.size());
    int usable = 0;
    for (const auto& a : std::as_const(m_areas)) {
        QString text;
        if (a.available == 0)
            text = tr("%1 — %2: no numbers left").arg(a.code, a.place);
        else if (a.available < needed)
            text = tr("%1 — %2: only %n number(s) left", nullptr, a.available).arg(a.code, a.place);
        else
            text = tr("%1 — %2: %n number(s) available", nullptr, a.available).arg(a.code, a.place);
        auto* item = new QListWidgetItem(text, m_areaList);
        item->setData(Qt::UserRole, a.code);
        item->setData(Qt::AccessibleTextRole, text);
        if (a.available < needed)
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
        else
            ++usable;
        if (a.code == previous && a.available >= needed)
            m_areaList->setCurrentItem(item);
    }
    if (usable == 0)
        m_areaHint->showError(
            tr("No area of %1 has %n number(s) left. Choose another country.", nullptr, needed)
                .arg(NumberCatalogue::countryName(countryCode())));
    m_areaPage->refresh();
}

void BuyNumbersWizard::updatePeriod()
{
    const QLocale locale;
    const int n = static_cast<int>(m_holders.size());
    auto prices = m_service.prices(countryCode());
    const QList<std::pair<QRadioButton*, int>> radios = {
        {m_period1, 1}, {m_period3, 3}, {m_period12, 12}};
    for (const auto& [radio, months] : radios) {
        const bool sold = prices && prices->contains(months);
        radio->setVisible(sold);
        if (sold)
            radio->setText(tr("%n month(s): %1 per number", nullptr, months)
                               .arg(prices->value(months).toCurrencyString(locale)));
        radio->setAccessibleName(radio->text());
    }
    const auto total = quote();
    QString problem = m_refusal;
    if (total) {
        const Money each = prices ? prices->value(months()) : Money();
        m_total->setText(
            tr("Total: %1 (%2 × %n number(s)), paid now from the company balance", nullptr, n)
                .arg(total->toCurrencyString(locale), each.toCurrencyString(locale)));
        setButtonText(QWizard::FinishButton,
                      tr("Buy and pay %1").arg(total->toCurrencyString(locale)));
        if (*total <= m_companyBalance)
            m_balanceInfo->setText(tr("Company balance: %1, after buying: %2.")
                                       .arg(m_companyBalance.toCurrencyString(locale),
                                            (m_companyBalance - *total).toCurrencyString(locale)));
        else
            m_balanceInfo->setText(
                tr("Company balance: %1.").arg(m_companyBalance.toCurrencyString(locale)));
        if (problem.isEmpty() && *total > m_companyBalance)
            problem = tr("The company balance (%1) cannot pay %2 for %n number(s). Top up the "
                         "company balance "
                         "first, or choose a shorter period.",
                         nullptr, n)
                          .arg(m_companyBalance.toCurrencyString(locale),
                               total->toCurrencyString(locale));
    } else {
        m_total->setText(tr("Total: —"));
        setButtonText(QWizard::FinishButton, tr("Buy now"));
        m_balanceInfo->setText(
            tr("Company balance: %1.").arg(m_companyBalance.toCurrencyString(locale)));
        if (problem.isEmpty())
            problem = total.error().message;
    }
    m_renewalInfo->setText(
        tr("Each number renews every %n month(s) from the company balance until it is "
           "cancelled.",
           nullptr, months()));
    if (problem.isEmpty())
        m_periodHint->clearMessage();
    else
        m_periodHint->showError(problem);
    m_periodPage->setFinalPage(!termsRequired());
    m_periodPage->refresh();
}

void BuyNumbersWizard::updateTerms()
{
    const QLocale locale;
    const QString country = NumberCatalogue::countryName(countryCode());
    m_termsText->setText(
        tr("Numbers in %1 are offered only to holders who meet the local terms, for example a "
           "local address in %1, and who provide more details on request. The terms may change "
           "with local regulation; a holder who no longer meets them may lose the number.")
            .arg(country));
    m_acceptTerms->setText(tr("The holders accept the terms for numbers in %1").arg(country));
    m_acceptTerms->setAccessibleName(m_acceptTerms->text());
    const int n = static_cast<int>(m_holders.size());
    if (const auto total = quote(); total)
        m_summary->setText(
            tr("Buying %n number(s) in %1, %2, billed every %3: %4 in all, paid now from the "
               "company balance (%5).",
               nullptr, n)
                .arg(areaDescription(), country, tr("%n month(s)", nullptr, months()),
                     total->toCurrencyString(locale), m_companyBalance.toCurrencyString(locale)));
    if (m_refusal.isEmpty())
        m_termsHint->clearMessage();
    else
        m_termsHint->showError(m_refusal);
    m_termsPage->refresh();
}

bool BuyNumbersWizard::buy(HintLabel* hint)
{
    auto bought = m_service.buy(request());
    if (!bought) {
        // Nothing changed; show the figures as they are now.
        m_refusal = bought.error().message;
        readCompanyBalance();
        if (currentId() == PeriodPage)
            updatePeriod();
        else
            updateTerms();
        hint->showError(m_refusal);
        return false;
    }
    m_purchases = *bought;
    return true;
}

// ---- language ---------------------------------------------------------------------------

void BuyNumbersWizard::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWizard::changeEvent(event);
}

void BuyNumbersWizard::retranslateUi()
{
    setWindowTitle(tr("Buy numbers"));
    setAccessibleName(tr("Buy numbers"));
    setButtonText(QWizard::FinishButton, tr("Buy now"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    // The buttons' accessible names are their texts, which change with the total.

    m_holdersPage->setTitle(tr("Who gets a number?"));
    m_holdersPage->setSubTitle(tr("One number for each member or SIP profile in the list."));
    m_holdersIntro->setText(
        tr("Type an account name or a SIP profile name and choose it from the list, or press "
           "Enter to add it."));
    m_holderKindLabel->setText(tr("&Holder is a:"));
    m_holderKind->setItemText(0, tr("Member"));
    m_holderKind->setItemText(1, tr("SIP profile"));
    m_holderKind->setAccessibleName(tr("Holder is a member or a SIP profile"));
    const bool profile =
        m_holderKind->currentData().toInt() == static_cast<int>(NumberHolder::Kind::Profile);
    m_holderEditLabel->setText(profile ? tr("&SIP profile:") : tr("&Account name:"));
    m_holderEdit->setPlaceholderText(profile ? tr("Start typing a SIP profile name")
                                             : tr("Start typing an account name"));
    m_holderEdit->setAccessibleName(profile ? tr("SIP profile name") : tr("Account name"));
    m_addHolder->setText(tr("A&dd"));
    m_addHolder->setAccessibleName(tr("Add to the list"));
    m_holdersList->setAccessibleName(tr("Who gets a number"));
    m_removeHolder->setText(tr("&Remove"));
    m_removeHolder->setAccessibleName(tr("Remove from the list"));

    m_countryPage->setTitle(tr("Country"));
    m_countryPage->setSubTitle(tr("Where the numbers are."));
    m_countryLabel->setText(tr("&Country:"));
    for (int i = 0; i < m_country->count(); ++i)
        m_country->setItemText(i, NumberCatalogue::countryName(m_country->itemData(i).toString()));
    Choices::sortByText(m_country);
    m_country->setAccessibleName(tr("Country"));
    m_holdersLabel->setAccessibleDescription(tr("Who gets a number"));
    m_termsInfo->setAccessibleDescription(tr("Terms"));
    m_pricesInfo->setAccessibleDescription(tr("Prices"));

    m_areaPage->setTitle(tr("Area code"));
    m_areaPage->setSubTitle(tr("The area code of the numbers, with its place."));
    m_areaList->setAccessibleName(tr("Area code"));

    m_periodPage->setTitle(tr("Billing period"));
    m_periodPage->setSubTitle(tr("How often each number is paid."));
    m_total->setAccessibleDescription(tr("Total"));
    m_balanceInfo->setAccessibleDescription(tr("Company balance"));
    m_renewalInfo->setAccessibleDescription(tr("Renewal"));

    m_termsPage->setTitle(tr("Terms"));
    m_termsPage->setSubTitle(
        tr("The holders must accept the terms before the numbers can be bought."));
    m_summary->setAccessibleDescription(tr("Summary"));

    updateHolders();
    switch (currentId()) {
    case CountryPage:
        updateCountry();
        break;
    case AreaPage:
        fillAreas();
        break;
    case PeriodPage:
        updatePeriod();
        break;
    case TermsPage:
        updateTerms();
        break;
    default:
        break;
    }
}

} // namespace sb::ui
