#pragma once

namespace sb::test {

/// An action that opens a dialog, triggered from its page with the page's first row
/// selected: every dialog the fit and language-switch tests render.
struct DialogAction
{
    const char* page;
    const char* action;
};

inline constexpr DialogAction kDialogs[] = {
    {"members", "topUpAction"},
    {"members", "addMemberAction"},
    {"members", "allocateCreditAction"},
    {"members", "autoRechargeAction"},
    {"members", "importMembersAction"},
    {"members", "buyNumbersForMembersAction"},
    {"numbers", "buyNumbersAction"},
    {"numbers", "reassignNumberAction"},
    {"sip-profiles", "createSipProfileAction"},
    {"sip-profiles", "renameSipProfileAction"},
    {"sip-profiles", "changeChannelsAction"},
    {"sip-profiles", "allocateProfileCreditAction"},
    {"sip-profiles", "linkAccountAction"},
    {"sip-profiles", "deleteSipProfileAction"},
    {"sip-profiles", "changeBundlesAction"},
    {"sip-profiles", "addBundlesAction"},
    {"calls", "importCallsAction"},
    {"calls", "statementAction"},
};

} // namespace sb::test
