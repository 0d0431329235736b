// Changes as JSON and ChangeChannel's payloads: a round trip keeps every field, anything
// that is not a payload is refused (the channel is open to any client of the database), a
// payload never reaches PostgreSQL's 8000-byte limit, and a send on SQLite is nothing.

#include "tests/support/CoreTest.h"

#include "core/storage/ChangeChannel.h"
#include "core/storage/Notifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using sb::ChangeChannel;
using sb::Changes;

namespace {
Changes sample()
{
    return Changes()
        .withMembers({3, 1, 9007199254740992LL})
        .withNumbers({QStringLiteral("+12125550100"), QStringLiteral("+4722123400")})
        .withProfiles({7})
        .withCompanyBalance()
        .withActivity();
}

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestChangeChannel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void jsonRoundTrip();
    void jsonLeavesOutWhatIsNotSet();
    void everythingRoundTrips();
    void jsonRefusesWrongTypes_data();
    void jsonRefusesWrongTypes();
    void jsonIgnoresUnknownKeys();
    void payloadRoundTrip();
    void originIsStableAndNamesThisProcess();
    void payloadTooLargeCollapsesLongestListFirst();
    void payloadOfNumbersCollapses();
    void parseRefusesGarbage_data();
    void parseRefusesGarbage();
    void sendOnSqliteIsNothing();
};

void TestChangeChannel::jsonRoundTrip()
{
    const Changes c = sample();
    const auto back = Changes::fromJson(c.toJson());
    QVERIFY(back.has_value());
    QVERIFY(*back == c);
    Changes flags = Changes().withAllMembers().withAllNumbers().withAllProfiles().withCalls();
    QVERIFY(*Changes::fromJson(flags.toJson()) == flags);
}

void TestChangeChannel::jsonLeavesOutWhatIsNotSet()
{
    QCOMPARE(Changes().toJson(), QJsonObject());
    const QJsonObject o = Changes().withMembers({5}).withCompanyBalance().toJson();
    QCOMPARE(o.keys(), (QStringList{QStringLiteral("companyBalance"), QStringLiteral("members")}));
    QCOMPARE(o.value(QLatin1String("members")).toArray(), QJsonArray({5}));
    QVERIFY(Changes::fromJson(QJsonObject())->isEmpty());
}

void TestChangeChannel::everythingRoundTrips()
{
    const Changes all = Changes::everything();
    QVERIFY(all.allMembers && all.allNumbers && all.allProfiles && all.companyBalance &&
            all.activity && all.calls);
    QVERIFY(all.memberIds.isEmpty() && all.numbers.isEmpty() && all.profileIds.isEmpty());
    QVERIFY(*Changes::fromJson(all.toJson()) == all);
}

void TestChangeChannel::jsonRefusesWrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("members not a list") << QByteArray(R"({"members": 5})");
    QTest::newRow("member id a string") << QByteArray(R"({"members": ["5"]})");
    QTest::newRow("member id zero") << QByteArray(R"({"members": [0]})");
    QTest::newRow("member id negative") << QByteArray(R"({"members": [-3]})");
    QTest::newRow("member id fractional") << QByteArray(R"({"members": [2.5]})");
    QTest::newRow("member id too large") << QByteArray(R"({"members": [1e300]})");
    QTest::newRow("profile id null") << QByteArray(R"({"profiles": [null]})");
    QTest::newRow("number not E.164") << QByteArray(R"({"numbers": ["2125550100"]})");
    QTest::newRow("number with SQL")
        << QByteArray(R"({"numbers": ["+1'; DROP TABLE members; --"]})");
    QTest::newRow("number a number") << QByteArray(R"({"numbers": [12125550100]})");
    QTest::newRow("flag a string") << QByteArray(R"({"companyBalance": "yes"})");
    QTest::newRow("flag a number") << QByteArray(R"({"allMembers": 1})");
}

void TestChangeChannel::jsonRefusesWrongTypes()
{
    QFETCH(QByteArray, json);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    QVERIFY(!Changes::fromJson(doc.object()).has_value());
}

void TestChangeChannel::jsonIgnoresUnknownKeys()
{
    const auto c = Changes::fromJson(object(R"({"members": [4], "invoices": [1, 2]})"));
    QVERIFY(c.has_value());
    QVERIFY(*c == Changes().withMembers({4}));
}

void TestChangeChannel::payloadRoundTrip()
{
    const QByteArray payload = ChangeChannel::payload(sample(), QStringLiteral("other-1"));
    QVERIFY(payload.size() < 300);
    const auto message = ChangeChannel::parse(payload);
    QVERIFY(message.has_value());
    QCOMPARE(message->origin, QStringLiteral("other-1"));
    QVERIFY(message->changes == sample());
    // Compact: no spaces or line breaks to pay for.
    QVERIFY(!payload.contains(' ') && !payload.contains('\n'));
}

