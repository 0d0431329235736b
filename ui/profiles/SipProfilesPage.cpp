#include "ui/profiles/SipProfilesPage.h"

#include "core/base/DisplayFormat.h"
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/profiles/ProfileService.h"
#include "models/profiles/ProfilesModel.h"
#include "ui/profiles/AllocateProfileCreditDialog.h"
#include "ui/profiles/BundlesDialog.h"
#include "ui/profiles/ChangeChannelsDialog.h"
#include "ui/profiles/CreateSipProfileWizard.h"
#include "ui/profiles/DeleteSipProfileDialog.h"
#include "ui/profiles/LinkAccountDialog.h"
#include "ui/profiles/RenameSipProfileDialog.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/widgets/ColumnFitter.h"
#include "ui/widgets/EmptyState.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/TablePage.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace sb::ui {

namespace {
const QString kHeaderKey = QStringLiteral("sipProfilesPage/header");
const QString kSplitterKey = QStringLiteral("sipProfilesPage/splitter");
const QString kDirKey = QStringLiteral("sipProfilesPage/lastDirectory");
} // namespace

SipProfilesPage::SipProfilesPage(const Context& ctx, QWidget* parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("sipProfilesPage"));
    m_model = new ProfilesModel(m_ctx, this);
    m_model->setObjectName(QStringLiteral("profilesModel"));
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ProfilesModel::RawValueRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_title = TablePage::createTitle(this, QStringLiteral("sipProfilesTitle"));
    m_search = TablePage::createSearch(this, QStringLiteral("sipProfilesSearch"),
                                       [this]() { m_model->setSearch(m_search->text()); });
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("sipProfilesCountLabel"));
    m_error = new HintLabel(this);
    m_error->setObjectName(QStringLiteral("sipProfilesErrorLabel"));

    m_table = TablePage::createTable(this, QStringLiteral("sipProfilesTable"), m_proxy,
                                     {.selection = QAbstractItemView::SingleSelection});
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProfilesModel::Name, Qt::AscendingOrder);
    // The trunk's latest check in view: the name, the department, the authentication and the
    // numbers give way (whole in their tool tips), and then the department, the
    // authentication, the linked accounts and the numbers step out of view (the header's menu
    // shows them again; the details below count both).
    m_fitter = new ColumnFitter(m_table);
    m_fitter->setColumn(ProfilesModel::Name, 20, 9);
    m_fitter->setColumn(ProfilesModel::Department, 20, 7);
    m_fitter->setColumn(ProfilesModel::Authentication, 20, 8);
    m_fitter->setColumn(ProfilesModel::Numbers, 20, 8);
    m_fitter->setOptional(ProfilesModel::Department);
    m_fitter->setOptional(ProfilesModel::Authentication);
    m_fitter->setOptional(ProfilesModel::Accounts);
    m_fitter->setOptional(ProfilesModel::Numbers);

    m_details = new SipProfileDetails(m_ctx, this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("sipProfilesSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({170, 560});

    auto action = [this](const char* name, QKeySequence shortcut, void (SipProfilesPage::*slot)()) {
        auto* a = new QAction(this);
        a->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_createAction =
        action("createSipProfileAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
               &SipProfilesPage::createProfile);
    m_renameAction =
        action("renameSipProfileAction", QKeySequence(Qt::Key_F2), &SipProfilesPage::renameProfile);
    m_deleteAction =
        action("deleteSipProfileAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
               &SipProfilesPage::deleteProfile);
    m_creditAction =
        action("allocateProfileCreditAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
               &SipProfilesPage::allocateCredit);
    m_channelsAction =
        action("changeChannelsAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
               &SipProfilesPage::changeChannels);
    m_linkAction = action("linkAccountAction", QKeySequence(Qt::CTRL | Qt::Key_L),
                          &SipProfilesPage::linkAccount);
    m_unlinkAction = action("unlinkAccountAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                            &SipProfilesPage::unlinkAccount);
    m_buyNumberAction =
        action("buyNumberForProfileAction", QKeySequence(), &SipProfilesPage::buyNumber);
    m_bundleActions = {
        action("addBundlesAction", QKeySequence(), &SipProfilesPage::addBundles),
        action("changeBundlesAction", QKeySequence(), &SipProfilesPage::changeBundles),
        action("cancelBundlesAction", QKeySequence(), &SipProfilesPage::cancelBundles),
        action("extendBundlesAction", QKeySequence(), &SipProfilesPage::extendBundles),
    };
    m_table->addActions({m_renameAction, m_deleteAction, m_creditAction, m_channelsAction,
                         m_linkAction, m_buyNumberAction});
    TablePage::addColumnsAction(m_table);
    m_details->setActions({m_channelsAction, m_creditAction, m_linkAction, m_unlinkAction,
                           m_buyNumberAction, m_bundleActions});

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SipProfilesPage::showSelected);
    // Enter (or a double click) on a profile goes to its details: the first control there, in
    // the Tab order, so that the keyboard reaches the details without tabbing through the page.
    TablePage::onOpen(m_table, this, [this](const QModelIndex& index) {
        if (!index.isValid())
            return;
        for (QWidget* w = m_details->nextInFocusChain(); w && w != m_details;
             w = w->nextInFocusChain()) {
            if (m_details->isAncestorOf(w) && w->isVisible() && w->isEnabled() &&
                (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy()) {
                w->setFocus(Qt::TabFocusReason);
                return;
            }
        }
    });
    // The model reads the profiles again after a search and every change the Notifier
    // announces: the selection stays, the details load once at the end.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this]() {
        m_keptProfile = selectedProfile();
        m_table->selectionModel()->blockSignals(true);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        if (!selectProfile(std::exchange(m_keptProfile, {})) && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
        m_table->selectionModel()->blockSignals(false);
        m_table->viewport()->update();
        updateCount();
        showSelected();
    });
    connect(m_model, &ProfilesModel::errorOccurred, this, &SipProfilesPage::updateCount);
    connect(m_details, &SipProfileDetails::selectedAccountChanged, this,
            &SipProfilesPage::updateActions);
    connect(m_details, &SipProfileDetails::statusMessage, this, &SipProfilesPage::statusMessage);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_count);
    top->addWidget(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_splitter, 1);

    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    m_empty = new EmptyState(m_table, m_createAction, [this] { return m_search->text(); });
    retranslateUi();
    showSelected();
}

QList<QAction*> SipProfilesPage::profileActions() const
{
    return {m_createAction,   m_renameAction, m_deleteAction, m_creditAction,
            m_channelsAction, m_linkAction,   m_unlinkAction, m_buyNumberAction};
}

QString SipProfilesPage::selectedProfile() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(ProfilesModel::NameRole).toString();
}

