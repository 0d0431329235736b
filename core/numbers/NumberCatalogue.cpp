#include "core/numbers/NumberCatalogue.h"

#include "core/base/PhoneNumbers.h"
#include "core/numbers/PriceList.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

const NumberCatalogue::Area* NumberCatalogue::Country::area(const QString& code) const
{
    for (const Area& a : areas) {
        if (a.code == code)
            return &a;
    }
    return nullptr;
}

const NumberCatalogue& NumberCatalogue::builtIn()
{
    static const NumberCatalogue catalogue = [] {
        PriceList::builtIn(); // registers the core resources
        NumberCatalogue c;
        QFile f(QStringLiteral(":/data/numbers.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("The number catalogue is missing from the resources.");
        const QJsonArray countries = QJsonDocument::fromJson(f.readAll())
                                         .object()
                                         .value(QStringLiteral("countries"))
                                         .toArray();
        for (const QJsonValue& cv : countries) {
            const QJsonObject co = cv.toObject();
            Country country{co.value(QStringLiteral("code")).toString(),
                            co.value(QStringLiteral("name")).toString(),
                            co.value(QStringLiteral("termsRequired")).toBool(),
                            {}};
            for (const QJsonValue& av : co.value(QStringLiteral("areas")).toArray()) {
                const QJsonObject ao = av.toObject();
                country.areas.append({ao.value(QStringLiteral("code")).toString(),
                                      ao.value(QStringLiteral("place")).toString(),
                                      ao.value(QStringLiteral("first")).toString(),
                                      ao.value(QStringLiteral("count")).toInt()});
            }
            c.m_countries.append(country);
        }
        return c;
    }();
    return catalogue;
}

const NumberCatalogue::Country* NumberCatalogue::country(const QString& code) const
{
    for (const Country& c : m_countries) {
        if (c.code.compare(code, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

QStringList NumberCatalogue::numbers(const Country& country, const Area& area) const
{
    QStringList out;
    out.reserve(area.count);
    const qint64 first = area.first.toLongLong();
    for (int i = 0; i < area.count; ++i) {
        const QString e164 = PhoneNumbers::toE164(QString::number(first + i), country.code);
        if (!e164.isEmpty())
            out.append(e164);
    }
    return out;
}

QString NumberCatalogue::countryName(const QString& code)
{
    static const struct
    {
        const char* code;
        const char* name;
    } names[] = {
        {"US", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "United States")},
        {"CA", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "Canada")},
        {"GB", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "United Kingdom")},
        {"DE", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "Germany")},
        {"FR", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "France")},
        {"NL", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "Netherlands")},
        {"NO", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "Norway")},
        {"PL", QT_TRANSLATE_NOOP("sb::NumberCatalogue", "Poland")},
    };
    for (const auto& n : names) {
        if (code.compare(QLatin1String(n.code), Qt::CaseInsensitive) == 0)
            return tr(n.name);
    }
    return code;
}

} // namespace sb
