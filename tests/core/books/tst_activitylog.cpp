// ActivityLog: the audit log. Lines land with the caller's transaction, are listed newest
// first, paged, counted, and searched case-insensitively (also for non-ASCII names) on both
// engines alike. A line holds a kind and values; its sentence is written when it is shown,
// in the reader's language and locale (the window's catalogues are embedded under :/i18n).

#include "tests/support/CoreTest.h"

#include "core/base/DisplayFormat.h"
#include "core/books/ActivityLog.h"
#include "core/storage/Transaction.h"

#include <QTranslator>

using sb::ActivityEntry;
using sb::ActivityEvent;
using sb::ActivityKind;
using sb::ActivityLog;
using sb::Money;

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

Money m(qint64 cents)
{
    return Money::fromCents(cents);
}

// What identifies a line in these tests: its subject, or its kind key where it has none.
QStringList labels(const QList<ActivityEntry>& entries)
{
    QStringList out;
    for (const ActivityEntry& e : entries)
        out << (e.subject.isEmpty() ? e.key : e.subject);
    return out;
}

// One event of every kind services record, with values worth rendering.
QList<ActivityEvent> everyKind()
{
    const QDate april(2026, 4, 10);
    return {
        ActivityEvent::companyTopUp(m(123450), s("INV-7")),
        ActivityEvent::memberAdded(s("ola.nordmann"), s("Ola Nordmann")),
        ActivityEvent::membersImported(3),
        ActivityEvent::creditAllocated(s("ola.nordmann"), m(2500), m(2500)),
        ActivityEvent::autoRechargeSet(s("ola.nordmann"), m(1000), m(500), m(5000)),
        ActivityEvent::autoRechargeOff(s("ola.nordmann")),
        ActivityEvent::autoRecharged(s("ola.nordmann"), m(1000), m(1200)),
        ActivityEvent::autoRechargeFailed(s("ola.nordmann"), m(1000), m(300)),
        ActivityEvent::autoRechargeSuspended(s("ola.nordmann"), m(5000), QDate(2026, 4, 1)),
        ActivityEvent::autoRechargeResumed(s("ola.nordmann")),
        ActivityEvent::demoGenerated(40),
        ActivityEvent::numberBought(s("+4721234567"), s("ola.nordmann"), 3, m(1500), april),
        ActivityEvent::numberAssigned(s("+4721234567"), s("ola.nordmann"), s("Oslo Salg")),
        ActivityEvent::numberCancelled(s("+4721234567"), april),
        ActivityEvent::numberReleased(s("+4721234567"), april),
        ActivityEvent::numberExpired(s("+4721234567"), m(100), m(500)),
        ActivityEvent::numberRenewed(s("+4721234567"), m(500), april),
        ActivityEvent::profileCreated(s("Oslo Salg"), 2, m(1390), s("sb123456"), {}, 0),
        ActivityEvent::profileRenamed(s("Oslo"), s("Oslo Salg")),
        ActivityEvent::profileChannelsChanged(s("Oslo Salg"), 2, 4, m(2780), m(463), april),
        ActivityEvent::profileCreditAllocated(s("Oslo Salg"), m(10000), m(10000)),
        ActivityEvent::profileLinked(s("ola.nordmann"), s("Oslo Salg"), s("201")),
        ActivityEvent::profileUnlinked(s("ola.nordmann"), s("Oslo Salg")),
        ActivityEvent::profileDeleted(s("Oslo Salg"), m(9000), 1, 2, 17),
        ActivityEvent::profileChannelsLapsed(s("Oslo Salg"), m(100), m(2780)),
        ActivityEvent::callsImported(s("Master.csv"), 1200, 3, 2, m(4321)),
        ActivityEvent::pricesImported(s("prices-2027.json"), 12, 340),
        ActivityEvent::bundlesAdded(s("Oslo Salg"), 2, m(6000), QDate(2026, 4, 10)),
        ActivityEvent::bundlesChanged(s("Oslo Salg"), 2, 1, m(1800), m(3000), QDate(2026, 4, 20)),
        ActivityEvent::bundlesCancelled(s("Oslo Salg"), 1, QDate(2026, 4, 20)),
        ActivityEvent::bundlesExtended(s("Oslo Salg"), 1, m(3000), QDate(2026, 5, 20)),
        ActivityEvent::bundlesRenewed(s("Oslo Salg"), 1, m(3000), QDate(2026, 6, 20)),
        ActivityEvent::bundlesLapsed(s("Oslo Salg"), 1, m(1000), m(3000)),
        ActivityEvent::memberCountryChanged(s("ola.nordmann"), s("US"), s("NO")),
        ActivityEvent::profileCountryChanged(s("Oslo Salg"), s("US"), s("NO")),
        ActivityEvent::mailServerChanged(s("smtp.example.no"), 587, s("starttls"),
                                         s("switchboard@example.no"), s("switchboard")),
        ActivityEvent::mailServerRemoved(s("smtp.example.no")),
        ActivityEvent::credentialsSent(s("Oslo Salg"), s("it@example.no")),
    };
}

