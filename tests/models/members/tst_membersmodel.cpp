// MembersModel: lazy pages of 256 through MemberService, search and sort in SQL, roles.
#include "core/base/DisplayFormat.h"
#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/credit/CreditService.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/storage/Context.h"
#include "core/storage/Notifier.h"
#include "core/storage/Transaction.h"
#include "models/base/BalanceDisplay.h"
#include "models/base/RowState.h"
#include "models/members/MembersModel.h"
#include "tests/support/TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace sb;

class TestMembersModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void underModelTester();
    void fetchesLazilyInPages();
    void readsLaterWhenAsked();
    void searchFiltersInSql();
    void searchWithoutMatches();
    void sortsByBalanceInSql_data();
    void sortsByBalanceInSql();
    void sortIgnoresUnsortableColumn();
    void dataRoles();
    void autoRechargeColumn();
    void numbersColumn();
    void refreshAccountsKeepsRows();
    void refreshedLastRowKeepsThePosition();
    void followsTheNotifier();
    void retranslateFollowsLocale();
    void owedBalanceInWordsAndRed();
    void stateRoleOnBalance();

private:
    void fetchAll(MembersModel& model);

    static constexpr int Members = 600;
    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_ctx;
};

void TestMembersModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_db = std::make_unique<test::TestDatabase>(QStringLiteral("sqlite"));
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
    m_ctx = std::make_unique<Context>(Context{m_db->db(), m_clock.get(), QStringLiteral("tester")});
    DemoGenerator::Options options;
    options.members = Members;
    options.seed = 7;
    auto demo = DemoGenerator(*m_ctx).generate(options);
    QVERIFY2(demo.ok(), demo ? "" : qPrintable(demo.error().message));
    QCOMPARE(demo->members, Members);
}

void TestMembersModel::cleanup()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMembersModel::fetchAll(MembersModel& model)
{
    int guard = 0;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QVERIFY(++guard < 100);
    }
}

void TestMembersModel::underModelTester()
{
    MembersModel model(*m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Qt 6.4.2's tester fetches more from inside its own modelReset handler before it has
    // closed the reset ("changeInFlight"): fetching is driven here instead, and every
    // insertion it makes is still checked by the tester.
    tester.setUseFetchMore(false);
    fetchAll(model);
    QCOMPARE(model.rowCount(), Members);
    model.sort(MembersModel::Balance, Qt::DescendingOrder);
    model.fetchMore({});
    model.setSearch(QStringLiteral("sales"));
    fetchAll(model);
    model.setSearch(QString());
    model.refreshAccounts({model.member(0).account, model.member(3).account});
    model.retranslate();
    model.refresh();
}

void TestMembersModel::readsLaterWhenAsked()
{
    MembersModel model(*m_ctx, nullptr, MembersModel::Reading::Later);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    // Nothing read: no rows, nothing to fetch, and a sort or a search is only kept.
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});
    model.sort(MembersModel::Account, Qt::DescendingOrder);
    model.setSearch(QStringLiteral("sales"));
    model.refreshAccounts({QStringLiteral("nobody")});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), qint64(0));
    QCOMPARE(resets.size(), 0);
    // The first read has the kept search and order.
    model.startReading();
    QCOMPARE(resets.size(), 1);
    QVERIFY(model.rowCount() > 0);
    const auto sales = MemberService(*m_ctx).count(QStringLiteral("sales"));
    QVERIFY(sales.ok());
    QVERIFY(*sales > 0 && *sales < Members);
    QCOMPARE(model.totalCount(), *sales);
    fetchAll(model);
    // The same rows in the same order as a model read at once, then sorted and searched.
    MembersModel now(*m_ctx);
    now.sort(MembersModel::Account, Qt::DescendingOrder);
    now.setSearch(QStringLiteral("sales"));
    fetchAll(now);
    QCOMPARE(model.rowCount(), int(*sales));
    QCOMPARE(now.rowCount(), model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.member(row).account, now.member(row).account);
    QVERIFY(model.member(0).account > model.member(model.rowCount() - 1).account);
    // Once read, it reads as any model does; startReading() again changes nothing.
    model.startReading();
    QCOMPARE(resets.size(), 1);
    // refresh() reads too, as startReading() does.
    MembersModel other(*m_ctx, nullptr, MembersModel::Reading::Later);
    other.refresh();
    QCOMPARE(other.totalCount(), qint64(Members));
}

