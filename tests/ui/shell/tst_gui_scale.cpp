// The window over a big database: it must open at once and search as you type must not
// stall. Opt-in, since filling 100,000 members takes a while:
//   switchboardctl --database /tmp/big.sqlite demo --members 100000
//   SWITCHBOARD_SCALE_DATABASE=/tmp/big.sqlite ctest -R tst_gui_scale -V
#include "core/base/FixedClock.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "models/members/MembersModel.h"
#include "ui/members/MembersPage.h"
#include "ui/shell/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;

class TestGuiScale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensAtOnceAndSearchesAsYouType();

private:
    QString m_spec;
};

void TestGuiScale::initTestCase()
{
    m_spec = qEnvironmentVariable("SWITCHBOARD_SCALE_DATABASE");
    if (m_spec.isEmpty())
        QSKIP("set SWITCHBOARD_SCALE_DATABASE to a database with many members");
    QStandardPaths::setTestModeEnabled(true);
}

void TestGuiScale::opensAtOnceAndSearchesAsYouType()
{
    FixedClock clock(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
    QElapsedTimer t;
    t.start();
    auto db = Database::open(m_spec);
    QVERIFY(db.ok());
    const qint64 opened = t.elapsed();
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.restoreSettings = false;
    ui::MainWindow window(Context{*db, &clock, QStringLiteral("scale")}, options);
    window.showPage(QStringLiteral("members"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents(); // the first paint and the billing run at start
    const qint64 shown = t.elapsed();
    MembersModel* model = window.membersPage()->model();
    qInfo("%lld members: database open %lld ms, window shown with the first page %lld ms",
          model->totalCount(), opened, shown);
    QVERIFY(model->totalCount() > 10000);
    QCOMPARE(model->rowCount(), MembersModel::PageSize);
    QVERIFY(shown < 1500);

    // Type a name letter by letter, as fast as a person types: the debounce runs one search.
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("membersSearch"));
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    t.restart();
    qint64 worstKey = 0;
    for (QChar c : QStringLiteral("kari.nor")) {
        QElapsedTimer k;
        k.start();
        QTest::keyClick(search, c.toLatin1());
        worstKey = qMax(worstKey, k.elapsed());
        QTest::qWait(60);
    }
    QTRY_VERIFY(reset.size() >= 1);
    const qint64 untilResults = t.elapsed();
    qInfo("typed 8 keys 60 ms apart: longest key %lld ms, results %lld ms after the first key, "
          "%lld search(es), "
          "%lld found",
          worstKey, untilResults, qint64(reset.size()), model->totalCount());
    QVERIFY(worstKey < 100);
    QCOMPARE(reset.size(), 1);

    // One search on its own, from the key to the rows.
    search->clear();
    QTRY_COMPARE(model->rowCount(), MembersModel::PageSize);
    reset.clear();
    t.restart();
    QTest::keyClicks(search, QStringLiteral("zz-nobody"));
    QTRY_COMPARE(reset.size(), 1);
    qInfo("search with no match (a full scan): %lld ms from typing to result, 150 ms of it the "
          "debounce",
          t.elapsed());

    // Scrolling to the end of what is fetched fetches the next page, not the whole table.
    search->clear();
    QTRY_COMPARE(model->rowCount(), MembersModel::PageSize);
    QTableView* table = window.membersPage()->table();
    t.restart();
    table->scrollToBottom();
    QTRY_COMPARE(model->rowCount(), 2 * MembersModel::PageSize);
    qInfo("scrolled to the bottom: the next page in %lld ms", t.elapsed());
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir runtime;
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        QFile::setPermissions(runtime.path(),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationName(QStringLiteral("switchboard-tst_gui_scale"));
    TestGuiScale test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_scale.moc"
