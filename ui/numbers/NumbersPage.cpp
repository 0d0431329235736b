#include "ui/numbers/NumbersPage.h"

#include "core/base/DisplayFormat.h"
#include "core/base/PhoneNumbers.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberCatalogue.h"
#include "core/numbers/NumberService.h"
#include "models/numbers/NumbersModel.h"
#include "ui/numbers/BuyNumbersWizard.h"
#include "ui/numbers/ReassignNumberDialog.h"
#include "ui/widgets/Choices.h"
#include "ui/widgets/ColumnFitter.h"
#include "ui/widgets/EmptyState.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/TablePage.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <utility>

namespace sb::ui {

namespace {
const QString kHeaderKey = QStringLiteral("numbersPage/header");
constexpr int kListedInMessage = 4;
} // namespace

NumbersPage::NumbersPage(const Context& ctx, QWidget* parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("numbersPage"));
    m_model = new NumbersModel(m_ctx, this);
    m_model->setObjectName(QStringLiteral("numbersModel"));

    m_title = TablePage::createTitle(this, QStringLiteral("numbersTitle"));
    m_search = TablePage::createSearch(this, QStringLiteral("numbersSearch"),
                                       [this]() { m_model->setSearch(m_search->text()); });
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("numbersCountLabel"));

    m_country = new QComboBox(this);
    m_country->setObjectName(QStringLiteral("numbersCountryFilter"));
    m_country->addItem(QString(), QString());
    for (const auto& c : NumberCatalogue::builtIn().countries())
        m_country->addItem(QString(), c.code);
    m_holder = new QComboBox(this);
    m_holder->setObjectName(QStringLiteral("numbersHolderFilter"));
    for (auto kind :
         {NumberHolder::Kind::None, NumberHolder::Kind::Member, NumberHolder::Kind::Profile})
        m_holder->addItem(QString(), static_cast<int>(kind));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("numbersStatusFilter"));
    for (auto status : {NumberQuery::Status::Any, NumberQuery::Status::Active,
                        NumberQuery::Status::Cancelled, NumberQuery::Status::Released})
        m_status->addItem(QString(), static_cast<int>(status));
    m_countryLabel = new QLabel(this);
    m_countryLabel->setBuddy(m_country);
    m_holderLabel = new QLabel(this);
    m_holderLabel->setBuddy(m_holder);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setBuddy(m_status);
    m_error = new HintLabel(this);
    m_error->setObjectName(QStringLiteral("numbersErrorLabel"));

    m_table = TablePage::createTable(this, QStringLiteral("numbersTable"), m_model);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSortIndicator(NumbersModel::Number, Qt::AscendingOrder);
    header->setResizeContentsPrecision(NumbersModel::PageSize);
    m_table->setSortingEnabled(true);
    // The status gets the width its texts need (a cancelled number's last day whole); the
    // holder and then the country give way (whole in their tool tips) when the rest does
    // not fit, and then the area (in the number itself) steps out of view.
    m_fitter = new ColumnFitter(m_table, [this] { return statusWidth(0); });
    m_fitter->setColumn(NumbersModel::Holder, 28, 9);
    m_fitter->setColumn(NumbersModel::Country, 18, 6);
    m_fitter->setOptional(NumbersModel::Area);
    // Columns that cannot be ordered in SQL keep the indicator where the order is.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int column, Qt::SortOrder) {
                if (NumbersModel::isSortable(column))
                    return;
                const QSignalBlocker block(header);
                int current = NumbersModel::Number;
                switch (m_model->query().sort) {
                case NumberQuery::Sort::Country:
                    current = NumbersModel::Country;
                    break;
                case NumberQuery::Sort::Holder:
                    current = NumbersModel::Holder;
                    break;
                case NumberQuery::Sort::Expires:
                    current = NumbersModel::Expires;
                    break;
                case NumberQuery::Sort::Status:
                    current = NumbersModel::Status;
                    break;
                case NumberQuery::Sort::Number:
                    break;
                }
                header->setSortIndicator(current, m_model->query().ascending ? Qt::AscendingOrder
                                                                             : Qt::DescendingOrder);
            });

    connect(m_country, &QComboBox::currentIndexChanged, this,
            [this]() { m_model->setCountry(m_country->currentData().toString()); });
    connect(m_holder, &QComboBox::currentIndexChanged, this, [this]() {
        m_model->setHolderKind(static_cast<NumberHolder::Kind>(m_holder->currentData().toInt()));
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this]() {
        m_model->setStatus(static_cast<NumberQuery::Status>(m_status->currentData().toInt()));
    });

    m_buyAction = new QAction(this);
    m_buyAction->setObjectName(QStringLiteral("buyNumbersAction"));
    m_buyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_reassignAction = new QAction(this);
    m_reassignAction->setObjectName(QStringLiteral("reassignNumberAction"));
    m_reassignAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_cancelAction = new QAction(this);
    m_cancelAction->setObjectName(QStringLiteral("cancelNumbersAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    connect(m_buyAction, &QAction::triggered, this, &NumbersPage::buyNumbers);
    connect(m_reassignAction, &QAction::triggered, this, &NumbersPage::reassignNumber);
    connect(m_cancelAction, &QAction::triggered, this, &NumbersPage::cancelNumbers);
    m_table->addActions(numberActions());
    TablePage::addColumnsAction(m_table);
    TablePage::onOpen(m_table, this, [this](const QModelIndex& index) {
        if (index.isValid() && m_reassignAction->isEnabled())
            reassignNumber();
    });

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NumbersPage::updateActions);
    // The model queries again after every change: the selected numbers stay selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this]() { m_keptSelection = selectedNumbers(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        selectNumbers(std::exchange(m_keptSelection, {}));
        updateActions();
        updateCount();
        // A number cancelled: its status now has a date.
        if (isVisible() && !m_fitter->userSized() && statusWidth(0) > m_fitter->lastWidth())
            m_fitter->fit();
    });
    connect(m_model, &NumbersModel::errorOccurred, this, &NumbersPage::updateCount);
    // A cancelled number scrolled into the fetched rows for the first time: its date whole.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int) {
                if (isVisible() && !m_fitter->userSized() &&
                    statusWidth(first) > m_fitter->lastWidth())
                    m_fitter->fit();
            });

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_count);
    top->addWidget(m_search);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_countryLabel);
    filters->addWidget(m_country);
    filters->addSpacing(12);
    filters->addWidget(m_holderLabel);
    filters->addWidget(m_holder);
    filters->addSpacing(12);
    filters->addWidget(m_statusLabel);
    filters->addWidget(m_status);
    filters->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    m_empty = new EmptyState(m_table, m_buyAction, [this] { return m_search->text(); });
    retranslateUi();
    updateActions();
}

