#include "core/calls/CdrReader.h"

#include "core/base/UserText.h"

#include <QIODevice>

#include <bit>
#include <cstring>
#include <limits>

namespace sb {

namespace {

// Large reads keep the device's virtual calls and locking out of the per-record cost.
constexpr qint64 chunkBytes = 256 * 1024;

// Bytes that end a run of plain field content, per parser state. Everything else is copied
// in one memcpy per run. (Only a buffer's last few bytes are looked up here: runs are found
// eight bytes at a time below, the parser's hottest loop.)
struct ByteClasses
{
    bool unquoted[256] = {};
    bool quoted[256] = {};
};
constexpr ByteClasses makeByteClasses()
{
    ByteClasses c;
    for (unsigned char b : {',', '\n', '\r', '"', '\0'})
        c.unquoted[b] = true;
    for (unsigned char b : {'"', '\n', '\0'})
        c.quoted[b] = true;
    return c;
}
constexpr ByteClasses byteClasses = makeByteClasses();

// Eight bytes at a time: the first byte of [p, e) that is one of the state's special bytes.
// (Classic SWAR: a zero byte in x sets its high bit in zeroBytes(x); bits can be wrongly set
// only above a true zero byte, so the lowest set bit is exact.)
constexpr quint64 ones = 0x0101010101010101ULL;
inline quint64 zeroBytes(quint64 x)
{
    return (x - ones) & ~x & (ones * 0x80);
}
template<bool Quoted> inline const char* findSpecial(const char* p, const char* e)
{
    // The lowest set bit is the first byte only in little-endian order.
    while (std::endian::native == std::endian::little && e - p >= 8) {
        quint64 v;
        std::memcpy(&v, p, 8);
        quint64 m = zeroBytes(v) | zeroBytes(v ^ (ones * '"')) | zeroBytes(v ^ (ones * '\n'));
        if constexpr (!Quoted)
            m |= zeroBytes(v ^ (ones * ',')) | zeroBytes(v ^ (ones * '\r'));
        if (m)
            return p + (std::countr_zero(m) >> 3);
        p += 8;
    }
    const bool* special = Quoted ? byteClasses.quoted : byteClasses.unquoted;
    while (p != e && !special[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int twoDigits(const char* p)
{
    return (p[0] - '0') * 10 + (p[1] - '0');
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil):
// exact and branch-light, so UTC times need no QDate/QTimeZone work at all.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct Stamp
{
    int year, month, day, hour, minute, second;
};

// Exactly "YYYY-MM-DD HH:MM:SS", as both PBXs write it (strftime "%Y-%m-%d %T").
bool parseStamp(QByteArrayView s, Stamp& t)
{
    if (s.size() != 19)
        return false;
    const char* p = s.data();
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        if (!isDigit(p[i]))
            return false;
    }
    if (p[4] != '-' || p[7] != '-' || p[10] != ' ' || p[13] != ':' || p[16] != ':')
        return false;
    t.year = twoDigits(p) * 100 + twoDigits(p + 2);
    t.month = twoDigits(p + 5);
    t.day = twoDigits(p + 8);
    t.hour = twoDigits(p + 11);
    t.minute = twoDigits(p + 14);
    t.second = twoDigits(p + 17);
    static constexpr int monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (t.year < 1970 || t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > monthDays[t.month - 1] || t.hour > 23 || t.minute > 59 || t.second > 59)
        return false;
    const bool leap = (t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0;
    return !(t.month == 2 && t.day == 29 && !leap);
}

// Whole non-negative seconds; more than nine digits (31 years) is no call.
enum class Seconds
{
    Ok,
    NotANumber,
    Negative,
};
Seconds parseSeconds(QByteArrayView s, qint64& out)
{
    if (s.size() > 1 && s.front() == '-') {
        qint64 ignored = 0;
        return parseSeconds(s.sliced(1), ignored) == Seconds::Ok ? Seconds::Negative
                                                                 : Seconds::NotANumber;
    }
    if (s.isEmpty() || s.size() > 9)
        return Seconds::NotANumber;
    qint64 v = 0;
    for (char c : s) {
        if (!isDigit(c))
            return Seconds::NotANumber;
        v = v * 10 + (c - '0');
    }
    out = v;
    return Seconds::Ok;
}

// What to show of a bad field in a message: enough to recognise it, never a whole record.
QString shown(QByteArrayView v)
{
    // At most four bytes a character: decoding more than that of a huge field is waste.
    constexpr qsizetype bytes = 4 * (UserText::QuotedMost + 1);
    return UserText::quoted(QString::fromUtf8(v.first(std::min(v.size(), bytes))));
}

// Free text as the PBX wrote it: UTF-8, or else Latin-1 (what older PBXs and phones use
// for names such as "Bjørn"), so a caller id in another encoding does not lose the call.
// Every byte sequence is Latin-1, so this never fails.
QString decoded(QByteArrayView v)
{
    return v.isValidUtf8() ? QString::fromUtf8(v) : QString::fromLatin1(v);
}

} // namespace

/// Where each kept field is in a format's stock column order.
struct CdrReader::Columns
{
    const char* tag; ///< part of the content hash, so equal fields of two formats differ
    int account, source, destination, start, answer, end, duration, billsec, disposition, id;
    const char *startName, *answerName, *endName;
};

namespace {
// Asterisk: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata,
// start, answer, end, duration, billsec, disposition, amaflags[, uniqueid[, userfield]].
constexpr int asteriskId = 16;
// FreeSWITCH "example": caller_id_name, caller_id_number, destination_number, context,
// start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, bleg_uuid,
// accountcode, read_codec, write_codec.
constexpr int freeSwitchColumns = 15;
} // namespace

CdrReader::CdrReader(QIODevice* device, Format format, QTimeZone zone)
    : m_device(device), m_format(format), m_zone(std::move(zone)), m_utc(!m_zone.isValid()),
      m_buf(std::make_unique<char[]>(chunkBytes)), m_rec(std::make_unique<char[]>(maxRecordBytes))
{
    m_pos = m_end = m_buf.get();
}

CdrReader::~CdrReader() = default;

std::optional<CdrReader::Format> CdrReader::formatFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("asterisk"))
        return Format::Asterisk;
    if (n == QLatin1String("freeswitch"))
        return Format::FreeSwitch;
    if (n == QLatin1String("auto") || n.isEmpty())
        return Format::Auto;
    return std::nullopt;
}

QString CdrReader::formatName(Format format)
{
    switch (format) {
    case Format::Asterisk:
        return QStringLiteral("asterisk");
    case Format::FreeSwitch:
        return QStringLiteral("freeswitch");
    case Format::Auto:
        break;
    }
    return QStringLiteral("auto");
}

void CdrReader::setProblemHandler(std::function<void(const Problem&)> handler)
{
    m_onProblem = std::move(handler);
}

bool CdrReader::refill()
{
    // Checked per chunk, not only per record, so an endless line can be cancelled too.
    if (m_eof || isCancelled())
        return false;
    // read() blocks until there is data or the end, as QFile does on pipes and stdin.
    qint64 n = m_device->read(m_buf.get(), chunkBytes);
    // A pipe may hand out the first bytes one or two at a time: read until the three a byte
    // order mark needs (or the end), or a split mark would become part of the first field.
    while (m_bytesRead == 0 && n > 0 && n < 3) {
        const qint64 more = m_device->read(m_buf.get() + n, chunkBytes - n);
        if (more <= 0)
            break;
        n += more;
    }
    if (n > 0) {
        m_pos = m_buf.get();
        m_end = m_pos + n;
        // A byte order mark, as Windows editors save UTF-8, is no part of the first field.
        const bool bom = m_bytesRead == 0 && n >= 3 && std::memcmp(m_pos, "\xEF\xBB\xBF", 3) == 0;
        if (bom)
            m_pos += 3;
        m_bytesRead += n;
        // A read of the mark alone leaves nothing to scan: callers expect a byte.
        if (m_pos == m_end)
            return refill();
        return true;
    }
    if (n < 0 && m_device->isOpen() && !m_device->atEnd())
        refuse(tr("The file could not be read: %1").arg(m_device->errorString()));
    m_eof = true;
    m_pos = m_end = m_buf.get();
    return false;
}

void CdrReader::skipRestOfLine()
{
    for (;;) {
        if (m_pos == m_end && !refill())
            return;
        const auto* nl = static_cast<const char*>(std::memchr(m_pos, '\n', m_end - m_pos));
        if (nl) {
            m_pos = nl + 1;
            ++m_line;
            return;
        }
        m_pos = m_end;
    }
}

// One record of RFC 4180 CSV into m_rec/m_fieldEnd. Runs of plain bytes are copied with one
// memcpy; the state machine only looks at the bytes that matter (, " CR LF NUL).
CdrReader::Scan CdrReader::scanRecord()
{
    enum
    {
        FieldStart,
        Unquoted,
        Quoted,
        AfterQuote
    } state = FieldStart;
    m_recSize = 0;
    m_columns = 0;
    m_flags = 0;
    m_badQuoteColumn = 0;
    m_recLine = m_line;
    qint64 startOffset = bytesRead();
    bool started = false;
    char* const rec = m_rec.get();
    const char* p = m_pos;
    const char* e = m_end;

    auto endField = [&] {
        if (m_columns < maxColumns)
            m_fieldEnd[m_columns] = m_recSize;
        ++m_columns;
    };
    auto store = [&](const char* from, qsizetype n) {
        if (m_recSize + n > maxRecordBytes) {
            m_flags |= TooLong;
            return false;
        }
        std::memcpy(rec + m_recSize, from, n);
        m_recSize += n;
        return true;
    };
    auto badQuote = [&] {
        if (!(m_flags & BadQuote))
            m_badQuoteColumn = m_columns + 1;
        m_flags |= BadQuote;
    };
    // The raw record, quotes and empty fields included, is bounded too: a line of
    // endless commas stores nothing but must still end.
    auto rawTooLong = [&] { return m_bytesRead - (e - p) - startOffset > maxRecordBytes; };
    auto giveUp = [&] {
        // Resynchronise on the next physical line: quoting cannot be trusted any more.
        m_flags |= TooLong;
        m_pos = p;
        m_end = e;
        skipRestOfLine();
        return Scan::Record;
    };

    for (;;) {
        if (p == e) {
            m_pos = p;
            if (!refill()) {
                p = e = m_pos;
                break;
            }
            p = m_pos;
            e = m_end;
            if (started && m_bytesRead - (e - p) - startOffset > maxRecordBytes)
                return giveUp();
        }
        switch (state) {
        case FieldStart:
            if (*p == '"') {
                ++p;
                state = Quoted;
                started = true;
                continue;
            }
            state = Unquoted;
            [[fallthrough]];
        case Unquoted: {
            const char* q = findSpecial<false>(p, e);
            if (q != p) {
                started = true;
                if (!store(p, q - p)) {
                    p = q;
                    return giveUp();
                }
                p = q;
                if (p == e)
                    continue;
            }
            switch (*p++) {
            case ',':
                started = true;
                endField();
                state = FieldStart;
                if (rawTooLong())
                    return giveUp();
                break;
            case '\n':
                ++m_line;
                if (!started) {
                    // A blank line is no record.
                    m_recLine = m_line;
                    startOffset = m_bytesRead - (e - p);
                    state = FieldStart;
                    break;
                }
                endField();
                m_pos = p;
                m_end = e;
                return Scan::Record;
            case '\r':
                break; // part of CRLF; a lone CR is dropped too
            case '"':
                // RFC 4180 allows a quote only around a whole field.
                started = true;
                badQuote();
                break;
            default: // NUL
                started = true;
                m_flags |= HasNul;
                break;
            }
            break;
        }
        case Quoted: {
            const char* q = findSpecial<true>(p, e);
            if (q != p) {
                if (!store(p, q - p)) {
                    p = q;
                    return giveUp();
                }
                p = q;
                if (p == e)
                    continue;
            }
            const char c = *p++;
            if (c == '"') {
                state = AfterQuote;
            } else if (c == '\n') {
                ++m_line;
                if (!store(&c, 1))
                    return giveUp();
            } else {
                m_flags |= HasNul;
            }
            break;
        }
        case AfterQuote: {
            const char c = *p++;
            if (c == '"') {
                if (!store(&c, 1))
                    return giveUp();
                state = Quoted;
            } else if (c == ',') {
                endField();
                state = FieldStart;
            } else if (c == '\n') {
                ++m_line;
                endField();
                m_pos = p;
                m_end = e;
                return Scan::Record;
            } else if (c != '\r') {
                // Text after a closing quote: a stray or unescaped quote. Where the record
                // really ends is unknown, so skip to the end of this physical line.
                badQuote();
                m_pos = p;
                m_end = e;
                skipRestOfLine();
                return Scan::Record;
            }
            break;
        }
        }
    }
    // End of input.
    if (state == Quoted) {
        m_flags |= Unterminated;
        return Scan::Record;
    }
    if (!started)
        return Scan::End;
    endField();
    return Scan::Record;
}

QByteArrayView CdrReader::field(int i) const
{
    const qsizetype from = i == 0 ? 0 : m_fieldEnd[i - 1];
    return QByteArrayView(m_rec.get() + from, m_fieldEnd[i] - from);
}

QString CdrReader::text(int i, QString& cache, QByteArray& cacheKey) const
{
    const QByteArrayView v = field(i);
    if (v == QByteArrayView(cacheKey))
        return cache;
    // resize() keeps the capacity, so a changing key does not allocate every time.
    cacheKey.resize(v.size());
    std::memcpy(cacheKey.data(), v.data(), v.size());
    cache = decoded(v);
    return cache;
}

bool CdrReader::toUtc(QByteArrayView text, QDateTime& out)
{
    Stamp t;
    if (!parseStamp(text, t))
        return false;
    const qint64 local =
        daysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
    if (m_utc) {
        out = QDateTime::fromSecsSinceEpoch(local, Qt::UTC);
        return true;
    }
    const qint64 guess = local - m_spanOffset;
    if (guess >= m_spanFrom && guess < m_spanTo) {
        out = QDateTime::fromSecsSinceEpoch(guess, Qt::UTC);
        return true;
    }
    // The instant whose wall-clock time in the zone is the one written. The zone's offset
    // a day either side gives the only candidates; in the hour repeated in autumn both fit
    // and the first is taken, in the hour skipped in spring neither does and the time is
    // refused rather than guessed. (Done here, not by QDateTime(date, time, zone), whose
    // choice in both cases differs between Qt versions.)
    auto offsetAt = [this](qint64 utc) {
        return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, Qt::UTC));
    };
    std::optional<qint64> found;
    int offset = 0;
    for (const int candidate : {offsetAt(local - 86400), offsetAt(local + 86400)}) {
        const qint64 utc = local - candidate;
        if (offsetAt(utc) == candidate && (!found || utc < *found)) {
            found = utc;
            offset = candidate;
        }
    }
    if (!found)
        return false;
    out = QDateTime::fromSecsSinceEpoch(*found, Qt::UTC);
    // Remember the offset over the span between the zone's transitions around this time,
    // kept two days clear of each: no local time that maps into the span can then also be
    // read with another offset, so the cached offset gives exactly the answer above.
    m_spanFrom = m_spanTo = 0;
    if (m_zone.hasTransitions()) {
        constexpr qint64 margin = 2 * 86400;
        constexpr qint64 far = std::numeric_limits<qint64>::max() / 4;
        const auto before = m_zone.previousTransition(out.addSecs(1));
        const auto after = m_zone.nextTransition(out);
        if (before.atUtc.isValid() && before.offsetFromUtc != offset)
            return true;
        const qint64 from =
            before.atUtc.isValid() ? before.atUtc.toSecsSinceEpoch() + margin : -far;
        const qint64 to = after.atUtc.isValid() ? after.atUtc.toSecsSinceEpoch() - margin : far;
        if (from < to) {
            m_spanFrom = from;
            m_spanTo = to;
            m_spanOffset = offset;
        }
    }
    return true;
}

