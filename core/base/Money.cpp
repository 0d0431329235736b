#include "core/base/Money.h"

#include <limits>

namespace sb {

namespace {
constexpr qint64 kMaxParseCents = std::numeric_limits<qint64>::max() / 10 - 100;

// Digits-only parse of "123" + optional fraction of 1–2 digits into cents.
std::optional<Money> parseParts(QStringView whole, QStringView fraction, bool negative)
{
    if (whole.isEmpty() && fraction.isEmpty())
        return std::nullopt;
    if (fraction.size() > 2)
        return std::nullopt;
    qint64 cents = 0;
    for (QChar c : whole) {
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
        if (cents > kMaxParseCents / 10)
            return std::nullopt;
        cents = cents * 10 + (c.unicode() - '0') * 100;
    }
    qint64 frac = 0;
    for (int i = 0; i < 2; ++i) {
        frac *= 10;
        if (i < fraction.size()) {
            QChar c = fraction[i];
            if (!c.isDigit() || c.unicode() > 127)
                return std::nullopt;
            frac += c.unicode() - '0';
        }
    }
    cents += frac;
    return Money::fromCents(negative ? -cents : cents);
}

// A locale's own digits (Arabic-Indic, Bengali, …; Chakma's lie outside the BMP) as 0-9, so
// that what toLocaleString prints in such a locale reads back. Other scripts' digits stay as
// they are and are refused.
QString withAsciiDigits(const QString& text, const QLocale& locale)
{
    const QList<uint> zero = locale.zeroDigit().toUcs4();
    if (zero.size() != 1 || zero[0] == '0')
        return text;
    QString out;
    out.reserve(text.size());
    for (const uint c : text.toUcs4()) {
        if (c >= zero[0] && c <= zero[0] + 9) {
            out += QLatin1Char(char('0' + (c - zero[0])));
        } else {
            const char32_t one = c;
            out += QString::fromUcs4(&one, 1);
        }
    }
    return out;
}
} // namespace

std::optional<Money> Money::times(qint64 count) const
{
    qint64 out = 0;
    if (__builtin_mul_overflow(m_cents, count, &out))
        return std::nullopt;
    return Money(out);
}

QString Money::toString() const
{
    const qint64 abs = m_cents < 0 ? -m_cents : m_cents;
    const QString digits =
        QStringLiteral("%1.%2").arg(abs / 100).arg(abs % 100, 2, 10, QLatin1Char('0'));
    return m_cents < 0 ? QStringLiteral("-") + digits : digits;
}

QString Money::display() const
{
    const QLocale locale;
    return locale.language() == QLocale::C ? toString() : toLocaleString(locale);
}

QString Money::toLocaleString(const QLocale& locale) const
{
    const qint64 abs = m_cents < 0 ? -m_cents : m_cents;
    // The cents in the locale's digits too (٠٫٠٥, not ٠٫05).
    const qint64 cents = abs % 100;
    const QString text = locale.toString(abs / 100) + locale.decimalPoint() +
                         (cents < 10 ? locale.zeroDigit() : QString()) + locale.toString(cents);
    return m_cents < 0 ? locale.negativeSign() + text : text;
}

QString Money::toCurrencyString(const QLocale& locale) const
{
    // QLocale::toCurrencyString takes a double; we place the currency ourselves so that no
    // amount ever passes through floating point.
    if (locale.language() == QLocale::English) {
        const QString text =
            QStringLiteral("$") +
            Money::fromCents(m_cents < 0 ? -m_cents : m_cents).toLocaleString(locale);
        return m_cents < 0 ? locale.negativeSign() + text : text;
    }
    return toLocaleString(locale) + QChar(0x00a0) + accountCurrency();
}

std::optional<Money> Money::parse(const QString& text)
{
    QStringView s(text);
    s = s.trimmed();
    bool negative = false;
    if (s.startsWith(QLatin1Char('-'))) {
        negative = true;
        s = s.mid(1);
    }
    const qsizetype dot = s.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return parseParts(s, {}, negative);
    if (s.mid(dot + 1).isEmpty())
        return std::nullopt;
    return parseParts(s.left(dot), s.mid(dot + 1), negative);
}

std::optional<Money> Money::parseLocale(const QString& text, const QLocale& locale)
{
    QString s = withAsciiDigits(text, locale).trimmed();
    const QString currency = accountCurrency();
    if (s.endsWith(currency))
        s.chop(currency.size());
    if (s.startsWith(QLatin1Char('$')))
        s.remove(0, 1);
    s = s.trimmed();
    bool negative = false;
    const QString minus = locale.negativeSign();
    if (s.startsWith(minus) || s.startsWith(QLatin1Char('-'))) {
        negative = true;
        s.remove(0, s.startsWith(minus) ? minus.size() : 1);
        // toCurrencyString writes a negative en amount as "-$1.00": the sign before the symbol.
        if (s.startsWith(QLatin1Char('$')))
            s.remove(0, 1);
    }
    const QString decimal = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    const bool groupIsSpace = group.size() == 1 && group[0].isSpace();
    QString cleaned;
    for (QChar c : std::as_const(s)) {
        if (groupIsSpace && c.isSpace())
            continue; // nb, fr, pl group with (no-break) spaces; a typed plain space is the same
        cleaned += c;
    }
    if (!groupIsSpace && !group.isEmpty()) {
        // Group separators only count between digits in groups of three; we accept them loosely
        // but refuse a group separator after the decimal one.
        const qsizetype dec = cleaned.lastIndexOf(decimal);
        const qsizetype lastGroup = cleaned.lastIndexOf(group);
        if (dec >= 0 && lastGroup > dec)
            return std::nullopt;
        if (lastGroup >= 0 && dec < 0 && cleaned.size() - lastGroup - group.size() != 3)
            return std::nullopt;
        cleaned.remove(group);
    }
    qsizetype dec = cleaned.indexOf(decimal);
    // Accept the machine '.' as decimal mark where the locale's is ',' and '.' is not grouping.
    if (dec < 0 && decimal != QStringLiteral(".") && group != QStringLiteral("."))
        dec = cleaned.indexOf(QLatin1Char('.'));
    if (dec < 0)
        return parseParts(cleaned, {}, negative);
    if (cleaned.mid(dec + 1).isEmpty())
        return std::nullopt;
    return parseParts(QStringView(cleaned).left(dec), QStringView(cleaned).mid(dec + 1), negative);
}

Money Money::prorate(Money amount, qint64 numerator, qint64 denominator)
{
    // 128-bit intermediate: cents * minutes cannot overflow before the division.
    __extension__ typedef __int128 Wide;
    Q_ASSERT(denominator > 0);
    const Wide product = static_cast<Wide>(amount.cents()) * numerator;
    const bool negative = product < 0;
    const Wide abs = negative ? -product : product;
    const Wide rounded = (abs * 2 + denominator) / (2 * static_cast<Wide>(denominator));
    return Money::fromCents(static_cast<qint64>(negative ? -rounded : rounded));
}

} // namespace sb
