// Transaction: RAII rollback unless committed, commit persists and becomes visible to other
// connections, Transaction::run commits on success, rolls back on error, and retries only
// busy/serialization failures of the storage, and a nested transaction on one connection is
// refused.

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/storage/Transaction.h"

using sb::Error;
using sb::Result;
using sb::Transaction;

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
    void nestedRunRefused_data() { sbt::addEngineRows(); }
    void nestedRunRefused();
    void nestedRefusalIgnoredKeepsOuterWork_data() { sbt::addEngineRows(); }
    void nestedRefusalIgnoredKeepsOuterWork();
};

namespace {
Result<void> recordRow(Transaction& tx, const sb::Context& ctx, const QString& subject = {})
{
    return sb::ActivityLog(ctx).record(tx, QStringLiteral("test.row"), subject, QString());
}
} // namespace

void TestTransaction::rollbackUnlessCommitted()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    {
        auto tx = Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(recordRow(tx.value(), *e.ctx, QStringLiteral("s")));
        SB_VERIFY_OK(
            e.db().run(QStringLiteral("UPDATE accounts SET balance_cents = 99 WHERE id = 1")));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 1); // visible inside
    }                                                                // destroyed without commit
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
    QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                 .toLongLong(),
             0);
    // The connection is usable again: a new transaction begins.
    auto next = Transaction::begin(e.db());
    SB_VERIFY_OK(next);
}

void TestTransaction::commitPersists()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    {
        auto tx = Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(recordRow(tx.value(), *e.ctx, QStringLiteral("s")));
        SB_VERIFY_OK(tx->commit());
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
    auto tx = Transaction::begin(e.db());
    SB_VERIFY_OK(tx);
    SB_VERIFY_OK(recordRow(tx.value(), *e.ctx));
    QCOMPARE(sbt::count(*other, QStringLiteral("activity")), 0);
    SB_VERIFY_OK(tx->commit());
    QCOMPARE(sbt::count(*other, QStringLiteral("activity")), 1);
}

void TestTransaction::commitTwiceRefused()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto tx = Transaction::begin(e.db());
    SB_VERIFY_OK(tx);
    SB_VERIFY_OK(tx->commit());
    auto second = tx->commit();
    QVERIFY(!second.ok());
    QCOMPARE(second.error().kind, Error::Kind::Storage);
    QVERIFY(!second.error().message.isEmpty());
}

void TestTransaction::runCommitsOnSuccess()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto r = Transaction::run(e.db(), [&](Transaction& tx) -> Result<int> {
        if (auto a = recordRow(tx, *e.ctx); !a)
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
    auto r = Transaction::run(e.db(), [&](Transaction& tx) -> Result<void> {
        ++attempts;
        if (auto a = recordRow(tx, *e.ctx); !a)
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
    auto r = Transaction::run(e.db(), [&](Transaction& tx) -> Result<int> {
        ++attempts;
        if (auto a = recordRow(tx, *e.ctx, QString::number(attempts)); !a)
            return a.error();
        if (attempts < 3)
            return Error::storage(QStringLiteral("simulated serialization failure"), true);
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
    auto r = Transaction::run(e.db(), [&](Transaction&) -> Result<void> {
        ++attempts;
        return Error::storage(QStringLiteral("disk full"));
    });
    QVERIFY(!r.ok());
    QCOMPARE(attempts, 1);
    // A rule's refusal is final even if it is marked retryable.
    attempts = 0;
    auto refused = Transaction::run(e.db(), [&](Transaction&) -> Result<void> {
        ++attempts;
        Error no = Error::refused(QStringLiteral("balance too low"));
        no.retryable = true;
        return no;
    });
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QCOMPARE(attempts, 1);
    // And a real SQL error inside: reported as storage, nothing written.
    auto bad = Transaction::run(e.db(), [&](Transaction& tx) -> Result<void> {
        if (auto a = recordRow(tx, *e.ctx); !a)
            return a.error();
        if (auto bad = e.db().run(QStringLiteral("INSERT INTO no_such_table VALUES (1)")); !bad)
            return bad.error();
        return {};
    });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().kind, Error::Kind::Storage);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
}

// A transaction begun while another is open on the same connection is refused (in release
// builds too): the inner work never runs, and the outer transaction is left as it was, so
// passing the refusal on rolls back the outer work, once, without a retry.
void TestTransaction::nestedRunRefused()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    int outerAttempts = 0;
    bool innerRan = false;
    auto r = Transaction::run(e.db(), [&](Transaction& tx) -> Result<void> {
        ++outerAttempts;
        if (auto a = recordRow(tx, *e.ctx, QStringLiteral("outer")); !a)
            return a.error();
        auto direct = Transaction::begin(e.db());
        if (direct)
            return Error::invalid(QStringLiteral("a nested begin() was allowed"));
        return Transaction::run(e.db(), [&](Transaction& inner) -> Result<void> {
            innerRan = true;
            return recordRow(inner, *e.ctx, QStringLiteral("inner"));
        });
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Storage);
    QVERIFY(!r.error().retryable);
    QCOMPARE(r.error().message,
             QCoreApplication::translate("sb::Transaction",
                                         "A transaction is already open on this connection."));
    QVERIFY(!innerRan);
    QCOMPARE(outerAttempts, 1);
    QCOMPARE(sbt::count(e.db(), QStringLiteral("activity")), 0);
    // The connection is free again once the outer transaction has ended.
    auto after = Transaction::begin(e.db());
    SB_VERIFY_OK(after);
    SB_VERIFY_OK(after->commit());
}

// The refusal changes nothing itself: outer work that carries on commits its own writes,
// and nothing of the refused inner work.
void TestTransaction::nestedRefusalIgnoredKeepsOuterWork()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    auto r = Transaction::run(e.db(), [&](Transaction& tx) -> Result<void> {
        if (auto a = recordRow(tx, *e.ctx, QStringLiteral("outer")); !a)
            return a.error();
        auto inner = Transaction::run(e.db(), [&](Transaction& nested) -> Result<void> {
            return recordRow(nested, *e.ctx, QStringLiteral("inner"));
        });
        if (inner)
            return Error::invalid(QStringLiteral("a nested run() was allowed"));
        return recordRow(tx, *e.ctx, QStringLiteral("outer again"));
    });
    SB_VERIFY_OK(r);
    auto other = e.db().openAnother();
    SB_VERIFY_OK(other);
    QCOMPARE(sbt::rows(*other, QStringLiteral("SELECT subject FROM activity ORDER BY id")),
             (QStringList{QStringLiteral("outer"), QStringLiteral("outer again")}));
}

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
