// CallsModel: lazy pages through CallHistory, filters and sort in SQL, totals of the whole
// match, formatted cells with a raw-value role, and a new import announced by the Notifier,
// under QAbstractItemModelTester.
#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/calls/CallHistory.h"
#include "core/credit/CreditService.h"
#include "core/demo/DemoGenerator.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/Context.h"
#include "models/base/RowState.h"
#include "models/calls/CallsModel.h"
#include "tests/support/TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace sb;

namespace {

// Asterisk Master.csv lines: `count` calls from `first`, one a minute from 2026-11-01 08:00
// UTC, alternating payers, to New York, London and an extension.
QByteArray masterCsv(int first, int count)
{
    QByteArray out;
    const QStringList payers{QStringLiteral("alice.berg"), QStringLiteral("bob.lie"),
                             QStringLiteral("Sales")};
    const QStringList destinations{QStringLiteral("12125550142"), QStringLiteral("011442079460000"),
                                   QStringLiteral("2001")};
    for (int i = first; i < first + count; ++i) {
        const QDateTime start = QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC).addSecs(i * 60);
        const qint64 billsec = (i * 37) % 400;
        const auto t = [](const QDateTime& d) {
            return d.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8();
        };
        QByteArrayList f{payers[i % 3].toUtf8(),
                         "1001",
                         destinations[i % 3].toUtf8(),
                         "from-internal",
                         "\"\"\"Alice\"\" <1001>\"",
                         "PJSIP/1001",
                         "PJSIP/trunk",
                         "Dial",
                         "PJSIP/trunk",
                         t(start),
                         billsec > 0 ? t(start.addSecs(2)) : QByteArray(),
                         t(start.addSecs(2 + billsec)),
                         QByteArray::number(billsec + 2),
                         QByteArray::number(billsec),
                         billsec > 0 ? "ANSWERED" : "NO ANSWER",
                         "DOCUMENTATION",
                         "call-" + QByteArray::number(i)};
        out += f.join(',') + '\n';
    }
    return out;
}

bool import(const Context& ctx, const QByteArray& data)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    auto r = CallImporter(ctx).import(&buffer, {});
    if (!r)
        qWarning("%s", qPrintable(r.error().message));
    return r && r->imported > 0;
}

} // namespace

class TestCallsModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_ctx;
    static constexpr int Calls = 450;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        qputenv("TZ", "UTC");
        m_db = std::make_unique<test::TestDatabase>(QStringLiteral("sqlite"));
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_clock =
            std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        m_ctx =
            std::make_unique<Context>(Context{m_db->db(), m_clock.get(), QStringLiteral("tester")});
        QVERIFY(
            CompanyService(*m_ctx).topUp(Money::fromCents(1'000'000), QStringLiteral("T")).ok());
        QVERIFY(MemberService(*m_ctx)
                    .add({QStringLiteral("alice.berg"),
                          QStringLiteral("Alice"),
                          {},
                          QStringLiteral("Sales")})
                    .ok());
        QVERIFY(MemberService(*m_ctx)
                    .add({QStringLiteral("bob.lie"),
                          QStringLiteral("Bob"),
                          {},
                          QStringLiteral("Support")})
                    .ok());
        QVERIFY(CreditService(*m_ctx)
                    .allocate(Money::fromCents(10000),
                              {QStringLiteral("alice.berg"), QStringLiteral("bob.lie")})
                    .ok());
        NewSipProfile p;
        p.name = QStringLiteral("Sales");
        p.department = QStringLiteral("Sales");
        QVERIFY(ProfileService(*m_ctx).create(p).ok());
        QVERIFY(ProfileService(*m_ctx)
                    .allocateCredit(QStringLiteral("Sales"), Money::fromCents(10000))
                    .ok());
        QVERIFY(import(*m_ctx, masterCsv(0, Calls)));
    }

    void searchMatchingVeryManyCallsHasNoTotals()
    {
        test::TestDatabase db(QStringLiteral("sqlite"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        const Context ctx{db.db(), m_clock.get(), QStringLiteral("tester")};
        DemoGenerator::Options o;
        o.members = 20;
        o.calls = 3 * CallHistory::SearchTotalsLimit; // "1" starts more than the limit
        QVERIFY(DemoGenerator(ctx).generate(o).ok());
        CallsModel model(ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.totalsKnown());
        QCOMPARE(model.totalCount(), o.calls);
        // "1" starts nearly every dialled number's digits (NANP): not summed, "more than".
        model.setSearch(QStringLiteral("1"));
        QVERIFY(!model.totalsKnown());
        QCOMPARE(model.totalCount(), CallHistory::SearchTotalsLimit + 1);
        QCOMPARE(model.totals().calls, qint64(0));
        QVERIFY(model.rowCount() > 0);
        model.setSearch(QString());
        QVERIFY(model.totalsKnown());
        QCOMPARE(model.totals().calls, o.calls);
    }

    void underModelTester()
    {
        CallsModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), Calls);
        model.setSearch(QStringLiteral("2125"));
        model.sort(CallsModel::Price, Qt::DescendingOrder);
        model.setProfile(QStringLiteral("Sales"));
        model.setDepartment(QStringLiteral("Sales"));
        model.setDateRange(QDate(2026, 11, 1), QDate(2026, 11, 1));
        model.setMember(QStringLiteral("nobody.at.all"));
        model.setQuery({});
    }

    void fetchesLazilyWithTotals()
    {
        CallsModel model(*m_ctx);
        QCOMPARE(model.totalCount(), Calls);
        QCOMPARE(model.totals().calls, Calls);
        QCOMPARE(model.rowCount(), CallsModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * CallsModel::PageSize);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), Calls);
        QVERIFY(!model.canFetchMore({}));

        qint64 billed = 0;
        qint64 cents = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            billed += model.call(r).billedMinutes;
            cents += model.call(r).price.cents();
        }
        QCOMPARE(model.totals().billedMinutes, billed);
        QCOMPARE(model.totals().price.cents(), cents);
        QVERIFY(cents > 0);

        QSignalSpy totals(&model, &CallsModel::totalsChanged);
        model.setMember(QStringLiteral("Bob.Lie"));
        QCOMPARE(totals.count(), 1);
        QCOMPARE(model.totalCount(), Calls / 3);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(model.call(r).payer, QStringLiteral("bob.lie"));
    }

    void sortsInSql()
    {
        CallsModel model(*m_ctx);
        // Newest first by default.
        QCOMPARE(model.sortColumn(), int(CallsModel::Time));
        QCOMPARE(model.index(0, CallsModel::Time).data(CallsModel::RawValueRole).toString(),
                 QStringLiteral("2026-11-01T15:29:00Z"));
        model.sort(CallsModel::Price, Qt::DescendingOrder);
        // The most expensive call of all, not of the first page fetched before.
        qint64 most = 0;
        {
            CallsModel all(*m_ctx);
            while (all.canFetchMore({}))
                all.fetchMore({});
            for (int r = 0; r < all.rowCount(); ++r)
                most = qMax(most, all.call(r).price.cents());
        }
        QCOMPARE(model.index(0, CallsModel::Price).data(CallsModel::RawValueRole).toLongLong(),
                 most);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(
                model.index(r - 1, CallsModel::Price).data(CallsModel::RawValueRole).toLongLong() >=
                model.index(r, CallsModel::Price).data(CallsModel::RawValueRole).toLongLong());
        model.sort(CallsModel::Place, Qt::AscendingOrder); // not sortable: the order stays
        QCOMPARE(model.sortColumn(), int(CallsModel::Price));
        model.sort(CallsModel::Payer, Qt::AscendingOrder);
        QCOMPARE(model.call(0).payer, QStringLiteral("alice.berg"));
    }

    void formatsCells()
    {
        CallsModel model(*m_ctx);
        model.setSearch(QStringLiteral("442079460000"));
        QVERIFY(model.rowCount() > 0);
        const CallEntry& c = model.call(0);
        QCOMPARE(model.index(0, CallsModel::Time).data().toString(),
                 CallsModel::formatTime(c.startedAt));
        QVERIFY(
            model.index(0, CallsModel::Time).data().toString().contains(QStringLiteral("2026")));
        QCOMPARE(model.index(0, CallsModel::Destination).data().toString(),
                 QStringLiteral("+44 20 7946 0000"));
        QCOMPARE(model.index(0, CallsModel::Place).data().toString(),
                 QStringLiteral("United Kingdom"));
        QCOMPARE(model.call(0).e164, QStringLiteral("+442079460000"));
        QCOMPARE(model.index(0, CallsModel::Payer).data().toString(), QStringLiteral("bob.lie"));
        QCOMPARE(model.index(0, CallsModel::Price).data(CallsModel::RawValueRole).toLongLong(),
                 c.price.cents());
        model.setSearch(QStringLiteral("2001")); // the extension Sales calls
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.index(0, CallsModel::Payer).data().toString(), QStringLiteral("Sales"));
        QCOMPARE(model.index(0, CallsModel::Payer).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("SIP profile Sales"));
        QCOMPARE(model.index(0, CallsModel::Payer).data(Qt::AccessibleTextRole).toString(),
                 QStringLiteral("SIP profile Sales"));
        QCOMPARE(model.index(0, CallsModel::Status).data().toString(), QStringLiteral("Internal"));
        // Rated calls are in no state that needs an icon (only no rate or an invalid number).
        for (int col = 0; col < CallsModel::ColumnCount; ++col)
            QVERIFY(!model.index(0, col).data(RowStateRole).isValid());
        QCOMPARE(CallsModel::formatDuration(65), QStringLiteral("1:05"));
        QCOMPARE(CallsModel::formatDuration(3723), QStringLiteral("1:02:03"));
        QCOMPARE(CallsModel::formatTime(QDateTime(QDate(2026, 3, 1), QTime(9, 5), Qt::UTC)),
                 QStringLiteral("3/1/2026 9:05 AM"));
        for (int col = 0; col < CallsModel::ColumnCount; ++col)
            QVERIFY(!model.headerData(col, Qt::Horizontal).toString().isEmpty());
    }

    void unknownPayerIsAnError()
    {
        CallsModel model(*m_ctx);
        QSignalSpy errors(&model, &CallsModel::errorOccurred);
        model.setProfile(QStringLiteral("No such profile"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.lastError().contains(QStringLiteral("No such profile")));
        model.setProfile(QString());
        QVERIFY(model.lastError().isEmpty());
        QCOMPARE(model.totalCount(), Calls);
    }

    void followsTheNotifier()
    {
        Notifier notifier;
        Context ctx = *m_ctx;
        ctx.notifier = &notifier;
        CallsModel model(ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 before = model.totalCount();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(import(ctx, masterCsv(Calls, 10)));
        QVERIFY(reset.count() >= 1);
        QCOMPARE(model.totalCount(), before + 10);
    }
};

QTEST_MAIN(TestCallsModel)
#include "tst_callsmodel.moc"
