// Transaction: RAII rollback unless committed, commit persists and becomes visible to other
// connections, Transaction::run commits on success, rolls back on error, and retries only
// busy/serialization failures of the storage.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/storage/Transaction.h"

using sb::Error;
using sb::Result;
using sb::Transaction;

namespace {
// A line of the activity log to write inside a transaction; its subject is `account`.
sb::ActivityEvent testRow(const QString& account = {})
{
    return sb::ActivityEvent::memberAdded(account, QStringLiteral("Test Row"));
}
} // namespace

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void rollbackUnlessCommitted_data() { sbt::addEngineRows(); }
    void rollbackUnlessCommitted();
    void commitPersists_data() { sbt::addEngineRows(); }
    void commitPersists();
    void uncommittedInvisibleToOthers_data() { sbt::addEngineRows(); }
    void uncommittedInvisibleToOthers();
    void commitTwiceRefused_data() { sbt::addEngineRows(); }
    void commitTwiceRefused();
    void runCommitsOnSuccess_data() { sbt::addEngineRows(); }
    void runCommitsOnSuccess();
    void runRollsBackOnError_data() { sbt::addEngineRows(); }
    void runRollsBackOnError();
    void runRetriesRetryableStorageFailure_data() { sbt::addEngineRows(); }
    void runRetriesRetryableStorageFailure();
    void runDoesNotRetryOtherFailures_data() { sbt::addEngineRows(); }
    void runDoesNotRetryOtherFailures();
};

void TestTransaction::rollbackUnlessCommitted()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    {
        Transaction tx(e.db());
        QVERIFY(tx.begun());
        SB_VERIFY_OK(sb::ActivityLog(*e.ctx).record(testRow(QStringLiteral("s"))));
        QVERIFY(e.db().execDirect(
            QStringLiteral("UPDATE accounts SET balance_cents = 99 WHERE id = 1")));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 1); // visible inside
    }                                                                // destroyed without commit
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                 .toLongLong(),
             0);
    // The connection is usable again: a new transaction begins.
    Transaction next(e.db());
    QVERIFY(next.begun());
}

void TestTransaction::commitPersists()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    {
        Transaction tx(e.db());
        QVERIFY(tx.begun());
        SB_VERIFY_OK(sb::ActivityLog(*e.ctx).record(testRow(QStringLiteral("s"))));
        SB_VERIFY_OK(tx.commit());
    }
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 1);
    auto other = e.db().openAnother();
    SB_VERIFY_OK(other);
    QCOMPARE(sbt::count(*other, QStringLiteral("activity")), 1);
}

void TestTransaction::uncommittedInvisibleToOthers()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto other = e.db().openAnother();
    SB_VERIFY_OK(other);
    Transaction tx(e.db());
    QVERIFY(tx.begun());
    SB_VERIFY_OK(sb::ActivityLog(*e.ctx).record(testRow()));
    QCOMPARE(sbt::count(*other, QStringLiteral("activity")), 0);
    SB_VERIFY_OK(tx.commit());
    QCOMPARE(sbt::count(*other, QStringLiteral("activity")), 1);
}

void TestTransaction::commitTwiceRefused()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    Transaction tx(e.db());
    QVERIFY(tx.begun());
    SB_VERIFY_OK(tx.commit());
    auto second = tx.commit();
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, Error::Kind::Storage);
    QVERIFY(!second.error().message.isEmpty());
}

void TestTransaction::runCommitsOnSuccess()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto r = Transaction::run(e.db(), [&]() -> Result<int> {
        if (auto a = sb::ActivityLog(*e.ctx).record(testRow()); !a)
            return a.error();
        return 42;
    });
    SB_VERIFY_OK(r);
    QCOMPARE(*r, 42);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 1);
}

void TestTransaction::runRollsBackOnError()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    int attempts = 0;
    auto r = Transaction::run(e.db(), [&]() -> Result<void> {
        ++attempts;
        if (auto a = sb::ActivityLog(*e.ctx).record(testRow()); !a)
            return a.error();
        return Error::refused(QStringLiteral("no, thank you"));
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Refused);
    QCOMPARE(r.error().message, QStringLiteral("no, thank you"));
    QCOMPARE(attempts, 1);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
}

// A busy/serialization failure (what a concurrent writer causes) is retried in a fresh
// transaction; the first attempt's writes are rolled back, so the work lands once.
void TestTransaction::runRetriesRetryableStorageFailure()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    int attempts = 0;
    auto r = Transaction::run(e.db(), [&]() -> Result<int> {
        ++attempts;
        if (auto a = sb::ActivityLog(*e.ctx).record(testRow(QString::number(attempts))); !a)
            return a.error();
        if (attempts < 3) {
            e.db().noteFailure(QStringLiteral("simulated serialization failure"), true);
            return Error::storage(QStringLiteral("simulated serialization failure"));
        }
        return attempts;
    });
    SB_VERIFY_OK(r);
    QCOMPARE(*r, 3);
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT subject FROM activity")),
             QStringList{QStringLiteral("3")});
}

void TestTransaction::runDoesNotRetryOtherFailures()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    // A storage failure that is not busy/serialization: no retry.
    int attempts = 0;
    auto r = Transaction::run(e.db(), [&]() -> Result<void> {
        ++attempts;
        e.db().noteFailure(QStringLiteral("disk full"), false);
        return Error::storage(QStringLiteral("disk full"));
    });
    QVERIFY(!r.ok());
    QCOMPARE(attempts, 1);
    // A rule's refusal is final even if the connection's last failure was retryable.
    attempts = 0;
    auto refused = Transaction::run(e.db(), [&]() -> Result<void> {
        ++attempts;
        e.db().noteFailure(QStringLiteral("busy"), true);
        return Error::refused(QStringLiteral("balance too low"));
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QCOMPARE(attempts, 1);
    // And a real SQL error inside: reported as storage, nothing written.
    auto bad = Transaction::run(e.db(), [&]() -> Result<void> {
        if (auto a = sb::ActivityLog(*e.ctx).record(testRow()); !a)
            return a.error();
        if (!e.db().execDirect(QStringLiteral("INSERT INTO no_such_table VALUES (1)")))
            return Error::storage(e.db().lastErrorText());
        return {};
    });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, Error::Kind::Storage);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
}

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
