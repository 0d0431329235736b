#include "models/base/BalanceDisplay.h"

#include <QGuiApplication>

namespace sb {

QString BalanceDisplay::text(Money balance, const QLocale& locale)
{
    if (!balance.isNegative())
        return balance.toLocaleString(locale);
    return tr("owes %1").arg((-balance).toLocaleString(locale));
}

QString BalanceDisplay::currencyText(Money balance, const QLocale& locale)
{
    if (!balance.isNegative())
        return balance.toCurrencyString(locale);
    return tr("owes %1").arg((-balance).toCurrencyString(locale));
}

QColor BalanceDisplay::owedColor(const QPalette& palette, QPalette::ColorRole background)
{
    // Both reds keep a contrast of about 4.5:1 or more against white and against a dark
    // grey base respectively.
    const bool darkBase = palette.color(background).lightnessF() < 0.5;
    return darkBase ? QColor(0xff, 0x80, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QVariant BalanceDisplay::foreground(Money balance)
{
    if (!balance.isNegative())
        return {};
    // Without a QGuiApplication (the CLI, GUI-less tests) there is no palette: a light one.
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return owedColor(
            QPalette(Qt::black, Qt::white, Qt::white, Qt::gray, Qt::gray, Qt::black, Qt::white));
    return owedColor(QGuiApplication::palette());
}

} // namespace sb