void TestMembersModel::fetchesLazilyInPages()
{
    MembersModel model(*m_ctx);
    QCOMPARE(model.totalCount(), qint64(Members));
    // The first page only, not the whole table.
    QCOMPARE(model.rowCount(), MembersModel::PageSize);
    QVERIFY(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * MembersModel::PageSize);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), MembersModel::PageSize);
    QCOMPARE(inserted.first().at(2).toInt(), 2 * MembersModel::PageSize - 1);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), Members);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // nothing more: no change
    QCOMPARE(model.rowCount(), Members);
    QCOMPARE(inserted.size(), 2);
    // Pages join without gaps or repeats.
    QSet<QString> accounts;
    for (int row = 0; row < model.rowCount(); ++row)
        accounts.insert(
            model.data(model.index(row, MembersModel::Account), MembersModel::RawValueRole)
                .toString());
    QCOMPARE(accounts.size(), Members);
}

void TestMembersModel::searchFiltersInSql()
{
    MembersModel model(*m_ctx);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSearch(QStringLiteral("  SALES "));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.search(), QStringLiteral("SALES"));
    fetchAll(model);
    const auto expected = MemberService(*m_ctx).count(QStringLiteral("sales"));
    QVERIFY(expected.ok());
    QVERIFY(*expected > 0);
    QVERIFY(*expected < Members);
    QCOMPARE(model.totalCount(), *expected);
    QCOMPARE(model.rowCount(), int(*expected));
    for (int row = 0; row < model.rowCount(); ++row) {
        const Member& m = model.member(row);
        const QString all =
            QStringList{m.account, m.name, m.email, m.department}.join(QLatin1Char(' '));
        QVERIFY2(all.contains(QStringLiteral("sales"), Qt::CaseInsensitive), qPrintable(all));
    }
    // The same search again changes nothing and fetches nothing.
    model.setSearch(QStringLiteral("sales "));
    QCOMPARE(reset.size(), 1);
    model.setSearch(QString());
    QCOMPARE(model.rowCount(), MembersModel::PageSize);
    QCOMPARE(model.totalCount(), qint64(Members));
}

void TestMembersModel::searchWithoutMatches()
{
    MembersModel model(*m_ctx);
    model.setSearch(QStringLiteral("no-such-member-%_"));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), qint64(0));
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.lastError().isEmpty());
}

void TestMembersModel::sortsByBalanceInSql_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("ascending") << Qt::AscendingOrder;
    QTest::newRow("descending") << Qt::DescendingOrder;
}

void TestMembersModel::sortsByBalanceInSql()
{
    QFETCH(Qt::SortOrder, order);
    MembersModel model(*m_ctx);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(MembersModel::Balance, order);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.sortColumn(), int(MembersModel::Balance));
    QCOMPARE(model.sortOrder(), order);
    // The first page already holds the extremes of the whole table: the order is SQL's.
    QCOMPARE(model.rowCount(), MembersModel::PageSize);
    qint64 extreme =
        model.data(model.index(0, MembersModel::Balance), MembersModel::RawValueRole).toLongLong();
    fetchAll(model);
    QCOMPARE(model.rowCount(), Members);
    qint64 previous = extreme;
    bool sawDifferent = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant raw =
            model.data(model.index(row, MembersModel::Balance), MembersModel::RawValueRole);
        QCOMPARE(raw.typeId(), QMetaType::LongLong);
        const qint64 cents = raw.toLongLong();
        if (order == Qt::AscendingOrder)
            QVERIFY2(cents >= previous,
                     qPrintable(
                         QStringLiteral("row %1: %2 after %3").arg(row).arg(cents).arg(previous)));
        else
            QVERIFY2(cents <= previous,
                     qPrintable(
                         QStringLiteral("row %1: %2 after %3").arg(row).arg(cents).arg(previous)));
        sawDifferent = sawDifferent || cents != extreme;
        previous = cents;
    }
    QVERIFY(sawDifferent);
}

void TestMembersModel::sortIgnoresUnsortableColumn()
{
    MembersModel model(*m_ctx);
    QVERIFY(!MembersModel::isSortable(MembersModel::AutoRecharge));
    QVERIFY(MembersModel::isSortable(MembersModel::Balance));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(MembersModel::AutoRecharge, Qt::DescendingOrder);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.sortColumn(), int(MembersModel::Name));
    // The current order again: nothing to do.
    model.sort(MembersModel::Name, Qt::AscendingOrder);
    QCOMPARE(reset.size(), 0);
}

