// Names and text output (issue 12, items 11 and 13), through the built switchboardctl on both
// engines. `profile create` and `member add` refuse invisible names and lookalikes (exit 1,
// the reason on standard error, the database unchanged) and store names normalised. Text
// output escapes control characters per value: a top-up reference, a member's or a profile's
// name with a line break and an escape sequence (written before names were checked) cannot
// forge a line of `activity` or of the lists, and the JSON keeps the values as they are.
#include "tests/support/CtlRunner.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace sb;
using namespace sb::test;

namespace {
QString u(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// The reference and names of a hostile tester: a line of its own after a line break, and
// an escape sequence that colours (or clears) the terminal.
const char* const kForged = "INV-1\n2026-01-01T00:00:00Z  root  Top-up  forged line\x1b[2J\x1b[31m";

// Control characters in text output other than the tabs between columns and the line ends.
QString rawControls(const QString& text)
{
    QStringList found;
    for (QChar c : text) {
        const char16_t v = c.unicode();
        if ((v < 0x20 && v != u'\n' && v != u'\t') || (v >= 0x7f && v <= 0x9f) ||
            (v >= 0x202a && v <= 0x202e) || (v >= 0x2066 && v <= 0x2069))
            found << QStringLiteral("U+%1").arg(uint(v), 4, 16, QLatin1Char('0'));
    }
    return found.join(QLatin1Char(' '));
}

QStringList linesOf(const QString& out)
{
    QStringList lines = out.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}
} // namespace

class TestCliNames : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<CtlRunner> m_ctl;

    bool open(const QString& engine)
    {
        m_db = std::make_unique<TestDatabase>(engine);
        if (!m_db->ok())
            return false;
        m_ctl = std::make_unique<CtlRunner>(m_db->spec());
        return true;
    }

    CtlResult ctl(const QStringList& args) { return m_ctl->run(args); }

    // Everything a refused command could have changed, as the CLI's own JSON shows it.
    QString state()
    {
        QString all;
        for (const QStringList& args :
             {QStringList{QStringLiteral("--json"), QStringLiteral("balance")},
              QStringList{QStringLiteral("--json"), QStringLiteral("member"),
                          QStringLiteral("list")},
              QStringList{QStringLiteral("--json"), QStringLiteral("profile"),
                          QStringLiteral("list")},
              QStringList{QStringLiteral("--json"), QStringLiteral("activity"),
                          QStringLiteral("--limit"), QStringLiteral("1000")}})
            all += ctl(args).out;
        return all;
    }

private slots:
    void initTestCase() { QVERIFY(!CtlRunner::program().isEmpty()); }

