#pragma once

#include "core/base/FixedClock.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"
#include "tests/support/TestDatabase.h"
#include "ui/shell/MainWindow.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QDialog;
class QLineEdit;
class QTableView;
class QWidget;

namespace sb::test {

/// What the window tests share: one MainWindow over a fresh test database and a FixedClock,
/// a second connection to check what the window wrote, and the moves of a person — trigger
/// an action by name, answer the next modal dialog, click a row, type, pick a completion.
class GuiHarness : public QObject
{
    Q_OBJECT

public:
    /// Opens the database (SQLite, or $SWITCHBOARD_GUI_ENGINE) and shows the window; with
    /// `runBilling`, the window runs the monthly billing at start as it does for a person.
    /// Returns an error message, empty on success.
    QString setUp(bool runBilling = false);
    void tearDown();

    ui::MainWindow* window() const { return m_window.get(); }
    /// Another admin's connection, for checking and for changes behind the window's back.
    const Context& verify() const { return *m_verify; }
    /// The test database the window opened.
    const TestDatabase& database() const { return *m_db; }
    FixedClock* clock() const { return m_clock.get(); }
    QString tempPath(const QString& name) const { return m_dir.filePath(name); }

    /// The action exists, is enabled, and is triggered.
    bool triggerAction(const QString& name);
    /// Arms a one-shot answer for the next modal dialog: it must be `objectName`; `answer`
    /// fills and confirms it. Whatever happens, the dialog is closed afterwards.
    void answerModal(const QString& objectName, std::function<void(QDialog*)> answer);
    /// Forgets what the last armed answer found (before each test).
    void forgetModal()
    {
        m_modalProblem.clear();
        m_modalAnswered = false;
    }
    QString modalProblem() const { return m_modalProblem; }
    bool modalAnswered() const { return m_modalAnswered; }
    /// Closes whatever modal a failed check left open.
    void closeModals();

    static void clickRow(QTableView* view, int row,
                         Qt::KeyboardModifiers modifiers = Qt::NoModifier);
    static void clickOk(QDialog* dialog);
    /// Types into the line edit `field` of `parent` as a person does (after clearing it).
    static void type(QWidget* parent, const QString& field, const QString& text);
    /// Types `prefix` into `edit`, waits for the completion list and picks the entry whose
    /// HolderCompleter::NameRole is `name`.
    static void chooseCompletion(QLineEdit* edit, const QString& prefix, const QString& name);
    /// With $SWITCHBOARD_GUI_SHOTS set to a folder, saves what the widget shows (for review).
    static void shoot(QWidget* widget, const QString& name);

    /// A demo account of this size generated into the harness's (already topped up)
    /// account behind the window's back, then every page refreshed. Returns an error
    /// message, empty on success.
    QString fillDemo(int members, int profiles, int numbers, qint64 calls);
    /// A SIP profile `name` of IP authentication (8.8.4.4, a public address) with `channels`,
    /// after `topUp` to the company, given `credit`, behind the window's back (the window
    /// is not refreshed). Returns an error message, empty on success.
    QString addProfile(const QString& name, int channels, Money topUp, Money credit = {});
    /// A member `account` who owes for one call of `seconds` to New York, imported from the
    /// PBX's Asterisk records four and a half days ago, behind the window's back (the window
    /// is not refreshed). Returns an error message, empty on success.
    QString addOwingMember(const QString& account, const QString& name, int seconds);

    Money companyBalance() const;
    QString companyBalanceText() const;
    QString statusText() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_verify;
    std::unique_ptr<ui::MainWindow> m_window;
    QString m_modalProblem;
    bool m_modalAnswered = false;
};

/// The main() of a window test: a 1280×900 offscreen screen, a private runtime directory,
/// settings of its own.
int runGuiTest(int argc, char** argv, const QString& applicationName,
               const std::function<int(int, char**)>& run);

} // namespace sb::test

#define SB_GUI_TEST_MAIN(TestClass, name)                                                          \
    int main(int argc, char** argv)                                                                \
    {                                                                                              \
        return sb::test::runGuiTest(argc, argv, QStringLiteral(name), [](int c, char** v) {        \
            TestClass test;                                                                        \
            return QTest::qExec(&test, c, v);                                                      \
        });                                                                                        \
    }
