#include "app/ctl/CommandRegistry.h"

#include "app/ctl/ActivityCommand.h"
#include "app/ctl/AdviceCommand.h"
#include "app/ctl/AutoRechargeCommand.h"
#include "app/ctl/BalanceCommand.h"
#include "app/ctl/BillingCommand.h"
#include "app/ctl/BundleCommand.h"
#include "app/ctl/CallsCommand.h"
#include "app/ctl/CreditCommand.h"
#include "app/ctl/DemoCommand.h"
#include "app/ctl/InitCommand.h"
#include "app/ctl/MemberCommand.h"
#include "app/ctl/NumberCommand.h"
#include "app/ctl/PricesCommand.h"
#include "app/ctl/ProfileCommand.h"
#include "app/ctl/ReportCommand.h"
#include "app/ctl/SettingsCommand.h"
#include "app/ctl/TopUpCommand.h"

namespace sb::ctl {

CommandRegistry::CommandRegistry()
{
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<BalanceCommand>());
    m_commands.push_back(std::make_unique<TopUpCommand>());
    m_commands.push_back(std::make_unique<MemberCommand>());
    m_commands.push_back(std::make_unique<CreditCommand>());
    m_commands.push_back(std::make_unique<AutoRechargeCommand>());
    m_commands.push_back(std::make_unique<BillingCommand>());
    m_commands.push_back(std::make_unique<ActivityCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<NumberCommand>());
    m_commands.push_back(std::make_unique<ProfileCommand>());
    m_commands.push_back(std::make_unique<CallsCommand>());
    m_commands.push_back(std::make_unique<PricesCommand>());
    m_commands.push_back(std::make_unique<BundleCommand>());
    m_commands.push_back(std::make_unique<AdviceCommand>());
    m_commands.push_back(std::make_unique<ReportCommand>());
    m_commands.push_back(std::make_unique<SettingsCommand>());
}

CommandRegistry::~CommandRegistry() = default;

Command* CommandRegistry::find(const QString& name) const
{
    for (const auto& c : m_commands) {
        if (c->name() == name)
            return c.get();
    }
    return nullptr;
}

} // namespace sb::ctl