QString CdrReader::contentHash()
{
    // The unquoted fields, each ended by a NUL (which no accepted field holds), so
    // re-quoting or CRLF/LF differences do not change the id but any field's content does.
    m_hash.reset();
    m_hash.addData(QByteArrayView(m_format == Format::FreeSwitch ? "freeswitch" : "asterisk"));
    const char nul = '\0';
    for (int i = 0; i < std::min(m_columns, maxColumns); ++i) {
        m_hash.addData(QByteArrayView(&nul, 1));
        m_hash.addData(field(i));
    }
    // 128 bits are plenty against accidental collisions and keep the stored key short.
    return QStringLiteral("sha256-") +
           QString::fromLatin1(m_hash.resultView().first(16).toByteArray().toHex());
}

std::optional<QString> CdrReader::check(CallRecord& record)
{
    if (m_flags & TooLong)
        return tr("The record is longer than %1 bytes; perhaps a quote is not closed.")
            .arg(maxRecordBytes);
    if (m_flags & HasNul)
        return tr("The record holds NUL bytes: binary data, not text.");
    if (m_flags & Unterminated)
        return tr("A quoted field is not closed before the end of the file.");
    if (m_flags & BadQuote)
        return tr("Column %1 has a quote out of place: a quote must enclose the whole field "
                  "and be doubled inside it.")
            .arg(m_badQuoteColumn);

    static constexpr Columns asterisk{"asterisk", 0,  1,  2,          9,       10,       11,
                                      12,         13, 14, asteriskId, "start", "answer", "end"};
    static constexpr Columns freeSwitch{
        "freeswitch", 12, 1, 2, 4, 5, 6, 7, 8, 9, 10, "start_stamp", "answer_stamp", "end_stamp"};
    const bool asteriskCount = m_columns >= 16 && m_columns <= 18;
    const bool freeSwitchCount = m_columns == freeSwitchColumns;
    switch (m_format) {
    case Format::Auto:
        if (asteriskCount)
            return convert(asterisk, record);
        if (freeSwitchCount)
            return convert(freeSwitch, record);
        return tr("The record has %1 columns: Asterisk writes 16 to 18, FreeSWITCH 15.")
            .arg(m_columns);
    case Format::Asterisk:
        if (asteriskCount)
            return convert(asterisk, record);
        return tr("The record has %1 columns: Asterisk writes 16 to 18.").arg(m_columns);
    case Format::FreeSwitch:
        if (freeSwitchCount)
            return convert(freeSwitch, record);
        return tr("The record has %1 columns: FreeSWITCH writes 15.").arg(m_columns);
    }
    return std::nullopt;
}

