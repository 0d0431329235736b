#pragma once

#include "core/base/Error.h"
#include "core/base/Money.h"
#include "core/storage/Context.h"
#include <QCoreApplication>

namespace sb {

/// The company balance: what it holds, and top-ups of bought credit.
class CompanyService
{
    Q_DECLARE_TR_FUNCTIONS(sb::CompanyService)

public:
    explicit CompanyService(const Context& ctx) : m_ctx(ctx) {}

    Result<Money> balance() const;
    /// Adds bought credit with its reference; returns the new balance.
    Result<Money> topUp(Money amount, const QString& reference) const;

    /// Shared checks for an amount typed by an admin: positive and not absurd.
    static Result<void> validateAmount(Money amount);

private:
    const Context& m_ctx;
};

} // namespace sb
