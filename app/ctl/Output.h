#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sb::ctl {

/// Where switchboardctl speaks: results on stdout (text or one JSON document),
/// the reason for a refusal or usage error as one line on stderr.
///
/// Text output never passes on a control character of a value: a member's name or a top-up's
/// reference with a line break, an escape sequence or a bidi override would otherwise start
/// a forged line of its own, move the terminal's cursor or reorder what follows. escaped()
/// writes them as `\n`, `\t`, `\r`, `\xHH` (the other C0 characters, DEL and C1) and `\uHHHH`
/// (the bidi controls U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069 and the line and
/// paragraph separators U+2028, U+2029). Every text method goes through it; JSON documents are
/// written as they are (their encoding escapes what it must).
class Output
{
public:
    explicit Output(bool json) : m_json(json) {}
    bool json() const { return m_json; }
    void json(const QJsonObject& doc) const;
    /// One line: every control character of `text` escaped (a value with a line break stays
    /// on it).
    void line(const QString& text) const;
    /// The program's own `pattern`, its tabs between columns and its line breaks written as
    /// they are, with %1, %2, … replaced by `values`, each escaped: for tab-separated lists.
    void formatted(const QString& pattern, const QStringList& values) const;
    /// One line() each.
    void lines(const QStringList& lines) const;
    /// Text of several lines (help, a PBX configuration): each of its lines escaped.
    void block(const QString& text) const;
    void error(const QString& text) const;

    /// `value` with its control characters escaped, as above.
    static QString escaped(const QString& value);

private:
    bool m_json = false;
};

} // namespace sb::ctl
