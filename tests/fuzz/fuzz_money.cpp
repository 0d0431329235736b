// Money parsing (core/base/Money) in every locale Qt knows: the machine format and what a
// person types. Whatever parses formats and parses back to the same cents, and every amount
// a locale prints (plain and with the currency) parses back in that locale.

#include "core/base/Money.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QLocale>

#include <cstring>
#include <limits>

namespace {
const QList<QLocale>& locales()
{
    static const QList<QLocale> all = [] {
        QList<QLocale> out{QLocale::c()};
        out += QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript,
                                        QLocale::AnyTerritory);
        return out;
    }();
    return all;
}

// What Money::parse accepts at most (its own limit keeps cents * 10 from overflowing).
constexpr qint64 kLargest = std::numeric_limits<qint64>::max() / 10 - 100;

void roundTrip(sb::Money m, const QLocale& locale, const char* what)
{
    const QString plain = m.toLocaleString(locale);
    const auto back = sb::Money::parseLocale(plain, locale);
    SB_FUZZ_CHECK(back && *back == m,
                  QStringLiteral("%1 %2 in %3: \"%4\" reads back as %5")
                      .arg(QLatin1String(what), m.toString(), locale.name(), plain,
                           back ? back->toString() : QStringLiteral("nothing")));
    const QString currency = m.toCurrencyString(locale);
    const auto backCurrency = sb::Money::parseLocale(currency, locale);
    SB_FUZZ_CHECK(backCurrency && *backCurrency == m,
                  QStringLiteral("%1 %2 in %3: \"%4\" reads back as %5")
                      .arg(QLatin1String(what), m.toString(), locale.name(), currency,
                           backCurrency ? backCurrency->toString() : QStringLiteral("nothing")));
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    sb::fuzz::startQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Two bytes choose the locale, eight an amount to print; the rest is typed text.
    if (size < 10)
        return 0;
    const QLocale& locale = locales()[(data[0] << 8 | data[1]) % locales().size()];
    qint64 cents = 0;
    std::memcpy(&cents, data + 2, sizeof cents);
    cents %= kLargest;
    const QString text = sb::fuzz::text(data + 10, size - 10);

    roundTrip(sb::Money::fromCents(cents), locale, "printed");

    if (const auto m = sb::Money::parse(text)) {
        SB_FUZZ_CHECK(std::abs(m->cents()) <= kLargest, text);
        const QString machine = m->toString();
        SB_FUZZ_CHECK(sb::Money::parse(machine) == m, text + QStringLiteral(" → ") + machine);
        roundTrip(*m, locale, "parsed");
    }
    if (const auto m = sb::Money::parseLocale(text, locale)) {
        SB_FUZZ_CHECK(std::abs(m->cents()) <= kLargest, text);
        SB_FUZZ_CHECK(sb::Money::parse(m->toString()) == m, text);
        roundTrip(*m, locale, "typed");
    }
    return 0;
}