QList<QAction*> NumbersPage::numberActions() const
{
    return {m_buyAction, m_reassignAction, m_cancelAction};
}

QStringList NumbersPage::selectedNumbers() const
{
    return m_model->numbers(m_table->selectionModel()->selectedRows());
}

bool NumbersPage::selectNumber(const QString& e164)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->number(row).e164 != e164)
            continue;
        const QModelIndex index = m_model->index(row, NumbersModel::Number);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        m_table->scrollTo(index);
        return true;
    }
    return false;
}

bool NumbersPage::locateNumber(const QString& e164)
{
    if (e164.isEmpty())
        return false;
    if (selectNumber(e164))
        return true;
    for (QComboBox* filter : {m_country, m_holder, m_status})
        filter->setCurrentIndex(0);
    m_search->setText(e164);
    m_model->setSearch(e164);
    while (!selectNumber(e164)) {
        if (!m_model->canFetchMore({}))
            return false;
        m_model->fetchMore({});
    }
    return true;
}

void NumbersPage::updateActions()
{
    // Only what the admin can see is acted on: a selection on a hidden page is not.
    const bool shown = isVisible();
    int active = 0;
    int cancellable = 0;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& i : rows) {
        const NumberRecord& n = m_model->number(i.row());
        if (n.status != QLatin1String("active"))
            continue;
        ++active;
        if (!n.cancelled)
            ++cancellable;
    }
    m_buyAction->setEnabled(true);
    m_reassignAction->setEnabled(shown && rows.size() == 1 && active == 1);
    m_cancelAction->setEnabled(shown && cancellable > 0);
}

