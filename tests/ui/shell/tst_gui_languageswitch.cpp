// A language switched at runtime changes everything at once: every page, header, chart, tool
// tip, menu and open dialog of a window switched en → nb → pl → fr → nl → en reads exactly as
// a window built in that language from the start, over the same account, page and selection.
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "tests/support/DialogActions.h"
#include "tests/support/GuiHarness.h"
#include "ui/calls/ImportCallsDialog.h"
#include "ui/charts/DashboardCharts.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/WelcomeDialog.h"
#include "ui/widgets/LanguageManager.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSet>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QTextStream>
#include <QTimer>
#include <QWizard>
#include <QWizardPage>

#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QValueAxis>

#include <functional>
#include <memory>
#include <utility>

using namespace sb;

namespace {

using test::DialogAction;
using test::kDialogs;

/// Path → text: what a person sees or hears, keyed so that two windows built alike match.
using Snapshot = QMap<QString, QString>;

// A stable name for an object among its siblings: its objectName, else its class and its
// place among the siblings of that class.
QString step(const QObject* o)
{
    if (!o->objectName().isEmpty() && !o->objectName().startsWith(QLatin1String("qt_")))
        return o->objectName();
    const QObject* parent = o->parent();
    int index = 0;
    if (parent) {
        for (const QObject* sibling : parent->children()) {
            if (sibling == o)
                break;
            if (sibling->metaObject() == o->metaObject() &&
                (sibling->objectName().isEmpty() || sibling->objectName() == o->objectName()))
                ++index;
        }
    }
    return QStringLiteral("%1#%2")
        .arg(QString::fromLatin1(o->metaObject()->className()))
        .arg(index);
}

QString pathOf(const QObject* o, const QObject* top)
{
    QStringList steps;
    for (; o && o != top; o = o->parent())
        steps.prepend(step(o));
    return steps.join(QLatin1Char('/'));
}

void put(Snapshot& s, const QString& key, const QString& text)
{
    if (!text.isEmpty())
        s.insert(key, text);
}

void modelTexts(Snapshot& s, const QString& key, const QAbstractItemModel* model, int rows)
{
    if (!model)
        return;
    const int columns = model->columnCount();
    for (int c = 0; c < columns; ++c) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
            put(s, QStringLiteral("%1/header%2/%3").arg(key).arg(c).arg(role),
                model->headerData(c, Qt::Horizontal, role).toString());
    }
    const int n = std::min(model->rowCount(), rows);
    for (int r = 0; r < n; ++r) {
        for (int c = 0; c < std::max(columns, 1); ++c) {
            const QModelIndex index = model->index(r, c);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole),
                             int(Qt::AccessibleTextRole), int(Qt::AccessibleDescriptionRole)})
                put(s, QStringLiteral("%1/cell%2,%3/%4").arg(key).arg(r).arg(c).arg(role),
                    model->data(index, role).toString());
        }
    }
}

void actionTexts(Snapshot& s, const QString& key, const QAction* a)
{
    if (a->isSeparator())
        return;
    put(s, key + QStringLiteral("/text"), a->text());
    put(s, key + QStringLiteral("/toolTip"), a->toolTip());
    put(s, key + QStringLiteral("/statusTip"), a->statusTip());
    put(s, key + QStringLiteral("/whatsThis"), a->whatsThis());
    put(s, key + QStringLiteral("/iconText"), a->iconText());
    if (a->menu())
        put(s, key + QStringLiteral("/menuTitle"), a->menu()->title());
}