bool SipProfilesPage::selectProfile(const QString& name)
{
    if (name.isEmpty())
        return false;
    const int row = m_model->rowOfName(name);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, ProfilesModel::Name));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool SipProfilesPage::locateProfile(const QString& name)
{
    if (selectProfile(name))
        return true;
    m_search->clear();
    m_model->setSearch(QString());
    return selectProfile(name);
}

void SipProfilesPage::showSelected()
{
    m_details->showProfile(selectedProfile());
    updateActions();
}

void SipProfilesPage::updateActions()
{
    const bool shown = isVisible();
    const bool one = !selectedProfile().isEmpty() && m_details->profile().has_value();
    m_createAction->setEnabled(true);
    for (QAction* a :
         {m_renameAction, m_deleteAction, m_creditAction, m_channelsAction, m_linkAction})
        a->setEnabled(shown && one);
    m_buyNumberAction->setEnabled(one);
    m_unlinkAction->setEnabled(shown && one && !m_details->selectedAccount().isEmpty());

    // The bundle actions by the bundles' state; a disabled one says why in its tool tip.
    const BundleSummary& b = m_details->bundles();
    const QLocale locale;
    const auto day = [&](const QDate& d) { return shortDate(locale, d); };
    const QString none = tr("Select a SIP profile first.");
    struct State
    {
        bool enabled;
        QString tip;
        QString whyNot;
    };
    const State states[] = {
        {one && !b.inForce(), tr("Buy US minute bundles for the SIP profile"),
         !one ? none : tr("The profile already has bundles: change them instead.")},
        {one && b.inForce(), tr("Change the number of bundles; the unused minutes are refunded"),
         !one ? none : tr("The profile has no bundles: add them first.")},
        {one && b.inForce() && !b.cancelled,
         tr("Cancel the bundles: usable until the end of the period, not renewed"),
         !one          ? none
         : b.cancelled ? tr("Already cancelled: usable until %1.").arg(day(b.expires))
                       : tr("The profile has no bundles.")},
        {one && b.inForce() && b.extendable, tr("Pay the next month of the bundles now"),
         !one ? none
         : !b.inForce()
             ? tr("The profile has no bundles.")
             : tr("Bundles can be extended only within %1 days of the end of their paid time "
                  "(%2), from %3.")
                   .arg(BundleService::ExtendWindowDays)
                   .arg(day(b.expires), day(b.expires.addDays(-BundleService::ExtendWindowDays)))},
    };
    for (int i = 0; i < m_bundleActions.size() && i < 4; ++i) {
        QAction* a = m_bundleActions[i];
        a->setEnabled(shown && states[i].enabled);
        a->setToolTip(states[i].enabled ? states[i].tip : states[i].whyNot);
        a->setStatusTip(a->toolTip());
    }
}

