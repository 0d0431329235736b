// US minute bundles in the SIP profile details, driven as a person would: add bundles with a
// count box whose cost follows the typing, change them with the refund shown before "Buy
// now", extend inside the 30 days and cancel with the dates shown — asserting on the window
// and on the database afterwards. Both the bundle and the channel dialogs show the advice
// for a profile with three months of calls, and say when there are no calls yet.
#include "core/base/DisplayFormat.h"
#include "core/books/CompanyService.h"
#include "core/bundles/BundleService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "tests/support/CdrLines.h"
#include "tests/support/GuiHarness.h"
#include "ui/profiles/SipProfileDetails.h"
#include "ui/profiles/SipProfilesPage.h"
#include "ui/shell/MainWindow.h"

#include <QAction>
#include <QBuffer>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

#include "models/profiles/ProfilesModel.h"

using namespace sb;

namespace {

// New %n strings read "bundle(s)" in English until lupdate and translations/en_plurals.py
// give them their English forms; every count here is above one.
QString plural(QString text)
{
    return text.replace(QStringLiteral("(s)"), QStringLiteral("s"));
}

} // namespace

class TestGuiBundles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void addThenChangeThroughTheDetails();
    void extendThenCancel();
    void balanceTooLowIsSaidInline();
    void adviceWhereTheAdminDecides();

private:
    void selectProfile(const QString& name);
    QString detailsText(const QString& label);
    QAction* action(const char* name);
    Money salesBalance();

    test::GuiHarness m_gui;
    ui::SipProfilesPage* m_page = nullptr;
};

void TestGuiBundles::selectProfile(const QString& name)
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

QString TestGuiBundles::detailsText(const QString& label)
{
    auto* l = m_page->details()->findChild<QLabel*>(label);
    return l ? l->text() : QStringLiteral("<no %1>").arg(label);
}

QAction* TestGuiBundles::action(const char* name)
{
    return m_gui.window()->findChild<QAction*>(QString::fromLatin1(name));
}

Money TestGuiBundles::salesBalance()
{
    auto p = ProfileService(m_gui.verify()).find(QStringLiteral("Sales"));
    return p ? p->balance : Money::fromCents(-1);
}

void TestGuiBundles::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const Context& ctx = m_gui.verify();
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("INV-1")).ok());
    NewSipProfile p;
    p.name = QStringLiteral("Sales");
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    p.channels = 3;
    QVERIFY(ProfileService(ctx).create(p).ok());
    QVERIFY(ProfileService(ctx).allocateCredit(p.name, Money::fromCents(20000)).ok());
    p.name = QStringLiteral("Lab");
    p.channels = 1;
    QVERIFY(ProfileService(ctx).create(p).ok());
    QVERIFY(ProfileService(ctx).allocateCredit(p.name, Money::fromCents(1000)).ok());
    m_page = m_gui.window()->sipProfilesPage();
    m_gui.window()->refreshPages();
}

void TestGuiBundles::cleanupTestCase()
{
    m_gui.tearDown();
}

void TestGuiBundles::cleanup()
{
    m_gui.closeModals();
    QVERIFY2(m_gui.modalProblem().isEmpty(), qPrintable(m_gui.modalProblem()));
}

