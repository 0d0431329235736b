#pragma once

#include "core/base/Error.h"
#include "core/storage/Context.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sb::ui {

/// Long work (import, export, demo data, billing) off the UI thread, with a progress dialog
/// and Cancel, or quietly (billing at start and hourly: the window stays usable and says what
/// happened in the status bar). The work runs on its OWN database connection, opened and
/// closed in the worker thread: a QSqlDatabase connection may only be used by the thread that
/// opened it.
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    /// (done, total); returns false once the admin cancelled.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    using Work = std::function<void(const Context& ctx, const Progress& progress)>;
    /// Whether the admin sees the work going on: a window-modal progress dialog with Cancel
    /// after a moment, or nothing (the caller reports the outcome).
    enum class Feedback
    {
        ProgressDialog,
        Quiet
    };

    /// `ui` is the window's context: its database spec, clock and actor are reused.
    BackgroundJob(const Context& ui, const QString& label, QWidget* parent,
                  Feedback feedback = Feedback::ProgressDialog);
    ~BackgroundJob() override;

    /// Starts `work` in a worker thread; finished() follows in the UI thread.
    void start(Work work);
    bool isRunning() const { return m_watcher.isRunning(); }
    bool wasCancelled() const { return m_cancelled.load(); }
    /// Set when the worker could not open its connection (the work did not run).
    QString openError() const { return m_openError; }
    QProgressDialog* progressDialog() const { return m_dialog; }

    /// Runs `work` (returning Result<T>) and hands its result to `done` in the UI thread;
    /// the job deletes itself afterwards.
    template<typename T, typename WorkFn, typename DoneFn>
    static BackgroundJob* run(const Context& ui, const QString& label, QWidget* parent, WorkFn work,
                              DoneFn done, Feedback feedback = Feedback::ProgressDialog)
    {
        auto out = std::make_shared<std::optional<Result<T>>>();
        auto* job = new BackgroundJob(ui, label, parent, feedback);
        connect(job, &BackgroundJob::finished, job, [job, out, done]() {
            if (out->has_value())
                done(std::move(**out));
            else
                done(Result<T>(Error::storage(job->openError())));
            job->deleteLater();
        });
        job->start([out, work](const Context& ctx, const Progress& progress) {
            out->emplace(work(ctx, progress));
        });
        return job;
    }

signals:
    void finished();

private:
    void onProgress(qint64 done, qint64 total);

    QString m_spec;
    const Clock* m_clock = nullptr;
    QString m_actor;
    Notifier* m_notifier = nullptr;
    QPointer<QProgressDialog> m_dialog;
    QFutureWatcher<void> m_watcher;
    std::atomic<bool> m_cancelled{false};
    QString m_openError;
};

} // namespace sb::ui