void SipProfilesPage::updateCount()
{
    const int n = m_model->rowCount();
    m_count->setText(m_search->text().trimmed().isEmpty()
                         ? tr("%n SIP profile(s)", nullptr, n)
                         : tr("%n SIP profile(s) found", nullptr, n));
    m_count->setAccessibleName(m_count->text());
    if (m_model->lastError().isEmpty())
        m_error->clearMessage();
    else
        m_error->showError(tr("The SIP profiles cannot be shown: %1").arg(m_model->lastError()));
}

void SipProfilesPage::refresh()
{
    m_model->refresh();
}

void SipProfilesPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void SipProfilesPage::createProfile()
{
    CreateSipProfileWizard wizard(m_ctx, this);
    wizard.exec();
    // Created on the second page: closing the last page any way keeps it.
    if (!wizard.created())
        return;
    const ProfileService::Created& c = *wizard.created();
    const QLocale locale;
    const auto balance = CompanyService(m_ctx).balance();
    emit statusMessage(
        tr("Created the SIP profile %1 with %n channel(s), paid %2 until %3. Company balance: %4.",
           nullptr, c.profile.channels)
            .arg(c.profile.name, c.channelsCharged.toCurrencyString(locale),
                 shortDate(locale, c.profile.channelsExpires),
                 balance ? balance->toCurrencyString(locale) : balance.error().message));
    selectProfile(c.profile.name);
    showSelected();
}