void NumbersPage::updateCount()
{
    const qint64 total = m_model->totalCount();
    const int n = static_cast<int>(qMin<qint64>(total, std::numeric_limits<int>::max()));
    const NumberQuery& q = m_model->query();
    const bool filtered = !q.search.isEmpty() || !q.country.isEmpty() ||
                          q.holderKind != NumberHolder::Kind::None ||
                          q.status != NumberQuery::Status::Any;
    m_count->setText(filtered ? tr("%Ln number(s) found", nullptr, n)
                              : tr("%Ln number(s)", nullptr, n));
    m_count->setAccessibleName(m_count->text());
    if (m_model->lastError().isEmpty())
        m_error->clearMessage();
    else
        m_error->showError(tr("The numbers cannot be shown: %1").arg(m_model->lastError()));
}

void NumbersPage::refresh()
{
    m_model->refresh();
}

void NumbersPage::selectNumbers(const QStringList& e164s)
{
    for (const QString& e164 : e164s) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->number(row).e164 == e164) {
                m_table->selectionModel()->select(m_model->index(row, 0),
                                                  QItemSelectionModel::Select |
                                                      QItemSelectionModel::Rows);
                break;
            }
        }
    }
}

void NumbersPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void NumbersPage::buyNumbers()
{
    buyNumbersFor({});
}

void NumbersPage::buyNumbersForMembers(const QStringList& accounts)
{
    QList<NumberHolder> holders;
    for (const QString& a : accounts)
        holders.append(NumberHolder::member(a));
    buyNumbersFor(holders);
}

void NumbersPage::buyNumbersFor(const QList<NumberHolder>& holders)
{
    BuyNumbersWizard wizard(m_ctx, holders, this);
    if (wizard.exec() != QDialog::Accepted || wizard.purchases().isEmpty())
        return;
    const QLocale locale;
    const QList<NumberService::Purchase>& bought = wizard.purchases();
    Money total;
    QStringList parts;
    for (const auto& p : bought) {
        total += p.price;
        if (parts.size() < kListedInMessage)
            parts.append(
                tr("%1 for %2").arg(PhoneNumbers::formatInternational(p.e164), p.holder.name));
    }
    QString list = parts.join(QStringLiteral(", "));
    if (bought.size() > kListedInMessage)
        list = tr("%1 and %n more", nullptr, static_cast<int>(bought.size()) - kListedInMessage)
                   .arg(list);
    const auto balance = CompanyService(m_ctx).balance();
    emit statusMessage(
        tr("Bought %n number(s) in %1 for %2: %3. Company balance: %4.", nullptr,
           static_cast<int>(bought.size()))
            .arg(wizard.areaDescription(), total.toCurrencyString(locale), list,
                 balance ? balance->toCurrencyString(locale) : balance.error().message));
    // The table, the members, the profiles and the balance followed the Notifier.
    m_table->clearSelection();
    QStringList e164s;
    for (const auto& p : bought)
        e164s.append(p.e164);
    selectNumbers(e164s);
}