void chartTexts(Snapshot& s, const QString& key, QChart* chart)
{
    put(s, key + QStringLiteral("/title"), chart->title());
    const QList<QAbstractAxis*> axes = chart->axes();
    for (int i = 0; i < axes.size(); ++i) {
        QAbstractAxis* axis = axes[i];
        const QString k = QStringLiteral("%1/axis%2").arg(key).arg(i);
        put(s, k + QStringLiteral("/title"), axis->titleText());
        if (auto* bars = qobject_cast<QBarCategoryAxis*>(axis))
            put(s, k + QStringLiteral("/categories"), bars->categories().join(QLatin1Char('|')));
        if (auto* cats = qobject_cast<QCategoryAxis*>(axis))
            put(s, k + QStringLiteral("/categories"),
                cats->categoriesLabels().join(QLatin1Char('|')));
        if (auto* dates = qobject_cast<QDateTimeAxis*>(axis))
            put(s, k + QStringLiteral("/format"), dates->format());
        if (auto* values = qobject_cast<QValueAxis*>(axis))
            put(s, k + QStringLiteral("/format"), values->labelFormat());
    }
    const QList<QAbstractSeries*> series = chart->series();
    for (int i = 0; i < series.size(); ++i) {
        put(s, QStringLiteral("%1/series%2").arg(key).arg(i), series[i]->name());
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(series[i])) {
            const QList<QBarSet*> sets = bars->barSets();
            for (int j = 0; j < sets.size(); ++j)
                put(s, QStringLiteral("%1/series%2/set%3").arg(key).arg(i).arg(j),
                    sets[j]->label());
        }
    }
    if (chart->legend()) {
        const QList<QLegendMarker*> markers = chart->legend()->markers();
        for (int i = 0; i < markers.size(); ++i)
            put(s, QStringLiteral("%1/legend%2").arg(key).arg(i), markers[i]->label());
    }
}

// A wizard's button out of sight: QWizard gives it Qt's text when it makes it and the page's
// own text when it shows it (the SIP profile's "Create profile" on the commit page), so the
// text it holds hidden is never read.
bool hiddenWizardButton(QAbstractButton* button)
{
    auto* wizard = qobject_cast<QWizard*>(button->window());
    if (!wizard || button->isVisibleTo(wizard))
        return false;
    for (auto which : {QWizard::CommitButton, QWizard::FinishButton, QWizard::NextButton,
                       QWizard::BackButton, QWizard::CancelButton, QWizard::HelpButton})
        if (wizard->button(which) == button)
            return true;
    return false;
}

// A wizard page out of sight is filled again when it is shown, forward or back
// (BuyNumbersWizard::showPageData): what it holds meanwhile is never read.
bool onOtherWizardPage(const QWidget* w)
{
    for (const QWidget* p = w; p; p = p->parentWidget()) {
        if (auto* page = qobject_cast<const QWizardPage*>(p)) {
            auto* wizard = qobject_cast<const QWizard*>(page->window());
            return wizard && wizard->currentPage() != page;
        }
    }
    return false;
}

