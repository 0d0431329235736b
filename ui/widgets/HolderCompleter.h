#pragma once

#include "core/numbers/NumberHolder.h"
#include "core/storage/Context.h"

#include <QCompleter>

class QLineEdit;
class QStandardItemModel;

namespace sb::ui {

/// Completion on member account names and/or SIP profile names for a line edit. Asks the
/// core as the admin types (search in SQL, a few entries each), so it stays fast with
/// 100,000 members. Each entry says what it is ("bob.jones — Bob Jones (member)");
/// choosing one puts the plain name into the edit and reports the holder.
class HolderCompleter : public QCompleter
{
    Q_OBJECT

public:
    enum Kind
    {
        Members = 0x1,
        Profiles = 0x2,
        MembersAndProfiles = Members | Profiles
    };
    enum Role
    {
        NameRole = Qt::UserRole + 1, ///< the account or profile name
        KindRole,                    ///< int(NumberHolder::Kind)
    };
    static constexpr int MaxEntries = 12;

    /// Installs itself on `edit`.
    HolderCompleter(const Context& ctx, int kinds, QLineEdit* edit);

    void setKinds(int kinds);
    int kinds() const { return m_kinds; }

signals:
    /// The admin picked an entry.
    void holderChosen(const sb::NumberHolder& holder);

private:
    void update(const QString& text);

    const Context& m_ctx;
    int m_kinds;
    QStandardItemModel* m_model = nullptr;
};

} // namespace sb::ui