void TestMembersModel::dataRoles()
{
    auto added = MemberService(*m_ctx).add({QStringLiteral("zz.roles"), QStringLiteral("Zoë Rôles"),
                                            QStringLiteral("zoe@example.com"),
                                            QStringLiteral("Roles Dept")});
    QVERIFY(added.ok());
    auto allocated =
        CreditService(*m_ctx).allocate(Money::fromCents(123456), {QStringLiteral("zz.roles")});
    QVERIFY2(allocated.ok(), allocated ? "" : qPrintable(allocated.error().message));

    MembersModel model(*m_ctx);
    model.setSearch(QStringLiteral("zz.roles"));
    QCOMPARE(model.rowCount(), 1);
    auto cell = [&](int column, int role) { return model.data(model.index(0, column), role); };
    QCOMPARE(cell(MembersModel::Account, Qt::DisplayRole).toString(), QStringLiteral("zz.roles"));
    QCOMPARE(cell(MembersModel::Name, Qt::DisplayRole).toString(), QStringLiteral("Zoë Rôles"));
    QCOMPARE(cell(MembersModel::Email, Qt::DisplayRole).toString(),
             QStringLiteral("zoe@example.com"));
    QCOMPARE(cell(MembersModel::Department, Qt::DisplayRole).toString(),
             QStringLiteral("Roles Dept"));
    QCOMPARE(cell(MembersModel::Balance, Qt::DisplayRole).toString(), QStringLiteral("1,234.56"));
    QCOMPARE(cell(MembersModel::Balance, MembersModel::RawValueRole).typeId(), QMetaType::LongLong);
    QCOMPARE(cell(MembersModel::Balance, MembersModel::RawValueRole).toLongLong(), 123456LL);
    QCOMPARE(cell(MembersModel::Status, Qt::DisplayRole).toString(), QStringLiteral("Active"));
    QCOMPARE(cell(MembersModel::Status, MembersModel::RawValueRole).toString(),
             QStringLiteral("active"));
    QCOMPARE(cell(MembersModel::AutoRecharge, Qt::DisplayRole).toString(), QStringLiteral("Off"));
    QVERIFY(!cell(MembersModel::AutoRecharge, MembersModel::RawValueRole).isValid());
    for (int c = 0; c < MembersModel::ColumnCount; ++c)
        QCOMPARE(cell(c, MembersModel::AccountRole).toString(), QStringLiteral("zz.roles"));
    QVERIFY(cell(MembersModel::Balance, Qt::TextAlignmentRole).value<Qt::Alignment>() &
            Qt::AlignRight);
    QCOMPARE(model.headerData(MembersModel::Balance, Qt::Horizontal).toString(),
             QStringLiteral("Balance (USD)"));
    QCOMPARE(model.headerData(MembersModel::AutoRecharge, Qt::Horizontal).toString(),
             QStringLiteral("Auto-recharge"));
    QCOMPARE(model.columnCount(), int(MembersModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QVERIFY(!model.data(QModelIndex()).isValid());
    QCOMPARE(model.rowOfAccount(QStringLiteral("ZZ.Roles")), 0);
    QCOMPARE(model.rowOfAccount(QStringLiteral("nobody.here")), -1);
    QCOMPARE(model.accounts({model.index(0, 0), model.index(0, 3)}),
             QStringList{QStringLiteral("zz.roles")});
    QCOMPARE(model.roleNames().value(MembersModel::RawValueRole), QByteArrayLiteral("rawValue"));
}

void TestMembersModel::autoRechargeColumn()
{
    QVERIFY(MemberService(*m_ctx)
                .add({QStringLiteral("zz.recharge"), QStringLiteral("Re Charge"), {}, {}})
                .ok());
    QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(100000), QStringLiteral("T-1")).ok());
    auto set =
        CreditService(*m_ctx).setAutoRecharge(QStringLiteral("zz.recharge"), Money::fromCents(500),
                                              Money::fromCents(200), Money::fromCents(5000));
    QVERIFY2(set.ok(), set ? "" : qPrintable(set.error().message));
    MembersModel model(*m_ctx);
    model.setSearch(QStringLiteral("zz.recharge"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, MembersModel::AutoRecharge)).toString(),
             QStringLiteral("5.00 below 2.00, limit 50.00"));
    QCOMPARE(model.data(model.index(0, MembersModel::AutoRecharge), MembersModel::RawValueRole)
                 .toLongLong(),
             500LL);
    QCOMPARE(
        model.data(model.index(0, MembersModel::Balance), MembersModel::RawValueRole).toLongLong(),
        500LL);

    // A limit that one recharge reaches: suspended until the first of next month.
    QVERIFY(MemberService(*m_ctx)
                .add({QStringLiteral("zz.suspended"), QStringLiteral("Sus Pended"), {}, {}})
                .ok());
    auto suspended =
        CreditService(*m_ctx).setAutoRecharge(QStringLiteral("zz.suspended"), Money::fromCents(500),
                                              Money::fromCents(200), Money::fromCents(500));
    QVERIFY(suspended.ok());
    QCOMPARE(suspended->suspendedUntil, QDate(2026, 12, 1));
    model.setSearch(QStringLiteral("zz.suspended"));
    QCOMPARE(model.rowCount(), 1);
    const QString expected =
        QStringLiteral("Suspended until %1").arg(sb::shortDate(QLocale(), QDate(2026, 12, 1)));
    QCOMPARE(model.data(model.index(0, MembersModel::AutoRecharge)).toString(), expected);
}

