// Credentials by e-mail in the window (issue 10), against a real SMTP server on loopback
// (Debian's python3-aiosmtpd, tests/support/SmtpServer.h): the mail server in Settings with
// its test message, the credentials mailed by the creation wizard, "Send the credentials
// again" in the details, and a failing server that changes nothing else.
#include "core/books/CompanyService.h"
#include "core/net/MailSettings.h"
#include "core/profiles/ProfileService.h"
#include "models/profiles/ProfilesModel.h"
#include "tests/support/GuiHarness.h"
#include "tests/support/SmtpServer.h"
#include "ui/profiles/CreateSipProfileWizard.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SettingsPage.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QWizard>

#include <memory>

using namespace sb;

class TestGuiMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void settingsSaveAndSendTest();
    void wizardMailsTheCredentials();
    void sendAgainFromTheDetails();
    void failingServerChangesNothingElse();
    void noAddressNoButton();

private:
    void selectProfile(const QString& name);
    template<typename T> T* settingsChild(const char* name)
    {
        auto* w = m_gui.window()->settingsPage()->findChild<T*>(QString::fromLatin1(name));
        if (!w)
            qWarning("no %s in Settings", name);
        return w;
    }
    QString detailsHint() const
    {
        auto* l = m_page->details()->findChild<QLabel*>(QStringLiteral("credentialsHint"));
        return l ? l->text() : QStringLiteral("<no credentialsHint>");
    }

    test::GuiHarness m_gui;
    std::unique_ptr<test::SmtpServer> m_server;
    ui::SipProfilesPage* m_page = nullptr;
    const QString m_user = QStringLiteral("office-admin");
    const QString m_password = QStringLiteral("mail-pässword");
};

void TestGuiMail::initTestCase()
{
    // The scripts install the server (scripts/deps.sh): missing, it is a failure, not a skip.
    const QString why = test::SmtpServer::unavailable();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_server =
        std::make_unique<test::SmtpServer>(test::SmtpServer::Mode::Accept, m_user, m_password);
    QVERIFY2(m_server->ok(), qPrintable(m_server->problem()));
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(CompanyService(m_gui.verify()).topUp(Money::fromCents(50000), QStringLiteral("INV-1")));
    m_page = m_gui.window()->sipProfilesPage();
    m_gui.window()->refreshPages();
}

void TestGuiMail::cleanupTestCase()
{
    m_gui.tearDown();
    m_server.reset();
}

void TestGuiMail::cleanup()
{
    m_gui.closeModals();
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
}

void TestGuiMail::selectProfile(const QString& name)
{
    m_gui.window()->showPage(QStringLiteral("sip-profiles"));
    QTableView* view = m_page->table();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ProfilesModel::NameRole).toString() == name) {
            test::GuiHarness::clickRow(view, row);
            QCOMPARE(m_page->selectedProfile(), name);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(name)));
}

