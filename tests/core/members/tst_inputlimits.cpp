// Clear messages for odd input (issue 12, item 14), on both engines: a search longer than any
// name is refused by every service with a message (not a database error); a refusal quoting a
// 100,000-character value shows its start and "…"; lengths count characters, so 30 emoji are
// 30; member import reads CR-only and CRLF files, refuses a column named twice, and names the
// line of a Latin-1 byte whatever ends the lines; an export that cannot be written says so and
// leaves nothing behind. Every refusal changes nothing.
#include "tests/support/CoreTest.h"

#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/CompanyService.h"
#include "core/calls/CallHistory.h"
#include "core/members/MemberService.h"
#include "core/numbers/NumberService.h"
#include "core/profiles/ProfileService.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/stat.h>

using sb::Error;
using sb::MemberService;
using sb::UserText;

namespace {

QString emoji(int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += QString::fromUcs4(U"\U0001F600");
    return s;
}

QString write(const QTemporaryDir& dir, const char* name, const QByteArray& bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

} // namespace

class TestInputLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void lengthCountsCharacters()
    {
        QCOMPARE(UserText::length(emoji(30)), qsizetype(30));
        QCOMPARE(emoji(30).size(), qsizetype(60)); // what was counted before
        QCOMPARE(UserText::length(QStringLiteral("Søren")), qsizetype(5));
        QVERIFY(MemberService::validateDisplayName(emoji(100)).ok());
        QVERIFY(!MemberService::validateDisplayName(emoji(101)).ok());
        QVERIFY(MemberService::validateDepartment(emoji(100)).ok());
        QVERIFY(sb::ProfileService::validateName(emoji(64)).ok());
        QVERIFY(!sb::ProfileService::validateName(emoji(65)).ok());
    }

    void quotedIsElided()
    {
        QCOMPARE(UserText::quoted(QStringLiteral("short")), QStringLiteral("short"));
        const QString forty(40, QLatin1Char('a'));
        QCOMPARE(UserText::quoted(forty), forty);
        QCOMPARE(UserText::quoted(forty + QLatin1Char('b')), forty + QChar(0x2026));
        // A surrogate pair is never cut in half.
        QCOMPARE(UserText::quoted(emoji(50)), emoji(40) + QChar(0x2026));
    }

