#pragma once

#include "core/base/Error.h"
#include "core/calls/CallRecord.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace sb {

/// Streams a PBX's call detail records (CDR) from a device, one record at a time, in one
/// pass and in memory that does not grow with the file: the CSV is parsed from a fixed
/// read buffer into a fixed record buffer, and only the kept fields become QStrings.
///
/// Formats (the stock column orders, no header line):
/// - Asterisk `cdr_csv` (Master.csv): accountcode, src, dst, dcontext, clid, channel,
///   dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition,
///   amaflags, then uniqueid (loguniqueid=yes) and userfield (loguserfield=yes): 16, 17 or
///   18 columns. A 17th column is read as the uniqueid.
/// - FreeSWITCH `mod_cdr_csv`, template "example" (its default): caller_id_name,
///   caller_id_number, destination_number, context, start_stamp, answer_stamp, end_stamp,
///   duration, billsec, hangup_cause, uuid, bleg_uuid, accountcode, read_codec,
///   write_codec: 15 columns.
/// With Format::Auto the first well-formed record decides, and the whole file is then read
/// as that format.
///
/// CSV is RFC 4180: quoted fields may hold commas, doubled quotes and line breaks, so a
/// record may span lines; a record's line is the one where it starts. Times are
/// "YYYY-MM-DD HH:MM:SS" in the given time zone (UTC when none is given, as with Asterisk's
/// usegmtime=yes) and come out in UTC. In a zone's repeated autumn hour the first of the two
/// instants is taken; a time its clocks skipped is a problem (the zone is likely wrong).
///
/// Text is UTF-8. Free-text fields that are not (a caller id "Bjørn" written in Latin-1,
/// lastdata, userfield) are read as Latin-1 and the call is kept; the fields that decide
/// money (account code, destination, unique id; times and seconds are ASCII by their form)
/// must be valid UTF-8, else the record is malformed.
///
/// A malformed record is a Problem {line, translated reason} and is skipped; reading goes
/// on with the next one. Malformed means: a column count no format has, a bad time or
/// number of seconds, billsec over duration, NUL bytes anywhere in the record, an account
/// code, destination or unique id that is not valid UTF-8, a record over maxRecordBytes, a quote
/// out of place, or a quote still open at the end. After an over-long record or text after a
/// closing quote, where that record ends is unknown, so reading picks up again at the next physical
/// line. Only the first maxProblemsKept problems are kept (problemCount() counts them all), so a
/// file of garbage cannot fill memory either. When the input is not call records at all (binary
/// data, or no good record among the first records) next() stops and fatalError() says so in one
/// message the importer can show.
///
/// Reading is cancellable between records: cancel() may be called from another thread or
/// from the problem handler.
class CdrReader
{
    Q_DECLARE_TR_FUNCTIONS(sb::CdrReader)

public:
    enum class Format
    {
        Auto,
        Asterisk,
        FreeSwitch,
    };

    struct Problem
    {
        qint64 line = 0;
        QString reason;
    };

    /// The longest record accepted, quotes and line breaks included: a sane CDR line is a
    /// few hundred bytes, so anything longer is garbage and must not be buffered.
    static constexpr qsizetype maxRecordBytes = 64 * 1024;
    /// More columns than any known format has; further ones are counted but not stored.
    static constexpr int maxColumns = 32;
    static constexpr int maxProblemsKept = 1000;
    /// When this many records have been read and none was good, the file is refused.
    static constexpr int recordsBeforeRefusal = 100;

    /// `device` must be open for reading and outlive the reader; it is read sequentially
    /// (pipes and sockets work). An invalid `zone` means UTC.
    explicit CdrReader(QIODevice* device, Format format = Format::Auto, QTimeZone zone = {});
    ~CdrReader();
    CdrReader(const CdrReader&) = delete;
    CdrReader& operator=(const CdrReader&) = delete;

    /// "asterisk", "freeswitch" (the CLI's --format) or "auto".
    static std::optional<Format> formatFromName(const QString& name);
    static QString formatName(Format format);

    /// The next good record; false at the end of the input, on a fatal error or when
    /// cancelled. Malformed records on the way are reported and skipped.
    bool next(CallRecord& record);
    std::optional<CallRecord> next();

    /// Called for every problem as it is found (also for those beyond maxProblemsKept).
    void setProblemHandler(std::function<void(const Problem&)> handler);
    const QList<Problem>& problems() const { return m_problems; }
    qint64 problemCount() const { return m_problemCount; }
    qint64 recordCount() const { return m_recordCount; }
    /// Bytes consumed from the device so far, for a progress bar.
    qint64 bytesRead() const { return m_bytesRead - (m_end - m_pos); }
    /// The format being read: Auto until the first good record decided it.
    Format format() const { return m_format; }

    /// Set when the input is refused as a whole (binary, or not call detail records); next()
    /// then returns false. At the end of an input that had problems and no good record, it
    /// is set too, so the caller needs to check only this.
    const std::optional<Error>& fatalError() const { return m_fatal; }

    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    enum class Scan
    {
        Record,
        End,
    };
    struct Columns;

    Scan scanRecord();
    bool refill();
    void skipRestOfLine();
    std::optional<QString> check(CallRecord& record);
    std::optional<QString> convert(const Columns& columns, CallRecord& record);
    void report(qint64 line, const QString& reason);
    void refuse(const QString& why);
    QByteArrayView field(int i) const;
    QString text(int i, QString& cache, QByteArray& cacheKey) const;
    bool toUtc(QByteArrayView text, QDateTime& out);
    QString contentHash();

    QIODevice* m_device;
    Format m_format;
    QTimeZone m_zone;
    bool m_utc;

    // Read buffer: the device is read in large chunks (few virtual calls).
    std::unique_ptr<char[]> m_buf;
    const char* m_pos = nullptr;
    const char* m_end = nullptr;
    bool m_eof = false;

    // The record being parsed: its unquoted field bytes back to back, and where each ends.
    std::unique_ptr<char[]> m_rec;
    qsizetype m_recSize = 0;
    std::array<qsizetype, maxColumns> m_fieldEnd{};
    int m_columns = 0;
    qint64 m_recLine = 0;
    qint64 m_line = 1;
    enum : unsigned
    {
        TooLong = 1,
        HasNul = 2,
        BadQuote = 4,
        Unterminated = 8,
    };
    unsigned m_flags = 0;
    int m_badQuoteColumn = 0;

    // Repeated values (account codes, dispositions, sources) share one QString.
    mutable QString m_accountCache, m_dispositionCache, m_sourceCache;
    mutable QByteArray m_accountKey, m_dispositionKey, m_sourceKey;

    // Local time → UTC: the zone's offset over a span with no transition near it, so most
    // records need no time zone lookup.
    qint64 m_spanFrom = 0, m_spanTo = 0;
    int m_spanOffset = 0;

    QCryptographicHash m_hash{QCryptographicHash::Sha256};

    QList<Problem> m_problems;
    qint64 m_problemCount = 0;
    qint64 m_recordCount = 0;
    qint64 m_scanned = 0;
    qint64 m_bytesRead = 0;
    std::function<void(const Problem&)> m_onProblem;
    std::optional<Error> m_fatal;
    std::atomic<bool> m_cancelled{false};
};

} // namespace sb
