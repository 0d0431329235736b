// AttentionModel: the attention list as a table under QAbstractItemModelTester, its roles,
// and a refresh after the admin dealt with an entry.

#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "models/reports/AttentionModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace sb;

class TestAttentionModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_keys;

private slots:
    void initTestCase()
    {
        SB_INIT_CORE_TEST();
        qputenv("SWITCHBOARD_SECRET_KEY_FILE",
                m_keys.filePath(QStringLiteral("secrets.key")).toLocal8Bit());
        qputenv("SWITCHBOARD_NO_KEYCHAIN", "1");
    }

    void rowsAndRoles_data() { sbt::addEngineRows(); }
    void rowsAndRoles()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(100000), QStringLiteral("T")));
        SB_VERIFY_OK(MemberService(ctx).add(
            {QStringLiteral("anna.berg"), QStringLiteral("Anna"), QString(), QString()}));
        // Three profiles at zero, two listed per kind: two rows and "… and 1 more".
        for (const char* name : {"Alpha", "Beta", "Gamma"}) {
            NewSipProfile p;
            p.name = QString::fromLatin1(name);
            p.auth = SipProfile::Auth::Ip;
            p.ip = QStringLiteral("8.8.4.4");
            SB_VERIFY_OK(ProfileService(ctx).create(p));
        }
        AttentionModel model(ctx, nullptr, 2);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.refresh();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(AttentionModel::ColumnCount));
        const QModelIndex first = model.index(0, AttentionModel::Subject);
        QCOMPARE(first.data().toString(), QStringLiteral("Alpha"));
        QCOMPARE(first.data(AttentionModel::KeyRole).toString(), QStringLiteral("Alpha"));
        QCOMPARE(first.data(AttentionModel::RawValueRole).toString(), QStringLiteral("Alpha"));
        QCOMPARE(first.data(AttentionModel::TargetRole).toInt(),
                 int(AttentionItem::Target::Profile));
        QCOMPARE(first.data(AttentionModel::KindRole).toInt(), int(AttentionItem::Kind::NoCredit));
        QCOMPARE(
            model.index(0, AttentionModel::Severity).data(AttentionModel::RawValueRole).toInt(),
            int(AttentionItem::Severity::Critical));
        QCOMPARE(model.index(0, AttentionModel::Severity).data().toString(),
                 AttentionModel::severityText(AttentionItem::Severity::Critical));
        QVERIFY(model.index(0, AttentionModel::Details)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Alpha")));
        QCOMPARE(model.index(0, AttentionModel::Details).data(AttentionModel::RawValueRole),
                 QVariant(qint64(0)));
        QCOMPARE(model.index(2, 0).data(AttentionModel::MoreRole).toInt(), 1);
        QVERIFY(model.index(2, 0).data(AttentionModel::KeyRole).toString().isEmpty());
        QVERIFY(!model.index(0, 0).data(Qt::AccessibleTextRole).toString().isEmpty());
        QVERIFY(!model.headerData(AttentionModel::Details, Qt::Horizontal).toString().isEmpty());

        // A new language: the headers and urgency words say so at once, without waiting for
        // the dashboard's next read.
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
        model.retranslate();
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.at(0).at(0).value<Qt::Orientation>(), Qt::Horizontal);
        QCOMPARE(headers.at(0).at(1).toInt(), 0);
        QCOMPARE(headers.at(0).at(2).toInt(), AttentionModel::ColumnCount - 1);
        QCOMPARE(cells.size(), 1);
        QCOMPARE(cells.at(0).at(0).toModelIndex(), model.index(0, 0));
        QCOMPARE(cells.at(0).at(1).toModelIndex(), model.index(2, AttentionModel::ColumnCount - 1));

        for (const char* name : {"Alpha", "Beta"})
            SB_VERIFY_OK(ProfileService(ctx).allocateCredit(QString::fromLatin1(name),
                                                            Money::fromCents(100)));
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AttentionModel::Subject).data().toString(),
                 QStringLiteral("Gamma"));
        QVERIFY(model.lastError().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAttentionModel)
#include "tst_attentionmodel.moc"