    void emojiNameIsStored_data() { sbt::addEngineRows(); }
    void emojiNameIsStored()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MemberService members(*e.ctx);
        SB_VERIFY_OK(members.add({QStringLiteral("emoji.fan"), emoji(30), {}, emoji(100)}));
        QCOMPARE(members.find(QStringLiteral("emoji.fan"))->name, emoji(30));
        const sbt::Snapshot before = sbt::snapshot(e.db());
        auto tooLong = members.add({QStringLiteral("emoji.two"), emoji(101), {}, {}});
        QVERIFY(!tooLong);
        QVERIFY2(tooLong.error().message.contains(QStringLiteral("100 characters")),
                 qPrintable(tooLong.error().message));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void longValueIsElidedInMessages_data() { sbt::addEngineRows(); }
    void longValueIsElidedInMessages()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const QString huge = QStringLiteral("a") + QString(100000, QLatin1Char('b'));
        const sbt::Snapshot before = sbt::snapshot(e.db());
        const QList<Error> errors = {
            MemberService(*e.ctx).add({huge, QStringLiteral("Huge"), {}, {}}).error(),
            MemberService(*e.ctx)
                .add({QStringLiteral("fine.name"), QStringLiteral("F"), huge, {}})
                .error(),
            MemberService(*e.ctx).find(huge).error(),
            sb::ProfileService(*e.ctx).find(huge).error(),
        };
        for (const Error& err : errors) {
            QVERIFY2(err.message.size() < 400, qPrintable(err.message.left(400)));
            // The first 40 characters, then "…".
            const QString shown =
                QStringLiteral("a") + QString(39, QLatin1Char('b')) + QChar(0x2026);
            QVERIFY2(err.message.contains(shown), qPrintable(err.message));
        }
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void longSearchIsRefused_data() { sbt::addEngineRows(); }
    void longSearchIsRefused()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(MemberService(*e.ctx).add(
            {QStringLiteral("olivia.smith"), QStringLiteral("Olivia Smith"), {}, {}}));
        const QString longest(UserText::MaxSearchLength, QLatin1Char('x'));
        const QString search(50000, QLatin1Char('x'));
        const sbt::Snapshot before = sbt::snapshot(e.db());
        const auto check = [&](const auto& result, const char* what) {
            QVERIFY2(!result.ok(), what);
            QCOMPARE(result.error().kind, Error::Kind::Invalid);
            QVERIFY2(result.error().message.contains(QStringLiteral("at most 200")),
                     qPrintable(result.error().message));
        };
        sb::MemberQuery mq;
        mq.search = search;
        check(MemberService(*e.ctx).page(mq), "members page");
        check(MemberService(*e.ctx).count(search), "members count");
        sb::NumberQuery nq;
        nq.search = search;
        check(sb::NumberService(*e.ctx).page(nq), "numbers page");
        check(sb::NumberService(*e.ctx).count(nq), "numbers count");
        check(sb::ProfileService(*e.ctx).list(search), "profiles");
        check(sb::ActivityLog(*e.ctx).page(50, search), "activity");
        sb::CallQuery cq;
        cq.search = search;
        const sb::CallHistory calls(*e.ctx);
        check(calls.page(cq), "calls page");
        check(calls.count(cq), "calls count");
        check(calls.totals(cq), "calls totals");
        check(calls.searchTotals(cq), "calls search totals");
        // The longest search accepted still runs (and finds nothing).
        mq.search = longest;
        auto page = MemberService(*e.ctx).page(mq);
        SB_VERIFY_OK(page);
        QVERIFY(page->isEmpty());
        QCOMPARE(*MemberService(*e.ctx).count(longest), qint64(0));
        cq.search = longest;
        SB_VERIFY_OK(calls.count(cq));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void importLineEndings_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QByteArray>("ending");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            QTest::newRow(qPrintable(engine + QStringLiteral(" CR"))) << engine << QByteArray("\r");
            QTest::newRow(qPrintable(engine + QStringLiteral(" CRLF")))
                << engine << QByteArray("\r\n");
            QTest::newRow(qPrintable(engine + QStringLiteral(" LF"))) << engine << QByteArray("\n");
        }
    }
    void importLineEndings()
    {
        QFETCH(QString, engine);
        QFETCH(QByteArray, ending);
        SB_ENV(e, engine);
        QTemporaryDir dir;
        const QByteArray text = "account,name,email,department" + ending +
                                "olivia.smith,Olivia Smith,,Sales" + ending +
                                "\"soren.hansen\",\"Hansen, S\xc3\xb8ren\",,Support" + ending;
        const QString path = write(dir, "members.csv", text);
        auto r = MemberService(*e.ctx).importCsv(path, false);
        SB_VERIFY_OK(r);
        QVERIFY(r->rejected.isEmpty());
        QCOMPARE(r->added, 2);
        QCOMPARE(MemberService(*e.ctx).find(QStringLiteral("soren.hansen"))->name,
                 QStringLiteral("Hansen, Søren"));
    }

    void latin1LineNamedWithCrOnly_data() { sbt::addEngineRows(); }
    void latin1LineNamedWithCrOnly()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        QTemporaryDir dir;
        const QString path = write(dir, "latin1.csv",
                                   "account,name,email,department\r"
                                   "olivia.smith,Olivia Smith,,\r"
                                   "soren.hansen,S\xf8ren Hansen,,\r");
        const sbt::Snapshot before = sbt::snapshot(e.db());
        auto r = MemberService(*e.ctx).importCsv(path, false);
        QVERIFY(!r);
        QVERIFY2(r.error().message.startsWith(QStringLiteral("Line 3 ")),
                 qPrintable(r.error().message));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void duplicatedColumnIsRefused_data() { sbt::addEngineRows(); }
    void duplicatedColumnIsRefused()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const sbt::Snapshot before = sbt::snapshot(e.db());
        for (const bool dryRun : {true, false}) {
            auto r = MemberService(*e.ctx).importCsvText(
                QStringLiteral("account,name,Email,department,email\n"
                               "olivia.smith,Olivia Smith,a@example.com,,b@example.com\n"),
                dryRun);
            SB_VERIFY_OK(r);
            QCOMPARE(r->rejected.size(), qsizetype(1));
            QCOMPARE(r->rejected.first().line, 1);
            QVERIFY2(r->rejected.first().reason.contains(QStringLiteral("\"email\" twice")),
                     qPrintable(r->rejected.first().reason));
            QVERIFY2(r->rejected.first().reason.contains(QStringLiteral("columns 3 and 5")),
                     qPrintable(r->rejected.first().reason));
            QCOMPARE(r->added, 0);
        }
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
    }

    void exportToDeviceOrPipeIsRefused_data() { sbt::addEngineRows(); }
    void exportToDeviceOrPipeIsRefused()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        SB_VERIFY_OK(MemberService(*e.ctx).add(
            {QStringLiteral("olivia.smith"), QStringLiteral("Olivia Smith"), {}, {}}));
        QTemporaryDir dir;
        // A pipe stands for any file that is not a regular one (/dev/full): QSaveFile would
        // rename its temporary file over it and report success.
        const QString fifo = dir.filePath(QStringLiteral("pipe.csv"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        for (const QString& path : {fifo, dir.path()}) {
            auto r = MemberService(*e.ctx).exportCsv(path);
            QVERIFY2(!r, qPrintable(path));
            QVERIFY2(r.error().message.contains(QStringLiteral("not a regular file")),
                     qPrintable(r.error().message));
            sb::CallQuery all;
            auto calls = sb::CallHistory(*e.ctx).exportCsvFile(all, path);
            QVERIFY2(!calls, qPrintable(path));
            QVERIFY2(calls.error().message.contains(QStringLiteral("not a regular file")),
                     qPrintable(calls.error().message));
        }
        QFileInfo info(fifo);
        QVERIFY(!info.isFile()); // still the pipe
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(),
                 qsizetype(1)); // no temporary file left behind
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_inputlimits.moc"
