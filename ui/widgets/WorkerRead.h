#pragma once

#include "core/storage/Context.h"
#include "core/storage/Database.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

namespace sb::ui {

/// What a widget shows, read on a worker thread with the worker's own connection (a
/// connection belongs to the thread that opened it), so that a big account never stops the
/// window. A read asked for while one runs is not started: `again` is called once that read
/// has ended, since it may have missed the change that asked. `apply` gets each result in
/// the owner's thread. T has a `QString error`, set when the connection cannot be opened.
/// Destroying the reader waits for a read still running (it reads through the owner's clock).
template<typename T> class WorkerRead
{
public:
    WorkerRead(QObject* owner, std::function<void(const T&)> apply, std::function<void()> again)
        : m_watcher(new QFutureWatcher<T>(owner)), m_apply(std::move(apply)),
          m_again(std::move(again))
    {
        QObject::connect(m_watcher, &QFutureWatcher<T>::finished, owner, [this]() {
            m_reading = false;
            m_apply(m_watcher->result());
            if (std::exchange(m_askedAgain, false))
                m_again();
        });
    }
    ~WorkerRead() { m_watcher->waitForFinished(); }
    WorkerRead(const WorkerRead&) = delete;
    WorkerRead& operator=(const WorkerRead&) = delete;

    /// Runs `read` (which must hold only values: it runs on the worker) on a Context of
    /// `ctx`'s database and clock, unless a read is running.
    void start(const Context& ctx, std::function<T(const Context&)> read)
    {
        if (m_reading) {
            m_askedAgain = true;
            return;
        }
        m_reading = true;
        m_watcher->setFuture(
            QtConcurrent::run([spec = ctx.db.spec(), clock = ctx.clock, read = std::move(read)]() {
                auto db = Database::open(spec);
                if (!db) {
                    T failed;
                    failed.error = db.error().message;
                    return failed;
                }
                const Context worker{*db, clock, QString(), nullptr};
                return read(worker);
            }));
    }

    /// From the start of a read until its result has been applied.
    bool isReading() const { return m_reading; }

private:
    QFutureWatcher<T>* m_watcher;
    std::function<void(const T&)> m_apply;
    std::function<void()> m_again;
    bool m_reading = false;
    bool m_askedAgain = false;
};

} // namespace sb::ui
