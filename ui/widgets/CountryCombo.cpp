#include "ui/widgets/CountryCombo.h"

#include "core/base/PhoneNumbers.h"

#include <QCollator>
#include <QEvent>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace sb::ui {

CountryCombo::CountryCombo(QWidget* parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("countryCombo"));
    fill();
    setCountry(QStringLiteral("US"));
}

QString CountryCombo::country() const
{
    return currentData().toString();
}

bool CountryCombo::setCountry(const QString& code)
{
    const int i = findData(code.trimmed().toUpper());
    if (i < 0)
        return false;
    setCurrentIndex(i);
    return true;
}

void CountryCombo::fill()
{
    const QString chosen = country();
    QList<std::pair<QString, QString>> items; // name, code
    for (const QString& code : PhoneNumbers::regions()) {
        const QLocale::Territory t = QLocale::codeToTerritory(code);
        // A few regions (Ascension, Tristan da Cunha, …) have no territory of their own in
        // Qt: they are shown by their code.
        const QString name = t == QLocale::AnyTerritory
                                 ? code
                                 : tr("%1 (%2)").arg(QLocale::territoryToString(t), code);
        items.append({name, code});
    }
    QCollator collator;
    std::sort(items.begin(), items.end(),
              [&](const auto& a, const auto& b) { return collator.compare(a.first, b.first) < 0; });
    const QSignalBlocker block(this);
    clear();
    for (const auto& [name, code] : std::as_const(items))
        addItem(name, code);
    setCountry(chosen.isEmpty() ? QStringLiteral("US") : chosen);
}

void CountryCombo::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        fill();
    QComboBox::changeEvent(event);
}

} // namespace sb::ui
