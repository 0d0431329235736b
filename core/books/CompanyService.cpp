#include "core/books/CompanyService.h"

#include "core/base/NameText.h"
#include "core/base/UserText.h"
#include "core/books/ActivityLog.h"
#include "core/books/Ledger.h"
#include "core/storage/Transaction.h"

#include <QCoreApplication>

namespace sb {

Result<void> CompanyService::validateAmount(Money amount)
{
    if (!amount.isPositive())
        return Error::invalid(tr("The amount must be greater than zero."));
    if (amount.cents() > Money::MaxOperationCents)
        return Error::invalid(
            tr("%1 is more than one operation may move (at most %2).")
                .arg(amount.display(), Money::fromCents(Money::MaxOperationCents).display()));
    return {};
}

Result<Money> CompanyService::balance() const
{
    return Ledger(m_ctx).balance(Ledger::CompanyAccount);
}

Result<Money> CompanyService::topUp(Money amount, const QString& typed) const
{
    if (auto v = validateAmount(amount); !v)
        return v.error();
    // Stored as a name is (invisible characters dropped, spaces made one) and refused with a
    // line break, tab or escape in it: the activity log and the CLI's text output show it on
    // one line, where a control character could forge another entry or hide this one.
    if (NameText::hasControlCharacters(typed))
        return Error::invalid(tr("The reference has a line break, tab or other control "
                                 "character: type it on one line."));
    const QString reference = NameText::normalised(typed);
    if (UserText::length(reference) > 200)
        return Error::invalid(tr("The reference is too long (at most 200 characters)."));
    auto done = Transaction::run(m_ctx.db, [&](Transaction& tx) -> Result<Money> {
        const Ledger ledger(m_ctx);
        if (auto r = ledger.lockBalances(tx, {Ledger::CompanyAccount}); !r)
            return r.error();
        if (auto t = ledger.transfer(tx, 0, Ledger::CompanyAccount, amount, QStringLiteral("topup"),
                                     reference);
            !t)
            return t.error();
        if (auto a = ActivityLog(m_ctx).record(tx, ActivityEvent::companyTopUp(amount, reference));
            !a)
            return a.error();
        return ledger.balance(Ledger::CompanyAccount);
    });
    if (done)
        m_ctx.announce(Changes().withCompanyBalance().withActivity());
    return done;
}

} // namespace sb
