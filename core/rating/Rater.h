#pragma once

#include "core/base/Money.h"
#include "core/calls/CallRecord.h"
#include "core/numbers/PriceList.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

namespace sb {

/// A call as rated: what it costs and why.
struct RatedCall
{
    enum class Status
    {
        Charged,    ///< answered, billsec > 0, a rate found: price > 0 (or 0 at a free rate)
        Unanswered, ///< not answered or billsec 0: kept in the history at 0
        Internal,   ///< an internal extension or feature code: never charged
        NoRate,     ///< a valid number no prefix of the price list matches: kept at 0, reported
        Invalid,    ///< not a valid phone number: kept at 0, reported
    };
    Status status = Status::Unanswered;
    QString e164;   ///< the destination normalised, empty when it is none
    QString prefix; ///< the price list's longest matching prefix, empty when none
    qint64 perMinuteTenThousandths = 0;
    qint64 minutes = 0; ///< billed minutes (0 when not charged)
    Money price;

    bool charged() const { return status == Status::Charged; }
    /// The stored key of a status ("charged", "unanswered", "internal", "norate", "invalid").
    static QString statusKey(Status status);
};

/// Rates call records against a price list.
///
/// Rules (SPEC "Calls, rating and reports"), all in this one place:
/// - Only answered calls with billsec > 0 are charged; every other call is rated at 0.
/// - Billable seconds round up to whole minutes: 1–60 s is 1 minute, 61 s is 2.
/// - The dialled number is normalised with libphonenumber, the payer's country as the
///   default region (PhoneNumbers::dialledToE164: "+…", "00…", the region's international
///   prefix such as NANP's "011…", national forms and NANP's 10 digits).
/// - An internal extension is never charged: a destination of at most MaxExtensionDigits
///   digits, or one that is not a number at all ("s", "*97", "voicemail").
/// - The rate is the per-minute rate of the LONGEST prefix of the E.164 digits in the price
///   list, in ten-thousandths of the currency.
/// - Price = minutes × rate in ten-thousandths, rounded ONCE per call, half up, to the cent
///   (Money::prorate(minutes × rate, 1, 100)): 3 minutes at 0.0235 = 0.0705 → 0.07;
///   1 minute at 0.0250 → 0.03. Never per minute, so a long call is not overcharged.
/// - A valid number with no matching prefix is not charged (NoRate) and the importer reports
///   it: guessing a rate would bill what the price list does not say.
class Rater
{
    Q_DECLARE_TR_FUNCTIONS(sb::Rater)

public:
    static constexpr int MaxExtensionDigits = 6;

    explicit Rater(const PriceList& prices);

    /// `region` is the payer's country (ISO 3166 alpha-2) for national forms.
    RatedCall rate(const CallRecord& record, const QString& region) const;

    /// Whole minutes billed for `billsec` seconds, rounded up; 0 for none.
    static qint64 billedMinutes(qint64 billsec);
    /// minutes × per-minute rate (ten-thousandths), rounded half up to the cent once; nullopt
    /// on overflow.
    static std::optional<Money> price(qint64 minutes, qint64 perMinuteTenThousandths);
    /// True for an internal extension or feature code (see the rules above).
    static bool isInternal(const QString& dialled);
    /// The rate of the longest prefix of `e164` ("+4791234567") in the price list.
    std::optional<PriceList::Rate> rateFor(const QString& e164) const;

private:
    QHash<QString, PriceList::Rate> m_rates;
    int m_longestPrefix = 0;
};

} // namespace sb
