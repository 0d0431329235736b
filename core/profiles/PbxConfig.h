#pragma once

#include "core/profiles/SipProfile.h"

#include <QCoreApplication>
#include <QStringList>

namespace sb {

/// Ready-to-paste PBX configuration for a SIP profile's trunk.
class PbxConfig
{
    Q_DECLARE_TR_FUNCTIONS(sb::PbxConfig)

public:
    /// An Asterisk pjsip.conf block: registration with outbound auth, or IP-matched
    /// (identify by the provider's servers) for IP authentication.
    static QString asterisk(const SipProfile& profile, const QStringList& servers,
                            const QString& password);
    /// The section name used for the trunk: "switchboard-ID-" + a safe form of the profile
    /// name; unique per profile whatever its name.
    static QString sectionName(const SipProfile& profile);
};

} // namespace sb
