// Qt's own texts in every language of the window (issue 13): the line edit's context menu,
// a wizard's and a dialog's standard buttons, a message box, a (non-native) file dialog and
// the print dialog read the language chosen, not English. Norwegian bokmål comes from the project's
// own qtbase_nb.qm (Debian ships none); French, Dutch and Polish from the system's.

#include "tests/support/GuiHarness.h"

#include "ui/widgets/LanguageManager.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWizard>

#include <memory>

using namespace sb;

namespace {

/// A text as a reader sees it: no accelerator marks, no shortcut after the tab.
QString plain(QString text)
{
    const qsizetype tab = text.indexOf(QLatin1Char('\t'));
    if (tab >= 0)
        text.truncate(tab);
    text.remove(QLatin1Char('&'));
    return text.trimmed();
}

/// Words that are the same in English and in a language: "OK" in all four, "Type" in
/// Norwegian, French and Dutch, "Options" in French, "Help" in Dutch. Compared without a
/// trailing colon or arrows ("Type:", "Options >>").
bool sameInLanguage(const QString& code, QString word)
{
    word.remove(QRegularExpression(QStringLiteral("(:| >>| <<)$")));
    static const QHash<QString, QStringList> same = {
        {QStringLiteral("nb"), {QStringLiteral("OK"), QStringLiteral("Type")}},
        {QStringLiteral("fr"),
         {QStringLiteral("OK"), QStringLiteral("Type"), QStringLiteral("Options")}},
        {QStringLiteral("nl"),
         {QStringLiteral("OK"), QStringLiteral("Type"), QStringLiteral("Help")}},
        {QStringLiteral("pl"), {QStringLiteral("OK")}},
    };
    return same.value(code).contains(word);
}

/// The English texts found among `texts` (accelerators and shortcuts ignored).
QStringList english(const QStringList& texts, const QSet<QString>& englishSources)
{
    QFETCH(QString, code);
    QStringList found;
    for (const QString& text : texts) {
        const QString p = plain(text);
        if (englishSources.contains(p) && !sameInLanguage(code, p))
            found << p;
    }
    return found;
}

/// The accelerator letters used more than once among `texts` (case folded).
QStringList clashingAccelerators(const QStringList& texts)
{
    QHash<QChar, int> uses;
    for (const QString& text : texts) {
        const QString label = text.left(text.indexOf(QLatin1Char('\t')));
        for (qsizetype i = label.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < label.size();
             i = label.indexOf(QLatin1Char('&'), i + 2)) {
            if (label[i + 1] != QLatin1Char('&')) {
                ++uses[label[i + 1].toLower()];
                break;
            }
        }
    }
    QStringList clashes;
    for (auto it = uses.cbegin(); it != uses.cend(); ++it)
        if (it.value() > 1)
            clashes << QString(it.key());
    return clashes;
}

void collectActions(const QMenu* menu, QStringList& texts)
{
    for (QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        texts << action->text();
        if (action->menu())
            collectActions(action->menu(), texts);
    }
}

/// Every text a reader of `root` can see: labels, buttons and their tool tips, header
/// sections, combo box items, of the widgets visible in it.
QStringList visibleTexts(QWidget* root)
{
    QStringList texts;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root))
            continue;
        if (!w->toolTip().isEmpty())
            texts << w->toolTip();
        if (auto* label = qobject_cast<QLabel*>(w))
            texts << label->text();
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            texts << button->text();
        else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        } else if (auto* header = qobject_cast<QHeaderView*>(w)) {
            if (header->model()) {
                for (int s = 0; s < header->count(); ++s)
                    if (!header->isSectionHidden(s))
                        texts << header->model()
                                     ->headerData(s, header->orientation(), Qt::DisplayRole)
                                     .toString();
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

QSet<QString> set(std::initializer_list<const char*> words)
{
    QSet<QString> s;
    for (const char* w : words)
        s.insert(QString::fromUtf8(w));
    return s;
}

} // namespace

class TestGuiQtTexts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void catalogueFound_data() { languages(); }
    void catalogueFound();
    void lineEditMenu_data() { languages(); }
    void lineEditMenu();
    void wizardButtons_data() { languages(); }
    void wizardButtons();
    void dialogButtons_data() { languages(); }
    void dialogButtons();
    void messageBox_data() { languages(); }
    void messageBox();
    void fileDialog_data() { languages(); }
    void fileDialog();
    void printDialog_data() { languages(); }
    void printDialog();
    void englishStaysEnglish();

private:
    static void languages();
    /// Switches the window's language to the row's code.
    static void useLanguage();
};

void TestGuiQtTexts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestGuiQtTexts::cleanupTestCase()
{
    ui::LanguageManager::instance()->apply(QStringLiteral("en"), false);
}