    void refusesInvisibleAndLookalikeNames_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }
    void refusesInvisibleAndLookalikeNames()
    {
        QFETCH(QString, engine);
        if (!open(engine))
            QSKIP(qPrintable(m_db->error()));
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("100.00")}).exitCode, 0);
        const QStringList ip{QStringLiteral("--ip"), QStringLiteral("8.8.4.4")};
        QCOMPARE(ctl(QStringList{QStringLiteral("profile"), QStringLiteral("create"),
                                 QStringLiteral("Sales")} +
                     ip)
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("ada.one"),
                      QStringLiteral("--name"), QStringLiteral("Ada")})
                     .exitCode,
                 0);
        const QString before = state();
        QVERIFY(before.contains(QStringLiteral("ada.one")));

        struct Refusal
        {
            QStringList args;
            QString message;
        };
        const QList<Refusal> refusals = {
            {QStringList{QStringLiteral("profile"), QStringLiteral("create"), u("Ѕаlеѕ")} + ip,
             u("\"Ѕаlеѕ\" looks the same as the existing SIP profile \"Sales\"; choose a name "
               "that reads differently.")},
            {QStringList{QStringLiteral("profile"), QStringLiteral("create"), u("SALES\u200b")} +
                 ip,
             u("A SIP profile named \"Sales\" already exists.")},
            {QStringList{QStringLiteral("profile"), QStringLiteral("create"), u("\u200b")} + ip,
             u("The SIP profile needs a name.")},
            {QStringList{QStringLiteral("profile"), QStringLiteral("create"), u("\u00a0 \u3000")} +
                 ip,
             u("The SIP profile needs a name.")},
            {QStringList{QStringLiteral("profile"), QStringLiteral("create"), u(kForged)} + ip,
             u("The SIP profile name may not contain control characters.")},
            {{QStringLiteral("profile"), QStringLiteral("rename"), QStringLiteral("Sales"),
              u("\u200d")},
             u("The SIP profile needs a name.")},
            {{QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("bob.two"),
              QStringLiteral("--name"), u("\u200b\u00a0")},
             u("The display name is empty.")},
            {{QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("bob.two"),
              QStringLiteral("--name"), u(kForged)},
             u("The display name may not contain control characters.")},
            {{QStringLiteral("member"), QStringLiteral("add"), u("ADA.ONE\u200b"),
              QStringLiteral("--name"), QStringLiteral("Ada Two")},
             u("A member with the account name \"ADA.ONE\" already exists.")},
            {{QStringLiteral("member"), QStringLiteral("add"), u("adа.one"),
              QStringLiteral("--name"), QStringLiteral("Ada Two")},
             u("The account name \"adа.one\" may only contain letters, digits, '.', '_' and "
               "'-'.")},
        };
        for (const Refusal& r : refusals) {
            const CtlResult res = ctl(r.args);
            QVERIFY2(res.exitCode == 1, qPrintable(r.args.join(QLatin1Char(' ')) + res.err));
            QCOMPARE(res.err, QStringLiteral("switchboardctl: ") + r.message + QLatin1Char('\n'));
            QCOMPARE(res.out, QString());
        }
        QCOMPARE(state(), before);

        // Stored normalised, and found again however it is typed.
        QCOMPARE(ctl(QStringList{QStringLiteral("profile"), QStringLiteral("create"),
                                 u("\u200bDesk\u00a0\u00a0Two ")} +
                     ip)
                     .exitCode,
                 0);
        const CtlResult shown = ctl({QStringLiteral("--json"), QStringLiteral("profile"),
                                     QStringLiteral("show"), QStringLiteral("desk two")});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.json().value(QStringLiteral("name")).toString(), QStringLiteral("Desk Two"));
        const CtlResult added = ctl({QStringLiteral("--json"), QStringLiteral("member"),
                                     QStringLiteral("add"), QStringLiteral("bob.two"),
                                     QStringLiteral("--name"), u("Bo\u0301b\u00a0Two\u200d")});
        QCOMPARE(added.exitCode, 0);
        QCOMPARE(added.json().value(QStringLiteral("name")).toString(), u("Bób Two"));
    }

    void textOutputEscapesControlCharacters_data()
    {
        QTest::addColumn<QString>("engine");
        for (const QString& e : TestDatabase::engines())
            QTest::newRow(qPrintable(e)) << e;
    }
    void textOutputEscapesControlCharacters()
    {
        QFETCH(QString, engine);
        if (!open(engine))
            QSKIP(qPrintable(m_db->error()));
        const QString forged = u(kForged);
        const QString bidi = u("Eve \u202egnp.exe\u202c");
        // A reference with a line break is refused now, on one line of standard error...
        const CtlResult refused = ctl({QStringLiteral("topup"), QStringLiteral("50.00"),
                                       QStringLiteral("--reference"), forged});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(linesOf(refused.err).size(), 1);
        QVERIFY2(refused.err.contains(QStringLiteral("control character")),
                 qPrintable(refused.err));
        // ... but one an older version stored is still shown escaped (below).
        QCOMPARE(ctl({QStringLiteral("topup"), QStringLiteral("50.00"),
                      QStringLiteral("--reference"), QStringLiteral("INV-1")})
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("eve.one"),
                      QStringLiteral("--name"), QStringLiteral("Eve")})
                     .exitCode,
                 0);
        QCOMPARE(ctl({QStringLiteral("profile"), QStringLiteral("create"), QStringLiteral("Desk"),
                      QStringLiteral("--ip"), QStringLiteral("8.8.4.4")})
                     .exitCode,
                 0);
        // Names and references as a database written before they were checked may hold them.
        Database& db = m_db->db();
        QVERIFY(db.run(
            QStringLiteral("UPDATE activity SET event_values = REPLACE(event_values,"
                           " '\"INV-1\"', ?) WHERE action = 'company.topup'"),
            {QString::fromUtf8(QJsonDocument(QJsonArray{forged}).toJson(QJsonDocument::Compact))
                 .mid(1)
                 .chopped(1)}));
        QVERIFY(db.run(QStringLiteral("UPDATE members SET display_name = ?, department = ?"),
                       {forged, bidi}));
        QVERIFY(db.run(QStringLiteral("UPDATE profiles SET name = ?, department = ?"),
                       {QStringLiteral("Desk\n2026-01-01 forged line\x1b[31m"), bidi}));

        const auto check = [&](const QStringList& args, int lines) {
            const CtlResult r = ctl(args);
            const QString what = args.join(QLatin1Char(' '));
            if (r.exitCode != 0)
                return QStringLiteral("%1: exit %2, %3").arg(what).arg(r.exitCode).arg(r.err);
            if (const QString raw = rawControls(r.out); !raw.isEmpty())
                return QStringLiteral("%1: raw %2 in %3").arg(what, raw, r.out);
            if (linesOf(r.out).size() != lines)
                return QStringLiteral("%1: %2 lines, not %3: %4")
                    .arg(what)
                    .arg(linesOf(r.out).size())
                    .arg(lines)
                    .arg(r.out);
            return QString();
        };
        // topup, member add, profile create: three entries, three lines.
        QCOMPARE(check({QStringLiteral("activity")}, 3), QString());
        const CtlResult activity = ctl({QStringLiteral("activity")});
        QVERIFY2(activity.out.contains(
                     u("reference INV-1\\n2026-01-01T00:00:00Z  root  Top-up  forged line"
                       "\\x1b[2J\\x1b[31m")),
                 qPrintable(activity.out));
        QCOMPARE(check({QStringLiteral("member"), QStringLiteral("list")}, 1), QString());
        const QStringList member =
            linesOf(ctl({QStringLiteral("member"), QStringLiteral("list")}).out);
        QCOMPARE(member.first().split(QLatin1Char('\t')).size(), 5);
        QVERIFY2(member.first().contains(u("\\u202egnp.exe\\u202c")), qPrintable(member.first()));
        QCOMPARE(
            check({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("eve.one")},
                  linesOf(ctl({QStringLiteral("member"), QStringLiteral("show"),
                               QStringLiteral("eve.one")})
                              .out)
                      .size()),
            QString());
        const QStringList show = linesOf(
            ctl({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("eve.one")}).out);
        QCOMPARE(show.at(1), u("Name:        INV-1\\n2026-01-01T00:00:00Z  root  Top-up  forged "
                               "line\\x1b[2J\\x1b[31m"));
        QCOMPARE(check({QStringLiteral("profile"), QStringLiteral("list")}, 1), QString());
        QCOMPARE(linesOf(ctl({QStringLiteral("profile"), QStringLiteral("list")}).out)
                     .first()
                     .split(QLatin1Char('\t'))
                     .size(),
                 4);
        // A refusal naming the value says it on one line of standard error.
        const CtlResult missing =
            ctl({QStringLiteral("member"), QStringLiteral("show"), QStringLiteral("x\ny\x1b[2J")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, u("switchboardctl: There is no member with the account name "
                                "\"x\\ny\\x1b[2J\".\n"));

        // JSON keeps the values exactly (its encoding escapes them).
        const CtlResult json = ctl({QStringLiteral("--json"), QStringLiteral("activity")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray entries = json.json().value(QStringLiteral("activity")).toArray();
        QCOMPARE(entries.size(), 3);
        const QJsonObject topup = entries.last().toObject();
        QCOMPARE(topup.value(QStringLiteral("kind")).toString(), QStringLiteral("company.topup"));
        QCOMPARE(topup.value(QStringLiteral("values"))
                     .toObject()
                     .value(QStringLiteral("reference"))
                     .toString(),
                 forged);
        QVERIFY(!json.out.contains(QChar(0x1b)));
        const CtlResult members =
            ctl({QStringLiteral("--json"), QStringLiteral("member"), QStringLiteral("list")});
        QCOMPARE(members.json()
                     .value(QStringLiteral("members"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 forged);
    }
};

QTEST_GUILESS_MAIN(TestCliNames)
#include "tst_cli_names.moc"
