// The SIP profiles window, driven as a person would: create a profile of each kind through
// the wizard, link accounts with an extension, change channels, rename, set the provider's
// SIP servers, and delete a profile that holds credit and a number — asserting on what the
// window shows and on the database afterwards.
#include "core/base/Csv.h"
#include "core/base/PhoneNumbers.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/calls/CallHistory.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "core/storage/Transaction.h"
#include "models/members/MembersModel.h"
#include "models/numbers/NumbersModel.h"
#include "models/profiles/ProfilesModel.h"
#include "tests/support/GuiHarness.h"
#include "ui/members/MembersPage.h"
#include "ui/numbers/BuyNumbersWizard.h"
#include "ui/numbers/NumbersPage.h"
#include "ui/profiles/CreateSipProfileWizard.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SettingsPage.h"
#include "ui/widgets/HintLabel.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QWizard>

using namespace sb;
using sb::ui::MainWindow;

namespace sb {
inline char* toString(const Money& m)
{
    return qstrdup(m.toString().toUtf8().constData());
}
} // namespace sb

class TestGuiProfiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void createWithRegistration();
    void createWithIpAuthentication();
    void linkAndUnlinkAccounts();
    void changeChannels();
    void renameRefusesDuplicate();
    void providerSipServersInSettings();
    void deleteProfileHoldingCreditAndNumber();
    void actionsNamesAndBundlesToCome();
    void owedBalanceInWordsAndRed();

private:
    void selectProfile(const QString& name);
    QString detailsText(const QString& label);
    QString membersStatus(const QString& account);

    test::GuiHarness m_gui;
    ui::SipProfilesPage* m_page = nullptr;
    QString m_password;
};

// ---- helpers ----------------------------------------------------------------------------

void TestGuiProfiles::selectProfile(const QString& name)
{
    m_gui.window()->showPage(QStringLiteral("sip-profiles"));
    QTableView* view = m_page->table();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ProfilesModel::NameRole).toString() == name) {
            test::GuiHarness::clickRow(view, row);
            QCOMPARE(m_page->selectedProfile(), name);
            QVERIFY(m_page->details()->profile().has_value());
            QCOMPARE(m_page->details()->profile()->name, name);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(name)));
}

QString TestGuiProfiles::detailsText(const QString& label)
{
    auto* l = m_page->details()->findChild<QLabel*>(label);
    return l ? l->text() : QStringLiteral("<no %1>").arg(label);
}

QString TestGuiProfiles::membersStatus(const QString& account)
{
    const MembersModel* model = m_gui.window()->membersPage()->model();
    const int row = model->rowOfAccount(account);
    return row < 0 ? QStringLiteral("<no row>")
                   : model->index(row, MembersModel::Status).data().toString();
}

// ---- set-up -----------------------------------------------------------------------------

void TestGuiProfiles::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Context& ctx = m_gui.verify();
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("INV-1")).ok());
    QVERIFY(MemberService(ctx)
                .add({QStringLiteral("alice.smith"),
                      QStringLiteral("Alice Smith"),
                      {},
                      QStringLiteral("Sales")})
                .ok());
    QVERIFY(MemberService(ctx)
                .add({QStringLiteral("bob.jones"),
                      QStringLiteral("Bob Jones"),
                      {},
                      QStringLiteral("Support")})
                .ok());
    m_page = m_gui.window()->sipProfilesPage();
    m_gui.window()->membersPage()->refresh();
    m_gui.window()->refreshPages();
    // No profile yet: the details say what to do.
    m_gui.window()->showPage(QStringLiteral("sip-profiles"));
    auto* empty = m_page->details()->findChild<QLabel*>(QStringLiteral("noProfileLabel"));
    QVERIFY(empty && empty->isVisible());
}

void TestGuiProfiles::cleanupTestCase()
{
    m_gui.tearDown();
}

void TestGuiProfiles::cleanup()
{
    m_gui.closeModals();
    m_page->setFileDialogOverride({});
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
}

// ---- tests ------------------------------------------------------------------------------