// Everything a person reads in `top` that is visible: texts, tool tips, accessible names,
// headers and the first rows of every view, chart texts; and every action of `top` (menus,
// tool bar, pages' actions), visible or not.
Snapshot snapshot(QWidget* top, int rows = 4)
{
    Snapshot s;
    put(s, QStringLiteral("windowTitle"), top->windowTitle());
    QList<QWidget*> widgets = top->findChildren<QWidget*>();
    widgets.prepend(top);
    for (QWidget* w : std::as_const(widgets)) {
        // Hidden ones too (another tab, an empty state, a page's other panel): they show
        // later without another language event. Not another window's (a dialog kept).
        if (w != top && w->window() != top)
            continue;
        if (qobject_cast<QMenu*>(w) || onOtherWizardPage(w))
            continue;
        // A hidden widget's key starts with "~": compared where both windows filled it (a
        // fresh window may never fill what it does not show, such as the first steps).
        const QString key = w == top              ? QStringLiteral(".")
                            : w->isVisibleTo(top) ? pathOf(w, top)
                                                  : QLatin1Char('~') + pathOf(w, top);
        put(s, key + QStringLiteral("/toolTip"), w->toolTip());
        put(s, key + QStringLiteral("/whatsThis"), w->whatsThis());
        put(s, key + QStringLiteral("/statusTip"), w->statusTip());
        put(s, key + QStringLiteral("/accessibleName"), w->accessibleName());
        put(s, key + QStringLiteral("/accessibleDescription"), w->accessibleDescription());
        if (auto* label = qobject_cast<QLabel*>(w)) {
            put(s, key + QStringLiteral("/text"), label->text());
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            if (!hiddenWizardButton(button))
                put(s, key + QStringLiteral("/text"), button->text());
        } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
            put(s, key + QStringLiteral("/placeholder"), edit->placeholderText());
            if (edit->isReadOnly())
                put(s, key + QStringLiteral("/text"), edit->text());
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            QStringList items;
            for (int i = 0; i < combo->count(); ++i)
                items << combo->itemText(i);
            put(s, key + QStringLiteral("/items"), items.join(QLatin1Char('|')));
            put(s, key + QStringLiteral("/current"), combo->currentText());
            put(s, key + QStringLiteral("/placeholder"), combo->placeholderText());
        } else if (auto* group = qobject_cast<QGroupBox*>(w)) {
            put(s, key + QStringLiteral("/title"), group->title());
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                put(s, QStringLiteral("%1/tab%2").arg(key).arg(i), tabs->tabText(i));
                put(s, QStringLiteral("%1/tabToolTip%2").arg(key).arg(i), tabs->tabToolTip(i));
            }
        } else if (auto* spin = qobject_cast<QAbstractSpinBox*>(w)) {
            put(s, key + QStringLiteral("/text"), spin->text());
            put(s, key + QStringLiteral("/special"), spin->specialValueText());
        } else if (auto* text = qobject_cast<QTextEdit*>(w)) {
            put(s, key + QStringLiteral("/placeholder"), text->placeholderText());
            if (text->isReadOnly())
                put(s, key + QStringLiteral("/text"), text->toPlainText());
        } else if (auto* plain = qobject_cast<QPlainTextEdit*>(w)) {
            put(s, key + QStringLiteral("/placeholder"), plain->placeholderText());
            if (plain->isReadOnly())
                put(s, key + QStringLiteral("/text"), plain->toPlainText());
        } else if (auto* chartView = qobject_cast<QChartView*>(w)) {
            if (chartView->chart())
                chartTexts(s, key + QStringLiteral("/chart"), chartView->chart());
        } else if (auto* wizard = qobject_cast<QWizard*>(w)) {
            if (QWizardPage* page = wizard->currentPage()) {
                put(s, key + QStringLiteral("/pageTitle"), page->title());
                put(s, key + QStringLiteral("/pageSubTitle"), page->subTitle());
            }
        }
        if (auto* view = qobject_cast<QAbstractItemView*>(w)) {
            if (!qobject_cast<QHeaderView*>(w))
                modelTexts(s, key + QStringLiteral("/model"), view->model(), rows);
        }
        for (const QAction* a : w->actions())
            actionTexts(s, QStringLiteral("%1/action:%2").arg(key, step(a)), a);
    }
    // Every action of the window, with the menus' titles: what its menus and tool bar show.
    for (const QAction* a : top->findChildren<QAction*>())
        actionTexts(s, QStringLiteral("action:%1").arg(pathOf(a, top)), a);
    for (const QMenu* m : top->findChildren<QMenu*>())
        put(s, QStringLiteral("menu:%1/title").arg(pathOf(m, top)), m->title());
    return s;
}

QStringList differences(const Snapshot& got, const Snapshot& want, const QString& where)
{
    QStringList found;
    QSet<QString> keys;
    for (auto it = want.begin(); it != want.end(); ++it)
        keys.insert(it.key());
    for (auto it = got.begin(); it != got.end(); ++it)
        keys.insert(it.key());
    QStringList sorted = keys.values();
    sorted.sort();
    for (const QString& key : std::as_const(sorted)) {
        const QString a = got.value(key);
        const QString b = want.value(key);
        if (key.startsWith(QLatin1Char('~')) && (a.isEmpty() || b.isEmpty()))
            continue;
        if (a != b)
            found << QStringLiteral("%1 %2: \"%3\", built in the language: \"%4\"")
                         .arg(where, key, a.left(160), b.left(160));
    }
    return found;
}