void SipProfilesPage::renameProfile()
{
    const QString name = selectedProfile();
    if (name.isEmpty())
        return;
    RenameSipProfileDialog dialog(m_ctx, name, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SipProfile& p = dialog.profile();
    emit statusMessage(tr("Renamed the SIP profile %1 to %2.").arg(name, p.name));
    selectProfile(p.name);
    showSelected();
}

QString SipProfilesPage::chooseExportFile(const QString& profile)
{
    if (m_chooser)
        return m_chooser();
    QSettings settings;
    const QString dir = settings.value(kDirKey, QDir::homePath()).toString();
    QString file = profile.toLower();
    file.replace(QLatin1Char(' '), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export call history"), dir + QLatin1Char('/') + tr("%1-calls.csv").arg(file),
        tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        settings.setValue(kDirKey, QFileInfo(path).absolutePath());
    return path;
}

void SipProfilesPage::deleteProfile()
{
    const QString name = selectedProfile();
    if (name.isEmpty())
        return;
    auto preview = ProfileService(m_ctx).deletionPreview(name);
    if (!preview) {
        emit statusMessage(preview.error().message);
        return;
    }
    DeleteSipProfileDialog dialog(
        m_ctx, *preview, [this, name]() { return chooseExportFile(name); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ProfileService::Deletion& d = dialog.deletion();
    const QLocale locale;
    const auto balance = CompanyService(m_ctx).balance();
    emit statusMessage(
        tr("Deleted the SIP profile %1: %2 returned to the company balance (now %3), %n number(s) "
           "back in the pool, %4 unlinked, %5 deleted.",
           nullptr, static_cast<int>(d.releasedNumbers.size()))
            .arg(d.name, d.returnedCredit.toCurrencyString(locale),
                 balance ? balance->toCurrencyString(locale) : balance.error().message,
                 tr("%n account(s)", nullptr, static_cast<int>(d.unlinkedAccounts.size())),
                 tr("%Ln call(s)", nullptr, static_cast<int>(d.deletedCalls))));
}

void SipProfilesPage::allocateCredit()
{
    auto p = ProfileService(m_ctx).find(selectedProfile());
    if (!p) {
        emit statusMessage(p.error().message);
        return;
    }
    AllocateProfileCreditDialog dialog(m_ctx, *p, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QLocale locale;
    const auto balance = CompanyService(m_ctx).balance();
    emit statusMessage(
        tr("Allocated %1 to the SIP profile %2; its balance is now %3. Company balance: %4.")
            .arg(dialog.amount().toCurrencyString(locale), dialog.profile().name,
                 dialog.profile().balance.toCurrencyString(locale),
                 balance ? balance->toCurrencyString(locale) : balance.error().message));
}

void SipProfilesPage::changeChannels()
{
    auto p = ProfileService(m_ctx).find(selectedProfile());
    if (!p) {
        emit statusMessage(p.error().message);
        return;
    }
    ChangeChannelsDialog dialog(m_ctx, *p, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QLocale locale;
    const auto& c = dialog.change();
    emit statusMessage(
        tr("%1 now has %n channel(s): paid %2 now, renewed on %3.", nullptr, c.to)
            .arg(p->name, c.charged.toCurrencyString(locale), shortDate(locale, c.nextPayment)));
}

void SipProfilesPage::linkAccount()
{
    auto p = ProfileService(m_ctx).find(selectedProfile());
    if (!p) {
        emit statusMessage(p.error().message);
        return;
    }
    LinkAccountDialog dialog(m_ctx, *p, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString extension;
    for (const LinkedAccount& a : dialog.profile().accounts) {
        if (a.account == dialog.account())
            extension = a.extension;
    }
    emit statusMessage(
        extension.isEmpty()
            ? tr("Linked %1 to the SIP profile %2; it cannot sign in while linked.")
                  .arg(dialog.account(), p->name)
            : tr("Linked %1 to the SIP profile %2 at extension %3; it cannot sign in while linked.")
                  .arg(dialog.account(), p->name, extension));
}

void SipProfilesPage::unlinkAccount()
{
    const QString profile = selectedProfile();
    const QString account = m_details->selectedAccount();
    if (profile.isEmpty() || account.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Unlink account"),
                    tr("Unlink %1 from the SIP profile %2?").arg(account, profile),
                    QMessageBox::Ok | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unlinkAccountConfirmation"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(
        tr("Calls to the account and to its numbers no longer go to the PBX of %1, and the "
           "account can sign in again.")
            .arg(profile));
    box.setAccessibleName(tr("Unlink account"));
    box.button(QMessageBox::Ok)->setText(tr("&Unlink"));
    box.button(QMessageBox::Ok)->setObjectName(QStringLiteral("okButton"));
    box.button(QMessageBox::Ok)->setAccessibleName(tr("Unlink"));
    box.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    box.button(QMessageBox::Cancel)->setAccessibleName(tr("Cancel"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Ok)
        return;
    auto done = ProfileService(m_ctx).unlink(profile, account);
    if (!done) {
        emit statusMessage(done.error().message);
        return;
    }
    emit statusMessage(
        tr("Unlinked %1 from the SIP profile %2; it can sign in again.").arg(account, profile));
}

void SipProfilesPage::buyNumber()
{
    const QString name = selectedProfile();
    if (!name.isEmpty())
        emit buyNumbersRequested({NumberHolder::profile(name)});
}

void SipProfilesPage::openBundlesDialog(bool change)
{
    auto p = ProfileService(m_ctx).find(selectedProfile());
    if (!p) {
        emit statusMessage(p.error().message);
        return;
    }
    BundlesDialog dialog(m_ctx, change ? BundlesDialog::Mode::Change : BundlesDialog::Mode::Add, *p,
                         m_details->bundles(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QLocale locale;
    const BundleService::Purchase& b = dialog.purchase();
    emit statusMessage(
        change
            ? tr("%1 now has %n US minute bundle(s): %2 refunded for unused minutes, %3 paid "
                 "until %4.",
                 nullptr, b.count)
                  .arg(p->name, b.refund.toCurrencyString(locale), b.cost.toCurrencyString(locale),
                       shortDate(locale, b.periodEnd))
            : tr("%1 now has %n US minute bundle(s): %2 paid until %3.", nullptr, b.count)
                  .arg(p->name, b.cost.toCurrencyString(locale), shortDate(locale, b.periodEnd)));
    m_details->reload();
    updateActions();
}

void SipProfilesPage::addBundles()
{
    openBundlesDialog(false);
}

void SipProfilesPage::changeBundles()
{
    openBundlesDialog(true);
}

bool SipProfilesPage::confirm(const QString& objectName, const QString& title, const QString& text,
                              const QString& details, const QString& okText)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Ok | QMessageBox::Cancel,
                    this);
    box.setObjectName(objectName);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(details);
    box.setAccessibleName(title);
    box.button(QMessageBox::Ok)->setText(okText);
    box.button(QMessageBox::Ok)->setObjectName(QStringLiteral("okButton"));
    box.button(QMessageBox::Ok)->setAccessibleName(QString(okText).remove(QLatin1Char('&')));
    box.button(QMessageBox::Cancel)->setText(tr("Keep them"));
    box.button(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    box.button(QMessageBox::Cancel)->setAccessibleName(tr("Keep them"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Ok;
}

void SipProfilesPage::cancelBundles()
{
    const QString name = selectedProfile();
    const BundleSummary b = m_details->bundles();
    if (name.isEmpty() || !b.inForce())
        return;
    const QLocale locale;
    if (!confirm(QStringLiteral("cancelBundlesConfirmation"), tr("Cancel US minute bundles"),
                 tr("Cancel the %n US minute bundle(s) of %1?", nullptr, b.count).arg(name),
                 tr("They stay usable until %1 and are not renewed; nothing is refunded.")
                     .arg(shortDate(locale, b.expires)),
                 tr("&Cancel bundles")))
        return;
    auto done = BundleService(m_ctx).cancel(name);
    if (!done) {
        emit statusMessage(done.error().message);
        return;
    }
    emit statusMessage(tr("The US minute bundles of %1 are cancelled: usable until %2.")
                           .arg(name, shortDate(locale, *done)));
    m_details->reload();
    updateActions();
}

void SipProfilesPage::extendBundles()
{
    const QString name = selectedProfile();
    const BundleSummary b = m_details->bundles();
    if (name.isEmpty() || !b.inForce())
        return;
    const QLocale locale;
    const Money cost = BundleService(m_ctx).cost(b.count);
    if (!confirm(
            QStringLiteral("extendBundlesConfirmation"), tr("Extend US minute bundles"),
            tr("Extend the %n US minute bundle(s) of %1 by a month?", nullptr, b.count).arg(name),
            tr("%1 is paid now from the profile's balance; they then run until %2.")
                .arg(cost.toCurrencyString(locale), shortDate(locale, b.expires.addMonths(1))),
            tr("&Extend")))
        return;
    auto done = BundleService(m_ctx).extend(name);
    if (!done) {
        emit statusMessage(done.error().message);
        return;
    }
    emit statusMessage(
        tr("The US minute bundles of %1 are extended: %2 paid; next payment %3.")
            .arg(name, done->cost.toCurrencyString(locale), shortDate(locale, done->nextPayment)));
    m_details->reload();
    updateActions();
}

void SipProfilesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateActions();
}

void SipProfilesPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateActions();
}

void SipProfilesPage::saveSettings() const
{
    QSettings settings;
    m_fitter->saveState(settings, kHeaderKey);
    settings.setValue(kSplitterKey, m_splitter->saveState());
}

void SipProfilesPage::restoreSettings()
{
    QSettings settings;
    m_fitter->restoreState(settings, kHeaderKey);
    const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

void SipProfilesPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SipProfilesPage::retranslateUi()
{
    m_empty->setTexts(
        tr("No SIP profiles yet"),
        tr("A SIP profile is one SIP trunk to the office PBX, with its own credit and "
           "channels. Create one to connect the PBX."));
    setAccessibleName(tr("SIP profiles"));
    m_title->setText(tr("SIP profiles"));
    m_search->setPlaceholderText(tr("Search by name or department (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search SIP profiles"));
    m_table->setAccessibleName(tr("SIP profiles"));
    m_model->retranslate();
    auto describe = [](QAction* a, const QString& text, const QString& tip) {
        a->setText(text);
        a->setToolTip(
            a->shortcut().isEmpty()
                ? tip
                : tr("%1 (%2)").arg(tip, a->shortcut().toString(QKeySequence::NativeText)));
        a->setStatusTip(a->toolTip());
    };
    describe(m_createAction, tr("&Create SIP profile…"), tr("Create a SIP profile for a PBX"));
    describe(m_renameAction, tr("Re&name…"), tr("Rename the selected SIP profile"));
    describe(m_deleteAction, tr("&Delete SIP profile…"),
             tr("Delete the selected SIP profile, after showing what happens"));
    describe(m_creditAction, tr("Allocate c&redit…"),
             tr("Give credit from the company balance to the SIP profile"));
    describe(m_channelsAction, tr("C&hange channels…"),
             tr("Change how many calls the SIP profile can make at once"));
    describe(m_linkAction, tr("&Link account…"),
             tr("Send a member account's incoming calls to the SIP profile"));
    describe(m_unlinkAction, tr("&Unlink account…"),
             tr("Unlink the account selected in the details"));
    describe(m_buyNumberAction, tr("&Buy a number…"),
             tr("Buy a number that routes to the SIP profile"));
    const QStringList bundleTexts = {tr("&Add bundles…"), tr("Chan&ge bundles…"),
                                     tr("Cancel bundle&s…"), tr("&Extend bundles…")};
    for (int i = 0; i < m_bundleActions.size(); ++i)
        m_bundleActions[i]->setText(bundleTexts.value(i));
    updateCount();
    updateActions();
}

} // namespace sb::ui
