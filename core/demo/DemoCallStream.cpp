#include "core/demo/DemoCallStream.h"

#include "core/base/UtcFields.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace sb {

namespace {

// "YYYY-MM-DD HH:MM:SS" of a UTC instant (Howard Hinnant's civil_from_days): a million
// calls need three each, and QDateTime formatting would be most of the work.
void appendStamp(QByteArray& out, qint64 secs)
{
    char text[19];
    UtcFields::fromSecsSinceEpoch(secs).write(text, ' ');
    out.append(text, 19);
}

void appendDigits(QByteArray& out, QRandomGenerator& rng, int count)
{
    for (int i = 0; i < count; ++i)
        out.append(char('0' + rng.bounded(10)));
}

// Real NANP area codes, the busiest first.
const char* const kAreaCodes[] = {"212", "646", "718", "917", "213", "310", "323", "415", "312",
                                  "773", "617", "305", "404", "512", "214", "713", "206", "303",
                                  "702", "602", "615", "503", "619", "201", "416", "604"};

// International destinations of the price list: country code and leading digits, and how
// many digits follow.
struct Foreign
{
    const char* lead;
    int digits;
};
const Foreign kForeign[] = {
    {"44207", 7}, {"447700", 6}, {"4930", 8}, {"49151", 8}, {"49170", 7}, {"331", 8},
    {"336", 8},   {"3120", 7},   {"316", 8},  {"4722", 6},  {"474", 7},   {"4822", 7},
    {"48501", 6}, {"44161", 7},  {"4989", 7}, {"334", 8},   {"4721", 6},  {"4812", 7},
};

const char* const kFeatureCodes[] = {"*97", "s", "voicemail", "*43"};

} // namespace

DemoCallStream::DemoCallStream(QStringList memberCodes, QStringList profileCodes, qint64 calls,
                               qint64 fromSecs, qint64 toSecs, quint32 seed, qint64 firstIndex,
                               QObject* parent)
    : QIODevice(parent), m_calls(calls), m_from(fromSecs),
      m_span(std::max<qint64>(1, toSecs - fromSecs)), m_seed(seed), m_firstIndex(firstIndex),
      m_rng((seed ^ 0x5eedca11u) + quint32(firstIndex))
{
    for (const QString& c : std::as_const(memberCodes))
        m_memberCodes.append(c.toUtf8().replace('"', "\"\""));
    for (const QString& c : std::as_const(profileCodes))
        m_profileCodes.append(c.toUtf8().replace('"', "\"\""));
    if (m_memberCodes.isEmpty() && m_profileCodes.isEmpty())
        m_calls = 0;
    m_buffer.reserve(64 * 1024);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 DemoCallStream::bytesAvailable() const
{
    return (m_buffer.size() - m_pos) + (m_next < m_calls ? 1 : 0) + QIODevice::bytesAvailable();
}

bool DemoCallStream::atEnd() const
{
    return m_pos >= m_buffer.size() && m_next >= m_calls;
}

qint64 DemoCallStream::writeData(const char*, qint64)
{
    return -1;
}

qint64 DemoCallStream::readData(char* data, qint64 maxSize)
{
    if (m_pos >= m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
        while (m_next < m_calls && m_buffer.size() < 48 * 1024)
            appendRecord();
    }
    const qint64 n = std::min<qint64>(maxSize, m_buffer.size() - m_pos);
    std::memcpy(data, m_buffer.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

void DemoCallStream::appendDestination(QByteArray& dst)
{
    const quint32 kind = m_rng.bounded(100);
    if (kind < 72) {
        // NANP: area code, an exchange 200–999 (not N11 nor 555), four digits.
        const quint32 form = m_rng.bounded(10);
        if (form < 6)
            dst.append('1');
        else if (form == 9)
            dst.append("+1");
        dst.append(kAreaCodes[m_rng.bounded(int(std::size(kAreaCodes)))]);
        int exchange = 0;
        do
            exchange = int(m_rng.bounded(200, 1000));
        while (exchange % 100 == 11 || exchange == 555);
        dst.append(QByteArray::number(exchange));
        appendDigits(dst, m_rng, 4);
    } else if (kind < 84) {
        const Foreign& f = kForeign[m_rng.bounded(int(std::size(kForeign)))];
        dst.append("011");
        dst.append(f.lead);
        appendDigits(dst, m_rng, f.digits);
    } else if (kind < 98) {
        dst.append(QByteArray::number(m_rng.bounded(1000, 10000))); // an extension
    } else {
        dst.append(kFeatureCodes[m_rng.bounded(int(std::size(kFeatureCodes)))]);
    }
}

void DemoCallStream::appendRecord()
{
    const qint64 i = m_next++;
    // Evenly spread and in order, with a little jitter, as a PBX logs them.
    const qint64 step = std::clamp<qint64>(m_span / std::max<qint64>(1, m_calls), 1, 60);
    const qint64 start =
        m_from + (m_span * i) / std::max<qint64>(1, m_calls) + qint64(m_rng.bounded(quint32(step)));
    const bool byProfile =
        !m_profileCodes.isEmpty() && (m_memberCodes.isEmpty() || m_rng.bounded(100) < 40);
    const QByteArray& code = byProfile ? m_profileCodes[m_rng.bounded(int(m_profileCodes.size()))]
                                       : m_memberCodes[m_rng.bounded(int(m_memberCodes.size()))];
    QByteArray dst;
    appendDestination(dst);
    const QByteArray ext = QByteArray::number(m_rng.bounded(2000, 3000));

    // One call in six is not answered; answered calls: mostly minutes, some long.
    const quint32 outcome = m_rng.bounded(100);
    const char* disposition = "ANSWERED";
    qint64 ring = m_rng.bounded(2, 20);
    qint64 billsec = 0;
    if (outcome < 10)
        disposition = "NO ANSWER";
    else if (outcome < 15)
        disposition = "BUSY";
    else if (outcome < 17)
        disposition = "FAILED";
    else {
        const quint32 length = m_rng.bounded(100);
        billsec = length < 70   ? m_rng.bounded(5, 180)
                  : length < 95 ? m_rng.bounded(180, 900)
                                : m_rng.bounded(900, 3600);
    }
    if (billsec == 0)
        ring += m_rng.bounded(0, 30);
    const bool answered = billsec > 0;

    QByteArray& b = m_buffer;
    b.append('"').append(code).append("\",\"").append(ext).append("\",\"").append(dst);
    b.append("\",\"from-internal\",\"\"\"").append(code).append("\"\" <").append(ext);
    b.append(">\",\"PJSIP/").append(ext).append("-0000").append(QByteArray::number(i % 10000));
    b.append("\",\"PJSIP/trunk-0000").append(QByteArray::number(i % 9000));
    b.append("\",\"Dial\",\"PJSIP/").append(dst).append("@trunk,60\",\"");
    appendStamp(b, start);
    b.append("\",\"");
    if (answered)
        appendStamp(b, start + ring);
    b.append("\",\"");
    appendStamp(b, start + ring + billsec);
    b.append("\",").append(QByteArray::number(ring + billsec)).append(',');
    b.append(QByteArray::number(billsec)).append(",\"").append(disposition);
    b.append("\",\"DOCUMENTATION\",\"demo-").append(QByteArray::number(m_seed)).append('-');
    b.append(QByteArray::number(m_firstIndex + i)).append("\",\"\"\n");
}

} // namespace sb
