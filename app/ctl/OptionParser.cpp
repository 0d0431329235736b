#include "app/ctl/OptionParser.h"

#include "core/base/UserText.h"

namespace sb::ctl {

namespace {

const QString kHelp = QStringLiteral("help");

} // namespace

OptionParser::OptionParser(const QList<QCommandLineOption>& options, Mode mode)
    : m_options(options), m_mode(mode)
{
    if (m_mode == Mode::Command)
        m_options << QCommandLineOption(kHelp);
    m_parser.addOptions(m_options);
}

const QCommandLineOption* OptionParser::find(const QString& word) const
{
    if (!word.startsWith(QLatin1String("--")))
        return nullptr;
    const QString name = word.mid(2);
    for (const QCommandLineOption& o : m_options) {
        if (o.names().contains(name))
            return &o;
    }
    return nullptr;
}

bool OptionParser::parse(const QStringList& words)
{
    m_error.clear();
    m_rest.clear();
    QStringList options;
    QStringList positional;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& w = words[i];
        const bool option =
            w.startsWith(QLatin1String("--")) && (w.size() > 2 || m_mode == Mode::Global);
        if (!option) {
            if (m_mode == Mode::Global) {
                m_rest = words.mid(i);
                break;
            }
            positional << w;
            continue;
        }
        const qsizetype eq = w.indexOf(QLatin1Char('='));
        const bool inlineValue = eq > 0;
        const QString name = inlineValue ? w.left(eq) : w;
        const QCommandLineOption* o = find(name);
        if (o && !o->valueName().isEmpty()) {
            options << w;
            if (!inlineValue) {
                if (i + 1 >= words.size()) {
                    m_error = tr("The option %1 needs a value.").arg(name);
                    return false;
                }
                options << words[++i]; // taken as it is, even when it starts with "--"
            }
        } else if (o && !inlineValue) {
            options << w;
            if (m_stopAfter.contains(o->names().constFirst()))
                break;
        } else {
            m_error = tr("Unknown option %1.").arg(UserText::quoted(w));
            return false;
        }
    }
    // Every word is checked: QCommandLineParser sees the options, then "--" and the rest.
    QStringList args{QCoreApplication::arguments().value(0, QStringLiteral("switchboardctl"))};
    args << options << QStringLiteral("--") << positional;
    if (!m_parser.parse(args)) {
        m_error = m_parser.errorText();
        return false;
    }
    return true;
}

bool OptionParser::helpRequested() const
{
    return m_mode == Mode::Command && m_parser.isSet(kHelp);
}

} // namespace sb::ctl
