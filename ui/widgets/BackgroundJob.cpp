#include "ui/widgets/BackgroundJob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sb::ui {

BackgroundJob::BackgroundJob(const Context& ui, const QString& label, QWidget* parent,
                             Feedback feedback)
    : QObject(parent), m_spec(ui.db.spec()), m_clock(ui.clock), m_actor(ui.actor),
      m_notifier(ui.notifier)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, [this]() {
        if (m_dialog) {
            m_dialog->hide();
            m_dialog->deleteLater();
        }
        emit finished();
    });
    if (feedback == Feedback::Quiet)
        return;
    m_dialog = new QProgressDialog(label, tr("Cancel"), 0, 0, parent);
    m_dialog->setObjectName(QStringLiteral("progressDialog"));
    m_dialog->setAccessibleName(label);
    m_dialog->setWindowTitle(tr("Working…"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumDuration(300);
    connect(m_dialog, &QProgressDialog::canceled, this, [this]() {
        m_cancelled = true;
        if (m_dialog)
            m_dialog->setLabelText(tr("Cancelling…"));
    });
}

BackgroundJob::~BackgroundJob()
{
    // The worker uses this object's members: never leave it running behind.
    m_cancelled = true;
    m_watcher.waitForFinished();
    if (m_dialog)
        m_dialog->deleteLater();
}

void BackgroundJob::start(Work work)
{
    const QString spec = m_spec;
    const Clock* clock = m_clock;
    const QString actor = m_actor;
    Notifier* notifier = m_notifier;
    Progress progress = [this](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this, [this, done, total]() { onProgress(done, total); }, Qt::QueuedConnection);
        return !m_cancelled.load();
    };
    m_watcher.setFuture(QtConcurrent::run([this, spec, clock, actor, notifier, work, progress]() {
        // This thread's own connection, closed again before the thread moves on.
        auto db = Database::open(spec);
        if (!db) {
            m_openError = db.error().message;
            return;
        }
        Context ctx{*db, clock, actor, notifier};
        work(ctx, progress);
    }));
}

void BackgroundJob::onProgress(qint64 done, qint64 total)
{
    if (!m_dialog || total <= 0)
        return;
    // QProgressDialog counts in int; scale big totals down.
    const int scale = total > 1'000'000'000 ? 1000 : 1;
    m_dialog->setMaximum(static_cast<int>(total / scale));
    m_dialog->setValue(static_cast<int>(qMin(done, total) / scale));
}

} // namespace sb::ui
