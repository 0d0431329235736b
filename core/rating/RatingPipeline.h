#pragma once

#include "core/calls/CdrReader.h"
#include "core/rating/Rater.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace sb {

/// Reads and rates call records on a thread of its own, ahead of the caller, in batches:
/// CallImporter stores and charges one batch while the next is parsed and rated (rating is
/// libphonenumber's work, about a fifth of an import). Touches no database. At most a few
/// batches wait, so memory stays bounded whatever the file's size.
///
/// The reader belongs to the pipeline's thread until the pipeline is finished (next()
/// returned false) or destroyed; only then may its problems, fatal error and byte count be
/// read. stop() (or the destructor) cancels the reader and waits for the thread.
class RatingPipeline
{
public:
    struct Call
    {
        CallRecord record;
        RatedCall rated;
    };

    RatingPipeline(CdrReader& reader, const Rater& rater, QString region, int batchSize);
    ~RatingPipeline();
    RatingPipeline(const RatingPipeline&) = delete;
    RatingPipeline& operator=(const RatingPipeline&) = delete;

    /// The next batch (in file order) into `batch`; false at the end, after which the reader
    /// is the caller's again.
    bool next(std::vector<Call>& batch);
    /// Bytes of the input up to the end of the batch next() handed out last, for progress.
    qint64 bytesRead() const { return m_handedBytes; }
    void stop();

private:
    void run();

    CdrReader& m_reader;
    const Rater& m_rater;
    const QString m_region;
    const size_t m_batchSize;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::pair<std::vector<Call>, qint64>> m_ready; // with the bytes read after it
    std::vector<std::vector<Call>> m_spare;                   // batches handed back, reused
    bool m_done = false;
    bool m_stopping = false;
    qint64 m_handedBytes = 0;
    std::thread m_thread;
};

} // namespace sb