// For review: $SWITCHBOARD_SNAPSHOT_DUMP names a file that gets every text read.
void dump(const QString& where, const Snapshot& s)
{
    const QString name = qEnvironmentVariable("SWITCHBOARD_SNAPSHOT_DUMP");
    if (name.isEmpty())
        return;
    QFile file(name);
    if (!file.open(QIODevice::Append | QIODevice::Text))
        return;
    QTextStream out(&file);
    for (auto it = s.cbegin(); it != s.cend(); ++it)
        out << where << ' ' << it.key() << " = " << it.value() << '\n';
}

void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

// The charts read in the background: a snapshot waits for what they show.
void waitForCharts(QWidget* top)
{
    for (ui::DashboardCharts* charts : top->findChildren<ui::DashboardCharts*>())
        if (!QTest::qWaitFor([charts] { return !charts->isLoading(); }, 10000))
            qWarning("the charts are still reading");
    settle();
}

// An amount a dialog refuses, so that its inline message is part of what is compared; a
// wizard one page on, where its first page lets it.
void provokeHint(QWidget* dialog)
{
    if (auto* wizard = qobject_cast<QWizard*>(dialog)) {
        QAbstractButton* next = wizard->button(QWizard::NextButton);
        if (next && next->isVisible() && next->isEnabled()) {
            wizard->next();
            settle();
        }
    }
    if (auto* amount = dialog->findChild<QLineEdit*>(QStringLiteral("amountEdit"))) {
        amount->setFocus();
        amount->selectAll();
        QTest::keyClicks(amount, QStringLiteral("-5"));
        settle();
    }
}

void selectFirstRow(QWidget* page)
{
    for (QTableView* view : page->findChildren<QTableView*>()) {
        if (view->isVisible() && view->model() && view->model()->rowCount() > 0) {
            view->selectRow(0);
            return;
        }
    }
}

// The models of a window's views, watched across a switch: one whose header or cells read
// differently afterwards must have said so, or its view keeps showing (and sizing for) the
// old texts until something else repaints it.
class ModelWatch
{
public:
    explicit ModelWatch(QWidget* top)
    {
        for (QAbstractItemView* view : top->findChildren<QAbstractItemView*>()) {
            QAbstractItemModel* model = view->model();
            if (!model || qobject_cast<QHeaderView*>(view) || m_models.contains(model))
                continue;
            Watched w;
            w.model = model;
            w.name = pathOf(view, top);
            w.before = texts(model);
            m_models.insert(model, w);
            Watched* watched = &m_models[model];
            m_connections << QObject::connect(model, &QAbstractItemModel::headerDataChanged,
                                              [watched](Qt::Orientation o, int, int) {
                                                  if (o == Qt::Horizontal)
                                                      watched->headerSaid = true;
                                              });
            m_connections << QObject::connect(model, &QAbstractItemModel::dataChanged,
                                              [watched] { watched->dataSaid = true; });
            m_connections << QObject::connect(model, &QAbstractItemModel::modelReset, [watched] {
                watched->headerSaid = true;
                watched->dataSaid = true;
            });
            m_connections << QObject::connect(model, &QAbstractItemModel::layoutChanged, [watched] {
                watched->headerSaid = true;
                watched->dataSaid = true;
            });
        }
    }
    ~ModelWatch()
    {
        for (const auto& c : std::as_const(m_connections))
            QObject::disconnect(c);
    }
    QStringList silent(const QString& where) const
    {
        QStringList found;
        for (const Watched& w : m_models) {
            const Snapshot after = texts(w.model);
            bool headerChanged = false;
            bool dataChanged = false;
            for (auto it = after.begin(); it != after.end(); ++it) {
                if (w.before.value(it.key()) == it.value())
                    continue;
                (it.key().startsWith(QLatin1String("/header")) ? headerChanged : dataChanged) =
                    true;
            }
            if (headerChanged && !w.headerSaid)
                found << QStringLiteral("%1: the model of %2 changed its header texts without "
                                        "headerDataChanged")
                             .arg(where, w.name);
            if (dataChanged && !w.dataSaid)
                found << QStringLiteral("%1: the model of %2 changed its cells' texts without "
                                        "dataChanged")
                             .arg(where, w.name);
        }
        return found;
    }

private:
    struct Watched
    {
        QAbstractItemModel* model = nullptr;
        QString name;
        Snapshot before;
        bool headerSaid = false;
        bool dataSaid = false;
    };
    static Snapshot texts(const QAbstractItemModel* model)
    {
        Snapshot s;
        modelTexts(s, QString(), model, 4);
        return s;
    }
    QMap<QAbstractItemModel*, Watched> m_models;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace

class TestGuiLanguageSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void emptyAccount();
    void everyPageAsIfBuiltInTheLanguage();
    void openDialogsFollow();
    void dialogsBuiltDirectly();

private:
    void fillDemo();
    bool m_filled = false;
    /// A second window over the same database, built in the language now in force.
    std::unique_ptr<ui::MainWindow> freshWindow();
    /// Every page of `w`, shown with its first row selected.
    QMap<QString, Snapshot> pages(ui::MainWindow* w);
    /// Switches through the Settings page's language combo, as a person does.
    void switchBySettings(const QString& code);
    void switchTo(const QString& code);
    QStringList compareWithFresh(const QString& code);
    test::GuiHarness m_gui;
    QMap<QString, Snapshot> m_english;
};

