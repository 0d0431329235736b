#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>

class QSettings;
class QString;
class QTableView;
class QTimer;

namespace sb::ui {

/// Shares a table's width between its columns so that the last one, which must stay whole
/// and in view (a status with its date), does. Every other column gets its natural width
/// (its cells in view, capped, never narrower than its title); when they do not all fit,
/// the elastic columns give way down to their minimum (their cells are whole in their tool
/// tips), and then the optional columns step out of view, in the order given, until the
/// rest fits; they come back when there is room. Shares again whenever the viewport is
/// resized and measures again after a language change, until the admin sizes a column by
/// hand. A column the admin showed or hid from the header's menu stays as chosen. It fits by
/// itself when the table is first shown and when its first rows come (a reset).
class ColumnFitter : public QObject
{
    Q_OBJECT

public:
    /// `lastWidth` is the width the last column needs, measured in the current language on
    /// each fit(); without it, its cells in view need, up to 24 widths of 'M'.
    explicit ColumnFitter(QTableView* table, std::function<int()> lastWidth = {});

    /// Column `logical`: at most `maxEm` widths of 'M'; elastic down to `minEm` when
    /// positive, or to its title when that is wider.
    void setColumn(int logical, int maxEm, int minEm = 0);
    /// Column `logical` steps out of view when the others do not fit without it (the area
    /// code, in the number itself); the first made optional goes first.
    void setOptional(int logical);

    /// Measures the natural widths and the last column's again (new rows, a new language) and
    /// shares the width.
    void fit();
    /// Whether the admin sized a column by hand: the fitter then leaves the widths alone.
    bool userSized() const { return m_userSized; }
    /// The width the last column got at the last fit (0 before the first).
    int lastWidth() const { return m_last; }

    /// Keeps the header (order, sort, hidden columns, widths), whether the admin sized it and
    /// the columns the admin showed or hid under `key`.
    void saveState(QSettings& settings, const QString& key) const;
    /// Restores what saveState kept; widths the admin sized are then never fitted again.
    void restoreState(const QSettings& settings, const QString& key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Column
    {
        int maxEm = 18;
        int minEm = 0;
    };
    void share();
    int titleWidth(int logical) const;
    int lastVisible() const;

    QTableView* m_table;
    QObject* m_viewport = nullptr;
    QObject* m_headerViewport = nullptr;
    std::function<int()> m_lastWidth;
    QHash<int, Column> m_columns;
    /// The elastic columns, in the order they give way.
    QList<int> m_elastic;
    /// The optional columns, in the order they step out of view.
    QList<int> m_optional;
    /// Columns shown or hidden by the admin: never shown or hidden by the fitter.
    QSet<int> m_chosen;
    QHash<int, int> m_natural;
    int m_last = 0;
    /// Shares the width once the table has its new size.
    QTimer* m_later = nullptr;
    /// Measures again once the texts follow a language change.
    QTimer* m_refit = nullptr;
    bool m_sharing = false;
    bool m_userSized = false;
    /// Fitted to rows, not only to the titles of an empty table.
    bool m_fittedToRows = false;
    /// A mouse button is down on the header: a section resized now is the admin's doing.
    bool m_headerPressed = false;
};

} // namespace sb::ui
