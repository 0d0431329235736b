// LedgerBatch: the entries it writes are exactly those of Ledger::transfer to outside (one per
// debit, in order, with kind and reference), each account's balance is updated once by the sum
// of its debits, the books balance; like Ledger::charge it may take a member's or a profile's
// balance below zero (owed) but never the company's, which is refused at flush; bad amounts
// are refused at once.

#include "tests/support/CoreTest.h"

#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/books/LedgerBatch.h"
#include "core/storage/Transaction.h"

using sb::Ledger;
using sb::LedgerBatch;
using sb::Money;

class TestLedgerBatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void sameEntriesAsTransfers_data() { sbt::addEngineRows(); }
    void sameEntriesAsTransfers()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(
            sb::CompanyService(*e.ctx).topUp(Money::fromCents(100000), QStringLiteral("T")));
        const Ledger ledger(*e.ctx);
        qint64 other = 0;
        SB_VERIFY_OK(sb::Transaction::run(e.db(), [&](sb::Transaction& tx) -> sb::Result<void> {
            auto a = ledger.createAccount(tx, QStringLiteral("profile"));
            if (!a)
                return a.error();
            other = *a;
            return ledger.transfer(tx, Ledger::CompanyAccount, other, Money::fromCents(5000),
                                   QStringLiteral("allocation"));
        }));
        const auto entriesBefore = sbt::count(e.db(), QStringLiteral("ledger"));
        // More debits than one INSERT holds, over two accounts.
        const int debits = LedgerBatch::RowsPerInsert * 2 + 7;
        qint64 companyTotal = 0, otherTotal = 0;
        SB_VERIFY_OK(sb::Transaction::run(e.db(), [&](sb::Transaction& tx) -> sb::Result<void> {
            LedgerBatch batch(*e.ctx, tx);
            for (int i = 0; i < debits; ++i) {
                const bool fromOther = i % 3 == 0;
                const qint64 cents = 1 + i % 13;
                (fromOther ? otherTotal : companyTotal) += cents;
                if (auto d = batch.debit(fromOther ? other : Ledger::CompanyAccount,
                                         Money::fromCents(cents), QStringLiteral("call"),
                                         QStringLiteral("c.%1").arg(i));
                    !d)
                    return d;
            }
            return batch.flush();
        }));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("ledger")), entriesBefore + debits);
        QCOMPARE(*ledger.balance(other), Money::fromCents(5000 - otherTotal));
        QCOMPARE(*ledger.balance(Ledger::CompanyAccount),
                 Money::fromCents(100000 - 5000 - companyTotal));
        // Entry by entry as transfer() writes them: from the account, to outside, in order.
        auto q = e.db().run(QStringLiteral(
            "SELECT from_account, to_account, amount_cents, kind, actor, reference, note"
            " FROM ledger WHERE kind = 'call' ORDER BY id"));
        SB_VERIFY_OK(q);
        for (int i = 0; i < debits; ++i) {
            QVERIFY(q->next());
            QCOMPARE(q->value(0).toLongLong(), i % 3 == 0 ? other : Ledger::CompanyAccount);
            QVERIFY(q->value(1).isNull());
            QCOMPARE(q->value(2).toLongLong(), qint64(1 + i % 13));
            QCOMPARE(q->value(4).toString(), e.ctx->actor);
            QCOMPARE(q->value(5).toString(), QStringLiteral("c.%1").arg(i));
            QCOMPARE(q->value(6).toString(), QString());
        }
        QVERIFY(!q->next());
        SB_VERIFY_BOOKS(*e.ctx);
    }

    void refusesWhatTheBalanceCannotCover_data() { sbt::addEngineRows(); }
    void refusesWhatTheBalanceCannotCover()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(Money::fromCents(1000), QStringLiteral("T")));
        const auto before = sbt::snapshot(e.db());
        auto r = sb::Transaction::run(e.db(), [&](sb::Transaction& tx) -> sb::Result<void> {
            LedgerBatch batch(*e.ctx, tx);
            for (int i = 0; i < 3; ++i) {
                if (auto d = batch.debit(Ledger::CompanyAccount, Money::fromCents(400),
                                         QStringLiteral("call"), QStringLiteral("x"));
                    !d)
                    return d;
            }
            return batch.flush();
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, sb::Error::Kind::Refused);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));

        auto zero = sb::Transaction::run(e.db(), [&](sb::Transaction& tx) -> sb::Result<void> {
            LedgerBatch batch(*e.ctx, tx);
            return batch.debit(Ledger::CompanyAccount, Money(), QStringLiteral("call"), {});
        });
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().kind, sb::Error::Kind::Invalid);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void takesAMemberBelowZero_data() { sbt::addEngineRows(); }
    void takesAMemberBelowZero()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(sb::CompanyService(*e.ctx).topUp(Money::fromCents(1000), QStringLiteral("T")));
        qint64 account = 0;
        SB_VERIFY_OK(sb::Transaction::run(e.db(), [&](sb::Transaction& tx) -> sb::Result<void> {
            auto a = Ledger(*e.ctx).createAccount(tx, QStringLiteral("member"));
            if (!a)
                return a.error();
            account = *a;
            if (auto t =
                    Ledger(*e.ctx).transfer(tx, Ledger::CompanyAccount, account,
                                            Money::fromCents(500), QStringLiteral("allocation"));
                !t)
                return t;
            LedgerBatch batch(*e.ctx, tx);
            for (int i = 0; i < 3; ++i) {
                if (auto d = batch.debit(account, Money::fromCents(400), QStringLiteral("call"),
                                         QStringLiteral("c%1").arg(i));
                    !d)
                    return d;
            }
            return batch.flush();
        }));
        auto b = Ledger(*e.ctx).balance(account);
        SB_VERIFY_OK(b);
        QCOMPARE(b->cents(), -700);
        SB_VERIFY_BOOKS(*e.ctx);
    }
};

QTEST_GUILESS_MAIN(TestLedgerBatch)
#include "tst_ledgerbatch.moc"
