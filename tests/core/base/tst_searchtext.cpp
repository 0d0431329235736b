// SearchText: the one folding of search keys and typed searches (case and accents of the five
// languages), the key's fields and the digits of a search that looks like a phone number.

#include "core/base/SearchText.h"

#include <QTest>

using sb::SearchText;

class TestSearchText : public QObject
{
    Q_OBJECT

private slots:
    void foldsCaseAndAccents_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        const auto row = [](const char* name, const char* text, const char* folded) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(folded);
        };
        row("ascii", "Anna.Berg@Example.COM", "anna.berg@example.com");
        row("nb o-slash", "Øystein Sørensen", "oystein sorensen");
        row("nb a-ring", "Åse Ålesund", "ase alesund");
        row("nb ae", "Ærlig Bæ", "aerlig bae");
        row("fr accents", "Crème Brûlée à l'Élysée", "creme brulee a l'elysee");
        row("fr oe", "Œuvre cœur", "oeuvre coeur");
        row("fr cedilla", "Ça va, François", "ca va, francois");
        row("nl ij ligature", "Ĳsselmeer ĳs", "ijsselmeer ijs");
        row("nl diaeresis", "Ëlla Geüpdatet", "ella geupdatet");
        row("pl stroke", "Łódź Łukasz", "lodz lukasz");
        row("pl ogonek and acute", "Dąbrowski Gęś Źdźbło Żółć", "dabrowski ges zdzblo zolc");
        row("de sharp s", "Straße", "strasse");
        row("capital sharp s", "STRAẞE", "strasse");
        row("compatibility", "ﬁle", "file");
        row("empty", "", "");
    }
    void foldsCaseAndAccents()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(SearchText::fold(text), folded);
        // Folding is idempotent: a stored key folded again is unchanged (the migration).
        QCOMPARE(SearchText::fold(folded), folded);
    }

    void typedFormsMeetTheStoredOnes()
    {
        // What a user types with or without the letters finds the same rows.
        const QString stored = SearchText::fold(QString::fromUtf8("Bjørn Ødegård"));
        for (const char* typed : {"odegard", "ØDEGÅRD", "ødegard", "Odegård"})
            QVERIFY2(stored.contains(SearchText::fold(QString::fromUtf8(typed))), typed);
        QVERIFY(SearchText::fold(QString::fromUtf8("IJsselmeer"))
                    .contains(SearchText::fold(QString::fromUtf8("ĳssel"))));
    }

    void keyJoinsFoldedFieldsWithoutRepeats()
    {
        const QString sep(QChar(0x1f));
        QCOMPARE(SearchText::key({QStringLiteral("ola.nordmann"), QString::fromUtf8("Ola Nørdmann"),
                                  QStringLiteral("ola.nordmann@example.com"), QStringLiteral("")}),
                 QStringLiteral("ola.nordmann") + sep + QStringLiteral("ola nordmann") + sep +
                     QStringLiteral("ola.nordmann@example.com"));
        // A field contained in one before it adds nothing a substring search could find.
        QCOMPARE(SearchText::key({QStringLiteral("4722123456"), QStringLiteral("22123456")}),
                 QStringLiteral("4722123456"));
        // The first field stays, even empty: short searches match the key's start.
        QCOMPARE(SearchText::key({QString(), QStringLiteral("x")}), sep + QStringLiteral("x"));
    }

    void phoneDigits()
    {
        QCOMPARE(SearchText::phoneDigits(QStringLiteral("+1 (212) 555-01")),
                 QStringLiteral("121255501"));
        QCOMPARE(SearchText::phoneDigits(QStringLiteral("member.0150")), QString());
        QCOMPARE(SearchText::phoneDigits(QStringLiteral("+-")), QString());
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
