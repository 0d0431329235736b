#pragma once

#include <QAbstractItemModel>

namespace sb {

/// Tells the views of a table model that, the language having changed, its headers and every
/// shown cell read differently: they ask again, and nothing is fetched again. A model's
/// retranslate() calls it (the page calls that on QEvent::LanguageChange).
inline void announceRetranslated(QAbstractItemModel& model)
{
    const int columns = model.columnCount();
    if (columns <= 0)
        return;
    // Signals are public: emitted here for the model, as its own slots would.
    emit model.headerDataChanged(Qt::Horizontal, 0, columns - 1);
    const int rows = model.rowCount();
    if (rows > 0)
        emit model.dataChanged(model.index(0, 0), model.index(rows - 1, columns - 1));
}

} // namespace sb