void TestGuiProfiles::createWithRegistration()
{
    m_gui.window()->showPage(QStringLiteral("sip-profiles"));
    QString shownConfig;
    m_gui.answerModal(QStringLiteral("createSipProfileWizard"), [this, &shownConfig](QDialog* d) {
        auto* w = qobject_cast<QWizard*>(d);
        QCOMPARE(w->currentId(), int(ui::CreateSipProfileWizard::NamePage));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        test::GuiHarness::type(w, QStringLiteral("nameEdit"), QStringLiteral("Sales Oslo"));
        test::GuiHarness::type(w, QStringLiteral("departmentEdit"), QStringLiteral("Sales"));
        test::GuiHarness::type(w, QStringLiteral("emailEdit"), QStringLiteral("not-an-address"));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("nameHint"))->isVisible());
        test::GuiHarness::type(w, QStringLiteral("emailEdit"), QStringLiteral("pbx@example.com"));
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-name"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        QCOMPARE(w->currentId(), int(ui::CreateSipProfileWizard::ConnectionPage));
        QVERIFY(w->findChild<QRadioButton*>(QStringLiteral("registrationRadio"))->isChecked());
        QVERIFY(!w->findChild<QLineEdit*>(QStringLiteral("ipEdit"))->isEnabled());
        auto* channels = w->findChild<QSpinBox*>(QStringLiteral("channelsSpin"));
        QCOMPARE(channels->minimum(), 1);
        QCOMPARE(channels->maximum(), 300);
        channels->setValue(3);
        auto* cost = w->findChild<QLabel*>(QStringLiteral("costLabel"));
        QVERIFY2(cost->text().contains(QStringLiteral("$20.85 a month")), qPrintable(cost->text()));
        channels->setValue(2); // the cost follows as the number changes
        QVERIFY2(cost->text().contains(QStringLiteral("$13.90 a month")), qPrintable(cost->text()));
        QCOMPARE(w->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"))->text(),
                 QStringLiteral("Company balance: $1,000.00, after creating: $986.10."));
        QAbstractButton* create = w->button(QWizard::CommitButton);
        QVERIFY(create->isVisible() && create->isEnabled());
        // The paying button says what it does and costs, and a screen reader reads the same.
        QCOMPARE(create->text(), QStringLiteral("&Create and pay $13.90"));
        QCOMPARE(QAccessible::queryAccessibleInterface(create)->text(QAccessible::Name),
                 QStringLiteral("Create and pay $13.90"));
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-registration"));
        QTest::mouseClick(create, Qt::LeftButton);

        // What the PBX needs: servers, username and the generated password, the config block.
        QCOMPARE(w->currentId(), int(ui::CreateSipProfileWizard::DonePage));
        QVERIFY(!w->button(QWizard::CancelButton)->isVisible());
        QVERIFY(!w->button(QWizard::BackButton)->isEnabled() ||
                !w->button(QWizard::BackButton)->isVisible());
        auto* username = w->findChild<QLabel*>(QStringLiteral("sipUsernameLabel"));
        QVERIFY2(username->text().startsWith(QStringLiteral("sb-sales-oslo-")),
                 qPrintable(username->text()));
        m_password = w->findChild<QLabel*>(QStringLiteral("sipPasswordLabel"))->text();
        QCOMPARE(m_password.size(), 20);
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("sipServersLabel"))
                    ->text()
                    .contains(QStringLiteral("sip1.voice.example.net:5060")));
        QVERIFY(!w->findChild<QLabel*>(QStringLiteral("allowedIpLabel"))->isVisible());
        auto* config = w->findChild<QPlainTextEdit*>(QStringLiteral("pbxConfigText"));
        QVERIFY(config->isReadOnly());
        QVERIFY(config->toPlainText().contains(QStringLiteral("password=") + m_password));
        QVERIFY(config->toPlainText().contains(QStringLiteral("username=") + username->text()));
        QTest::mouseClick(w->findChild<QPushButton*>(QStringLiteral("copyPbxConfigButton")),
                          Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), config->toPlainText());
        shownConfig = config->toPlainText();
        QCOMPARE(w->button(QWizard::FinishButton)->text(), QStringLiteral("Done"));
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-done"));
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(!w->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("createSipProfileAction")));
    QVERIFY(m_gui.modalAnswered());
    if (QTest::currentTestFailed())
        return;

    // The database: registration, 2 channels paid by the company, the password retrievable.
    const ProfileService profiles(m_gui.verify());
    auto p = profiles.find(QStringLiteral("Sales Oslo"));
    QVERIFY(p.ok());
    QCOMPARE(p->auth, SipProfile::Auth::Registration);
    QCOMPARE(p->channels, 2);
    QCOMPARE(p->department, QStringLiteral("Sales"));
    QCOMPARE(p->email, QStringLiteral("pbx@example.com"));
    auto credentials = profiles.credentials(QStringLiteral("Sales Oslo"));
    QVERIFY2(credentials.ok(), credentials ? "" : qPrintable(credentials.error().message));
    QCOMPARE(credentials->password, m_password);
    QCOMPARE(credentials->username, p->username);
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(100000 - 1390));

    // The window: selected in the table, its details, the password only on request.
    QCOMPARE(m_page->selectedProfile(), QStringLiteral("Sales Oslo"));
    QCOMPARE(m_gui.companyBalanceText(), QStringLiteral("Company balance: $986.10"));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("Created the SIP profile Sales Oslo")),
             qPrintable(m_gui.statusText()));
    QCOMPARE(detailsText(QStringLiteral("sipUsernameLabel")), p->username);
    QVERIFY(detailsText(QStringLiteral("sipPasswordLabel")) != m_password);
    auto* config = m_page->details()->findChild<QPlainTextEdit*>(QStringLiteral("pbxConfigText"));
    QVERIFY(!config->toPlainText().contains(m_password));
    QVERIFY(config->toPlainText().contains(QStringLiteral("password=********")));
    auto* show = m_page->details()->findChild<QPushButton*>(QStringLiteral("showPasswordButton"));
    QVERIFY(show && show->isVisible());
    // The details were just filled: their layout settles in the next event loop pass.
    QTRY_VERIFY(show->height() > 0);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(detailsText(QStringLiteral("sipPasswordLabel")), m_password);
    QVERIFY(config->toPlainText().contains(QStringLiteral("password=") + m_password));
    QTest::mouseClick(show, Qt::LeftButton); // hide again
    QVERIFY(detailsText(QStringLiteral("sipPasswordLabel")) != m_password);
    // Copying always gives a working block, with the password.
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(
        m_page->details()->findChild<QPushButton*>(QStringLiteral("copyPbxConfigButton")),
        Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), shownConfig);
    QVERIFY(detailsText(QStringLiteral("channelsCostLabel"))
                .contains(QStringLiteral("$13.90 a month")));
}

