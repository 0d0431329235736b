// The trunk check in the window, against sipp on loopback: the probe's time limit set in
// Settings (probeTimeoutSpin, saved in the database), then "Check the trunk" (probeButton) in
// a SIP profile's details — disabled while the probe runs without blocking the window, the
// answers in words in probeResultLabel, and the Trunk column of the SIP profiles table.
#include "core/books/CompanyService.h"
#include "core/net/ProbeService.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "models/profiles/ProfilesModel.h"
#include "tests/support/GuiHarness.h"
#include "tests/support/SippServer.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SettingsPage.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUdpSocket>

using namespace sb;
using sb::test::SippServer;

class TestGuiProbe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!SippServer::available())
            QFAIL("sipp (Debian sip-tester) is not installed: scripts/deps.sh installs it");
        const QString problem = m_gui.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_page = m_gui.window()->sipProfilesPage();
    }
    void cleanupTestCase() { m_gui.tearDown(); }

    void timeoutInSettings()
    {
        m_gui.window()->showPage(QStringLiteral("settings"));
        auto* spin = m_gui.window()->settingsPage()->findChild<QSpinBox*>(
            QStringLiteral("probeTimeoutSpin"));
        QVERIFY(spin);
        QCOMPARE(spin->value(), 32000);
        QCOMPARE(spin->minimum(), 500);
        QCOMPARE(spin->maximum(), 32000);
        QVERIFY(!spin->accessibleName().isEmpty());
        spin->setValue(2000);
        QCOMPARE(ProbeService(m_gui.verify()).timeoutMs().value(), 2000);
    }

    void checkTheTrunk()
    {
        SippServer pbx, provider;
        QString problem = pbx.start(QStringLiteral("options_200.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = provider.start(QStringLiteral("options_503.xml"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));

        const Context& ctx = m_gui.verify();
        QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("INV-1")).ok());
        NewSipProfile p;
        p.name = QStringLiteral("Office");
        p.auth = SipProfile::Auth::Ip;
        p.ip = QStringLiteral("127.0.0.1");
        p.port = pbx.port();
        QVERIFY(ProfileService(ctx).create(p).ok());
        const QString providerTarget = QStringLiteral("127.0.0.1:%1").arg(provider.port());
        const QString silentTarget = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());
        QVERIFY(ProviderSettings(ctx).setSipServers({providerTarget, silentTarget}).ok());
        m_gui.window()->refreshPages();

        m_gui.window()->showPage(QStringLiteral("sip-profiles"));
        QTableView* view = m_page->table();
        QCOMPARE(view->model()->rowCount(), 1);
        test::GuiHarness::clickRow(view, 0);
        QCOMPARE(m_page->selectedProfile(), QStringLiteral("Office"));
        QCOMPARE(view->model()->index(0, ProfilesModel::Trunk).data().toString(), QString());

        auto* button = m_page->details()->findChild<QPushButton*>(QStringLiteral("probeButton"));
        auto* label = m_page->details()->findChild<QLabel*>(QStringLiteral("probeResultLabel"));
        QVERIFY(button && label);
        QVERIFY(!button->accessibleName().isEmpty());
        // A message label: its text is what a screen reader reads.
        QVERIFY(label->accessibleName().isEmpty());
        QCOMPARE(label->text(), QStringLiteral("Not checked yet."));
        QVERIFY(button->isEnabled());

        QTest::mouseClick(button, Qt::LeftButton);
        // The click returned at once: the probe runs while the window goes on.
        QVERIFY(!button->isEnabled());
        QVERIFY(m_page->details()->probing());
        QVERIFY2(label->text().contains(QStringLiteral("Checking")), qPrintable(label->text()));

        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 15000);
        const QString text = label->text();
        QVERIFY2(
            text.contains(QStringLiteral("PBX 127.0.0.1:%1 answered 200 OK in ").arg(pbx.port())),
            qPrintable(text));
        QVERIFY2(
            text.contains(
                QStringLiteral("Provider %1 answered 503 Service Unavailable").arg(providerTarget)),
            qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("Provider %1: no answer after 2 s").arg(silentTarget)),
            qPrintable(text));
        test::GuiHarness::shoot(m_gui.window(), QStringLiteral("probe-details"));
        QVERIFY2(m_gui.statusText().contains(QStringLiteral("1 of 3 servers answered OK")),
                 qPrintable(m_gui.statusText()));

        // Stored, and the table shows the worst answer.
        QCOMPARE(storedProbes(ctx), 3);
        QTRY_COMPARE(view->model()->index(0, ProfilesModel::Trunk).data().toString(),
                     QStringLiteral("503"));
        QVERIFY(!view->model()
                     ->index(0, ProfilesModel::Trunk)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }

private:
    static int storedProbes(const Context& ctx)
    {
        auto q = ctx.db.runFirst(QStringLiteral("SELECT COUNT(*) FROM profile_probes"));
        return q ? q->value(0).toInt() : -1;
    }

    test::GuiHarness m_gui;
    ui::SipProfilesPage* m_page = nullptr;
};

SB_GUI_TEST_MAIN(TestGuiProbe, "switchboard-tst_gui_probe")
#include "tst_gui_probe.moc"