void TestMembersModel::numbersColumn()
{
    QVERIFY(MemberService(*m_ctx)
                .add({QStringLiteral("zz.numbers"), QStringLiteral("Num Bers"), {}, {}})
                .ok());
    QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(10000), QStringLiteral("T-N")).ok());
    MembersModel model(*m_ctx);
    model.setSearch(QStringLiteral("zz.numbers"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex cell = model.index(0, MembersModel::Numbers);
    QCOMPARE(cell.data().toString(), QString());
    QVERIFY(cell.data(MembersModel::RawValueRole).toStringList().isEmpty());
    QCOMPARE(model.headerData(MembersModel::Numbers, Qt::Horizontal).toString(),
             QStringLiteral("Numbers"));
    QVERIFY(!MembersModel::isSortable(MembersModel::Numbers));

    const NumberService numbers(*m_ctx);
    for (const char* country : {"US", "NO"}) {
        auto bought = numbers.buy({QString::fromLatin1(country),
                                   QString::fromLatin1(country[0] == 'U' ? "212" : "22"),
                                   1,
                                   {NumberHolder::member(QStringLiteral("zz.numbers"))},
                                   false});
        QVERIFY2(bought.ok(), bought ? "" : qPrintable(bought.error().message));
    }
    // Re-read in place (as after a purchase from the Members page): E.164 raw, international shown.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshAccounts({QStringLiteral("zz.numbers")});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell.data(MembersModel::RawValueRole).toStringList(),
             (QStringList{QStringLiteral("+12125550100"), QStringLiteral("+4722123400")}));
    QCOMPARE(cell.data().toString(), QStringLiteral("+1 212-555-0100, +47 22 12 34 00"));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("(212) 555-0100")));
}

void TestMembersModel::refreshAccountsKeepsRows()
{
    MembersModel model(*m_ctx);
    model.fetchMore({});
    const int rows = model.rowCount();
    const int row = 300; // on the second page
    const QString account = model.member(row).account;
    const qint64 before = model.member(row).balance.cents();
    QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(1000), QStringLiteral("T-2")).ok());
    QVERIFY(CreditService(*m_ctx).allocate(Money::fromCents(1000), {account}).ok());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refreshAccounts({account.toUpper()});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.data(model.index(row, MembersModel::Balance), MembersModel::RawValueRole)
                 .toLongLong(),
             before + 1000);
}

