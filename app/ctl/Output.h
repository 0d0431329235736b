#pragma once

#include <QJsonObject>
#include <QString>

namespace sb::ctl {

/// Where switchboardctl speaks: results on stdout (text or one JSON document),
/// the reason for a refusal or usage error as one line on stderr.
class Output
{
public:
    explicit Output(bool json) : m_json(json) {}
    bool json() const { return m_json; }
    void json(const QJsonObject& doc) const;
    void line(const QString& text) const;
    void error(const QString& text) const;

private:
    bool m_json = false;
};

} // namespace sb::ctl
