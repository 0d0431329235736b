// ProfilesModel: the SIP profiles master table under the tester; search and figures.
#include "core/base/DisplayFormat.h"
#include "core/base/FixedClock.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/bundles/BundleService.h"
#include "core/members/MemberService.h"
#include "core/net/ProbeService.h"
#include "core/profiles/ProfileService.h"
#include "core/storage/Context.h"
#include "core/storage/Transaction.h"
#include "models/base/RowState.h"
#include "models/profiles/ProfilesModel.h"
#include "tests/support/TestDatabase.h"

#include <QAbstractItemModelTester>
#include <QScopeGuard>
#include <QTest>

#include <memory>

using namespace sb;

class TestProfilesModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_db;
    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<Context> m_ctx;

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
        QVERIFY(CompanyService(*m_ctx).topUp(Money::fromCents(100000), QStringLiteral("T")).ok());
        QVERIFY(MemberService(*m_ctx)
                    .add({QStringLiteral("alice.smith"), QStringLiteral("Alice"), {}, {}})
                    .ok());
        const ProfileService profiles(*m_ctx);
        NewSipProfile sales;
        sales.name = QStringLiteral("Sales");
        sales.department = QStringLiteral("Salg");
        sales.channels = 4;
        QVERIFY(profiles.create(sales).ok());
        NewSipProfile lab;
        lab.name = QStringLiteral("Lab");
        lab.auth = SipProfile::Auth::Ip;
        lab.ip = QStringLiteral("8.8.4.4");
        lab.port = 5080;
        QVERIFY(profiles.create(lab).ok());
        QVERIFY(profiles.allocateCredit(QStringLiteral("Sales"), Money::fromCents(1234)).ok());
        QVERIFY(
            profiles
                .link(QStringLiteral("Sales"), QStringLiteral("alice.smith"), QStringLiteral("12"))
                .ok());
    }

    void underModelTester()
    {
        ProfilesModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        model.setSearch(QStringLiteral("sal"));
        QCOMPARE(model.rowCount(), 1);
        model.setSearch(QStringLiteral("salg")); // the department
        QCOMPARE(model.rowCount(), 1);
        model.setSearch(QStringLiteral("%")); // a wildcard is searched for, not matched
        QCOMPARE(model.rowCount(), 0);
        model.setSearch(QString());
        model.refresh();
        QCOMPARE(model.rowCount(), 2);
    }

    void figures()
    {
        ProfilesModel model(*m_ctx);
        const int sales = model.rowOfName(QStringLiteral("sales"));
        const int lab = model.rowOfName(QStringLiteral("Lab"));
        QVERIFY(sales >= 0 && lab >= 0);
        QCOMPARE(model.data(model.index(sales, ProfilesModel::Channels)).toString(),
                 QStringLiteral("4"));
        QCOMPARE(model.data(model.index(sales, ProfilesModel::MonthlyCost)).toString(),
                 QStringLiteral("27.80"));
        QCOMPARE(
            model.data(model.index(sales, ProfilesModel::MonthlyCost), ProfilesModel::RawValueRole)
                .toLongLong(),
            2780);
        QCOMPARE(model.data(model.index(sales, ProfilesModel::Balance)).toString(),
                 QStringLiteral("12.34"));
        QCOMPARE(model.data(model.index(sales, ProfilesModel::Accounts)).toString(),
                 QStringLiteral("1"));
        QCOMPARE(model.data(model.index(lab, ProfilesModel::Authentication)).toString(),
                 QStringLiteral("IP 8.8.4.4:5080"));
        QCOMPARE(model.data(model.index(sales, ProfilesModel::Authentication)).toString(),
                 QStringLiteral("Registration"));
        QCOMPARE(
            model.data(model.index(lab, ProfilesModel::Name), ProfilesModel::NameRole).toString(),
            QStringLiteral("Lab"));
    }

    // A profile that owes for calls: words and a red foreground, raw cents below zero.
    void owedBalanceInWordsAndRed()
    {
        NewSipProfile desk;
        desk.name = QStringLiteral("Desk");
        QVERIFY(ProfileService(*m_ctx).create(desk).ok());
        const qint64 account = ProfileService(*m_ctx).find(QStringLiteral("Desk"))->accountId;
        QVERIFY(Transaction::run(m_ctx->db, [&](Transaction& tx) {
                    return Ledger(*m_ctx).charge(tx, account, Money::fromCents(1999),
                                                 QStringLiteral("call"));
                }).ok());
        ProfilesModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int row = model.rowOfName(QStringLiteral("Desk"));
        QVERIFY(row >= 0);
        const QModelIndex balance = model.index(row, ProfilesModel::Balance);
        QCOMPARE(model.data(balance).toString(), QStringLiteral("owes 19.99"));
        QCOMPARE(model.data(balance, Qt::AccessibleTextRole).toString(),
                 QStringLiteral("owes 19.99"));
        QCOMPARE(model.data(balance, ProfilesModel::RawValueRole).toLongLong(), -1999LL);
        const QColor red = model.data(balance, Qt::ForegroundRole).value<QColor>();
        QVERIFY(red.isValid());
        QVERIFY(red.red() > 2 * red.green() && red.red() > 2 * red.blue());
        const int sales = model.rowOfName(QStringLiteral("Sales"));
        QVERIFY(
            !model.data(model.index(sales, ProfilesModel::Balance), Qt::ForegroundRole).isValid());
        model.refresh();
    }

    // The monthly cost is the "Outgoing calls" total: channels and US minute bundles.
    void monthlyCostIncludesBundles()
    {
        const ProfileService profiles(*m_ctx);
        QVERIFY(profiles.allocateCredit(QStringLiteral("Lab"), Money::fromCents(10000)).ok());
        ProfilesModel model(*m_ctx);
        const int lab = model.rowOfName(QStringLiteral("Lab"));
        const qint64 channels = profiles.channelPrice().cents();
        QCOMPARE(
            model.data(model.index(lab, ProfilesModel::MonthlyCost), ProfilesModel::RawValueRole)
                .toLongLong(),
            channels);
        const BundleService bundles(*m_ctx);
        QVERIFY(bundles.add(QStringLiteral("Lab"), 1).ok());
        model.refresh();
        QCOMPARE(
            model.data(model.index(lab, ProfilesModel::MonthlyCost), ProfilesModel::RawValueRole)
                .toLongLong(),
            channels + bundles.cost(1).cents());
        // Cancelled: usable to the period's end, but no longer a monthly cost.
        QVERIFY(bundles.cancel(QStringLiteral("Lab")).ok());
        model.refresh();
        QCOMPARE(
            model.data(model.index(lab, ProfilesModel::MonthlyCost), ProfilesModel::RawValueRole)
                .toLongLong(),
            channels);
    }

    // The state icons' role (after the two tests above): Desk owes, Lab's bundles are
    // cancelled; the words say the same, so the icon is never the only sign.
    void stateRoles()
    {
        ProfilesModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int desk = model.rowOfName(QStringLiteral("Desk"));
        const int lab = model.rowOfName(QStringLiteral("Lab"));
        const int sales = model.rowOfName(QStringLiteral("Sales"));
        QVERIFY(desk >= 0 && lab >= 0 && sales >= 0);
        const auto state = [&](int row, int column) {
            return model.data(model.index(row, column), RowStateRole);
        };
        QCOMPARE(state(desk, ProfilesModel::Balance), QVariant(int(RowState::Owed)));
        QCOMPARE(model.state(desk, ProfilesModel::Balance), RowState::Owed);
        QCOMPARE(state(lab, ProfilesModel::MonthlyCost), QVariant(int(RowState::Cancelled)));
        QVERIFY(model.data(model.index(lab, ProfilesModel::MonthlyCost))
                    .toString()
                    .endsWith(QLatin1String("(bundles cancelled)")));
        QVERIFY(model.data(model.index(lab, ProfilesModel::MonthlyCost), Qt::AccessibleTextRole)
                    .toString()
                    .endsWith(QLatin1String("(bundles cancelled)")));
        for (int column = 0; column < ProfilesModel::ColumnCount; ++column) {
            QVERIFY(!state(sales, column).isValid());
            if (column != ProfilesModel::Balance)
                QVERIFY(!state(desk, column).isValid());
            if (column != ProfilesModel::MonthlyCost)
                QVERIFY(!state(lab, column).isValid());
        }
        QCOMPARE(model.state(sales, ProfilesModel::Channels), RowState::None);
    }

    // The Trunk column: the latest probe in short, read in one query with the rows, and
    // refreshed when the probe's results are announced.
    void trunkColumn()
    {
        Notifier notifier;
        m_ctx->notifier = &notifier;
        const auto detach = qScopeGuard([this]() { m_ctx->notifier = nullptr; });
        ProfilesModel model(*m_ctx);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int sales = model.rowOfName(QStringLiteral("Sales"));
        const int lab = model.rowOfName(QStringLiteral("Lab"));
        const auto text = [&](int row) {
            return model.data(model.index(row, ProfilesModel::Trunk)).toString();
        };
        const auto rank = [&](int row) {
            return model.data(model.index(row, ProfilesModel::Trunk), ProfilesModel::RawValueRole)
                .toLongLong();
        };
        QCOMPARE(model.headerData(ProfilesModel::Trunk, Qt::Horizontal).toString(),
                 QStringLiteral("Trunk"));
        QVERIFY(!model.headerData(ProfilesModel::Trunk, Qt::Horizontal, Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(text(sales), QString());
        QCOMPARE(rank(sales), -1LL);
        QVERIFY(model.data(model.index(sales, ProfilesModel::Trunk), Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Not checked yet")));

        const auto result = [this](ProbeResult::Kind kind, ProbeResult::Outcome outcome,
                                   std::optional<int> code, std::optional<int> rtt) {
            ProbeResult r;
            r.target = QStringLiteral("sip1.voice.example.net:5060");
            r.kind = kind;
            r.result = outcome;
            r.code = code;
            r.rttMs = rtt;
            r.reason = QStringLiteral("OK");
            r.limitMs = 32000;
            r.checkedAt = m_clock->now();
            return r;
        };
        const qint64 salesId = model.profile(sales).id;
        const qint64 labId = model.profile(lab).id;
        const ProbeService probes(*m_ctx);
        using K = ProbeResult::Kind;
        using O = ProbeResult::Outcome;
        QVERIFY(probes
                    .store(salesId, {result(K::Provider, O::Ok, 200, 23),
                                     result(K::Provider, O::Ok, 200, 41)})
                    .ok());
        QVERIFY(probes
                    .store(labId, {result(K::Pbx, O::Ok, 200, 12),
                                   result(K::Provider, O::Error, 503, std::nullopt),
                                   result(K::Provider, O::NoAnswer, std::nullopt, std::nullopt)})
                    .ok());
        QCOMPARE(text(model.rowOfName(QStringLiteral("Sales"))), QStringLiteral("OK 41 ms"));
        QCOMPARE(rank(model.rowOfName(QStringLiteral("Sales"))), 41LL);
        QCOMPARE(text(model.rowOfName(QStringLiteral("Lab"))), QStringLiteral("503"));
        QCOMPARE(rank(model.rowOfName(QStringLiteral("Lab"))), 100503LL);
        QCOMPARE(
            model
                .data(model.index(model.rowOfName(QStringLiteral("Lab")), ProfilesModel::Trunk),
                      Qt::ToolTipRole)
                .toString(),
            QStringLiteral("1 of 3 servers answered OK; checked %1")
                .arg(sb::shortDateTime(QLocale(), m_clock->now().toLocalTime())));

        QVERIFY(
            probes.store(labId, {result(K::Pbx, O::NoAnswer, std::nullopt, std::nullopt)}).ok());
        QCOMPARE(text(model.rowOfName(QStringLiteral("Lab"))), QStringLiteral("No answer"));
        QVERIFY(rank(model.rowOfName(QStringLiteral("Lab"))) >
                rank(model.rowOfName(QStringLiteral("Sales"))));
        ProbeResult unresolved = result(K::Provider, O::Error, std::nullopt, std::nullopt);
        unresolved.reason = QStringLiteral("The name x.invalid cannot be resolved");
        QVERIFY(probes.store(labId, {unresolved}).ok());
        QCOMPARE(text(model.rowOfName(QStringLiteral("Lab"))), QStringLiteral("Error"));
        // Nothing stays behind for the other tests.
        QVERIFY(probes.store(labId, {}).ok());
        QVERIFY(probes.store(salesId, {}).ok());
        QCOMPARE(text(model.rowOfName(QStringLiteral("Lab"))), QString());
    }
};

QTEST_GUILESS_MAIN(TestProfilesModel)
#include "tst_profilesmodel.moc"
