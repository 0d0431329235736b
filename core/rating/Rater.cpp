#include "core/rating/Rater.h"

#include "core/base/PhoneNumbers.h"

#include <limits>

namespace sb {

QString RatedCall::statusKey(Status status)
{
    switch (status) {
    case Status::Charged:
        return QStringLiteral("charged");
    case Status::Unanswered:
        return QStringLiteral("unanswered");
    case Status::Internal:
        return QStringLiteral("internal");
    case Status::NoRate:
        return QStringLiteral("norate");
    case Status::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

Rater::Rater(const PriceList& prices)
{
    for (const PriceList::Rate& r : prices.rates()) {
        m_rates.insert(r.prefix, r);
        m_longestPrefix = std::max(m_longestPrefix, static_cast<int>(r.prefix.size()));
    }
}

qint64 Rater::billedMinutes(qint64 billsec)
{
    return billsec <= 0 ? 0 : (billsec + 59) / 60;
}

std::optional<Money> Rater::price(qint64 minutes, qint64 perMinuteTenThousandths)
{
    if (minutes < 0 || perMinuteTenThousandths < 0)
        return std::nullopt;
    if (perMinuteTenThousandths != 0 &&
        minutes > std::numeric_limits<qint64>::max() / 2 / perMinuteTenThousandths)
        return std::nullopt;
    // Ten-thousandths are hundredths of a cent: one half-up rounding per call.
    return Money::prorate(Money::fromCents(minutes * perMinuteTenThousandths), 1, 100);
}

bool Rater::isInternal(const QString& dialled)
{
    qsizetype digits = 0;
    for (QChar c : dialled) {
        if (c.isDigit())
            ++digits;
        else if (c == QLatin1Char('+') || c == QLatin1Char(' ') || c == QLatin1Char('-') ||
                 c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('.'))
            continue;
        else
            return true; // "s", "*97", "voicemail": a PBX feature, not a phone number
    }
    return digits <= MaxExtensionDigits;
}

std::optional<PriceList::Rate> Rater::rateFor(const QString& e164) const
{
    const QString digits = e164.startsWith(QLatin1Char('+')) ? e164.mid(1) : e164;
    for (int len = std::min(m_longestPrefix, static_cast<int>(digits.size())); len > 0; --len) {
        const auto it = m_rates.constFind(digits.left(len));
        if (it != m_rates.cend())
            return *it;
    }
    return std::nullopt;
}

RatedCall Rater::rate(const CallRecord& record, const QString& region) const
{
    RatedCall out;
    if (isInternal(record.destination)) {
        out.status = RatedCall::Status::Internal;
        return out;
    }
    out.e164 = PhoneNumbers::dialledToE164(record.destination, region);
    if (!out.e164.isEmpty()) {
        if (const auto r = rateFor(out.e164)) {
            out.prefix = r->prefix;
            out.perMinuteTenThousandths = r->perMinuteTenThousandths;
        }
    }
    if (!record.answered() || record.billsec <= 0) {
        out.status = RatedCall::Status::Unanswered;
        return out;
    }
    if (out.e164.isEmpty()) {
        out.status = RatedCall::Status::Invalid;
        return out;
    }
    if (out.prefix.isEmpty()) {
        out.status = RatedCall::Status::NoRate;
        return out;
    }
    const auto p = price(billedMinutes(record.billsec), out.perMinuteTenThousandths);
    if (!p) {
        out.status = RatedCall::Status::NoRate;
        return out;
    }
    out.status = RatedCall::Status::Charged;
    out.minutes = billedMinutes(record.billsec);
    out.price = *p;
    return out;
}

} // namespace sb
