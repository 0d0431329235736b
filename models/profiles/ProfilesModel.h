#pragma once

#include "core/net/ProbeService.h"
#include "core/profiles/SipProfile.h"
#include "core/storage/Context.h"
#include "models/base/RowState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace sb {

/// The SIP profiles master table. A company has tens of profiles, not thousands, so the
/// model reads them all through ProfileService::list (search in SQL) on each refresh, and
/// again when the context's Notifier announces changed profiles.
class ProfilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Department,
        Authentication,
        Channels,
        MonthlyCost,
        Balance,
        Accounts,
        Numbers,
        Trunk, ///< the latest SIP OPTIONS probe in short: "OK 23 ms", "503", "No answer"
        ColumnCount
    };
    enum Role
    {
        RawValueRole = Qt::UserRole + 1, ///< cents for money columns, counts for counts
        NameRole,                        ///< the profile's name, on every column
    };
    // RowStateRole (models/base/RowState.h): on Balance Owed or LowBalance, on Channels
    // Lapsed (unpaid), on MonthlyCost the US minute bundles' Lapsed or Cancelled.

    explicit ProfilesModel(const Context& ctx, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The state of a row's `column` (Balance, Channels, MonthlyCost); None for the others.
    RowState state(int row, int column) const;

    const SipProfile& profile(int row) const { return m_rows.at(row); }
    int rowOfName(const QString& name) const;
    QString lastError() const { return m_lastError; }

public slots:
    void setSearch(const QString& search);
    void refresh();
    void retranslate();

signals:
    void errorOccurred(const QString& message);

private:
    QString displayText(const SipProfile& p, int column) const;
    /// Channels and US minute bundles a month: the details' "Outgoing calls" total.
    Money monthlyCost(const SipProfile& p) const;
    QString trunkText(const SipProfile& p) const;
    QString trunkToolTip(const SipProfile& p) const;
    /// Sorts the trunk column: answered by round trip, then errors, then silence.
    qint64 trunkRank(const SipProfile& p) const;
    const Context& m_ctx;
    QString m_search;
    QList<SipProfile> m_rows;
    QHash<qint64, Money> m_bundlesCost;    ///< by profile id, read with the rows
    QHash<qint64, RowState> m_bundleState; ///< Lapsed or Cancelled, by profile id
    QSet<qint64> m_low;                    ///< ledger account ids low on credit
    QHash<qint64, ProbeSummary> m_probes;  ///< by profile id, read with the rows in one query
    QString m_lastError;
};

} // namespace sb
