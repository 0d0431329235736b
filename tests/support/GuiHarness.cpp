#include "tests/support/GuiHarness.h"

#include "core/books/CompanyService.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/PriceList.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/Database.h"
#include "tests/support/CdrLines.h"
#include "ui/widgets/HolderCompleter.h"
#include "ui/widgets/LanguageManager.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace sb::test {

QString GuiHarness::setUp(bool runBilling)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    ui::LanguageManager::instance()->apply(QStringLiteral("en"), false);
    const QString engine = qEnvironmentVariable("SWITCHBOARD_GUI_ENGINE", QStringLiteral("sqlite"));
    m_db = std::make_unique<TestDatabase>(engine);
    if (!m_db->ok())
        return m_db->error();
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
    m_verify = std::make_unique<Context>(
        Context{m_db->db(), m_clock.get(), QStringLiteral("other-admin")});
    auto opened = Database::open(m_db->spec());
    if (!opened)
        return opened.error().message;
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.restoreSettings = false;
    options.runBilling = runBilling;
    // The tests change the database behind the window's back and refresh when they mean to:
    // a re-read arriving on its own would reset the tables in the middle of a step.
    options.followOtherAdmins = false;
    m_window = std::make_unique<ui::MainWindow>(
        Context{*opened, m_clock.get(), QStringLiteral("admin")}, options);
    m_window->resize(1280, 900);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        return QStringLiteral("the window was not shown");
    // The window builds its pages when first needed; the tests find every page's actions and
    // widgets by name from the start, as they would a moment after start.
    m_window->buildAllPages();
    return {};
}

void GuiHarness::tearDown()
{
    closeModals();
    m_window.reset();
}

bool GuiHarness::triggerAction(const QString& name)
{
    auto* action = m_window->findChild<QAction*>(name);
    if (!action) {
        qWarning("no action %s", qPrintable(name));
        return false;
    }
    if (!action->isEnabled()) {
        qWarning("action %s is disabled", qPrintable(name));
        return false;
    }
    action->trigger();
    return true;
}

void GuiHarness::answerModal(const QString& objectName, std::function<void(QDialog*)> answer)
{
    forgetModal();
    QTimer::singleShot(0, this, [this, objectName, answer]() {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        auto closeAfter = qScopeGuard([dialog]() {
            if (dialog && dialog->isVisible())
                dialog->reject();
        });
        if (!dialog) {
            m_modalProblem =
                QStringLiteral("no modal dialog appeared (expected %1)").arg(objectName);
            return;
        }
        if (dialog->objectName() != objectName) {
            m_modalProblem = QStringLiteral("the modal dialog is %1, expected %2")
                                 .arg(dialog->objectName(), objectName);
            return;
        }
        m_modalAnswered = true;
        answer(dialog);
    });
}

void GuiHarness::closeModals()
{
    for (int i = 0; i < 5 && QApplication::activeModalWidget(); ++i) {
        QWidget* w = QApplication::activeModalWidget();
        if (auto* d = qobject_cast<QDialog*>(w))
            d->reject();
        else
            w->close();
        QCoreApplication::processEvents();
    }
}

void GuiHarness::clickRow(QTableView* view, int row, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex index = view->model()->index(row, 0);
    QVERIFY(index.isValid());
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
}

void GuiHarness::clickOk(QDialog* dialog)
{
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QPushButton* ok = box->button(QDialogButtonBox::Ok);
    QVERIFY(ok);
    QTest::mouseClick(ok, Qt::LeftButton);
}

void GuiHarness::type(QWidget* parent, const QString& field, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(field);
    QVERIFY2(edit, qPrintable(field));
    QVERIFY2(!edit->accessibleName().isEmpty(), qPrintable(field));
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void GuiHarness::chooseCompletion(QLineEdit* edit, const QString& prefix, const QString& name)
{
    QVERIFY(edit);
    QCompleter* completer = edit->completer();
    QVERIFY(completer);
    edit->setFocus();
    edit->clear();
    QTest::keyClicks(edit, prefix);
    QTRY_VERIFY(completer->popup()->isVisible());
    QAbstractItemModel* model = completer->completionModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ui::HolderCompleter::NameRole).toString() != name)
            continue;
        completer->popup()->setCurrentIndex(index);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_VERIFY(!completer->popup()->isVisible());
        return;
    }
    QStringList shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown << model->index(row, 0).data().toString();
    QFAIL(qPrintable(QStringLiteral("no completion %1 for \"%2\"; offered: %3")
                         .arg(name, prefix, shown.join(QStringLiteral("; ")))));
}

void GuiHarness::shoot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("SWITCHBOARD_GUI_SHOTS");
    if (dir.isEmpty() || !widget)
        return;
    QCoreApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QString GuiHarness::fillDemo(int members, int profiles, int numbers, qint64 calls)
{
    DemoGenerator::Options options;
    options.members = members;
    options.profiles = profiles;
    options.numbers = numbers;
    options.calls = calls;
    options.intoExistingAccount = true;
    auto demo = DemoGenerator(verify()).generate(options);
    if (!demo)
        return demo.error().message;
    m_window->refreshPages();
    return {};
}

QString GuiHarness::addProfile(const QString& name, int channels, Money topUp, Money credit)
{
    const Context& ctx = verify();
    if (auto t = CompanyService(ctx).topUp(topUp, QStringLiteral("INV-") + name); !t)
        return t.error().message;
    NewSipProfile p;
    p.name = name;
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    p.channels = channels;
    if (auto created = ProfileService(ctx).create(p); !created)
        return created.error().message;
    if (credit.cents() > 0)
        if (auto given = ProfileService(ctx).allocateCredit(name, credit); !given)
            return given.error().message;
    return {};
}

QString GuiHarness::addOwingMember(const QString& account, const QString& name, int seconds)
{
    const Context& ctx = verify();
    if (auto added = MemberService(ctx).add({account, name, QString(), QString()}); !added)
        return added.error().message;
    QBuffer cdr;
    cdr.setData(sbt::asteriskLine(account, QStringLiteral("16467781234"),
                                  ctx.now().addSecs(-400000), seconds,
                                  account + QStringLiteral(".1")));
    cdr.open(QIODevice::ReadOnly);
    CallImportOptions options;
    options.fileName = QStringLiteral("Master.csv");
    if (auto imported = CallImporter(ctx, PriceList::builtIn()).import(&cdr, options); !imported)
        return imported.error().message;
    return {};
}

Money GuiHarness::companyBalance() const
{
    auto b = CompanyService(*m_verify).balance();
    return b ? *b : Money::fromCents(-1);
}

QString GuiHarness::companyBalanceText() const
{
    auto* label = m_window->findChild<QLabel*>(QStringLiteral("companyBalanceLabel"));
    return label ? label->text() : QString();
}

QString GuiHarness::statusText() const
{
    return m_window->statusBar()->currentMessage();
}

int runGuiTest(int argc, char** argv, const QString& applicationName,
               const std::function<int(int, char**)>& run)
{
    QTemporaryDir platformDir;
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.isEmpty() || platform == "offscreen") {
        const QString config = platformDir.filePath(QStringLiteral("screen.json"));
        QFile f(config);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(
                R"({"screens":[{"name":"ci","x":0,"y":0,"width":1280,"height":900,"logicalDpi":96}]})");
            f.close();
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
        }
    }
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = platformDir.filePath(QStringLiteral("runtime"));
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationName(applicationName);
    return run(argc, argv);
}

} // namespace sb::test
