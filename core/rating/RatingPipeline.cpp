#include "core/rating/RatingPipeline.h"

namespace sb {

namespace {
constexpr size_t kBatchesAhead = 4;
}

RatingPipeline::RatingPipeline(CdrReader& reader, const Rater& rater, QString region, int batchSize)
    : m_reader(reader), m_rater(rater), m_region(std::move(region)),
      m_batchSize(size_t(std::max(1, batchSize)))
{
    m_thread = std::thread([this] { run(); });
}

RatingPipeline::~RatingPipeline()
{
    stop();
}

void RatingPipeline::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (!m_done) // else the reader finished: it must not look cancelled
            m_reader.cancel();
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void RatingPipeline::run()
{
    for (;;) {
        std::vector<Call> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_ready.size() < kBatchesAhead; });
            if (m_stopping)
                break;
            if (!m_spare.empty()) {
                batch = std::move(m_spare.back());
                m_spare.pop_back();
            }
        }
        batch.resize(m_batchSize);
        size_t n = 0;
        while (n < m_batchSize && m_reader.next(batch[n].record)) {
            batch[n].rated = m_rater.rate(batch[n].record, m_region);
            ++n;
        }
        batch.resize(n);
        const qint64 bytes = m_reader.bytesRead();
        const bool end = n < m_batchSize;
        {
            std::lock_guard lock(m_mutex);
            if (n > 0)
                m_ready.emplace_back(std::move(batch), bytes);
            if (end)
                m_done = true;
        }
        m_changed.notify_all();
        if (end)
            return;
    }
    std::lock_guard lock(m_mutex);
    m_done = true;
}

bool RatingPipeline::next(std::vector<Call>& batch)
{
    std::unique_lock lock(m_mutex);
    if (!batch.empty() || batch.capacity() > 0) {
        batch.clear();
        m_spare.push_back(std::move(batch));
        batch = {};
    }
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (m_ready.empty()) {
        lock.unlock();
        if (m_thread.joinable())
            m_thread.join();
        return false;
    }
    batch = std::move(m_ready.front().first);
    m_handedBytes = m_ready.front().second;
    m_ready.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return true;
}

} // namespace sb
