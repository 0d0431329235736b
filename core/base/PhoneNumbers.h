#pragma once

#include <QString>
#include <QStringList>

namespace sb {

/// Phone-number rules from libphonenumber (validation, E.164, national display, place
/// names), so that no number rule is hand-written here.
class PhoneNumbers
{
public:
    /// `national` digits (e.g. "2125550100") in `region` ("US") as E.164, or empty if invalid.
    static QString toE164(const QString& national, const QString& region);
    /// A number as a caller dialled it, in E.164, or empty if it is not a valid number.
    /// `region` is the caller's country ("US"): its international prefix (011 in NANP) and
    /// national forms (with the trunk prefix, or NANP's 10 digits) are understood there;
    /// "+…" and "00…" are read as international from every region.
    static QString dialledToE164(const QString& dialled, const QString& region);
    /// True if `e164` is a valid number of `region`.
    static bool isValidForRegion(const QString& e164, const QString& region);
    /// The region ("US", "NO", …) an E.164 number belongs to, or empty.
    static QString regionOf(const QString& e164);
    /// National display format, e.g. "(212) 555-0100", "22 12 34 00".
    static QString formatNational(const QString& e164);
    /// International display format, e.g. "+1 212-555-0100".
    static QString formatInternational(const QString& e164);
    /// The geocoder's place for the number in `language` (e.g. "nb"); empty if unknown.
    static QString placeName(const QString& e164, const QString& language);
    /// True if libphonenumber knows `region` (ISO 3166 alpha-2, upper case: "US", "NO").
    static bool isKnownRegion(const QString& region);
    /// Every region libphonenumber knows, sorted ("AC", "AD", …).
    static QStringList regions();
    /// True for a NANP number in a US area code (used by US minute bundles).
    static bool isUnitedStates(const QString& e164);
};

} // namespace sb
