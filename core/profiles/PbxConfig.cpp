#include "core/profiles/PbxConfig.h"

namespace sb {

QString PbxConfig::sectionName(const SipProfile& profile)
{
    // The id makes the name unique: "Sales Oslo", "Sales-Oslo" and "Salg Øslo" would all
    // read "sales-oslo", and their sections would clash when pasted into one pjsip.conf.
    QString out = QStringLiteral("switchboard-%1-").arg(profile.id);
    for (QChar c : profile.name.normalized(QString::NormalizationForm_D)) {
        // Accents come apart from their letters: "Säles" reads "sales", not "sa-les".
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c.toLower();
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

QString PbxConfig::asterisk(const SipProfile& p, const QStringList& servers,
                            const QString& password)
{
    const QString name = sectionName(p);
    const QString primary = servers.value(0);
    const QString host = primary.section(QLatin1Char(':'), 0, 0);
    QStringList lines;
    // Comments are for the PBX admin who pastes this; they stay in English like the keywords.
    lines << QStringLiteral("; Switchboard SIP profile \"%1\" (%2 authentication)")
                 .arg(p.name, p.auth == SipProfile::Auth::Ip ? QStringLiteral("IP")
                                                             : QStringLiteral("registration"))
          << QStringLiteral(
                 "; Paste into /etc/asterisk/pjsip.conf and run: asterisk -rx \"pjsip reload\"")
          << QStringLiteral("; Up to %1 simultaneous call(s) on this trunk.").arg(p.channels)
          << QString();
    if (p.auth == SipProfile::Auth::Registration) {
        lines << QStringLiteral("[%1-auth]").arg(name) << QStringLiteral("type=auth")
              << QStringLiteral("auth_type=userpass")
              << QStringLiteral("username=%1").arg(p.username)
              << QStringLiteral("password=%1").arg(password) << QString();
        lines << QStringLiteral("[%1-reg]").arg(name) << QStringLiteral("type=registration")
              << QStringLiteral("transport=transport-udp")
              << QStringLiteral("outbound_auth=%1-auth").arg(name)
              << QStringLiteral("server_uri=sip:%1").arg(primary)
              << QStringLiteral("client_uri=sip:%1@%2").arg(p.username, host)
              << QStringLiteral("contact_user=%1").arg(p.username)
              << QStringLiteral("retry_interval=60")
              << QStringLiteral("forbidden_retry_interval=600") << QStringLiteral("expiration=3600")
              << QString();
    }
    lines << QStringLiteral("[%1]").arg(name) << QStringLiteral("type=aor");
    for (const QString& s : servers)
        lines << QStringLiteral("contact=sip:%1").arg(s);
    lines << QStringLiteral("qualify_frequency=60") << QString();
    lines << QStringLiteral("[%1]").arg(name) << QStringLiteral("type=endpoint")
          << QStringLiteral("transport=transport-udp") << QStringLiteral("context=from-switchboard")
          << QStringLiteral("disallow=all") << QStringLiteral("allow=ulaw,alaw,g722")
          << QStringLiteral("aors=%1").arg(name) << QStringLiteral("direct_media=no")
          << QStringLiteral("rtp_symmetric=yes") << QStringLiteral("force_rport=yes")
          << QStringLiteral("rewrite_contact=yes");
    if (p.auth == SipProfile::Auth::Registration)
        lines << QStringLiteral("outbound_auth=%1-auth").arg(name)
              << QStringLiteral("from_user=%1").arg(p.username)
              << QStringLiteral("from_domain=%1").arg(host);
    else
        lines << QStringLiteral("; The provider accepts calls from %1:%2 without registration.")
                     .arg(p.ip)
                     .arg(p.port);
    lines << QString();
    lines << QStringLiteral("[%1]").arg(name) << QStringLiteral("type=identify")
          << QStringLiteral("endpoint=%1").arg(name);
    for (const QString& s : servers)
        lines << QStringLiteral("match=%1").arg(s.section(QLatin1Char(':'), 0, 0));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace sb
