#pragma once

#include <QLocale>
#include <QString>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace sb {

/// An exact amount of the account currency, held as integer cents.
/// Never converted through floating point: parsing and printing work on digits.
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    /// The largest amount a single operation accepts (10,000,000.00); larger is "absurd".
    static constexpr qint64 MaxOperationCents = 1'000'000'000LL;

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }
    constexpr bool isPositive() const { return m_cents > 0; }

    constexpr Money operator+(Money o) const { return Money(m_cents + o.m_cents); }
    constexpr Money operator-(Money o) const { return Money(m_cents - o.m_cents); }
    constexpr Money operator-() const { return Money(-m_cents); }
    constexpr Money& operator+=(Money o)
    {
        m_cents += o.m_cents;
        return *this;
    }
    constexpr Money& operator-=(Money o)
    {
        m_cents -= o.m_cents;
        return *this;
    }
    /// Multiplication by a count; std::nullopt on overflow.
    std::optional<Money> times(qint64 count) const;

    constexpr auto operator<=>(const Money&) const = default;

    /// "12.50", "-0.05": the machine format of the CLI, JSON and CSV.
    QString toString() const;
    /// For messages to a person: toLocaleString() in the default locale, or toString()
    /// where the default locale is C (switchboardctl).
    QString display() const;
    /// Locale-formatted with grouping, e.g. "1 234,50" in nb/fr; no currency symbol.
    QString toLocaleString(const QLocale& locale) const;
    /// Locale-formatted with the account currency, e.g. "$1,234.50" or "1 234,50 USD".
    QString toCurrencyString(const QLocale& locale) const;

    /// Parses the machine format: optional '-', digits, optional '.' and one or two digits.
    static std::optional<Money> parse(const QString& text);
    /// Parses what a person types in the given locale: its decimal separator
    /// (the machine '.' is accepted too where it cannot be a group separator),
    /// its group separator (including the no-break spaces nb, fr and pl use).
    static std::optional<Money> parseLocale(const QString& text, const QLocale& locale);

    /// Rounds cents * numerator / denominator half up (away from zero for halves).
    static Money prorate(Money amount, qint64 numerator, qint64 denominator);

private:
    constexpr explicit Money(qint64 cents) : m_cents(cents) {}
    qint64 m_cents = 0;
};

/// The account currency (ISO 4217). One currency per account.
inline QString accountCurrency()
{
    return QStringLiteral("USD");
}

} // namespace sb
