#pragma once

#include "core/base/Error.h"
#include "core/reports/AttentionItem.h"
#include "core/storage/Context.h"

#include <QAbstractTableModel>
#include <QList>

namespace sb {

/// The dashboard's attention list (AttentionService::list): a few dozen rows at most, read
/// whole on refresh(). Most urgent first.
class AttentionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Severity, ///< "Urgent", "Soon", "Note"
        Subject,  ///< the member, profile or numbers it speaks of
        Details,  ///< the sentence with its figures
        ColumnCount
    };
    enum Role
    {
        /// Severity: the AttentionItem::Severity as int (higher is more urgent); Subject: the
        /// key (account, profile name, E.164); Details: the amount in cents.
        RawValueRole = Qt::UserRole + 1,
        KindRole,   ///< AttentionItem::Kind as int
        TargetRole, ///< AttentionItem::Target as int
        KeyRole,    ///< what to select on the target page; empty for "… and N more"
        CoversRole, ///< renewals: whether the paying balance covers them
        MoreRole,   ///< how many others an "… and N more" entry stands for, else 0
    };

    /// `perKind`: entries listed per kind before "… and N more" (AttentionService).
    explicit AttentionModel(const Context& ctx, QObject* parent = nullptr, int perKind = 5);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const AttentionItem& item(int row) const { return m_items.at(row); }
    /// The last storage error, translated; empty when the last read worked.
    QString lastError() const { return m_error; }

    static QString severityText(AttentionItem::Severity severity);
    /// Entries listed per kind before "… and N more".
    int perKind() const { return m_perKind; }

    /// Shows `items`, read elsewhere (the dashboard reads them on a worker thread with
    /// AttentionService(ctx, perKind()).list()); an error empties the list and is emitted.
    void setItems(const Result<QList<AttentionItem>>& items);
    /// Tells the views that the headers and the urgency words are in a new language at once;
    /// the sentences follow when the list is read again.
    void retranslate();

public slots:
    /// Reads the list again in this thread (its sentences in the language now in force).
    void refresh();

signals:
    void errorOccurred(const QString& message);

private:
    const Context& m_ctx;
    int m_perKind;
    QList<AttentionItem> m_items;
    QString m_error;
};

} // namespace sb
