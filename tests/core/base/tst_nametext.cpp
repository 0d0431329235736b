// NameText: names as stored (NFC, invisible characters removed, spaces collapsed), refused
// when nothing visible is left or with control characters, and the skeleton that makes
// lookalikes (Cyrillic and Greek letters, case, accents, full-width forms) compare equal
// while digits and letters stay apart.

#include "core/base/NameText.h"

#include <QTest>

using sb::NameText;

namespace {
QString u(const char* utf8)
{
    return QString::fromUtf8(utf8);
}
} // namespace

class TestNameText : public QObject
{
    Q_OBJECT

private slots:
    void normalises_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("plain") << u("Sales Oslo") << u("Sales Oslo");
        QTest::newRow("ascii spaces") << u("  Sales   Oslo ") << u("Sales Oslo");
        QTest::newRow("no-break space") << u("Sales\u00a0Oslo") << u("Sales Oslo");
        QTest::newRow("narrow no-break space") << u("Sales\u202fOslo") << u("Sales Oslo");
        QTest::newRow("en quad to hair space")
            << u("A\u2000B\u2001C\u2002D\u2003E\u2004F\u2005G\u2006H\u2007I\u2008J\u2009K\u200aL")
            << u("A B C D E F G H I J K L");
        QTest::newRow("ideographic space") << u("\u3000Sales\u3000") << u("Sales");
        QTest::newRow("mixed run of spaces") << u("Sales \u00a0\u2003 Oslo") << u("Sales Oslo");
        QTest::newRow("zero-width space") << u("Sa\u200bles") << u("Sales");
        QTest::newRow("zero-width joiner and non-joiner") << u("Sa\u200dl\u200ces") << u("Sales");
        QTest::newRow("word joiner and BOM") << u("\ufeffSales\u2060") << u("Sales");
        QTest::newRow("bidi override") << u("\u202eSales\u202c") << u("Sales");
        QTest::newRow("bidi isolates and marks") << u("\u2066Sa\u200fles\u2069") << u("Sales");
        QTest::newRow("soft hyphen") << u("Sal\u00adés") << u("Salés");
        QTest::newRow("Hangul filler") << u("Sales\u3164") << u("Sales");
        QTest::newRow("variation selector") << u("Sales\ufe0f") << u("Sales");
        QTest::newRow("zero-width space between spaces")
            << u("Sales \u200b Oslo") << u("Sales Oslo");
        QTest::newRow("NFD becomes NFC") << u("Ka\u0308rnten Cre\u0300me") << u("Kärnten Crème");
        QTest::newRow("composes after removal") << u("Cre\u200b\u0300me") << u("Crème");
        QTest::newRow("only spaces") << u(" \u00a0\u3000 ") << QString();
        QTest::newRow("only a zero-width space") << u("\u200b") << QString();
        QTest::newRow("control characters stay for accept()")
            << u("Sales\tOslo") << u("Sales\tOslo");
        QTest::newRow("emoji kept") << u("Desk 😀") << u("Desk 😀");
        QTest::newRow("Cyrillic kept") << u("Продажи Москва") << u("Продажи Москва");
    }
    void normalises()
    {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QCOMPARE(NameText::normalised(typed), stored);
    }

    void accepts_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("name") << u(" Sales\u00a0Oslo") << QString();
        QTest::newRow("only spaces") << u("   ") << u("empty");
        QTest::newRow("only no-break spaces") << u("\u00a0\u00a0") << u("empty");
        QTest::newRow("only a zero-width space") << u("\u200b") << u("empty");
        QTest::newRow("only a BOM and a joiner") << u("\ufeff\u200d") << u("empty");
        QTest::newRow("only a Hangul filler") << u("\u3164") << u("empty");
        QTest::newRow("line break") << u("Sales\n2026-01-01 forged") << u("control");
        QTest::newRow("tab") << u("Sales\t") << u("control");
        QTest::newRow("escape") << u("Sales\x1b[2J") << u("control");
        QTest::newRow("DEL") << u("Sales\x7f") << u("control");
        QTest::newRow("C1 next line") << u("Sales\u0085") << u("control");
        QTest::newRow("only a line break") << u("\n") << u("control");
    }
    void accepts()
    {
        QFETCH(QString, typed);
        QFETCH(QString, error);
        const auto r = NameText::accept(typed, QStringLiteral("empty"), QStringLiteral("control"));
        if (error.isEmpty()) {
            QVERIFY(r.ok());
            QCOMPARE(*r, NameText::normalised(typed));
        } else {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, sb::Error::Kind::Invalid);
            QCOMPARE(r.error().message, error);
        }
    }

    void keyFindsTheStoredName()
    {
        QCOMPARE(NameText::key(u("SALES\u00a0OSLO\u200b")), NameText::key(u("Sales Oslo")));
        QCOMPARE(NameText::key(u("Sales Oslo")), u("sales oslo"));
        // The key is case only: lookalikes are the skeleton's business.
        QVERIFY(NameText::key(u("Ѕаlеѕ")) != NameText::key(u("Sales")));
    }

    void skeletons_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("alike");
        const auto row = [](const char* name, const char* a, const char* b, bool alike) {
            QTest::newRow(name) << u(a) << u(b) << alike;
        };
        row("same", "Sales", "Sales", true);
        row("case", "Sales", "SALES", true);
        row("accents", "Sales", "Sålès", true);
        row("Cyrillic dze, a, ie", "Sales", "Ѕаlеѕ", true);
        row("Cyrillic capitals", "SALES", "ЅАLЕЅ", true);
        row("Cyrillic o, p, c, x, y", "poxy cop", "рох\u0443 сор", true);
        row("Cyrillic i, j", "Jim", "Јіm", true);
        row("Cyrillic with diaeresis", "Joe", "Јоё", true);
        row("Cyrillic shha, komi de", "hd", "һԁ", true);
        row("Greek capitals", "ABEZHIKMNOPTYX", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", true);
        row("Greek small letters", "aoipv", "αοιρν", true);
        row("Greek with accents", "Oslo", "Όslο", true);
        row("full-width", "Sales", "ＳＡＬＥＳ", true);
        row("mathematical bold", "Sales", "𝐒𝐚𝐥𝐞𝐬", true);
        row("no-break space", "Sales Oslo", "Sales\u00a0Oslo", true);
        row("zero-width space", "Sales", "Sal\u200bes", true);
        row("NFD", "Crème", "Cre\u0300me", true);
        row("digit zero and O", "S0LES", "SOLES", false);
        row("digit one and l", "Sa1es", "Sales", false);
        row("capital I and small l", "BILL", "BiII", false);
        row("rn and m", "Modern", "Modem", false);
        row("Cyrillic ze and digit three", "3", "З", false);
        row("different names", "Sales", "Support", false);
        row("real Cyrillic word", "Продажи", "Npoдaжи", false);
    }
    void skeletons()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, alike);
        QCOMPARE(NameText::skeleton(a) == NameText::skeleton(b), alike);
    }

    void skeletonIsFoldedLatin()
    {
        QCOMPARE(NameText::skeleton(u("Ѕаlеѕ Оslо")), u("sales oslo"));
        QCOMPARE(NameText::skeleton(u("  ")), QString());
    }
};

QTEST_APPLESS_MAIN(TestNameText)
#include "tst_nametext.moc"