// The window's catalogue of `code`, installed while it lives, with the locale of the language.
class Language
{
public:
    Language(const QString& code, const QLocale& locale)
    {
        m_ok = m_translator.load(QStringLiteral(":/i18n/switchboard_%1.qm").arg(code));
        if (m_ok)
            QCoreApplication::installTranslator(&m_translator);
        QLocale::setDefault(locale);
    }
    ~Language()
    {
        QCoreApplication::removeTranslator(&m_translator);
        QLocale::setDefault(QLocale::c());
    }
    bool ok() const { return m_ok; }

private:
    QTranslator m_translator;
    bool m_ok = false;
};

QLocale norwegian()
{
    return QLocale(QLocale::NorwegianBokmal, QLocale::Norway);
}

QLocale french()
{
    return QLocale(QLocale::French, QLocale::France);
}

// record() only joins a caller's transaction: each line here is written in one of its own.
sb::Result<void> recordAlone(const ActivityLog& log, const sb::Database& db,
                             const ActivityEvent& event)
{
    return sb::Transaction::run(db, [&](sb::Transaction& tx) { return log.record(tx, event); });
}

} // namespace

class TestActivityLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { SB_INIT_CORE_TEST(); }

    void recordWritesEverything_data() { sbt::addEngineRows(); }
    void recordWritesEverything();
    void recordJoinsTransaction_data() { sbt::addEngineRows(); }
    void recordJoinsTransaction();
    void pageNewestFirst_data() { sbt::addEngineRows(); }
    void pageNewestFirst();
    void everyKindRenders_data() { sbt::addEngineRows(); }
    void everyKindRenders();
    void rendersInEnglishByDefault();
    void rendersInNorwegian();
    void rendersInFrench();
    void languageIsTheReadersNotTheWriters_data() { sbt::addEngineRows(); }
    void languageIsTheReadersNotTheWriters();
    void search_data();
    void search();
    void searchByKindInTheReadersLanguage_data() { sbt::addEngineRows(); }
    void searchByKindInTheReadersLanguage();
    void unknownKindAndOldSentence();
    void kindKeysAreStable();
};

void TestActivityLog::recordWritesEverything()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    e.open(QStringLiteral("kari.admin"));
    const ActivityLog log(*e.ctx);
    SB_VERIFY_OK(
        recordAlone(log, e.db(), ActivityEvent::memberAdded(s("ola.nordmann"), s("Ola Nordmann"))));
    auto count = log.count();
    SB_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
    auto page = log.page(10);
    SB_VERIFY_OK(page);
    QCOMPARE(page->size(), 1);
    const ActivityEntry& a = page->first();
    QVERIFY(a.id > 0);
    QCOMPARE(a.at, sbt::defaultNow());
    QCOMPARE(a.at.timeSpec(), Qt::UTC);
    QCOMPARE(a.actor, QStringLiteral("kari.admin"));
    QCOMPARE(a.kind, ActivityKind::MemberAdded);
    QCOMPARE(a.key, QStringLiteral("member.add"));
    QCOMPARE(a.subject, QStringLiteral("ola.nordmann"));
    QCOMPARE(a.values,
             (QVariantMap{{s("account"), s("ola.nordmann")}, {s("name"), s("Ola Nordmann")}}));
    QCOMPARE(ActivityLog::describe(a), QStringLiteral("Added member Ola Nordmann (ola.nordmann)"));
    QCOMPARE(ActivityLog::kindName(a), QStringLiteral("Member added"));
    // Stored as a kind and values, not as a sentence.
    QCOMPARE(sbt::rows(e.db(), QStringLiteral("SELECT action, details FROM activity")),
             QStringList{QStringLiteral("member.add|")});
}