void TestMembersModel::refreshedLastRowKeepsThePosition()
{
    // The next page seeks past the last row as it was read: refreshed in place with a balance
    // that sorts it last, it must not make the pages skip the members between.
    MembersModel model(*m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false); // see underModelTester()
    model.sort(MembersModel::Balance, Qt::AscendingOrder);
    QCOMPARE(model.rowCount(), MembersModel::PageSize);
    const QString last = model.member(MembersModel::PageSize - 1).account;
    QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(900000), QStringLiteral("T-3")).ok());
    QVERIFY(CreditService(*m_ctx).allocate(Money::fromCents(900000), {last}).ok());
    model.refreshAccounts({last});
    QCOMPARE(model.member(MembersModel::PageSize - 1).balance.cents() >= 900000, true);
    fetchAll(model);
    // Every member once, and the one whose balance moved again at its new place.
    const int total = int(*MemberService(*m_ctx).count());
    QCOMPARE(model.rowCount(), total + 1);
    QSet<QString> accounts;
    for (int row = 0; row < model.rowCount(); ++row)
        accounts.insert(model.member(row).account);
    QCOMPARE(accounts.size(), total);
}

void TestMembersModel::followsTheNotifier()
{
    // A context with a Notifier: the model hears what the services commit.
    Notifier notifier;
    Context ctx = *m_ctx;
    ctx.notifier = &notifier;
    MembersModel model(ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false); // see underModelTester()
    model.fetchMore({});
    const qint64 total = model.totalCount();
    const int rows = model.rowCount();
    const int row = 260; // on the second page
    const QString account = model.member(row).account;
    const qint64 before = model.member(row).balance.cents();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // Credit: the member's row in place, the fetched pages kept.
    QVERIFY(CompanyService(ctx).topUp(Money::fromCents(700), QStringLiteral("T-3")).ok());
    QVERIFY(CreditService(ctx).allocate(Money::fromCents(700), {account}).ok());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.member(row).balance.cents(), before + 700);

    // A refusal announces nothing.
    QVERIFY(!CreditService(ctx).allocate(Money::fromCents(100'000'000), {account}).ok());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reset.size(), 0);

    // A new member: the list itself changed, the model starts afresh from the first page.
    QVERIFY(MemberService(ctx)
                .add({QStringLiteral("zz.notified"), QStringLiteral("Zz Notified"), {}, {}})
                .ok());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), MembersModel::PageSize);
    QCOMPARE(model.totalCount(), total + 1);
}

