#pragma once

// Shared by the libFuzzer targets: a QCoreApplication (Qt's plugins and codecs want one),
// input as text, and an invariant check that stops the fuzzer with a message.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace sb::fuzz {

inline void startQt(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    // Qt's warnings (a bad CSV, an invalid date) are expected by the thousand: keep the
    // fuzzer's output readable.
    qputenv("QT_LOGGING_RULES", "*.debug=false;*.warning=false");
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& msg) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(msg));
            std::abort();
        }
    });
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

/// The input as UTF-8 text (invalid sequences become U+FFFD, as QString::fromUtf8 does).
inline QString text(const uint8_t* data, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

[[noreturn]] inline void broken(const char* invariant, const QString& detail)
{
    std::fprintf(stderr, "invariant broken: %s\n  %s\n", invariant, qPrintable(detail));
    std::abort();
}

} // namespace sb::fuzz

/// Aborts (a crash the fuzzer keeps as an input) when `cond` does not hold.
#define SB_FUZZ_CHECK(cond, detail)                                                                \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::sb::fuzz::broken(#cond, (detail));                                                   \
    } while (0)