void TestGuiLanguageSwitch::initTestCase()
{
    const QString problem = m_gui.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_gui.window()->resize(1280, 800);
    settle();
}

void TestGuiLanguageSwitch::emptyAccount()
{
    // What only a new account shows: the first steps, the empty tables' explanations.
    QStringList found;
    {
        ModelWatch watch(m_gui.window());
        switchTo(QStringLiteral("pl"));
        found << watch.silent(QStringLiteral("en → pl (empty)"));
    }
    found << compareWithFresh(QStringLiteral("pl"));
    switchTo(QStringLiteral("en"));
    for (const QString& f : std::as_const(found))
        qWarning("%s", qPrintable(f));
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 differences (listed above)").arg(found.size())));
}

void TestGuiLanguageSwitch::fillDemo()
{
    if (std::exchange(m_filled, true))
        return;
    const QString problem = m_gui.fillDemo(40, 3, 20, 300);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    settle();
}

void TestGuiLanguageSwitch::cleanupTestCase()
{
    ui::LanguageManager::instance()->apply(QStringLiteral("en"), false);
    m_gui.tearDown();
}

std::unique_ptr<ui::MainWindow> TestGuiLanguageSwitch::freshWindow()
{
    auto opened = Database::open(m_gui.database().spec());
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return {};
    }
    ui::MainWindowOptions options;
    options.showWelcome = false;
    options.restoreSettings = false;
    options.saveSettings = false;
    options.runBilling = false;
    options.followOtherAdmins = false;
    options.startPage = QStringLiteral("members");
    auto w = std::make_unique<ui::MainWindow>(
        Context{*opened, m_gui.clock(), QStringLiteral("admin")}, options);
    w->resize(m_gui.window()->size());
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return {};
    w->buildAllPages();
    settle();
    return w;
}

QMap<QString, Snapshot> TestGuiLanguageSwitch::pages(ui::MainWindow* w)
{
    QMap<QString, Snapshot> shots;
    for (const QString& page : ui::MainWindow::pageNames()) {
        w->showPage(page);
        settle();
        selectFirstRow(w->page(w->currentPage()));
        waitForCharts(w);
        Snapshot s = snapshot(w);
        // What differs between two windows whatever the language: news of the moment.
        s.remove(QStringLiteral("windowTitle"));
        dump(page, s);
        shots.insert(page, s);
    }
    return shots;
}

void TestGuiLanguageSwitch::switchBySettings(const QString& code)
{
    ui::MainWindow* w = m_gui.window();
    w->showPage(QStringLiteral("settings"));
    auto* combo = w->findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    const int index = combo->findData(code);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
    settle();
    QCOMPARE(ui::LanguageManager::instance()->current(), code);
}

