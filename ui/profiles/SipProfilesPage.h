#pragma once

#include "core/numbers/NumberHolder.h"
#include "core/storage/Context.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace sb {
class ProfilesModel;
}

namespace sb::ui {

class ColumnFitter;
class EmptyState;

class HintLabel;
class SipProfileDetails;

/// SIP profiles: the master table (searched in SQL, sorted in the view: a company has tens
/// of profiles) and the details of the selected one, with the profile actions: create,
/// rename, delete, allocate credit, change channels, link and unlink accounts.
class SipProfilesPage : public QWidget
{
    Q_OBJECT

public:
    explicit SipProfilesPage(const Context& ctx, QWidget* parent = nullptr);

    ProfilesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    SipProfileDetails* details() const { return m_details; }
    QLineEdit* searchEdit() const { return m_search; }

    /// Create, rename, delete, credit, channels, link, unlink: for menus and tool bars.
    QList<QAction*> profileActions() const;
    /// What the window's tool bar shows while the page is in view: the first six
    /// profileActions().
    QList<QAction*> toolBarActions() const { return profileActions().mid(0, 6); }
    /// Add, change, cancel and extend US minute bundles, enabled by the bundles' state.
    QList<QAction*> bundleActions() const { return m_bundleActions; }

    QString selectedProfile() const;
    bool selectProfile(const QString& name);
    /// Selects `name` after clearing a search that hides it (the profiles are all fetched).
    bool locateProfile(const QString& name);
    QAction* createAction() const { return m_createAction; }

    /// Replaces the file dialog of the call history export (tests, automation).
    void setFileDialogOverride(std::function<QString()> chooser) { m_chooser = std::move(chooser); }

    void saveSettings() const;
    void restoreSettings();

public slots:
    void createProfile();
    void renameProfile();
    void deleteProfile();
    void allocateCredit();
    void changeChannels();
    void linkAccount();
    void unlinkAccount();
    void buyNumber();
    void addBundles();
    void changeBundles();
    void cancelBundles();
    void extendBundles();
    /// Reads the profiles again, keeping the selection.
    void refresh();
    void focusSearch();

signals:
    void statusMessage(const QString& text);
    /// The admin wants a number for this profile: the Numbers page runs the wizard.
    void buyNumbersRequested(const QList<sb::NumberHolder>& holders);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslateUi();
    void updateActions();
    void updateCount();
    void showSelected();
    QString chooseExportFile(const QString& profile);
    void openBundlesDialog(bool change);
    /// A confirmation (a decision: dialog); true when the admin agreed.
    bool confirm(const QString& objectName, const QString& title, const QString& text,
                 const QString& details, const QString& okText);

    const Context& m_ctx;
    /// The selected profile while the model is reset.
    QString m_keptProfile;
    ProfilesModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLabel* m_title = nullptr;
    QLineEdit* m_search = nullptr;
    EmptyState* m_empty = nullptr;
    QLabel* m_count = nullptr;
    HintLabel* m_error = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_table = nullptr;
    SipProfileDetails* m_details = nullptr;
    QAction* m_createAction = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_creditAction = nullptr;
    QAction* m_channelsAction = nullptr;
    QAction* m_linkAction = nullptr;
    QAction* m_unlinkAction = nullptr;
    QAction* m_buyNumberAction = nullptr;
    QList<QAction*> m_bundleActions;
    std::function<QString()> m_chooser;
    ColumnFitter* m_fitter = nullptr;
};

} // namespace sb::ui
