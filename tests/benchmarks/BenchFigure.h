#pragma once

// One line per measured figure, for scripts/bench.sh to gather into the table of issue 11.
// A benchmark still prints its own readable lines; it adds one figure() per goal:
//   BENCH {"bench":"members","figure":"search one hit (sqlite)","value":3.2,"unit":"ms",
//          "ratio":1.4,"target":"<= 20 ms and <= 5x floor","held":true}
// `ratio` is the value over the floor measured in the same run (negative when the figure has
// no floor); `held` says whether the goal in `target` was met.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <sys/resource.h>

#include <cstdio>

namespace sb::bench {

/// One readable line on standard output, flushed (a benchmark's progress shows as it goes).
inline void say(const QString& line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// This process's peak resident memory (VmHWM) in KiB, or -1.
inline qint64 peakKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QString status = QString::fromLatin1(f.readAll());
    const auto m = QRegularExpression(QStringLiteral("VmHWM:\\s*(\\d+)\\s*kB")).match(status);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

/// CPU time of this process (user + system) in nanoseconds: steadier than wall time on a
/// machine busy with other work.
inline qint64 cpuNs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000 + u.ru_utime.tv_usec +
            u.ru_stime.tv_usec) *
           1000;
}

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