void TestActivityLog::recordJoinsTransaction()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const ActivityLog log(*e.ctx);
    {
        auto tx = sb::Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(log.record(tx.value(), ActivityEvent::membersImported(1)));
    }
    QCOMPARE(*log.count(), qint64(0));
    {
        auto tx = sb::Transaction::begin(e.db());
        SB_VERIFY_OK(tx);
        SB_VERIFY_OK(log.record(tx.value(), ActivityEvent::membersImported(1)));
        SB_VERIFY_OK(tx->commit());
    }
    QCOMPARE(*log.count(), qint64(1));
}

void TestActivityLog::pageNewestFirst()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const ActivityLog log(*e.ctx);
    for (int i = 0; i < 7; ++i) {
        SB_VERIFY_OK(recordAlone(log, e.db(), ActivityEvent::autoRechargeOff(QString::number(i))));
        e.clock.advanceSecs(1);
    }
    // Each page seeks past the last line of the one before.
    auto first = log.page(3);
    QCOMPARE(labels(*first),
             (QStringList{QStringLiteral("6"), QStringLiteral("5"), QStringLiteral("4")}));
    auto second = log.page(3, {}, first->last().id);
    QCOMPARE(labels(*second),
             (QStringList{QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("1")}));
    auto third = log.page(3, {}, second->last().id);
    QCOMPARE(labels(*third), QStringList{QStringLiteral("0")});
    QCOMPARE(labels(*log.page(3, {}, third->last().id)), QStringList());
    QCOMPARE(*log.count(), qint64(7));
}

// Every kind a service records comes back from the database with its values and has a
// sentence and a name of its own: no kind shows a bare key or an unfilled placeholder.
void TestActivityLog::everyKindRenders()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const ActivityLog log(*e.ctx);
    const QList<ActivityEvent> events = everyKind();
    QSet<ActivityKind> kinds;
    for (const ActivityEvent& event : events) {
        SB_VERIFY_OK(recordAlone(log, e.db(), event));
        kinds.insert(event.kind);
    }
    // Every kind but the one only early versions wrote.
    QCOMPARE(kinds.size(), sb::activityKinds().size() - 1);
    QVERIFY(!kinds.contains(ActivityKind::MemberCharged));
    auto page = log.page(100);
    SB_VERIFY_OK(page);
    QCOMPARE(page->size(), events.size());
    QSet<QString> sentences;
    for (qsizetype i = 0; i < page->size(); ++i) {
        const ActivityEntry& entry = page->at(i);
        const ActivityEvent& event = events.at(events.size() - 1 - i); // newest first
        QCOMPARE(entry.kind, event.kind);
        QCOMPARE(entry.subject, event.subject);
        const QString text = ActivityLog::describe(entry);
        const QString name = ActivityLog::kindName(entry);
        QVERIFY2(!text.isEmpty() && !text.contains(QLatin1Char('%')), qPrintable(text));
        QVERIFY2(!name.isEmpty() && name != entry.key, qPrintable(entry.key));
        QVERIFY2(!text.contains(entry.key), qPrintable(text));
        sentences.insert(text);
    }
    QCOMPARE(sentences.size(), events.size());
    // A few in full: money and dates in machine formats where the locale is C.
    QStringList expected{
        s("Top-up of 1234.50, reference INV-7"),
        s("Bought +4721234567 for ola.nordmann (3 month(s), 15.00); renews on 2026-04-10"),
        s("Reassigned +4721234567 from ola.nordmann to Oslo Salg"),
        s("Created SIP profile Oslo Salg (registration as sb123456) with 2 channel(s), paid 13.90"),
        s("Changed Oslo Salg from 2 to 4 channels; credited 4.63 for the unused days, paid 27.80 "
          "until 2026-04-10"),
        s("Linked ola.nordmann to SIP profile Oslo Salg at extension 201; sign-in disabled"),
        s("Deleted SIP profile Oslo Salg. Returned to the company: 90.00; numbers back in the "
          "pool: 1; accounts unlinked: 2; call records deleted: 17"),
        s("The monthly recharge limit of 50.00 for ola.nordmann is reached; auto-recharge is "
          "suspended until 2026-04-01."),
    };
    for (const QString& sentence : std::as_const(expected))
        QVERIFY2(sentences.contains(sentence), qPrintable(sentence));
    QCOMPARE(ActivityLog::kindName(ActivityKind::NumberBought), s("Bought a number"));
    QCOMPARE(ActivityLog::kindName(ActivityKind::ProfileCreditAllocated),
             s("Credit allocated to a SIP profile"));
}

