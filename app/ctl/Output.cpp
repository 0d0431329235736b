#include "app/ctl/Output.h"

#include <QJsonDocument>

#include <cstdio>

namespace sb::ctl {

namespace {

bool needsEscape(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f ||
           (c >= 0x2028 && c <= 0x2029) || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

void write(std::FILE* to, const QString& text)
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), to);
}

} // namespace

QString Output::escaped(const QString& value)
{
    qsizetype first = 0;
    while (first < value.size() && !needsEscape(value.at(first).unicode()))
        ++first;
    if (first == value.size())
        return value;
    QString out = value.left(first);
    for (qsizetype i = first; i < value.size(); ++i) {
        const char16_t c = value.at(i).unicode();
        if (!needsEscape(c))
            out += QChar(c);
        else if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else if (c == u'\r')
            out += QLatin1String("\\r");
        else if (c < 0x100)
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
    }
    return out;
}

void Output::json(const QJsonObject& doc) const
{
    const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void Output::line(const QString& text) const
{
    write(stdout, escaped(text));
}

void Output::formatted(const QString& pattern, const QStringList& values) const
{
    // One pass, as QString::arg with several arguments: a value's own "%2" stays as it is.
    QString out;
    out.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        qsizetype end = i + 1;
        int n = 0;
        while (c == QLatin1Char('%') && end < pattern.size() && end - i <= 2 &&
               pattern.at(end).isDigit())
            n = n * 10 + pattern.at(end++).digitValue();
        if (n >= 1 && n <= values.size()) {
            out += escaped(values.at(n - 1));
            i = end - 1;
        } else {
            out += c;
        }
    }
    write(stdout, out);
}

void Output::lines(const QStringList& lines) const
{
    for (const QString& l : lines)
        line(l);
}

void Output::block(const QString& text) const
{
    lines(text.split(QLatin1Char('\n')));
}

void Output::error(const QString& text) const
{
    write(stderr, QStringLiteral("switchboardctl: ") + escaped(text));
    std::fflush(stderr);
}

} // namespace sb::ctl