void TestGuiProfiles::createWithIpAuthentication()
{
    m_gui.window()->showPage(QStringLiteral("sip-profiles"));
    m_gui.answerModal(QStringLiteral("createSipProfileWizard"), [](QDialog* d) {
        auto* w = qobject_cast<QWizard*>(d);
        // A name in use is refused as it is typed.
        test::GuiHarness::type(w, QStringLiteral("nameEdit"), QStringLiteral("sales oslo"));
        auto* nameHint = w->findChild<QLabel*>(QStringLiteral("nameHint"));
        QVERIFY(nameHint->isVisible());
        QVERIFY2(nameHint->text().contains(QStringLiteral("already exists")),
                 qPrintable(nameHint->text()));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        test::GuiHarness::type(w, QStringLiteral("nameEdit"), QStringLiteral("Support"));
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);

        w->findChild<QRadioButton*>(QStringLiteral("ipRadio"))->click();
        auto* ip = w->findChild<QLineEdit*>(QStringLiteral("ipEdit"));
        QVERIFY(ip->isEnabled());
        auto* port = w->findChild<QSpinBox*>(QStringLiteral("portSpin"));
        QCOMPARE(port->value(), 5060);
        QCOMPARE(port->minimum(), 1);
        QCOMPARE(port->maximum(), 65535);
        QAbstractButton* create = w->button(QWizard::CommitButton);
        QVERIFY(!create->isEnabled()); // no address yet
        auto* hint = w->findChild<ui::HintLabel*>(QStringLiteral("ipHint"));
        // Malformed: refused as typed, no way on.
        test::GuiHarness::type(w, QStringLiteral("ipEdit"), QStringLiteral("300.1.2.3"));
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->kind(), ui::HintLabel::Kind::Error);
        QVERIFY2(hint->text().contains(QStringLiteral("is not an IPv4 address")),
                 qPrintable(hint->text()));
        QVERIFY(!create->isEnabled());
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-malformedIp"));
        // Private: a clear warning, but allowed.
        test::GuiHarness::type(w, QStringLiteral("ipEdit"), QStringLiteral("192.168.1.20"));
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->kind(), ui::HintLabel::Kind::Warning);
        QVERIFY2(hint->text().contains(QStringLiteral("private address")),
                 qPrintable(hint->text()));
        QVERIFY(create->isEnabled());
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-privateIp"));
        // A public address: no message at all.
        test::GuiHarness::type(w, QStringLiteral("ipEdit"), QStringLiteral("8.8.4.4"));
        QVERIFY(!hint->isVisible());
        test::GuiHarness::type(w, QStringLiteral("ipEdit"), QStringLiteral("192.168.1.20"));
        port->setValue(5070);
        w->findChild<QSpinBox*>(QStringLiteral("channelsSpin"))->setValue(1);
        QTest::mouseClick(create, Qt::LeftButton);

        QCOMPARE(w->currentId(), int(ui::CreateSipProfileWizard::DonePage));
        QCOMPARE(w->findChild<QLabel*>(QStringLiteral("allowedIpLabel"))->text(),
                 QStringLiteral("192.168.1.20, UDP port 5070"));
        QVERIFY(!w->findChild<QLabel*>(QStringLiteral("sipPasswordLabel"))->isVisible());
        auto* note = w->findChild<ui::HintLabel*>(QStringLiteral("doneNoteLabel"));
        QCOMPARE(note->kind(), ui::HintLabel::Kind::Warning);
        QVERIFY(note->text().contains(QStringLiteral("private address")));
        const QString config =
            w->findChild<QPlainTextEdit*>(QStringLiteral("pbxConfigText"))->toPlainText();
        QVERIFY2(config.contains(QStringLiteral("192.168.1.20:5070")), qPrintable(config));
        QVERIFY(!config.contains(QStringLiteral("password=")));
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-ipDone"));
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("createSipProfileAction")));
    QVERIFY(m_gui.modalAnswered());
    auto p = ProfileService(m_gui.verify()).find(QStringLiteral("Support"));
    QVERIFY(p.ok());
    QCOMPARE(p->auth, SipProfile::Auth::Ip);
    QCOMPARE(p->ip, QStringLiteral("192.168.1.20"));
    QCOMPARE(p->port, 5070);
    QCOMPARE(p->channels, 1);
    QVERIFY(p->username.isEmpty());
    QCOMPARE(m_page->model()->rowCount(), 2);
    QCOMPARE(m_page->selectedProfile(), QStringLiteral("Support"));
    QCOMPARE(detailsText(QStringLiteral("allowedIpLabel")),
             QStringLiteral("192.168.1.20, UDP port 5070"));
    auto* warning = m_page->details()->findChild<QLabel*>(QStringLiteral("ipWarningLabel"));
    QVERIFY(warning->isVisible());
    QVERIFY(!m_page->details()
                 ->findChild<QPushButton*>(QStringLiteral("showPasswordButton"))
                 ->isVisible());
    QCOMPARE(m_gui.companyBalance(), Money::fromCents(100000 - 1390 - 695));
}