void TestActivityLog::rendersInEnglishByDefault()
{
    // The English catalogue only adds the plural forms.
    Language english(QStringLiteral("en"), QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(english.ok());
    ActivityEntry topUp{1,
                        sbt::defaultNow(),
                        s("kari"),
                        ActivityKind::CompanyTopUp,
                        s("company.topup"),
                        {},
                        ActivityEvent::companyTopUp(m(123450), s("INV-7")).values};
    QCOMPARE(ActivityLog::describe(topUp), s("Top-up of 1,234.50, reference INV-7"));
    const ActivityEvent bought = ActivityEvent::numberBought(s("+4721234567"), s("ola.nordmann"), 3,
                                                             m(1500), QDate(2026, 4, 10));
    const ActivityEntry b{2,
                          sbt::defaultNow(),
                          s("kari"),
                          bought.kind,
                          s("number.buy"),
                          bought.subject,
                          bought.values};
    // Four-digit years (issue 13): English's own short format would say 4/10/26.
    QCOMPARE(ActivityLog::describe(b),
             s("Bought +4721234567 for ola.nordmann (3 months, 15.00); renews on ") +
                 sb::displayDate(QDate(2026, 4, 10)));
    QVERIFY(ActivityLog::describe(b).endsWith(QLatin1String("2026")));
    QCOMPARE(ActivityLog::kindName(b), s("Bought a number"));
}

void TestActivityLog::rendersInNorwegian()
{
    QList<ActivityEntry> every;
    QStringList englishTexts, englishNames;
    for (const ActivityEvent& event : everyKind()) {
        every.append({3, sbt::defaultNow(), s("kari"), event.kind, sb::activityKindKey(event.kind),
                      event.subject, event.values});
        englishTexts << ActivityLog::describe(every.last());
        englishNames << ActivityLog::kindName(every.last());
    }
    Language nb(QStringLiteral("nb"), norwegian());
    QVERIFY(nb.ok());
    const QString group = norwegian().groupSeparator();
    const ActivityEvent topUp = ActivityEvent::companyTopUp(m(123450), s("INV-7"));
    const ActivityEntry t{1,           sbt::defaultNow(),  s("kari"),
                          topUp.kind,  s("company.topup"), topUp.subject,
                          topUp.values};
    // Space (no-break) between thousands, comma before the cents.
    QCOMPARE(ActivityLog::describe(t), s("Påfyll på 1") + group + s("234,50, referanse INV-7"));
    QCOMPARE(ActivityLog::kindName(t), s("Påfyll av firmasaldo"));

    const ActivityEvent bought = ActivityEvent::numberBought(s("+4721234567"), s("ola.nordmann"), 3,
                                                             m(1500), QDate(2026, 4, 10));
    const ActivityEntry b{2,
                          sbt::defaultNow(),
                          s("kari"),
                          bought.kind,
                          s("number.buy"),
                          bought.subject,
                          bought.values};
    QCOMPARE(ActivityLog::describe(b),
             s("Kjøpte +4721234567 til ola.nordmann (3 måneder, 15,00); fornyes ") +
                 norwegian().toString(QDate(2026, 4, 10), QLocale::ShortFormat));
    QCOMPARE(ActivityLog::kindName(b), s("Kjøpte et nummer"));

    // Every kind has a Norwegian sentence and name.
    for (qsizetype i = 0; i < every.size(); ++i) {
        const QString text = ActivityLog::describe(every.at(i));
        const QString name = ActivityLog::kindName(every.at(i));
        QVERIFY2(text != englishTexts.at(i), qPrintable(text));
        QVERIFY2(name != englishNames.at(i), qPrintable(name));
    }
}

void TestActivityLog::rendersInFrench()
{
    Language fr(QStringLiteral("fr"), french());
    QVERIFY(fr.ok());
    const QString group = french().groupSeparator();
    const ActivityEvent credit =
        ActivityEvent::profileCreditAllocated(s("Paris Ventes"), m(250000), m(312550));
    const ActivityEntry c{1,
                          sbt::defaultNow(),
                          s("kari"),
                          credit.kind,
                          s("credit.profile"),
                          credit.subject,
                          credit.values};
    QCOMPARE(ActivityLog::describe(c),
             s("%1 attribué au profil SIP Paris Ventes\u00a0; nouveau solde %2")
                 .arg(s("2") + group + s("500,00"), s("3") + group + s("125,50")));
    QCOMPARE(ActivityLog::kindName(c), s("Crédit attribué à un profil SIP"));
    const ActivityEvent imported = ActivityEvent::membersImported(3);
    const ActivityEntry i{2,
                          sbt::defaultNow(),
                          s("kari"),
                          imported.kind,
                          s("member.import"),
                          imported.subject,
                          imported.values};
    QCOMPARE(ActivityLog::describe(i), s("3 membres importés"));
}

// The sentence follows whoever reads it, not whoever acted: the same stored line reads in
// English, then in Norwegian.
void TestActivityLog::languageIsTheReadersNotTheWriters()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    {
        Language nb(QStringLiteral("nb"), norwegian());
        SB_VERIFY_OK(
            recordAlone(ActivityLog(*e.ctx), e.db(),
                        ActivityEvent::creditAllocated(s("ola.nordmann"), m(150000), m(150000))));
    }
    auto page = ActivityLog(*e.ctx).page(1);
    SB_VERIFY_OK(page);
    QCOMPARE(ActivityLog::describe(page->first()),
             s("Allocated 1500.00 to ola.nordmann; new balance 1500.00"));
    Language nb(QStringLiteral("nb"), norwegian());
    const QString amount = s("1") + norwegian().groupSeparator() + s("500,00");
    QCOMPARE(ActivityLog::describe(page->first()),
             s("Tildelte %1 til ola.nordmann; ny saldo %1").arg(amount));
}