void TestGuiQtTexts::languages()
{
    QTest::addColumn<QString>("code");
    for (const char* code : {"nb", "fr", "nl", "pl"})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void TestGuiQtTexts::useLanguage()
{
    QFETCH(QString, code);
    QVERIFY(ui::LanguageManager::instance()->apply(code, false));
}

void TestGuiQtTexts::catalogueFound()
{
    QFETCH(QString, code);
    const QStringList files = ui::LanguageManager::qtCatalogues(code);
    // The project's own for every language, over the system's (Debian's) for all but
    // Norwegian.
    QVERIFY2(files.contains(QStringLiteral(":/i18n/qtbase_%1.qm").arg(code)),
             qPrintable(files.join(QLatin1String(", "))));
    QCOMPARE(files.last(), QStringLiteral(":/i18n/qtbase_%1.qm").arg(code));
    if (code != QLatin1String("nb"))
        QCOMPARE(files.size(), 2);
}

void TestGuiQtTexts::lineEditMenu()
{
    useLanguage();
    QLineEdit edit;
    edit.setText(QStringLiteral("text"));
    edit.selectAll();
    std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
    QStringList texts;
    collectActions(menu.get(), texts);
    QVERIFY2(texts.size() >= 6, qPrintable(texts.join(QLatin1String(" | "))));
    const QStringList left =
        english(texts, set({"Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All",
                            "Insert Unicode control character"}));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1String(", "))));
    // Every item of the menu reachable by its own letter.
    const QStringList clashes = clashingAccelerators(texts);
    QVERIFY2(clashes.isEmpty(), qPrintable(texts.join(QLatin1String(" | "))));
}

void TestGuiQtTexts::wizardButtons()
{
    useLanguage();
    QFETCH(QString, code);
    const QSet<QString> sources = set({"< Back", "Next >", "Next", "Commit", "Finish", "Cancel",
                                       "Help", "Go Back", "Continue", "Done"});
    for (const auto style : {QWizard::ClassicStyle, QWizard::ModernStyle}) {
        QWizard wizard;
        wizard.setWizardStyle(style);
        wizard.addPage(new QWizardPage);
        wizard.addPage(new QWizardPage);
        QStringList texts;
        for (const auto which :
             {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
              QWizard::FinishButton, QWizard::CancelButton, QWizard::HelpButton}) {
            QAbstractButton* button = wizard.button(which);
            QVERIFY(button);
            QVERIFY(!button->text().isEmpty());
            texts << button->text();
        }
        const QStringList left = english(texts, sources);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1String(", "))));
        QVERIFY2(clashingAccelerators(texts).isEmpty(),
                 qPrintable(texts.join(QLatin1String(" | "))));
        if (code == QLatin1String("nb") && style == QWizard::ClassicStyle) {
            QCOMPARE(plain(wizard.buttonText(QWizard::BackButton)), QStringLiteral("< Tilbake"));
            QCOMPARE(plain(wizard.buttonText(QWizard::NextButton)), QStringLiteral("Neste >"));
            QCOMPARE(wizard.buttonText(QWizard::CommitButton), QStringLiteral("Utfør"));
            QCOMPARE(plain(wizard.buttonText(QWizard::FinishButton)), QStringLiteral("Fullfør"));
            QCOMPARE(wizard.buttonText(QWizard::CancelButton), QStringLiteral("Avbryt"));
            wizard.resize(520, 320);
            wizard.show();
            QVERIFY(QTest::qWaitForWindowExposed(&wizard));
            test::GuiHarness::shoot(&wizard, QStringLiteral("qttexts_wizard_nb"));
            // The paying step of a wizard is a commit page: its button replaces "Next".
            wizard.page(wizard.startId())->setCommitPage(true);
            wizard.restart();
            QVERIFY(wizard.button(QWizard::CommitButton)->isVisible());
            test::GuiHarness::shoot(&wizard, QStringLiteral("qttexts_wizard_commit_nb"));
        }
    }
}

void TestGuiQtTexts::dialogButtons()
{
    useLanguage();
    QFETCH(QString, code);
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Save |
                         QDialogButtonBox::Close | QDialogButtonBox::Yes | QDialogButtonBox::No);
    QStringList texts;
    for (QAbstractButton* button : box.buttons())
        texts << button->text();
    QCOMPARE(texts.size(), 6);
    const QStringList left = english(texts, set({"OK", "Cancel", "Save", "Close", "Yes", "No"}));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1String(", "))));
    if (code == QLatin1String("nb")) {
        QCOMPARE(plain(box.button(QDialogButtonBox::Cancel)->text()), QStringLiteral("Avbryt"));
        QCOMPARE(plain(box.button(QDialogButtonBox::Save)->text()), QStringLiteral("Lagre"));
        QCOMPARE(plain(box.button(QDialogButtonBox::Close)->text()), QStringLiteral("Lukk"));
        QCOMPARE(plain(box.button(QDialogButtonBox::Yes)->text()), QStringLiteral("Ja"));
        QCOMPARE(plain(box.button(QDialogButtonBox::No)->text()), QStringLiteral("Nei"));
    }
}

void TestGuiQtTexts::messageBox()
{
    useLanguage();
    QMessageBox box;
    box.setText(QStringLiteral("?"));
    box.setStandardButtons(QMessageBox::Yes | QMessageBox::No);
    const QStringList texts = {box.button(QMessageBox::Yes)->text(),
                               box.button(QMessageBox::No)->text()};
    const QStringList left = english(texts, set({"Yes", "No"}));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1String(", "))));
}