void TestChangeChannel::originIsStableAndNamesThisProcess()
{
    const QString origin = ChangeChannel::origin();
    QCOMPARE(ChangeChannel::origin(), origin);
    QVERIFY(origin.startsWith(QString::number(QCoreApplication::applicationPid()) + u'-'));
    QVERIFY(origin.size() > 10);
    const auto message = ChangeChannel::parse(ChangeChannel::payload(sample()));
    QCOMPARE(message->origin, origin);
}

void TestChangeChannel::payloadTooLargeCollapsesLongestListFirst()
{
    QList<qint64> ids;
    for (qint64 id = 1'000'000; id < 1'003'000; ++id)
        ids.append(id);
    const Changes big = Changes()
                            .withMembers(ids)
                            .withNumbers({QStringLiteral("+12125550100")})
                            .withProfiles({7, 8})
                            .withCompanyBalance();
    const QByteArray payload = ChangeChannel::payload(big, QStringLiteral("other-1"));
    QVERIFY2(payload.size() <= ChangeChannel::MaxPayloadBytes,
             qPrintable(QString::number(payload.size())));
    QVERIFY(ChangeChannel::MaxPayloadBytes < 8000);
    const auto message = ChangeChannel::parse(payload);
    QVERIFY(message.has_value());
    // The members' list gave way to "all members"; what still fits stays named.
    QVERIFY(message->changes.allMembers);
    QVERIFY(message->changes.memberIds.isEmpty());
    QCOMPARE(message->changes.numbers, QStringList{QStringLiteral("+12125550100")});
    QCOMPARE(message->changes.profileIds, (QList<qint64>{7, 8}));
    QVERIFY(!message->changes.allNumbers && !message->changes.allProfiles);
    QVERIFY(message->changes.companyBalance);

    // Just under the limit, nothing collapses.
    QList<qint64> fewer;
    for (qint64 id = 1'000'000; id < 1'000'900; ++id)
        fewer.append(id);
    const auto small = ChangeChannel::parse(
        ChangeChannel::payload(Changes().withMembers(fewer), QStringLiteral("o")));
    QCOMPARE(small->changes.memberIds.size(), 900);
    QVERIFY(!small->changes.allMembers);
}

void TestChangeChannel::payloadOfNumbersCollapses()
{
    QStringList numbers;
    QList<qint64> ids;
    for (int i = 0; i < 1500; ++i) {
        numbers.append(QStringLiteral("+1212555%1").arg(i, 4, 10, QLatin1Char('0')));
        ids.append(i + 1);
    }
    const Changes big = Changes().withNumbers(numbers).withMembers(ids).withProfiles(ids);
    const QByteArray payload = ChangeChannel::payload(big, QStringLiteral("o"));
    QVERIFY(payload.size() <= ChangeChannel::MaxPayloadBytes);
    const auto message = ChangeChannel::parse(payload);
    QVERIFY(message.has_value());
    // The numbers were the longest list, then the members' (as long as the profiles') still
    // did not fit beside the profiles'; the profiles stay named.
    QVERIFY(message->changes.allNumbers);
    QVERIFY(message->changes.numbers.isEmpty());
    QVERIFY(message->changes.allMembers);
    QVERIFY(message->changes.memberIds.isEmpty());
    QVERIFY(!message->changes.allProfiles);
    QCOMPARE(message->changes.profileIds.size(), 1500);
}

void TestChangeChannel::parseRefusesGarbage_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("garbage");
    QTest::newRow("truncated") << ChangeChannel::payload(sample(), QStringLiteral("o")).chopped(3);
    QTest::newRow("array") << QByteArray("[1, 2, 3]");
    QTest::newRow("no version") << QByteArray(R"({"origin": "o", "changes": {}})");
    QTest::newRow("other version") << QByteArray(R"({"v": 2, "origin": "o", "changes": {}})");
    QTest::newRow("version a string") << QByteArray(R"({"v": "1", "origin": "o", "changes": {}})");
    QTest::newRow("no origin") << QByteArray(R"({"v": 1, "changes": {}})");
    QTest::newRow("empty origin") << QByteArray(R"({"v": 1, "origin": "", "changes": {}})");
    QTest::newRow("origin too long") << (QByteArray(R"({"v": 1, "origin": ")") +
                                         QByteArray(100, 'x') + QByteArray(R"(", "changes": {}})"));
    QTest::newRow("changes a list") << QByteArray(R"({"v": 1, "origin": "o", "changes": []})");
    QTest::newRow("bad member id")
        << QByteArray(R"({"v": 1, "origin": "o", "changes": {"members": ["x"]}})");
    QTest::newRow("deep nesting") << QByteArray(5000, '[');
    QTest::newRow("too long") << QByteArray(9000, ' ');
}

void TestChangeChannel::parseRefusesGarbage()
{
    QFETCH(QByteArray, payload);
    QVERIFY(!ChangeChannel::parse(payload).has_value());
}

void TestChangeChannel::sendOnSqliteIsNothing()
{
    SB_ENV(env, QStringLiteral("sqlite"));
    SB_VERIFY_OK(ChangeChannel::send(env.db(), sample()));
}

QTEST_GUILESS_MAIN(TestChangeChannel)
#include "tst_changechannel.moc"
