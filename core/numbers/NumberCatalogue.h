#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

/// Countries and area codes where numbers can be bought, and the block of numbers each
/// area offers. Shipped as a resource (resources/data/numbers.json).
class NumberCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(sb::NumberCatalogue)

public:
    struct Area
    {
        QString code;  ///< area code as dialled nationally without trunk prefix, e.g. "212", "20"
        QString place; ///< English place name
        QString first; ///< first national number of the block, e.g. "2125550100"
        int count = 0; ///< numbers in the block
    };
    struct Country
    {
        QString code; ///< ISO 3166 alpha-2, e.g. "US"
        QString name; ///< English name
        bool termsRequired = false;
        QList<Area> areas;
        const Area* area(const QString& code) const;
    };

    static const NumberCatalogue& builtIn();

    const QList<Country>& countries() const { return m_countries; }
    const Country* country(const QString& code) const;
    /// Every number of an area's block, in E.164, in order.
    QStringList numbers(const Country& country, const Area& area) const;
    /// The country's name in the current translation.
    static QString countryName(const QString& code);

private:
    QList<Country> m_countries;
};

} // namespace sb
