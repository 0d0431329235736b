#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QRandomGenerator>
#include <QStringList>

namespace sb {

/// A PBX's call records made up on demand: Asterisk cdr_csv lines (Master.csv, 18 columns,
/// uniqueid and userfield logged) produced as they are read, so a million calls never sit in
/// memory; CallImporter reads it like the file. Sequential and read-only.
///
/// The calls are spread evenly, in time order, over [from, to), paid by the given account
/// codes (members' accounts and SIP profiles' names, the profiles making 40 % of the calls
/// when there are both) and realistic: about 72 % to US/NANP numbers in their national,
/// 1 + 10-digit and +1 forms, 12 % international through 011 to the price list's countries
/// (landlines and mobiles), 16 % internal extensions and feature codes; about one call in six
/// is not answered (NO ANSWER, BUSY, FAILED), and answered ones last from seconds to an hour.
/// The same seed gives the same bytes; unique ids are "demo-SEED-N", N counting from
/// `firstIndex` (streams of one demo, one per month, share a seed).
class DemoCallStream : public QIODevice
{
public:
    DemoCallStream(QStringList memberCodes, QStringList profileCodes, qint64 calls, qint64 fromSecs,
                   qint64 toSecs, quint32 seed, qint64 firstIndex = 0, QObject* parent = nullptr);

    /// Records produced so far.
    qint64 produced() const { return m_next; }
    qint64 total() const { return m_calls; }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool atEnd() const override;

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 maxSize) override;

private:
    void appendRecord();
    void appendDestination(QByteArray& dst);

    QList<QByteArray> m_memberCodes, m_profileCodes; // UTF-8, as written
    qint64 m_calls;
    qint64 m_from;
    qint64 m_span;
    quint32 m_seed;
    qint64 m_firstIndex;
    QRandomGenerator m_rng;
    qint64 m_next = 0;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
};

} // namespace sb
