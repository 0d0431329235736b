// CallImporter on both engines: Master.csv and FreeSWITCH files generated here, rated against
// bills worked out by hand; re-import adds nothing twice; unknown account codes reported with
// count and first line; malformed lines reported and the good ones kept; cancel and a file
// that is not call records leave the database exactly as before; auto-recharge and its monthly
// limit under a stream of charges; charges that take a member or a profile below zero (owed);
// numbers read with each payer's country (national forms, international prefixes).

#include "tests/support/CoreTest.h"

#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/books/Ledger.h"
#include "core/calls/CallHistory.h"
#include "core/credit/CreditService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"
#include "core/rating/CallImporter.h"
#include "core/storage/Transaction.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <atomic>

using namespace sb;

namespace {

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

QByteArray quoted(const QString& s)
{
    QByteArray b = s.toUtf8();
    b.replace("\"", "\"\"");
    return '"' + b + '"';
}

// One Asterisk cdr_csv line (18 columns, loguniqueid and loguserfield on).
QByteArray asterisk(const QString& account, const QString& dst, qint64 billsec,
                    const QString& uniqueid, int minuteOfDay = 0)
{
    const QDateTime start =
        QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC).addSecs(minuteOfDay * 60);
    const bool answered = billsec > 0;
    const QDateTime answer = start.addSecs(5);
    const QDateTime end = answer.addSecs(billsec);
    const auto t = [](const QDateTime& d) {
        return d.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    QByteArrayList f{quoted(account),
                     quoted(QStringLiteral("1001")),
                     quoted(dst),
                     quoted(QStringLiteral("from-internal")),
                     quoted(QStringLiteral("\"Alice Berg\" <1001>")),
                     quoted(QStringLiteral("PJSIP/1001-00000001")),
                     quoted(QStringLiteral("PJSIP/trunk-00000002")),
                     quoted(QStringLiteral("Dial")),
                     quoted(QStringLiteral("PJSIP/%1@trunk,60").arg(dst)),
                     quoted(t(start)),
                     quoted(answered ? t(answer) : QString()),
                     quoted(t(end)),
                     QByteArray::number(billsec + 5),
                     QByteArray::number(billsec),
                     quoted(answered ? QStringLiteral("ANSWERED") : QStringLiteral("NO ANSWER")),
                     quoted(QStringLiteral("DOCUMENTATION")),
                     quoted(uniqueid),
                     quoted(QString())};
    return f.join(',') + '\n';
}

// One FreeSWITCH mod_cdr_csv line of the stock "example" template.
QByteArray freeswitch(const QString& account, const QString& dst, qint64 billsec,
                      const QString& uuid)
{
    const QDateTime start(QDate(2026, 3, 2), QTime(14, 0), Qt::UTC);
    const bool answered = billsec > 0;
    const auto t = [](const QDateTime& d) {
        return d.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    QByteArrayList f{
        quoted(QStringLiteral("Alice Berg")),
        quoted(QStringLiteral("1001")),
        quoted(dst),
        quoted(QStringLiteral("default")),
        quoted(t(start)),
        quoted(answered ? t(start.addSecs(3)) : QString()),
        quoted(t(start.addSecs(3 + billsec))),
        quoted(QString::number(billsec + 3)),
        quoted(QString::number(billsec)),
        quoted(answered ? QStringLiteral("NORMAL_CLEARING") : QStringLiteral("NO_ANSWER")),
        quoted(uuid),
        quoted(QString()),
        quoted(account),
        quoted(QStringLiteral("PCMU")),
        quoted(QStringLiteral("PCMU"))};
    return f.join(',') + '\n';
}

// The rates every bill below is worked out from.
const PriceList& testPrices()
{
    static const PriceList p = [] {
        auto r = PriceList::fromJson(R"({
            "numbers": {}, "bundle": "30.00", "channel": "6.95",
            "rates": [
                {"prefix": "1", "rate": "0.0100", "name": "NANP"},
                {"prefix": "1212", "rate": "0.0235", "name": "New York"},
                {"prefix": "44", "rate": "0.0500", "name": "United Kingdom"},
                {"prefix": "447", "rate": "0.1234", "name": "United Kingdom mobile"},
                {"prefix": "47", "rate": "0.0250", "name": "Norway"}
            ]})");
        if (!r)
            qFatal("test price list: %s", qPrintable(r.error().message));
        return *r;
    }();
    return p;
}

// Company 1000.00; member alice.berg with 50.00; IP profile Support with 20.00.
QString setUp(const Context& ctx)
{
    if (auto t = CompanyService(ctx).topUp(m(100000), QStringLiteral("SETUP")); !t)
        return t.error().message;
    if (auto a = MemberService(ctx).add(
            {QStringLiteral("alice.berg"), QStringLiteral("Alice Berg"), QString(), QString()});
        !a)
        return a.error().message;
    if (auto c = CreditService(ctx).allocate(m(5000), {QStringLiteral("alice.berg")}); !c)
        return c.error().message;
    NewSipProfile p;
    p.name = QStringLiteral("Support");
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    const ProfileService profiles(ctx, testPrices());
    if (auto c = profiles.create(p); !c)
        return c.error().message;
    if (auto c = profiles.allocateCredit(QStringLiteral("Support"), m(2000)); !c)
        return c.error().message;
    return {};
}

Result<CallImportReport> importBytes(const Context& ctx, const QByteArray& data,
                                     CallImportOptions options = {})
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    if (options.fileName.isEmpty())
        options.fileName = QStringLiteral("Master.csv");
    return CallImporter(ctx, testPrices()).import(&buffer, options);
}