void TestGuiProfiles::linkAndUnlinkAccounts()
{
    selectProfile(QStringLiteral("Sales Oslo"));
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("linkAccountDialog"), [](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(d->findChild<QLabel*>(QStringLiteral("signInInfoLabel"))
                    ->text()
                    .contains(QStringLiteral("cannot be used to sign in")));
        test::GuiHarness::chooseCompletion(d->findChild<QLineEdit*>(QStringLiteral("accountEdit")),
                                           QStringLiteral("ali"), QStringLiteral("alice.smith"));
        QVERIFY(ok->isEnabled());
        test::GuiHarness::type(d, QStringLiteral("extensionEdit"), QStringLiteral("20a"));
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("only contain digits")),
                 qPrintable(hint->text()));
        QVERIFY(!ok->isEnabled());
        test::GuiHarness::type(d, QStringLiteral("extensionEdit"), QStringLiteral("201"));
        QVERIFY(!hint->isVisible());
        QVERIFY(ok->isEnabled());
        test::GuiHarness::shoot(d, QStringLiteral("linkAccountDialog"));
        test::GuiHarness::clickOk(d);
        QVERIFY(!d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("linkAccountAction")));
    QVERIFY(m_gui.modalAnswered());
    auto alice = MemberService(m_gui.verify()).find(QStringLiteral("alice.smith"));
    QCOMPARE(alice->status, QStringLiteral("linked"));
    QCOMPARE(alice->profile, QStringLiteral("Sales Oslo"));
    auto p = ProfileService(m_gui.verify()).find(QStringLiteral("Sales Oslo"));
    QCOMPARE(p->accounts.size(), 1);
    QCOMPARE(p->accounts.first().extension, QStringLiteral("201"));
    auto* table =
        m_page->details()->findChild<QTableWidget*>(QStringLiteral("linkedAccountsTable"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("alice.smith"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("201"));
    QCOMPARE(membersStatus(QStringLiteral("alice.smith")), QStringLiteral("Linked to Sales Oslo"));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("at extension 201")),
             qPrintable(m_gui.statusText()));

    // One profile per account: linking alice elsewhere is refused inline.
    selectProfile(QStringLiteral("Support"));
    m_gui.answerModal(QStringLiteral("linkAccountDialog"), [](QDialog* d) {
        test::GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("alice.smith"));
        test::GuiHarness::clickOk(d);
        QVERIFY(d->isVisible());
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY2(hint->text().contains(QStringLiteral("already linked")), qPrintable(hint->text()));
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("linkAccountAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(MemberService(m_gui.verify()).find(QStringLiteral("alice.smith"))->profile,
             QStringLiteral("Sales Oslo"));

    // bob without an extension, then unlinked from the details.
    selectProfile(QStringLiteral("Sales Oslo"));
    m_gui.answerModal(QStringLiteral("linkAccountDialog"), [](QDialog* d) {
        test::GuiHarness::type(d, QStringLiteral("accountEdit"), QStringLiteral("bob.jones"));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("linkAccountAction")));
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(membersStatus(QStringLiteral("bob.jones")), QStringLiteral("Linked to Sales Oslo"));
    auto* unlink = m_gui.window()->findChild<QAction*>(QStringLiteral("unlinkAccountAction"));
    QVERIFY(!unlink->isEnabled()); // no linked account selected
    int bobRow = table->item(0, 0)->text() == QLatin1String("bob.jones") ? 0 : 1;
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(bobRow, 0)).center());
    QVERIFY(unlink->isEnabled());
    m_gui.answerModal(QStringLiteral("unlinkAccountConfirmation"), [](QDialog* d) {
        QVERIFY(qobject_cast<QMessageBox*>(d)->informativeText().contains(
            QStringLiteral("can sign in again")));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("unlinkAccountAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(MemberService(m_gui.verify()).find(QStringLiteral("bob.jones"))->status,
             QStringLiteral("active"));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(membersStatus(QStringLiteral("bob.jones")), QStringLiteral("Active"));
    test::GuiHarness::shoot(m_gui.window(), QStringLiteral("sipProfilesPage-linked"));
}

void TestGuiProfiles::changeChannels()
{
    selectProfile(QStringLiteral("Sales Oslo"));
    if (QTest::currentTestFailed())
        return;
    const Money before = m_gui.companyBalance();
    m_gui.answerModal(QStringLiteral("changeChannelsDialog"), [](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* spin = d->findChild<QSpinBox*>(QStringLiteral("channelsSpin"));
        QCOMPARE(spin->value(), 2);
        QVERIFY(!ok->isEnabled()); // no change yet
        QVERIFY(d->findChild<QLabel*>(QStringLiteral("currentChannelsLabel"))
                    ->text()
                    .contains(QStringLiteral("$13.90 a month")));
        spin->setValue(5);
        auto* cost = d->findChild<QLabel*>(QStringLiteral("costLabel"));
        QVERIFY2(cost->text().contains(QStringLiteral("$34.75 a month")), qPrintable(cost->text()));
        auto* explanation = d->findChild<QLabel*>(QStringLiteral("explanationLabel"));
        QVERIFY2(explanation->text().contains(QStringLiteral("ends now")),
                 qPrintable(explanation->text()));
        QVERIFY(explanation->text().contains(QStringLiteral("$34.75 is paid now")));
        // Created today: the whole month of the 2 channels comes back (issue 12, item 6), and
        // the admin reads both amounts and what the company pays in all before confirming.
        QVERIFY2(explanation->text().contains(QStringLiteral("$13.90, go back")) &&
                     explanation->text().contains(QStringLiteral("$20.85 in all")),
                 qPrintable(explanation->text()));
        QVERIFY(ok->isEnabled());
        test::GuiHarness::shoot(d, QStringLiteral("changeChannelsDialog"));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("changeChannelsAction")));
    QVERIFY(m_gui.modalAnswered());
    auto p = ProfileService(m_gui.verify()).find(QStringLiteral("Sales Oslo"));
    QCOMPARE(p->channels, 5);
    QCOMPARE(p->channelsExpires, QDate(2026, 12, 15));
    QCOMPARE(m_gui.companyBalance(), before - Money::fromCents(3475) + Money::fromCents(1390));
    QVERIFY2(
        detailsText(QStringLiteral("channelsCostLabel")).contains(QStringLiteral("$34.75 a month")),
        qPrintable(detailsText(QStringLiteral("channelsCostLabel"))));
    const int row = m_page->table()->selectionModel()->selectedRows().first().row();
    QCOMPARE(m_page->table()->model()->index(row, ProfilesModel::Channels).data().toString(),
             QStringLiteral("5"));
    QCOMPARE(m_page->table()->model()->index(row, ProfilesModel::MonthlyCost).data().toString(),
             QStringLiteral("34.75"));
}

void TestGuiProfiles::renameRefusesDuplicate()
{
    selectProfile(QStringLiteral("Support"));
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("renameSipProfileDialog"), [](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(d->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->text(),
                 QStringLiteral("Support"));
        QVERIFY(!ok->isEnabled());
        test::GuiHarness::type(d, QStringLiteral("nameEdit"), QStringLiteral("Sales Oslo"));
        test::GuiHarness::clickOk(d);
        QVERIFY(d->isVisible());
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY2(hint->text().contains(QStringLiteral("already exists")), qPrintable(hint->text()));
        QVERIFY(!ok->isEnabled());
        test::GuiHarness::type(d, QStringLiteral("nameEdit"), QStringLiteral("Support Desk"));
        QVERIFY(ok->isEnabled());
        test::GuiHarness::clickOk(d);
        QVERIFY(!d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("renameSipProfileAction")));
    QVERIFY(m_gui.modalAnswered());
    QVERIFY(ProfileService(m_gui.verify()).find(QStringLiteral("Support Desk")).ok());
    QVERIFY(!ProfileService(m_gui.verify()).find(QStringLiteral("Support")).ok());
    QCOMPARE(m_page->selectedProfile(), QStringLiteral("Support Desk"));
    QCOMPARE(detailsText(QStringLiteral("profileNameLabel")), QStringLiteral("Support Desk"));
}

void TestGuiProfiles::providerSipServersInSettings()
{
    m_gui.window()->showPage(QStringLiteral("settings"));
    auto* edit = m_gui.window()->findChild<QLineEdit*>(QStringLiteral("sipServersEdit"));
    auto* save = m_gui.window()->findChild<QPushButton*>(QStringLiteral("applySipServersButton"));
    auto* hint = m_gui.window()->findChild<QLabel*>(QStringLiteral("sipServersHint"));
    QVERIFY(edit && save && hint);
    QVERIFY(edit->isEnabled());
    QCOMPARE(edit->text(),
             QStringLiteral("sip1.voice.example.net:5060, sip2.voice.example.net:5060"));
    QVERIFY(!save->isEnabled());
    test::GuiHarness::type(m_gui.window()->settingsPage(), QStringLiteral("sipServersEdit"),
                           QStringLiteral("bad server!:5060"));
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("is not a server address")),
             qPrintable(hint->text()));
    QVERIFY(!save->isEnabled());
    test::GuiHarness::type(m_gui.window()->settingsPage(), QStringLiteral("sipServersEdit"),
                           QStringLiteral("sip.example.org:5080, sip2.example.org:70000"));
    QVERIFY(hint->text().contains(QStringLiteral("65535")));
    QVERIFY(!save->isEnabled());
    test::GuiHarness::type(m_gui.window()->settingsPage(), QStringLiteral("sipServersEdit"),
                           QStringLiteral("sip.example.org:5080, sip2.example.org"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(hint->text().contains(QStringLiteral("Saved")));
    QVERIFY(!save->isEnabled());
    auto servers = ProviderSettings(m_gui.verify()).sipServers();
    QCOMPARE(*servers, (QStringList{QStringLiteral("sip.example.org:5080"),
                                    QStringLiteral("sip2.example.org")}));
    test::GuiHarness::shoot(m_gui.window(), QStringLiteral("settingsPage"));
    // Every profile's PBX data follows.
    selectProfile(QStringLiteral("Support Desk"));
    QVERIFY(detailsText(QStringLiteral("sipServersLabel"))
                .contains(QStringLiteral("sip.example.org:5080")));
    const QString config = m_page->details()
                               ->findChild<QPlainTextEdit*>(QStringLiteral("pbxConfigText"))
                               ->toPlainText();
    QVERIFY2(config.contains(QStringLiteral("match=sip2.example.org")), qPrintable(config));
}

void TestGuiProfiles::deleteProfileHoldingCreditAndNumber()
{
    selectProfile(QStringLiteral("Sales Oslo"));
    if (QTest::currentTestFailed())
        return;
    // Credit for the profile, through its dialog.
    m_gui.answerModal(QStringLiteral("allocateProfileCreditDialog"), [](QDialog* d) {
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(d->findChild<QLabel*>(QStringLiteral("warningLabel"))
                    ->text()
                    .contains(QStringLiteral("cannot be taken back")));
        test::GuiHarness::type(d, QStringLiteral("amountEdit"), QStringLiteral("25"));
        QCOMPARE(ok->text(), QStringLiteral("Allocate $25.00"));
        QVERIFY(d->findChild<QLabel*>(QStringLiteral("companyBalanceInfoLabel"))
                    ->text()
                    .contains(QStringLiteral("after the allocation")));
        test::GuiHarness::shoot(d, QStringLiteral("allocateProfileCreditDialog"));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("allocateProfileCreditAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(ProfileService(m_gui.verify()).find(QStringLiteral("Sales Oslo"))->balance,
             Money::fromCents(2500));
    QCOMPARE(detailsText(QStringLiteral("profileBalanceLabel")), QStringLiteral("$25.00"));

    // A number for the profile, through the same wizard, started from the details.
    m_gui.answerModal(QStringLiteral("buyNumbersWizard"), [](QDialog* d) {
        auto* w = qobject_cast<QWizard*>(d);
        QCOMPARE(w->currentId(), int(ui::BuyNumbersWizard::CountryPage));
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("holdersLabel"))
                    ->text()
                    .contains(QStringLiteral("SIP profile Sales Oslo")));
        auto* country = w->findChild<QComboBox*>(QStringLiteral("countryCombo"));
        country->setCurrentIndex(country->findData(QStringLiteral("NO")));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        auto* areas = w->findChild<QListWidget*>(QStringLiteral("areaList"));
        areas->setCurrentRow(0);
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
        QVERIFY(!w->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("buyNumberForProfileAction")));
    QVERIFY(m_gui.modalAnswered());
    const QStringList numbers =
        ProfileService(m_gui.verify()).find(QStringLiteral("Sales Oslo"))->numbers;
    QCOMPARE(numbers.size(), 1);
    const QString e164 = numbers.first();
    auto* numbersList =
        m_page->details()->findChild<QListWidget*>(QStringLiteral("profileNumbersList"));
    QCOMPARE(numbersList->count(), 1);
    QVERIFY(numbersList->item(0)->text().startsWith(PhoneNumbers::formatInternational(e164)));
    test::GuiHarness::shoot(m_gui.window(), QStringLiteral("sipProfilesPage"));
    test::GuiHarness::shoot(m_page->details()->widget(), QStringLiteral("profileDetails-all"));

    // Delete: the consequences with the figures, the export offered first.
    const Money before = m_gui.companyBalance();
    const QString exported = m_gui.tempPath(QStringLiteral("sales-oslo-calls.csv"));
    m_page->setFileDialogOverride([exported]() { return exported; });
    m_gui.answerModal(QStringLiteral("deleteSipProfileDialog"), [e164, exported](QDialog* d) {
        const QString text = d->findChild<QLabel*>(QStringLiteral("consequencesLabel"))->text();
        QVERIFY2(
            text.contains(QStringLiteral("Its credit of $25.00 returns to the company balance")),
            qPrintable(text));
        QVERIFY(text.contains(PhoneNumbers::formatInternational(e164)));
        QVERIFY2(text.contains(QStringLiteral("1 number returns to the company's pool")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("unlinked and can sign in again: alice.smith")));
        QVERIFY(text.contains(QStringLiteral("Its call history is deleted: 0 ")));
        auto* exportButton = d->findChild<QPushButton*>(QStringLiteral("exportHistoryButton"));
        QTest::mouseClick(exportButton, Qt::LeftButton);
        auto* result = d->findChild<QLabel*>(QStringLiteral("exportResultLabel"));
        QVERIFY(result->isVisible());
        QVERIFY2(result->text().contains(QStringLiteral("Exported 0 ")),
                 qPrintable(result->text()));
        QVERIFY(QFile::exists(exported));
        {
            // The Calls page's export (CallHistory), with its header.
            QFile f(exported);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(f.readLine()), Csv::record(CallHistory::csvHeader()));
        }
        test::GuiHarness::shoot(d, QStringLiteral("deleteSipProfileDialog"));
        test::GuiHarness::clickOk(d);
        QVERIFY(!d->isVisible());
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("deleteSipProfileAction")));
    QVERIFY(m_gui.modalAnswered());
    if (QTest::currentTestFailed())
        return;

    // The database: gone; its credit back; its number in the pool; alice unlinked.
    QVERIFY(!ProfileService(m_gui.verify()).find(QStringLiteral("Sales Oslo")).ok());
    QCOMPARE(m_gui.companyBalance(), before + Money::fromCents(2500));
    auto number = NumberService(m_gui.verify()).find(e164);
    QVERIFY(number.ok());
    QVERIFY(number->holder.isNone());
    QCOMPARE(number->status, QStringLiteral("active"));
    auto alice = MemberService(m_gui.verify()).find(QStringLiteral("alice.smith"));
    QCOMPARE(alice->status, QStringLiteral("active"));
    QVERIFY(alice->profile.isEmpty());

    // The window: the table, the balance, the Numbers table, the Members page.
    QCOMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(m_page->selectedProfile(), QStringLiteral("Support Desk"));
    QCOMPARE(m_gui.companyBalanceText(),
             QStringLiteral("Company balance: %1")
                 .arg((before + Money::fromCents(2500)).toCurrencyString(QLocale())));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("Deleted the SIP profile Sales Oslo")),
             qPrintable(m_gui.statusText()));
    const NumbersModel* numbersModel = m_gui.window()->numbersPage()->model();
    bool found = false;
    for (int row = 0; row < numbersModel->rowCount(); ++row) {
        if (numbersModel->number(row).e164 != e164)
            continue;
        found = true;
        QCOMPARE(numbersModel->index(row, NumbersModel::Holder).data().toString(),
                 QStringLiteral("Company pool (unassigned)"));
    }
    QVERIFY(found);
    QCOMPARE(membersStatus(QStringLiteral("alice.smith")), QStringLiteral("Active"));
}