void TestGuiMail::settingsSaveAndSendTest()
{
    m_gui.window()->showPage(QStringLiteral("settings"));
    auto* host = settingsChild<QLineEdit>("mailServerEdit");
    auto* port = settingsChild<QSpinBox>("mailPortSpin");
    auto* security = settingsChild<QComboBox>("mailSecurityCombo");
    auto* user = settingsChild<QLineEdit>("mailUserEdit");
    auto* password = settingsChild<QLineEdit>("mailPasswordEdit");
    auto* from = settingsChild<QLineEdit>("mailFromEdit");
    auto* save = settingsChild<QPushButton>("saveMailButton");
    auto* hint = settingsChild<QLabel>("mailHint");
    auto* testTo = settingsChild<QLineEdit>("mailTestAddressEdit");
    auto* sendTest = settingsChild<QPushButton>("sendTestMailButton");
    auto* testHint = settingsChild<QLabel>("mailTestHint");
    QVERIFY(host && port && security && user && password && from && save && hint && testTo &&
            sendTest && testHint);
    QVERIFY(host->isEnabled());
    QVERIFY(!save->isEnabled());

    // Unencrypted only to this computer: refused as typed, Save stays disabled.
    QTest::keyClicks(host, QStringLiteral("smtp.example.net"));
    security->setCurrentIndex(security->findData(int(MailServer::Security::None)));
    QTest::keyClicks(from, QStringLiteral("admin@example.com"));
    QVERIFY(!save->isEnabled());
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("smtp.example.net")), qPrintable(hint->text()));

    // The real server on loopback, with a login: a user without a password is not enough.
    host->clear();
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    port->setValue(m_server->port());
    QTest::keyClicks(user, m_user);
    QVERIFY(!save->isEnabled());
    password->insert(m_password); // QTest types ASCII only
    QVERIFY2(save->isEnabled(), qPrintable(hint->text()));
    QTest::mouseClick(save, Qt::LeftButton);

    auto saved = MailSettings(m_gui.verify()).server();
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->host, QStringLiteral("127.0.0.1"));
    QCOMPARE((*saved)->port, m_server->port());
    QCOMPARE((*saved)->security, MailServer::Security::None);
    QCOMPARE((*saved)->user, m_user);
    QCOMPARE((*saved)->from, QStringLiteral("admin@example.com"));
    QCOMPARE(*MailSettings(m_gui.verify()).password(), m_password);
    QVERIFY(password->text().isEmpty()); // never shown again
    QVERIFY(!save->isEnabled());

    // The test message, without blocking the window.
    QVERIFY(!sendTest->isEnabled()); // no address yet
    QTest::keyClicks(testTo, QStringLiteral("qa@example.com"));
    QVERIFY(sendTest->isEnabled());
    const qsizetype before = m_server->messages().size();
    QTest::mouseClick(sendTest, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(testHint->text().contains(QStringLiteral("accepted")), 15000);
    QVERIFY2(testHint->text().contains(QStringLiteral("qa@example.com")),
             qPrintable(testHint->text()));
    const auto messages = m_server->messages();
    QCOMPARE(messages.size(), before + 1);
    QCOMPARE(messages.last().value(QStringLiteral("rcptTos")).toArray().first().toString(),
             QStringLiteral("qa@example.com"));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("qa@example.com")),
             qPrintable(m_gui.statusText()));
}

void TestGuiMail::wizardMailsTheCredentials()
{
    QVERIFY(MailSettings(m_gui.verify()).server()->has_value());
    m_gui.window()->showPage(QStringLiteral("sip-profiles"));
    const qsizetype before = m_server->messages().size();
    QString shownPassword;
    m_gui.answerModal(QStringLiteral("createSipProfileWizard"), [&](QDialog* d) {
        auto* w = qobject_cast<QWizard*>(d);
        test::GuiHarness::type(w, QStringLiteral("nameEdit"), QStringLiteral("Oslo office"));
        test::GuiHarness::type(w, QStringLiteral("emailEdit"), QStringLiteral("pbx@example.com"));
        QTest::mouseClick(w->button(QWizard::NextButton), Qt::LeftButton);
        QTest::mouseClick(w->button(QWizard::CommitButton), Qt::LeftButton);
        QCOMPARE(w->currentId(), int(ui::CreateSipProfileWizard::DonePage));
        shownPassword = w->findChild<QLabel*>(QStringLiteral("sipPasswordLabel"))->text();
        auto* mail = w->findChild<QLabel*>(QStringLiteral("credentialsMailLabel"));
        QVERIFY(mail);
        // Under way or done, it says so while the admin reads the details.
        QVERIFY2(mail->text().contains(QStringLiteral("pbx@example.com")),
                 qPrintable(mail->text()));
        QTRY_VERIFY_WITH_TIMEOUT(mail->text().contains(QStringLiteral("went to")), 15000);
        test::GuiHarness::shoot(w, QStringLiteral("createSipProfileWizard-mailed"));
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("createSipProfileAction")));
    QVERIFY(m_gui.modalAnswered());
    if (QTest::currentTestFailed())
        return;
    const auto messages = m_server->messages();
    QCOMPARE(messages.size(), before + 1);
    const QJsonObject m = messages.last();
    QCOMPARE(m.value(QStringLiteral("rcptTos")).toArray().first().toString(),
             QStringLiteral("pbx@example.com"));
    QCOMPARE(m.value(QStringLiteral("authLogin")).toString(), m_user);
    const QString body = m.value(QStringLiteral("body")).toString();
    QCOMPARE(shownPassword.size(), 20);
    QVERIFY2(body.contains(shownPassword), qPrintable(body));
    QVERIFY(body.contains(QStringLiteral("sip1.voice.example.net:5060")));
}