qint64 balanceOf(const Context& ctx, const QString& table, const QString& keyColumn,
                 const QString& key)
{
    return sbt::scalar(ctx.db, QStringLiteral("SELECT a.balance_cents FROM accounts a JOIN %1 t"
                                              " ON t.account_id = a.id WHERE t.%2 = '%3'")
                                   .arg(table, keyColumn, key))
        .toLongLong();
}

qint64 alice(const Context& ctx)
{
    return balanceOf(ctx, QStringLiteral("members"), QStringLiteral("account_key"),
                     QStringLiteral("alice.berg"));
}

qint64 support(const Context& ctx)
{
    return balanceOf(ctx, QStringLiteral("profiles"), QStringLiteral("name_key"),
                     QStringLiteral("support"));
}

qint64 callLedgerSum(const Database& db)
{
    return sbt::scalar(db, QStringLiteral("SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT)"
                                          " FROM ledger WHERE kind = 'call'"))
        .toLongLong();
}

qint64 chargedSum(const Database& db)
{
    return sbt::scalar(db, QStringLiteral("SELECT CAST(COALESCE(SUM(charged_cents), 0) AS BIGINT)"
                                          " FROM calls"))
        .toLongLong();
}

void verifyBooksBalance(const Context& ctx)
{
    auto t = Ledger(ctx).totals();
    QVERIFY(t.ok());
    QCOMPARE(t->toppedUp - t->spent, t->balances);
    auto wrong = Ledger(ctx).inconsistentAccounts();
    QVERIFY(wrong.ok());
    QVERIFY(wrong->isEmpty());
}

} // namespace

#define SB_SET_UP(env)                                                                             \
    do {                                                                                           \
        const QString problem_ = setUp(*(env).ctx);                                                \
        QVERIFY2(problem_.isEmpty(), qPrintable(problem_));                                        \
    } while (0)