void TestActivityLog::search_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("expected"); // labels, newest first
    for (const QString& engine : sb::test::TestDatabase::engines()) {
        auto row = [&](const char* tag, const QString& needle, const QStringList& expected) {
            QTest::addRow("%s: %s", qPrintable(engine), tag) << engine << needle << expected;
        };
        row("kind key", s("TOPUP"), {s("company.topup")});
        row("account", s("Kowalski"), {s("jan.kowalski")});
        row("account in several kinds", s("ingrid"), {s("ingrid.odegard"), s("ingrid.odegard")});
        row("profile", s("KRAKÓW"), {s("Sprzedaż Kraków")});
        row("number", s("21234567"), {s("ingrid.odegard")});
        row("number with its plus", s("+47212"), {s("ingrid.odegard")});
        row("reference", s("inv 100"), {s("company.topup")});
        row("date", s("2026-04-10"), {s("ingrid.odegard")});
        row("kind name", s("bought a NUMBER"), {s("ingrid.odegard")});
        row("kind names", s("credit allocated"), {s("Sprzedaż Kraków"), s("jan.kowalski")});
        row("actor", s("ROBOT"), {s("demo.generate")});
        // Accents folded away: "ØDEGÅRD" is "odegard", in the account too.
        row("non-ascii upper finds lower", s("ØDEGÅRD"),
            {s("ingrid.odegard"), s("ingrid.odegard")});
        row("non-ascii lower finds upper", s("łukasz"), {s("lukasz.w")});
        row("polish upper", s("ŻANETA"), {s("lukasz.w")});
        row("percent is literal", s("100%"), {s("company.topup")});
        row("underscore is literal", s("a_b"), {s("company.topup")});
        row("no match", s("zzz"), {});
        row("blank is everything", s("  "),
            {s("demo.generate"), s("ingrid.odegard"), s("Sprzedaż Kraków"), s("lukasz.w"),
             s("ingrid.odegard"), s("jan.kowalski"), s("company.topup")});
    }
}

