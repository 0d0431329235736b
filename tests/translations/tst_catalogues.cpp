// The translation catalogues as translators and lupdate leave them: every plural built with
// %n, every translation with the placeholders of its source, nothing left unfinished.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context, source;
    QStringList translations; ///< one, or one per plural form
    bool numerus = false;
    bool unfinished = false;
};

QList<Message> readCatalogue(const QString& path)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message"))
                out << m;
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.unfinished =
                xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            if (!m.numerus)
                m.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            m.translations << xml.readElementText();
        }
    }
    return out;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(L?n|[1-9])"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString p = it.next().captured(0);
        found.insert(p == QLatin1String("%Ln") ? QStringLiteral("%n") : p);
    }
    return found;
}

QString catalogue(const QString& lang)
{
    return QDir(QStringLiteral(SB_TRANSLATIONS_DIR))
        .filePath(QStringLiteral("switchboard_%1.ts").arg(lang));
}

} // namespace

class TestCatalogues : public QObject
{
    Q_OBJECT

private slots:
    void pluralsUseN();
    void translationsKeepPlaceholders_data();
    void translationsKeepPlaceholders();
};

// "%3 month(s)" cannot be right in Polish (miesiąc, miesiące, miesięcy): a count that
// chooses a word is %n, so that each language picks its plural form.
void TestCatalogues::pluralsUseN()
{
    const QList<Message> messages = readCatalogue(catalogue(QStringLiteral("nb")));
    QVERIFY(messages.size() > 500);
    static const QRegularExpression plural(QStringLiteral("\\w\\((s|es)\\)"));
    static const QRegularExpression placeholder(QStringLiteral("%(L?n|[1-9])"));
    QStringList wrong;
    for (const Message& m : messages) {
        // Each word with "(s)" is counted by the nearest placeholder before it, and that
        // placeholder is %n: "billed every %3 month(s)" is wrong even where %n counts numbers.
        for (auto it = plural.globalMatch(m.source); it.hasNext();) {
            const auto word = it.next();
            const QString before = m.source.left(word.capturedStart());
            QString nearest;
            qsizetype at = -1;
            for (auto p = placeholder.globalMatch(before); p.hasNext();) {
                const auto match = p.next();
                nearest = match.captured(0);
                at = match.capturedStart();
            }
            const bool counted =
                m.numerus && (nearest == QLatin1String("%n") || nearest == QLatin1String("%Ln")) &&
                word.capturedStart() - at <= 40;
            if (!counted)
                wrong << QStringLiteral("%1: %2").arg(m.context, m.source);
        }
    }
    wrong.removeDuplicates();
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
}

void TestCatalogues::translationsKeepPlaceholders_data()
{
    QTest::addColumn<QString>("lang");
    for (const char* lang : {"nb", "fr", "nl", "pl"})
        QTest::newRow(lang) << QString::fromLatin1(lang);
}

// A translation that drops %2 shows the wrong figure, or none, where the admin reads money.
void TestCatalogues::translationsKeepPlaceholders()
{
    QFETCH(QString, lang);
    const QList<Message> messages = readCatalogue(catalogue(lang));
    QVERIFY(messages.size() > 500);
    QStringList wrong;
    for (const Message& m : messages) {
        if (m.unfinished)
            wrong << QStringLiteral("unfinished: %1: %2").arg(m.context, m.source);
        QSet<QString> wanted = placeholders(m.source);
        for (const QString& t : m.translations) {
            QSet<QString> got = placeholders(t);
            // A form for exactly one may spell the number out ("ett nummer", "un numéro").
            if (m.numerus && m.translations.size() > 1 && t == m.translations.first())
                got.insert(QStringLiteral("%n"));
            if (got != wanted)
                wrong << QStringLiteral("%1: \"%2\" → \"%3\"").arg(m.context, m.source, t);
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 40).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestCatalogues)
#include "tst_catalogues.moc"
