// Address validation: the PBX's IPv4 address (ProfileService::validateIp), the provider's
// SIP servers (ProviderSettings::validateServer), the mail server's host and sender
// (MailSettings) and a member's e-mail (MemberService::validateEmail). Each accepted value
// is checked against a plain, separate reading of the rule, so a validator that lets
// through "8.8.4.010" or a port of 0 is found, not only one that crashes.

#include "core/members/MemberService.h"
#include "core/net/MailSettings.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProviderSettings.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QHostAddress>

namespace {
bool asciiDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

// Dotted quad, 0–255, no leading zeros.
bool isIpv4(QStringView s)
{
    const auto parts = s.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (QStringView p : parts) {
        if (!asciiDigits(p) || p.size() > 3 || (p.size() > 1 && p[0] == QLatin1Char('0')) ||
            p.toInt() > 255)
            return false;
    }
    return true;
}

// RFC 1123: labels of ASCII letters, digits and inner hyphens, 1–63 characters.
bool isHostName(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (QStringView label : s.split(QLatin1Char('.'))) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) ||
            label.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : label) {
            const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                            (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                            c == QLatin1Char('-');
            if (!ok)
                return false;
        }
    }
    return true;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    sb::fuzz::startQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = sb::fuzz::text(data, size);
    const QString trimmed = text.trimmed();

    const auto ip = sb::ProfileService::validateIp(text);
    SB_FUZZ_CHECK(bool(ip) == isIpv4(trimmed), text);
    if (!ip)
        SB_FUZZ_CHECK(!ip.error().message.isEmpty(), text);

    const auto server = sb::ProviderSettings::validateServer(text);
    if (server) {
        const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
        const QStringView host =
            colon < 0 ? QStringView(trimmed) : QStringView(trimmed).left(colon);
        SB_FUZZ_CHECK(isHostName(host), text);
        if (colon >= 0) {
            const QStringView port = QStringView(trimmed).mid(colon + 1);
            SB_FUZZ_CHECK(asciiDigits(port) && port.toInt() >= 1 && port.toInt() <= 65535, text);
        }
    }

    const auto host = sb::MailSettings::validateHost(text);
    if (host) {
        QString literal = trimmed;
        if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
            literal = literal.mid(1, literal.size() - 2);
        SB_FUZZ_CHECK(!QHostAddress(literal).isNull() ||
                          (trimmed.size() <= 253 && isHostName(trimmed)),
                      text);
    }

    const auto sender = sb::MailSettings::validateAddress(text);
    if (sender) {
        const qsizetype at = text.indexOf(QLatin1Char('@'));
        SB_FUZZ_CHECK(at > 0 && text.count(QLatin1Char('@')) == 1 && text.size() <= 254, text);
        SB_FUZZ_CHECK(isHostName(QStringView(text).mid(at + 1)), text);
        for (QChar c : text)
            SB_FUZZ_CHECK(!c.isSpace() && c.category() != QChar::Other_Control &&
                              c != QLatin1Char('<') && c != QLatin1Char('>'),
                          text);
    }

    const auto email = sb::MemberService::validateEmail(text);
    if (email && !text.isEmpty()) {
        const qsizetype at = text.indexOf(QLatin1Char('@'));
        SB_FUZZ_CHECK(at > 0 && text.count(QLatin1Char('@')) == 1 && text.size() <= 254, text);
        // A dot in the domain and no empty label.
        const auto labels = QStringView(text).mid(at + 1).split(QLatin1Char('.'));
        SB_FUZZ_CHECK(labels.size() >= 2, text);
        for (QStringView label : labels)
            SB_FUZZ_CHECK(!label.isEmpty(), text);
        for (QChar c : text)
            SB_FUZZ_CHECK(!c.isSpace() && c.category() != QChar::Other_Control, text);
    }
    return 0;
}
