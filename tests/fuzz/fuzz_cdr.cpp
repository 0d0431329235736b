// The CDR parsers (core/calls/CdrReader): Asterisk Master.csv and FreeSWITCH mod_cdr_csv,
// in any format choice and time zone. Invariants: every record kept is well formed
// (billsec within duration, seconds not negative, times valid, a unique id, lines in order),
// problems are bounded, and the same bytes read through a device that hands out a few bytes
// at a time give exactly the same records and problems (the reader's buffer refills must
// never change what it reads).

#include "core/calls/CdrReader.h"
#include "tests/fuzz/FuzzSupport.h"

#include <QBuffer>
#include <QTimeZone>

namespace {
// A pipe-like device: sequential, and at most `step` bytes per read.
class Trickle : public QIODevice
{
public:
    Trickle(const QByteArray& bytes, qint64 step) : m_bytes(bytes), m_step(step)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_bytes.size() - m_pos + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 max) override
    {
        const qint64 n = std::min({max, m_step, qint64(m_bytes.size()) - m_pos});
        if (n <= 0)
            return -1; // the end
        std::memcpy(data, m_bytes.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_pos = 0;
    qint64 m_step;
};

struct Outcome
{
    QList<sb::CallRecord> records;
    QList<sb::CdrReader::Problem> problems;
    qint64 problemCount = 0;
    QString fatal;
};

Outcome readAll(QIODevice* device, sb::CdrReader::Format format, const QTimeZone& zone, qint64 size)
{
    sb::CdrReader reader(device, format, zone);
    Outcome out;
    qint64 handled = 0;
    reader.setProblemHandler([&](const sb::CdrReader::Problem&) { ++handled; });
    sb::CallRecord r;
    qint64 lastLine = 0;
    while (reader.next(r)) {
        const QString at = QStringLiteral("record at line %1").arg(r.line);
        SB_FUZZ_CHECK(r.line >= 1 && r.line > lastLine, at);
        lastLine = r.line;
        SB_FUZZ_CHECK(r.duration >= 0 && r.billsec >= 0 && r.billsec <= r.duration, at);
        SB_FUZZ_CHECK(r.start.isValid() && r.end.isValid(), at);
        SB_FUZZ_CHECK(r.start.timeSpec() == Qt::UTC && r.end.timeSpec() == Qt::UTC, at);
        SB_FUZZ_CHECK(!r.answer.isValid() || r.answer.timeSpec() == Qt::UTC, at);
        SB_FUZZ_CHECK(!r.uniqueId.isEmpty(), at);
        SB_FUZZ_CHECK(!r.accountCode.contains(QChar(0)) && !r.destination.contains(QChar(0)), at);
        SB_FUZZ_CHECK(reader.format() != sb::CdrReader::Format::Auto, at);
        SB_FUZZ_CHECK(reader.bytesRead() <= size, at);
        out.records.append(r);
    }
    SB_FUZZ_CHECK(reader.problems().size() <= sb::CdrReader::maxProblemsKept, QString());
    SB_FUZZ_CHECK(reader.problemCount() >= reader.problems().size(), QString());
    SB_FUZZ_CHECK(handled == reader.problemCount(), QString());
    SB_FUZZ_CHECK(!reader.fatalError() || !reader.fatalError()->message.isEmpty(), QString());
    for (const auto& p : reader.problems())
        SB_FUZZ_CHECK(p.line >= 1 && !p.reason.isEmpty(), p.reason);
    out.problems = reader.problems();
    out.problemCount = reader.problemCount();
    if (reader.fatalError())
        out.fatal = reader.fatalError()->message;
    return out;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    sb::fuzz::startQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // The first byte chooses the format, the time zone and the trickle's step.
    if (size < 1)
        return 0;
    static const sb::CdrReader::Format formats[] = {sb::CdrReader::Format::Auto,
                                                    sb::CdrReader::Format::Asterisk,
                                                    sb::CdrReader::Format::FreeSwitch};
    static const QTimeZone zones[] = {QTimeZone(), QTimeZone("Europe/Oslo"),
                                      QTimeZone("America/New_York"),
                                      QTimeZone("Australia/Lord_Howe")};
    const auto format = formats[data[0] % 3];
    const QTimeZone& zone = zones[(data[0] >> 2) % 4];
    const qint64 step = 1 + (data[0] >> 4);
    const QByteArray bytes = sb::fuzz::bytes(data + 1, size - 1);

    QBuffer whole;
    whole.setData(bytes);
    whole.open(QIODevice::ReadOnly);
    const Outcome a = readAll(&whole, format, zone, bytes.size());
    Trickle trickle(bytes, step);
    const Outcome b = readAll(&trickle, format, zone, bytes.size());
    SB_FUZZ_CHECK(a.records == b.records, QStringLiteral("%1 records at once, %2 in steps of %3")
                                              .arg(a.records.size())
                                              .arg(b.records.size())
                                              .arg(step));
    SB_FUZZ_CHECK(a.problemCount == b.problemCount && a.fatal == b.fatal,
                  QStringLiteral("%1/%2 problems, \"%3\"/\"%4\"")
                      .arg(a.problemCount)
                      .arg(b.problemCount)
                      .arg(a.fatal, b.fatal));
    for (qsizetype i = 0; i < a.problems.size(); ++i)
        SB_FUZZ_CHECK(a.problems[i].line == b.problems[i].line &&
                          a.problems[i].reason == b.problems[i].reason,
                      a.problems[i].reason + QStringLiteral(" / ") + b.problems[i].reason);
    return 0;
}
