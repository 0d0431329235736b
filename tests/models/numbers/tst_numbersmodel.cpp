// NumbersModel: lazy pages through NumberService, filters and sort in SQL, under the tester.
#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Context.h"
#include "models/base/RowState.h"
#include "models/numbers/NumbersModel.h"
#include "tests/support/TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

using namespace sb;

class TestNumbersModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_ctx;
    static constexpr int Members = 300;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_db = std::make_unique<test::TestDatabase>(QStringLiteral("sqlite"));
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_clock =
            std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 15), QTime(10, 0), Qt::UTC));
        m_ctx =
            std::make_unique<Context>(Context{m_db->db(), m_clock.get(), QStringLiteral("tester")});
        QVERIFY(
            CompanyService(*m_ctx).topUp(Money::fromCents(1'000'000), QStringLiteral("T")).ok());
        QList<NumberHolder> us, gb;
        for (int i = 0; i < Members; ++i) {
            const QString account = QStringLiteral("member.%1").arg(i, 4, 10, QLatin1Char('0'));
            QVERIFY(MemberService(*m_ctx).add({account, account, {}, {}}).ok());
            (i < 100 ? us : gb) << NumberHolder::member(account);
        }
        const NumberService numbers(*m_ctx);
        // 100 US numbers in 212, 200 GB numbers in London, one for a SIP profile.
        QVERIFY(numbers.buy({QStringLiteral("US"), QStringLiteral("212"), 1, us, false}).ok());
        QVERIFY(numbers.buy({QStringLiteral("GB"), QStringLiteral("20"), 3, gb, false}).ok());
        NewSipProfile p;
        p.name = QStringLiteral("Sales");
        QVERIFY(ProfileService(*m_ctx).create(p).ok());
        QVERIFY(numbers
                    .buy({QStringLiteral("NO"),
                          QStringLiteral("22"),
                          12,
                          {NumberHolder::profile(QStringLiteral("Sales"))},
                          false})
                    .ok());
        QVERIFY(numbers.cancel(QStringLiteral("+12125550100")).ok());
    }

    void underModelTester()
    {
        NumbersModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), Members + 1);
        model.setSearch(QStringLiteral("member.00"));
        model.sort(NumbersModel::Expires, Qt::DescendingOrder);
        model.setCountry(QStringLiteral("GB"));
    }

    void fetchesLazily()
    {
        NumbersModel model(*m_ctx);
        QCOMPARE(model.totalCount(), Members + 1);
        QCOMPARE(model.rowCount(), NumbersModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), Members + 1);
        QVERIFY(!model.canFetchMore({}));
    }

    void filters()
    {
        NumbersModel model(*m_ctx);
        model.setCountry(QStringLiteral("US"));
        QCOMPARE(model.totalCount(), 100);
        model.setCountry(QString());
        model.setHolderKind(NumberHolder::Kind::Profile);
        QCOMPARE(model.totalCount(), 1);
        QCOMPARE(model.data(model.index(0, NumbersModel::Holder)).toString(),
                 QStringLiteral("SIP profile Sales"));
        model.setHolderKind(NumberHolder::Kind::None);
        model.setStatus(NumberQuery::Status::Cancelled);
        QCOMPARE(model.totalCount(), 1);
        QCOMPARE(
            model.data(model.index(0, NumbersModel::Number), NumbersModel::E164Role).toString(),
            QStringLiteral("+12125550100"));
        QVERIFY(model.data(model.index(0, NumbersModel::Status))
                    .toString()
                    .startsWith(QLatin1String("Cancelled")));
        model.setStatus(NumberQuery::Status::Any);
        model.setSearch(QStringLiteral("member.0150"));
        QCOMPARE(model.totalCount(), 1);
        model.setSearch(QStringLiteral("7946 0049"));
        QCOMPARE(model.totalCount(), 1);
    }

    // The state icon's role: Cancelled on the status of the cancelled number only, the
    // words ("Cancelled: usable until …") kept.
    void stateRoleOnStatus()
    {
        NumbersModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        tester.setUseFetchMore(false);
        model.setSearch(QStringLiteral("212"));
        while (model.canFetchMore({}))
            model.fetchMore({});
        int cancelled = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex status = model.index(row, NumbersModel::Status);
            const QVariant state = status.data(RowStateRole);
            QVERIFY(!model.index(row, NumbersModel::Number).data(RowStateRole).isValid());
            if (status.data(NumbersModel::E164Role).toString() == QLatin1String("+12125550100")) {
                ++cancelled;
                QCOMPARE(state, QVariant(int(RowState::Cancelled)));
                QVERIFY(status.data(Qt::AccessibleTextRole)
                            .toString()
                            .startsWith(QLatin1String("Cancelled: usable until")));
            } else {
                QVERIFY(!state.isValid());
            }
        }
        QCOMPARE(cancelled, 1);
        // A released number (billing gives it back after its date) is over.
        NumberRecord released;
        released.status = QStringLiteral("released");
        released.cancelled = true;
        QCOMPARE(NumbersModel::state(released), RowState::Released);
        NumberRecord active;
        QCOMPARE(NumbersModel::state(active), RowState::None);
    }

    void sortsInSql()
    {
        NumbersModel model(*m_ctx);
        model.sort(NumbersModel::Number, Qt::DescendingOrder);
        QCOMPARE(
            model.data(model.index(0, NumbersModel::Number), NumbersModel::RawValueRole).toString(),
            QStringLiteral("+4722123400"));
        model.sort(NumbersModel::Expires, Qt::AscendingOrder);
        // The US numbers (1 month) end first.
        QCOMPARE(model.data(model.index(0, NumbersModel::Expires), NumbersModel::RawValueRole)
                     .toString(),
                 QStringLiteral("2026-12-15"));
        model.sort(NumbersModel::Expires, Qt::DescendingOrder);
        QCOMPARE(model.data(model.index(0, NumbersModel::Expires), NumbersModel::RawValueRole)
                     .toString(),
                 QStringLiteral("2027-11-15"));
        QVERIFY(!NumbersModel::isSortable(NumbersModel::Period));
    }

    void displayFormats()
    {
        NumbersModel model(*m_ctx);
        model.setCountry(QStringLiteral("US"));
        QCOMPARE(model.data(model.index(1, NumbersModel::Number)).toString(),
                 QStringLiteral("+1 212-555-0101"));
        QCOMPARE(model.data(model.index(1, NumbersModel::Country)).toString(),
                 QStringLiteral("United States"));
        QCOMPARE(model.data(model.index(1, NumbersModel::Period)).toString(),
                 QStringLiteral("1 month(s)"));
        QCOMPARE(model.headerData(NumbersModel::Expires, Qt::Horizontal).toString(),
                 QStringLiteral("Paid until"));
    }
};

QTEST_GUILESS_MAIN(TestNumbersModel)
#include "tst_numbersmodel.moc"
