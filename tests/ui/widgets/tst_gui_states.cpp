// The state icons in the window's tables (issue 13): a member who owes shows the owed icon
// beside "owes …" on the Members page, drawn in a colour that stands out from the cell in a
// light and in a dark palette, and the cell's words and accessible text stay.
#include "core/books/Ledger.h"
#include "core/members/MemberService.h"
#include "core/storage/Transaction.h"
#include "models/base/RowState.h"
#include "models/members/MembersModel.h"
#include "tests/support/GuiHarness.h"
#include "ui/shell/MainWindow.h"
#include "ui/widgets/DarkPalette.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/StateIconDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QImage>
#include <QPalette>
#include <QStyle>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace sb;
using ui::Icons;
using ui::StateIconDelegate;

namespace {

/// WCAG relative luminance, for a contrast ratio.
double luminance(const QColor& c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestGuiStates : public QObject
{
    Q_OBJECT

    test::GuiHarness m_gui;
    QPalette m_palette;

    QTableView* membersTable() const
    {
        return m_gui.window()->findChild<QTableView*>(QStringLiteral("membersTable"));
    }

    /// The balance cell of `account` on the Members page, scrolled into view.
    QModelIndex balanceOf(const QString& account) const
    {
        QTableView* view = membersTable();
        const QAbstractItemModel* model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, MembersModel::Balance);
            if (index.data(MembersModel::AccountRole).toString() == account) {
                view->scrollTo(index);
                return index;
            }
        }
        return {};
    }

    /// The cell as the view draws it, left of its right-aligned text: where the icon goes.
    QImage iconArea(const QModelIndex& index) const
    {
        QTableView* view = membersTable();
        const QRect cell = view->visualRect(index);
        const int side = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
        return view->viewport()
            ->grab(QRect(cell.left(), cell.top(), side + 8, cell.height()))
            .toImage()
            .convertToFormat(QImage::Format_ARGB32);
    }

    /// The pixel of `image` that differs most from `background`, as a contrast ratio.
    static double strongestContrast(const QImage& image, const QColor& background,
                                    QColor* strongest = nullptr)
    {
        double best = 1;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                const double r = contrast(c, background);
                if (r > best) {
                    best = r;
                    if (strongest)
                        *strongest = c;
                }
            }
        }
        return best;
    }

private slots:
    void initTestCase()
    {
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
        m_palette = QApplication::palette();
        const QString problem = m_gui.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // A member who owes for calls, one with nothing to show; made by another admin.
        const Context& other = m_gui.verify();
        QVERIFY(MemberService(other)
                    .add({QStringLiteral("ow.owes"), QStringLiteral("Owes"), {}, {}})
                    .ok());
        QVERIFY(MemberService(other)
                    .add({QStringLiteral("ow.fine"), QStringLiteral("Fine"), {}, {}})
                    .ok());
        const qint64 account = MemberService(other).find(QStringLiteral("ow.owes"))->accountId;
        QVERIFY(Transaction::run(other.db, [&](Transaction& tx) {
                    return Ledger(other).charge(tx, account, Money::fromCents(320),
                                                QStringLiteral("call"));
                }).ok());
        m_gui.window()->showPage(QStringLiteral("members"));
        QVERIFY(membersTable());
        QVERIFY(m_gui.triggerAction(QStringLiteral("refreshAction")));
        QTRY_VERIFY(balanceOf(QStringLiteral("ow.owes")).isValid());
    }

    void cleanupTestCase()
    {
        QApplication::setPalette(m_palette);
        m_gui.tearDown();
    }

    void owedMemberShowsTheOwedIcon()
    {
        QTableView* view = membersTable();
        const QModelIndex owes = balanceOf(QStringLiteral("ow.owes"));
        QVERIFY(owes.isValid());
        QVERIFY(qobject_cast<StateIconDelegate*>(view->itemDelegateForIndex(owes)));
        QCOMPARE(StateIconDelegate::iconState(owes), std::optional(Icons::State::Owed));
        QCOMPARE(StateIconDelegate::icon(owes).cacheKey(),
                 Icons::forState(Icons::State::Owed).cacheKey());
        // The words and what a screen reader reads stay.
        QCOMPARE(owes.data().toString(), QStringLiteral("owes 3.20"));
        QCOMPARE(owes.data(Qt::AccessibleTextRole).toString(), QStringLiteral("owes 3.20"));
        // No icon where no state applies.
        const QModelIndex fine = balanceOf(QStringLiteral("ow.fine"));
        QVERIFY(fine.isValid());
        QVERIFY(StateIconDelegate::icon(fine).isNull());
        QVERIFY(StateIconDelegate::icon(owes.siblingAtColumn(MembersModel::Name)).isNull());
        // The column is wide enough for the icon and the whole words.
        const QString text = owes.data().toString();
        const int side = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
        QVERIFY(view->columnWidth(MembersModel::Balance) >=
                view->fontMetrics().horizontalAdvance(text) + side);
    }

    void iconDrawnInBothPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void iconDrawnInBothPalettes()
    {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? sb::ui::darkPalette() : m_palette);
        QTableView* view = membersTable();
        QTRY_COMPARE(view->palette().color(QPalette::Base),
                     QApplication::palette().color(QPalette::Base));
        const QModelIndex owes = balanceOf(QStringLiteral("ow.owes"));
        const QModelIndex fine = balanceOf(QStringLiteral("ow.fine"));
        QVERIFY(owes.isValid() && fine.isValid());
        view->clearSelection();
        QApplication::processEvents();
        const QPalette palette = view->palette();
        const QColor background =
            owes.row() % 2 ? palette.color(QPalette::AlternateBase) : palette.color(QPalette::Base);
        QColor ink;
        const double owedContrast = strongestContrast(iconArea(owes), background, &ink);
        m_gui.shoot(view, dark ? QStringLiteral("states-dark") : QStringLiteral("states-light"));
        // The owed icon: red, and clear against the cell (WCAG's 3:1 for graphics).
        QVERIFY2(
            owedContrast >= 3.0,
            qPrintable(QStringLiteral("contrast %1, ink %2").arg(owedContrast).arg(ink.name())));
        QVERIFY2(ink.hslHue() < 20 || ink.hslHue() > 340, qPrintable(ink.name()));
        // The same place of a member with no state is empty.
        const QColor fineBackground =
            fine.row() % 2 ? palette.color(QPalette::AlternateBase) : palette.color(QPalette::Base);
        QVERIFY(strongestContrast(iconArea(fine), fineBackground) < 1.5);
        // Against the window's background too (a table on a Window-coloured page).
        QVERIFY(contrast(Icons::stateColor(Icons::State::Owed, palette),
                         palette.color(QPalette::Window)) >= 3.0);
    }
};

QTEST_MAIN(TestGuiStates)
#include "tst_gui_states.moc"