void TestGuiMail::sendAgainFromTheDetails()
{
    selectProfile(QStringLiteral("Oslo office"));
    auto* send =
        m_page->details()->findChild<QPushButton*>(QStringLiteral("sendCredentialsButton"));
    QVERIFY(send && send->isVisible() && send->isEnabled());
    QVERIFY2(send->toolTip().contains(QStringLiteral("pbx@example.com")),
             qPrintable(send->toolTip()));
    const qsizetype before = m_server->messages().size();
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(detailsHint().contains(QStringLiteral("went to")), 15000);
    QVERIFY(send->isEnabled());
    QCOMPARE(m_server->messages().size(), before + 1);
    auto credentials = ProfileService(m_gui.verify()).credentials(QStringLiteral("Oslo office"));
    QVERIFY(credentials);
    QVERIFY(m_server->messages()
                .last()
                .value(QStringLiteral("body"))
                .toString()
                .contains(credentials->password));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("Oslo office")),
             qPrintable(m_gui.statusText()));
}

void TestGuiMail::failingServerChangesNothingElse()
{
    // The server moves away: nothing answers on its port any more.
    auto server = MailSettings(m_gui.verify()).server();
    QVERIFY(server && server->has_value());
    MailServer gone = **server;
    gone.port = test::SmtpServer::closedPort();
    QVERIFY(MailSettings(m_gui.verify()).save(gone, m_password));
    auto before = ProfileService(m_gui.verify()).credentials(QStringLiteral("Oslo office"));
    QVERIFY(before);

    selectProfile(QStringLiteral("Oslo office"));
    auto* send =
        m_page->details()->findChild<QPushButton*>(QStringLiteral("sendCredentialsButton"));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(detailsHint().contains(QStringLiteral("not sent")), 20000);
    QVERIFY2(detailsHint().contains(QString::number(gone.port)), qPrintable(detailsHint()));
    test::GuiHarness::shoot(m_page, QStringLiteral("sipProfiles-credentialsNotSent"));
    // The profile and its password are as they were, and the password can still be shown.
    auto after = ProfileService(m_gui.verify()).credentials(QStringLiteral("Oslo office"));
    QVERIFY(after);
    QCOMPARE(after->password, before->password);
    auto* show = m_page->details()->findChild<QPushButton*>(QStringLiteral("showPasswordButton"));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(m_page->details()->findChild<QLabel*>(QStringLiteral("sipPasswordLabel"))->text(),
             before->password);
    QTest::mouseClick(show, Qt::LeftButton);
    QVERIFY(MailSettings(m_gui.verify()).save(**server, m_password));
}

void TestGuiMail::noAddressNoButton()
{
    NewSipProfile p;
    p.name = QStringLiteral("Bergen office");
    QVERIFY(ProfileService(m_gui.verify()).create(p));
    m_gui.window()->refreshPages();
    selectProfile(QStringLiteral("Bergen office"));
    auto* send =
        m_page->details()->findChild<QPushButton*>(QStringLiteral("sendCredentialsButton"));
    QVERIFY(send && send->isVisible());
    QVERIFY(!send->isEnabled());
    QVERIFY2(send->toolTip().contains(QStringLiteral("no e-mail")), qPrintable(send->toolTip()));
}

QTEST_MAIN(TestGuiMail)
#include "tst_gui_mail.moc"
