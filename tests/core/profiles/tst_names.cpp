// Names that look the same or are invisible (issue 12, item 11), on both engines: SIP profile
// names and members' display and account names are stored normalised (NameText: NFC,
// invisible characters removed, spaces collapsed), refused when nothing visible is left or
// with control characters, and a profile name that looks like another one (Cyrillic or Greek
// letters, case, accents) is refused naming it; the UNIQUE index on the skeleton backs that
// check. Member import reports such lines one by one.
#include "tests/support/CoreTest.h"

#include "core/base/NameText.h"
#include "core/books/CompanyService.h"
#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"

#include <QTemporaryDir>

using namespace sb;

namespace {
QString u(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

NewSipProfile named(const QString& name, const QString& department = {})
{
    NewSipProfile p;
    p.name = name;
    p.department = department;
    p.auth = SipProfile::Auth::Ip;
    p.ip = QStringLiteral("8.8.4.4");
    return p;
}

QStringList profileNames(const Database& db)
{
    return sbt::rows(db, QStringLiteral("SELECT name, name_key, name_skeleton, department"
                                        " FROM profiles ORDER BY id"));
}
} // namespace

class TestNames : public QObject
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

    // What is stored is the normalised name: the no-break space, the zero-width characters
    // and the bidi controls gone, NFD input composed; the profile is found however it is
    // typed with them.
    void profileNamesStoredNormalised_data() { sbt::addEngineRows(); }
    void profileNamesStoredNormalised()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        const ProfileService profiles(ctx);
        auto oslo = profiles.create(
            named(u(" \u200bSales\u00a0\u00a0Oslo\u200d\u202e "), u("Field\u2003Sales")));
        SB_VERIFY_OK(oslo);
        QCOMPARE(oslo->profile.name, u("Sales Oslo"));
        QCOMPARE(oslo->profile.department, u("Field Sales"));
        auto creme = profiles.create(named(u("Cre\u0300me Bru\u0302le\u0301e")));
        SB_VERIFY_OK(creme);
        QCOMPARE(creme->profile.name, u("Crème Brûlée"));
        QCOMPARE(creme->profile.name, creme->profile.name.normalized(QString::NormalizationForm_C));
        QCOMPARE(profileNames(e.db()),
                 QStringList({u("Sales Oslo|sales oslo|sales oslo|Field Sales"),
                              u("Crème Brûlée|crème brûlée|creme brulee|")}));
        // Found as typed with invisible characters, a no-break space, or decomposed.
        SB_VERIFY_OK(profiles.find(u("SALES\u00a0OSLO\u200b")));
        SB_VERIFY_OK(profiles.find(u("cre\u0300me brûlée")));
        // The activity log names it as stored.
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT subject FROM activity WHERE action ="
                                                  " 'profile.create' ORDER BY id")),
                 QStringList({u("Sales Oslo"), u("Crème Brûlée")}));

        auto renamed = profiles.rename(u("Sales Oslo"), u("Sales\u2009Bergen\ufeff"));
        SB_VERIFY_OK(renamed);
        QCOMPARE(renamed->name, u("Sales Bergen"));
        QCOMPARE(profileNames(e.db()).first(),
                 u("Sales Bergen|sales bergen|sales bergen|Field Sales"));
    }

    // Nothing visible left, or a control character: refused as invalid, nothing written.
    void invisibleProfileNamesRefused_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        const QString empty = QStringLiteral("The SIP profile needs a name.");
        const QString control =
            QStringLiteral("The SIP profile name may not contain control characters.");
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            const auto row = [&](const char* what, const QString& name, const QString& message) {
                QTest::newRow(qPrintable(engine + QLatin1Char(' ') + QLatin1String(what)))
                    << engine << name << message;
            };
            row("only spaces", u("    "), empty);
            row("only no-break spaces", u("\u00a0\u00a0"), empty);
            row("only ideographic space", u("\u3000"), empty);
            row("only a zero-width space", u("\u200b"), empty);
            row("zero-width joiner and BOM", u("\u200d\ufeff"), empty);
            row("only a bidi override", u("\u202e"), empty);
            row("Hangul filler", u("\u3164"), empty);
            row("line break", u("Sales\n2026-01-01 forged line"), control);
            row("escape sequence", u("Sales\x1b[31m"), control);
            row("tab", u("Sales\tOslo"), control);
        }
    }
    void invisibleProfileNamesRefused()
    {
        QFETCH(QString, engine);
        QFETCH(QString, name);
        QFETCH(QString, message);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        const ProfileService profiles(ctx);
        SB_VERIFY_OK(profiles.create(named(QStringLiteral("Desk"))));
        const sbt::Snapshot before = sbt::snapshot(e.db());
        const QStringList rows = profileNames(e.db());
        auto created = profiles.create(named(name));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, Error::Kind::Invalid);
        QCOMPARE(created.error().message, message);
        auto renamed = profiles.rename(QStringLiteral("Desk"), name);
        QVERIFY(!renamed.ok());
        QCOMPARE(renamed.error().kind, Error::Kind::Invalid);
        QCOMPARE(renamed.error().message, message);
        QCOMPARE(sbt::errorText(ProfileService::validateName(name)), message);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        QCOMPARE(profileNames(e.db()), rows);
    }

    // A name that reads like an existing one is refused, naming it: Cyrillic or Greek
    // letters, accents, full-width forms, invisible characters; the same name in another case
    // is "already exists". Digits are not letters: "Sa1es" is a name of its own.
    void lookalikeProfileNamesRefused_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        const QString exists = QStringLiteral("A SIP profile named \"Sales\" already exists.");
        const auto looks = [](const QString& name) {
            return QStringLiteral("\"%1\" looks the same as the existing SIP profile \"Sales\"; "
                                  "choose a name that reads differently.")
                .arg(name);
        };
        for (const QString& engine : sb::test::TestDatabase::engines()) {
            const auto row = [&](const char* what, const QString& name, const QString& message) {
                QTest::newRow(qPrintable(engine + QLatin1Char(' ') + QLatin1String(what)))
                    << engine << name << message;
            };
            row("Cyrillic dze, a, ie", u("Ѕаlеѕ"), looks(u("Ѕаlеѕ")));
            row("Cyrillic capitals", u("ЅАLЕЅ"), looks(u("ЅАLЕЅ")));
            row("Greek and Cyrillic", u("Ѕαlеѕ"), looks(u("Ѕαlеѕ")));
            row("accents", u("Sålès"), looks(u("Sålès")));
            row("full-width", u("ＳＡＬＥＳ"), looks(u("ＳＡＬＥＳ")));
            row("upper case", u("SALES"), exists);
            row("zero-width space", u("Sa\u200bles"), exists);
            row("no-break spaces around", u("\u00a0Sales\u00a0"), exists);
            row("digit one", u("Sa1es"), QString());
            row("digit zero", u("Sa1es 0"), QString());
        }
    }
    void lookalikeProfileNamesRefused()
    {
        QFETCH(QString, engine);
        QFETCH(QString, name);
        QFETCH(QString, message);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        const ProfileService profiles(ctx);
        SB_VERIFY_OK(profiles.create(named(QStringLiteral("Sales"))));
        SB_VERIFY_OK(profiles.create(named(QStringLiteral("Support"))));
        const sbt::Snapshot before = sbt::snapshot(e.db());
        const QStringList rows = profileNames(e.db());
        if (message.isEmpty()) {
            SB_VERIFY_OK(profiles.checkNameFree(name));
            SB_VERIFY_OK(profiles.create(named(name)));
            return;
        }
        auto created = profiles.create(named(name));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, Error::Kind::Refused);
        QCOMPARE(created.error().message, message);
        // Renaming another profile to it is refused alike; the form's check says the same.
        auto renamed = profiles.rename(QStringLiteral("Support"), name);
        QVERIFY(!renamed.ok());
        QCOMPARE(renamed.error().kind, Error::Kind::Refused);
        QCOMPARE(renamed.error().message, message);
        QCOMPARE(sbt::errorText(profiles.checkNameFree(name)), message);
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        QCOMPARE(profileNames(e.db()), rows);
        // The profile itself may take its name in another spelling.
        SB_VERIFY_OK(profiles.checkNameFree(name, profiles.find(QStringLiteral("Sales"))->id));
        auto own = profiles.rename(QStringLiteral("Sales"), name);
        if (NameText::normalised(name) == QLatin1String("Sales")) {
            QVERIFY(!own.ok());
            QCOMPARE(own.error().message,
                     QStringLiteral("The SIP profile is already named \"Sales\"."));
        } else {
            SB_VERIFY_OK(own);
            QCOMPARE(own->name, NameText::normalised(name));
        }
    }

    // The check is one indexed look-up, and the UNIQUE index refuses a lookalike that
    // slipped past it (two admins racing): a row written around the service fails.
    void skeletonIsUnique_data() { sbt::addEngineRows(); }
    void skeletonIsUnique()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const Context& ctx = *e.ctx;
        SB_VERIFY_OK(CompanyService(ctx).topUp(Money::fromCents(10000), QStringLiteral("T")));
        const ProfileService profiles(ctx);
        SB_VERIFY_OK(profiles.create(named(QStringLiteral("Sales"))));
        SB_VERIFY_OK(profiles.create(named(QStringLiteral("Support"))));
        QVERIFY(!e.db()
                     .run(QStringLiteral("UPDATE profiles SET name = ?, name_key = ?,"
                                         " name_skeleton = ? WHERE name = 'Support'"),
                          {u("Ѕаlеѕ"), NameText::key(u("Ѕаlеѕ")), NameText::skeleton(u("Ѕаlеѕ"))})
                     .ok());
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT name FROM profiles ORDER BY id")),
                 QStringList({QStringLiteral("Sales"), QStringLiteral("Support")}));
    }

    // Members: display names and departments are stored normalised; a display name with
    // nothing visible or with control characters is refused; account names (ASCII only) have
    // no lookalikes but their own case, which account_key refuses.
    void memberNames_data() { sbt::addEngineRows(); }
    void memberNames()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MemberService members(*e.ctx);
        auto ada = members.add({u("\u00a0ada.one\u200b"), u("  Ada\u00a0\u00a0Lovelace\u200d "),
                                QString(), u("Field\u3000Sales")});
        SB_VERIFY_OK(ada);
        QCOMPARE(ada->account, u("ada.one"));
        QCOMPARE(ada->name, u("Ada Lovelace"));
        QCOMPARE(ada->department, u("Field Sales"));
        auto nfd = members.add({u("bea.two"), u("Be\u0301atrice"), QString(), QString()});
        SB_VERIFY_OK(nfd);
        QCOMPARE(nfd->name, u("Béatrice"));
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT account_name, account_key, display_name,"
                                                  " department FROM members ORDER BY id")),
                 QStringList({u("ada.one|ada.one|Ada Lovelace|Field Sales"),
                              u("bea.two|bea.two|Béatrice|")}));
        SB_VERIFY_OK(members.find(u("ADA.ONE\u200b")));

        const sbt::Snapshot before = sbt::snapshot(e.db());
        const auto refused = [&](const NewMember& m, Error::Kind kind, const QString& message) {
            auto r = members.add(m);
            if (r.ok())
                return QStringLiteral("accepted %1").arg(m.name);
            if (r.error().kind != kind || r.error().message != message)
                return QStringLiteral("refused with: %1").arg(r.error().message);
            return QString();
        };
        const QString empty = QStringLiteral("The display name is empty.");
        const QString control =
            QStringLiteral("The display name may not contain control characters.");
        QCOMPARE(refused({u("cy.three"), u("   "), {}, {}}, Error::Kind::Invalid, empty),
                 QString());
        QCOMPARE(refused({u("cy.three"), u("\u00a0\u3000"), {}, {}}, Error::Kind::Invalid, empty),
                 QString());
        QCOMPARE(refused({u("cy.three"), u("\u200b"), {}, {}}, Error::Kind::Invalid, empty),
                 QString());
        QCOMPARE(refused({u("cy.three"), u("Cy\n2026-01-01 forged line"), {}, {}},
                         Error::Kind::Invalid, control),
                 QString());
        QCOMPARE(refused({u("cy.three"), u("Cy\x1b[2J"), {}, {}}, Error::Kind::Invalid, control),
                 QString());
        QCOMPARE(refused({u("cy.three"), u("Cy"), {}, u("Sales\r\n")}, Error::Kind::Invalid,
                         QStringLiteral("The department may not contain control characters.")),
                 QString());
        // Cyrillic "а" in an account name: not a letter account names may have.
        QCOMPARE(refused({u("adа.one"), u("Ada"), {}, {}}, Error::Kind::Invalid,
                         u("The account name \"adа.one\" may only contain letters, digits, '.', "
                           "'_' and '-'.")),
                 QString());
        QCOMPARE(refused({u("аda.one"), u("Ada"), {}, {}}, Error::Kind::Invalid,
                         u("The account name \"аda.one\" must start with a letter.")),
                 QString());
        QCOMPARE(refused({u("ADA.ONE\u200b"), u("Ada"), {}, {}}, Error::Kind::Refused,
                         u("A member with the account name \"ADA.ONE\" already exists.")),
                 QString());
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));
        // Account names are ASCII, so their key is their skeleton: no two look alike.
        for (const char* a : {"ada.one", "Ada.One", "x_Y-z.09"})
            QCOMPARE(accountKey(u(a)), NameText::skeleton(u(a)));
    }

    // Import reports each line with such a name, with its reason, and writes nothing; the
    // names of a clean file are stored normalised.
    void importReportsEachLine_data() { sbt::addEngineRows(); }
    void importReportsEachLine()
    {
        QFETCH(QString, engine);
        SB_ENV(e, engine);
        const MemberService members(*e.ctx);
        const sbt::Snapshot before = sbt::snapshot(e.db());
        const QString bad = u("account,name,email,department\n"
                              "ada.one,Ada\u00a0One\u200b,,Sales\n"
                              "bob.two,\u200b,,\n"
                              "cy.three,\u00a0 \u3000,,\n"
                              "dee.four,\"Dee\n2026-01-01 forged line\",,\n"
                              "еve.five,Eve,,\n"
                              "ADA.ONE\u200b,Ada Again,,\n");
        auto report = members.importCsvText(bad, false);
        SB_VERIFY_OK(report);
        QCOMPARE(report->added, 0);
        QStringList problems;
        for (const auto& p : std::as_const(report->rejected))
            problems << QStringLiteral("%1: %2").arg(p.line).arg(p.reason);
        QCOMPARE(
            problems,
            QStringList({u("3: The display name is empty."), u("4: The display name is empty."),
                         u("5: The display name may not contain control characters."),
                         u("7: The account name \"еve.five\" must start with a letter."),
                         u("8: The account name \"ADA.ONE\" appears more than once in the "
                           "file.")}));
        SB_COMPARE_SNAPSHOT(before, sbt::snapshot(e.db()));

        auto clean = members.importCsvText(u("account,name,email,department\n"
                                             "ada.one,\u200bAda\u00a0One ,,Field\u2002Sales\n"
                                             "bob.two,Bo\u0301b,,\n"),
                                           false);
        SB_VERIFY_OK(clean);
        QCOMPARE(clean->added, 2);
        QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT account_name, display_name, department"
                                                  " FROM members ORDER BY id")),
                 QStringList({u("ada.one|Ada One|Field Sales"), u("bob.two|Bób|")}));
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
