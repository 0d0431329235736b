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

    // A statement that only writes (on SQLite through the connection's own handle) stores
    // every kind of value exactly as one bound through QtSql does, counts its rows, and a
    // failure is a value after which it goes on working.
    void writesLikeQtSql_data() { sbt::addEngineRows(); }
    void writesLikeQtSql()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const sb::Database& db = e.db();
        SB_VERIFY_OK(db.run(db.isPostgres()
                                ? QStringLiteral("CREATE TABLE kinds (k TEXT PRIMARY KEY, i BIGINT,"
                                                 " r DOUBLE PRECISION, s TEXT, b BYTEA)")
                                : QStringLiteral("CREATE TABLE kinds (k TEXT PRIMARY KEY, i BIGINT,"
                                                 " r DOUBLE PRECISION, s TEXT, b BLOB)")));
        const QString sql = QStringLiteral("INSERT INTO kinds (k, i, r, s, b) VALUES"
                                           " (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)");
        const QVariantList values = {
            QVariant(qint64(-9007199254740993)),
            2.5,
            QStringLiteral("Ødegård ł é ĳ 😀"),
            QByteArray("\0\x01bin", 5),
            QVariant(42),
            QVariant(QMetaType::fromType<double>()),
            QString(),
            QVariant(QMetaType::fromType<QByteArray>()),
        };
        const auto write = [&](Statement::Kind kind, const QString& prefix) {
            Statement insert(db, sql, kind);
            insert.add(QString(prefix + QStringLiteral("a")))
                .add(values[0])
                .add(values[1])
                .add(values[2])
                .add(values[3]);
            insert.add(QString(prefix + QStringLiteral("b")))
                .add(values[4])
                .add(values[5])
                .add(values[6])
                .add(values[7]);
            SB_VERIFY_OK(insert.exec());
            QCOMPARE(insert.rowsAffected(), 2);
            if (db.isPostgres())
                return;
            // A duplicate key: a storage error, nothing written, and the statement still works.
            insert.add(QString(prefix + QStringLiteral("a")))
                .add(1)
                .add(1.0)
                .add(QStringLiteral("x"))
                .add(QByteArray("x"));
            insert.add(QString(prefix + QStringLiteral("c")))
                .add(1)
                .add(1.0)
                .add(QStringLiteral("x"))
                .add(QByteArray("x"));
            auto dup = insert.exec();
            QVERIFY(!dup.ok());
            QCOMPARE(dup.error().kind, sb::Error::Kind::Storage);
            QVERIFY(!dup.error().message.isEmpty());
            insert.add(QString(prefix + QStringLiteral("d")))
                .add(1)
                .add(1.0)
                .add(QStringLiteral("x"))
                .add(QByteArray("x"));
            insert.add(QString(prefix + QStringLiteral("e")))
                .add(2)
                .add(2.0)
                .add(QStringLiteral("y"))
                .add(QByteArray("y"));
            SB_VERIFY_OK(insert.exec());
            QCOMPARE(insert.rowsAffected(), 2);
        };
        write(Statement::Kind::Reads, QStringLiteral("qt-"));
        write(Statement::Kind::Writes, QStringLiteral("native-"));

        // What a statement that Returns gives back is what QtSql reads of the rows.
        Statement returning(db,
                            QStringLiteral("INSERT INTO kinds (k, i, r, s, b) VALUES"
                                           " (?, ?, ?, ?, ?), (?, ?, ?, ?, ?) RETURNING k, i, r,"
                                           " s, b"),
                            Statement::Kind::Returns);
        returning.add(QStringLiteral("returned-a"));
        for (int v = 0; v < 4; ++v)
            returning.add(values[v]);
        returning.add(QStringLiteral("returned-b"));
        for (int v = 4; v < 8; ++v)
            returning.add(values[v]);
        SB_VERIFY_OK(returning.exec());
        QCOMPARE(returning.rowsAffected(), 2);
        const QList<QVariantList> rows = returning.returned();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].size(), 5);
        QCOMPARE(rows[0][0].toString(), QStringLiteral("returned-a"));
        QCOMPARE(rows[0][1].toLongLong(), qint64(-9007199254740993));
        QCOMPARE(rows[0][2].toDouble(), 2.5);
        QCOMPARE(rows[0][3].toString(), QStringLiteral("Ødegård ł é ĳ 😀"));
        QCOMPARE(rows[0][4].toByteArray(), QByteArray("\0\x01bin", 5));
        QCOMPARE(rows[1][1].toLongLong(), qint64(42));
        QVERIFY(rows[1][2].isNull());
        QVERIFY(rows[1][3].isNull());
        QVERIFY(rows[1][4].isNull());
        QVERIFY(!returning.exec().ok()); // nothing bound: an error, and no rows left over
        QVERIFY(returning.returned().isEmpty());
        const auto read = [&](const QString& prefix) {
            auto q = db.run(QStringLiteral("SELECT k, i, r, s, b, s IS NULL, b IS NULL, r IS NULL"
                                           " FROM kinds WHERE k LIKE ? ORDER BY k"),
                            {QString(prefix + QStringLiteral("%"))});
            QStringList out;
            while (q && q->next()) {
                QStringList row{q->value(0).toString().mid(prefix.size())};
                for (int c = 1; c < 8; ++c)
                    row << (c == 4 ? QString::fromLatin1(q->value(c).toByteArray().toHex())
                                   : q->value(c).toString());
                out << row.join(u'|');
            }
            return out;
        };
        const QStringList qt = read(QStringLiteral("qt-"));
        QCOMPARE(qt.size(), db.isPostgres() ? 2 : 4);
        QCOMPARE(read(QStringLiteral("native-")), qt);
        QVERIFY2(qt.first().contains(QStringLiteral("Ødegård ł é ĳ 😀")), qPrintable(qt.first()));
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