void TestActivityLog::search()
{
    QFETCH(QString, engine);
    QFETCH(QString, needle);
    QFETCH(QStringList, expected);
    SB_ENV(e, engine);
    {
        const ActivityLog log(*e.ctx);
        SB_VERIFY_OK(
            recordAlone(log, e.db(), ActivityEvent::companyTopUp(m(500), s("INV 100% a_b"))));
        SB_VERIFY_OK(recordAlone(
            log, e.db(), ActivityEvent::creditAllocated(s("jan.kowalski"), m(100), m(100))));
        SB_VERIFY_OK(recordAlone(
            log, e.db(), ActivityEvent::memberAdded(s("ingrid.odegard"), s("Ingrid Ødegård"))));
        SB_VERIFY_OK(recordAlone(
            log, e.db(), ActivityEvent::memberAdded(s("lukasz.w"), s("Łukasz Wójcik and Żaneta"))));
        SB_VERIFY_OK(recordAlone(
            log, e.db(),
            ActivityEvent::profileCreditAllocated(s("Sprzedaż Kraków"), m(100), m(100))));
        SB_VERIFY_OK(recordAlone(log, e.db(),
                                 ActivityEvent::numberBought(s("+4721234567"), s("ingrid.odegard"),
                                                             1, m(500), QDate(2026, 4, 10))));
    }
    e.open(QStringLiteral("Robot"));
    SB_VERIFY_OK(recordAlone(ActivityLog(*e.ctx), e.db(), ActivityEvent::demoGenerated(1000)));
    auto found = ActivityLog(*e.ctx).page(50, needle);
    SB_VERIFY_OK(found);
    QCOMPARE(labels(*found), expected);
}

// The Activity page's search finds a kind by its name in the language the reader has chosen.
void TestActivityLog::searchByKindInTheReadersLanguage()
{
    QFETCH(QString, engine);
    SB_ENV(e, engine);
    const ActivityLog log(*e.ctx);
    SB_VERIFY_OK(recordAlone(log, e.db(),
                             ActivityEvent::numberBought(s("+4721234567"), s("ola.nordmann"), 1,
                                                         m(500), QDate(2026, 4, 10))));
    SB_VERIFY_OK(recordAlone(log, e.db(), ActivityEvent::companyTopUp(m(500), {})));
    QCOMPARE(labels(*log.page(10, s("Kjøpte et"))), QStringList());
    {
        Language nb(QStringLiteral("nb"), norwegian());
        QCOMPARE(labels(*log.page(10, s("KJØPTE ET"))), QStringList{s("ola.nordmann")});
        QCOMPARE(labels(*log.page(10, s("påfyll av"))), QStringList{s("company.topup")});
    }
    {
        Language fr(QStringLiteral("fr"), french());
        QCOMPARE(labels(*log.page(10, s("numéro acheté"))), QStringList{s("ola.nordmann")});
    }
}

void TestActivityLog::unknownKindAndOldSentence()
{
    // A kind this version does not know: its key stands for its name.
    const ActivityEntry unknown{
        1, sbt::defaultNow(), s("kari"), ActivityKind::Unknown, s("bundle.buy"), s("Oslo Salg"),
        {}};
    QCOMPARE(ActivityLog::kindName(unknown), s("bundle.buy"));
    QCOMPARE(ActivityLog::describe(unknown), s("bundle.buy: Oslo Salg"));
    // A line written before lines had values keeps its sentence.
    const ActivityEntry old{2,
                            sbt::defaultNow(),
                            s("kari"),
                            ActivityKind::CreditAllocated,
                            s("credit.allocate"),
                            s("jan.kowalski"),
                            {{s("account"), s("jan.kowalski")},
                             {s("text"), s("Allocated 5.00 to jan.kowalski; new balance 5.00")}}};
    QCOMPARE(ActivityLog::describe(old), s("Allocated 5.00 to jan.kowalski; new balance 5.00"));
    QCOMPARE(ActivityLog::kindName(old), s("Credit allocated"));
}

void TestActivityLog::kindKeysAreStable()
{
    QCOMPARE(sb::activityKindKey(ActivityKind::NumberBought), s("number.buy"));
    QCOMPARE(sb::activityKindKey(ActivityKind::ProfileCreditAllocated), s("credit.profile"));
    QCOMPARE(sb::activityKindKey(ActivityKind::Unknown), QString());
    for (ActivityKind k : sb::activityKinds())
        QCOMPARE(sb::activityKindFromKey(sb::activityKindKey(k)), k);
    QCOMPARE(sb::activityKindFromKey(s("no.such.kind")), ActivityKind::Unknown);
}

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
