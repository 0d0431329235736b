#include "ui/widgets/HolderCompleter.h"

#include "core/members/MemberService.h"
#include "core/profiles/ProfileService.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QStandardItemModel>

namespace sb::ui {

HolderCompleter::HolderCompleter(const Context& ctx, int kinds, QLineEdit* edit)
    : QCompleter(edit), m_ctx(ctx), m_kinds(kinds)
{
    setObjectName(QStringLiteral("holderCompleter"));
    m_model = new QStandardItemModel(this);
    setModel(m_model);
    // The core already matched (on account, name, e-mail, department): show what it found.
    setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    setCompletionRole(NameRole);
    setCaseSensitivity(Qt::CaseInsensitive);
    setMaxVisibleItems(MaxEntries);
    // textEdited comes before the line edit asks its completer: the entries are fresh by then.
    connect(edit, &QLineEdit::textEdited, this, &HolderCompleter::update);
    edit->setCompleter(this);
    connect(this, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this, edit](const QModelIndex& index) {
                if (!index.isValid())
                    return;
                const auto kind = static_cast<NumberHolder::Kind>(index.data(KindRole).toInt());
                const QString name = index.data(NameRole).toString();
                // The line edit takes the completion only while it has focus; the choice is made
                // in the popup, so put the name in ourselves.
                edit->setText(name);
                emit holderChosen(NumberHolder{kind, name});
            });
}

void HolderCompleter::setKinds(int kinds)
{
    m_kinds = kinds;
    m_model->clear();
}

void HolderCompleter::update(const QString& text)
{
    m_model->clear();
    const QString search = text.trimmed();
    if (search.isEmpty())
        return;
    auto add = [this](const QString& name, const QString& shown, NumberHolder::Kind kind) {
        auto* item = new QStandardItem(shown);
        item->setData(name, NameRole);
        item->setData(static_cast<int>(kind), KindRole);
        item->setData(shown, Qt::AccessibleTextRole);
        item->setEditable(false);
        m_model->appendRow(item);
    };
    if (m_kinds & Members) {
        MemberQuery q;
        q.search = search;
        q.sort = MemberQuery::Sort::Account;
        q.limit = MaxEntries;
        if (auto members = MemberService(m_ctx).page(q); members) {
            for (const Member& m : *members) {
                const QString shown =
                    m.profile.isEmpty()
                        ? tr("%1 — %2 (member)").arg(m.account, m.name)
                        : tr("%1 — %2 (member, linked to %3)").arg(m.account, m.name, m.profile);
                add(m.account, shown, NumberHolder::Kind::Member);
            }
        }
    }
    if (m_kinds & Profiles) {
        if (auto profiles = ProfileService(m_ctx).list(search); profiles) {
            int n = 0;
            for (const SipProfile& p : *profiles) {
                if (++n > MaxEntries)
                    break;
                add(p.name, tr("%1 (SIP profile)").arg(p.name), NumberHolder::Kind::Profile);
            }
        }
    }
}

} // namespace sb::ui