std::optional<QString> CdrReader::convert(const Columns& c, CallRecord& r)
{
    auto badTime = [&](int column, const char* name) {
        Stamp ignored;
        if (parseStamp(field(column), ignored)) {
            // Well formed, so the zone refused it: a local time the clocks skipped, which a
            // PBX running in that zone never writes.
            return tr("Column %1 (%2): %3 does not exist in the time zone %4, whose clocks "
                      "were put forward then; are the records really in that zone?")
                .arg(column + 1)
                .arg(QLatin1String(name), shown(field(column)), QString::fromUtf8(m_zone.id()));
        }
        return tr("Column %1 (%2) is not a time of the form YYYY-MM-DD HH:MM:SS: “%3”.")
            .arg(column + 1)
            .arg(QLatin1String(name), shown(field(column)));
    };
    auto badSeconds = [&](int column, const char* name, Seconds s) {
        if (s == Seconds::Negative)
            return tr("Column %1 (%2) is negative: %3.")
                .arg(column + 1)
                .arg(QLatin1String(name), shown(field(column)));
        return tr("Column %1 (%2) is not a whole number of seconds: “%3”.")
            .arg(column + 1)
            .arg(QLatin1String(name), shown(field(column)));
    };

    Seconds s = parseSeconds(field(c.duration), r.duration);
    if (s != Seconds::Ok)
        return badSeconds(c.duration, "duration", s);
    s = parseSeconds(field(c.billsec), r.billsec);
    if (s != Seconds::Ok)
        return badSeconds(c.billsec, "billsec", s);
    if (r.billsec > r.duration)
        return tr("The billed seconds (%1) are more than the call's duration (%2).")
            .arg(r.billsec)
            .arg(r.duration);
    if (!toUtc(field(c.start), r.start))
        return badTime(c.start, c.startName);
    if (field(c.answer).isEmpty())
        r.answer = QDateTime(); // not answered
    else if (!toUtc(field(c.answer), r.answer))
        return badTime(c.answer, c.answerName);
    if (!toUtc(field(c.end), r.end))
        return badTime(c.end, c.endName);

    // The fields that decide who pays and what (the times and seconds above are ASCII by
    // their form) must be exactly what the PBX wrote: a mis-decoded account code or number
    // would bill the wrong payer or rate. Free text (caller id, lastdata, userfield, …) only
    // needs to be shown, so it may be Latin-1 (see text()).
    const std::pair<int, const char*> exact[] = {
        {c.account, "accountcode"},
        {c.destination, c.account == 0 ? "dst" : "destination_number"},
        {c.id, c.account == 0 ? "uniqueid" : "uuid"}};
    for (const auto& [column, name] : exact) {
        if (column < m_columns && !field(column).isValidUtf8())
            return tr("Column %1 (%2) is not valid UTF-8 text: “%3”.")
                .arg(column + 1)
                .arg(QLatin1String(name), shown(field(column)));
    }

    // Good: decide the format of the whole file on its first good record.
    if (m_format == Format::Auto)
        m_format = c.account == 0 ? Format::Asterisk : Format::FreeSwitch;
    r.accountCode = text(c.account, m_accountCache, m_accountKey);
    r.source = text(c.source, m_sourceCache, m_sourceKey);
    r.destination = QString::fromUtf8(field(c.destination));
    r.disposition = text(c.disposition, m_dispositionCache, m_dispositionKey);
    const bool hasId = c.id < m_columns && !field(c.id).isEmpty();
    r.uniqueIdIsHash = !hasId;
    r.uniqueId = hasId ? QString::fromUtf8(field(c.id)) : contentHash();
    r.line = m_recLine;
    return std::nullopt;
}

