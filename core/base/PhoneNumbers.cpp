#include "core/base/PhoneNumbers.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>

#include <QMutex>
#include <QMutexLocker>

#include <algorithm>
#include <memory>
#include <set>
#include <string>

namespace sb {

namespace {
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNumberUtil* util()
{
    return PhoneNumberUtil::GetInstance();
}

std::string utf8(const QString& s)
{
    return s.toStdString();
}

bool parse(const QString& text, const QString& region, PhoneNumber* out)
{
    return util()->Parse(utf8(text), utf8(region), out) == PhoneNumberUtil::NO_PARSING_ERROR;
}

QString format(const QString& e164, PhoneNumberUtil::PhoneNumberFormat f)
{
    PhoneNumber n;
    if (!parse(e164, QStringLiteral("ZZ"), &n))
        return e164;
    std::string out;
    util()->Format(n, f, &out);
    return QString::fromStdString(out);
}
} // namespace

QString PhoneNumbers::toE164(const QString& national, const QString& region)
{
    PhoneNumber n;
    if (!parse(national, region, &n) || !util()->IsValidNumberForRegion(n, utf8(region)))
        return {};
    std::string out;
    util()->Format(n, PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

QString PhoneNumbers::dialledToE164(const QString& dialled, const QString& region)
{
    QString text = dialled.trimmed();
    // "00" is the international prefix of most of the world; libphonenumber reads it as such
    // only for regions that use it, and a NANP caller's PBX may still pass it through.
    if (text.startsWith(QLatin1String("00")))
        text = QLatin1Char('+') + text.mid(2);
    PhoneNumber n;
    if (!parse(text, region, &n) || !util()->IsValidNumber(n))
        return {};
    std::string out;
    util()->Format(n, PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

bool PhoneNumbers::isValidForRegion(const QString& e164, const QString& region)
{
    PhoneNumber n;
    return e164.startsWith(QLatin1Char('+')) && parse(e164, QStringLiteral("ZZ"), &n) &&
           util()->IsValidNumberForRegion(n, utf8(region));
}

QString PhoneNumbers::regionOf(const QString& e164)
{
    PhoneNumber n;
    if (!parse(e164, QStringLiteral("ZZ"), &n) || !util()->IsValidNumber(n))
        return {};
    std::string region;
    util()->GetRegionCodeForNumber(n, &region);
    return QString::fromStdString(region);
}

QString PhoneNumbers::formatNational(const QString& e164)
{
    return format(e164, PhoneNumberUtil::NATIONAL);
}

QString PhoneNumbers::formatInternational(const QString& e164)
{
    return format(e164, PhoneNumberUtil::INTERNATIONAL);
}

QString PhoneNumbers::placeName(const QString& e164, const QString& language)
{
    PhoneNumber n;
    if (!parse(e164, QStringLiteral("ZZ"), &n))
        return {};
    // The geocoder loads its data lazily and is not documented as thread-safe.
    static QMutex mutex;
    static std::unique_ptr<i18n::phonenumbers::PhoneNumberOfflineGeocoder> geocoder;
    QMutexLocker lock(&mutex);
    if (!geocoder)
        geocoder = std::make_unique<i18n::phonenumbers::PhoneNumberOfflineGeocoder>();
    return QString::fromStdString(
        geocoder->GetDescriptionForNumber(n, icu::Locale(utf8(language).c_str())));
}

bool PhoneNumbers::isUnitedStates(const QString& e164)
{
    return e164.startsWith(QLatin1String("+1")) && regionOf(e164) == QLatin1String("US");
}

bool PhoneNumbers::isKnownRegion(const QString& region)
{
    static const QStringList known = regions();
    return std::binary_search(known.cbegin(), known.cend(), region);
}

QStringList PhoneNumbers::regions()
{
    std::set<std::string> all;
    util()->GetSupportedRegions(&all);
    QStringList out;
    out.reserve(qsizetype(all.size()));
    for (const std::string& r : all)
        out.append(QString::fromStdString(r));
    out.sort();
    return out;
}

} // namespace sb
