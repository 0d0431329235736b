#pragma once

#include "core/base/Money.h"
#include "core/numbers/NumberHolder.h"
#include "core/numbers/NumberService.h"
#include "core/storage/Context.h"

#include <QHash>
#include <QList>
#include <QWizard>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace sb::ui {

class HintLabel;
class HolderCompleter;
class WizardPage;

/// Buys one number for each chosen member or SIP profile: (who, when started without a
/// selection) → country (says whether terms apply) → area code with its place and the
/// numbers left → billing period with each price, the total and the company balance →
/// terms, where the country requires them → "Buy now". A purchase the core refuses (the
/// company balance fell, the area ran out) shows inline on the page and changes nothing.
class BuyNumbersWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        HoldersPage,
        CountryPage,
        AreaPage,
        PeriodPage,
        TermsPage
    };

    /// With no holders, the first page asks for them.
    BuyNumbersWizard(const Context& ctx, const QList<NumberHolder>& holders,
                     QWidget* parent = nullptr);

    /// What was bought (after accept()).
    const QList<NumberService::Purchase>& purchases() const { return m_purchases; }
    NumberService::BuyRequest request() const;
    QList<NumberHolder> holders() const { return m_holders; }
    /// "New York, NY (212)": the area chosen, in the current language.
    QString areaDescription() const;

    int nextId() const override;
    bool validateCurrentPage() override;

protected:
    void changeEvent(QEvent* event) override;
    void initializePage(int id) override;

private:
    void buildHoldersPage();
    void buildCountryPage();
    void buildAreaPage();
    void buildPeriodPage();
    void buildTermsPage();
    void retranslateUi();
    void showPageData(int id);
    void updateHolders();
    void updateCountry();
    void fillAreas();
    void updatePeriod();
    void updateTerms();
    bool addTypedHolder();
    bool addHolder(const NumberHolder& holder);
    void readCompanyBalance();
    QString holderText(const NumberHolder& h) const;
    QString holdersSummary() const;
    QString countryCode() const;
    QString areaCode() const;
    int months() const;
    bool termsRequired() const;
    /// The total of the request, or the reason it cannot be bought.
    Result<Money> quote() const;
    bool buy(HintLabel* hint);

    const Context& m_ctx;
    NumberService m_service;
    QList<NumberHolder> m_holders;
    QHash<QString, QString> m_holderNames; ///< "m:account" → "Bob Jones (bob.jones)"
    Money m_companyBalance;
    QString m_refusal;
    QList<NumberService::Purchase> m_purchases;
    QList<NumberService::AreaInfo> m_areas;

    WizardPage* m_holdersPage = nullptr;
    QLabel* m_holdersIntro = nullptr;
    QLabel* m_holderKindLabel = nullptr;
    QComboBox* m_holderKind = nullptr;
    QLabel* m_holderEditLabel = nullptr;
    QLineEdit* m_holderEdit = nullptr;
    HolderCompleter* m_completer = nullptr;
    QPushButton* m_addHolder = nullptr;
    QListWidget* m_holdersList = nullptr;
    QPushButton* m_removeHolder = nullptr;
    HintLabel* m_holdersHint = nullptr;

    WizardPage* m_countryPage = nullptr;
    QLabel* m_holdersLabel = nullptr;
    QLabel* m_countryLabel = nullptr;
    QComboBox* m_country = nullptr;
    QLabel* m_termsInfo = nullptr;
    QLabel* m_pricesInfo = nullptr;

    WizardPage* m_areaPage = nullptr;
    QListWidget* m_areaList = nullptr;
    HintLabel* m_areaHint = nullptr;

    WizardPage* m_periodPage = nullptr;
    QButtonGroup* m_periods = nullptr;
    QRadioButton* m_period1 = nullptr;
    QRadioButton* m_period3 = nullptr;
    QRadioButton* m_period12 = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_balanceInfo = nullptr;
    QLabel* m_renewalInfo = nullptr;
    HintLabel* m_periodHint = nullptr;

    WizardPage* m_termsPage = nullptr;
    QLabel* m_termsText = nullptr;
    QCheckBox* m_acceptTerms = nullptr;
    QLabel* m_summary = nullptr;
    HintLabel* m_termsHint = nullptr;
};

} // namespace sb::ui