void TestGuiQtTexts::fileDialog()
{
    useLanguage();
    QFETCH(QString, code);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("statements")));
    QFile file(dir.filePath(QStringLiteral("members.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name\n");
    file.close();

    const QSet<QString> sources = set({"Look in:",
                                       "File name:",
                                       "Files of type:",
                                       "Open",
                                       "Save",
                                       "Cancel",
                                       "Choose",
                                       "Name",
                                       "Size",
                                       "Kind",
                                       "Date Modified",
                                       "All Files (*)",
                                       "All files (*)",
                                       "Back",
                                       "Forward",
                                       "Parent Directory",
                                       "Create New Folder",
                                       "List View",
                                       "Detail View",
                                       "My Computer",
                                       "Computer",
                                       "Directory:",
                                       "Folder",
                                       "File Folder",
                                       "Sidebar",
                                       "List of places and bookmarks",
                                       "Recent Places"});
    for (const auto mode : {QFileDialog::AcceptOpen, QFileDialog::AcceptSave}) {
        QFileDialog dialog(nullptr, QString(), dir.path());
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.setAcceptMode(mode);
        dialog.setViewMode(QFileDialog::Detail);
        dialog.resize(760, 460);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The directory is read in a thread; its rows (with their "Folder"/"csv File" types)
        // arrive as events.
        QTRY_VERIFY(!dialog.findChildren<QHeaderView*>().isEmpty());
        auto* tree = dialog.findChild<QTreeView*>(QStringLiteral("treeView"));
        QVERIFY(tree);
        QTRY_COMPARE(tree->model()->rowCount(tree->rootIndex()), 2);
        QStringList texts = visibleTexts(&dialog);
        // The cells of the list too: a folder's type is one of Qt's texts.
        for (int row = 0; row < 2; ++row)
            for (int column = 0; column < tree->model()->columnCount(tree->rootIndex()); ++column)
                texts << tree->model()->index(row, column, tree->rootIndex()).data().toString();
        QVERIFY2(texts.size() >= 8, qPrintable(texts.join(QLatin1String(" | "))));
        const QStringList left = english(texts, sources);
        QVERIFY2(left.isEmpty(),
                 qPrintable(code + QLatin1String(": ") + left.join(QLatin1String(", "))));
        if (code == QLatin1String("nb") && mode == QFileDialog::AcceptSave)
            test::GuiHarness::shoot(&dialog, QStringLiteral("qttexts_filedialog_nb"));
    }
}

void TestGuiQtTexts::printDialog()
{
    // The statement is printed through Qt's own print dialog (not the desktop's on Unix).
    useLanguage();
    QFETCH(QString, code);
    QPrinter printer;
    printer.setOutputFormat(QPrinter::PdfFormat);
    QPrintDialog dialog(&printer);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QSet<QString> sources = set({"Print",
                                       "Printer",
                                       "Name:",
                                       "Properties",
                                       "Location:",
                                       "Type:",
                                       "Output file:",
                                       "Preview",
                                       "Print range",
                                       "Print all",
                                       "Pages from",
                                       "to",
                                       "Current Page",
                                       "Selection",
                                       "Copies",
                                       "Copies:",
                                       "Collate",
                                       "Reverse",
                                       "Options",
                                       "Options >>",
                                       "Options <<",
                                       "Color Mode",
                                       "Color",
                                       "Grayscale",
                                       "Double Sided Printing",
                                       "Off",
                                       "Long side binding",
                                       "Short side binding",
                                       "Page Set:",
                                       "All Pages",
                                       "Even Pages",
                                       "Odd Pages",
                                       "Cancel",
                                       "Print to File (PDF)",
                                       "Local file",
                                       "Write PDF file",
                                       "Output Settings"});
    const QStringList texts = visibleTexts(&dialog);
    QVERIFY2(texts.size() >= 10, qPrintable(texts.join(QLatin1String(" | "))));
    const QStringList left = english(texts, sources);
    QVERIFY2(left.isEmpty(),
             qPrintable(code + QLatin1String(": ") + left.join(QLatin1String(", "))));
    if (code == QLatin1String("nb"))
        test::GuiHarness::shoot(&dialog, QStringLiteral("qttexts_printdialog_nb"));
}

void TestGuiQtTexts::englishStaysEnglish()
{
    // The other direction: in English no translator of Qt's is installed, so the catalogue
    // of the last language cannot linger.
    QVERIFY(ui::LanguageManager::instance()->apply(QStringLiteral("nb"), false));
    QVERIFY(ui::LanguageManager::instance()->apply(QStringLiteral("en"), false));
    QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Save);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
    QCOMPARE(box.button(QDialogButtonBox::Save)->text(), QStringLiteral("Save"));
}

SB_GUI_TEST_MAIN(TestGuiQtTexts, "tst_gui_qttexts")
#include "tst_gui_qttexts.moc"
