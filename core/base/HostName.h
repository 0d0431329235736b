#pragma once

#include <QString>

namespace sb {

/// The one pattern of an RFC 1123 host name: dot-separated labels of letters, digits and inner
/// hyphens, each at most 63 characters. Without anchors or capturing groups, so that the SIP
/// servers ("host:port"), the mail server and the domain of an e-mail address embed it alike.
struct HostName
{
    static QString pattern()
    {
        return QStringLiteral("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                              "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    }
};

} // namespace sb
