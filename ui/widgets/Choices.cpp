#include "ui/widgets/Choices.h"

#include <QCollator>
#include <QComboBox>
#include <QIcon>
#include <QLocale>
#include <QSignalBlocker>
#include <QVariant>

#include <algorithm>
#include <vector>

namespace sb::ui::Choices {

void sortByText(QComboBox* combo, int first)
{
    struct Choice
    {
        QString text;
        QVariant data;
        QIcon icon;
    };
    std::vector<Choice> choices;
    for (int i = first; i < combo->count(); ++i)
        choices.push_back({combo->itemText(i), combo->itemData(i), combo->itemIcon(i)});
    QCollator collator{QLocale()};
    std::stable_sort(choices.begin(), choices.end(), [&collator](const Choice& a, const Choice& b) {
        return collator.compare(a.text, b.text) < 0;
    });
    const QVariant chosen = combo->currentData();
    const int chosenIndex = combo->currentIndex();
    const QSignalBlocker quiet(combo);
    for (int i = 0; i < int(choices.size()); ++i) {
        combo->setItemText(first + i, choices[size_t(i)].text);
        combo->setItemData(first + i, choices[size_t(i)].data);
        combo->setItemIcon(first + i, choices[size_t(i)].icon);
    }
    if (chosenIndex >= first)
        combo->setCurrentIndex(combo->findData(chosen));
}

} // namespace sb::ui::Choices