void TestGuiLanguageSwitch::switchTo(const QString& code)
{
    QVERIFY(ui::LanguageManager::instance()->apply(code, false));
    settle();
}

QStringList TestGuiLanguageSwitch::compareWithFresh(const QString& code)
{
    QStringList found;
    const QMap<QString, Snapshot> switched = pages(m_gui.window());
    std::unique_ptr<ui::MainWindow> fresh = freshWindow();
    if (!fresh)
        return {QStringLiteral("%1: no second window").arg(code)};
    const QMap<QString, Snapshot> built = pages(fresh.get());
    for (const QString& page : ui::MainWindow::pageNames())
        found << differences(switched.value(page), built.value(page),
                             QStringLiteral("%1 page %2").arg(code, page));
    return found;
}

void TestGuiLanguageSwitch::everyPageAsIfBuiltInTheLanguage()
{
    fillDemo();
    if (QTest::currentTestFailed())
        return;
    ui::MainWindow* w = m_gui.window();
    m_english = pages(w);
    QVERIFY(m_english.value(QStringLiteral("members")).size() > 20);
    QStringList found;
    {
        // A first look that the comparison sees anything: an English window built now reads
        // as the one that has been open all along.
        std::unique_ptr<ui::MainWindow> fresh = freshWindow();
        QVERIFY(fresh);
        const QMap<QString, Snapshot> built = pages(fresh.get());
        for (const QString& page : ui::MainWindow::pageNames())
            found << differences(m_english.value(page), built.value(page),
                                 QStringLiteral("en (before any switch) page %1").arg(page));
    }
    {
        ModelWatch watch(w);
        switchBySettings(QStringLiteral("nb"));
        found << watch.silent(QStringLiteral("en → nb"));
    }
    // Norwegian texts indeed: the switch happened.
    QVERIFY(
        differences(snapshot(w), m_english.value(QStringLiteral("settings")), QString()).size() >
        20);
    found << compareWithFresh(QStringLiteral("nb"));
    // The others through LanguageManager::apply, as the combo does.
    QString from = QStringLiteral("nb");
    for (const QString& code : {QStringLiteral("pl"), QStringLiteral("fr"), QStringLiteral("nl")}) {
        {
            ModelWatch watch(w);
            switchTo(code);
            found << watch.silent(QStringLiteral("%1 → %2").arg(from, code));
        }
        found << compareWithFresh(code);
        from = code;
    }
    {
        ModelWatch watch(w);
        switchBySettings(QStringLiteral("en"));
        found << watch.silent(QStringLiteral("%1 → en").arg(from));
    }
    const QMap<QString, Snapshot> back = pages(w);
    for (const QString& page : ui::MainWindow::pageNames())
        found << differences(back.value(page), m_english.value(page),
                             QStringLiteral("back in en page %1").arg(page));
    found.removeDuplicates();
    for (const QString& f : std::as_const(found))
        qWarning("%s", qPrintable(f));
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 differences (listed above)").arg(found.size())));
}

