#include "ui/members/MembersPage.h"

#include "core/members/MemberService.h"
#include "core/secrets/ProtectedFiles.h"
#include "models/members/MembersModel.h"
#include "ui/members/AddMemberDialog.h"
#include "ui/members/AllocateCreditDialog.h"
#include "ui/members/AutoRechargeDialog.h"
#include "ui/members/ImportMembersDialog.h"
#include "ui/widgets/BackgroundJob.h"
#include "ui/widgets/ColumnFitter.h"
#include "ui/widgets/EmptyState.h"
#include "ui/widgets/HintLabel.h"
#include "ui/widgets/TablePage.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace sb::ui {

namespace {
const QString kHeaderKey = QStringLiteral("membersPage/header");
const QString kDirKey = QStringLiteral("membersPage/lastDirectory");
} // namespace

MembersPage::MembersPage(const Context& ctx, QWidget* parent)
    : QWidget(parent), m_ctx(ctx), m_files(kDirKey)
{
    setObjectName(QStringLiteral("membersPage"));
    // Read when first shown: the dashboard builds this page for its actions alone.
    m_model = new MembersModel(m_ctx, this, MembersModel::Reading::Later);
    m_model->setObjectName(QStringLiteral("membersModel"));

    m_title = TablePage::createTitle(this, QStringLiteral("membersTitle"));
    m_search = TablePage::createSearch(this, QStringLiteral("membersSearch"),
                                       [this]() { m_model->setSearch(m_search->text()); });
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("membersCountLabel"));
    m_error = new HintLabel(this);
    m_error->setObjectName(QStringLiteral("membersErrorLabel"));

    m_table = TablePage::createTable(this, QStringLiteral("membersTable"), m_model);
    // The auto-recharge summary in view: the e-mail, the department, the name and the numbers
    // give way (whole in their tool tips), and then the e-mail and the department step out
    // of view (the header's menu shows them again). The account stays whole.
    m_fitter = new ColumnFitter(m_table);
    m_fitter->setColumn(MembersModel::Email, 18, 10);
    m_fitter->setColumn(MembersModel::Department, 18, 7);
    m_fitter->setColumn(MembersModel::Name, 18, 9);
    m_fitter->setColumn(MembersModel::Numbers, 18, 9);
    m_fitter->setOptional(MembersModel::Email);
    m_fitter->setOptional(MembersModel::Department);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSortIndicator(MembersModel::Name, Qt::AscendingOrder);
    header->setResizeContentsPrecision(MembersModel::PageSize);
    m_table->setSortingEnabled(true);
    // The auto-recharge summary cannot be ordered in SQL: keep the indicator where the order is.
    connect(header, &QHeaderView::sortIndicatorChanged, this,
            [this, header](int column, Qt::SortOrder) {
                if (!MembersModel::isSortable(column))
                    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
            });

    m_addAction = new QAction(this);
    m_addAction->setObjectName(QStringLiteral("addMemberAction"));
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_allocateAction = new QAction(this);
    m_allocateAction->setObjectName(QStringLiteral("allocateCreditAction"));
    m_allocateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_autoRechargeAction = new QAction(this);
    m_autoRechargeAction->setObjectName(QStringLiteral("autoRechargeAction"));
    m_autoRechargeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    // The same flow as the Numbers page's buyNumbersAction, for the selected members.
    m_buyNumbersAction = new QAction(this);
    m_buyNumbersAction->setObjectName(QStringLiteral("buyNumbersForMembersAction"));
    m_cancelNumbersAction = new QAction(this);
    m_cancelNumbersAction->setObjectName(QStringLiteral("cancelNumbersOfMembersAction"));
    m_separator = new QAction(this);
    m_separator->setSeparator(true);
    m_importAction = new QAction(this);
    m_importAction->setObjectName(QStringLiteral("importMembersAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_exportAction = new QAction(this);
    m_exportAction->setObjectName(QStringLiteral("exportMembersAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_addAction, &QAction::triggered, this, &MembersPage::addMember);
    connect(m_allocateAction, &QAction::triggered, this, &MembersPage::allocateCredit);
    connect(m_autoRechargeAction, &QAction::triggered, this, &MembersPage::autoRecharge);
    connect(m_buyNumbersAction, &QAction::triggered, this, &MembersPage::buyNumbers);
    connect(m_cancelNumbersAction, &QAction::triggered, this, &MembersPage::cancelNumbers);
    connect(m_importAction, &QAction::triggered, this, &MembersPage::importMembers);
    connect(m_exportAction, &QAction::triggered, this, &MembersPage::exportMembers);
    m_table->addActions({m_addAction, m_allocateAction, m_autoRechargeAction, m_buyNumbersAction,
                         m_cancelNumbersAction, m_separator, m_importAction, m_exportAction});
    TablePage::addColumnsAction(m_table);
    TablePage::onOpen(m_table, this, [this](const QModelIndex& index) {
        if (index.isValid())
            allocateCredit();
    });

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MembersPage::updateActions);
    // A purchase or a cancellation re-reads rows in place: what the selection holds changed.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MembersPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this]() {
        updateActions();
        updateCount();
    });
    // A failed read shows above the table, not as an empty table.
    connect(m_model, &MembersModel::errorOccurred, this, &MembersPage::updateCount);

    auto* top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    top->addWidget(m_count);
    top->addWidget(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    m_empty = new EmptyState(m_table, m_addAction, [this] { return m_search->text(); });
    retranslateUi();
    updateActions();
}

QList<QAction*> MembersPage::memberActions() const
{
    return {m_addAction,           m_allocateAction, m_autoRechargeAction, m_buyNumbersAction,
            m_cancelNumbersAction, m_separator,      m_importAction,       m_exportAction};
}

QStringList MembersPage::selectedAccounts() const
{
    return m_model->accounts(m_table->selectionModel()->selectedRows());
}

MembersModel* MembersPage::model() const
{
    m_model->startReading();
    return m_model;
}

void MembersPage::showEvent(QShowEvent* event)
{
    m_model->startReading();
    QWidget::showEvent(event);
}

bool MembersPage::selectAccount(const QString& account)
{
    m_model->startReading();
    const int row = m_model->rowOfAccount(account);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, MembersModel::Account);
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool MembersPage::locateMember(const QString& account)
{
    if (account.isEmpty())
        return false;
    if (selectAccount(account))
        return true;
    // A search narrows a hundred thousand rows to a handful: no page-by-page walk.
    m_search->setText(account);
    m_model->setSearch(account);
    while (!selectAccount(account)) {
        if (!m_model->canFetchMore({}))
            return false;
        m_model->fetchMore({});
    }
    return true;
}

void MembersPage::updateActions()
{
    const int selected = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    m_addAction->setEnabled(!m_busy);
    m_allocateAction->setEnabled(!m_busy && selected > 0);
    m_autoRechargeAction->setEnabled(!m_busy && selected == 1);
    m_buyNumbersAction->setEnabled(!m_busy && selected > 0);
    bool holdsNumbers = false;
    for (const QModelIndex& i : m_table->selectionModel()->selectedRows())
        holdsNumbers = holdsNumbers || !m_model->member(i.row()).numbers.isEmpty();
    m_cancelNumbersAction->setEnabled(!m_busy && holdsNumbers);
    m_importAction->setEnabled(!m_busy);
    m_exportAction->setEnabled(!m_busy);
}

void MembersPage::updateCount()
{
    const qint64 total = m_model->totalCount();
    const int n = static_cast<int>(qMin<qint64>(total, std::numeric_limits<int>::max()));
    if (m_model->search().isEmpty())
        m_count->setText(tr("%Ln member(s)", nullptr, n));
    else
        m_count->setText(tr("%Ln member(s) found", nullptr, n));
    m_count->setAccessibleName(m_count->text());
    if (m_model->lastError().isEmpty())
        m_error->clearMessage();
    else
        m_error->showError(tr("The members cannot be shown: %1").arg(m_model->lastError()));
}

void MembersPage::refresh()
{
    m_model->refresh();
}

void MembersPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MembersPage::addMember()
{
    AddMemberDialog dialog(m_ctx, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The model started afresh on the Notifier's word.
    const Member& m = dialog.member();
    selectAccount(m.account);
    emit statusMessage(tr("Added member %1 (%2).").arg(m.name, m.account));
}

void MembersPage::allocateCredit()
{
    const QStringList accounts = selectedAccounts();
    if (accounts.isEmpty()) {
        emit statusMessage(tr("Select the members to give credit to first."));
        return;
    }
    // Fresh balances, not the ones the table fetched a while ago.
    auto members = MemberService(m_ctx).findMany(accounts);
    if (!members) {
        emit statusMessage(members.error().message);
        return;
    }
    AllocateCreditDialog dialog(m_ctx, *members, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto& a = dialog.allocation();
    const QLocale locale;
    emit statusMessage(tr("Allocated %1 to each of %n member(s), %2 in all. Company balance: %3.",
                          nullptr, static_cast<int>(a.members.size()))
                           .arg(a.each.toCurrencyString(locale), a.total.toCurrencyString(locale),
                                a.companyBalance.toCurrencyString(locale)));
}

void MembersPage::autoRecharge()
{
    const QStringList accounts = selectedAccounts();
    if (accounts.size() != 1) {
        emit statusMessage(tr("Select one member to set up auto-recharge."));
        return;
    }
    auto member = MemberService(m_ctx).find(accounts.first());
    if (!member) {
        emit statusMessage(member.error().message);
        return;
    }
    AutoRechargeDialog dialog(m_ctx, *member, this);
    const int result = dialog.exec();
    if (result == QDialog::Rejected)
        return;
    if (result == AutoRechargeDialog::TurnedOff) {
        emit statusMessage(tr("Auto-recharge for %1 is off.").arg(member->account));
    } else {
        const RechargeOutcome& o = dialog.outcome();
        // The core's own words: recharged now, the company could not pay, or suspended.
        emit statusMessage(
            o.message.isEmpty()
                ? tr("Auto-recharge for %1 is on.").arg(member->account)
                : tr("Auto-recharge for %1 is on. %2").arg(member->account, o.message));
    }
}

void MembersPage::buyNumbers()
{
    const QStringList accounts = selectedAccounts();
    if (accounts.isEmpty()) {
        emit statusMessage(tr("Select the members who get a number first."));
        return;
    }
    emit buyNumbersRequested(accounts);
}

void MembersPage::cancelNumbers()
{
    const QStringList accounts = selectedAccounts();
    if (accounts.isEmpty()) {
        emit statusMessage(tr("Select the members whose numbers to cancel first."));
        return;
    }
    emit cancelNumbersRequested(accounts);
}

void MembersPage::importMembers()
{
    const QString path =
        m_files.openFile(this, tr("Import members"), tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        importFromFile(path);
}

void MembersPage::exportMembers()
{
    const QString path = m_files.saveFile(this, tr("Export members"), QStringLiteral("members.csv"),
                                          tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportToFile(path);
}

void MembersPage::importFromFile(const QString& path)
{
    if (m_busy)
        return;
    m_busy = true;
    updateActions();
    const QString file = QFileInfo(path).fileName();
    BackgroundJob::run<ImportReport>(
        m_ctx, tr("Checking %1…").arg(file), this,
        [path](const Context& ctx, const BackgroundJob::Progress& progress) {
            return MemberService(ctx).importCsv(path, true, progress);
        },
        [this, path](Result<ImportReport> report) {
            m_busy = false;
            updateActions();
            auto* dialog = new ImportMembersDialog(path, report, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, path]() { runImport(path); });
            dialog->open();
        });
}

void MembersPage::runImport(const QString& path)
{
    if (m_busy)
        return;
    m_busy = true;
    updateActions();
    const QString file = QFileInfo(path).fileName();
    BackgroundJob::run<ImportReport>(
        m_ctx, tr("Importing %1…").arg(file), this,
        [path](const Context& ctx, const BackgroundJob::Progress& progress) {
            return MemberService(ctx).importCsv(path, false, progress);
        },
        [this, file](Result<ImportReport> report) {
            m_busy = false;
            updateActions();
            if (!report) {
                emit statusMessage(report.error().message);
            } else if (!report->rejected.isEmpty()) {
                // The file or the members changed since the dry run.
                emit statusMessage(
                    tr("Nothing was imported from %1: %n problem(s), the first on line %2: %3",
                       nullptr, static_cast<int>(report->rejected.size()))
                        .arg(file, QString::number(report->rejected.first().line),
                             report->rejected.first().reason));
            } else {
                emit statusMessage(
                    tr("Imported %Ln member(s) from %1.", nullptr, report->added).arg(file));
            }
        });
}

void MembersPage::exportToFile(const QString& path)
{
    if (m_busy)
        return;
    if (auto guard = ProtectedFiles::checkOutput(m_ctx.db, path); !guard) {
        m_error->showError(guard.error().message);
        return;
    }
    m_busy = true;
    updateActions();
    const QString file = QFileInfo(path).fileName();
    BackgroundJob::run<qint64>(
        m_ctx, tr("Exporting to %1…").arg(file), this,
        [path](const Context& ctx, const BackgroundJob::Progress& progress) {
            return MemberService(ctx).exportCsv(path, progress);
        },
        [this, path](Result<qint64> written) {
            m_busy = false;
            updateActions();
            // A failed export is a problem to fix (another file, space on the disk): shown
            // above the table, not passing by in the status bar.
            if (!written) {
                m_error->showError(written.error().message);
                return;
            }
            m_error->clearMessage();
            emit statusMessage(
                tr("Exported %Ln member(s) to %1.", nullptr, static_cast<int>(*written))
                    .arg(QDir::toNativeSeparators(path)));
        });
}

void MembersPage::saveSettings() const
{
    QSettings settings;
    m_fitter->saveState(settings, kHeaderKey);
}

void MembersPage::restoreSettings()
{
    m_fitter->restoreState(QSettings(), kHeaderKey);
}

void MembersPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MembersPage::retranslateUi()
{
    m_empty->setTexts(
        tr("No members yet"),
        tr("Members are the people who call through the account: each has an account for the "
           "phone and credit given from the company balance. Add them one at a "
           "time, or import a CSV file from the Members menu."));
    setAccessibleName(tr("Members"));
    m_title->setText(tr("Members"));
    m_search->setPlaceholderText(tr("Search by account, name, e-mail or department (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search members"));
    m_table->setAccessibleName(tr("Members"));
    m_addAction->setText(tr("&Add member…"));
    m_addAction->setToolTip(
        tr("Add a member (%1)").arg(m_addAction->shortcut().toString(QKeySequence::NativeText)));
    m_allocateAction->setText(tr("Allocate &credit…"));
    m_allocateAction->setToolTip(
        tr("Give credit from the company balance to the selected members (%1)")
            .arg(m_allocateAction->shortcut().toString(QKeySequence::NativeText)));
    m_autoRechargeAction->setText(tr("Auto-&recharge…"));
    m_autoRechargeAction->setToolTip(
        tr("Set up auto-recharge for the selected member (%1)")
            .arg(m_autoRechargeAction->shortcut().toString(QKeySequence::NativeText)));
    m_buyNumbersAction->setText(tr("&Buy numbers…"));
    m_buyNumbersAction->setToolTip(tr("Buy a phone number for each selected member"));
    m_cancelNumbersAction->setText(tr("Ca&ncel numbers…"));
    m_cancelNumbersAction->setToolTip(
        tr("Cancel the numbers of the selected members at the end of their paid period"));
    m_importAction->setText(tr("&Import members…"));
    m_importAction->setToolTip(
        tr("Import members from a CSV file (%1)")
            .arg(m_importAction->shortcut().toString(QKeySequence::NativeText)));
    m_exportAction->setText(tr("&Export members…"));
    m_exportAction->setToolTip(
        tr("Export every member to a CSV file (%1)")
            .arg(m_exportAction->shortcut().toString(QKeySequence::NativeText)));
    for (QAction* a : {m_addAction, m_allocateAction, m_autoRechargeAction, m_buyNumbersAction,
                       m_cancelNumbersAction, m_importAction, m_exportAction})
        a->setStatusTip(a->toolTip());
    m_model->retranslate();
    updateCount();
}

} // namespace sb::ui
