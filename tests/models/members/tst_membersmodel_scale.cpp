// MembersModel against a big database: the first page, search-as-you-type and sorting must
// stay interactive. Opt-in, since filling 100,000 members takes a while:
//   switchboardctl --database /tmp/big.sqlite demo --members 100000
//   SWITCHBOARD_SCALE_DATABASE=/tmp/big.sqlite ctest -R tst_membersmodel_scale -V
#include "core/base/FixedClock.h"
#include "core/storage/Context.h"
#include "core/storage/Database.h"
#include "models/members/MembersModel.h"

#include <QElapsedTimer>
#include <QTest>

using namespace sb;

class TestMembersModelScale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstPageAtOnce();
    void searchAsYouType();
    void sortEveryColumn();
    void scrollFetches();

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_ctx;
    /// Interactive budget per step (a debug build on a small machine).
    static constexpr qint64 BudgetMs = 250;
};

void TestMembersModelScale::initTestCase()
{
    const QString spec = qEnvironmentVariable("SWITCHBOARD_SCALE_DATABASE");
    if (spec.isEmpty())
        QSKIP("set SWITCHBOARD_SCALE_DATABASE to a database with many members");
    auto db = Database::open(spec);
    QVERIFY2(db.ok(), db ? "" : qPrintable(db.error().message));
    m_db = std::make_unique<Database>(*db);
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
    m_ctx = std::make_unique<Context>(Context{*m_db, m_clock.get(), QStringLiteral("scale")});
}

void TestMembersModelScale::firstPageAtOnce()
{
    QElapsedTimer t;
    t.start();
    MembersModel model(*m_ctx);
    const qint64 ms = t.elapsed();
    qInfo("first page of %lld members: %lld ms", model.totalCount(), ms);
    QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
    QVERIFY(model.totalCount() > MembersModel::PageSize);
    QCOMPARE(model.rowCount(), MembersModel::PageSize);
    QVERIFY(ms < BudgetMs);
}

void TestMembersModelScale::searchAsYouType()
{
    MembersModel model(*m_ctx);
    qint64 worst = 0;
    for (const char* typed :
         {"k", "ka", "kar", "kari", "kari.", "kari.n", "kari.no", "sales", "zz-none", ""}) {
        QElapsedTimer t;
        t.start();
        model.setSearch(QString::fromLatin1(typed));
        const qint64 ms = t.elapsed();
        worst = qMax(worst, ms);
        qInfo("search %-8s %4lld ms, %lld found", typed, ms, model.totalCount());
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QCOMPARE(model.rowCount(), int(qMin<qint64>(model.totalCount(), MembersModel::PageSize)));
    }
    QVERIFY2(worst < BudgetMs, qPrintable(QStringLiteral("worst %1 ms").arg(worst)));
}

void TestMembersModelScale::sortEveryColumn()
{
    MembersModel model(*m_ctx);
    qint64 worst = 0;
    for (int c = 0; c < MembersModel::ColumnCount; ++c) {
        if (!MembersModel::isSortable(c))
            continue;
        for (Qt::SortOrder o : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            QElapsedTimer t;
            t.start();
            model.sort(c, o);
            const qint64 ms = t.elapsed();
            worst = qMax(worst, ms);
            QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
            QCOMPARE(model.rowCount(), MembersModel::PageSize);
            qInfo("sort %-13s %-4s %4lld ms",
                  qPrintable(model.headerData(c, Qt::Horizontal).toString()),
                  o == Qt::AscendingOrder ? "asc" : "desc", ms);
        }
    }
    QVERIFY2(worst < BudgetMs, qPrintable(QStringLiteral("worst %1 ms").arg(worst)));
}

void TestMembersModelScale::scrollFetches()
{
    MembersModel model(*m_ctx);
    QElapsedTimer t;
    t.start();
    int pages = 0;
    while (model.canFetchMore({}) && pages < 40) {
        model.fetchMore({});
        ++pages;
    }
    const qint64 ms = t.elapsed();
    QCOMPARE(pages, 40);
    QCOMPARE(model.rowCount(), 41 * MembersModel::PageSize);
    qInfo("%d more pages: %lld ms, %.1f ms a page", pages, ms, double(ms) / pages);
    QVERIFY(double(ms) / pages < BudgetMs);
}

QTEST_GUILESS_MAIN(TestMembersModelScale)
#include "tst_membersmodel_scale.moc"
