// Statement: prepared once, executed many times with new values on both engines; rows
// affected and results per execution; a failure is a storage error value, and the statement
// still works after it.

#include "tests/support/CoreTest.h"

#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

using sb::Statement;

class TestStatement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void executesManyTimes_data() { sbt::addEngineRows(); }
    void executesManyTimes()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const sb::Database& db = e.db();
        auto tx = sb::Transaction::begin(db);
        SB_VERIFY_OK(tx);
        Statement insert(db, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?),"
                                            " (?, ?)"));
        for (int i = 0; i < 50; ++i) {
            insert.add(QStringLiteral("k%1").arg(2 * i))
                .add(QString::number(i))
                .add(QStringLiteral("k%1").arg(2 * i + 1))
                .add(QString::number(-i));
            SB_VERIFY_OK(insert.exec());
            QCOMPARE(insert.rowsAffected(), 2);
        }
        Statement find(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"));
        for (int i : {0, 17, 99}) {
            find.add(QStringLiteral("k%1").arg(i));
            SB_VERIFY_OK(find.exec());
            QVERIFY(find.query().next());
            QCOMPARE(find.query().value(0).toString(), QString::number(i % 2 ? -(i / 2) : i / 2));
            QVERIFY(!find.query().next());
        }
        // A duplicate key fails as a value; the statement goes on working afterwards (on
        // PostgreSQL only after the failed transaction is gone, so check it on SQLite).
        insert.add(QStringLiteral("k0")).add(QStringLiteral("x"));
        insert.add(QStringLiteral("new")).add(QStringLiteral("y"));
        auto dup = insert.exec();
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, sb::Error::Kind::Storage);
        if (!db.isPostgres()) {
            insert.add(QStringLiteral("a")).add(QStringLiteral("1"));
            insert.add(QStringLiteral("b")).add(QStringLiteral("2"));
            SB_VERIFY_OK(insert.exec());
            SB_VERIFY_OK(tx->commit());
            QCOMPARE(sbt::count(db, QStringLiteral("settings")), qint64(102));
        }
    }

    void badSqlIsAnError_data() { sbt::addEngineRows(); }
    void badSqlIsAnError()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        Statement bad(e.db(), QStringLiteral("SELECT nothing FROM nowhere WHERE x = ?"));
        bad.add(1);
        auto r = bad.exec();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, sb::Error::Kind::Storage);
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"
