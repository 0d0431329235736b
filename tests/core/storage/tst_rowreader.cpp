// RowReader on both engines: it reads what Database::run reads (integers, text with
// non-ASCII letters, NULL as 0 and a null string), binds integers, text and NULL in order,
// ends after the last row, and a bad statement is a storage error value.

#include "tests/support/CoreTest.h"

#include "core/storage/RowReader.h"
#include "core/storage/Transaction.h"

using sb::RowReader;

class TestRowReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void readsAsRunDoes_data() { sbt::addEngineRows(); }
    void readsAsRunDoes()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const sb::Database& db = e.db();
        const QStringList values = {QStringLiteral("Zoë Øvergård"), QStringLiteral("plain"),
                                    QString(), QStringLiteral("12")};
        SB_VERIFY_OK(sb::Transaction::run(db, [&](sb::Transaction&) -> sb::Result<void> {
            for (int i = 0; i < values.size(); ++i) {
                auto q = db.run(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                                {QStringLiteral("rr%1").arg(i), sb::Database::text(values[i])});
                if (!q)
                    return q.error();
            }
            return {};
        }));
        const QString sql = QStringLiteral(
            "SELECT key, value, LENGTH(value), CASE WHEN key = ? THEN NULL ELSE 7 END,"
            " CASE WHEN key = ? THEN NULL ELSE value END FROM settings WHERE key LIKE ? AND key <> "
            "? ORDER BY key");
        const QVariantList binds = {QStringLiteral("rr1"), QStringLiteral("rr1"),
                                    QStringLiteral("rr%"), QStringLiteral("x")};
        // Read to the end first: nothing else may run on the connection while a reader is open.
        auto rows = RowReader::open(db, sql, binds);
        SB_VERIFY_OK(rows);
        QList<QVariantList> read;
        while (rows->next()) {
            read.append({rows->text(0), rows->text(1), rows->integer(2), rows->integer(3),
                         rows->text(4), QString::fromUtf8(rows->utf8(1).toByteArray())});
        }
        SB_VERIFY_OK(rows->finished());
        auto run = db.run(sql, binds);
        SB_VERIFY_OK(run);
        QCOMPARE(read.size(), values.size());
        for (int n = 0; n < read.size(); ++n) {
            const QVariantList& r = read[n];
            QVERIFY(run->next());
            QCOMPARE(r[0].toString(), run->value(0).toString());
            QCOMPARE(r[0].toString(), QStringLiteral("rr%1").arg(n));
            QCOMPARE(r[1].toString(), run->value(1).toString());
            QCOMPARE(r[1].toString(), values[n]);
            QCOMPARE(r[5].toString(), values[n]); // the same text as UTF-8 bytes
            QCOMPARE(r[2].toLongLong(), run->value(2).toLongLong());
            QCOMPARE(r[3].toLongLong(), n == 1 ? 0 : 7); // NULL reads as 0
            QCOMPARE(r[4].toString().isNull(), n == 1);  // and as a null string
            QCOMPARE(r[4].toString().isNull(), run->value(4).toString().isNull());
        }
        QVERIFY(!run->next());
        QVERIFY(!rows->next()); // stays at the end
    }

    void bindsNullAndIntegers_data() { sbt::addEngineRows(); }
    void bindsNullAndIntegers()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        auto rows = RowReader::open(
            e.db(),
            QStringLiteral("SELECT CASE WHEN CAST(? AS TEXT) IS NULL THEN 1 ELSE 0 END,"
                           " CAST(? AS BIGINT) + 1"),
            {QVariant(), qint64(1) << 40});
        SB_VERIFY_OK(rows);
        QVERIFY(rows->next());
        QCOMPARE(rows->integer(0), 1);
        QCOMPARE(rows->integer(1), (qint64(1) << 40) + 1);
        QVERIFY(!rows->next());
        SB_VERIFY_OK(rows->finished());
    }

    void badSqlIsAnError_data() { sbt::addEngineRows(); }
    void badSqlIsAnError()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        auto r =
            RowReader::open(e.db(), QStringLiteral("SELECT nothing FROM nowhere WHERE x = ?"), {1});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, sb::Error::Kind::Storage);
        QVERIFY(!r.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRowReader)
#include "tst_rowreader.moc"