void TestGuiProfiles::actionsNamesAndBundlesToCome()
{
    selectProfile(QStringLiteral("Support Desk"));
    for (const char* name : {"createSipProfileAction", "renameSipProfileAction",
                             "deleteSipProfileAction", "allocateProfileCreditAction",
                             "changeChannelsAction", "linkAccountAction", "unlinkAccountAction"}) {
        auto* action = m_gui.window()->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        QVERIFY2(!action->text().isEmpty(), name);
    }
    // No bundles yet: Add is offered; the others are disabled and say why.
    QVERIFY(m_gui.window()->findChild<QAction*>(QStringLiteral("addBundlesAction"))->isEnabled());
    for (const char* name : {"changeBundlesAction", "cancelBundlesAction", "extendBundlesAction"}) {
        auto* action = m_gui.window()->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
        QVERIFY2(action->toolTip().contains(QStringLiteral("no bundles")), name);
    }
    auto* bundles = m_page->details()->findChild<QGroupBox*>(QStringLiteral("bundlesGroup"));
    QVERIFY(bundles && bundles->isVisible());
    QCOMPARE(m_page->table()->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(m_page->table()->actions().contains(
        m_gui.window()->findChild<QAction*>(QStringLiteral("deleteSipProfileAction"))));

    QStringList unnamed;
    const QList<QWidget*> widgets = m_page->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w) ||
                             qobject_cast<QPlainTextEdit*>(w);
        if (control && !w->objectName().isEmpty() &&
            !w->objectName().startsWith(QLatin1String("qt_")) && w->accessibleName().isEmpty())
            unnamed << w->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

// A profile whose calls took its balance below zero: "owes $3.20" in the details and the
// table, in words (its accessible name too) and red.
void TestGuiProfiles::owedBalanceInWordsAndRed()
{
    const Context& ctx = m_gui.verify();
    auto p = ProfileService(ctx).find(QStringLiteral("Support Desk"));
    QVERIFY(p.ok());
    const qint64 owe = p->balance.cents() + 320;
    QVERIFY(Transaction::run(ctx.db, [&](Transaction& tx) {
                return Ledger(ctx).charge(tx, p->accountId, Money::fromCents(owe),
                                          QStringLiteral("call"));
            }).ok());
    m_page->refresh();
    selectProfile(QStringLiteral("Support Desk"));
    if (QTest::currentTestFailed())
        return;
    auto* label = m_page->details()->findChild<QLabel*>(QStringLiteral("profileBalanceLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("owes $3.20"));
    // What a screen reader reads: the label's own words.
    QVERIFY(QAccessible::queryAccessibleInterface(label)
                ->text(QAccessible::Name)
                .contains(QStringLiteral("owes $3.20")));
    const QColor red = label->palette().color(QPalette::WindowText);
    QVERIFY2(red.red() > 2 * red.green() && red.red() > 2 * red.blue(), qPrintable(red.name()));
    const int row = m_page->table()->currentIndex().row();
    const QModelIndex balance = m_page->table()->model()->index(row, ProfilesModel::Balance);
    QCOMPARE(balance.data().toString(), QStringLiteral("owes 3.20"));
    QVERIFY(balance.data(Qt::ForegroundRole).value<QColor>().isValid());
    test::GuiHarness::shoot(m_gui.window(), QStringLiteral("owedProfile"));
    // Credit that pays what it owes: no longer red.
    QVERIFY(ProfileService(ctx)
                .allocateCredit(QStringLiteral("Support Desk"), Money::fromCents(320))
                .ok());
    m_page->refresh();
    selectProfile(QStringLiteral("Support Desk"));
    QCOMPARE(label->text(), QStringLiteral("$0.00"));
    QVERIFY(label->palette().color(QPalette::WindowText) != red);
}

SB_GUI_TEST_MAIN(TestGuiProfiles, "switchboard-tst_gui_profiles")

#include "tst_gui_profiles.moc"