void CdrReader::report(qint64 line, const QString& reason)
{
    ++m_problemCount;
    const Problem problem{line, reason};
    if (m_problems.size() < maxProblemsKept)
        m_problems.append(problem);
    if (m_onProblem)
        m_onProblem(problem);
}

void CdrReader::refuse(const QString& why)
{
    if (!m_fatal)
        m_fatal = Error::invalid(why);
}

bool CdrReader::next(CallRecord& record)
{
    while (!m_fatal && !isCancelled()) {
        if (scanRecord() == Scan::End) {
            if (!m_fatal && !isCancelled() && m_recordCount == 0 && m_problemCount > 0)
                refuse(tr("The file holds no call detail records that Switchboard can read "
                          "(Asterisk or FreeSWITCH cdr_csv): %n bad record(s) and no good one.",
                          nullptr,
                          int(std::min<qint64>(m_scanned, std::numeric_limits<int>::max()))));
            return false;
        }
        // A record cut short by cancel() is neither good nor a problem.
        if (isCancelled())
            return false;
        ++m_scanned;
        if (auto reason = check(record)) {
            report(m_recLine, *reason);
            if (m_recordCount == 0 && (m_flags & (HasNul | TooLong)))
                refuse(tr("The file is not a text file of call detail records: line %1 holds "
                          "binary data.")
                           .arg(m_recLine));
            else if (m_recordCount == 0 && m_scanned >= recordsBeforeRefusal)
                refuse(tr("The file holds no call detail records that Switchboard can read "
                          "(Asterisk or FreeSWITCH cdr_csv): its first %n record(s) are all "
                          "bad.",
                          nullptr, int(m_scanned)));
            continue;
        }
        ++m_recordCount;
        return true;
    }
    return false;
}

std::optional<CallRecord> CdrReader::next()
{
    CallRecord record;
    if (next(record))
        return record;
    return std::nullopt;
}

} // namespace sb
