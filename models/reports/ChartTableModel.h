#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace sb {

/// A chart's series as a table: rows are the categories (months, days, profiles), columns the
/// series. Display is formatted in the default locale; RawRole holds the exact value (cents
/// or a count, qint64) for sorting, tests and the chart itself. The vertical header's RawRole
/// is the row's key (a QDate or a name).
///
/// Subclasses keep their data and build the labels in rebuild(), so that retranslate() after
/// a language change relabels without reading again.
class ChartTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        RawRole = Qt::UserRole + 1
    };
    enum class Unit
    {
        Money,
        Count
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The exact value of a cell (0 outside the table).
    qint64 raw(int row, int column) const;
    QString rowLabel(int row) const { return m_rowLabels.value(row); }
    QString columnLabel(int column) const { return m_columnLabels.value(column); }
    QStringList columnLabels() const { return m_columnLabels; }
    Unit unit(int column) const { return m_units.value(column, Unit::Count); }
    /// A value as the table shows it.
    QString format(qint64 value, int column) const;
    /// True when every cell is zero (or there are none): the chart shows a text instead.
    bool isAllZero() const;

    /// Labels again in the current language and locale.
    void retranslate();

protected:
    struct Table
    {
        QStringList rowLabels;
        QVariantList rowKeys;
        QStringList columnLabels;
        QList<Unit> units;
        QList<QList<qint64>> values; ///< [row][column]
    };
    /// The table from the subclass's data, labels in the current language.
    virtual Table build() const = 0;
    /// Calls build() and resets the model.
    void rebuild();

public:
    /// "Mar" in the default locale's language, with the year where `withYear` ("Jan 2026").
    static QString monthLabel(const QDate& month, bool withYear);
    /// A day, short, in the default locale ("10 Mar", "10.03.").
    static QString dayLabel(const QDate& day);

private:
    QStringList m_rowLabels;
    QVariantList m_rowKeys;
    QStringList m_columnLabels;
    QList<Unit> m_units;
    QList<QList<qint64>> m_values;
};

} // namespace sb