void TestGuiLanguageSwitch::openDialogsFollow()
{
    fillDemo();
    ui::MainWindow* w = m_gui.window();
    switchTo(QStringLiteral("en"));
    QStringList found;
    int opened = 0;
    int index = 0;
    for (const DialogAction& d : kDialogs) {
        // Norwegian and Polish by turns: each dialog sees one switch there and one back.
        const QString code = (index++ % 2) ? QStringLiteral("pl") : QStringLiteral("nb");
        const QString where = QStringLiteral("%1 %2").arg(QString::fromLatin1(d.action), code);
        w->showPage(QString::fromLatin1(d.page));
        settle();
        selectFirstRow(w->page(w->currentPage()));
        settle();
        auto* action = w->findChild<QAction*>(QString::fromLatin1(d.action));
        if (!action) {
            found << QStringLiteral("%1: no such action").arg(where);
            continue;
        }
        if (!action->isEnabled())
            continue;
        // Opened in English, switched while open, switched back.
        Snapshot english;
        Snapshot switched;
        Snapshot back;
        QStringList silent;
        bool fileDialog = false;
        QTimer::singleShot(0, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            settle();
            provokeHint(modal);
            english = snapshot(modal, 3);
            // Qt's own file dialog is asked for a file with its caption and filters, and is
            // modal: no switch in Settings can happen while it is open.
            fileDialog = qobject_cast<QFileDialog*>(modal) != nullptr;
            {
                ModelWatch watch(modal);
                ui::LanguageManager::instance()->apply(code, false);
                settle();
                silent << watch.silent(where);
            }
            switched = snapshot(modal, 3);
            ui::LanguageManager::instance()->apply(QStringLiteral("en"), false);
            settle();
            back = snapshot(modal, 3);
            if (auto* dialog = qobject_cast<QDialog*>(modal))
                dialog->reject();
            else
                modal->close();
        });
        action->trigger();
        m_gui.closeModals();
        settle();
        if (english.isEmpty()) {
            found << QStringLiteral("%1: opened no dialog").arg(where);
            continue;
        }
        ++opened;
        if (fileDialog)
            switched.clear();
        else
            found << silent;
        if (!fileDialog)
            found << differences(back, english, where + QStringLiteral(" (back in en)"));
        // The same dialog opened in the language.
        switchTo(code);
        Snapshot fresh;
        QTimer::singleShot(0, this, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            settle();
            provokeHint(modal);
            fresh = snapshot(modal, 3);
            dump(where, fresh);
            if (auto* dialog = qobject_cast<QDialog*>(modal))
                dialog->reject();
            else
                modal->close();
        });
        action->trigger();
        m_gui.closeModals();
        switchTo(QStringLiteral("en"));
        if (!fileDialog)
            found << differences(switched, fresh, where);
        else if (fresh.value(QStringLiteral("windowTitle")) ==
                 english.value(QStringLiteral("windowTitle")))
            found << QStringLiteral("%1: the file dialog's title is not translated").arg(where);
    }
    found.removeDuplicates();
    for (const QString& f : std::as_const(found))
        qWarning("%s", qPrintable(f));
    QVERIFY2(opened >= int(std::size(kDialogs)) - 2,
             qPrintable(QStringLiteral("only %1 dialogs opened").arg(opened)));
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 differences (listed above)").arg(found.size())));
}

void TestGuiLanguageSwitch::dialogsBuiltDirectly()
{
    // The dialogs no action of kDialogs reaches in a test: the import's options (after Qt's
    // file dialog) and the welcome (an empty account at start).
    const std::function<QDialog*()> makers[] = {
        [this] { return new ui::ImportCallsDialog(QStringLiteral("Master.csv"), m_gui.window()); },
        [this] { return new ui::WelcomeDialog(m_gui.window()); },
    };
    switchTo(QStringLiteral("en"));
    QStringList found;
    for (const auto& make : makers) {
        std::unique_ptr<QDialog> dialog(make());
        dialog->show();
        settle();
        const QString where = dialog->objectName();
        const Snapshot english = snapshot(dialog.get(), 3);
        switchTo(QStringLiteral("nl"));
        const Snapshot switched = snapshot(dialog.get(), 3);
        std::unique_ptr<QDialog> fresh(make());
        fresh->show();
        settle();
        found << differences(switched, snapshot(fresh.get(), 3), where + QStringLiteral(" nl"));
        fresh.reset();
        switchTo(QStringLiteral("en"));
        found << differences(snapshot(dialog.get(), 3), english,
                             where + QStringLiteral(" (back in en)"));
        QVERIFY(english != switched);
    }
    for (const QString& f : std::as_const(found))
        qWarning("%s", qPrintable(f));
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 differences (listed above)").arg(found.size())));
}

SB_GUI_TEST_MAIN(TestGuiLanguageSwitch, "tst_gui_languageswitch")
#include "tst_gui_languageswitch.moc"
