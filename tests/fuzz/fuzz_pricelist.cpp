// Price-list import validation (PriceList::validated): any bytes are refused with a message
// or accepted as a list whose every price is within the limits, and an accepted list written
// as JSON (as `prices show --json` prints and the database stores it) validates again to
// the same list.

#include "core/numbers/PriceList.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    sb::fuzz::startQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = sb::fuzz::bytes(data, size);
    const auto list = sb::PriceList::validated(bytes);
    if (!list) {
        SB_FUZZ_CHECK(!list.error().message.isEmpty(), QString::fromUtf8(bytes));
        return 0;
    }
    const auto inRange = [](sb::Money m) {
        return m.isPositive() && m.cents() <= sb::PriceList::MaxPriceCents;
    };
    SB_FUZZ_CHECK(inRange(list->bundlePrice()) && inRange(list->channelPrice()),
                  QString::fromUtf8(bytes));
    for (const QString& country : list->countries()) {
        for (int months : sb::PriceList::billingPeriods()) {
            const auto price = list->numberPrice(country, months);
            SB_FUZZ_CHECK(price && inRange(*price), country + QString::number(months));
        }
    }
    QSet<QString> prefixes;
    for (const auto& rate : list->rates()) {
        SB_FUZZ_CHECK(!rate.prefix.isEmpty() && !prefixes.contains(rate.prefix), rate.prefix);
        prefixes.insert(rate.prefix);
        for (QChar c : rate.prefix)
            SB_FUZZ_CHECK(c >= QLatin1Char('0') && c <= QLatin1Char('9'), rate.prefix);
        SB_FUZZ_CHECK(rate.perMinuteTenThousandths >= 0 &&
                          rate.perMinuteTenThousandths <= sb::PriceList::MaxRateTenThousandths,
                      rate.prefix);
    }
    const QByteArray written = QJsonDocument(list->toJson()).toJson();
    const auto again = sb::PriceList::validated(written);
    SB_FUZZ_CHECK(again, QString::fromUtf8(written) + QStringLiteral(": ") +
                             (again ? QString() : again.error().message));
    SB_FUZZ_CHECK(again->toJson() == list->toJson(), QString::fromUtf8(written));
    return 0;
}
