#pragma once

#include "core/numbers/PriceList.h"

#include <QJsonObject>
#include <QString>

namespace sb::test {

/// `list` (a price list's JSON, PriceList::toJson) with the number price of `country` for
/// `months` replaced by `price` ("7.25"): the files tests import to change a price.
inline QJsonObject withNumberPrice(QJsonObject list, const QString& country, int months,
                                   const QString& price)
{
    QJsonObject numbers = list.value(QStringLiteral("numbers")).toObject();
    QJsonObject periods = numbers.value(country).toObject();
    periods.insert(QString::number(months), price);
    numbers.insert(country, periods);
    list.insert(QStringLiteral("numbers"), numbers);
    return list;
}

} // namespace sb::test