void TestGuiBundles::addThenChangeThroughTheDetails()
{
    selectProfile(QStringLiteral("Sales"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(detailsText(QStringLiteral("bundlesCountLabel")).contains(QStringLiteral("No US")),
             qPrintable(detailsText(QStringLiteral("bundlesCountLabel"))));
    QVERIFY(action("addBundlesAction")->isEnabled());
    QVERIFY(!action("changeBundlesAction")->isEnabled());
    QVERIFY(action("changeBundlesAction")->toolTip().contains(QStringLiteral("add them first")));

    // Add: the cost follows the count as it is typed; never more than the channels.
    m_gui.answerModal(QStringLiteral("addBundlesDialog"), [](QDialog* d) {
        auto* spin = d->findChild<QSpinBox*>(QStringLiteral("bundleCountSpin"));
        QVERIFY(spin);
        QCOMPARE(spin->maximum(), 3);
        auto* cost = d->findChild<QLabel*>(QStringLiteral("bundleCostLabel"));
        QVERIFY2(cost->text().contains(QStringLiteral("$30.00 a month")), qPrintable(cost->text()));
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("2"));
        QVERIFY2(cost->text().contains(QStringLiteral("$60.00 a month")), qPrintable(cost->text()));
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QVERIFY(QString(ok->text()).remove(QLatin1Char('&')).contains(QStringLiteral("Buy now")));
        test::GuiHarness::shoot(d, QStringLiteral("addBundlesDialog"));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("addBundlesAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(salesBalance(), Money::fromCents(14000));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("$60.00")), qPrintable(m_gui.statusText()));
    QVERIFY2(
        detailsText(QStringLiteral("bundlesCountLabel")).startsWith(QStringLiteral("2 bundle")),
        qPrintable(detailsText(QStringLiteral("bundlesCountLabel"))));
    QVERIFY2(
        detailsText(QStringLiteral("bundlesMinutesLabel")).contains(QStringLiteral("0 of 10,000")),
        qPrintable(detailsText(QStringLiteral("bundlesMinutesLabel"))));
    // The "Outgoing calls" line: 3 channels (20.85) and 2 bundles (60.00).
    QVERIFY2(detailsText(QStringLiteral("outgoingTotalLabel")).contains(QStringLiteral("$80.85")),
             qPrintable(detailsText(QStringLiteral("outgoingTotalLabel"))));
    QVERIFY(!action("addBundlesAction")->isEnabled());
    QVERIFY(action("changeBundlesAction")->isEnabled());

    // 4000 of the 10,000 minutes used (calls imported by another admin).
    QSqlQuery q(m_gui.verify().db.sql());
    QVERIFY(q.exec(QStringLiteral("UPDATE bundle_periods SET minutes_used = 4000")));
    m_page->details()->reload();
    QVERIFY2(detailsText(QStringLiteral("bundlesMinutesLabel"))
                 .contains(QStringLiteral("4,000 of 10,000")),
             qPrintable(detailsText(QStringLiteral("bundlesMinutesLabel"))));

    // Change to 1: 6000 unused minutes of 30.00 bundles come back as 36.00, before confirming.
    m_gui.answerModal(QStringLiteral("changeBundlesDialog"), [](QDialog* d) {
        auto* spin = d->findChild<QSpinBox*>(QStringLiteral("bundleCountSpin"));
        QCOMPARE(spin->value(), 2);
        auto* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // the same count, said inline
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("already has")), qPrintable(hint->text()));
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("1"));
        auto* refund = d->findChild<QLabel*>(QStringLiteral("bundleRefundLabel"));
        QVERIFY2(refund->text().contains(QStringLiteral("$36.00")), qPrintable(refund->text()));
        QVERIFY2(refund->text().contains(QStringLiteral("$30.00 a month")),
                 qPrintable(refund->text()));
        QVERIFY2(d->findChild<QLabel*>(QStringLiteral("bundleBalanceLabel"))
                     ->text()
                     .contains(QStringLiteral("$146.00")),
                 qPrintable(d->findChild<QLabel*>(QStringLiteral("bundleBalanceLabel"))->text()));
        QVERIFY(ok->isEnabled());
        test::GuiHarness::shoot(d, QStringLiteral("changeBundlesDialog"));
        test::GuiHarness::clickOk(d);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("changeBundlesAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(salesBalance(), Money::fromCents(14600));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("$36.00")), qPrintable(m_gui.statusText()));
    QVERIFY2(
        detailsText(QStringLiteral("bundlesCountLabel")).startsWith(QStringLiteral("1 bundle")),
        qPrintable(detailsText(QStringLiteral("bundlesCountLabel"))));
    QVERIFY2(
        detailsText(QStringLiteral("bundlesMinutesLabel")).contains(QStringLiteral("0 of 5,000")),
        qPrintable(detailsText(QStringLiteral("bundlesMinutesLabel"))));
}

void TestGuiBundles::extendThenCancel()
{
    selectProfile(QStringLiteral("Sales"));
    if (QTest::currentTestFailed())
        return;
    // Bought today (2026-11-15) until 2026-12-15: 30 days, so Extend is offered.
    QVERIFY(action("extendBundlesAction")->isEnabled());
    m_gui.answerModal(QStringLiteral("extendBundlesConfirmation"), [](QDialog* d) {
        auto* ok = d->findChild<QPushButton*>(QStringLiteral("okButton"));
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("extendBundlesAction")));
    QVERIFY(m_gui.modalAnswered());
    QCOMPARE(salesBalance(), Money::fromCents(14600 - 3000));
    QVERIFY2(m_gui.statusText().contains(QStringLiteral("next payment")),
             qPrintable(m_gui.statusText()));
    QVERIFY2(m_gui.statusText().contains(sb::shortDate(QLocale(), QDate(2027, 1, 15))),
             qPrintable(m_gui.statusText()));
    // Paid until 2027-01-15 now: outside the 30 days, and the tool tip says from when.
    QVERIFY(!action("extendBundlesAction")->isEnabled());
    QVERIFY2(action("extendBundlesAction")->toolTip().contains(QStringLiteral("30 days")),
             qPrintable(action("extendBundlesAction")->toolTip()));

    m_gui.answerModal(QStringLiteral("cancelBundlesConfirmation"), [](QDialog* d) {
        auto* ok = d->findChild<QPushButton*>(QStringLiteral("okButton"));
        QVERIFY(ok);
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("cancelBundlesAction")));
    QVERIFY(m_gui.modalAnswered());
    const QString expiry = sb::shortDate(QLocale(), QDate(2027, 1, 15));
    QVERIFY2(m_gui.statusText().contains(expiry), qPrintable(m_gui.statusText()));
    QVERIFY2(
        detailsText(QStringLiteral("bundlesPeriodLabel")).contains(QStringLiteral("Cancelled")),
        qPrintable(detailsText(QStringLiteral("bundlesPeriodLabel"))));
    QVERIFY(detailsText(QStringLiteral("bundlesPeriodLabel")).contains(expiry));
    QVERIFY(!action("cancelBundlesAction")->isEnabled());
    QVERIFY(action("changeBundlesAction")->isEnabled());
    test::GuiHarness::shoot(m_page->details(), QStringLiteral("bundlesDetails"));
    auto s = BundleService(m_gui.verify()).summary(QStringLiteral("Sales"));
    QVERIFY(s.ok());
    QVERIFY(s->cancelled);
    QCOMPARE(s->expires, QDate(2027, 1, 15));
}

void TestGuiBundles::balanceTooLowIsSaidInline()
{
    selectProfile(QStringLiteral("Lab"));
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("addBundlesDialog"), [](QDialog* d) {
        auto* spin = d->findChild<QSpinBox*>(QStringLiteral("bundleCountSpin"));
        QCOMPARE(spin->maximum(), 1); // one channel
        auto* hint = d->findChild<QLabel*>(QStringLiteral("hintLabel"));
        QVERIFY(hint && hint->isVisible());
        QVERIFY2(hint->text().contains(QStringLiteral("cannot pay")), qPrintable(hint->text()));
        QVERIFY(!d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        d->reject();
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("addBundlesAction")));
    QVERIFY(m_gui.modalAnswered());
    auto s = BundleService(m_gui.verify()).summary(QStringLiteral("Lab"));
    QVERIFY(s.ok());
    QCOMPARE(s->count, 0);
    auto p = ProfileService(m_gui.verify()).find(QStringLiteral("Lab"));
    QCOMPARE(p->balance, Money::fromCents(1000));
}

void TestGuiBundles::adviceWhereTheAdminDecides()
{
    const Context& ctx = m_gui.verify();
    const QString profile = QStringLiteral("Ops");
    const QString problem =
        m_gui.addProfile(profile, 4, Money::fromCents(200000), Money::fromCents(100000));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // 12,000 US minutes in each of August, September and October (the clock is in November):
    // calls of 600 minutes, two a day. October's busiest hour: four calls the whole hour (5 s
    // ringing + 3595 s) and one of 2880 s, 17,280 s = 4.8 erlangs; their 288 minutes count.
    const QString us = QStringLiteral("3127365000");
    QByteArray file;
    for (int month : {8, 9, 10}) {
        const qint64 total = month == 10 ? 12000 - 288 : 12000;
        for (int i = 0; i * 600 < total; ++i)
            file += sbt::asteriskLine(
                profile, us,
                QDateTime(QDate(2026, month, 1 + i / 2), QTime(i % 2 ? 12 : 0, 0), Qt::UTC),
                std::min<qint64>(600, total - i * 600) * 60,
                QStringLiteral("ops-%1-%2").arg(month).arg(i));
    }
    for (int i = 0; i < 5; ++i)
        file += sbt::asteriskLine(profile, us, QDateTime(QDate(2026, 10, 25), QTime(9, 0), Qt::UTC),
                                  i < 4 ? 3595 : 2875, QStringLiteral("ops-busy-%1").arg(i));
    QBuffer buffer(&file);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    auto imported = CallImporter(ctx).import(&buffer, CallImportOptions{});
    QVERIFY(imported.ok());
    m_gui.window()->refreshPages();
    selectProfile(profile);
    if (QTest::currentTestFailed())
        return;

    // At 30.00 a bundle and 0.0230 a minute, a month costs 276.00 without bundles and 90.00
    // with three (161.00 + 30.00 with one, 46.00 + 60.00 with two, 120.00 with four).
    m_gui.answerModal(QStringLiteral("addBundlesDialog"), [](QDialog* d) {
        auto* advice = d->findChild<QLabel*>(QStringLiteral("bundleAdviceLabel"));
        QVERIFY(advice && advice->isVisible());
        QCOMPARE(plural(advice->text()),
                 QStringLiteral("Advice: 3 bundles, saves $186.00 a month"));
        // Read by a screen reader as its text: no name in its place.
        QVERIFY(advice->accessibleName().isEmpty());
        QVERIFY2(advice->toolTip().contains(QStringLiteral("2026-08 to 2026-10")),
                 qPrintable(advice->toolTip()));
        test::GuiHarness::shoot(d, QStringLiteral("addBundlesDialogAdvice"));
        d->reject();
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("addBundlesAction")));
    QVERIFY(m_gui.modalAnswered());

    m_gui.answerModal(QStringLiteral("changeChannelsDialog"), [](QDialog* d) {
        auto* advice = d->findChild<QLabel*>(QStringLiteral("channelAdviceLabel"));
        QVERIFY(advice && advice->isVisible());
        QCOMPARE(plural(advice->text()),
                 QStringLiteral("Advice: 11 channels for the busiest hour (4.8 erlangs at 1% "
                                "blocking)"));
        QVERIFY(advice->accessibleName().isEmpty());
        test::GuiHarness::shoot(d, QStringLiteral("changeChannelsDialogAdvice"));
        d->reject();
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("changeChannelsAction")));
    QVERIFY(m_gui.modalAnswered());

    // With the three bundles bought, the change dialog says to keep them.
    QVERIFY(BundleService(ctx).add(profile, 3).ok());
    m_page->details()->reload();
    m_gui.answerModal(QStringLiteral("changeBundlesDialog"), [](QDialog* d) {
        auto* advice = d->findChild<QLabel*>(QStringLiteral("bundleAdviceLabel"));
        QCOMPARE(plural(advice->text()), QStringLiteral("Advice: keep 3 bundles"));
        d->reject();
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("changeBundlesAction")));
    QVERIFY(m_gui.modalAnswered());

    // Lab has made no calls: no advice yet, said so.
    selectProfile(QStringLiteral("Lab"));
    if (QTest::currentTestFailed())
        return;
    m_gui.answerModal(QStringLiteral("addBundlesDialog"), [](QDialog* d) {
        auto* advice = d->findChild<QLabel*>(QStringLiteral("bundleAdviceLabel"));
        QVERIFY2(advice->text().contains(QStringLiteral("not enough call records yet")),
                 qPrintable(advice->text()));
        d->reject();
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("addBundlesAction")));
    QVERIFY(m_gui.modalAnswered());
    m_gui.answerModal(QStringLiteral("changeChannelsDialog"), [](QDialog* d) {
        auto* advice = d->findChild<QLabel*>(QStringLiteral("channelAdviceLabel"));
        QVERIFY2(advice->text().contains(QStringLiteral("no call records yet")),
                 qPrintable(advice->text()));
        d->reject();
    });
    QVERIFY(m_gui.triggerAction(QStringLiteral("changeChannelsAction")));
    QVERIFY(m_gui.modalAnswered());
}

SB_GUI_TEST_MAIN(TestGuiBundles, "switchboard-tst_gui_bundles")

#include "tst_gui_bundles.moc"