void NumbersPage::reassignNumber()
{
    const QStringList numbers = selectedNumbers();
    if (numbers.size() != 1) {
        emit statusMessage(tr("Select the one number to reassign."));
        return;
    }
    // As it is now, not as the table fetched it a while ago.
    auto number = NumberService(m_ctx).find(numbers.first());
    if (!number) {
        emit statusMessage(number.error().message);
        return;
    }
    ReassignNumberDialog dialog(m_ctx, *number, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const NumberRecord& after = dialog.result();
    const QString from = NumbersModel::holderText(*number);
    emit statusMessage(tr("Reassigned %1 from %2 to %3.")
                           .arg(PhoneNumbers::formatInternational(after.e164),
                                from.isEmpty() ? tr("nobody") : from,
                                NumbersModel::holderText(after)));
    selectNumber(after.e164);
}

void NumbersPage::cancelNumbers()
{
    cancelNumberList(selectedNumbers());
}

void NumbersPage::cancelNumbersOfMembers(const QStringList& accounts)
{
    auto members = MemberService(m_ctx).findMany(accounts);
    if (!members) {
        emit statusMessage(members.error().message);
        return;
    }
    QStringList numbers;
    for (const Member& m : *members)
        numbers.append(m.numbers);
    if (numbers.isEmpty()) {
        emit statusMessage(tr("The selected members hold no numbers."));
        return;
    }
    cancelNumberList(numbers);
}

void NumbersPage::cancelNumberList(const QStringList& selected)
{
    const NumberService service(m_ctx);
    QList<NumberRecord> numbers;
    QStringList skipped;
    for (const QString& e164 : selected) {
        auto n = service.find(e164);
        if (!n)
            skipped.append(
                tr("%1: %2").arg(PhoneNumbers::formatInternational(e164), n.error().message));
        else if (n->cancelled)
            skipped.append(
                tr("%1 is already cancelled.").arg(PhoneNumbers::formatInternational(e164)));
        else
            numbers.append(*n);
    }
    if (numbers.isEmpty()) {
        emit statusMessage(skipped.isEmpty() ? tr("Select the numbers to cancel first.")
                                             : skipped.join(QLatin1Char(' ')));
        return;
    }
    const QLocale locale;
    QStringList lines;
    for (const NumberRecord& n : std::as_const(numbers)) {
        const QString holder = NumbersModel::holderText(n);
        lines.append(tr("• %1 (%2): usable until %3, then released")
                         .arg(PhoneNumbers::formatInternational(n.e164),
                              holder.isEmpty() ? tr("nobody") : holder,
                              shortDate(locale, n.expires)));
    }
    QString details = lines.join(QLatin1Char('\n'));
    details +=
        QStringLiteral("\n\n") +
        tr("Each number stays usable until the end of its paid period, then returns to the pool. "
           "There is no extra charge and no refund.");
    if (!skipped.isEmpty())
        details +=
            QStringLiteral("\n\n") + tr("Not cancelled: %1").arg(skipped.join(QLatin1Char(' ')));

    const int n = static_cast<int>(numbers.size());
    QMessageBox box(QMessageBox::Warning, tr("Cancel numbers"),
                    tr("Cancel %n number(s)?", nullptr, n), QMessageBox::Ok | QMessageBox::Cancel,
                    this);
    box.setObjectName(QStringLiteral("cancelNumbersConfirmation"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(details);
    box.setAccessibleName(tr("Cancel numbers"));
    box.setAccessibleDescription(details);
    QAbstractButton* ok = box.button(QMessageBox::Ok);
    ok->setText(tr("Cancel %n number(s)", nullptr, n));
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setAccessibleName(ok->text());
    QAbstractButton* keep = box.button(QMessageBox::Cancel);
    keep->setText(tr("Keep them"));
    keep->setObjectName(QStringLiteral("cancelButton"));
    keep->setAccessibleName(keep->text());
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Ok)
        return;

    QStringList done;
    QStringList failed;
    for (const NumberRecord& number : std::as_const(numbers)) {
        auto cancelled = service.cancel(number.e164);
        if (!cancelled) {
            failed.append(tr("%1: %2").arg(PhoneNumbers::formatInternational(number.e164),
                                           cancelled.error().message));
            continue;
        }
        done.append(tr("%1 (until %2)")
                        .arg(PhoneNumbers::formatInternational(cancelled->e164),
                             shortDate(locale, cancelled->expires)));
    }
    if (failed.isEmpty()) {
        m_error->clearMessage();
        emit statusMessage(
            tr("Cancelled %n number(s): %1. No refund; each is released when its period ends.",
               nullptr, static_cast<int>(done.size()))
                .arg(done.join(QStringLiteral(", "))));
    } else {
        const QString problem =
            tr("%n number(s) could not be cancelled: %1", nullptr, static_cast<int>(failed.size()))
                .arg(failed.join(QLatin1Char(' ')));
        m_error->showError(problem);
        emit statusMessage(done.isEmpty()
                               ? problem
                               : tr("Cancelled %n number(s); see the problems above the table.",
                                    nullptr, static_cast<int>(done.size())));
    }
}

int NumbersPage::statusWidth(int firstRow) const
{
    const QFontMetrics metrics = m_table->fontMetrics();
    NumberRecord number;
    int widest = metrics.horizontalAdvance(NumbersModel::statusText(number));
    number.status = QStringLiteral("released");
    widest = std::max(widest, metrics.horizontalAdvance(NumbersModel::statusText(number)));
    // The fetched rows are in memory (a page or a few); one cancelled number is enough.
    for (int row = firstRow; row < m_model->rowCount(); ++row) {
        const NumberRecord& n = m_model->number(row);
        if (n.cancelled && n.status != QLatin1String("released")) {
            widest = std::max(widest, metrics.horizontalAdvance(NumbersModel::statusText(n)));
            break;
        }
    }
    const int icon = m_table->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_table);
    return widest + icon + metrics.horizontalAdvance(QLatin1Char('M')) * 2;
}

void NumbersPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateActions();
}

void NumbersPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateActions();
}

void NumbersPage::saveSettings() const
{
    QSettings settings;
    m_fitter->saveState(settings, kHeaderKey);
}

void NumbersPage::restoreSettings()
{
    m_fitter->restoreState(QSettings(), kHeaderKey);
}

void NumbersPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NumbersPage::retranslateUi()
{
    m_empty->setTexts(
        tr("No numbers yet"),
        tr("Phone numbers are bought for members and SIP profiles, in the country and area "
           "you choose, and renew from the company balance until they are "
           "cancelled."));
    setAccessibleName(tr("Numbers"));
    m_title->setText(tr("Numbers"));
    m_search->setPlaceholderText(tr("Search by number, account, name or SIP profile (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search numbers"));
    m_table->setAccessibleName(tr("Numbers"));
    m_countryLabel->setText(tr("C&ountry:"));
    m_country->setItemText(0, tr("All countries"));
    for (int i = 1; i < m_country->count(); ++i)
        m_country->setItemText(i, NumberCatalogue::countryName(m_country->itemData(i).toString()));
    Choices::sortByText(m_country, 1);
    m_country->setAccessibleName(tr("Filter by country"));
    m_holderLabel->setText(tr("Held &by:"));
    m_holder->setItemText(0, tr("Anyone"));
    m_holder->setItemText(1, tr("Members"));
    m_holder->setItemText(2, tr("SIP profiles"));
    m_holder->setAccessibleName(tr("Filter by holder"));
    m_statusLabel->setText(tr("S&tatus:"));
    m_status->setItemText(0, tr("Any status"));
    m_status->setItemText(1, tr("Active"));
    m_status->setItemText(2, tr("Cancelled"));
    m_status->setItemText(3, tr("Released"));
    m_status->setAccessibleName(tr("Filter by status"));
    TablePage::keepChoicesWhole(m_status);
    TablePage::keepChoicesWhole(m_holder);
    m_buyAction->setText(tr("&Buy numbers…"));
    m_buyAction->setToolTip(tr("Buy numbers for members or SIP profiles (%1)")
                                .arg(m_buyAction->shortcut().toString(QKeySequence::NativeText)));
    m_reassignAction->setText(tr("&Reassign number…"));
    m_reassignAction->setToolTip(
        tr("Give the selected number to another member or SIP profile (%1)")
            .arg(m_reassignAction->shortcut().toString(QKeySequence::NativeText)));
    m_cancelAction->setText(tr("&Cancel numbers…"));
    m_cancelAction->setToolTip(
        tr("Cancel the selected numbers at the end of their paid period (%1)")
            .arg(m_cancelAction->shortcut().toString(QKeySequence::NativeText)));
    for (QAction* a : numberActions())
        a->setStatusTip(a->toolTip());
    m_model->retranslate();
    updateCount();
}

} // namespace sb::ui
