#include "app/ctl/Output.h"

#include <QJsonDocument>

#include <cstdio>

namespace sb::ctl {

void Output::json(const QJsonObject& doc) const
{
    const QByteArray bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void Output::line(const QString& text) const
{
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void Output::error(const QString& text) const
{
    const QByteArray bytes = QByteArrayLiteral("switchboardctl: ") + text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace sb::ctl