void TestMembersModel::retranslateFollowsLocale()
{
    MembersModel model(*m_ctx);
    model.setSearch(QStringLiteral("zz.roles"));
    QCOMPARE(model.rowCount(), 1);
    QLocale::setDefault(QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    model.retranslate();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(header.size(), 1);
    // Norwegian groups with a no-break space and uses a decimal comma.
    QCOMPARE(model.data(model.index(0, MembersModel::Balance)).toString(),
             QStringLiteral("1") + QChar(0x00a0) + QStringLiteral("234,56"));
}

// A member whose calls took the balance below zero: "owes 3.20" in words (screen readers), a
// red foreground that reads on a light and on a dark palette, the raw cents for sorting (the
// owing member first in ascending order).
void TestMembersModel::owedBalanceInWordsAndRed()
{
    QVERIFY(MemberService(*m_ctx)
                .add({QStringLiteral("zz.owes"), QStringLiteral("Zz Owes"), {}, {}})
                .ok());
    const qint64 account = MemberService(*m_ctx).find(QStringLiteral("zz.owes"))->accountId;
    auto charged = Transaction::run(m_ctx->db, [&](Transaction& tx) {
        return Ledger(*m_ctx).charge(tx, account, Money::fromCents(320), QStringLiteral("call"));
    });
    QVERIFY2(charged.ok(), charged ? "" : qPrintable(charged.error().message));

    MembersModel model(*m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setSearch(QStringLiteral("zz."));
    fetchAll(model);
    const int row = model.rowOfAccount(QStringLiteral("zz.owes"));
    QVERIFY(row >= 0);
    const QModelIndex balance = model.index(row, MembersModel::Balance);
    QCOMPARE(model.data(balance).toString(), QStringLiteral("owes 3.20"));
    QCOMPARE(model.data(balance, Qt::AccessibleTextRole).toString(), QStringLiteral("owes 3.20"));
    QCOMPARE(model.data(balance, MembersModel::RawValueRole).toLongLong(), -320LL);
    const QColor red = model.data(balance, Qt::ForegroundRole).value<QColor>();
    QVERIFY(red.isValid());
    QVERIFY(red.red() > 2 * red.green() && red.red() > 2 * red.blue());
    // Others keep the view's colour.
    const int roles = model.rowOfAccount(QStringLiteral("zz.roles"));
    QVERIFY(roles >= 0);
    QVERIFY(!model.data(model.index(roles, MembersModel::Balance), Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(model.index(row, MembersModel::Name), Qt::ForegroundRole).isValid());
    // Light on dark, dark on light.
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QVERIFY(BalanceDisplay::owedColor(dark).lightnessF() > 0.6);
    QVERIFY(BalanceDisplay::owedColor(light).lightnessF() < 0.4);
    // Norwegian words and figures.
    QLocale::setDefault(QLocale(QLocale::NorwegianBokmal, QLocale::Norway));
    model.retranslate();
    QVERIFY(model.data(balance).toString().endsWith(QStringLiteral("3,20")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    // Sorted by the raw cents in SQL: the owing member comes first.
    model.setSearch(QString());
    model.sort(MembersModel::Balance, Qt::AscendingOrder);
    QCOMPARE(model.member(0).account, QStringLiteral("zz.owes"));
}

void TestMembersModel::stateRoleOnBalance()
{
    const auto add = [&](const char* account) {
        return MemberService(*m_ctx)
            .add({QString::fromLatin1(account), QString::fromLatin1(account), {}, {}})
            .ok();
    };
    QVERIFY(add("st.owes") && add("st.low") && add("st.fine"));
    QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(100000), QStringLiteral("T-S")).ok());
    const CreditService credit(*m_ctx);
    QVERIFY(credit.allocate(Money::fromCents(10000), {QStringLiteral("st.low")}).ok());
    QVERIFY(credit.allocate(Money::fromCents(1000), {QStringLiteral("st.fine")}).ok());
    // Calls are charged in full: a balance goes below zero through the ledger, not through
    // CreditService::charge (which refuses).
    const qint64 owesAccount = MemberService(*m_ctx).find(QStringLiteral("st.owes"))->accountId;
    QVERIFY(Transaction::run(m_ctx->db, [&](Transaction& tx) {
                return Ledger(*m_ctx).charge(tx, owesAccount, Money::fromCents(150),
                                             QStringLiteral("call"));
            }).ok());
    // st.low spent 95.00 in September: over August to October (92 days) a week is 7.23, and
    // 5.00 is left. st.fine spent nothing: never low.
    const QDateTime now = m_ctx->now();
    m_clock->set(QDateTime(QDate(2026, 9, 10), QTime(10, 0), Qt::UTC));
    QVERIFY(
        credit.charge(QStringLiteral("st.low"), Money::fromCents(9500), QStringLiteral("x")).ok());
    m_clock->set(now);

    MembersModel model(*m_ctx);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setSearch(QStringLiteral("st."));
    fetchAll(model);
    const auto stateOf = [&](const char* account, int column = MembersModel::Balance) {
        const int row = model.rowOfAccount(QString::fromLatin1(account));
        return row < 0 ? QVariant(QStringLiteral("missing"))
                       : model.data(model.index(row, column), RowStateRole);
    };
    QCOMPARE(stateOf("st.owes"), QVariant(int(RowState::Owed)));
    QCOMPARE(stateOf("st.low"), QVariant(int(RowState::LowBalance)));
    QVERIFY(!stateOf("st.fine").isValid());
    // Only on the balance, and the words stay: the icon is never the only sign.
    QVERIFY(!stateOf("st.owes", MembersModel::Name).isValid());
    QVERIFY(!stateOf("st.owes", MembersModel::Status).isValid());
    const QModelIndex owes =
        model.index(model.rowOfAccount(QStringLiteral("st.owes")), MembersModel::Balance);
    QCOMPARE(owes.data(Qt::AccessibleTextRole).toString(), QStringLiteral("owes 1.50"));
    QVERIFY(model.roleNames().value(RowStateRole) == "rowState");

    // Credit read in place: st.low is no longer low, st.owes no longer owes.
    QVERIFY(
        credit
            .allocate(Money::fromCents(5000), {QStringLiteral("st.low"), QStringLiteral("st.owes")})
            .ok());
    model.refreshAccounts({QStringLiteral("st.low"), QStringLiteral("st.owes")});
    QVERIFY(!stateOf("st.low").isValid());
    QVERIFY(!stateOf("st.owes").isValid());
}

QTEST_GUILESS_MAIN(TestMembersModel)
#include "tst_membersmodel.moc"