class TestCallImporter : public QObject
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

    void ratesMasterCsv_data() { sbt::addEngineRows(); }
    void ratesMasterCsv()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const qint64 companyBefore =
            sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                .toLongLong();
        QByteArray file;
        // 125 s → 3 min × 0.0235 (prefix 1212) = 0.0705 → 0.07
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("a.1"), 0);
        // 60 s → 1 min × 0.1234 (447, dialled with 011) → 0.12
        file += asterisk(QStringLiteral("Alice.Berg"), QStringLiteral("011447911123456"), 60,
                         QStringLiteral("a.2"), 1);
        // 61 s → 2 min × 0.0500 (44, dialled with 00) = 0.10
        file += asterisk(QStringLiteral("Support"), QStringLiteral("00442071838750"), 61,
                         QStringLiteral("a.3"), 2);
        // internal extension: not charged
        file += asterisk(QStringLiteral("Support"), QStringLiteral("2001"), 100,
                         QStringLiteral("a.4"), 3);
        // not answered: kept at 0
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 0,
                         QStringLiteral("a.5"), 4);
        // France has no rate in this price list: kept at 0, reported
        file += asterisk(QStringLiteral("support"), QStringLiteral("0033142685300"), 60,
                         QStringLiteral("a.6"), 5);
        // 1 s → 1 min × 0.0100 (1) = 0.01, national 1 + 10 digits
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("16467781234"), 1,
                         QStringLiteral("a.7"), 6);

        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 7);
        QCOMPARE(r->duplicates, 0);
        QCOMPARE(r->chargedCalls, 4);
        QCOMPARE(r->charged, m(7 + 12 + 10 + 1));
        QCOMPARE(r->owingPayers, 0);
        QCOMPARE(r->problemCount, 0);
        QVERIFY(r->unknownAccounts.isEmpty());
        QCOMPARE(r->unratedCount, 1);
        QCOMPARE(r->unrated.first().line, 6);
        QCOMPARE(r->unrated.first().destination, QStringLiteral("0033142685300"));

        QCOMPARE(alice(*e.ctx), 5000 - 7 - 12 - 1);
        QCOMPARE(support(*e.ctx), 2000 - 10);
        const qint64 companyAfter =
            sbt::scalar(e.db(), QStringLiteral("SELECT balance_cents FROM accounts WHERE id = 1"))
                .toLongLong();
        QCOMPARE(companyAfter, companyBefore);

        const QStringList rows = sbt::rows(
            e.db(), QStringLiteral(
                        "SELECT unique_id, CASE WHEN member_id IS NULL THEN 'p' ELSE 'm' END,"
                        " started_at, destination_e164, prefix, billsec, billed_minutes,"
                        " bundle_minutes, rate_ten_thousandths, cost_cents, charged_cents, status"
                        " FROM calls ORDER BY unique_id"));
        const QStringList expected{
            QStringLiteral("a.1|m|2026-03-01T09:00:00Z|+12127365000|1212|125|3|0|235|7|7|charged"),
            QStringLiteral(
                "a.2|m|2026-03-01T09:01:00Z|+447911123456|447|60|1|0|1234|12|12|charged"),
            QStringLiteral("a.3|p|2026-03-01T09:02:00Z|+442071838750|44|61|2|0|500|10|10|charged"),
            QStringLiteral("a.4|p|2026-03-01T09:03:00Z|||100|0|0|0|0|0|internal"),
            QStringLiteral("a.5|m|2026-03-01T09:04:00Z|+12127365000|1212|0|0|0|235|0|0|unanswered"),
            QStringLiteral("a.6|p|2026-03-01T09:05:00Z|+33142685300||60|0|0|0|0|0|norate"),
            QStringLiteral("a.7|m|2026-03-01T09:06:00Z|+16467781234|1|1|1|0|100|1|1|charged"),
        };
        QCOMPARE(rows, expected);
        // The key calls are sorted by payer on, written by the importer (account codes as
        // the PBX logged them: "Alice.Berg", "support"), the one the stored keys give.
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT DISTINCT payer_key FROM calls"
                                                  " ORDER BY payer_key")),
                 QStringList({QStringLiteral("alice.berg"), QStringLiteral("support")}));
        QCOMPARE(
            sbt::scalar(e.db(), QStringLiteral("SELECT COUNT(*) FROM calls c WHERE c.payer_key <>"
                                               " COALESCE((SELECT account_key FROM members m WHERE"
                                               " m.id = c.member_id), (SELECT name_key FROM"
                                               " profiles p WHERE p.id = c.profile_id), '')"))
                .toLongLong(),
            0);
        QCOMPARE(callLedgerSum(e.db()), 30);
        QCOMPARE(chargedSum(e.db()), 30);
        QCOMPARE(sbt::scalar(
                     e.db(),
                     QStringLiteral("SELECT COUNT(*) FROM activity WHERE action = 'calls.import'"))
                     .toLongLong(),
                 1);
        auto log = ActivityLog(*e.ctx).page(1);
        SB_VERIFY_OK(log);
        QCOMPARE(ActivityLog::describe(log->first()),
                 QStringLiteral("Imported 7 call record(s) from Master.csv and charged 0.30; "
                                "duplicates skipped: 0; lines not imported: 0"));
    }

    // Each call is read with its payer's country as the default region: national forms of
    // Norway for a member in NO, NANP's 10 digits for a payer in US, and each one's
    // international prefix ("00" in NO, "011" in US). The pipeline rates with the import's
    // region first; the importer rates again for a payer of another country.
    void ratesWithPayersCountry_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("region");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            for (const char* region : {"US", "NO"})
                QTest::addRow("%s, import region %s", qPrintable(engine), region)
                    << engine << QString::fromLatin1(region);
        }
    }
    void ratesWithPayersCountry()
    {
        QFETCH(QString, engine);
        QFETCH(QString, region);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        NewMember ola{QStringLiteral("ola.nordmann"), QStringLiteral("Ola Nordmann"), QString(),
                      QString(), QStringLiteral("NO")};
        SB_VERIFY_OK(MemberService(*e.ctx).add(ola));
        SB_VERIFY_OK(CreditService(*e.ctx).allocate(m(1000), {QStringLiteral("ola.nordmann")}));
        NewSipProfile oslo;
        oslo.name = QStringLiteral("Oslo");
        oslo.country = QStringLiteral("NO");
        const ProfileService profiles(*e.ctx, testPrices());
        SB_VERIFY_OK(profiles.create(oslo));
        SB_VERIFY_OK(profiles.allocateCredit(QStringLiteral("Oslo"), m(1000)));

        QByteArray file;
        // NO, national: +4722123456, 125 s → 3 min × 0.0250 = 0.075 → 0.08 (half up)
        file += asterisk(QStringLiteral("ola.nordmann"), QStringLiteral("22123456"), 125,
                         QStringLiteral("c.1"), 0);
        // NO, international with 00: +12125550123, 61 s → 2 min × 0.0235 = 0.047 → 0.05
        file += asterisk(QStringLiteral("ola.nordmann"), QStringLiteral("0012125550123"), 61,
                         QStringLiteral("c.2"), 1);
        // NO: ten digits are no Norwegian number: kept at 0, reported
        file += asterisk(QStringLiteral("ola.nordmann"), QStringLiteral("2125550123"), 60,
                         QStringLiteral("c.3"), 2);
        // US profile, NANP's 10 digits: +12125550123, 60 s → 1 min × 0.0235 → 0.02
        file += asterisk(QStringLiteral("Support"), QStringLiteral("2125550123"), 60,
                         QStringLiteral("c.4"), 3);
        // US member, international with 011: +4722123456, 60 s → 1 min × 0.0250 → 0.03
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("0114722123456"), 60,
                         QStringLiteral("c.5"), 4);
        // US member: eight digits are no NANP number: kept at 0, reported
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("22123456"), 60,
                         QStringLiteral("c.6"), 5);
        // NO profile, national mobile: +4791234567, 240 s → 4 min × 0.0250 = 0.10
        file += asterisk(QStringLiteral("Oslo"), QStringLiteral("91234567"), 240,
                         QStringLiteral("c.7"), 6);

        CallImportOptions o;
        o.region = region;
        auto r = importBytes(*e.ctx, file, o);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 7);
        QCOMPARE(r->chargedCalls, 5);
        QCOMPARE(r->charged, m(8 + 5 + 2 + 3 + 10));
        QCOMPARE(r->unratedCount, 2);
        QCOMPARE(r->unrated.at(0).line, 3);
        QCOMPARE(r->unrated.at(1).line, 6);
        const QStringList rows = sbt::rows(
            e.db(), QStringLiteral("SELECT unique_id, destination_e164, prefix, billed_minutes,"
                                   " rate_ten_thousandths, cost_cents, charged_cents, status"
                                   " FROM calls ORDER BY unique_id"));
        const QStringList expected{
            QStringLiteral("c.1|+4722123456|47|3|250|8|8|charged"),
            QStringLiteral("c.2|+12125550123|1212|2|235|5|5|charged"),
            QStringLiteral("c.3|||0|0|0|0|invalid"),
            QStringLiteral("c.4|+12125550123|1212|1|235|2|2|charged"),
            QStringLiteral("c.5|+4722123456|47|1|250|3|3|charged"),
            QStringLiteral("c.6|||0|0|0|0|invalid"),
            QStringLiteral("c.7|+4791234567|47|4|250|10|10|charged"),
        };
        QCOMPARE(rows, expected);
        QCOMPARE(alice(*e.ctx), 5000 - 3);
        QCOMPARE(support(*e.ctx), 2000 - 2);
        QCOMPARE(balanceOf(*e.ctx, QStringLiteral("members"), QStringLiteral("account_key"),
                           QStringLiteral("ola.nordmann")),
                 1000 - 8 - 5);
        QCOMPARE(balanceOf(*e.ctx, QStringLiteral("profiles"), QStringLiteral("name_key"),
                           QStringLiteral("oslo")),
                 1000 - 10);
        QCOMPARE(callLedgerSum(e.db()), 28);
        QCOMPARE(chargedSum(e.db()), 28);
        verifyBooksBalance(*e.ctx);
    }

    void ratesFreeSwitch_data() { sbt::addEngineRows(); }
    void ratesFreeSwitch()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QByteArray file;
        // 125 s → 3 min × 0.0235 → 0.07
        file += freeswitch(QStringLiteral("alice.berg"), QStringLiteral("+12127365000"), 125,
                           QStringLiteral("6f1c3d2e-0001"));
        // 600 s → 10 min × 0.1234 = 1.234 → 1.23
        file += freeswitch(QStringLiteral("Support"), QStringLiteral("011447911123456"), 600,
                           QStringLiteral("6f1c3d2e-0002"));
        // 59 s → 1 min × 0.0250 = 0.025 → 0.03 (half up)
        file += freeswitch(QStringLiteral("Support"), QStringLiteral("004722123400"), 59,
                           QStringLiteral("6f1c3d2e-0003"));
        file += freeswitch(QStringLiteral("Support"), QStringLiteral("2127365000"), 0,
                           QStringLiteral("6f1c3d2e-0004"));
        CallImportOptions o;
        o.format = CdrReader::Format::FreeSwitch;
        auto r = importBytes(*e.ctx, file, o);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 4);
        QCOMPARE(r->charged, m(7 + 123 + 3));
        QCOMPARE(alice(*e.ctx), 5000 - 7);
        QCOMPARE(support(*e.ctx), 2000 - 123 - 3);
        QCOMPARE(callLedgerSum(e.db()), 133);
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT status, cost_cents FROM calls"
                                                  " WHERE unique_id = '6f1c3d2e-0004'")),
                 QStringList{QStringLiteral("unanswered|0")});
    }

    void reimportAddsNothing_data() { sbt::addEngineRows(); }
    void reimportAddsNothing()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QByteArray file;
        for (int i = 0; i < 5; ++i)
            file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 125,
                             QStringLiteral("r.%1").arg(i), i);
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("r.0"), 0); // twice in the same file
        // No unique id logged (16 columns): the content hash stands in for it.
        QByteArray noId =
            asterisk(QStringLiteral("Support"), QStringLiteral("2127365000"), 125, QString(), 9);
        noId = noId.left(noId.lastIndexOf(",\"\",\"\"")) + '\n';
        file += noId;
        auto first = importBytes(*e.ctx, file);
        SB_VERIFY_OK(first);
        QCOMPARE(first->imported, 6);
        QCOMPARE(first->duplicates, 1);
        QCOMPARE(alice(*e.ctx), 5000 - 5 * 7);
        QCOMPARE(support(*e.ctx), 2000 - 7);
        const auto before = sbt::snapshot(e.db());
        auto again = importBytes(*e.ctx, file);
        SB_VERIFY_OK(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->duplicates, 7);
        QCOMPARE(again->charged, m(0));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("calls")), 6);
        auto after = sbt::snapshot(e.db());
        // Only the import's own activity line is new.
        QCOMPARE(after.accounts, before.accounts);
        QCOMPARE(after.ledger, before.ledger);
    }

    void unknownAccountCodes_data() { sbt::addEngineRows(); }
    void unknownAccountCodes()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QByteArray file;
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("u.1"));
        file += asterisk(QStringLiteral("nobody.here"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("u.2"));
        file += asterisk(QString(), QStringLiteral("2127365000"), 125, QStringLiteral("u.3"));
        file += asterisk(QStringLiteral("Nobody.Here"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("u.4"));
        file += asterisk(QStringLiteral("nobody.here"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("u.5"));
        // A member account named like the SIP profile: which pays is not guessed.
        SB_VERIFY_OK(MemberService(*e.ctx).add(
            {QStringLiteral("support"), QStringLiteral("Support Desk"), QString(), QString()}));
        file += asterisk(QStringLiteral("SUPPORT"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("u.6"));
        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 1);
        QCOMPARE(r->unknownRecords, 5);
        QCOMPARE(r->unknownAccounts.size(), 3);
        QCOMPARE(r->unknownAccounts[2].code, QStringLiteral("SUPPORT"));
        QCOMPARE(r->unknownAccounts[2].firstLine, 6);
        QCOMPARE(r->unknownAccounts[0].code, QStringLiteral("nobody.here"));
        QCOMPARE(r->unknownAccounts[0].count, 3);
        QCOMPARE(r->unknownAccounts[0].firstLine, 2);
        QCOMPARE(r->unknownAccounts[1].code, QString());
        QCOMPARE(r->unknownAccounts[1].count, 1);
        QCOMPARE(r->unknownAccounts[1].firstLine, 3);
        QCOMPARE(sbt::count(e.db(), QStringLiteral("calls")), 1);
        QCOMPARE(alice(*e.ctx), 5000 - 7);
    }

    void malformedLinesReportedGoodKept_data() { sbt::addEngineRows(); }
    void malformedLinesReportedGoodKept()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QByteArray file;
        file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("g.1"));
        file += "\"alice.berg\",\"1001\",\"too few columns\"\n";
        QByteArray badTime = asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"),
                                      60, QStringLiteral("g.x"));
        badTime.replace("2026-03-01 09:00:00", "2026-13-45 99:00:00");
        file += badTime;
        file += asterisk(QStringLiteral("Support"), QStringLiteral("2127365000"), 125,
                         QStringLiteral("g.2"), 1);
        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 2);
        QCOMPARE(r->problemCount, 2);
        QCOMPARE(r->problems.size(), 2);
        QCOMPARE(r->problems[0].line, 2);
        QCOMPARE(r->problems[1].line, 3);
        QVERIFY(!r->problems[0].reason.isEmpty());
        QCOMPARE(
            sbt::rows(e.db(), QStringLiteral("SELECT unique_id FROM calls ORDER BY unique_id")),
            (QStringList{QStringLiteral("g.1"), QStringLiteral("g.2")}));
        QCOMPARE(alice(*e.ctx), 5000 - 7);
        QCOMPARE(support(*e.ctx), 2000 - 7);
    }

    void cancelLeavesDatabaseUnchanged_data() { sbt::addEngineRows(); }
    void cancelLeavesDatabaseUnchanged()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QByteArray file;
        for (int i = 0; i < 50; ++i)
            file += asterisk(i % 2 ? QStringLiteral("alice.berg") : QStringLiteral("Support"),
                             QStringLiteral("2127365000"), 125, QStringLiteral("c.%1").arg(i), i);
        const auto before = sbt::snapshot(e.db());
        std::atomic<bool> cancel{false};
        qint64 progressCalls = 0;
        qint64 lastBytes = 0;
        CallImportOptions o;
        o.batchSize = 10;
        o.cancel = &cancel;
        o.progress = [&](qint64 bytes) {
            ++progressCalls;
            QVERIFY(bytes >= lastBytes);
            lastBytes = bytes;
            if (progressCalls == 2)
                cancel.store(true);
        };
        auto r = importBytes(*e.ctx, file, o);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Refused);
        QCOMPARE(progressCalls, 2);
        QVERIFY(lastBytes > 0 && lastBytes < file.size());
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("calls")), 0);

        // Not cancelled, the same file imports whole, with progress up to its end.
        cancel.store(false);
        progressCalls = -1000;
        lastBytes = 0;
        auto whole = importBytes(*e.ctx, file, o);
        SB_VERIFY_OK(whole);
        QCOMPARE(whole->imported, 50);
        QCOMPARE(lastBytes, file.size());
    }

    // An import of a good part of the history (here said to be, through the hint) inserts
    // with the calls' secondary indexes set aside and makes them again before it commits; a
    // cancelled one leaves them as they were. PostgreSQL keeps its indexes.
    void largeImportSetsIndexesAside_data() { sbt::addEngineRows(); }
    void largeImportSetsIndexesAside()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const QString indexSql =
            e.db().isPostgres()
                ? QStringLiteral("SELECT indexdef FROM pg_indexes WHERE tablename = 'calls'"
                                 " ORDER BY indexname")
                : QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND"
                                 " tbl_name = 'calls' AND sql IS NOT NULL ORDER BY name");
        const QStringList before = sbt::rows(e.db(), indexSql);
        QVERIFY(before.size() > 5);
        QByteArray file;
        for (int i = 0; i < 40; ++i)
            file += asterisk(i % 2 ? QStringLiteral("alice.berg") : QStringLiteral("Support"),
                             QStringLiteral("2127365000"), 125, QStringLiteral("x.%1").arg(i), i);
        std::atomic<bool> cancel{false};
        bool cancelMidway = true;
        qsizetype during = -1;
        CallImportOptions o;
        o.batchSize = 10;
        o.expectedRecords = 100000;
        o.cancel = &cancel;
        o.progress = [&](qint64) {
            if (during < 0)
                during = sbt::rows(e.db(), indexSql).size();
            if (cancelMidway)
                cancel.store(true);
        };
        QVERIFY(!importBytes(*e.ctx, file, o).ok());
        QCOMPARE(sbt::rows(e.db(), indexSql), before);
        QCOMPARE(during, e.db().isPostgres() ? before.size() : 0);

        cancel.store(false);
        cancelMidway = false;
        during = -1;
        auto r = importBytes(*e.ctx, file, o);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 40);
        QCOMPARE(during, e.db().isPostgres() ? before.size() : 0);
        QCOMPARE(sbt::rows(e.db(), indexSql), before);
        QCOMPARE(callLedgerSum(e.db()), chargedSum(e.db()));
        // The search index kept in step while its neighbours were away.
        sb::CallQuery q;
        q.search = QStringLiteral("2127365");
        q.limit = 100;
        auto page = sb::CallHistory(*e.ctx).page(q);
        SB_VERIFY_OK(page);
        QCOMPARE(page->size(), 40);
    }

    void notCsvRefused_data() { sbt::addEngineRows(); }
    void notCsvRefused()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const auto before = sbt::snapshot(e.db());
        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(static_cast<char>((i * 7919) % 256));
        auto r = importBytes(*e.ctx, binary);
        QVERIFY(!r.ok());
        QVERIFY(!r.error().message.isEmpty());
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));

        QByteArray text;
        for (int i = 0; i < 200; ++i)
            text += "Dear admin, this is a letter and not a call record at all.\n";
        auto t = importBytes(*e.ctx, text);
        QVERIFY(!t.ok());
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        QCOMPARE(sbt::count(e.db(), QStringLiteral("calls")), 0);
    }

    // Owing is any amount below zero, a few cents too: a call of 0.10 on 0.05 leaves
    // alice.berg owing 0.05, and the report says so.
    void owedByAFewCents_data() { sbt::addEngineRows(); }
    void owedByAFewCents()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        SB_VERIFY_OK(CreditService(*e.ctx).charge(QStringLiteral("alice.berg"), m(4995),
                                                  QStringLiteral("setup")));
        QCOMPARE(alice(*e.ctx), 5);
        // 10 minutes to prefix 1 (0.0100): 0.10.
        auto r = importBytes(*e.ctx,
                             asterisk(QStringLiteral("alice.berg"), QStringLiteral("16467781234"),
                                      600, QStringLiteral("few.1"), 0));
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 1);
        QCOMPARE(r->charged, m(10));
        QCOMPARE(alice(*e.ctx), -5);
        QCOMPARE(r->owingPayers, 1);
        QCOMPARE(r->owed, m(5));
        verifyBooksBalance(*e.ctx);
    }

    void autoRechargeUnderStream_data() { sbt::addEngineRows(); }
    void autoRechargeUnderStream()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        // alice.berg spends her 50.00 down to 1.00 first.
        const CreditService credit(*e.ctx);
        SB_VERIFY_OK(credit.charge(QStringLiteral("alice.berg"), m(4900), QStringLiteral("setup")));
        // Recharge 5.00 below 2.00, at most 10.00 a month: saving recharges at once (6.00,
        // 5.00 of the month's 10.00 used).
        SB_VERIFY_OK(credit.setAutoRecharge(QStringLiteral("alice.berg"), m(500), m(200), m(1000)));
        QCOMPARE(alice(*e.ctx), 600);
        // 20 calls of 100 minutes to prefix 1 (0.0100): 1.00 each.
        QByteArray file;
        for (int i = 0; i < 20; ++i)
            file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("16467781234"), 6000,
                             QStringLiteral("s.%1").arg(i, 2, 10, QLatin1Char('0')), i * 120);
        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        // 6.00 → 5.00, 4.00, 3.00, 2.00, 1.00: below 2.00, one recharge (10.00 of 10.00 used,
        // the limit is reached: suspended until April) → 6.00, then the last 15 calls are
        // charged in full all the same: 6.00 − 15.00 = −9.00, owed.
        QCOMPARE(r->imported, 20);
        QCOMPARE(r->recharges, 1);
        QCOMPARE(r->charged, m(2000));
        QCOMPARE(r->owingPayers, 1);
        QCOMPARE(r->owed, m(900));
        QCOMPARE(alice(*e.ctx), -900);
        QCOMPARE(callLedgerSum(e.db()), 2000);
        QCOMPARE(chargedSum(e.db()), 2000);
        QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT CAST(SUM(cost_cents) AS BIGINT)"
                                                    " FROM calls"))
                     .toLongLong(),
                 2000);
        verifyBooksBalance(*e.ctx);
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT recharged_cents, suspended_until FROM"
                                                  " auto_recharge")),
                 QStringList{QStringLiteral("1000|2026-04-01")});
        QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT COUNT(*) FROM activity WHERE action"
                                                    " = 'autorecharge.suspended'"))
                     .toLongLong(),
                 1);
        QCOMPARE(r->rechargeNews.size(), 1);
        QVERIFY2(r->rechargeNews.first().contains(QStringLiteral("limit")),
                 qPrintable(r->rechargeNews.first()));
    }

    // One call takes alice.berg to −7.00: auto-recharge of 5.00 below 2.00 needs two
    // recharges (−2.00, 3.00) and has room for them in its 20.00 a month. The next call
    // reaches the limit and leaves her owing, and the news says so.
    void owedMemberNeedsSeveralRecharges_data() { sbt::addEngineRows(); }
    void owedMemberNeedsSeveralRecharges()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        const CreditService credit(*e.ctx);
        SB_VERIFY_OK(credit.setAutoRecharge(QStringLiteral("alice.berg"), m(500), m(200), m(2000)));
        // 5700 minutes to prefix 1 (0.0100): 57.00 from 50.00.
        auto r = importBytes(*e.ctx,
                             asterisk(QStringLiteral("alice.berg"), QStringLiteral("16467781234"),
                                      5700 * 60, QStringLiteral("big.m")));
        SB_VERIFY_OK(r);
        QCOMPARE(r->charged, m(5700));
        QCOMPARE(r->recharges, 2);
        QCOMPARE(alice(*e.ctx), 300);
        QCOMPARE(r->owingPayers, 0);
        QVERIFY(r->rechargeNews.isEmpty());
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT recharged_cents, suspended_until FROM"
                                                  " auto_recharge")),
                 QStringList{QStringLiteral("1000|NULL")});
        // Another 30.00: −27.00; the two recharges left in the month's 20.00 bring −22.00 and
        // −17.00, and the limit leaves alice.berg owing 17.00.
        auto more = importBytes(*e.ctx, asterisk(QStringLiteral("alice.berg"),
                                                 QStringLiteral("16467781234"), 3000 * 60,
                                                 QStringLiteral("big.n"), 200));
        SB_VERIFY_OK(more);
        QCOMPARE(more->recharges, 2);
        QCOMPARE(alice(*e.ctx), -1700);
        QCOMPARE(more->owingPayers, 1);
        QCOMPARE(more->owed, m(1700));
        QCOMPARE(more->rechargeNews.size(), 1);
        QVERIFY2(more->rechargeNews.first().contains(QStringLiteral("owes 17.00")),
                 qPrintable(more->rechargeNews.first()));
        verifyBooksBalance(*e.ctx);
    }

    void fileAndTimeZone_data() { sbt::addEngineRows(); }
    void fileAndTimeZone()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Master.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // Logged in Oslo local time (UTC+1 in March): 09:00 local is 08:00 UTC.
            f.write(asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 125,
                             QStringLiteral("z.1")));
        }
        CallImportOptions o;
        o.zone = QTimeZone("Europe/Oslo");
        auto r = CallImporter(*e.ctx, testPrices()).importFile(path, o);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 1);
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT started_at, answered_at, ended_at FROM"
                                                  " calls")),
                 QStringList{QStringLiteral(
                     "2026-03-01T08:00:00Z|2026-03-01T08:00:05Z|2026-03-01T08:02:10Z")});
        auto log = ActivityLog(*e.ctx).page(1);
        SB_VERIFY_OK(log);
        QCOMPARE(log->first().subject, QStringLiteral("Master.csv"));

        const auto before = sbt::snapshot(e.db());
        auto missing = CallImporter(*e.ctx, testPrices())
                           .importFile(dir.filePath(QStringLiteral("missing.csv")), {});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void companyCannotPayRecharge_data() { sbt::addEngineRows(); }
    void companyCannotPayRecharge()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        // A recharge of 2000.00 the company (about 923.05) cannot pay.
        SB_VERIFY_OK(CreditService(*e.ctx).setAutoRecharge(QStringLiteral("alice.berg"), m(200000),
                                                           m(100000), m(400000)));
        QCOMPARE(alice(*e.ctx), 5000);
        QByteArray file;
        for (int i = 0; i < 3; ++i)
            file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("16467781234"), 6000,
                             QStringLiteral("n.%1").arg(i), i * 120);
        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->charged, m(300));
        QCOMPARE(r->recharges, 0);
        QCOMPARE(r->owingPayers, 0);
        QCOMPARE(alice(*e.ctx), 4700);
        QCOMPARE(r->rechargeNews.size(), 1);
        QVERIFY2(r->rechargeNews.first().contains(QStringLiteral("cannot pay")),
                 qPrintable(r->rechargeNews.first()));
    }

    void profileCallGoesOwed_data() { sbt::addEngineRows(); }
    void profileCallGoesOwed()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        // Support has 20.00; 1700 minutes to prefix 447 cost 209.78 (1700 × 0.1234): charged
        // in full, Support owes 189.78.
        QByteArray file = asterisk(QStringLiteral("Support"), QStringLiteral("011447911123456"),
                                   1700 * 60, QStringLiteral("big.1"));
        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->charged, m(20978));
        QCOMPARE(r->owingPayers, 1);
        QCOMPARE(r->owed, m(20978 - 2000));
        QCOMPARE(support(*e.ctx), 2000 - 20978);
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT cost_cents, charged_cents FROM calls")),
                 QStringList{QStringLiteral("20978|20978")});
        verifyBooksBalance(*e.ctx);
    }

    // A stream of charges takes a member and a profile below zero: every call is charged in
    // full, the calls' charged_cents add up to the ledger's 'call' entries, the books balance,
    // and the company still cannot be taken below zero while the owing accounts cannot pay
    // anything else.
    void streamTakesPayersBelowZero_data() { sbt::addEngineRows(); }
    void streamTakesPayersBelowZero()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_SET_UP(e);
        QByteArray file;
        // 30 calls each: alice.berg 30 × 2.35 (100 min to 1212) = 70.50 from 50.00;
        // Support 30 × 1.00 (20 min to 44) = 30.00 from 20.00.
        for (int i = 0; i < 30; ++i) {
            file += asterisk(QStringLiteral("alice.berg"), QStringLiteral("2127365000"), 6000,
                             QStringLiteral("sa.%1").arg(i), i * 2);
            file += asterisk(QStringLiteral("Support"), QStringLiteral("00442071838750"), 1200,
                             QStringLiteral("sp.%1").arg(i), i * 2 + 1);
        }
        auto r = importBytes(*e.ctx, file);
        SB_VERIFY_OK(r);
        QCOMPARE(r->imported, 60);
        QCOMPARE(r->chargedCalls, 60);
        QCOMPARE(r->charged, m(7050 + 3000));
        QCOMPARE(alice(*e.ctx), 5000 - 7050);
        QCOMPARE(support(*e.ctx), 2000 - 3000);
        QCOMPARE(r->owingPayers, 2);
        QCOMPARE(r->owed, m(2050 + 1000));
        QCOMPARE(chargedSum(e.db()), 7050 + 3000);
        QCOMPARE(callLedgerSum(e.db()), chargedSum(e.db()));
        QCOMPARE(sbt::scalar(e.db(), QStringLiteral("SELECT COUNT(*) FROM calls WHERE"
                                                    " charged_cents <> cost_cents"))
                     .toLongLong(),
                 0);
        verifyBooksBalance(*e.ctx);

        const auto before = sbt::snapshot(e.db());
        const Ledger ledger(*e.ctx);
        // The company is never owed: neither a call charge nor a transfer takes it below zero.
        auto company = Transaction::run(e.db(), [&](Transaction& tx) {
            return ledger.charge(tx, Ledger::CompanyAccount, m(1), QStringLiteral("call"));
        });
        QVERIFY(!company.ok());
        auto all = Transaction::run(e.db(), [&](Transaction& tx) {
            return ledger.transfer(tx, Ledger::CompanyAccount, 0, m(100000000),
                                   QStringLiteral("provider"));
        });
        QVERIFY(!all.ok());
        // An owing member cannot pay anything but calls.
        QVERIFY(!CreditService(*e.ctx)
                     .charge(QStringLiteral("alice.berg"), m(1), QStringLiteral("x"))
                     .ok());
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        // Even the storage refuses a company below zero.
        QVERIFY(!e.db().run(QStringLiteral("UPDATE accounts SET balance_cents = -1 WHERE id = 1")));
        QVERIFY(e.db().run(QStringLiteral("UPDATE accounts SET balance_cents = balance_cents - 1"
                                          " WHERE id = 2")));
        QVERIFY(e.db().run(QStringLiteral("UPDATE accounts SET balance_cents = balance_cents + 1"
                                          " WHERE id = 2")));
    }
};

QTEST_GUILESS_MAIN(TestCallImporter)
#include "tst_callimporter.moc"
