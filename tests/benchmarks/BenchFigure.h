#pragma once

// One line per measured figure, for scripts/bench.sh to gather into the table of issue 11.
// A benchmark still prints its own readable lines; it adds one figure() per goal:
//   BENCH {"bench":"members","figure":"search one hit (sqlite)","value":3.2,"unit":"ms",
//          "ratio":1.4,"target":"<= 20 ms and <= 5x floor","held":true}
// `ratio` is the value over the floor measured in the same run (negative when the figure has
// no floor); `held` says whether the goal in `target` was met.

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace sb::bench {

inline void figure(const QString& bench, const QString& name, double value, const QString& unit,
                   double ratio, const QString& target, bool held)
{
    QJsonObject o;
    o.insert(QStringLiteral("bench"), bench);
    o.insert(QStringLiteral("figure"), name);
    o.insert(QStringLiteral("value"), value);
    o.insert(QStringLiteral("unit"), unit);
    o.insert(QStringLiteral("ratio"), ratio);
    o.insert(QStringLiteral("target"), target);
    o.insert(QStringLiteral("held"), held);
    std::fputs("BENCH ", stdout);
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace sb::bench
